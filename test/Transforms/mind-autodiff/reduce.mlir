// RUN: mind-opt %s --split-input-file --mind-autodiff | FileCheck %s

// reduce_sum without keep_dims: g gets its reduced dim back as a 1, then broadcasts to x's shape.
// CHECK-LABEL: func.func private @sum_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3x4xf32>, %[[G:.*]]: tensor<2x4xf32>)
// CHECK:         %[[KEPT:.*]] = "mind.reshape"(%[[G]]) {shape = array<i64: 2, 1, 4>}
// CHECK:         %[[DX:.*]] = "mind.broadcast_to"(%[[KEPT]]) {shape = array<i64: 2, 3, 4>} : (tensor<2x1x4xf32>) -> tensor<2x3x4xf32>
// CHECK:         return %{{.*}}, %[[DX]]
func.func private @sum(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = "mind.reduce_sum"(%x) {axis = array<i64: 1>, keep_dims = false} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
func.func @main(%x: tensor<2x3x4xf32>, %g: tensor<2x4xf32>) -> (tensor<2x4xf32>, tensor<2x3x4xf32>) {
  %f = func.constant @sum : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  %v = "mind.vjp"(%f) : ((tensor<2x3x4xf32>) -> tensor<2x4xf32>)
      -> ((tensor<2x3x4xf32>, tensor<2x4xf32>) -> (tensor<2x4xf32>, tensor<2x3x4xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<2x3x4xf32>, tensor<2x4xf32>) -> (tensor<2x4xf32>, tensor<2x3x4xf32>)
  return %r#0, %r#1 : tensor<2x4xf32>, tensor<2x3x4xf32>
}

// -----

// With keep_dims the cotangent already has x's rank: a broadcast, no reshape.
// CHECK-LABEL: func.func private @sum_keep_dims_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3xf32>, %[[G:.*]]: tensor<2x1xf32>)
// CHECK-NOT:     mind.reshape
// CHECK:         %[[DX:.*]] = "mind.broadcast_to"(%[[G]]) {shape = array<i64: 2, 3>}
// CHECK:         return %{{.*}}, %[[DX]]
func.func private @sum_keep_dims(%x: tensor<2x3xf32>) -> tensor<2x1xf32> {
  %0 = "mind.reduce_sum"(%x) {axis = array<i64: -1>, keep_dims = true} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}
func.func @main(%x: tensor<2x3xf32>, %g: tensor<2x1xf32>) -> (tensor<2x1xf32>, tensor<2x3xf32>) {
  %f = func.constant @sum_keep_dims : (tensor<2x3xf32>) -> tensor<2x1xf32>
  %v = "mind.vjp"(%f) : ((tensor<2x3xf32>) -> tensor<2x1xf32>) -> ((tensor<2x3xf32>, tensor<2x1xf32>) -> (tensor<2x1xf32>, tensor<2x3xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<2x3xf32>, tensor<2x1xf32>) -> (tensor<2x1xf32>, tensor<2x3xf32>)
  return %r#0, %r#1 : tensor<2x1xf32>, tensor<2x3xf32>
}

// -----

// reduce_mean over every dim (an empty axis) divides g by the element count, 6, before the
// broadcast; mind.grad seeds g with 1.
// CHECK-LABEL: func.func private @mean_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3xf32>, %[[G:.*]]: tensor<f32>)
// CHECK:         %[[KEPT:.*]] = "mind.reshape"(%[[G]]) {shape = array<i64: 1, 1>}
// CHECK:         %[[N:.*]] = "mind.fill"() {shape = array<i64>, value = 6.000000e+00 : f32}
// CHECK:         %[[Q:.*]] = "mind.div"(%[[KEPT]], %[[N]])
// CHECK:         %[[DX:.*]] = "mind.broadcast_to"(%[[Q]]) {shape = array<i64: 2, 3>}
// CHECK:         return %[[DX]]
func.func private @mean(%x: tensor<2x3xf32>) -> tensor<f32> {
  %0 = "mind.reduce_mean"(%x) {axis = array<i64>, keep_dims = false} : (tensor<2x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
func.func @main(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %f = func.constant @mean : (tensor<2x3xf32>) -> tensor<f32>
  %g = "mind.grad"(%f) {grad_position = array<i64: 0>, has_aux = false, sens_param = false}
      : ((tensor<2x3xf32>) -> tensor<f32>) -> ((tensor<2x3xf32>) -> tensor<2x3xf32>)
  %r = func.call_indirect %g(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// -----

// reduce_max shares g among the elements equal to the maximum: a mask, divided by the number
// of ties along the reduced dim.
// CHECK-LABEL: func.func private @max_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3xf32>, %[[G:.*]]: tensor<2xf32>)
// CHECK:         %[[OUT:.*]] = "mind.reduce_max"(%[[X]])
// CHECK:         %[[OUT1:.*]] = "mind.reshape"(%[[OUT]]) {shape = array<i64: 2, 1>}
// CHECK:         %[[G1:.*]] = "mind.reshape"(%[[G]]) {shape = array<i64: 2, 1>}
// CHECK:         %[[EQ:.*]] = "mind.equal"(%[[X]], %[[OUT1]]) : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xi1>
// CHECK:         %[[HIT:.*]] = "mind.cast"(%[[EQ]]) {dtype = f32}
// CHECK:         %[[TIES:.*]] = "mind.reduce_sum"(%[[HIT]]) {axis = array<i64: 1>, keep_dims = true}
// CHECK:         %[[SHARE:.*]] = "mind.div"(%[[G1]], %[[TIES]])
// CHECK:         %[[DX:.*]] = "mind.mul"(%[[HIT]], %[[SHARE]])
// CHECK:         return %[[OUT]], %[[DX]]
func.func private @max(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  %0 = "mind.reduce_max"(%x) {axis = array<i64: 1>, keep_dims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
func.func @main(%x: tensor<2x3xf32>, %g: tensor<2xf32>) -> (tensor<2xf32>, tensor<2x3xf32>) {
  %f = func.constant @max : (tensor<2x3xf32>) -> tensor<2xf32>
  %v = "mind.vjp"(%f) : ((tensor<2x3xf32>) -> tensor<2xf32>) -> ((tensor<2x3xf32>, tensor<2xf32>) -> (tensor<2xf32>, tensor<2x3xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<2x3xf32>, tensor<2xf32>) -> (tensor<2xf32>, tensor<2x3xf32>)
  return %r#0, %r#1 : tensor<2xf32>, tensor<2x3xf32>
}

// -----

// A reduced dim of size 1 holds no ties to count. reduce_sum must not be emitted with an empty
// axis list there: that would sum over every dim and divide g by the number of rows.
// CHECK-LABEL: func.func private @min_unit_dim_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<3x1xf32>, %[[G:.*]]: tensor<3xf32>)
// CHECK:         %[[HIT:.*]] = "mind.cast"
// CHECK-NOT:     mind.reduce_sum
// CHECK:         %[[SHARE:.*]] = "mind.div"(%{{.*}}, %[[HIT]])
// CHECK:         %[[DX:.*]] = "mind.mul"(%[[HIT]], %[[SHARE]])
// CHECK:         return %{{.*}}, %[[DX]]
func.func private @min_unit_dim(%x: tensor<3x1xf32>) -> tensor<3xf32> {
  %0 = "mind.reduce_min"(%x) {axis = array<i64: 1>, keep_dims = false} : (tensor<3x1xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
func.func @main(%x: tensor<3x1xf32>, %g: tensor<3xf32>) -> (tensor<3xf32>, tensor<3x1xf32>) {
  %f = func.constant @min_unit_dim : (tensor<3x1xf32>) -> tensor<3xf32>
  %v = "mind.vjp"(%f) : ((tensor<3x1xf32>) -> tensor<3xf32>) -> ((tensor<3x1xf32>, tensor<3xf32>) -> (tensor<3xf32>, tensor<3x1xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<3x1xf32>, tensor<3xf32>) -> (tensor<3xf32>, tensor<3x1xf32>)
  return %r#0, %r#1 : tensor<3xf32>, tensor<3x1xf32>
}

// -----

// reduce_prod's adjoint is g * prod / x, from the saved product (no second reduce_prod).
// CHECK-LABEL: func.func private @prod_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<4xf32>, %[[G:.*]]: tensor<f32>)
// CHECK:         %[[OUT:.*]] = "mind.reduce_prod"(%[[X]])
// CHECK-NOT:     mind.reduce_prod
// CHECK-DAG:     %[[GP:.*]] = "mind.mul"(%{{.*}}, %{{.*}}) : (tensor<1xf32>, tensor<1xf32>) -> tensor<1xf32>
// CHECK-DAG:     %[[INV:.*]] = "mind.div"(%{{.*}}, %[[X]]) : (tensor<f32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK:         %[[DX:.*]] = "mind.mul"(%[[GP]], %[[INV]]) : (tensor<1xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK:         return %{{.*}}, %[[DX]]
func.func private @prod(%x: tensor<4xf32>) -> tensor<f32> {
  %0 = "mind.reduce_prod"(%x) {axis = array<i64: 0>, keep_dims = false} : (tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
func.func @main(%x: tensor<4xf32>, %g: tensor<f32>) -> (tensor<f32>, tensor<4xf32>) {
  %f = func.constant @prod : (tensor<4xf32>) -> tensor<f32>
  %v = "mind.vjp"(%f) : ((tensor<4xf32>) -> tensor<f32>) -> ((tensor<4xf32>, tensor<f32>) -> (tensor<f32>, tensor<4xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<4xf32>, tensor<f32>) -> (tensor<f32>, tensor<4xf32>)
  return %r#0, %r#1 : tensor<f32>, tensor<4xf32>
}
