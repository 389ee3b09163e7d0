// RUN: mind-opt %s | mind-opt | FileCheck %s

// mind ops are IRDL ops: they print in generic form, attributes included, and the printed text
// parses back to the same IR (mind-opt runs mind-verify on both parses).

// CHECK-LABEL: func.func @dense_layer
// CHECK-SAME:    (%[[X:.*]]: tensor<4x3xf32>, %[[W:.*]]: tensor<3x5xf32>, %[[B:.*]]: tensor<5xf32>)
// CHECK:         %[[MM:.*]] = "mind.matmul"(%[[X]], %[[W]]) {transpose_a = false, transpose_b = false} : (tensor<4x3xf32>, tensor<3x5xf32>) -> tensor<4x5xf32>
// CHECK:         %[[ADD:.*]] = "mind.add"(%[[MM]], %[[B]]) : (tensor<4x5xf32>, tensor<5xf32>) -> tensor<4x5xf32>
// CHECK:         %[[R:.*]] = "mind.relu"(%[[ADD]]) : (tensor<4x5xf32>) -> tensor<4x5xf32>
// CHECK:         return %[[R]] : tensor<4x5xf32>
func.func @dense_layer(%x: tensor<4x3xf32>, %w: tensor<3x5xf32>, %b: tensor<5xf32>) -> tensor<4x5xf32> {
  %0 = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false} : (tensor<4x3xf32>, tensor<3x5xf32>) -> tensor<4x5xf32>
  %1 = "mind.add"(%0, %b) : (tensor<4x5xf32>, tensor<5xf32>) -> tensor<4x5xf32>
  %2 = "mind.relu"(%1) : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return %2 : tensor<4x5xf32>
}

// Transpose flags are kept as given (they change the result shape).
// CHECK-LABEL: func.func @matmul_transposed
// CHECK:         "mind.matmul"(%{{.*}}, %{{.*}}) {transpose_a = true, transpose_b = true} : (tensor<3x4xf32>, tensor<5x3xf32>) -> tensor<4x5xf32>
func.func @matmul_transposed(%x: tensor<3x4xf32>, %y: tensor<5x3xf32>) -> tensor<4x5xf32> {
  %0 = "mind.matmul"(%x, %y) {transpose_a = true, transpose_b = true} : (tensor<3x4xf32>, tensor<5x3xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// Unary activations, and gelu's string attribute.
// CHECK-LABEL: func.func @activations
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3xf32>)
// CHECK:         %[[E:.*]] = "mind.exp"(%[[X]]) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK:         %[[S:.*]] = "mind.sigmoid"(%[[E]]) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK:         %[[G:.*]] = "mind.gelu"(%[[S]]) {approximate = "tanh"} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK:         %[[M:.*]] = "mind.mul"(%[[G]], %[[X]]) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK:         return %[[M]]
func.func @activations(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "mind.exp"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = "mind.sigmoid"(%0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = "mind.gelu"(%1) {approximate = "tanh"} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = "mind.mul"(%2, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %3 : tensor<2x3xf32>
}

// Cast carries its target element type as a type attribute; 0-d tensors broadcast in mul.
// CHECK-LABEL: func.func @cast_and_scalar
// CHECK:         %[[C:.*]] = "mind.cast"(%{{.*}}) {dtype = i32} : (tensor<2x3xf32>) -> tensor<2x3xi32>
// CHECK:         "mind.mul"(%[[C]], %{{.*}}) : (tensor<2x3xi32>, tensor<i32>) -> tensor<2x3xi32>
func.func @cast_and_scalar(%x: tensor<2x3xf32>, %s: tensor<i32>) -> tensor<2x3xi32> {
  %0 = "mind.cast"(%x) {dtype = i32} : (tensor<2x3xf32>) -> tensor<2x3xi32>
  %1 = "mind.mul"(%0, %s) : (tensor<2x3xi32>, tensor<i32>) -> tensor<2x3xi32>
  return %1 : tensor<2x3xi32>
}
