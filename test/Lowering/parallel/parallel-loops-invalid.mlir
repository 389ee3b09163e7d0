// RUN: mind-opt %s --verify-diagnostics --mind-parallel-loops=threads=2

// A loop that still carries values (a tensor, or anything) cannot be shared out by chunks.
func.func @loop_with_results(%t: tensor<4xf32>) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  // expected-error@+1 {{'scf.for' tagged mindc.parallel still carries values after bufferization}}
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %t) -> (tensor<4xf32>) {
    scf.yield %acc : tensor<4xf32>
  } {mindc.parallel}
  return %r : tensor<4xf32>
}
