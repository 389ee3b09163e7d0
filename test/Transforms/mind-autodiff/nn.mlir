// RUN: mind-opt %s --split-input-file --mind-autodiff | FileCheck %s

// A small CNN: softmax's adjoint is elementwise, avg_pool's spreads g / count back with a ones
// depthwise kernel, max_pool's routes through max_pool_grad (of the forward conv2d result), and
// conv2d's emits its two gradient ops with the forward attributes.
// CHECK-LABEL: func.func private @net_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>, %[[G:.*]]: tensor<2x4x3x3xf32>)
// CHECK:         %[[C:.*]] = "mind.conv2d"(%[[X]], %[[W]])
// CHECK:         %[[S:.*]] = "mind.softmax"
// CHECK:         %[[GS:.*]] = "mind.mul"(%[[G]], %[[S]])
// CHECK:         %[[T:.*]] = "mind.reduce_sum"(%[[GS]]) {axis = array<i64: 1>, keep_dims = true}
// CHECK:         %[[D:.*]] = "mind.sub"(%[[G]], %[[T]])
// CHECK:         %[[DA:.*]] = "mind.mul"(%[[S]], %[[D]])
// CHECK:         %[[N:.*]] = "mind.fill"() {shape = array<i64>, value = 4.000000e+00 : f32}
// CHECK:         %[[SHARE:.*]] = "mind.div"(%[[DA]], %[[N]])
// CHECK:         %[[ONES:.*]] = "mind.fill"() {shape = array<i64: 4, 1, 2, 2>, value = 1.000000e+00 : f32}
// CHECK:         %[[DM:.*]] = "mind.conv2d_backprop_input"(%[[SHARE]], %[[ONES]])
// CHECK-SAME:      {dilation = array<i64: 1, 1>, group = 4 : i64, input_size = array<i64: 2, 4, 4, 4>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>}
// CHECK:         %[[DC:.*]] = "mind.max_pool_grad"(%[[C]], %[[DM]])
// CHECK-SAME:      {kernel_size = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>}
// CHECK:         %[[DX:.*]] = "mind.conv2d_backprop_input"(%[[DC]], %[[W]])
// CHECK-SAME:      {dilation = array<i64: 1, 1>, group = 1 : i64, input_size = array<i64: 2, 3, 8, 8>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>}
// CHECK:         %[[DW:.*]] = "mind.conv2d_backprop_filter"(%[[DC]], %[[X]])
// CHECK-SAME:      {dilation = array<i64: 1, 1>, filter_size = array<i64: 4, 3, 3, 3>, group = 1 : i64, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>}
// CHECK:         return %[[S]], %[[DX]], %[[DW]]
func.func private @net(%x: tensor<2x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<2x4x3x3xf32> {
  %c = "mind.conv2d"(%x, %w) {stride = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, dilation = array<i64: 1, 1>, group = 1}
      : (tensor<2x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<2x4x8x8xf32>
  %m = "mind.max_pool"(%c) {kernel_size = array<i64: 2, 2>, strides = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>}
      : (tensor<2x4x8x8xf32>) -> tensor<2x4x4x4xf32>
  %a = "mind.avg_pool"(%m) {kernel_size = array<i64: 2, 2>, strides = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, count_include_pad = false}
      : (tensor<2x4x4x4xf32>) -> tensor<2x4x3x3xf32>
  %s = "mind.softmax"(%a) {axis = 1} : (tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
  return %s : tensor<2x4x3x3xf32>
}
func.func @main(%x: tensor<2x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %g: tensor<2x4x3x3xf32>)
    -> (tensor<2x4x3x3xf32>, tensor<2x3x8x8xf32>, tensor<4x3x3x3xf32>) {
  %f = func.constant @net : (tensor<2x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<2x4x3x3xf32>
  %v = "mind.vjp"(%f) : ((tensor<2x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<2x4x3x3xf32>)
      -> ((tensor<2x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<2x4x3x3xf32>) -> (tensor<2x4x3x3xf32>, tensor<2x3x8x8xf32>, tensor<4x3x3x3xf32>))
  %r:3 = func.call_indirect %v(%x, %w, %g) : (tensor<2x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<2x4x3x3xf32>)
      -> (tensor<2x4x3x3xf32>, tensor<2x3x8x8xf32>, tensor<4x3x3x3xf32>)
  return %r#0, %r#1, %r#2 : tensor<2x4x3x3xf32>, tensor<2x3x8x8xf32>, tensor<4x3x3x3xf32>
}

// -----

// Grouped, strided, dilated conv2d: both gradient ops carry the forward's attributes, plus the
// shape of the operand they differentiate.
// CHECK-LABEL: func.func private @grouped_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<1x4x7x6xf32>, %[[W:.*]]: tensor<6x2x3x2xf32>, %[[G:.*]]: tensor<1x6x3x7xf32>)
// CHECK:         %[[DX:.*]] = "mind.conv2d_backprop_input"(%[[G]], %[[W]])
// CHECK-SAME:      {dilation = array<i64: 1, 2>, group = 2 : i64, input_size = array<i64: 1, 4, 7, 6>, pad = array<i64: 1, 0, 2, 1>, stride = array<i64: 2, 1>}
// CHECK:         %[[DW:.*]] = "mind.conv2d_backprop_filter"(%[[G]], %[[X]])
// CHECK-SAME:      {dilation = array<i64: 1, 2>, filter_size = array<i64: 6, 2, 3, 2>, group = 2 : i64, pad = array<i64: 1, 0, 2, 1>, stride = array<i64: 2, 1>}
// CHECK:         return %{{.*}}, %[[DX]], %[[DW]]
func.func private @grouped(%x: tensor<1x4x7x6xf32>, %w: tensor<6x2x3x2xf32>) -> tensor<1x6x3x7xf32> {
  %0 = "mind.conv2d"(%x, %w) {stride = array<i64: 2, 1>, pad = array<i64: 1, 0, 2, 1>, dilation = array<i64: 1, 2>, group = 2}
      : (tensor<1x4x7x6xf32>, tensor<6x2x3x2xf32>) -> tensor<1x6x3x7xf32>
  return %0 : tensor<1x6x3x7xf32>
}
func.func @main(%x: tensor<1x4x7x6xf32>, %w: tensor<6x2x3x2xf32>, %g: tensor<1x6x3x7xf32>)
    -> (tensor<1x6x3x7xf32>, tensor<1x4x7x6xf32>, tensor<6x2x3x2xf32>) {
  %f = func.constant @grouped : (tensor<1x4x7x6xf32>, tensor<6x2x3x2xf32>) -> tensor<1x6x3x7xf32>
  %v = "mind.vjp"(%f) : ((tensor<1x4x7x6xf32>, tensor<6x2x3x2xf32>) -> tensor<1x6x3x7xf32>)
      -> ((tensor<1x4x7x6xf32>, tensor<6x2x3x2xf32>, tensor<1x6x3x7xf32>) -> (tensor<1x6x3x7xf32>, tensor<1x4x7x6xf32>, tensor<6x2x3x2xf32>))
  %r:3 = func.call_indirect %v(%x, %w, %g) : (tensor<1x4x7x6xf32>, tensor<6x2x3x2xf32>, tensor<1x6x3x7xf32>)
      -> (tensor<1x6x3x7xf32>, tensor<1x4x7x6xf32>, tensor<6x2x3x2xf32>)
  return %r#0, %r#1, %r#2 : tensor<1x6x3x7xf32>, tensor<1x4x7x6xf32>, tensor<6x2x3x2xf32>
}

// -----

// Without count_include_pad a padded avg_pool divides each window's g by its own count of real
// cells: a constant [Ho, Wo] table (rows 2, 3, 2 times columns 2, 1), broadcast over N and C.
// CHECK-LABEL: func.func private @avg_padded_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<1x2x5x3xf32>, %[[G:.*]]: tensor<1x2x3x2xf32>)
// CHECK:         %[[COUNTS:.*]] = "mind.constant"() {value = dense<{{\[\[}}4.000000e+00, 2.000000e+00], [6.000000e+00, 3.000000e+00], [4.000000e+00, 2.000000e+00]]> : tensor<3x2xf32>}
// CHECK:         %[[SHARE:.*]] = "mind.div"(%[[G]], %[[COUNTS]])
// CHECK:         %[[ONES:.*]] = "mind.fill"() {shape = array<i64: 2, 1, 3, 2>, value = 1.000000e+00 : f32}
// CHECK:         %[[DX:.*]] = "mind.conv2d_backprop_input"(%[[SHARE]], %[[ONES]])
// CHECK-SAME:      {dilation = array<i64: 1, 1>, group = 2 : i64, input_size = array<i64: 1, 2, 5, 3>, pad = array<i64: 1, 1, 0, 1>, stride = array<i64: 2, 2>}
// CHECK:         return %{{.*}}, %[[DX]]
func.func private @avg_padded(%x: tensor<1x2x5x3xf32>) -> tensor<1x2x3x2xf32> {
  %0 = "mind.avg_pool"(%x) {kernel_size = array<i64: 3, 2>, strides = array<i64: 2, 2>, pad = array<i64: 1, 1, 0, 1>, count_include_pad = false}
      : (tensor<1x2x5x3xf32>) -> tensor<1x2x3x2xf32>
  return %0 : tensor<1x2x3x2xf32>
}
func.func @main(%x: tensor<1x2x5x3xf32>, %g: tensor<1x2x3x2xf32>) -> (tensor<1x2x3x2xf32>, tensor<1x2x5x3xf32>) {
  %f = func.constant @avg_padded : (tensor<1x2x5x3xf32>) -> tensor<1x2x3x2xf32>
  %v = "mind.vjp"(%f) : ((tensor<1x2x5x3xf32>) -> tensor<1x2x3x2xf32>)
      -> ((tensor<1x2x5x3xf32>, tensor<1x2x3x2xf32>) -> (tensor<1x2x3x2xf32>, tensor<1x2x5x3xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<1x2x5x3xf32>, tensor<1x2x3x2xf32>) -> (tensor<1x2x3x2xf32>, tensor<1x2x5x3xf32>)
  return %r#0, %r#1 : tensor<1x2x3x2xf32>, tensor<1x2x5x3xf32>
}

// -----

// log_softmax: dx = g - exp(out) * sum(g) along the axis.
// CHECK-LABEL: func.func private @log_probs_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<3x5xf32>, %[[G:.*]]: tensor<3x5xf32>)
// CHECK:         %[[OUT:.*]] = "mind.log_softmax"(%[[X]]) {axis = -1 : i64}
// CHECK:         %[[P:.*]] = "mind.exp"(%[[OUT]])
// CHECK:         %[[T:.*]] = "mind.reduce_sum"(%[[G]]) {axis = array<i64: -1>, keep_dims = true} : (tensor<3x5xf32>) -> tensor<3x1xf32>
// CHECK:         %[[PT:.*]] = "mind.mul"(%[[P]], %[[T]])
// CHECK:         %[[DX:.*]] = "mind.sub"(%[[G]], %[[PT]])
// CHECK:         return %[[OUT]], %[[DX]]
func.func private @log_probs(%x: tensor<3x5xf32>) -> tensor<3x5xf32> {
  %0 = "mind.log_softmax"(%x) {axis = -1} : (tensor<3x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}
func.func @main(%x: tensor<3x5xf32>, %g: tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<3x5xf32>) {
  %f = func.constant @log_probs : (tensor<3x5xf32>) -> tensor<3x5xf32>
  %v = "mind.vjp"(%f) : ((tensor<3x5xf32>) -> tensor<3x5xf32>) -> ((tensor<3x5xf32>, tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<3x5xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<3x5xf32>, tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<3x5xf32>)
  return %r#0, %r#1 : tensor<3x5xf32>, tensor<3x5xf32>
}

// -----

// The gradient ops are linear, so their adjoints stay among conv2d and the two gradient ops:
// that is what makes second derivatives through a convolution possible.
// CHECK-LABEL: func.func private @input_grad_adjoint
// CHECK-SAME:    (%[[D:.*]]: tensor<1x4x3x3xf32>, %[[W:.*]]: tensor<4x2x3x3xf32>, %[[G:.*]]: tensor<1x2x5x5xf32>)
// CHECK:         %[[DD:.*]] = "mind.conv2d"(%[[G]], %[[W]])
// CHECK:         %[[DW:.*]] = "mind.conv2d_backprop_filter"(%[[D]], %[[G]])
// CHECK:         return %{{.*}}, %[[DD]], %[[DW]]
func.func private @input_grad(%d: tensor<1x4x3x3xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x2x5x5xf32> {
  %0 = "mind.conv2d_backprop_input"(%d, %w) {stride = array<i64: 2, 2>, pad = array<i64: 1, 1, 1, 1>, dilation = array<i64: 1, 1>, group = 1, input_size = array<i64: 1, 2, 5, 5>}
      : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x5x5xf32>
  return %0 : tensor<1x2x5x5xf32>
}
func.func @main(%d: tensor<1x4x3x3xf32>, %w: tensor<4x2x3x3xf32>, %g: tensor<1x2x5x5xf32>)
    -> (tensor<1x2x5x5xf32>, tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>) {
  %f = func.constant @input_grad : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x5x5xf32>
  %v = "mind.vjp"(%f) : ((tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x5x5xf32>)
      -> ((tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>, tensor<1x2x5x5xf32>) -> (tensor<1x2x5x5xf32>, tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>))
  %r:3 = func.call_indirect %v(%d, %w, %g) : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>, tensor<1x2x5x5xf32>)
      -> (tensor<1x2x5x5xf32>, tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>)
  return %r#0, %r#1, %r#2 : tensor<1x2x5x5xf32>, tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>
}
