// RUN: mind-opt %s --split-input-file --mind-autodiff | FileCheck %s

// A call carrying mind.bprop is differentiated by calling that function with the call's
// operands, its forward results and their cotangents; the callee's own adjoint is not generated.
// CHECK-LABEL: func.func private @outer_adjoint_
// CHECK-SAME:    (%[[X:.*]]: tensor<4xf32>, %[[W:.*]]: tensor<4xf32>, %[[DR:.*]]: tensor<f32>)
// CHECK:         %[[Y:.*]] = call @cube(%[[X]], %[[W]]) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NOT:     mind.bprop
// CHECK:         %[[DY:.*]] = "mind.broadcast_to"
// CHECK:         %[[DX:.*]] = call @cube_bprop(%[[X]], %[[Y]], %[[DY]], %[[W]])
// CHECK:         return %[[DX]]
// CHECK-NOT:     func.func private @cube_adjoint
func.func private @cube(%x: tensor<4xf32>, %w: tensor<4xf32>) -> tensor<4xf32> {
  %a = "mind.mul"(%x, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %b = "mind.mul"(%a, %w) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}
// A deliberately different gradient (dout * out), so the test tells it from cube's own.
func.func private @cube_bprop(%x: tensor<4xf32>, %out: tensor<4xf32>, %dout: tensor<4xf32>, %w: tensor<4xf32>) -> tensor<4xf32> {
  %d = "mind.mul"(%dout, %out) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %d : tensor<4xf32>
}
func.func private @outer(%x: tensor<4xf32>, %w: tensor<4xf32>) -> tensor<f32> {
  %y = func.call @cube(%x, %w) {mind.bprop = @cube_bprop} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %s = "mind.reduce_sum"(%y) {axis = array<i64>, keep_dims = false} : (tensor<4xf32>) -> tensor<f32>
  return %s : tensor<f32>
}
func.func @main(%x: tensor<4xf32>, %w: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %f = func.constant @outer : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  %g = "mind.grad"(%f) {grad_position = array<i64: 0, 1>, has_aux = false, sens_param = false} : ((tensor<4xf32>, tensor<4xf32>) -> tensor<f32>) -> ((tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>))
  %r:2 = func.call_indirect %g(%x, %w) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
  return %r#0, %r#1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// Operands after the ones the bprop differentiates (a Cell's Parameters) get no gradient: the
// gradient of %w is zeros, though @scale reads it. The attribute is gone after the pass.
// CHECK-LABEL: func.func private @outer_adjoint_
// CHECK:         %[[DX:.*]] = call @scale_bprop(
// CHECK:         %[[DW:.*]] = "mind.fill"() {{.*}}value = 0.0
// CHECK:         return %[[DX]], %[[DW]]
// CHECK-LABEL: func.func @main
// CHECK:         call @scale(
// CHECK-NOT:     mind.bprop
// CHECK:         return
func.func private @scale(%x: tensor<f32>, %w: tensor<f32>) -> tensor<f32> {
  %y = "mind.mul"(%x, %w) : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}
func.func private @scale_bprop(%x: tensor<f32>, %out: tensor<f32>, %dout: tensor<f32>, %w: tensor<f32>) -> tensor<f32> {
  %d = "mind.mul"(%dout, %w) : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %d : tensor<f32>
}
func.func private @outer(%x: tensor<f32>, %w: tensor<f32>) -> tensor<f32> {
  %y = func.call @scale(%x, %w) {mind.bprop = @scale_bprop} : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}
func.func @main(%x: tensor<f32>, %w: tensor<f32>) -> (tensor<f32>, tensor<f32>, tensor<f32>) {
  %y = func.call @scale(%x, %w) {mind.bprop = @scale_bprop} : (tensor<f32>, tensor<f32>) -> tensor<f32>
  %f = func.constant @outer : (tensor<f32>, tensor<f32>) -> tensor<f32>
  %g = "mind.grad"(%f) {grad_position = array<i64: 0, 1>, has_aux = false, sens_param = false} : ((tensor<f32>, tensor<f32>) -> tensor<f32>) -> ((tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>))
  %r:2 = func.call_indirect %g(%x, %w) : (tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>)
  return %y, %r#0, %r#1 : tensor<f32>, tensor<f32>, tensor<f32>
}
