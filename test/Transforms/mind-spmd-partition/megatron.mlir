// RUN: mind-opt %s --mind-sharding-propagation --mind-spmd-partition | FileCheck %s

// Megatron's MLP on 2 devices: each device holds half the columns of w1 and half the rows of
// w2; the only communication is one reduce-scatter of the second product's partial sums and
// an all-reduce of the scalar loss.

// CHECK-LABEL: func.func @mlp(
// CHECK-SAME:    %[[X:.*]]: tensor<8x6xf32> {mind.layout = "[{}, {}]"},
// CHECK-SAME:    %[[W1:.*]]: tensor<6x2xf32> {mind.layout = "[{}, {0}]"},
// CHECK-SAME:    %[[W2:.*]]: tensor<2x3xf32> {mind.layout = "[{0}, {}]"})
// CHECK-SAME:    -> (tensor<f32> {mind.layout = "[]"})
// CHECK:         %[[H:.*]] = "mind.matmul"(%[[X]], %[[W1]]) {transpose_a = false, transpose_b = false} : (tensor<8x6xf32>, tensor<6x2xf32>) -> tensor<8x2xf32>
// CHECK-NOT:     mind.sharding
// CHECK:         %[[R:.*]] = "mind.relu"(%[[H]]) : (tensor<8x2xf32>) -> tensor<8x2xf32>
// CHECK:         %[[Y:.*]] = "mind.matmul"(%[[R]], %[[W2]]) {{.*}} -> tensor<8x3xf32>
// CHECK:         %[[RS:.*]] = "mind.reduce_scatter"(%[[Y]]) {axes = array<i64: 0>, dim = 0 : i64, grid = array<i64: 2>, reduce = "sum"} : (tensor<8x3xf32>) -> tensor<4x3xf32>
// CHECK:         %[[S:.*]] = "mind.reduce_sum"(%[[RS]]) {{.*}} -> tensor<f32>
// CHECK:         %[[L:.*]] = "mind.all_reduce"(%[[S]]) {axes = array<i64: 0>, grid = array<i64: 2>, reduce = "sum"} : (tensor<f32>) -> tensor<f32>
// CHECK:         return %[[L]] : tensor<f32>
module attributes {mind.grid = array<i64: 2>} {
  func.func @mlp(%x: tensor<8x6xf32>, %w1: tensor<6x4xf32>, %w2: tensor<4x3xf32>) -> tensor<f32> {
    %h = "mind.matmul"(%x, %w1) {transpose_a = false, transpose_b = false, mind.strategy = [array<i64: 1, 1>, array<i64: 1, 2>]} : (tensor<8x6xf32>, tensor<6x4xf32>) -> tensor<8x4xf32>
    %r = "mind.relu"(%h) : (tensor<8x4xf32>) -> tensor<8x4xf32>
    %y = "mind.matmul"(%r, %w2) {transpose_a = false, transpose_b = false, mind.strategy = [array<i64: 1, 2>, array<i64: 2, 1>]} : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
    %s = "mind.reduce_sum"(%y) {axis = array<i64>, keep_dims = false} : (tensor<8x3xf32>) -> tensor<f32>
    return %s : tensor<f32>
  }
}
