// RUN: mind-opt %s --split-input-file --mind-autodiff | FileCheck %s

// Gathering moves pieces forward, so the cotangent's pieces go back summed: all_gather's adjoint
// is a reduce_scatter (sum) on the same dim and group.
// CHECK-LABEL: func.func private @gather_adjoint
// CHECK-SAME:    (%{{.*}}: tensor<2x3xf32>, %[[G:.*]]: tensor<2x6xf32>)
// CHECK:         %[[DX:.*]] = "mind.reduce_scatter"(%[[G]]) {axes = array<i64: 1>, dim = 1 : i64, grid = array<i64: 2, 2>, reduce = "sum"} : (tensor<2x6xf32>) -> tensor<2x3xf32>
// CHECK:         return %{{.*}}, %[[DX]]
func.func private @gather(%x: tensor<2x3xf32>) -> tensor<2x6xf32> {
  %0 = "mind.all_gather"(%x) {dim = 1 : i64, axes = array<i64: 1>, grid = array<i64: 2, 2>} : (tensor<2x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}
func.func @main(%x: tensor<2x3xf32>, %g: tensor<2x6xf32>) -> (tensor<2x6xf32>, tensor<2x3xf32>) {
  %f = func.constant @gather : (tensor<2x3xf32>) -> tensor<2x6xf32>
  %v = "mind.vjp"(%f) : ((tensor<2x3xf32>) -> tensor<2x6xf32>) -> ((tensor<2x3xf32>, tensor<2x6xf32>) -> (tensor<2x6xf32>, tensor<2x3xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<2x3xf32>, tensor<2x6xf32>) -> (tensor<2x6xf32>, tensor<2x3xf32>)
  return %r#0, %r#1 : tensor<2x6xf32>, tensor<2x3xf32>
}

// -----

// all_to_all's adjoint sends the cotangent back: split and concat dims swap.
// CHECK-LABEL: func.func private @exchange_adjoint
// CHECK:         "mind.all_to_all"(%{{.*}}) {axes = array<i64: 0>, concat_dim = 0 : i64, grid = array<i64: 2>, split_dim = 1 : i64} : (tensor<2x4xf32>) -> tensor<4x2xf32>
func.func private @exchange(%x: tensor<4x2xf32>) -> tensor<2x4xf32> {
  %0 = "mind.all_to_all"(%x) {split_dim = 0 : i64, concat_dim = 1 : i64, axes = array<i64: 0>, grid = array<i64: 2>} : (tensor<4x2xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
func.func @main(%x: tensor<4x2xf32>, %g: tensor<2x4xf32>) -> (tensor<2x4xf32>, tensor<4x2xf32>) {
  %f = func.constant @exchange : (tensor<4x2xf32>) -> tensor<2x4xf32>
  %v = "mind.vjp"(%f) : ((tensor<4x2xf32>) -> tensor<2x4xf32>) -> ((tensor<4x2xf32>, tensor<2x4xf32>) -> (tensor<2x4xf32>, tensor<4x2xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<4x2xf32>, tensor<2x4xf32>) -> (tensor<2x4xf32>, tensor<4x2xf32>)
  return %r#0, %r#1 : tensor<2x4xf32>, tensor<4x2xf32>
}
