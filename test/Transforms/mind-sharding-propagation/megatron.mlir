// RUN: mind-opt %s --mind-sharding-propagation | FileCheck %s

// Megatron's MLP on 2 devices, strategies on the two matmuls only: the first splits its weight
// by columns, the second by rows. The relu between them keeps the column split (no
// redistribution), the second matmul leaves partial sums, and the loss sum takes them
// scattered by rows (a reduce-scatter moves half the bytes of an all-reduce).

// CHECK: module attributes {mind.grid = array<i64: 2>}
// CHECK: func.func @mlp(%{{.*}}: tensor<8x6xf32> {mind.layout = "[{}, {}]"}, %{{.*}}: tensor<6x4xf32> {mind.layout = "[{}, {0}]"}, %{{.*}}: tensor<4x3xf32> {mind.layout = "[{0}, {}]"}) -> (tensor<f32> {mind.layout = "[]"})
// CHECK: "mind.matmul"{{.*}}mind.sharding = "([{}, {}], [{}, {0}]) -> ([{}, {0}])"
// CHECK: "mind.relu"{{.*}}mind.sharding = "([{}, {0}]) -> ([{}, {0}])"
// CHECK: "mind.matmul"{{.*}}mind.sharding = "([{}, {0}], [{0}, {}]) -> ([{}, {}] sum{0})"
// CHECK: "mind.reduce_sum"{{.*}}mind.sharding = "([{0}, {}]) -> ([] sum{0})"
module attributes {mind.grid = array<i64: 2>} {
  func.func @mlp(%x: tensor<8x6xf32>, %w1: tensor<6x4xf32>, %w2: tensor<4x3xf32>) -> tensor<f32> {
    %h = "mind.matmul"(%x, %w1) {transpose_a = false, transpose_b = false, mind.strategy = [array<i64: 1, 1>, array<i64: 1, 2>]} : (tensor<8x6xf32>, tensor<6x4xf32>) -> tensor<8x4xf32>
    %r = "mind.relu"(%h) : (tensor<8x4xf32>) -> tensor<8x4xf32>
    %y = "mind.matmul"(%r, %w2) {transpose_a = false, transpose_b = false, mind.strategy = [array<i64: 1, 2>, array<i64: 2, 1>]} : (tensor<8x4xf32>, tensor<4x3xf32>) -> tensor<8x3xf32>
    %s = "mind.reduce_sum"(%y) {axis = array<i64>, keep_dims = false} : (tensor<8x3xf32>) -> tensor<f32>
    return %s : tensor<f32>
  }
}
