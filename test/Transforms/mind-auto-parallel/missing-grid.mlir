// RUN: mind-opt %s --verify-diagnostics --mind-auto-parallel

// No grid option and no mind.grid on the module: nothing to split over.
// expected-error@+1 {{'builtin.module' mind-auto-parallel: needs a device grid: the grid option or the module's 'mind.grid'}}
module {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    %y = "mind.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
    return %y : tensor<4xf32>
  }
}
