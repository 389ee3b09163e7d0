// RUN: mind-opt %s --split-input-file --verify-diagnostics

// dout must have the shape that strided_slice reads from `shape`: rows 0, 2, 4 and columns 0, 2.
func.func @strided_slice_grad_dout_shape(%dout: tensor<2x3xf32>) {
  // expected-error@+1 {{'mind.strided_slice_grad' dout is 2x3xf32, expected shape [3,2], what strided_slice reads from shape [5,4]}}
  %r = "mind.strided_slice_grad"(%dout) {shape = array<i64: 5, 4>, begin = array<i64: 0, 0>,
      end = array<i64: 5, 4>, strides = array<i64: 2, 2>} : (tensor<2x3xf32>) -> tensor<5x4xf32>
  return
}

// -----

// begin, end and strides have one entry per dimension of `shape`.
func.func @strided_slice_grad_entry_count(%dout: tensor<3x4xf32>) {
  // expected-error@+1 {{'mind.strided_slice_grad' begin has 1 entries, expected one per dimension of x 5x4xf32 (2)}}
  %r = "mind.strided_slice_grad"(%dout) {shape = array<i64: 5, 4>, begin = array<i64: 0>,
      end = array<i64: 5, 4>, strides = array<i64: 2, 1>} : (tensor<3x4xf32>) -> tensor<5x4xf32>
  return
}

// -----

func.func @strided_slice_grad_zero_stride(%dout: tensor<3x4xf32>) {
  // expected-error@+1 {{'mind.strided_slice_grad' strides must be nonzero, found [2,0]}}
  %r = "mind.strided_slice_grad"(%dout) {shape = array<i64: 5, 4>, begin = array<i64: 0, 0>,
      end = array<i64: 5, 4>, strides = array<i64: 2, 0>} : (tensor<3x4xf32>) -> tensor<5x4xf32>
  return
}

// -----

// The result is a tensor of `shape`, in dout's element type.
func.func @strided_slice_grad_result_type(%dout: tensor<3x4xf32>) {
  // expected-error@+1 {{'mind.strided_slice_grad' result 0 should be tensor<5x4xf32>, found tensor<5x4xf64>}}
  %r = "mind.strided_slice_grad"(%dout) {shape = array<i64: 5, 4>, begin = array<i64: 0, 0>,
      end = array<i64: 5, 4>, strides = array<i64: 2, 1>} : (tensor<3x4xf32>) -> tensor<5x4xf64>
  return
}

// -----

// One segment id per leading position of x: ids of shape [3] do not fit x's leading dim 4.
func.func @unsorted_segment_sum_ids_shape(%x: tensor<4x3xf32>, %ids: tensor<3xi32>) {
  // expected-error@+1 {{'mind.unsorted_segment_sum' segment_ids is 3xi32, expected the shape of the leading dimensions of x 4x3xf32}}
  %r = "mind.unsorted_segment_sum"(%x, %ids) {num_segments = 2 : i64} : (tensor<4x3xf32>, tensor<3xi32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @unsorted_segment_sum_float_ids(%x: tensor<4x3xf32>, %ids: tensor<4xf32>) {
  // expected-error@+1 {{'mind.unsorted_segment_sum' segment_ids must have element type i32 or i64, found 4xf32}}
  %r = "mind.unsorted_segment_sum"(%x, %ids) {num_segments = 2 : i64} : (tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return
}

// -----

// Booleans do not add up.
func.func @unsorted_segment_sum_bool(%x: tensor<4x3xi1>, %ids: tensor<4xi32>) {
  // expected-error@+1 {{'mind.unsorted_segment_sum' x must have element type f16 or bf16 or f32 or f64 or i8 or i32 or i64, found 4x3xi1}}
  %r = "mind.unsorted_segment_sum"(%x, %ids) {num_segments = 2 : i64} : (tensor<4x3xi1>, tensor<4xi32>) -> tensor<2x3xi1>
  return
}

// -----

func.func @unsorted_segment_sum_negative_count(%x: tensor<4x3xf32>, %ids: tensor<4xi32>) {
  // expected-error@+1 {{'mind.unsorted_segment_sum' num_segments must be >= 0, found -1}}
  %r = "mind.unsorted_segment_sum"(%x, %ids) {num_segments = -1 : i64} : (tensor<4x3xf32>, tensor<4xi32>) -> tensor<0x3xf32>
  return
}

// -----

// The leading dims of x are replaced by one dim of num_segments.
func.func @unsorted_segment_sum_result_type(%x: tensor<2x4x3xf32>, %ids: tensor<2x4xi64>) {
  // expected-error@+1 {{'mind.unsorted_segment_sum' result 0 should be tensor<5x3xf32>, found tensor<2x5x3xf32>}}
  %r = "mind.unsorted_segment_sum"(%x, %ids) {num_segments = 5 : i64} : (tensor<2x4x3xf32>, tensor<2x4xi64>) -> tensor<2x5x3xf32>
  return
}
