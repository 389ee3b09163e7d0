// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// A sum is a linalg.reduce from 0 over the sorted, normalized axes; keep_dims re-inserts the
// unit dims with an expand_shape (no copy).
// CHECK-LABEL: func.func @reduce_sum_keep_dims
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3x5xf32>)
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<3xf32>)
// CHECK:         %[[SUM:.*]] = linalg.reduce { arith.addf } ins(%[[X]] : tensor<2x3x5xf32>) outs(%[[INIT]] : tensor<3xf32>) dimensions = [0, 2]
// CHECK:         %[[OUT:.*]] = tensor.expand_shape %[[SUM]] {{\[}}[0, 1, 2]] output_shape [1, 3, 1] : tensor<3xf32> into tensor<1x3x1xf32>
// CHECK-NOT:     mind.reduce_sum
// CHECK:         return %[[OUT]]
func.func @reduce_sum_keep_dims(%x: tensor<2x3x5xf32>) -> tensor<1x3x1xf32> {
  %0 = "mind.reduce_sum"(%x) {axis = array<i64: 0, -1>, keep_dims = true} : (tensor<2x3x5xf32>) -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

// An empty axis reduces every dim, to a rank-0 tensor; max starts from -inf.
// CHECK-LABEL: func.func @reduce_max_all_dims
// CHECK:         %[[LOWEST:.*]] = arith.constant 0xFFF0000000000000 : f64
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[LOWEST]] : f64) outs(%{{.*}} : tensor<f64>)
// CHECK:         %[[MAX:.*]] = linalg.reduce { arith.maximumf } ins(%{{.*}} : tensor<2x3xf64>) outs(%[[INIT]] : tensor<f64>) dimensions = [0, 1]
// CHECK-NOT:     tensor.expand_shape
// CHECK:         return %[[MAX]]
func.func @reduce_max_all_dims(%x: tensor<2x3xf64>) -> tensor<f64> {
  %0 = "mind.reduce_max"(%x) {axis = array<i64>, keep_dims = false} : (tensor<2x3xf64>) -> tensor<f64>
  return %0 : tensor<f64>
}

// -----

// Integer min starts from the largest integer, not +inf, and uses the signed min.
// CHECK-LABEL: func.func @reduce_min_integer
// CHECK:         %[[HIGHEST:.*]] = arith.constant 2147483647 : i32
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[HIGHEST]] : i32)
// CHECK:         linalg.reduce { arith.minsi } ins(%{{.*}} : tensor<4x3xi32>) outs(%[[INIT]] : tensor<3xi32>) dimensions = [0]
func.func @reduce_min_integer(%x: tensor<4x3xi32>) -> tensor<3xi32> {
  %0 = "mind.reduce_min"(%x) {axis = array<i64: 0>, keep_dims = false} : (tensor<4x3xi32>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

// A mean is the sum divided by the number of reduced cells, known statically.
// CHECK-LABEL: func.func @reduce_mean_divides_by_count
// CHECK:         %[[SUM:.*]] = linalg.reduce { arith.addf } {{.*}} dimensions = [1]
// CHECK:         linalg.generic {{.*}} ins(%[[SUM]] : tensor<4xf32>)
// CHECK:           %[[COUNT:.*]] = arith.constant 3.000000e+00 : f32
// CHECK:           arith.divf %{{.*}}, %[[COUNT]] : f32
func.func @reduce_mean_divides_by_count(%x: tensor<4x3xf32>) -> tensor<4xf32> {
  %0 = "mind.reduce_mean"(%x) {axis = array<i64: 1>, keep_dims = false} : (tensor<4x3xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A product starts from 1; keeping every dim expands the rank-0 result with no groups.
// CHECK-LABEL: func.func @reduce_prod_keep_all_dims
// CHECK:         %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[ONE]] : f32) outs(%{{.*}} : tensor<f32>)
// CHECK:         %[[PROD:.*]] = linalg.reduce { arith.mulf } ins(%{{.*}} : tensor<4x3xf32>) outs(%[[INIT]] : tensor<f32>) dimensions = [0, 1]
// CHECK:         tensor.expand_shape %[[PROD]] [] output_shape [1, 1] : tensor<f32> into tensor<1x1xf32>
func.func @reduce_prod_keep_all_dims(%x: tensor<4x3xf32>) -> tensor<1x1xf32> {
  %0 = "mind.reduce_prod"(%x) {axis = array<i64>, keep_dims = true} : (tensor<4x3xf32>) -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// -----

// argmin carries (value, index) through one generic with two outputs and returns the i32
// index; the index comes from linalg.index of the reduced dim, and a tie goes to the smaller
// index (so the first minimum wins in any iteration order).
// CHECK-DAG:   #[[FULL:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[COL:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @argmin_first_index
// CHECK:         %[[HIGHEST:.*]] = arith.constant 0x7F800000 : f32
// CHECK:         %[[VALUES:.*]] = linalg.fill ins(%[[HIGHEST]] : f32) outs(%{{.*}} : tensor<3xf32>)
// CHECK:         %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK:         %[[INDICES:.*]] = linalg.fill ins(%[[ZERO]] : i32) outs(%{{.*}} : tensor<3xi32>)
// CHECK:         %[[BOTH:.*]]:2 = linalg.generic {indexing_maps = [#[[FULL]], #[[COL]], #[[COL]]], iterator_types = ["reduction", "parallel"]}
// CHECK-SAME:      outs(%[[VALUES]], %[[INDICES]] : tensor<3xf32>, tensor<3xi32>)
// CHECK:           %[[POS:.*]] = linalg.index 0 : index
// CHECK:           %[[I:.*]] = arith.index_cast %[[POS]] : index to i32
// CHECK:           arith.cmpf olt
// CHECK:           arith.cmpi slt, %[[I]]
// CHECK:           arith.select
// CHECK:           arith.select %{{.*}}, %[[I]]
// CHECK:         return %[[BOTH]]#1 : tensor<3xi32>
func.func @argmin_first_index(%x: tensor<4x3xf32>) -> tensor<3xi32> {
  %0 = "mind.argmin"(%x) {axis = 0 : i64} : (tensor<4x3xf32>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}
