// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s
// RUN: mind-opt --split-input-file --mind-to-linalg < %s | FileCheck %s

// Each chunk is processed alone; the outputs are joined by the same marker.

// CHECK-LABEL: func.func @first
// CHECK:         linalg.matmul
// CHECK-NOT:     mind.
// CHECK:       // -----
func.func @first(%x: tensor<2x3xf32>, %y: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// A second module: the same symbol name does not clash with the first chunk's.
// CHECK-LABEL: func.func @first
// CHECK:         math.exp
// CHECK-NOT:     // -----
func.func @first(%x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
