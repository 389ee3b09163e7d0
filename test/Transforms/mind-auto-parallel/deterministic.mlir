// RUN: mind-opt %s --split-input-file --mind-auto-parallel=grid=2,2 > %t.first
// RUN: mind-opt %s --split-input-file --mind-auto-parallel=grid=2,2 > %t.second
// RUN: diff %t.first %t.second
// RUN: mind-opt %s --split-input-file --mind-auto-parallel=grid=1,1 | FileCheck %s

// The same input gives the same strategy, run after run (the first two RUN lines, diffed).
// Ties go to the first candidate, the replicated one: on a 1x1 grid every split costs the same.
// CHECK-LABEL: func.func @ties
// CHECK-SAME:    {mind.layout = "[{}, {}]"}
// CHECK:         "mind.matmul"(%arg0, %arg1) {mind.sharding = "([{}, {}], [{}, {}]) -> ([{}, {}])"
// CHECK:         "mind.add"(%{{.*}}, %arg1) {mind.sharding = "([{}, {}], [{}, {}]) -> ([{}, {}])"}
func.func @ties(%x: tensor<16x16xf32>, %w: tensor<16x16xf32>) -> tensor<16x16xf32> {
  %y = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false} : (tensor<16x16xf32>, tensor<16x16xf32>) -> tensor<16x16xf32>
  %z = "mind.add"(%y, %w) : (tensor<16x16xf32>, tensor<16x16xf32>) -> tensor<16x16xf32>
  return %z : tensor<16x16xf32>
}

// -----

// Several products of one shape: nothing but the fixed candidate order and elimination order
// separates strategies of equal cost.
// CHECK-LABEL: func.func @chain
func.func @chain(%x: tensor<64x64xf32>, %w: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %a = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false} : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  %b = "mind.matmul"(%a, %w) {transpose_a = false, transpose_b = false} : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  %c = "mind.matmul"(%b, %w) {transpose_a = false, transpose_b = false} : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  %d = "mind.add"(%c, %a) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  return %d : tensor<64x64xf32>
}
