// RUN: mind-opt %s --verify-diagnostics --mind-schedule=name=no-such-schedule

// A schedule name with no lowering/<name>.mlir is an error on the module, naming the schedules
// that exist.
// expected-error@+1 {{no schedule 'no-such-schedule' in}}
module {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}
