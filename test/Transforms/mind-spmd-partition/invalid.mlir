// RUN: mind-opt %s --split-input-file --verify-diagnostics --mind-spmd-partition

// expected-error@+1 {{'builtin.module' has no 'mind.grid': run mind-sharding-propagation or mind-auto-parallel first}}
module {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    %y = "mind.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
    return %y : tensor<4xf32>
  }
}

// -----

module attributes {mind.grid = array<i64: 2>} {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    // expected-error@+1 {{'mind.relu' has no 'mind.sharding': run mind-sharding-propagation or mind-auto-parallel first}}
    %y = "mind.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
    return %y : tensor<4xf32>
  }
}

// -----

module attributes {mind.grid = array<i64: 2>} {
  // expected-error@+1 {{'func.func' dimension 0 of argument 0 (size 5) does not divide over grid axis 0 (2 devices)}}
  func.func @f(%x: tensor<5xf32> {mind.layout = "[{0}]"}) -> tensor<5xf32> {
    %y = "mind.relu"(%x) {mind.sharding = "([{}]) -> ([{}])"} : (tensor<5xf32>) -> tensor<5xf32>
    return %y : tensor<5xf32>
  }
}

// -----

module attributes {mind.grid = array<i64: 2>} {
  // expected-error@+1 {{'func.func' result 0 cannot have partial results ([{}] sum{0})}}
  func.func @f(%x: tensor<4xf32>) -> (tensor<4xf32> {mind.layout = "[{}] sum{0}"}) {
    %y = "mind.relu"(%x) {mind.sharding = "([{}]) -> ([{}])"} : (tensor<4xf32>) -> tensor<4xf32>
    return %y : tensor<4xf32>
  }
}

// -----

// Control flow is not partitioned: an error at the op rather than a silently replicated region.
module attributes {mind.grid = array<i64: 2>} {
  func.func @f(%x: tensor<4xf32>, %c: i1) -> tensor<4xf32> {
    // expected-error@+1 {{'scf.if' is not partitioned: sharding handles mind ops in straight-line functions (run mind-autodiff and inline first; control flow is not partitioned)}}
    %y = scf.if %c -> tensor<4xf32> {
      %r = "mind.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
      scf.yield %r : tensor<4xf32>
    } else {
      scf.yield %x : tensor<4xf32>
    }
    %z = "mind.neg"(%y) {mind.sharding = "([{}]) -> ([{}])"} : (tensor<4xf32>) -> tensor<4xf32>
    return %z : tensor<4xf32>
  }
}
