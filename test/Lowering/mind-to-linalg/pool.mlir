// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// max_pool pads with -inf and starts from -inf, so padding never wins the max; the window
// operand of the named op only carries the kernel shape.
// CHECK-LABEL: func.func @max_pool_padded
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3x7x5xf32>)
// CHECK-DAG:     %[[WINDOW:.*]] = tensor.empty() : tensor<3x2xf32>
// CHECK-DAG:     %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 0, 1, 0] high[0, 0, 1, 1]
// CHECK:           %[[PAD:.*]] = arith.constant 0xFF800000 : f32
// CHECK:           tensor.yield %[[PAD]] : f32
// CHECK:         %[[LOWEST:.*]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[LOWEST]] : f32) outs(%{{.*}} : tensor<2x3x4x5xf32>)
// CHECK:         %[[OUT:.*]] = linalg.pooling_nchw_max
// CHECK-SAME:      strides = dense<[2, 1]> : tensor<2xi64>
// CHECK-SAME:      ins(%[[PADDED]], %[[WINDOW]] : tensor<2x3x9x6xf32>, tensor<3x2xf32>) outs(%[[INIT]] : tensor<2x3x4x5xf32>)
// CHECK-NOT:     mind.max_pool
// CHECK:         return %[[OUT]]
func.func @max_pool_padded(%x: tensor<2x3x7x5xf32>) -> tensor<2x3x4x5xf32> {
  %0 = "mind.max_pool"(%x) {kernel_size = array<i64: 3, 2>, strides = array<i64: 2, 1>, pad = array<i64: 1, 1, 0, 1>}
      : (tensor<2x3x7x5xf32>) -> tensor<2x3x4x5xf32>
  return %0 : tensor<2x3x4x5xf32>
}

// -----

// With count_include_pad every window divides by kh * kw, one scalar constant.
// CHECK-LABEL: func.func @avg_pool_count_include_pad
// CHECK:         tensor.pad
// CHECK:         %[[SUM:.*]] = linalg.pooling_nchw_sum
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[SUM]] : tensor<1x2x4x6xf64>)
// CHECK:           %[[COUNT:.*]] = arith.constant 6.000000e+00 : f64
// CHECK:           arith.divf %{{.*}}, %[[COUNT]] : f64
func.func @avg_pool_count_include_pad(%x: tensor<1x2x7x5xf64>) -> tensor<1x2x4x6xf64> {
  %0 = "mind.avg_pool"(%x) {kernel_size = array<i64: 3, 2>, strides = array<i64: 2, 1>, pad = array<i64: 1, 2, 1, 1>, count_include_pad = true}
      : (tensor<1x2x7x5xf64>) -> tensor<1x2x4x6xf64>
  return %0 : tensor<1x2x4x6xf64>
}

// -----

// Without count_include_pad the divisor counts real cells per window: a [Ho, Wo] constant
// (rows x cols) broadcast over N and C; the bottom windows hold one real row of two.
// CHECK-LABEL: func.func @avg_pool_exclude_pad
// CHECK-DAG:     %[[COUNTS:.*]] = arith.constant dense<{{\[}}[4.000000e+00, 4.000000e+00], [2.000000e+00, 2.000000e+00]]> : tensor<2x2xf32>
// CHECK-DAG:     %[[SUM:.*]] = linalg.pooling_nchw_sum
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[SUM]], %[[COUNTS]] : tensor<1x1x2x2xf32>, tensor<2x2xf32>)
// CHECK:           arith.divf
func.func @avg_pool_exclude_pad(%x: tensor<1x1x3x4xf32>) -> tensor<1x1x2x2xf32> {
  %0 = "mind.avg_pool"(%x) {kernel_size = array<i64: 2, 2>, strides = array<i64: 2, 2>, pad = array<i64: 0, 1, 0, 0>, count_include_pad = false}
      : (tensor<1x1x3x4xf32>) -> tensor<1x1x2x2xf32>
  return %0 : tensor<1x1x2x2xf32>
}
