// RUN: mind-opt %s --split-input-file --verify-diagnostics

// dout must be exactly what conv2d makes of an input of input_size: here a stride of 2 gives
// 3x3, not 5x5.
func.func @backprop_input_dout_shape(%d: tensor<1x4x5x5xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error@+1 {{'mind.conv2d_backprop_input' dout must be 1x4x3x3xf32, the conv2d result of input_size 1x2x5x5xf32 and weight 4x2x3x3xf32; found 1x4x5x5xf32}}
  %r = "mind.conv2d_backprop_input"(%d, %w) {stride = array<i64: 2, 2>, pad = array<i64: 1, 1, 1, 1>, dilation = array<i64: 1, 1>, group = 1, input_size = array<i64: 1, 2, 5, 5>}
      : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x5x5xf32>
  return
}

// -----

// input_size is the whole NCHW shape of x, not only its spatial size.
func.func @backprop_input_size_entries(%d: tensor<1x4x3x3xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error@+1 {{'mind.conv2d_backprop_input' input_size must have 4 entries, found 2 ([5, 5])}}
  %r = "mind.conv2d_backprop_input"(%d, %w) {stride = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, dilation = array<i64: 1, 1>, group = 1, input_size = array<i64: 5, 5>}
      : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x5x5xf32>
  return
}

// -----

// The channel check of conv2d, naming input_size as the x it describes.
func.func @backprop_input_channels(%d: tensor<1x4x3x3xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error@+1 {{'mind.conv2d_backprop_input' input channels differ: input_size has 3 (C_in), weight expects 4 (C_in/group=2 x group=2)}}
  %r = "mind.conv2d_backprop_input"(%d, %w) {stride = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, dilation = array<i64: 1, 1>, group = 2, input_size = array<i64: 1, 3, 5, 5>}
      : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>) -> tensor<1x3x5x5xf32>
  return
}

// -----

// dout and weight share one element type, which is what dx gets.
func.func @backprop_input_dtypes(%d: tensor<1x4x3x3xf64>, %w: tensor<4x2x3x3xf32>) {
  // expected-error@+1 {{'mind.conv2d_backprop_input' dout must be 1x4x3x3xf32, the conv2d result of input_size 1x2x5x5xf32 and weight 4x2x3x3xf32; found 1x4x3x3xf64}}
  %r = "mind.conv2d_backprop_input"(%d, %w) {stride = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, dilation = array<i64: 1, 1>, group = 1, input_size = array<i64: 1, 2, 5, 5>}
      : (tensor<1x4x3x3xf64>, tensor<4x2x3x3xf32>) -> tensor<1x2x5x5xf32>
  return
}

// -----

func.func @backprop_filter_dout_shape(%d: tensor<1x4x4x4xf32>, %x: tensor<1x2x5x5xf32>) {
  // expected-error@+1 {{'mind.conv2d_backprop_filter' dout must be 1x4x3x3xf32, the conv2d result of x 1x2x5x5xf32 and filter_size 4x2x3x3xf32; found 1x4x4x4xf32}}
  %r = "mind.conv2d_backprop_filter"(%d, %x) {stride = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, dilation = array<i64: 1, 1>, group = 1, filter_size = array<i64: 4, 2, 3, 3>}
      : (tensor<1x4x4x4xf32>, tensor<1x2x5x5xf32>) -> tensor<4x2x3x3xf32>
  return
}

// -----

// filter_size is a shape: every entry is positive.
func.func @backprop_filter_size_positive(%d: tensor<1x4x3x3xf32>, %x: tensor<1x2x5x5xf32>) {
  // expected-error@+1 {{'mind.conv2d_backprop_filter' filter_size entries must be positive, found [4, 2, 0, 3]}}
  %r = "mind.conv2d_backprop_filter"(%d, %x) {stride = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, dilation = array<i64: 1, 1>, group = 1, filter_size = array<i64: 4, 2, 0, 3>}
      : (tensor<1x4x3x3xf32>, tensor<1x2x5x5xf32>) -> tensor<4x2x0x3xf32>
  return
}

// -----

// Groups split the filter's output channels evenly, as in conv2d.
func.func @backprop_filter_group(%d: tensor<1x5x3x3xf32>, %x: tensor<1x4x5x5xf32>) {
  // expected-error@+1 {{'mind.conv2d_backprop_filter' output channels 5 (C_out of filter_size 5x2x3x3xf32) are not divisible by group 2}}
  %r = "mind.conv2d_backprop_filter"(%d, %x) {stride = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, dilation = array<i64: 1, 1>, group = 2, filter_size = array<i64: 5, 2, 3, 3>}
      : (tensor<1x5x3x3xf32>, tensor<1x4x5x5xf32>) -> tensor<5x2x3x3xf32>
  return
}

// -----

// Convolutions are float-only, their gradients too.
func.func @backprop_filter_integers(%d: tensor<1x4x3x3xi32>, %x: tensor<1x2x5x5xi32>) {
  // expected-error@+1 {{'mind.conv2d_backprop_filter' x must have element type f16 or bf16 or f32 or f64, found 1x2x5x5xi32}}
  %r = "mind.conv2d_backprop_filter"(%d, %x) {stride = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, dilation = array<i64: 1, 1>, group = 1, filter_size = array<i64: 4, 2, 3, 3>}
      : (tensor<1x4x3x3xi32>, tensor<1x2x5x5xi32>) -> tensor<4x2x3x3xi32>
  return
}

// -----

// dout has max_pool's result shape for x: 2x2 windows with stride 2 on 6x6 give 3x3.
func.func @max_pool_grad_dout_shape(%x: tensor<1x2x6x6xf32>, %d: tensor<1x2x5x5xf32>) {
  // expected-error@+1 {{'mind.max_pool_grad' dout must be 1x2x3x3xf32, the max_pool result of x 1x2x6x6xf32; found 1x2x5x5xf32}}
  %r = "mind.max_pool_grad"(%x, %d) {kernel_size = array<i64: 2, 2>, strides = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>}
      : (tensor<1x2x6x6xf32>, tensor<1x2x5x5xf32>) -> tensor<1x2x6x6xf32>
  return
}

// -----

// The window checks of max_pool apply to its gradient too.
func.func @max_pool_grad_pad(%x: tensor<1x2x6x6xf32>, %d: tensor<1x2x4x3xf32>) {
  // expected-error@+1 {{'mind.max_pool_grad' pad [2, 0, 0, 0] must be smaller than kernel_size [2, 2] (top and bottom than kh, left and right than kw)}}
  %r = "mind.max_pool_grad"(%x, %d) {kernel_size = array<i64: 2, 2>, strides = array<i64: 2, 2>, pad = array<i64: 2, 0, 0, 0>}
      : (tensor<1x2x6x6xf32>, tensor<1x2x4x3xf32>) -> tensor<1x2x6x6xf32>
  return
}

// -----

func.func @max_pool_grad_rank(%x: tensor<2x6x6xf32>, %d: tensor<2x3x3xf32>) {
  // expected-error@+1 {{'mind.max_pool_grad' x must be 4-d (N, C, H, W), found 2x6x6xf32}}
  %r = "mind.max_pool_grad"(%x, %d) {kernel_size = array<i64: 2, 2>, strides = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>}
      : (tensor<2x6x6xf32>, tensor<2x3x3xf32>) -> tensor<2x6x6xf32>
  return
}
