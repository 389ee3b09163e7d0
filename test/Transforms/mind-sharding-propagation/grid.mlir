// RUN: mind-opt %s --mind-sharding-propagation='grid=2,2' | FileCheck %s

// Mixed parallel on a 2x2 grid: the batch over one axis, the hidden columns over the other.
// A strategy's splits take free grid axes in order; the operand's existing split is kept.
// An argument whose layout is given by hand keeps it, and a new value of an argument
// (mind.updates) comes back in that argument's layout.

// CHECK: module attributes {mind.grid = array<i64: 2, 2>}
// CHECK: func.func @step(%{{.*}}: tensor<8x6xf32> {mind.layout = "[{0}, {}]"}, %{{.*}}: tensor<6x4xf32> {mind.layout = "[{}, {1}]"}) -> (tensor<8x4xf32> {mind.layout = "[{0}, {1}]"}, tensor<6x4xf32> {mind.layout = "[{}, {1}]", mind.updates = 1 : i64})
// CHECK: "mind.matmul"{{.*}}mind.sharding = "([{0}, {}], [{}, {1}]) -> ([{0}, {1}])"
// CHECK: "mind.tanh"{{.*}}mind.sharding = "([{0}, {1}]) -> ([{0}, {1}])"
// CHECK: "mind.neg"{{.*}}mind.sharding = "([{}, {1}]) -> ([{}, {1}])"
module {
  func.func @step(%x: tensor<8x6xf32> {mind.layout = "[{0}, {}]"}, %w: tensor<6x4xf32>) -> (tensor<8x4xf32>, tensor<6x4xf32> {mind.updates = 1 : i64}) {
    %h = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false, mind.strategy = [array<i64: 2, 1>, array<i64: 1, 2>]} : (tensor<8x6xf32>, tensor<6x4xf32>) -> tensor<8x4xf32>
    %t = "mind.tanh"(%h) : (tensor<8x4xf32>) -> tensor<8x4xf32>
    %w2 = "mind.neg"(%w) : (tensor<6x4xf32>) -> tensor<6x4xf32>
    return %t, %w2 : tensor<8x4xf32>, tensor<6x4xf32>
  }
}
