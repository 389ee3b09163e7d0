// RUN: mind-opt %s --split-input-file --mind-spmd-partition | FileCheck %s

// Layouts given by hand on a 2x2 grid. A value split by rows that a user wants split by
// columns moves with one all-to-all; one wanted whole is all-gathered (both axes at once); one
// wanted split further is sliced locally; a second user wanting the same layout reuses it.

// CHECK-LABEL: func.func @moves(
// CHECK-SAME:    %[[X:.*]]: tensor<4x8xf32> {mind.layout = "[{0}, {}]"})
// CHECK:         %[[T:.*]] = "mind.all_to_all"(%[[X]]) {axes = array<i64: 0>, concat_dim = 0 : i64, grid = array<i64: 2, 2>, split_dim = 1 : i64} : (tensor<4x8xf32>) -> tensor<8x4xf32>
// CHECK:         %[[A:.*]] = "mind.neg"(%[[T]]) : (tensor<8x4xf32>) -> tensor<8x4xf32>
// CHECK:         %[[S:.*]] = "mind.shard_slice"(%[[X]]) {axes = array<i64: 1>, dim = 0 : i64, grid = array<i64: 2, 2>} : (tensor<4x8xf32>) -> tensor<2x8xf32>
// CHECK:         %[[B:.*]] = "mind.exp"(%[[S]]) : (tensor<2x8xf32>) -> tensor<2x8xf32>
// CHECK:         %[[G:.*]] = "mind.all_gather"(%[[B]]) {axes = array<i64: 0, 1>, dim = 0 : i64, grid = array<i64: 2, 2>} : (tensor<2x8xf32>) -> tensor<8x8xf32>
// CHECK:         %[[C:.*]] = "mind.sin"(%[[G]])
// CHECK:         %[[D:.*]] = "mind.cos"(%[[G]])
// CHECK:         return %[[A]], %[[C]], %[[D]] : tensor<8x4xf32>, tensor<8x8xf32>, tensor<8x8xf32>
module attributes {mind.grid = array<i64: 2, 2>} {
  func.func @moves(%x: tensor<8x8xf32> {mind.layout = "[{0}, {}]"}) -> (tensor<8x8xf32> {mind.layout = "[{}, {0}]"}, tensor<8x8xf32>, tensor<8x8xf32>) {
    %a = "mind.neg"(%x) {mind.sharding = "([{}, {0}]) -> ([{}, {0}])"} : (tensor<8x8xf32>) -> tensor<8x8xf32>
    %b = "mind.exp"(%x) {mind.sharding = "([{0, 1}, {}]) -> ([{0, 1}, {}])"} : (tensor<8x8xf32>) -> tensor<8x8xf32>
    %c = "mind.sin"(%b) {mind.sharding = "([{}, {}]) -> ([{}, {}])"} : (tensor<8x8xf32>) -> tensor<8x8xf32>
    %d = "mind.cos"(%b) {mind.sharding = "([{}, {}]) -> ([{}, {}])"} : (tensor<8x8xf32>) -> tensor<8x8xf32>
    return %a, %c, %d : tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>
  }
}

// -----

// Partial sums that the next op wants whole are all-reduced; a result stays split as its
// layout says.
// CHECK-LABEL: func.func @partial(
// CHECK-SAME:    %[[X:.*]]: tensor<4x3xf32> {mind.layout = "[{}, {0}]"}, %[[W:.*]]: tensor<3x5xf32> {mind.layout = "[{0}, {}]"})
// CHECK-SAME:    -> (tensor<4x5xf32> {mind.layout = "[{}, {}]"})
// CHECK:         %[[P:.*]] = "mind.matmul"(%[[X]], %[[W]]) {{.*}} -> tensor<4x5xf32>
// CHECK:         %[[R:.*]] = "mind.all_reduce"(%[[P]]) {axes = array<i64: 0>, grid = array<i64: 2>, reduce = "sum"}
// CHECK:         %[[T:.*]] = "mind.tanh"(%[[R]])
// CHECK:         return %[[T]]
module attributes {mind.grid = array<i64: 2>} {
  func.func @partial(%x: tensor<4x6xf32> {mind.layout = "[{}, {0}]"}, %w: tensor<6x5xf32> {mind.layout = "[{0}, {}]"}) -> tensor<4x5xf32> {
    %p = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false, mind.sharding = "([{}, {0}], [{0}, {}]) -> ([{}, {}] sum{0})"} : (tensor<4x6xf32>, tensor<6x5xf32>) -> tensor<4x5xf32>
    %t = "mind.tanh"(%p) {mind.sharding = "([{}, {}]) -> ([{}, {}])"} : (tensor<4x5xf32>) -> tensor<4x5xf32>
    return %t : tensor<4x5xf32>
  }
}
