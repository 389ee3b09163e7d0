// RUN: mind-opt %s --split-input-file --mind-autodiff | FileCheck %s

// scf.if: the adjoint is an scf.if on the same condition whose branches recompute the branch
// forward and yield the cotangents of the values the branches read (%x, %y).
// CHECK-LABEL: func.func private @branchy_adjoint_
// CHECK:         %[[C:.*]] = arith.cmpf ogt
// CHECK:         scf.if %[[C]] -> (tensor<4xf32>)
// CHECK:         %{{.*}}:2 = scf.if %[[C]] -> (tensor<4xf32>, tensor<4xf32>) {
// CHECK:           "mind.mul"
// CHECK:           "mind.cos"
// CHECK:           scf.yield %{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xf32>
// CHECK:         } else {
// CHECK:           "mind.exp"
// CHECK:           "mind.fill"
// CHECK:           scf.yield
func.func private @branchy(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %s = "mind.reduce_sum"(%x) {axis = array<i64>, keep_dims = false} : (tensor<4xf32>) -> tensor<f32>
  %zero = arith.constant 0.0 : f32
  %v = tensor.extract %s[] : tensor<f32>
  %c = arith.cmpf ogt, %v, %zero : f32
  %r = scf.if %c -> tensor<4xf32> {
    %a = "mind.mul"(%x, %y) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %b = "mind.sin"(%a) : (tensor<4xf32>) -> tensor<4xf32>
    scf.yield %b : tensor<4xf32>
  } else {
    %a = "mind.exp"(%y) : (tensor<4xf32>) -> tensor<4xf32>
    scf.yield %a : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>, %y: tensor<4xf32>, %c: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %f = func.constant @branchy : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %d = "mind.vjp"(%f) : ((tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>) -> ((tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>))
  %r:3 = func.call_indirect %d(%x, %y, %c) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>)
  return %r#0, %r#1, %r#2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// scf.for: the forward loop stores each iteration's carried value on a tape (tensor<6x4xf32>
// for 6 iterations); the reverse loop reads iteration n-1-j back, recomputes the body and
// carries the cotangents of the carried value and of %w, which the body reads from outside.
// CHECK-LABEL: func.func private @loop_adjoint_
// CHECK:         %[[TAPE:.*]] = tensor.empty() : tensor<6x4xf32>
// CHECK:         %[[FWD:.*]]:2 = scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[H:.*]] = %arg1, %[[T:.*]] = %[[TAPE]]) -> (tensor<4xf32>, tensor<6x4xf32>)
// CHECK:           tensor.insert_slice %[[H]] into %[[T]]
// CHECK:         %{{.*}}:2 = scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %arg2, %{{.*}} = %{{.*}}) -> (tensor<4xf32>, tensor<4xf32>)
// CHECK:           arith.subi
// CHECK:           tensor.extract_slice %[[FWD]]#1
// CHECK:           "mind.tanh"
// CHECK:           "mind.mul"
// CHECK:           "mind.add"
func.func private @loop(%w: tensor<4xf32>, %h0: tensor<4xf32>) -> tensor<4xf32> {
  %lb = arith.constant 0 : index
  %ub = arith.constant 6 : index
  %one = arith.constant 1 : index
  %h = scf.for %i = %lb to %ub step %one iter_args(%h = %h0) -> (tensor<4xf32>) {
    %p = "mind.mul"(%w, %h) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %t = "mind.tanh"(%p) : (tensor<4xf32>) -> tensor<4xf32>
    scf.yield %t : tensor<4xf32>
  }
  return %h : tensor<4xf32>
}
func.func @main(%w: tensor<4xf32>, %h: tensor<4xf32>, %c: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %f = func.constant @loop : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %d = "mind.vjp"(%f) : ((tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>) -> ((tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>))
  %r:3 = func.call_indirect %d(%w, %h, %c) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>)
  return %r#0, %r#1, %r#2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// A dynamic trip count: the tape is tensor<?x4xf32>, sized by ceildiv(ub - lb, step).
// CHECK-LABEL: func.func private @dynamic_adjoint_
// CHECK:         arith.ceildivsi
// CHECK:         tensor.empty(%{{.*}}) : tensor<?x4xf32>
// CHECK:         scf.for
// CHECK:         scf.for
func.func private @dynamic(%x: tensor<4xf32>, %n: tensor<i64>) -> tensor<4xf32> {
  %nv = tensor.extract %n[] : tensor<i64>
  %ub = arith.index_cast %nv : i64 to index
  %lb = arith.constant 0 : index
  %one = arith.constant 1 : index
  %r = scf.for %i = %lb to %ub step %one iter_args(%a = %x) -> (tensor<4xf32>) {
    %s = "mind.sin"(%a) : (tensor<4xf32>) -> tensor<4xf32>
    scf.yield %s : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>, %n: tensor<i64>) -> tensor<4xf32> {
  %f = func.constant @dynamic : (tensor<4xf32>, tensor<i64>) -> tensor<4xf32>
  %c = "mind.fill"() {shape = array<i64: 4>, value = 1.0 : f32} : () -> tensor<4xf32>
  %g = "mind.grad"(%f) {grad_position = array<i64: 0>, has_aux = false, sens_param = true} : ((tensor<4xf32>, tensor<i64>) -> tensor<4xf32>) -> ((tensor<4xf32>, tensor<i64>, tensor<4xf32>) -> tensor<4xf32>)
  %r = func.call_indirect %g(%x, %n, %c) : (tensor<4xf32>, tensor<i64>, tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// scf.while with a data-dependent exit: a counting copy gives the trip count, then an scf.for
// of that many iterations is differentiated as above.
// CHECK-LABEL: func.func private @grow_adjoint_
// CHECK:         %{{.*}}:2 = scf.while
// CHECK:           scf.condition
// CHECK:           arith.addi
// CHECK:         scf.for
// CHECK:           tensor.insert_slice
// CHECK:         scf.for
// CHECK:           tensor.extract_slice
func.func private @grow(%x: tensor<4xf32>) -> tensor<4xf32> {
  %limit = arith.constant 50.0 : f32
  %r = scf.while (%a = %x) : (tensor<4xf32>) -> tensor<4xf32> {
    %s = "mind.reduce_sum"(%a) {axis = array<i64>, keep_dims = false} : (tensor<4xf32>) -> tensor<f32>
    %v = tensor.extract %s[] : tensor<f32>
    %c = arith.cmpf olt, %v, %limit : f32
    scf.condition(%c) %a : tensor<4xf32>
  } do {
  ^bb0(%a: tensor<4xf32>):
    %e = "mind.exp"(%a) : (tensor<4xf32>) -> tensor<4xf32>
    scf.yield %e : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>, %c: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %f = func.constant @grow : (tensor<4xf32>) -> tensor<4xf32>
  %d = "mind.vjp"(%f) : ((tensor<4xf32>) -> tensor<4xf32>) -> ((tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>))
  %r:2 = func.call_indirect %d(%x, %c) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
  return %r#0, %r#1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// func.call: the callee's adjoint is generated once and called at both call sites, in reverse.
// CHECK-LABEL: func.func private @twice_adjoint_
// CHECK:         call @inner(
// CHECK:         call @inner(
// CHECK:         call @[[ADJ:inner_adjoint_[0-9]+]](
// CHECK:         call @[[ADJ]](
// CHECK-NOT:     func.func private @inner_adjoint_{{.*}}(tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
func.func private @inner(%x: tensor<4xf32>) -> tensor<4xf32> {
  %s = "mind.sin"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %s : tensor<4xf32>
}
func.func private @twice(%x: tensor<4xf32>) -> tensor<4xf32> {
  %a = func.call @inner(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %b = func.call @inner(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>, %c: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %f = func.constant @twice : (tensor<4xf32>) -> tensor<4xf32>
  %d = "mind.vjp"(%f) : ((tensor<4xf32>) -> tensor<4xf32>) -> ((tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>))
  %r:2 = func.call_indirect %d(%x, %c) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
  return %r#0, %r#1 : tensor<4xf32>, tensor<4xf32>
}
