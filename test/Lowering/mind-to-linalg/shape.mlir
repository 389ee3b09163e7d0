// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// A reshape that only merges neighbouring dims is one collapse_shape, no copy.
// CHECK-LABEL: func.func @reshape_collapse
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK:         %[[OUT:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
// CHECK-NOT:     mind.reshape
// CHECK:         return %[[OUT]]
func.func @reshape_collapse(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  %0 = "mind.reshape"(%x) {shape = array<i64: 6, 4>} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

// A reshape that only splits dims (unit dims included) is one expand_shape.
// CHECK-LABEL: func.func @reshape_expand
// CHECK-SAME:    (%[[X:.*]]: tensor<6xf32>)
// CHECK:         %[[OUT:.*]] = tensor.expand_shape %[[X]] {{\[}}[0, 1, 2]] output_shape [1, 2, 3] : tensor<6xf32> into tensor<1x2x3xf32>
// CHECK:         return %[[OUT]]
func.func @reshape_expand(%x: tensor<6xf32>) -> tensor<1x2x3xf32> {
  %0 = "mind.reshape"(%x) {shape = array<i64: 1, 2, 3>} : (tensor<6xf32>) -> tensor<1x2x3xf32>
  return %0 : tensor<1x2x3xf32>
}

// -----

// 2x3 -> 3x2 neither merges nor splits dims: go through the flat tensor.
// CHECK-LABEL: func.func @reshape_regroup
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3xf32>)
// CHECK:         %[[FLAT:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK:         %[[OUT:.*]] = tensor.expand_shape %[[FLAT]] {{\[}}[0, 1]] output_shape [3, 2] : tensor<6xf32> into tensor<3x2xf32>
// CHECK:         return %[[OUT]]
func.func @reshape_regroup(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = "mind.reshape"(%x) {shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// To a 0-d tensor: a collapse with no groups.
// CHECK-LABEL: func.func @reshape_to_scalar
// CHECK:         tensor.collapse_shape %{{.*}} [] : tensor<1x1xf32> into tensor<f32>
func.func @reshape_to_scalar(%x: tensor<1x1xf32>) -> tensor<f32> {
  %0 = "mind.reshape"(%x) {shape = array<i64>} : (tensor<1x1xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Transpose is the named linalg.transpose with the same permutation.
// CHECK-LABEL: func.func @transpose
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK:         %[[INIT:.*]] = tensor.empty() : tensor<4x2x3xf32>
// CHECK:         %[[OUT:.*]] = linalg.transpose ins(%[[X]] : tensor<2x3x4xf32>) outs(%[[INIT]] : tensor<4x2x3xf32>) permutation = [2, 0, 1]
// CHECK-NOT:     mind.transpose
// CHECK:         return %[[OUT]]
func.func @transpose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %0 = "mind.transpose"(%x) {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// -----

// The identity permutation moves nothing, so the operand is returned as is.
// CHECK-LABEL: func.func @transpose_identity
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT:     linalg.transpose
// CHECK:         return %[[X]]
func.func @transpose_identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "mind.transpose"(%x) {perm = array<i64: 0, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A negative axis counts from the end; concat becomes tensor.concat on the normalized dim.
// CHECK-LABEL: func.func @concat_negative_axis
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<2x5xf32>)
// CHECK:         %[[OUT:.*]] = tensor.concat dim(1) %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
// CHECK:         return %[[OUT]]
func.func @concat_negative_axis(%x: tensor<2x3xf32>, %y: tensor<2x5xf32>) -> tensor<2x8xf32> {
  %0 = "mind.concat"(%x, %y) {axis = -1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

// Positive strides are one extract_slice; begin -5 of a size-6 dim is offset 1.
// CHECK-LABEL: func.func @strided_slice_positive
// CHECK-SAME:    (%[[X:.*]]: tensor<8x6xf32>)
// CHECK:         %[[OUT:.*]] = tensor.extract_slice %[[X]][1, 1] [3, 5] [2, 1] : tensor<8x6xf32> to tensor<3x5xf32>
// CHECK:         return %[[OUT]]
func.func @strided_slice_positive(%x: tensor<8x6xf32>) -> tensor<3x5xf32> {
  %0 = "mind.strided_slice"(%x) {begin = array<i64: 1, -5>, end = array<i64: 7, 6>, strides = array<i64: 2, 1>}
      : (tensor<8x6xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// extract_slice takes no negative stride: x[::-1, ::2] reads x at (7 - i, 2 j) in a generic.
// CHECK-DAG:   #[[READ:.*]] = affine_map<(d0, d1) -> (-d0 + 7, d1 * 2)>
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @strided_slice_reversed
// CHECK-SAME:    (%[[X:.*]]: tensor<8x6xf32>)
// CHECK:         %[[OUT:.*]] = linalg.generic {indexing_maps = [#[[READ]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:      ins(%[[X]] : tensor<8x6xf32>)
// CHECK:         ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      linalg.yield %[[IN]] : f32
// CHECK:         return %[[OUT]]
func.func @strided_slice_reversed(%x: tensor<8x6xf32>) -> tensor<8x3xf32> {
  %0 = "mind.strided_slice"(%x) {begin = array<i64: -1, 0>, end = array<i64: -9, 6>, strides = array<i64: -1, 2>}
      : (tensor<8x6xf32>) -> tensor<8x3xf32>
  return %0 : tensor<8x3xf32>
}

// -----

// Gather loops over the result; the index is clamped into [0, 4] before tensor.extract.
// CHECK-DAG:   #[[IDX:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @gather_axis_0
// CHECK-SAME:    (%[[P:.*]]: tensor<5x4xf32>, %[[I:.*]]: tensor<3xi32>)
// CHECK:         %[[OUT:.*]] = linalg.generic {indexing_maps = [#[[IDX]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:      ins(%[[I]] : tensor<3xi32>)
// CHECK:         ^bb0(%[[IN:.*]]: i32, %{{.*}}: f32):
// CHECK-DAG:       %[[LAST:.*]] = arith.constant 4 : index
// CHECK-DAG:       %[[ZERO:.*]] = arith.constant 0 : index
// CHECK:           %[[CAST:.*]] = arith.index_cast %[[IN]] : i32 to index
// CHECK:           %[[LOW:.*]] = arith.maxsi %[[CAST]], %[[ZERO]] : index
// CHECK:           %[[AT:.*]] = arith.minsi %[[LOW]], %[[LAST]] : index
// CHECK:           %[[J:.*]] = linalg.index 1 : index
// CHECK:           %[[V:.*]] = tensor.extract %[[P]][%[[AT]], %[[J]]] : tensor<5x4xf32>
// CHECK:           linalg.yield %[[V]] : f32
// CHECK:         return %[[OUT]]
func.func @gather_axis_0(%p: tensor<5x4xf32>, %i: tensor<3xi32>) -> tensor<3x4xf32> {
  %0 = "mind.gather"(%p, %i) {axis = 0 : i64} : (tensor<5x4xf32>, tensor<3xi32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// Indices of rank 2 in the middle: params dims before and after the axis keep their loops.
// CHECK-DAG:   #[[IDX:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2)>
// CHECK-LABEL: func.func @gather_middle_axis
// CHECK-SAME:    (%[[P:.*]]: tensor<2x5x3xf64>, %{{.*}}: tensor<4x1xi64>)
// CHECK:         linalg.generic {indexing_maps = [#[[IDX]], #{{.*}}]
// CHECK:           %[[A:.*]] = linalg.index 0 : index
// CHECK:           %[[B:.*]] = linalg.index 3 : index
// CHECK:           tensor.extract %[[P]][%[[A]], %{{.*}}, %[[B]]] : tensor<2x5x3xf64>
func.func @gather_middle_axis(%p: tensor<2x5x3xf64>, %i: tensor<4x1xi64>) -> tensor<2x4x1x3xf64> {
  %0 = "mind.gather"(%p, %i) {axis = 1 : i64} : (tensor<2x5x3xf64>, tensor<4x1xi64>) -> tensor<2x4x1x3xf64>
  return %0 : tensor<2x4x1x3xf64>
}

// -----

// OneHot compares each index with the loop index of the new axis; on/off are 0-d operands.
// CHECK-DAG:   #[[IDX:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG:   #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @one_hot_last_axis
// CHECK-SAME:    (%[[I:.*]]: tensor<3xi64>, %[[ON:.*]]: tensor<f32>, %[[OFF:.*]]: tensor<f32>)
// CHECK:         linalg.generic {indexing_maps = [#[[IDX]], #[[SCALAR]], #[[SCALAR]], #[[ID]]]
// CHECK-SAME:      ins(%[[I]], %[[ON]], %[[OFF]] : tensor<3xi64>, tensor<f32>, tensor<f32>)
// CHECK:         ^bb0(%[[IN:.*]]: i64, %[[ONV:.*]]: f32, %[[OFFV:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[CAST:.*]] = arith.index_cast %[[IN]] : i64 to index
// CHECK:           %[[POS:.*]] = linalg.index 1 : index
// CHECK:           %[[HOT:.*]] = arith.cmpi eq, %[[CAST]], %[[POS]] : index
// CHECK:           %[[V:.*]] = arith.select %[[HOT]], %[[ONV]], %[[OFFV]] : f32
// CHECK:           linalg.yield %[[V]] : f32
func.func @one_hot_last_axis(%i: tensor<3xi64>, %on: tensor<f32>, %off: tensor<f32>) -> tensor<3x5xf32> {
  %0 = "mind.one_hot"(%i, %on, %off) {depth = 5 : i64, axis = -1 : i64}
      : (tensor<3xi64>, tensor<f32>, tensor<f32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// axis = 0 puts the new dim first: the indices are read by the remaining loop.
// CHECK-DAG:   #[[IDX:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @one_hot_first_axis
// CHECK:         linalg.generic {indexing_maps = [#[[IDX]]
// CHECK:           linalg.index 0 : index
func.func @one_hot_first_axis(%i: tensor<3xi32>, %on: tensor<i32>, %off: tensor<i32>) -> tensor<4x3xi32> {
  %0 = "mind.one_hot"(%i, %on, %off) {depth = 4 : i64, axis = 0 : i64}
      : (tensor<3xi32>, tensor<i32>, tensor<i32>) -> tensor<4x3xi32>
  return %0 : tensor<4x3xi32>
}

// -----

// A constant is an arith.constant of the same dense attribute.
// CHECK-LABEL: func.func @constant
// CHECK:         %[[C:.*]] = arith.constant dense<[1.000000e+00, 2.500000e+00]> : tensor<2xf32>
// CHECK-NOT:     mind.constant
// CHECK:         return %[[C]]
func.func @constant() -> tensor<2xf32> {
  %0 = "mind.constant"() {value = dense<[1.0, 2.5]> : tensor<2xf32>} : () -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Fill is linalg.fill of the typed value into an empty tensor.
// CHECK-LABEL: func.func @fill
// CHECK:         %[[V:.*]] = arith.constant 7 : i32
// CHECK:         %[[INIT:.*]] = tensor.empty() : tensor<2x3xi32>
// CHECK:         %[[OUT:.*]] = linalg.fill ins(%[[V]] : i32) outs(%[[INIT]] : tensor<2x3xi32>)
// CHECK:         return %[[OUT]]
func.func @fill() -> tensor<2x3xi32> {
  %0 = "mind.fill"() {shape = array<i64: 2, 3>, value = 7 : i32} : () -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}
