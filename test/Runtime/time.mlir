// RUN: mind-run %s --random --time 5 | FileCheck %s
// RUN: mind-run %s --random --time 3 -o %t.npz | FileCheck %s --check-prefix=QUIET

// --time N runs the function N more times and reports the median and the minimum wall time.

// CHECK:      output 0: shape (4,) dtype float32
// CHECK:      time: median {{[0-9]+\.[0-9]+}} ms, min {{[0-9]+\.[0-9]+}} ms over 5 runs

// With -o and no --print, only the time is printed.
// QUIET-NOT:  output 0
// QUIET:      time: median {{.*}} over 3 runs
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "mind.exp"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
