// RUN: not mind-opt %s --split-input-file 2>&1 | FileCheck %s

// Chunks are padded so that diagnostics give lines of the whole file, and every chunk is
// processed even after one fails.

func.func @fine(%x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "mind.relu"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @bad_result(%x: tensor<2xf32>) -> tensor<3xf32> {
  // CHECK: split-input-file-locations.mlir:[[@LINE+1]]:8: error: 'mind.relu' result 0 should be tensor<2xf32>, found tensor<3xf32>
  %0 = "mind.relu"(%x) : (tensor<2xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @bad_syntax(%x: tensor<2xf32>) {
  // CHECK: split-input-file-locations.mlir:[[@LINE+1]]:20: error: use of undeclared SSA value name
  %0 = "mind.relu"(%y) : (tensor<2xf32>) -> tensor<2xf32>
  return
}
