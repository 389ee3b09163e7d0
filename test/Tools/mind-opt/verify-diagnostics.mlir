// RUN: mind-opt %s --split-input-file --verify-diagnostics

// Every placement upstream's expected-* comments allow, each matched by one diagnostic.

func.func @offset_below(%x: tensor<4x3xf32>, %y: tensor<2x5xf32>) {
  // expected-error@+1 {{contracting dimensions differ}}
  %r = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<4x3xf32>, tensor<2x5xf32>) -> tensor<4x5xf32>
  return
}

// -----

func.func @offset_above(%x: tensor<2xf32>) {
  %r = "mind.relu"(%x) : (tensor<2xf32>) -> tensor<3xf32>
  // expected-error@-1 {{result 0 should be tensor<2xf32>}}
  return
}

// -----

func.func @same_line(%x: tensor<2xf32>) {
  %r = "mind.relu"(%x) : (tensor<2xf32>) -> tensor<3xf32> // expected-error {{result 0 should be}}
  return
}

// -----

func.func @designators(%x: tensor<2xf32>, %y: tensor<3xf32>) {
  // @below and @above name the nearest line without an expected-* comment.
  // expected-error@below {{'mind.add' shapes [2] and [3] do not broadcast}}
  // expected-error@+2 {{'mind.mul' shapes [2] and [3] do not broadcast}}
  %r = "mind.add"(%x, %y) : (tensor<2xf32>, tensor<3xf32>) -> tensor<3xf32>
  %s = "mind.mul"(%x, %y) : (tensor<2xf32>, tensor<3xf32>) -> tensor<3xf32>
  %t = "mind.sub"(%x, %y) : (tensor<2xf32>, tensor<3xf32>) -> tensor<3xf32>
  // expected-error@above {{'mind.sub'}}
  return
}

// -----

func.func @regex(%x: tensor<4xf32>) {
  // expected-error-re@+1 {{expected base attribute 'builtin.{{[a-z]+}}' but got 'builtin.integer'}}
  %r = "mind.gelu"(%x) {approximate = 3} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// Two errors in one chunk: both must be expected.
func.func @two_errors(%x: tensor<2xf32>) {
  // expected-error@+1 {{result 0 should be tensor<2xf32>, found tensor<3xf32>}}
  %a = "mind.relu"(%x) : (tensor<2xf32>) -> tensor<3xf32>
  // expected-error@+1 {{result 0 should be tensor<2xf32>, found tensor<4xf32>}}
  %b = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<4xf32>
  return
}

// -----

// A chunk without diagnostics and without expectations passes too.
func.func @valid(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}
