// RUN: mind-opt %s --split-input-file --verify-diagnostics --mind-auto-parallel='grid=2,2 memory-limit=1KiB'

// The least-memory strategy still holds a quarter of each 256x256 operand and result (3 x 64 KiB):
// no strategy fits 1 KiB, an error on the function.
// expected-error@+1 {{'func.func' no strategy fits 1024 bytes per device: the least memory one takes 1.966e+05}}
func.func @too_big(%x: tensor<256x256xf32>, %w: tensor<256x256xf32>) -> tensor<256x256xf32> {
  %y = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false} : (tensor<256x256xf32>, tensor<256x256xf32>) -> tensor<256x256xf32>
  return %y : tensor<256x256xf32>
}

// -----

// Control flow is not partitioned: an op with a region that holds tensors is a located error.
func.func @loop(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  // expected-error@+1 {{'scf.for' is not partitioned}}
  %r = scf.for %i = %c0 to %c2 step %c1 iter_args(%a = %x) -> (tensor<4xf32>) {
    %n = "mind.neg"(%a) : (tensor<4xf32>) -> tensor<4xf32>
    scf.yield %n : tensor<4xf32>
  }
  %y = "mind.relu"(%r) : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// A strategy the grid cannot give is an error at the function.
// expected-error@+1 {{'func.func' the strategy (3, 1) of argument 0: dimension 0 of operand 0: no set of free grid axes of the 2x2 grid has 3 devices}}
func.func @bad(%x: tensor<6x4xf32> {mind.strategy = array<i64: 3, 1>}) -> tensor<6x4xf32> {
  %r = "mind.relu"(%x) : (tensor<6x4xf32>) -> tensor<6x4xf32>
  return %r : tensor<6x4xf32>
}
