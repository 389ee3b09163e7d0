// RUN: mind-opt %s --split-input-file --verify-diagnostics --mind-async-parallel

// The tasks are numbered by one induction variable.
func.func @two_dimensions(%c: memref<2x2xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  // expected-error@+1 {{'scf.parallel' expected one induction variable, found 2}}
  scf.parallel (%i, %j) = (%c0, %c0) to (%c2, %c2) step (%c1, %c1) {
    memref.store %v, %c[%i, %j] : memref<2x2xf32>
    scf.reduce
  }
  return
}

// -----

// Tasks return nothing: a reduction would need combining their results.
func.func @reduction(%c: memref<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f32
  // expected-error@+1 {{'scf.parallel' expected no reductions, found 1}}
  %s = scf.parallel (%i) = (%c0) to (%c4) step (%c1) init (%zero) -> f32 {
    %x = memref.load %c[%i] : memref<4xf32>
    scf.reduce(%x : f32) {
    ^bb0(%a: f32, %b: f32):
      %r = arith.addf %a, %b : f32
      scf.reduce.return %r : f32
    }
  }
  return %s : f32
}

// -----

// The number of tasks is decided at compile time (records are allocas of the entry block).
func.func @dynamic_bounds(%c: memref<?xf32>, %n: index, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error@+1 {{'scf.parallel' expected constant bounds and step}}
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    memref.store %v, %c[%i] : memref<?xf32>
    scf.reduce
  }
  return
}

// -----

// A tensor has no LLVM form to put in a record: bufferize first.
func.func @tensor_captured(%t: tensor<4xf32>, %c: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  // expected-error@+1 {{'scf.parallel' cannot pass a value of type tensor<4xf32> to a task}}
  scf.parallel (%i) = (%c0) to (%c2) step (%c1) {
    %x = tensor.extract %t[%i] : tensor<4xf32>
    memref.store %x, %c[%i] : memref<4xf32>
    scf.reduce
  }
  return
}
