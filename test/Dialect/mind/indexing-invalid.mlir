// RUN: mind-opt %s --split-input-file --verify-diagnostics

// The value must have the shape the slice holds: rows 3 and 1, columns 0, 2, 4.
func.func @strided_slice_update_value_shape(%x: tensor<4x5xf32>, %v: tensor<2x2xf32>) {
  // expected-error@+1 {{'mind.strided_slice_update' value is 2x2xf32, expected 2x3xf32, what the slice of x 4x5xf32 holds}}
  %r = "mind.strided_slice_update"(%x, %v) {begin = array<i64: 3, 0>, end = array<i64: 0, 5>,
      strides = array<i64: -2, 2>} : (tensor<4x5xf32>, tensor<2x2xf32>) -> tensor<4x5xf32>
  return
}

// -----

// The value is written as is: a dtype differing from x's is an error, not a silent cast.
func.func @strided_slice_update_value_dtype(%x: tensor<4x5xf32>, %v: tensor<4x1xf64>) {
  // expected-error@+1 {{'mind.strided_slice_update' value is 4x1xf64, expected 4x1xf32, what the slice of x 4x5xf32 holds}}
  %r = "mind.strided_slice_update"(%x, %v) {begin = array<i64: 0, 1>, end = array<i64: 4, 2>,
      strides = array<i64: 1, 1>} : (tensor<4x5xf32>, tensor<4x1xf64>) -> tensor<4x5xf32>
  return
}

// -----

// Updates hold one row of x per index.
func.func @scatter_update_updates_shape(%x: tensor<4x5xf32>, %i: tensor<3xi32>, %u: tensor<3x4xf32>) {
  // expected-error@+1 {{'mind.scatter_update' updates is 3x4xf32, expected 3x5xf32 (indices shape [3] + the rows of x 4x5xf32)}}
  %r = "mind.scatter_update"(%x, %i, %u) : (tensor<4x5xf32>, tensor<3xi32>, tensor<3x4xf32>) -> tensor<4x5xf32>
  return
}

// -----

// Row indices are integers.
func.func @scatter_update_float_indices(%x: tensor<4x5xf32>, %i: tensor<3xf32>, %u: tensor<3x5xf32>) {
  // expected-error@+1 {{'mind.scatter_update' indices must have element type i32 or i64, found 3xf32}}
  %r = "mind.scatter_update"(%x, %i, %u) : (tensor<4x5xf32>, tensor<3xf32>, tensor<3x5xf32>) -> tensor<4x5xf32>
  return
}
