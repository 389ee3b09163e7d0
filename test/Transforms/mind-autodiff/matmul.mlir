// RUN: mind-opt %s --split-input-file --mind-autodiff | FileCheck %s

// C = x y: dx = g y^T and dy = x^T g, each one mind.matmul with a transpose flag set; no
// mind.transpose is materialized.
// CHECK-LABEL: func.func private @mm_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<3x4xf32>, %[[Y:.*]]: tensor<4x5xf32>, %[[G:.*]]: tensor<3x5xf32>)
// CHECK-NOT:     mind.transpose
// CHECK:         %[[DX:.*]] = "mind.matmul"(%[[G]], %[[Y]]) {transpose_a = false, transpose_b = true} : (tensor<3x5xf32>, tensor<4x5xf32>) -> tensor<3x4xf32>
// CHECK:         %[[DY:.*]] = "mind.matmul"(%[[X]], %[[G]]) {transpose_a = true, transpose_b = false} : (tensor<3x4xf32>, tensor<3x5xf32>) -> tensor<4x5xf32>
// CHECK-NOT:     mind.transpose
// CHECK:         return %{{.*}}, %[[DX]], %[[DY]]
func.func private @mm(%x: tensor<3x4xf32>, %y: tensor<4x5xf32>) -> tensor<3x5xf32> {
  %0 = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}
