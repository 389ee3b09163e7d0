// RUN: mind-opt %s --split-input-file --verify-diagnostics --mind-sharding-propagation

// expected-error@+1 {{'builtin.module' needs a device grid: set the module's 'mind.grid' or the grid option}}
module {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    %y = "mind.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
    return %y : tensor<4xf32>
  }
}

// -----

// A split that does not divide the dimension names the op, the dimension and the grid axes.
module attributes {mind.grid = array<i64: 2>} {
  func.func @f(%x: tensor<5x4xf32>, %w: tensor<4x4xf32>) -> tensor<5x4xf32> {
    // expected-error@+1 {{'mind.matmul' dimension 0 of operand 0 (size 5) does not divide over grid axis 0 (2 devices)}}
    %y = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false, mind.strategy = [array<i64: 2, 1>, array<i64: 1, 1>]} : (tensor<5x4xf32>, tensor<4x4xf32>) -> tensor<5x4xf32>
    return %y : tensor<5x4xf32>
  }
}

// -----

// A strategy naming more devices than the grid has.
module attributes {mind.grid = array<i64: 2>} {
  func.func @f(%x: tensor<8x4xf32>, %w: tensor<4x4xf32>) -> tensor<8x4xf32> {
    // expected-error@+1 {{'mind.matmul' dimension 0 of operand 0: no set of free grid axes of the 2 grid has 4 devices}}
    %y = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false, mind.strategy = [array<i64: 4, 1>, array<i64: 1, 1>]} : (tensor<8x4xf32>, tensor<4x4xf32>) -> tensor<8x4xf32>
    return %y : tensor<8x4xf32>
  }
}

// -----

// The contracted dimension split differently in the two operands.
module attributes {mind.grid = array<i64: 2, 2>} {
  func.func @f(%x: tensor<8x4xf32>, %w: tensor<4x4xf32>) -> tensor<8x4xf32> {
    // expected-error@+1 {{'mind.matmul' the strategy splits dimension 0 of operand 1 into 4 pieces, but dimension 1 of operand 0 into 2: they are the same loop}}
    %y = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false, mind.strategy = [array<i64: 1, 2>, array<i64: 4, 1>]} : (tensor<8x4xf32>, tensor<4x4xf32>) -> tensor<8x4xf32>
    return %y : tensor<8x4xf32>
  }
}

// -----

module attributes {mind.grid = array<i64: 2>} {
  func.func @f(%x: tensor<8x4xf32>) -> tensor<8x4xf32> {
    // expected-error@+1 {{'mind.softmax' dimension 1 of operand 0 cannot be split: the op needs it whole}}
    %y = "mind.softmax"(%x) {axis = 1, mind.strategy = [array<i64: 1, 2>]} : (tensor<8x4xf32>) -> tensor<8x4xf32>
    return %y : tensor<8x4xf32>
  }
}

// -----

module attributes {mind.grid = array<i64: 2>} {
  func.func @f(%x: tensor<8x4xf32>) -> tensor<8x4xf32> {
    // expected-error@+1 {{'mind.relu' layout [{1}, {}] of operand 0 names grid axis 1, but the grid 2 has axes 0..0}}
    %y = "mind.relu"(%x) {mind.sharding = "([{1}, {}]) -> ([{1}, {}])"} : (tensor<8x4xf32>) -> tensor<8x4xf32>
    return %y : tensor<8x4xf32>
  }
}

// -----

module attributes {mind.grid = array<i64: 2>} {
  func.func @f(%x: tensor<8x4xf32>) -> tensor<8x4xf32> {
    // expected-error@+1 {{'mind.relu' result 0 has layout [{}, {}], but the operands' splits give [{0}, {}]}}
    %y = "mind.relu"(%x) {mind.sharding = "([{0}, {}]) -> ([{}, {}])"} : (tensor<8x4xf32>) -> tensor<8x4xf32>
    return %y : tensor<8x4xf32>
  }
}

// -----

module attributes {mind.grid = array<i64: 2>} {
  func.func @f(%x: tensor<8x4xf32>) -> tensor<8x4xf32> {
    // expected-error@+1 {{'mind.relu' '[{0}, {}' is not a comma-separated list of layouts}}
    %y = "mind.relu"(%x) {mind.sharding = "([{0}, {}) -> ([{}, {}])"} : (tensor<8x4xf32>) -> tensor<8x4xf32>
    return %y : tensor<8x4xf32>
  }
}
