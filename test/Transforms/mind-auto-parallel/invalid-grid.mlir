// RUN: mind-opt %s --verify-diagnostics --mind-auto-parallel='grid=2,0'

// A grid axis of no devices: checked before anything is searched, an error on the module.
// expected-error@+1 {{'builtin.module' mind-auto-parallel: a device grid needs one or more axes of at least 1 device, found [2, 0]}}
module {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    %y = "mind.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
    return %y : tensor<4xf32>
  }
}
