// RUN: mind-run %s --random | FileCheck %s --check-prefix=MAIN
// RUN: mind-run %s --random -f double | FileCheck %s --check-prefix=DOUBLE
// RUN: not mind-run %s --random -f nope 2>&1 | FileCheck %s --check-prefix=UNKNOWN --implicit-check-not=Traceback
// RUN: not mind-run %S/Inputs/two-functions.mlir --random 2>&1 | FileCheck %s --check-prefix=AMBIGUOUS
// RUN: mind-run %S/Inputs/two-functions.mlir --random -f second | FileCheck %s --check-prefix=SECOND

// Without -f, mind-run runs the only public function, or main; private functions are not entry points.

// MAIN:      output 0: shape (2,) dtype float32
// DOUBLE:    output 0: shape (2, 2) dtype float32
// UNKNOWN:   error: no public function @nope; the module has @double, @main
// AMBIGUOUS: error: the module has several public functions (@first, @second); choose one with -f
// SECOND:    output 0: shape (3,) dtype float32
func.func @main(%x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = func.call @helper(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

func.func @double(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %0 = "mind.add"(%x, %x) : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

func.func private @helper(%x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "mind.relu"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
