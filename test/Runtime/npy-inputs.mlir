// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/x.npy', np.arange(6, dtype=np.float32).reshape(2, 3) - 2); np.save('%t/b.npy', np.array([10, 20, 30], np.float32))"
// RUN: mind-run %s --input %t/x.npy --input %t/b.npy | FileCheck %s
// RUN: %python -c "import numpy as np; np.savez('%t/xb.npz', np.load('%t/x.npy'), np.load('%t/b.npy'))"
// RUN: mind-run %s --inputs %t/xb.npz | FileCheck %s

// Inputs from .npy files (in argument order) or one .npz; x = [[-2,-1,0],[1,2,3]], b = [10,20,30].
// relu(x) + b, with b broadcast over rows:

// CHECK:      output 0: shape (2, 3) dtype float32
// CHECK-NEXT: {{\[\[}}10. 20. 30.]
// CHECK-NEXT:  [11. 22. 33.]]
func.func @main(%x: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "mind.relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = "mind.add"(%0, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}
