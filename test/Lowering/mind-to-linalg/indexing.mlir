// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// A forward strided slice update is one tensor.insert_slice of the value into x.
// CHECK-LABEL: func.func @strided_slice_update_forward
// CHECK-SAME:    (%[[X:.*]]: tensor<4x5xf32>, %[[V:.*]]: tensor<2x3xf32>)
// CHECK:         %[[OUT:.*]] = tensor.insert_slice %[[V]] into %[[X]][1, 0] [2, 3] [2, 2]
// CHECK-NOT:     mind.strided_slice_update
// CHECK:         return %[[OUT]]
func.func @strided_slice_update_forward(%x: tensor<4x5xf32>, %v: tensor<2x3xf32>) -> tensor<4x5xf32> {
  %0 = "mind.strided_slice_update"(%x, %v) {begin = array<i64: 1, 0>, end = array<i64: 4, 5>,
      strides = array<i64: 2, 2>} : (tensor<4x5xf32>, tensor<2x3xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

// A backward step writes the value reversed along that dim, forwards from the last row written.
// CHECK-DAG:   #[[REVERSE:.*]] = affine_map<(d0, d1) -> (-d0 + 1, d1)>
// CHECK-LABEL: func.func @strided_slice_update_backward
// CHECK-SAME:    (%[[X:.*]]: tensor<4x5xf32>, %[[V:.*]]: tensor<2x5xf32>)
// CHECK:         %[[REV:.*]] = linalg.generic {indexing_maps = [#[[REVERSE]], {{.*}}]} ins(%[[V]] : tensor<2x5xf32>)
// CHECK:         %[[OUT:.*]] = tensor.insert_slice %[[REV]] into %[[X]][1, 0] [2, 5] [2, 1]
// CHECK:         return %[[OUT]]
func.func @strided_slice_update_backward(%x: tensor<4x5xf32>, %v: tensor<2x5xf32>) -> tensor<4x5xf32> {
  %0 = "mind.strided_slice_update"(%x, %v) {begin = array<i64: 3, 0>, end = array<i64: 0, 5>,
      strides = array<i64: -2, 1>} : (tensor<4x5xf32>, tensor<2x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

// Scatter writes one row per index in a loop carrying x, wrapping negative indices and skipping
// those still out of range, so a later index overwrites an earlier one.
// CHECK-LABEL: func.func @scatter_update_rows
// CHECK-SAME:    (%[[X:.*]]: tensor<4x5xf32>, %[[I:.*]]: tensor<3xi64>, %[[U:.*]]: tensor<3x5xf32>)
// CHECK:         %[[OUT:.*]] = scf.for %{{.*}} iter_args(%[[ACC:.*]] = %[[X]]) -> (tensor<4x5xf32>)
// CHECK:           %[[RAW:.*]] = tensor.extract %[[I]]
// CHECK:           arith.select
// CHECK:           scf.if
// CHECK:             %[[ROW:.*]] = tensor.extract_slice %[[U]]
// CHECK:             tensor.insert_slice %[[ROW]] into %[[ACC]]
// CHECK-NOT:     mind.scatter_update
// CHECK:         return %[[OUT]]
func.func @scatter_update_rows(%x: tensor<4x5xf32>, %i: tensor<3xi64>, %u: tensor<3x5xf32>) -> tensor<4x5xf32> {
  %0 = "mind.scatter_update"(%x, %i, %u) : (tensor<4x5xf32>, tensor<3xi64>, tensor<3x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}
