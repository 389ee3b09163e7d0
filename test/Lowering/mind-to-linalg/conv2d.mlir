// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// An unpadded, ungrouped conv is one named NCHW x FCHW conv on a zero-filled init; strides and
// dilations become the named op's attributes.
// CHECK-LABEL: func.func @conv2d_plain
// CHECK-SAME:    (%[[X:.*]]: tensor<1x3x11x7xf32>, %[[W:.*]]: tensor<4x3x3x2xf32>)
// CHECK-NOT:     tensor.pad
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<1x4x4x2xf32>)
// CHECK:         %[[OUT:.*]] = linalg.conv_2d_nchw_fchw
// CHECK-SAME:      dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[2, 3]> : tensor<2xi64>
// CHECK-SAME:      ins(%[[X]], %[[W]] : tensor<1x3x11x7xf32>, tensor<4x3x3x2xf32>) outs(%[[INIT]] : tensor<1x4x4x2xf32>)
// CHECK-NOT:     mind.conv2d
// CHECK:         return %[[OUT]]
func.func @conv2d_plain(%x: tensor<1x3x11x7xf32>, %w: tensor<4x3x3x2xf32>) -> tensor<1x4x4x2xf32> {
  %0 = "mind.conv2d"(%x, %w) {stride = array<i64: 2, 3>, pad = array<i64: 0, 0, 0, 0>, dilation = array<i64: 2, 1>, group = 1 : i64}
      : (tensor<1x3x11x7xf32>, tensor<4x3x3x2xf32>) -> tensor<1x4x4x2xf32>
  return %0 : tensor<1x4x4x2xf32>
}

// -----

// Padding [top, bottom, left, right] is an explicit zero tensor.pad of H and W only.
// CHECK-LABEL: func.func @conv2d_padded
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3x5x5xf64>, %[[W:.*]]: tensor<2x3x3x3xf64>)
// CHECK:         %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 0, 1, 3] high[0, 0, 2, 4]
// CHECK:           %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK:           tensor.yield %[[ZERO]] : f64
// CHECK:         } : tensor<2x3x5x5xf64> to tensor<2x3x8x12xf64>
// CHECK:         linalg.conv_2d_nchw_fchw
// CHECK-SAME:      ins(%[[PADDED]], %[[W]] : tensor<2x3x8x12xf64>, tensor<2x3x3x3xf64>)
func.func @conv2d_padded(%x: tensor<2x3x5x5xf64>, %w: tensor<2x3x3x3xf64>) -> tensor<2x2x6x10xf64> {
  %0 = "mind.conv2d"(%x, %w) {stride = array<i64: 1, 1>, pad = array<i64: 1, 2, 3, 4>, dilation = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<2x3x5x5xf64>, tensor<2x3x3x3xf64>) -> tensor<2x2x6x10xf64>
  return %0 : tensor<2x2x6x10xf64>
}

// -----

// A grouped conv splits channels into [group, per group] with expand_shape (no copies), runs the
// NGCHW x GFCHW named op, and collapses the output channels back.
// CHECK-LABEL: func.func @conv2d_grouped
// CHECK-SAME:    (%[[X:.*]]: tensor<1x4x6x5xf32>, %[[W:.*]]: tensor<6x2x3x3xf32>)
// CHECK-DAG:     %[[XG:.*]] = tensor.expand_shape %[[X]] {{\[}}[0], [1, 2], [3], [4]] output_shape [1, 2, 2, 6, 5] : tensor<1x4x6x5xf32> into tensor<1x2x2x6x5xf32>
// CHECK-DAG:     %[[WG:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3], [4]] output_shape [2, 3, 2, 3, 3] : tensor<6x2x3x3xf32> into tensor<2x3x2x3x3xf32>
// CHECK:         %[[OUT:.*]] = linalg.conv_2d_ngchw_gfchw
// CHECK-SAME:      ins(%[[XG]], %[[WG]] : tensor<1x2x2x6x5xf32>, tensor<2x3x2x3x3xf32>) outs(%{{.*}} : tensor<1x2x3x4x3xf32>)
// CHECK:         %[[FLAT:.*]] = tensor.collapse_shape %[[OUT]] {{\[}}[0], [1, 2], [3], [4]] : tensor<1x2x3x4x3xf32> into tensor<1x6x4x3xf32>
// CHECK:         return %[[FLAT]]
func.func @conv2d_grouped(%x: tensor<1x4x6x5xf32>, %w: tensor<6x2x3x3xf32>) -> tensor<1x6x4x3xf32> {
  %0 = "mind.conv2d"(%x, %w) {stride = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, dilation = array<i64: 1, 1>, group = 2 : i64}
      : (tensor<1x4x6x5xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x4x3xf32>
  return %0 : tensor<1x6x4x3xf32>
}
