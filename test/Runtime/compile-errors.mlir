// RUN: not mind-run %s --random 2>&1 | FileCheck %s --implicit-check-not=Traceback
// RUN: not mind-run %t.does-not-exist.mlir 2>&1 | FileCheck %s --check-prefix=MISSING -DFILE=%t.does-not-exist.mlir

// An invalid module is reported like mind-opt reports it, at the op.

// CHECK: compile-errors.mlir:[[@LINE+3]]:8: error: 'mind.matmul' contracting dimensions differ
// MISSING: error: could not open input file '[[FILE]]': No such file or directory
func.func @main(%x: tensor<4x3xf32>, %y: tensor<2x5xf32>) -> tensor<4x5xf32> {
  %0 = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<4x3xf32>, tensor<2x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}
