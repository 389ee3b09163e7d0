// RUN: mind-opt %s --mind-to-linalg --pass-pipeline='builtin.module(canonicalize)' --cse \
// RUN:   --mlir-print-ir-after-all -o %t 2>&1 | FileCheck %s

// The IR is printed after each pass, and the passes run in command-line order, flags and
// --pass-pipeline alike.

// CHECK:      // -----// IR Dump After MindToLinalg (mind-to-linalg) //----- //
// CHECK:        linalg.generic
// CHECK:      // -----// IR Dump After Canonicalizer (canonicalize) //----- //
// CHECK:      // -----// IR Dump After CSE (cse) //----- //
// CHECK-NOT:  IR Dump
func.func @relu(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "mind.relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
