// RUN: mind-run %s --random -o %t.npz
// RUN: %python -c "import numpy as np; d = np.load('%t.npz'); print(d.files, d['arr_0'].shape, d['arr_0'].dtype, d['arr_1'].dtype)" | FileCheck %s
// RUN: mind-run %s --random -o %t.npz --print | FileCheck %s --check-prefix=PRINT

// -o saves the outputs in order as arr_0, arr_1, ... (np.savez); --print prints them as well.

// CHECK: ['arr_0', 'arr_1'] (2, 2) float32 int32
// PRINT: output 0: shape (2, 2) dtype float32
// PRINT: output 1: shape (2, 2) dtype int32
func.func @main(%x: tensor<2x2xf32>, %n: tensor<2x2xi32>) -> (tensor<2x2xf32>, tensor<2x2xi32>) {
  %0 = "mind.mul"(%x, %x) : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  %1 = "mind.add"(%n, %n) : (tensor<2x2xi32>, tensor<2x2xi32>) -> tensor<2x2xi32>
  return %0, %1 : tensor<2x2xf32>, tensor<2x2xi32>
}
