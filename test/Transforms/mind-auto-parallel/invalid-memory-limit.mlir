// RUN: mind-opt %s --verify-diagnostics --mind-auto-parallel='grid=2 memory-limit=lots'

// A memory limit that is not a size, with examples of sizes.
// expected-error@+1 {{'builtin.module' mind-auto-parallel: 'lots' is not a memory size; expected e.g. 1000000, 512MiB or 16GB}}
module {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    %y = "mind.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
    return %y : tensor<4xf32>
  }
}
