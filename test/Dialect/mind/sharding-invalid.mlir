// RUN: mind-opt %s --split-input-file --verify-diagnostics --mind-verify

// mind-verify checks the layouts an op carries against its sharding rule and the module's grid.
module attributes {mind.grid = array<i64: 2, 2>} {
  func.func @f(%x: tensor<8x6xf32>, %w: tensor<6x4xf32>) -> tensor<8x4xf32> {
    // expected-error@+1 {{'mind.matmul' result 0 has layout [{0}, {}], but the operands' splits give [{0}, {}] sum{1}}}
    %y = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false, mind.sharding = "([{0}, {1}], [{1}, {}]) -> ([{0}, {}])"} : (tensor<8x6xf32>, tensor<6x4xf32>) -> tensor<8x4xf32>
    return %y : tensor<8x4xf32>
  }
}

// -----

module attributes {mind.grid = array<i64: 4>} {
  func.func @f(%x: tensor<6x4xf32>) -> tensor<6x4xf32> {
    // expected-error@+1 {{'mind.relu' dimension 0 of operand 0 (size 6) does not divide over grid axis 0 (4 devices)}}
    %y = "mind.relu"(%x) {mind.sharding = "([{0}, {}]) -> ([{0}, {}])"} : (tensor<6x4xf32>) -> tensor<6x4xf32>
    return %y : tensor<6x4xf32>
  }
}

// -----

module {
  func.func @f(%x: tensor<6x4xf32>) -> tensor<6x4xf32> {
    // expected-error@+1 {{'mind.relu' has 'mind.sharding' but the module has no 'mind.grid'}}
    %y = "mind.relu"(%x) {mind.sharding = "([{}, {}]) -> ([{}, {}])"} : (tensor<6x4xf32>) -> tensor<6x4xf32>
    return %y : tensor<6x4xf32>
  }
}

// -----

module attributes {mind.grid = array<i64: 2>} {
  func.func @f(%x: tensor<6x4xf32>) -> tensor<6x4xf32> {
    // expected-error@+1 {{'mind.softmax' dimension 1 of operand 0 cannot be split: the op needs it whole}}
    %y = "mind.softmax"(%x) {axis = 1, mind.sharding = "([{}, {0}]) -> ([{}, {0}])"} : (tensor<6x4xf32>) -> tensor<6x4xf32>
    return %y : tensor<6x4xf32>
  }
}

// -----

// expected-error@+1 {{'builtin.module' a device grid needs one or more axes of at least 1 device, found [2, 0]}}
module attributes {mind.grid = array<i64: 2, 0>} {
  func.func @f(%x: tensor<6x4xf32>) -> tensor<6x4xf32> {
    return %x : tensor<6x4xf32>
  }
}
