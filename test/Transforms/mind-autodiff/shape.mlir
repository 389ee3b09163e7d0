// RUN: mind-opt %s --split-input-file --mind-autodiff | FileCheck %s

// Reshape, transpose and broadcast_to move elements, so their adjoints move them back: reshape to
// x's shape, the inverse permutation, and a sum over the broadcast dims.
// CHECK-LABEL: func.func private @reshape_transpose_broadcast_adjoint
// CHECK-SAME:    (%{{[^:]+}}: tensor<2x3xf32>, %[[CT:[^:]+]]: tensor<4x6x3x1xf32>)
// CHECK:         %[[SUM:.*]] = "mind.reduce_sum"(%[[CT]]) {axis = array<i64: 0, 2>, keep_dims = true}
// CHECK:         %[[DT:.*]] = "mind.reshape"(%[[SUM]]) {shape = array<i64: 6, 1, 1>}
// CHECK:         %[[DR:.*]] = "mind.transpose"(%[[DT]]) {perm = array<i64: 2, 0, 1>}
// CHECK:         %[[DX:.*]] = "mind.reshape"(%[[DR]]) {shape = array<i64: 2, 3>}
// CHECK:         return %{{.*}}, %[[DX]]
func.func @reshape_transpose_broadcast(%x: tensor<2x3xf32>) -> tensor<4x6x3x1xf32> {
  %r = "mind.reshape"(%x) {shape = array<i64: 1, 6, 1>} : (tensor<2x3xf32>) -> tensor<1x6x1xf32>
  %t = "mind.transpose"(%r) {perm = array<i64: 1, 2, 0>} : (tensor<1x6x1xf32>) -> tensor<6x1x1xf32>
  %b = "mind.broadcast_to"(%t) {shape = array<i64: 4, 6, 3, 1>} : (tensor<6x1x1xf32>) -> tensor<4x6x3x1xf32>
  return %b : tensor<4x6x3x1xf32>
}
func.func @reshape_transpose_broadcast_vjp(%x: tensor<2x3xf32>, %ct: tensor<4x6x3x1xf32>) -> (tensor<4x6x3x1xf32>, tensor<2x3xf32>) {
  %f = func.constant @reshape_transpose_broadcast : (tensor<2x3xf32>) -> tensor<4x6x3x1xf32>
  %v = "mind.vjp"(%f) : ((tensor<2x3xf32>) -> tensor<4x6x3x1xf32>) -> ((tensor<2x3xf32>, tensor<4x6x3x1xf32>) -> (tensor<4x6x3x1xf32>, tensor<2x3xf32>))
  %r:2 = func.call_indirect %v(%x, %ct) : (tensor<2x3xf32>, tensor<4x6x3x1xf32>) -> (tensor<4x6x3x1xf32>, tensor<2x3xf32>)
  return %r#0, %r#1 : tensor<4x6x3x1xf32>, tensor<2x3xf32>
}

// -----

