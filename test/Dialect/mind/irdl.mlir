// RUN: mlir-opt %s --irdl-file=%mind_dialect | mlir-opt --irdl-file=%mind_dialect | FileCheck %s

// The dialect file alone, without mindc's Python: upstream mlir-opt loads it and parses mind ops
// (operand, result and attribute kinds only; shapes are the rules' job, so nothing checks them here).

// CHECK-LABEL: func.func @dense_layer
// CHECK-SAME:    (%[[X:.*]]: tensor<4x3xf32>, %[[W:.*]]: tensor<3x5xf32>, %[[B:.*]]: tensor<5xf32>)
// CHECK:         %[[MM:.*]] = "mind.matmul"(%[[X]], %[[W]]) {transpose_a = false, transpose_b = false}
// CHECK:         %[[ADD:.*]] = "mind.add"(%[[MM]], %[[B]])
// CHECK:         %[[G:.*]] = "mind.gelu"(%[[ADD]]) {approximate = "none"}
// CHECK:         %[[C:.*]] = "mind.cast"(%[[G]]) {dtype = f16}
// CHECK:         return %[[C]]
func.func @dense_layer(%x: tensor<4x3xf32>, %w: tensor<3x5xf32>, %b: tensor<5xf32>) -> tensor<4x5xf16> {
  %0 = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false} : (tensor<4x3xf32>, tensor<3x5xf32>) -> tensor<4x5xf32>
  %1 = "mind.add"(%0, %b) : (tensor<4x5xf32>, tensor<5xf32>) -> tensor<4x5xf32>
  %2 = "mind.gelu"(%1) {approximate = "none"} : (tensor<4x5xf32>) -> tensor<4x5xf32>
  %3 = "mind.cast"(%2) {dtype = f16} : (tensor<4x5xf32>) -> tensor<4x5xf16>
  return %3 : tensor<4x5xf16>
}

// IRDL does not check shapes: a contracting mismatch passes here (mind-verify rejects it).
// CHECK-LABEL: func.func @shapes_unchecked
// CHECK:         "mind.matmul"
func.func @shapes_unchecked(%x: tensor<4x3xf32>, %y: tensor<2x5xf32>) -> tensor<4x5xf32> {
  %0 = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<4x3xf32>, tensor<2x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}
