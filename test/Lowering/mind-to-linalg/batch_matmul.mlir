// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// Equal rank-3 batches lower to the named linalg.batch_matmul. transpose_b is materialized once
// (a linalg.transpose of y's last two dims): the CPU kernel reads rows of y (rules/matmul.py).
// CHECK-LABEL: func.func @batch_matmul_named
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3x4xf32>, %[[Y:.*]]: tensor<2x5x4xf32>)
// CHECK:         %[[YT:.*]] = linalg.transpose ins(%[[Y]] : tensor<2x5x4xf32>) outs(%{{.*}} : tensor<2x4x5xf32>) permutation = [0, 2, 1]
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<2x3x5xf32>)
// CHECK:         %[[OUT:.*]] = linalg.batch_matmul
// CHECK-SAME:      ins(%[[X]], %[[YT]] : tensor<2x3x4xf32>, tensor<2x4x5xf32>) outs(%[[INIT]] : tensor<2x3x5xf32>)
// CHECK-NOT:     mind.batch_matmul
// CHECK:         return %[[OUT]]
func.func @batch_matmul_named(%x: tensor<2x3x4xf32>, %y: tensor<2x5x4xf32>) -> tensor<2x3x5xf32> {
  %0 = "mind.batch_matmul"(%x, %y) {transpose_a = false, transpose_b = true}
      : (tensor<2x3x4xf32>, tensor<2x5x4xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// Broadcast batches are one linalg.generic over (batch..., m, n, k): x's size-1 batch dim reads
// index 0 and y's missing leading dim is dropped from its map; nothing is broadcast in memory.
// CHECK-DAG:   #[[X_MAP:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, d4, d2)>
// CHECK-DAG:   #[[Y_MAP:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d4, d3)>
// CHECK-DAG:   #[[OUT_MAP:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @batch_matmul_broadcast
// CHECK-SAME:    (%[[X:.*]]: tensor<4x1x7x3xf64>, %[[Y:.*]]: tensor<2x7x5xf64>)
// CHECK:         %[[OUT:.*]] = linalg.generic {indexing_maps = [#[[X_MAP]], #[[Y_MAP]], #[[OUT_MAP]]],
// CHECK-SAME:      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME:      ins(%[[X]], %[[Y]] : tensor<4x1x7x3xf64>, tensor<2x7x5xf64>) outs(%{{.*}} : tensor<4x2x3x5xf64>)
// CHECK:           %[[PRODUCT:.*]] = arith.mulf
// CHECK:           arith.addf %{{.*}}, %[[PRODUCT]] : f64
// CHECK:         return %[[OUT]]
func.func @batch_matmul_broadcast(%x: tensor<4x1x7x3xf64>, %y: tensor<2x7x5xf64>) -> tensor<4x2x3x5xf64> {
  %0 = "mind.batch_matmul"(%x, %y) {transpose_a = true, transpose_b = false}
      : (tensor<4x1x7x3xf64>, tensor<2x7x5xf64>) -> tensor<4x2x3x5xf64>
  return %0 : tensor<4x2x3x5xf64>
}