func.func @main(%x: tensor<3x4xf32>, %y: tensor<4x5xf32>, %g: tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<3x4xf32>, tensor<4x5xf32>) {
  %f = func.constant @mm : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  %v = "mind.vjp"(%f) : ((tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>)
      -> ((tensor<3x4xf32>, tensor<4x5xf32>, tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<3x4xf32>, tensor<4x5xf32>))
  %r:3 = func.call_indirect %v(%x, %y, %g) : (tensor<3x4xf32>, tensor<4x5xf32>, tensor<3x5xf32>)
      -> (tensor<3x5xf32>, tensor<3x4xf32>, tensor<4x5xf32>)
  return %r#0, %r#1, %r#2 : tensor<3x5xf32>, tensor<3x4xf32>, tensor<4x5xf32>
}

// -----

// C = x^T y with x stored 4x3: dx = (g y^T)^T = y g^T.
// CHECK-LABEL: func.func private @mm_ta_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<4x3xf32>, %[[Y:.*]]: tensor<4x5xf32>, %[[G:.*]]: tensor<3x5xf32>)
// CHECK-NOT:     mind.transpose
// CHECK:         %[[DX:.*]] = "mind.matmul"(%[[Y]], %[[G]]) {transpose_a = false, transpose_b = true} : (tensor<4x5xf32>, tensor<3x5xf32>) -> tensor<4x3xf32>
// CHECK:         %[[DY:.*]] = "mind.matmul"(%[[X]], %[[G]]) {transpose_a = false, transpose_b = false} : (tensor<4x3xf32>, tensor<3x5xf32>) -> tensor<4x5xf32>
// CHECK-NOT:     mind.transpose
// CHECK:         return %{{.*}}, %[[DX]], %[[DY]]
func.func private @mm_ta(%x: tensor<4x3xf32>, %y: tensor<4x5xf32>) -> tensor<3x5xf32> {
  %0 = "mind.matmul"(%x, %y) {transpose_a = true, transpose_b = false} : (tensor<4x3xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}
func.func @main(%x: tensor<4x3xf32>, %y: tensor<4x5xf32>, %g: tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<4x3xf32>, tensor<4x5xf32>) {
  %f = func.constant @mm_ta : (tensor<4x3xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  %v = "mind.vjp"(%f) : ((tensor<4x3xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>)
      -> ((tensor<4x3xf32>, tensor<4x5xf32>, tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<4x3xf32>, tensor<4x5xf32>))
  %r:3 = func.call_indirect %v(%x, %y, %g) : (tensor<4x3xf32>, tensor<4x5xf32>, tensor<3x5xf32>)
      -> (tensor<3x5xf32>, tensor<4x3xf32>, tensor<4x5xf32>)
  return %r#0, %r#1, %r#2 : tensor<3x5xf32>, tensor<4x3xf32>, tensor<4x5xf32>
}

// -----

// C = x y^T with y stored 5x4: dy = (x^T g)^T = g^T x.
// CHECK-LABEL: func.func private @mm_tb_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<3x4xf32>, %[[Y:.*]]: tensor<5x4xf32>, %[[G:.*]]: tensor<3x5xf32>)
// CHECK-NOT:     mind.transpose
// CHECK:         %[[DX:.*]] = "mind.matmul"(%[[G]], %[[Y]]) {transpose_a = false, transpose_b = false} : (tensor<3x5xf32>, tensor<5x4xf32>) -> tensor<3x4xf32>
// CHECK:         %[[DY:.*]] = "mind.matmul"(%[[G]], %[[X]]) {transpose_a = true, transpose_b = false} : (tensor<3x5xf32>, tensor<3x4xf32>) -> tensor<5x4xf32>
// CHECK-NOT:     mind.transpose
// CHECK:         return %{{.*}}, %[[DX]], %[[DY]]
func.func private @mm_tb(%x: tensor<3x4xf32>, %y: tensor<5x4xf32>) -> tensor<3x5xf32> {
  %0 = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = true} : (tensor<3x4xf32>, tensor<5x4xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}
func.func @main(%x: tensor<3x4xf32>, %y: tensor<5x4xf32>, %g: tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<3x4xf32>, tensor<5x4xf32>) {
  %f = func.constant @mm_tb : (tensor<3x4xf32>, tensor<5x4xf32>) -> tensor<3x5xf32>
  %v = "mind.vjp"(%f) : ((tensor<3x4xf32>, tensor<5x4xf32>) -> tensor<3x5xf32>)
      -> ((tensor<3x4xf32>, tensor<5x4xf32>, tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<3x4xf32>, tensor<5x4xf32>))
  %r:3 = func.call_indirect %v(%x, %y, %g) : (tensor<3x4xf32>, tensor<5x4xf32>, tensor<3x5xf32>)
      -> (tensor<3x5xf32>, tensor<3x4xf32>, tensor<5x4xf32>)
  return %r#0, %r#1, %r#2 : tensor<3x5xf32>, tensor<3x4xf32>, tensor<5x4xf32>
}

// -----

// C = x^T y^T: dx = y^T g^T and dy = g^T x^T, both operands flagged.
// CHECK-LABEL: func.func private @mm_ta_tb_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<4x3xf32>, %[[Y:.*]]: tensor<5x4xf32>, %[[G:.*]]: tensor<3x5xf32>)
// CHECK-NOT:     mind.transpose
// CHECK:         %[[DX:.*]] = "mind.matmul"(%[[Y]], %[[G]]) {transpose_a = true, transpose_b = true} : (tensor<5x4xf32>, tensor<3x5xf32>) -> tensor<4x3xf32>
// CHECK:         %[[DY:.*]] = "mind.matmul"(%[[G]], %[[X]]) {transpose_a = true, transpose_b = true} : (tensor<3x5xf32>, tensor<4x3xf32>) -> tensor<5x4xf32>
// CHECK-NOT:     mind.transpose
// CHECK:         return %{{.*}}, %[[DX]], %[[DY]]
func.func private @mm_ta_tb(%x: tensor<4x3xf32>, %y: tensor<5x4xf32>) -> tensor<3x5xf32> {
  %0 = "mind.matmul"(%x, %y) {transpose_a = true, transpose_b = true} : (tensor<4x3xf32>, tensor<5x4xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}
func.func @main(%x: tensor<4x3xf32>, %y: tensor<5x4xf32>, %g: tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<4x3xf32>, tensor<5x4xf32>) {
  %f = func.constant @mm_ta_tb : (tensor<4x3xf32>, tensor<5x4xf32>) -> tensor<3x5xf32>
  %v = "mind.vjp"(%f) : ((tensor<4x3xf32>, tensor<5x4xf32>) -> tensor<3x5xf32>)
      -> ((tensor<4x3xf32>, tensor<5x4xf32>, tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<4x3xf32>, tensor<5x4xf32>))
  %r:3 = func.call_indirect %v(%x, %y, %g) : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<3x5xf32>)
      -> (tensor<3x5xf32>, tensor<4x3xf32>, tensor<5x4xf32>)
  return %r#0, %r#1, %r#2 : tensor<3x5xf32>, tensor<4x3xf32>, tensor<5x4xf32>
}

// -----

// Equal batch dims: each cotangent is one batch_matmul, with nothing summed.
// CHECK-LABEL: func.func private @bmm_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3x4xf32>, %[[Y:.*]]: tensor<2x4x5xf32>, %[[G:.*]]: tensor<2x3x5xf32>)
// CHECK:         %[[DX:.*]] = "mind.batch_matmul"(%[[G]], %[[Y]]) {transpose_a = false, transpose_b = true} : (tensor<2x3x5xf32>, tensor<2x4x5xf32>) -> tensor<2x3x4xf32>
// CHECK:         %[[DY:.*]] = "mind.batch_matmul"(%[[X]], %[[G]]) {transpose_a = true, transpose_b = false} : (tensor<2x3x4xf32>, tensor<2x3x5xf32>) -> tensor<2x4x5xf32>
// CHECK-NOT:     mind.reduce_sum
// CHECK-NOT:     mind.transpose
// CHECK:         return %{{.*}}, %[[DX]], %[[DY]]
func.func private @bmm(%x: tensor<2x3x4xf32>, %y: tensor<2x4x5xf32>) -> tensor<2x3x5xf32> {
  %0 = "mind.batch_matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}
func.func @main(%x: tensor<2x3x4xf32>, %y: tensor<2x4x5xf32>, %g: tensor<2x3x5xf32>)
    -> (tensor<2x3x5xf32>, tensor<2x3x4xf32>, tensor<2x4x5xf32>) {
  %f = func.constant @bmm : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  %v = "mind.vjp"(%f) : ((tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>)
      -> ((tensor<2x3x4xf32>, tensor<2x4x5xf32>, tensor<2x3x5xf32>) -> (tensor<2x3x5xf32>, tensor<2x3x4xf32>, tensor<2x4x5xf32>))
  %r:3 = func.call_indirect %v(%x, %y, %g) : (tensor<2x3x4xf32>, tensor<2x4x5xf32>, tensor<2x3x5xf32>)
      -> (tensor<2x3x5xf32>, tensor<2x3x4xf32>, tensor<2x4x5xf32>)
  return %r#0, %r#1, %r#2 : tensor<2x3x5xf32>, tensor<2x3x4xf32>, tensor<2x4x5xf32>
}

// -----

// A 2-d weight shared by every batch (x 2x3x4, w^T stored 5x4): its cotangent is the batched
// product summed over the batch dim and reshaped back to 5x4; x's needs no sum.
// CHECK-LABEL: func.func private @bmm_shared_weight_adjoint
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3x4xf32>, %[[W:.*]]: tensor<5x4xf32>, %[[G:.*]]: tensor<2x3x5xf32>)
// CHECK:         %[[DX:.*]] = "mind.batch_matmul"(%[[G]], %[[W]]) {transpose_a = false, transpose_b = false} : (tensor<2x3x5xf32>, tensor<5x4xf32>) -> tensor<2x3x4xf32>
// CHECK:         %[[PW:.*]] = "mind.batch_matmul"(%[[G]], %[[X]]) {transpose_a = true, transpose_b = false} : (tensor<2x3x5xf32>, tensor<2x3x4xf32>) -> tensor<2x5x4xf32>
// CHECK:         %[[SW:.*]] = "mind.reduce_sum"(%[[PW]]) {axis = array<i64: 0>, keep_dims = true} : (tensor<2x5x4xf32>) -> tensor<1x5x4xf32>
// CHECK:         %[[DW:.*]] = "mind.reshape"(%[[SW]]) {shape = array<i64: 5, 4>}
// CHECK:         return %{{.*}}, %[[DX]], %[[DW]]
func.func private @bmm_shared_weight(%x: tensor<2x3x4xf32>, %w: tensor<5x4xf32>) -> tensor<2x3x5xf32> {
  %0 = "mind.batch_matmul"(%x, %w) {transpose_a = false, transpose_b = true} : (tensor<2x3x4xf32>, tensor<5x4xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}
func.func @main(%x: tensor<2x3x4xf32>, %w: tensor<5x4xf32>, %g: tensor<2x3x5xf32>)
    -> (tensor<2x3x5xf32>, tensor<2x3x4xf32>, tensor<5x4xf32>) {
  %f = func.constant @bmm_shared_weight : (tensor<2x3x4xf32>, tensor<5x4xf32>) -> tensor<2x3x5xf32>
  %v = "mind.vjp"(%f) : ((tensor<2x3x4xf32>, tensor<5x4xf32>) -> tensor<2x3x5xf32>)
      -> ((tensor<2x3x4xf32>, tensor<5x4xf32>, tensor<2x3x5xf32>) -> (tensor<2x3x5xf32>, tensor<2x3x4xf32>, tensor<5x4xf32>))
  %r:3 = func.call_indirect %v(%x, %w, %g) : (tensor<2x3x4xf32>, tensor<5x4xf32>, tensor<2x3x5xf32>)
      -> (tensor<2x3x5xf32>, tensor<2x3x4xf32>, tensor<5x4xf32>)
  return %r#0, %r#1, %r#2 : tensor<2x3x5xf32>, tensor<2x3x4xf32>, tensor<5x4xf32>
}
