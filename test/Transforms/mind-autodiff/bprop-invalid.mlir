// RUN: mind-opt %s --split-input-file --verify-diagnostics --mind-autodiff

// A bprop must take the call's operands, results and cotangents: here the cotangent is missing.
func.func private @f(%x: tensor<f32>) -> tensor<f32> {
  %y = "mind.sin"(%x) : (tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}
func.func private @f_bprop(%x: tensor<f32>, %out: tensor<f32>) -> tensor<f32> {
  return %out : tensor<f32>
}
func.func private @outer(%x: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'func.call' custom bprop @f_bprop has type (tensor<f32>, tensor<f32>) -> tensor<f32>; a bprop differentiating the first 1 operands of this call must have type (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<f32> (operands, results, their cotangents, the other operands)}}
  %y = func.call @f(%x) {mind.bprop = @f_bprop} : (tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}
func.func @main(%x: tensor<f32>) -> tensor<f32> {
  %f = func.constant @outer : (tensor<f32>) -> tensor<f32>
  %g = "mind.grad"(%f) {grad_position = array<i64: 0>, has_aux = false, sens_param = false} : ((tensor<f32>) -> tensor<f32>) -> ((tensor<f32>) -> tensor<f32>)
  %r = func.call_indirect %g(%x) : (tensor<f32>) -> tensor<f32>
  return %r : tensor<f32>
}

// -----

// A bprop returning more gradients than the call has operands.
func.func private @f(%x: tensor<f32>) -> tensor<f32> {
  %y = "mind.sin"(%x) : (tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}
func.func private @f_bprop(%x: tensor<f32>, %out: tensor<f32>, %dout: tensor<f32>) -> (tensor<f32>, tensor<f32>) {
  return %dout, %dout : tensor<f32>, tensor<f32>
}
func.func private @outer(%x: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'func.call' custom bprop @f_bprop returns 2 gradients for a call of 1 operands}}
  %y = func.call @f(%x) {mind.bprop = @f_bprop} : (tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}
func.func @main(%x: tensor<f32>) -> tensor<f32> {
  %f = func.constant @outer : (tensor<f32>) -> tensor<f32>
  %g = "mind.grad"(%f) {grad_position = array<i64: 0>, has_aux = false, sens_param = false} : ((tensor<f32>) -> tensor<f32>) -> ((tensor<f32>) -> tensor<f32>)
  %r = func.call_indirect %g(%x) : (tensor<f32>) -> tensor<f32>
  return %r : tensor<f32>
}

// -----

// A gradient whose type is not its operand's.
func.func private @f(%x: tensor<2xf32>) -> tensor<f32> {
  %y = "mind.reduce_sum"(%x) {axis = array<i64>, keep_dims = false} : (tensor<2xf32>) -> tensor<f32>
  return %y : tensor<f32>
}
func.func private @f_bprop(%x: tensor<2xf32>, %out: tensor<f32>, %dout: tensor<f32>) -> tensor<f32> {
  return %dout : tensor<f32>
}
func.func private @outer(%x: tensor<2xf32>) -> tensor<f32> {
  // expected-error@+1 {{'func.call' custom bprop @f_bprop has type (tensor<2xf32>, tensor<f32>, tensor<f32>) -> tensor<f32>; a bprop differentiating the first 1 operands of this call must have type (tensor<2xf32>, tensor<f32>, tensor<f32>) -> tensor<2xf32> (operands, results, their cotangents, the other operands)}}
  %y = func.call @f(%x) {mind.bprop = @f_bprop} : (tensor<2xf32>) -> tensor<f32>
  return %y : tensor<f32>
}
func.func @main(%x: tensor<2xf32>) -> tensor<2xf32> {
  %f = func.constant @outer : (tensor<2xf32>) -> tensor<f32>
  %g = "mind.grad"(%f) {grad_position = array<i64: 0>, has_aux = false, sens_param = false} : ((tensor<2xf32>) -> tensor<f32>) -> ((tensor<2xf32>) -> tensor<2xf32>)
  %r = func.call_indirect %g(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %r : tensor<2xf32>
}
