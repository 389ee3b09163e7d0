// RUN: mind-opt %s --split-input-file --mind-autodiff | FileCheck %s

// relu's adjoint passes g where the forward result is positive (MindSpore's ReluGrad): a select
// on mind.greater of the saved result, not a second relu.
// CHECK-LABEL: func.func private @relu_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3xf32>, %[[G:.*]]: tensor<2x3xf32>)
// CHECK:         %[[OUT:.*]] = "mind.relu"(%[[X]])
// CHECK:         %[[POS:.*]] = "mind.greater"(%[[OUT]], %{{.*}}) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
// CHECK:         %[[DX:.*]] = "mind.select"(%[[POS]], %[[G]], %{{.*}})
// CHECK-NOT:     mind.relu
// CHECK:         return %[[OUT]], %[[DX]]
func.func private @relu(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "mind.relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
func.func @main(%x: tensor<2x3xf32>, %g: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %f = func.constant @relu : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %v = "mind.vjp"(%f) : ((tensor<2x3xf32>) -> tensor<2x3xf32>)
      -> ((tensor<2x3xf32>, tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<2x3xf32>, tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>)
  return %r#0, %r#1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// exp's adjoint multiplies g by the saved forward result instead of computing exp again.
// CHECK-LABEL: func.func private @exp_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>)
// CHECK:         %[[OUT:.*]] = "mind.exp"(%[[X]])
// CHECK-NOT:     mind.exp
// CHECK:         %[[DX:.*]] = "mind.mul"(%[[G]], %[[OUT]])
// CHECK:         return %[[OUT]], %[[DX]]
func.func private @exp(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "mind.exp"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>, %g: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %f = func.constant @exp : (tensor<4xf32>) -> tensor<4xf32>
  %v = "mind.vjp"(%f) : ((tensor<4xf32>) -> tensor<4xf32>) -> ((tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
  return %r#0, %r#1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// Broadcasting in the forward op is summed out of each cotangent: x (3x1x4) loses the stretched
// dim 1, y (5x4) the added leading dim, each by a keep_dims reduce_sum and a reshape back.
// CHECK-LABEL: func.func private @mul_broadcast_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<3x1x4xf32>, %[[Y:.*]]: tensor<5x4xf32>, %[[G:.*]]: tensor<3x5x4xf32>)
// CHECK:         %[[GY:.*]] = "mind.mul"(%[[G]], %[[Y]])
// CHECK:         %[[GX:.*]] = "mind.mul"(%[[G]], %[[X]])
// CHECK:         "mind.reduce_sum"(%[[GY]]) {axis = array<i64: 1>, keep_dims = true} : (tensor<3x5x4xf32>) -> tensor<3x1x4xf32>
// CHECK:         %[[SY:.*]] = "mind.reduce_sum"(%[[GX]]) {axis = array<i64: 0>, keep_dims = true} : (tensor<3x5x4xf32>) -> tensor<1x5x4xf32>
// CHECK:         %[[DY:.*]] = "mind.reshape"(%[[SY]]) {shape = array<i64: 5, 4>} : (tensor<1x5x4xf32>) -> tensor<5x4xf32>
// CHECK:         return %{{.*}}, %{{.*}}, %[[DY]]
func.func private @mul_broadcast(%x: tensor<3x1x4xf32>, %y: tensor<5x4xf32>) -> tensor<3x5x4xf32> {
  %0 = "mind.mul"(%x, %y) : (tensor<3x1x4xf32>, tensor<5x4xf32>) -> tensor<3x5x4xf32>
  return %0 : tensor<3x5x4xf32>
}
func.func @main(%x: tensor<3x1x4xf32>, %y: tensor<5x4xf32>, %g: tensor<3x5x4xf32>)
    -> (tensor<3x5x4xf32>, tensor<3x1x4xf32>, tensor<5x4xf32>) {
  %f = func.constant @mul_broadcast : (tensor<3x1x4xf32>, tensor<5x4xf32>) -> tensor<3x5x4xf32>
  %v = "mind.vjp"(%f) : ((tensor<3x1x4xf32>, tensor<5x4xf32>) -> tensor<3x5x4xf32>)
      -> ((tensor<3x1x4xf32>, tensor<5x4xf32>, tensor<3x5x4xf32>) -> (tensor<3x5x4xf32>, tensor<3x1x4xf32>, tensor<5x4xf32>))
  %r:3 = func.call_indirect %v(%x, %y, %g) : (tensor<3x1x4xf32>, tensor<5x4xf32>, tensor<3x5x4xf32>)
      -> (tensor<3x5x4xf32>, tensor<3x1x4xf32>, tensor<5x4xf32>)
  return %r#0, %r#1, %r#2 : tensor<3x5x4xf32>, tensor<3x1x4xf32>, tensor<5x4xf32>
}

// -----

// A 0-d operand's cotangent is the sum over everything; the full-shape operand's is g itself.
// CHECK-LABEL: func.func private @add_scalar_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<f32>, %[[Y:.*]]: tensor<2x3xf32>, %[[G:.*]]: tensor<2x3xf32>)
// CHECK:         %[[S:.*]] = "mind.reduce_sum"(%[[G]]) {axis = array<i64: 0, 1>, keep_dims = true}
// CHECK:         %[[DX:.*]] = "mind.reshape"(%[[S]]) {shape = array<i64>} : (tensor<1x1xf32>) -> tensor<f32>
// CHECK-NOT:     mind.reduce_sum
// CHECK:         return %{{.*}}, %[[DX]], %[[G]]
func.func private @add_scalar(%x: tensor<f32>, %y: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "mind.add"(%x, %y) : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
func.func @main(%x: tensor<f32>, %y: tensor<2x3xf32>, %g: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<f32>, tensor<2x3xf32>) {
  %f = func.constant @add_scalar : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %v = "mind.vjp"(%f) : ((tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>)
      -> ((tensor<f32>, tensor<2x3xf32>, tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<f32>, tensor<2x3xf32>))
  %r:3 = func.call_indirect %v(%x, %y, %g) : (tensor<f32>, tensor<2x3xf32>, tensor<2x3xf32>)
      -> (tensor<2x3xf32>, tensor<f32>, tensor<2x3xf32>)
  return %r#0, %r#1, %r#2 : tensor<2x3xf32>, tensor<f32>, tensor<2x3xf32>
}

// -----

// sub sends -g to y; with equal shapes nothing is summed or reshaped.
// CHECK-LABEL: func.func private @sub_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>)
// CHECK:         %[[DY:.*]] = "mind.neg"(%[[G]])
// CHECK-NOT:     mind.reduce_sum
// CHECK-NOT:     mind.reshape
// CHECK:         return %{{.*}}, %[[G]], %[[DY]]
func.func private @sub(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "mind.sub"(%x, %y) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>, %y: tensor<4xf32>, %g: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %f = func.constant @sub : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %v = "mind.vjp"(%f) : ((tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>)
      -> ((tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>))
  %r:3 = func.call_indirect %v(%x, %y, %g) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>)
  return %r#0, %r#1, %r#2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// maximum routes g by x >= y, so ties go to x (MindSpore's MaximumGrad).
// CHECK-LABEL: func.func private @maximum_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>)
// CHECK:         %[[TO_X:.*]] = "mind.greater_equal"(%[[X]], %[[Y]])
// CHECK-DAG:     %[[DX:.*]] = "mind.select"(%[[TO_X]], %[[G]], %{{.*}})
// CHECK-DAG:     %[[DY:.*]] = "mind.select"(%[[TO_X]], %{{.*}}, %[[G]])
// CHECK:         return %{{.*}}, %[[DX]], %[[DY]]
func.func private @maximum(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "mind.maximum"(%x, %y) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>, %y: tensor<4xf32>, %g: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %f = func.constant @maximum : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %v = "mind.vjp"(%f) : ((tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>)
      -> ((tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>))
  %r:3 = func.call_indirect %v(%x, %y, %g) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>)
  return %r#0, %r#1, %r#2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// pow's y-cotangent takes log of x with zeros replaced by 1, where x^y is flat in y.
// CHECK-LABEL: func.func private @pow_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>)
// CHECK:         %[[OUT:.*]] = "mind.pow"(%[[X]], %[[Y]])
// CHECK:         %[[ZERO:.*]] = "mind.equal"(%[[X]], %{{.*}})
// CHECK:         %[[SAFE:.*]] = "mind.select"(%[[ZERO]], %{{.*}}, %[[X]])
// CHECK:         "mind.pow"(%[[X]], %{{.*}})
// CHECK:         %[[LOG:.*]] = "mind.log"(%[[SAFE]])
// CHECK:         "mind.mul"(%[[OUT]], %[[LOG]])
func.func private @pow(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "mind.pow"(%x, %y) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>, %y: tensor<4xf32>, %g: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %f = func.constant @pow : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %v = "mind.vjp"(%f) : ((tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>)
      -> ((tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>))
  %r:3 = func.call_indirect %v(%x, %y, %g) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>)
  return %r#0, %r#1, %r#2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// select's condition gets no cotangent; x and y get g where they were chosen, zero elsewhere.
// CHECK-LABEL: func.func private @select_adjoint
// CHECK-SAME:    (%[[C:.*]]: tensor<4xi1>, %[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf32>)
// CHECK-DAG:     %[[DX:.*]] = "mind.select"(%[[C]], %[[G]], %{{.*}})
// CHECK-DAG:     %[[DY:.*]] = "mind.select"(%[[C]], %{{.*}}, %[[G]])
// CHECK:         return %{{.*}}, %[[DX]], %[[DY]]
func.func private @select(%c: tensor<4xi1>, %x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "mind.select"(%c, %x, %y) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @main(%c: tensor<4xi1>, %x: tensor<4xf32>, %y: tensor<4xf32>, %g: tensor<4xf32>)
    -> (tensor<4xf32>, tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) {
  %f = func.constant @select : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %v = "mind.vjp"(%f) : ((tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>)
      -> ((tensor<4xi1>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi1>, tensor<4xf32>, tensor<4xf32>))
  %r:4 = func.call_indirect %v(%c, %x, %y, %g) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>)
      -> (tensor<4xf32>, tensor<4xi1>, tensor<4xf32>, tensor<4xf32>)
  return %r#0, %r#1, %r#2, %r#3 : tensor<4xf32>, tensor<4xi1>, tensor<4xf32>, tensor<4xf32>
}

// -----

// A float-to-float cast's adjoint casts the cotangent back to the operand's type.
// CHECK-LABEL: func.func private @widen_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xf64>)
// CHECK:         %[[DX:.*]] = "mind.cast"(%[[G]]) {dtype = f32} : (tensor<4xf64>) -> tensor<4xf32>
// CHECK:         return %{{.*}}, %[[DX]]
func.func private @widen(%x: tensor<4xf32>) -> tensor<4xf64> {
  %0 = "mind.cast"(%x) {dtype = f64} : (tensor<4xf32>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}
func.func @main(%x: tensor<4xf32>, %g: tensor<4xf64>) -> (tensor<4xf64>, tensor<4xf32>) {
  %f = func.constant @widen : (tensor<4xf32>) -> tensor<4xf64>
  %v = "mind.vjp"(%f) : ((tensor<4xf32>) -> tensor<4xf64>) -> ((tensor<4xf32>, tensor<4xf64>) -> (tensor<4xf64>, tensor<4xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<4xf32>, tensor<4xf64>) -> (tensor<4xf64>, tensor<4xf32>)
  return %r#0, %r#1 : tensor<4xf64>, tensor<4xf32>
}

// -----

// Integer tensors are differentiated as in MindSpore: the cotangent of a cast to an integer
// type is cast back (MindSpore's Cast bprop), not the zero derivative of a step function.
// CHECK-LABEL: func.func private @truncate_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<4xi32>)
// CHECK:         %[[OUT:.*]] = "mind.cast"(%[[X]]) {dtype = i32}
// CHECK:         %[[DX:.*]] = "mind.cast"(%[[G]]) {dtype = f32}
// CHECK:         return %[[OUT]], %[[DX]]
func.func private @truncate(%x: tensor<4xf32>) -> tensor<4xi32> {
  %0 = "mind.cast"(%x) {dtype = i32} : (tensor<4xf32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}
func.func @main(%x: tensor<4xf32>, %g: tensor<4xi32>) -> (tensor<4xi32>, tensor<4xf32>) {
  %f = func.constant @truncate : (tensor<4xf32>) -> tensor<4xi32>
  %v = "mind.vjp"(%f) : ((tensor<4xf32>) -> tensor<4xi32>) -> ((tensor<4xf32>, tensor<4xi32>) -> (tensor<4xi32>, tensor<4xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<4xf32>, tensor<4xi32>) -> (tensor<4xi32>, tensor<4xf32>)
  return %r#0, %r#1 : tensor<4xi32>, tensor<4xf32>
}
