// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// random_uniform is a counter-based hash: the stream base is splitmix64's mix of the key and
// the seed, computed once outside the loops; then one parallel linalg.generic with no inputs
// mixes base + (row-major index + 1) * GAMMA and keeps the top 24 bits, scaled by 2^-24.
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @uniform_f32
// CHECK-SAME:    (%[[KEY:.*]]: tensor<i64>)
// CHECK:         %[[K:.*]] = tensor.extract %[[KEY]][] : tensor<i64>
// CHECK:         arith.muli %[[K]]
// CHECK:         %[[BASE:.*]] = arith.xori
// CHECK:         %[[EMPTY:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK:         %[[OUT:.*]] = linalg.generic {indexing_maps = [#[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:      outs(%[[EMPTY]] : tensor<2x3xf32>)
// CHECK:           %[[I:.*]] = linalg.index 0 : index
// CHECK:           arith.index_cast %[[I]] : index to i64
// CHECK:           %[[J:.*]] = linalg.index 1 : index
// CHECK:           arith.addi %[[BASE]]
// CHECK:           %[[C40:.*]] = arith.constant 40 : i64
// CHECK:           %[[TOP:.*]] = arith.shrui %{{.*}}, %[[C40]] : i64
// CHECK:           %[[F:.*]] = arith.sitofp %[[TOP]] : i64 to f32
// CHECK:           %[[SCALE:.*]] = arith.constant 5.96046448E-8 : f32
// CHECK:           %[[U:.*]] = arith.mulf %[[F]], %[[SCALE]] : f32
// CHECK:           linalg.yield %[[U]] : f32
// CHECK-NOT:     mind.random_uniform
// CHECK:         return %[[OUT]]
func.func @uniform_f32(%key: tensor<i64>) -> tensor<2x3xf32> {
  %0 = "mind.random_uniform"(%key) {shape = array<i64: 2, 3>, seed = 42 : i64, dtype = f32} : (tensor<i64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// f64 keeps the top 53 bits and converts through f64 (2^-53); f16 keeps 11 bits, converts
// through f32 and truncates, which is exact since an 11-bit integer times 2^-11 is an f16.
// CHECK-LABEL: func.func @uniform_f64
// CHECK:         linalg.generic
// CHECK:           arith.sitofp %{{.*}} : i64 to f64
// CHECK:           arith.constant 1.1102230246251565E-16 : f64
// CHECK:           linalg.yield %{{.*}} : f64
func.func @uniform_f64(%key: tensor<i64>) -> tensor<4xf64> {
  %0 = "mind.random_uniform"(%key) {shape = array<i64: 4>, seed = 0 : i64, dtype = f64} : (tensor<i64>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// CHECK-LABEL: func.func @uniform_f16
// CHECK:         linalg.generic
// CHECK:           arith.sitofp %{{.*}} : i64 to f32
// CHECK:           arith.constant 4.8828125E-4 : f32
// CHECK:           %[[H:.*]] = arith.truncf %{{.*}} : f32 to f16
// CHECK:           linalg.yield %[[H]] : f16
func.func @uniform_f16(%key: tensor<i64>) -> tensor<4xf16> {
  %0 = "mind.random_uniform"(%key) {shape = array<i64: 4>, seed = 0 : i64, dtype = f16} : (tensor<i64>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// A 0-d result is one element: a generic with no loops, at index 0.
// CHECK-LABEL: func.func @uniform_scalar
// CHECK:         linalg.generic {indexing_maps = [#{{.*}}], iterator_types = []}
// CHECK-NOT:       linalg.index
// CHECK:           linalg.yield %{{.*}} : f32
func.func @uniform_scalar(%key: tensor<i64>) -> tensor<f32> {
  %0 = "mind.random_uniform"(%key) {shape = array<i64>, seed = 7 : i64, dtype = f32} : (tensor<i64>) -> tensor<f32>
  return %0 : tensor<f32>
}
