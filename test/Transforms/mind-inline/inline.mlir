// RUN: mind-opt %s --split-input-file --mind-inline --symbol-dce | FileCheck %s

// A training step as mind-autodiff leaves it: the step calls value_and_grad, which calls the
// adjoint. Inlined depth first, the step is one straight-line function.

// CHECK:       module {
// CHECK-NEXT:    func.func @step(
// CHECK-SAME:    %[[X:.*]]: tensor<4xf32>)
// CHECK-NOT:     call
// CHECK:         %[[S:.*]] = "mind.sin"(%[[X]])
// CHECK:         %[[C:.*]] = "mind.cos"(%[[X]])
// CHECK:         %[[N:.*]] = "mind.neg"(%[[C]])
// CHECK:         return %[[S]], %[[N]]
// CHECK-NEXT:  }
// CHECK-NEXT:  }
func.func private @adjoint(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %s = "mind.sin"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %c = "mind.cos"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %s, %c : tensor<4xf32>, tensor<4xf32>
}
func.func private @value_and_grad(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %r:2 = call @adjoint(%x) : (tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
  return %r#0, %r#1 : tensor<4xf32>, tensor<4xf32>
}
func.func @step(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %r:2 = call @value_and_grad(%x) : (tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
  %n = "mind.neg"(%r#1) : (tensor<4xf32>) -> tensor<4xf32>
  return %r#0, %n : tensor<4xf32>, tensor<4xf32>
}

// -----

// Values of the callee used inside its nested regions are the caller's after inlining; a
// recursive call stays a call.

// CHECK-LABEL: func.func @outer(
// CHECK-SAME:    %[[X:.*]]: tensor<4xf32>, %[[C:.*]]: i1)
// CHECK:         %[[E:.*]] = "mind.exp"(%[[X]])
// CHECK:         scf.if %[[C]]
// CHECK:           "mind.neg"(%[[E]])
// CHECK:         call @rec(
func.func private @inner(%x: tensor<4xf32>, %c: i1) -> tensor<4xf32> {
  %e = "mind.exp"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %r = scf.if %c -> tensor<4xf32> {
    %n = "mind.neg"(%e) : (tensor<4xf32>) -> tensor<4xf32>
    scf.yield %n : tensor<4xf32>
  } else {
    scf.yield %e : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
func.func private @rec(%x: tensor<4xf32>) -> tensor<4xf32> {
  %r = call @rec(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}
func.func @outer(%x: tensor<4xf32>, %c: i1) -> tensor<4xf32> {
  %r = call @inner(%x, %c) : (tensor<4xf32>, i1) -> tensor<4xf32>
  %s = call @rec(%r) : (tensor<4xf32>) -> tensor<4xf32>
  return %s : tensor<4xf32>
}
