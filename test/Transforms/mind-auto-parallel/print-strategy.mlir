// RUN: mind-opt %s --mind-auto-parallel='grid=2 print-strategy=true' -o /dev/null 2>&1 | FileCheck %s
// RUN: mind-opt %s --mind-auto-parallel='grid=2 algorithm=recursive print-strategy=true' -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=RECURSIVE

// print-strategy=true writes, per op, where it is, its split and its predicted time (compute plus
// the redistribution of its operands), then the step's totals. A product whose weight is far
// bigger than its batch splits the weight's columns (n); the relu follows.
// CHECK:      mind-auto-parallel: @dense on a 2 grid (dp):
// CHECK-NEXT:   {{.*}}:15:8: 'mind.matmul' n={0}: {{[0-9.]+}} us
// CHECK-NEXT:   {{.*}}:16:8: 'mind.relu' b={0}: {{[0-9.]+}} us
// CHECK-NEXT:   step: {{[0-9.]+}} us (compute {{[0-9.]+}} us, communication {{[0-9.]+}} us), memory {{[0-9]+}} bytes per device
// RECURSIVE:  mind-auto-parallel: @dense on a 2 grid (recursive):
// RECURSIVE-NEXT: 'mind.matmul' n={0}
func.func @dense(%x: tensor<4x256xf32>, %w: tensor<256x4096xf32>) -> tensor<4x4096xf32> {
  %y = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false} : (tensor<4x256xf32>, tensor<256x4096xf32>) -> tensor<4x4096xf32>
  %r = "mind.relu"(%y) : (tensor<4x4096xf32>) -> tensor<4x4096xf32>
  return %r : tensor<4x4096xf32>
}
