// RUN: mind-run %s --random --seed 0 | FileCheck %s
// RUN: mind-run %s --random --seed 0 > %t.a
// RUN: mind-run %s --random --seed 0 > %t.b
// RUN: diff %t.a %t.b

// --random feeds seeded inputs (standard normal floats): the same seed prints the same outputs,
// each with its shape and dtype.

// CHECK:      output 0: shape (2, 4) dtype float32
// CHECK-NEXT: {{^\[\[[ 0-9.e+-]+\]$}}
// CHECK-NEXT: {{^ \[[ 0-9.e+-]+\]\]$}}
// CHECK-NOT:  output 1
func.func @main(%x: tensor<2x3xf32>, %y: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = "mind.relu"(%0) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %1 : tensor<2x4xf32>
}
