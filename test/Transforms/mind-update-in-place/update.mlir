// RUN: mind-opt %s --split-input-file --mind-update-in-place | FileCheck %s

// A result marked mind.updates is written into its argument and no longer returned.
// CHECK-LABEL: func.func @sgd_step
// CHECK-SAME:    (%[[W:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>) -> tensor<f32>
// CHECK:         %[[NEW:.*]] = "mind.sub"(%[[W]], %[[G]])
// CHECK:         bufferization.materialize_in_destination %[[NEW]] in %[[W]]
// CHECK:         return %{{.*}} : tensor<f32>
func.func @sgd_step(%w: tensor<4xf32>, %g: tensor<4xf32>) -> (tensor<f32>, tensor<4xf32> {mind.updates = 0 : i64}) {
  %loss = "mind.reduce_sum"(%w) {axis = array<i64>, keep_dims = false} : (tensor<4xf32>) -> tensor<f32>
  %new = "mind.sub"(%w, %g) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %loss, %new : tensor<f32>, tensor<4xf32>
}

// -----

// Several updates, in any order of results, keep the unmarked results in order.
// CHECK-LABEL: func.func @two_states
// CHECK-SAME:    (%[[A:.*]]: tensor<2xf32>, %[[B:.*]]: tensor<3xf32>) -> (tensor<2xf32>, tensor<f32>)
// CHECK-DAG:     bufferization.materialize_in_destination %{{.*}} in %[[B]]
// CHECK-DAG:     bufferization.materialize_in_destination %{{.*}} in %[[A]]
// CHECK:         return %{{.*}}, %{{.*}} : tensor<2xf32>, tensor<f32>
func.func @two_states(%a: tensor<2xf32>, %b: tensor<3xf32>)
    -> (tensor<3xf32> {mind.updates = 1 : i64}, tensor<2xf32>, tensor<2xf32> {mind.updates = 0 : i64}, tensor<f32>) {
  %b2 = "mind.neg"(%b) : (tensor<3xf32>) -> tensor<3xf32>
  %a2 = "mind.neg"(%a) : (tensor<2xf32>) -> tensor<2xf32>
  %s = "mind.reduce_sum"(%b) {axis = array<i64>, keep_dims = false} : (tensor<3xf32>) -> tensor<f32>
  return %b2, %a, %a2, %s : tensor<3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<f32>
}

// -----

// Private functions are left alone: only public entry points own their arguments' buffers.
// CHECK-LABEL: func.func private @helper
// CHECK-SAME:    -> (tensor<4xf32> {mind.updates = 0 : i64})
// CHECK-NOT:     materialize_in_destination
func.func private @helper(%w: tensor<4xf32>) -> (tensor<4xf32> {mind.updates = 0 : i64}) {
  return %w : tensor<4xf32>
}

// -----

// A function whose only result is an update returns nothing, and keeps no empty result attributes.
// CHECK-LABEL: func.func @only_updates
// CHECK-SAME:    (%[[W:.*]]: tensor<4xf32>) {
// CHECK:         bufferization.materialize_in_destination %{{.*}} in %[[W]]
// CHECK:         return{{$}}
func.func @only_updates(%w: tensor<4xf32>) -> (tensor<4xf32> {mind.updates = 0 : i64}) {
  %n = "mind.neg"(%w) : (tensor<4xf32>) -> tensor<4xf32>
  return %n : tensor<4xf32>
}

// -----

// A loop starting from an updated argument starts from a copy: its carried buffer must not be
// the argument the result is written into.
// CHECK-LABEL: func.func @loop_from_state
// CHECK-SAME:    (%[[W:.*]]: tensor<4xf32>, %[[N:.*]]: index)
// CHECK:         %[[INIT:.*]] = bufferization.alloc_tensor() copy(%[[W]])
// CHECK:         %[[R:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[INIT]])
// CHECK:         bufferization.materialize_in_destination %[[R]] in %[[W]]
func.func @loop_from_state(%w: tensor<4xf32>, %n: index) -> (tensor<4xf32> {mind.updates = 0 : i64}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %w) -> (tensor<4xf32>) {
    %d = "mind.add"(%acc, %w) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    scf.yield %d : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// -----

// A branch that may yield the updated argument passes it on to the loop after it: that loop
// starts from a copy too (the loop body hands one carried value to another slot).
// CHECK-LABEL: func.func @loop_from_branch
// CHECK-SAME:    (%[[W:.*]]: tensor<f32>, %[[C:.*]]: i1)
// CHECK:         %[[B:.*]]:2 = scf.if %[[C]]
// CHECK:         %[[INIT:.*]] = bufferization.alloc_tensor() copy(%[[B]]#1)
// CHECK:         %[[R:.*]]:2 = scf.while ({{.*}}, %{{.*}} = %[[INIT]])
// CHECK:         bufferization.materialize_in_destination %[[R]]#1 in %[[W]]
func.func @loop_from_branch(%w: tensor<f32>, %c: i1) -> (tensor<f32> {mind.updates = 0 : i64}) {
  %b:2 = scf.if %c -> (tensor<f32>, tensor<f32>) {
    %d = "mind.add"(%w, %w) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    scf.yield %d, %d : tensor<f32>, tensor<f32>
  } else {
    scf.yield %w, %w : tensor<f32>, tensor<f32>
  }
  %r:2 = scf.while (%x = %b#0, %y = %b#1) : (tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>) {
    %go = "mind.greater"(%x, %y) : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %t = tensor.extract %go[] : tensor<i1>
    scf.condition(%t) %x, %y : tensor<f32>, tensor<f32>
  } do {
  ^bb0(%x: tensor<f32>, %y: tensor<f32>):
    %n = "mind.sub"(%x, %y) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    scf.yield %n, %x : tensor<f32>, tensor<f32>
  }
  return %r#1 : tensor<f32>
}
