// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// numpy broadcasting lives in the indexing maps: a stretched size-1 dim reads index 0, and
// missing leading dims are simply not read. No broadcast is materialized.
// CHECK-DAG:   #[[XMAP:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-DAG:   #[[YMAP:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @add_size_one_and_rank_difference
// CHECK-SAME:    (%[[X:.*]]: tensor<4x1x3xf32>, %[[Y:.*]]: tensor<5x1xf32>)
// CHECK:         %[[INIT:.*]] = tensor.empty() : tensor<4x5x3xf32>
// CHECK:         %[[OUT:.*]] = linalg.generic {indexing_maps = [#[[XMAP]], #[[YMAP]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME:      ins(%[[X]], %[[Y]] : tensor<4x1x3xf32>, tensor<5x1xf32>) outs(%[[INIT]] : tensor<4x5x3xf32>)
// CHECK:           arith.addf
// CHECK-NOT:     linalg.broadcast
// CHECK:         return %[[OUT]]
func.func @add_size_one_and_rank_difference(%x: tensor<4x1x3xf32>, %y: tensor<5x1xf32>) -> tensor<4x5x3xf32> {
  %0 = "mind.add"(%x, %y) : (tensor<4x1x3xf32>, tensor<5x1xf32>) -> tensor<4x5x3xf32>
  return %0 : tensor<4x5x3xf32>
}

// -----

// A 0-d operand is read through a map with no results.
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @mul_by_scalar_tensor
// CHECK:         linalg.generic {indexing_maps = [#[[ID]], #[[SCALAR]], #[[ID]]]
// CHECK-SAME:      ins(%{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<f32>)
// CHECK:           arith.mulf
func.func @mul_by_scalar_tensor(%x: tensor<2x3xf32>, %y: tensor<f32>) -> tensor<2x3xf32> {
  %0 = "mind.mul"(%x, %y) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Both operands can stretch: [2,1] with [1,3] is an outer product of maps.
// CHECK-DAG:   #[[COL:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG:   #[[ROW:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-LABEL: func.func @maximum_outer
// CHECK:         linalg.generic {indexing_maps = [#[[COL]], #[[ROW]], #{{.*}}]
// CHECK:           arith.maximumf
// CHECK:         -> tensor<2x3xf32>
func.func @maximum_outer(%x: tensor<2x1xf32>, %y: tensor<1x3xf32>) -> tensor<2x3xf32> {
  %0 = "mind.maximum"(%x, %y) : (tensor<2x1xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A size-1 dim that stays size 1 is read by its loop, not pinned to 0.
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @sub_unit_dim_kept
// CHECK:         linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]]
// CHECK:           arith.subi
func.func @sub_unit_dim_kept(%x: tensor<1x4xi32>, %y: tensor<4xi32>) -> tensor<1x4xi32> {
  %0 = "mind.sub"(%x, %y) : (tensor<1x4xi32>, tensor<4xi32>) -> tensor<1x4xi32>
  return %0 : tensor<1x4xi32>
}

// -----

// Comparisons broadcast the same way and yield i1.
// CHECK-DAG:   #[[COL:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-LABEL: func.func @less_broadcast
// CHECK:         linalg.generic {indexing_maps = [#[[COL]], #{{.*}}, #{{.*}}]
// CHECK:           arith.cmpf olt
// CHECK:         -> tensor<3x2xi1>
func.func @less_broadcast(%x: tensor<3x1xf64>, %y: tensor<2xf64>) -> tensor<3x2xi1> {
  %0 = "mind.less"(%x, %y) : (tensor<3x1xf64>, tensor<2xf64>) -> tensor<3x2xi1>
  return %0 : tensor<3x2xi1>
}

// -----

// Select broadcasts all three operands to one shape.
// CHECK-DAG:   #[[C:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG:   #[[X:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG:   #[[Y:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @select_broadcast
// CHECK:         linalg.generic {indexing_maps = [#[[C]], #[[X]], #[[Y]], #{{.*}}]
// CHECK:           arith.select
func.func @select_broadcast(%c: tensor<2x1xi1>, %x: tensor<3xf32>, %y: tensor<f32>) -> tensor<2x3xf32> {
  %0 = "mind.select"(%c, %x, %y) : (tensor<2x1xi1>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// broadcast_to is a copy through the same broadcast map.
// CHECK-DAG:   #[[XMAP:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @broadcast_to
// CHECK-SAME:    (%[[X:.*]]: tensor<3x1xf32>)
// CHECK:         %[[OUT:.*]] = linalg.generic {indexing_maps = [#[[XMAP]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME:      ins(%[[X]] : tensor<3x1xf32>)
// CHECK:         ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      linalg.yield %[[IN]] : f32
// CHECK-NOT:     mind.broadcast_to
// CHECK:         return %[[OUT]]
func.func @broadcast_to(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = "mind.broadcast_to"(%x) {shape = array<i64: 2, 3, 4>} : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// broadcast_to of a 0-d tensor reads it through the empty map.
// CHECK-DAG:   #[[SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func.func @broadcast_to_from_scalar
// CHECK:         linalg.generic {indexing_maps = [#[[SCALAR]], #{{.*}}]
// CHECK:         -> tensor<5xi64>
func.func @broadcast_to_from_scalar(%x: tensor<i64>) -> tensor<5xi64> {
  %0 = "mind.broadcast_to"(%x) {shape = array<i64: 5>} : (tensor<i64>) -> tensor<5xi64>
  return %0 : tensor<5xi64>
}
