// RUN: mind-opt %s --split-input-file --verify-diagnostics --mind-autodiff

// The gradient of an output that is not a scalar needs a sensitivity.
func.func private @vector(%x: tensor<4xf32>) -> tensor<4xf32> {
  %s = "mind.sin"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %s : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %f = func.constant @vector : (tensor<4xf32>) -> tensor<4xf32>
  // expected-error@+1 {{'mind.grad' result 0 of the function is tensor<4xf32>, not a scalar: its gradient needs a sensitivity (sens_param = true)}}
  %g = "mind.grad"(%f) {grad_position = array<i64: 0>, has_aux = false, sens_param = false} : ((tensor<4xf32>) -> tensor<4xf32>) -> ((tensor<4xf32>) -> tensor<4xf32>)
  %r = func.call_indirect %g(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

func.func private @scalar(%x: tensor<f32>) -> tensor<f32> {
  %s = "mind.sin"(%x) : (tensor<f32>) -> tensor<f32>
  return %s : tensor<f32>
}
func.func @main(%x: tensor<f32>) -> tensor<f32> {
  %f = func.constant @scalar : (tensor<f32>) -> tensor<f32>
  // expected-error@+1 {{'mind.grad' grad_position 1 is out of range for a function of 1 arguments}}
  %g = "mind.grad"(%f) {grad_position = array<i64: 1>, has_aux = false, sens_param = false} : ((tensor<f32>) -> tensor<f32>) -> ((tensor<f32>) -> tensor<f32>)
  %r = func.call_indirect %g(%x) : (tensor<f32>) -> tensor<f32>
  return %r : tensor<f32>
}

// -----

// An op without a VJP rule on the path from the arguments to the result is an error at that op.
func.func private @upstream(%x: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'arith.mulf' is not differentiable: mind-autodiff has no VJP rule for it, and its result depends on the differentiated arguments}}
  %s = arith.mulf %x, %x : tensor<f32>
  return %s : tensor<f32>
}
func.func @main(%x: tensor<f32>) -> tensor<f32> {
  %f = func.constant @upstream : (tensor<f32>) -> tensor<f32>
  %g = "mind.grad"(%f) {grad_position = array<i64: 0>, has_aux = false, sens_param = false} : ((tensor<f32>) -> tensor<f32>) -> ((tensor<f32>) -> tensor<f32>)
  %r = func.call_indirect %g(%x) : (tensor<f32>) -> tensor<f32>
  return %r : tensor<f32>
}

// -----

// The same op off that path needs no rule: its result does not reach the gradient.
func.func private @unused_upstream(%x: tensor<f32>, %y: tensor<f32>) -> (tensor<f32>, tensor<f32>) {
  %s = "mind.sin"(%x) : (tensor<f32>) -> tensor<f32>
  %u = arith.mulf %y, %y : tensor<f32>
  return %s, %u : tensor<f32>, tensor<f32>
}
func.func @main(%x: tensor<f32>, %y: tensor<f32>) -> (tensor<f32>, tensor<f32>) {
  %f = func.constant @unused_upstream : (tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>)
  %g = "mind.grad"(%f) {grad_position = array<i64: 0>, has_aux = true, sens_param = false} : ((tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>)) -> ((tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>))
  %r:2 = func.call_indirect %g(%x, %y) : (tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>)
  return %r#0, %r#1 : tensor<f32>, tensor<f32>
}

// -----

// Recursion is rejected at the recursive call.
func.func private @recursive(%x: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'func.call' cannot differentiate the recursive function @recursive: its adjoint would call itself while it is generated; write the recursion as a loop}}
  %r = func.call @recursive(%x) : (tensor<f32>) -> tensor<f32>
  %s = "mind.sin"(%r) : (tensor<f32>) -> tensor<f32>
  return %s : tensor<f32>
}
func.func @main(%x: tensor<f32>) -> tensor<f32> {
  %f = func.constant @recursive : (tensor<f32>) -> tensor<f32>
  %g = "mind.grad"(%f) {grad_position = array<i64: 0>, has_aux = false, sens_param = false} : ((tensor<f32>) -> tensor<f32>) -> ((tensor<f32>) -> tensor<f32>)
  %r = func.call_indirect %g(%x) : (tensor<f32>) -> tensor<f32>
  return %r : tensor<f32>
}

// -----

// The function differentiated must be known at compile time.
func.func @main(%f: (tensor<f32>) -> tensor<f32>, %x: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'mind.grad' differentiates a function known only at run time; it must be a func.constant or the result of another derivative op}}
  %g = "mind.grad"(%f) {grad_position = array<i64: 0>, has_aux = false, sens_param = false} : ((tensor<f32>) -> tensor<f32>) -> ((tensor<f32>) -> tensor<f32>)
  %r = func.call_indirect %g(%x) : (tensor<f32>) -> tensor<f32>
  return %r : tensor<f32>
}
