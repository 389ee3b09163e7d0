// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/x.npy', np.ones((2, 3), np.float32)); np.save('%t/y.npy', np.ones((3, 4), np.float32)); np.save('%t/n.npy', np.ones((2, 3), np.int32))"
// RUN: not mind-run %s --input %t/x.npy 2>&1 | FileCheck %s --check-prefix=COUNT --implicit-check-not=Traceback
// RUN: not mind-run %s --input %t/x.npy --input %t/x.npy 2>&1 | FileCheck %s --check-prefix=SHAPE --implicit-check-not=Traceback
// RUN: not mind-run %s -f ints --input %t/x.npy 2>&1 | FileCheck %s --check-prefix=DTYPE --implicit-check-not=Traceback
// RUN: not mind-run %s --input %t/missing.npy 2>&1 | FileCheck %s --check-prefix=MISSING -DFILE=%t/missing.npy
// RUN: not mind-run %s --random --input %t/x.npy 2>&1 | FileCheck %s --check-prefix=MIXED

// Inputs that do not match the signature are reported at the function, before anything runs.

// COUNT:   input-errors.mlir:[[@LINE+3]]:1: error: @main takes 2 inputs, got 1
// SHAPE:   input-errors.mlir:[[@LINE+2]]:1: error: input 1 of @main must have shape [3, 4], got [2, 3]
// COUNT-NOT: output
func.func @main(%x: tensor<2x3xf32>, %y: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// Floats are not silently truncated to integers.
// DTYPE:   input-errors.mlir:[[@LINE+1]]:1: error: input 0 of @ints must be i32, got float32
func.func @ints(%n: tensor<2x3xi32>) -> tensor<2x3xi32> {
  %0 = "mind.add"(%n, %n) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// MISSING: error: could not open input file '[[FILE]]': No such file or directory
// MIXED:   error: --random cannot be combined with --input or --inputs
