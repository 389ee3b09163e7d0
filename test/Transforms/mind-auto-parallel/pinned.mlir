// RUN: mind-opt %s --split-input-file --mind-auto-parallel=grid=2,2 | FileCheck %s

// An argument whose layout the program gives keeps it: the search chooses around it. Here a
// small batch whose rows each rank loads for itself (mind.strategy, as a data-parallel dataset
// gives it; mind.layout likewise) and a wide layer, which alone the search would split by columns.
// CHECK-LABEL: func.func @pinned
// CHECK-SAME:    %arg0: tensor<8x512xf32> {mind.layout = "[{0, 1}, {}]", mind.strategy = array<i64: 4, 1>}
// CHECK-SAME:    %arg2: tensor<8x512xf32> {mind.layout = "[{}, {1}]"}
func.func @pinned(%x: tensor<8x512xf32> {mind.strategy = array<i64: 4, 1>}, %w: tensor<512x512xf32>,
                  %z: tensor<8x512xf32> {mind.layout = "[{}, {1}]"}) -> (tensor<8x512xf32>, tensor<8x512xf32>) {
  %y = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false} : (tensor<8x512xf32>, tensor<512x512xf32>) -> tensor<8x512xf32>
  %r = "mind.relu"(%z) : (tensor<8x512xf32>) -> tensor<8x512xf32>
  return %y, %r : tensor<8x512xf32>, tensor<8x512xf32>
}