// Concat's cotangent splits at x's size along the axis: two strided slices.
// CHECK-LABEL: func.func private @concat_adjoint
// CHECK-SAME:    (%{{[^:]+}}: tensor<2x3xf32>, %{{[^:]+}}: tensor<2x5xf32>, %[[CT:[^:]+]]: tensor<2x8xf32>)
// CHECK-DAG:     %[[DX:.*]] = "mind.strided_slice"(%[[CT]]) {begin = array<i64: 0, 0>, end = array<i64: 2, 3>, strides = array<i64: 1, 1>}
// CHECK-DAG:     %[[DY:.*]] = "mind.strided_slice"(%[[CT]]) {begin = array<i64: 0, 3>, end = array<i64: 2, 8>, strides = array<i64: 1, 1>}
// CHECK:         return %{{.*}}, %[[DX]], %[[DY]]
func.func @concat(%x: tensor<2x3xf32>, %y: tensor<2x5xf32>) -> tensor<2x8xf32> {
  %c = "mind.concat"(%x, %y) {axis = -1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  return %c : tensor<2x8xf32>
}
func.func @concat_vjp(%x: tensor<2x3xf32>, %y: tensor<2x5xf32>, %ct: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x3xf32>, tensor<2x5xf32>) {
  %f = func.constant @concat : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  %v = "mind.vjp"(%f) : ((tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>) -> ((tensor<2x3xf32>, tensor<2x5xf32>, tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x3xf32>, tensor<2x5xf32>))
  %r:3 = func.call_indirect %v(%x, %y, %ct) : (tensor<2x3xf32>, tensor<2x5xf32>, tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x3xf32>, tensor<2x5xf32>)
  return %r#0, %r#1, %r#2 : tensor<2x8xf32>, tensor<2x3xf32>, tensor<2x5xf32>
}

// -----

// A strided slice's cotangent goes back where the slice read x, with the slice's own attributes
// (negative strides included); its second-order rule is strided_slice again.
// CHECK-LABEL: func.func private @strided_slice_adjoint
// CHECK-SAME:    (%{{[^:]+}}: tensor<5x4xf32>, %[[CT:[^:]+]]: tensor<3x2xf32>)
// CHECK:         %[[DX:.*]] = "mind.strided_slice_grad"(%[[CT]]) {begin = array<i64: -1, 0>, end = array<i64: -6, 4>, shape = array<i64: 5, 4>, strides = array<i64: -2, 3>} : (tensor<3x2xf32>) -> tensor<5x4xf32>
// CHECK:         return %{{.*}}, %[[DX]]
func.func @strided_slice(%x: tensor<5x4xf32>) -> tensor<3x2xf32> {
  %s = "mind.strided_slice"(%x) {begin = array<i64: -1, 0>, end = array<i64: -6, 4>, strides = array<i64: -2, 3>} : (tensor<5x4xf32>) -> tensor<3x2xf32>
  return %s : tensor<3x2xf32>
}
func.func @strided_slice_vjp(%x: tensor<5x4xf32>, %ct: tensor<3x2xf32>) -> (tensor<3x2xf32>, tensor<5x4xf32>) {
  %f = func.constant @strided_slice : (tensor<5x4xf32>) -> tensor<3x2xf32>
  %v = "mind.vjp"(%f) : ((tensor<5x4xf32>) -> tensor<3x2xf32>) -> ((tensor<5x4xf32>, tensor<3x2xf32>) -> (tensor<3x2xf32>, tensor<5x4xf32>))
  %r:2 = func.call_indirect %v(%x, %ct) : (tensor<5x4xf32>, tensor<3x2xf32>) -> (tensor<3x2xf32>, tensor<5x4xf32>)
  return %r#0, %r#1 : tensor<3x2xf32>, tensor<5x4xf32>
}

// -----

// Gather's cotangent is summed into the rows it read: the clamped indices, with the gather axis
// moved first for unsorted_segment_sum and back after it. The indices get none.
// CHECK-LABEL: func.func private @gather_adjoint
// CHECK-SAME:    (%{{[^:]+}}: tensor<2x5x3xf32>, %[[I:[^:]+]]: tensor<4xi64>, %[[CT:[^:]+]]: tensor<2x4x3xf32>)
// CHECK:         %[[ZERO:.*]] = "mind.fill"() {shape = array<i64>, value = 0 : i64}
// CHECK:         %[[LOW:.*]] = "mind.maximum"(%[[I]], %[[ZERO]])
// CHECK:         %[[LAST:.*]] = "mind.fill"() {shape = array<i64>, value = 4 : i64}
// CHECK:         %[[CLAMPED:.*]] = "mind.minimum"(%[[LOW]], %[[LAST]])
// CHECK:         %[[MOVED:.*]] = "mind.transpose"(%[[CT]]) {perm = array<i64: 1, 0, 2>} : (tensor<2x4x3xf32>) -> tensor<4x2x3xf32>
// CHECK:         %[[SUM:.*]] = "mind.unsorted_segment_sum"(%[[MOVED]], %[[CLAMPED]]) {num_segments = 5 : i64} : (tensor<4x2x3xf32>, tensor<4xi64>) -> tensor<5x2x3xf32>
// CHECK:         %[[DX:.*]] = "mind.transpose"(%[[SUM]]) {perm = array<i64: 1, 0, 2>} : (tensor<5x2x3xf32>) -> tensor<2x5x3xf32>
// CHECK:         return %{{.*}}, %[[DX]]
func.func @gather(%x: tensor<2x5x3xf32>, %i: tensor<4xi64>) -> tensor<2x4x3xf32> {
  %g = "mind.gather"(%x, %i) {axis = 1 : i64} : (tensor<2x5x3xf32>, tensor<4xi64>) -> tensor<2x4x3xf32>
  return %g : tensor<2x4x3xf32>
}
func.func @gather_vjp(%x: tensor<2x5x3xf32>, %i: tensor<4xi64>, %ct: tensor<2x4x3xf32>) -> (tensor<2x4x3xf32>, tensor<2x5x3xf32>, tensor<4xi64>) {
  %f = func.constant @gather : (tensor<2x5x3xf32>, tensor<4xi64>) -> tensor<2x4x3xf32>
  %v = "mind.vjp"(%f) : ((tensor<2x5x3xf32>, tensor<4xi64>) -> tensor<2x4x3xf32>) -> ((tensor<2x5x3xf32>, tensor<4xi64>, tensor<2x4x3xf32>) -> (tensor<2x4x3xf32>, tensor<2x5x3xf32>, tensor<4xi64>))
  %r:3 = func.call_indirect %v(%x, %i, %ct) : (tensor<2x5x3xf32>, tensor<4xi64>, tensor<2x4x3xf32>) -> (tensor<2x4x3xf32>, tensor<2x5x3xf32>, tensor<4xi64>)
  return %r#0, %r#1, %r#2 : tensor<2x4x3xf32>, tensor<2x5x3xf32>, tensor<4xi64>
}

// -----

// on_value's gradient sums the cotangent where the result is hot, off_value's where it is not;
// the mask is a one_hot of 1 and 0.
// CHECK-LABEL: func.func private @one_hot_adjoint
// CHECK-SAME:    (%[[I:[^:]+]]: tensor<4xi32>, %{{[^:]+}}: tensor<f32>, %{{[^:]+}}: tensor<f32>, %[[CT:[^:]+]]: tensor<4x3xf32>)
// CHECK-DAG:     %[[ONE:.*]] = "mind.fill"() {shape = array<i64>, value = 1.000000e+00 : f32}
// CHECK-DAG:     %[[ZERO:.*]] = "mind.fill"() {shape = array<i64>, value = 0.000000e+00 : f32}
// CHECK:         %[[HOT:.*]] = "mind.one_hot"(%[[I]], %[[ONE]], %[[ZERO]]) {axis = -1 : i64, depth = 3 : i64}
// CHECK:         %[[ON:.*]] = "mind.mul"(%[[CT]], %[[HOT]])
// CHECK:         %[[DON:.*]] = "mind.reduce_sum"(%[[ON]]) {axis = array<i64>, keep_dims = false} : (tensor<4x3xf32>) -> tensor<f32>
// CHECK:         %[[OFF:.*]] = "mind.sub"(%[[CT]], %[[ON]])
// CHECK:         %[[DOFF:.*]] = "mind.reduce_sum"(%[[OFF]]) {axis = array<i64>, keep_dims = false} : (tensor<4x3xf32>) -> tensor<f32>
// CHECK:         return %{{.*}}, %[[DON]], %[[DOFF]]
func.func @one_hot(%i: tensor<4xi32>, %on: tensor<f32>, %off: tensor<f32>) -> tensor<4x3xf32> {
  %h = "mind.one_hot"(%i, %on, %off) {depth = 3 : i64, axis = -1 : i64} : (tensor<4xi32>, tensor<f32>, tensor<f32>) -> tensor<4x3xf32>
  return %h : tensor<4x3xf32>
}
func.func @one_hot_vjp(%i: tensor<4xi32>, %on: tensor<f32>, %off: tensor<f32>, %ct: tensor<4x3xf32>) -> (tensor<4x3xf32>, tensor<4xi32>, tensor<f32>, tensor<f32>) {
  %f = func.constant @one_hot : (tensor<4xi32>, tensor<f32>, tensor<f32>) -> tensor<4x3xf32>
  %v = "mind.vjp"(%f) : ((tensor<4xi32>, tensor<f32>, tensor<f32>) -> tensor<4x3xf32>) -> ((tensor<4xi32>, tensor<f32>, tensor<f32>, tensor<4x3xf32>) -> (tensor<4x3xf32>, tensor<4xi32>, tensor<f32>, tensor<f32>))
  %r:4 = func.call_indirect %v(%i, %on, %off, %ct) : (tensor<4xi32>, tensor<f32>, tensor<f32>, tensor<4x3xf32>) -> (tensor<4x3xf32>, tensor<4xi32>, tensor<f32>, tensor<f32>)
  return %r#0, %r#1, %r#2, %r#3 : tensor<4x3xf32>, tensor<4xi32>, tensor<f32>, tensor<f32>
}

