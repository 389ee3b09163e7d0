// RUN: mind-opt %s --split-input-file --verify-diagnostics

// The key is one 64-bit counter: a vector of keys (or an i32 one) is rejected, not broadcast.
func.func @random_uniform_key_not_scalar(%key: tensor<2xi64>) {
  // expected-error@+1 {{'mind.random_uniform' key must be a 0-d i64 tensor, found 2xi64}}
  %r = "mind.random_uniform"(%key) {shape = array<i64: 3>, seed = 0 : i64, dtype = f32} : (tensor<2xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @random_uniform_key_i32(%key: tensor<i32>) {
  // expected-error@+1 {{'mind.random_uniform' key must be a 0-d i64 tensor, found i32}}
  %r = "mind.random_uniform"(%key) {shape = array<i64: 3>, seed = 0 : i64, dtype = f32} : (tensor<i32>) -> tensor<3xf32>
  return
}

// -----

// Uniform integers would need a range: only float results are defined.
func.func @random_uniform_integer_dtype(%key: tensor<i64>) {
  // expected-error@+1 {{'mind.random_uniform' dtype must be a float type (f16, bf16, f32, f64), found i32}}
  %r = "mind.random_uniform"(%key) {shape = array<i64: 3>, seed = 0 : i64, dtype = i32} : (tensor<i64>) -> tensor<3xi32>
  return
}

// -----

func.func @random_uniform_negative_size(%key: tensor<i64>) {
  // expected-error@+1 {{'mind.random_uniform' shape must have sizes >= 0, found [2,-1]}}
  %r = "mind.random_uniform"(%key) {shape = array<i64: 2, -1>, seed = 0 : i64, dtype = f32} : (tensor<i64>) -> tensor<2x1xf32>
  return
}

// -----

// The result type must be the one shape and dtype give.
func.func @random_uniform_result_type(%key: tensor<i64>) {
  // expected-error@+1 {{'mind.random_uniform' result 0 should be tensor<3xf32>, found tensor<3xf64>}}
  %r = "mind.random_uniform"(%key) {shape = array<i64: 3>, seed = 0 : i64, dtype = f32} : (tensor<i64>) -> tensor<3xf64>
  return
}
