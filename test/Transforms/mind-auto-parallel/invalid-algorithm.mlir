// RUN: mind-opt %s --verify-diagnostics --mind-auto-parallel='grid=2 algorithm=greedy'

// An algorithm the search does not have, named with the ones it has.
// expected-error@+1 {{'builtin.module' mind-auto-parallel: unknown algorithm 'greedy'; expected one of dp, recursive}}
module {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    %y = "mind.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
    return %y : tensor<4xf32>
  }
}
