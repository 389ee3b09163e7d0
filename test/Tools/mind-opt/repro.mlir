// RUN: rm -rf %t && mkdir -p %t
// RUN: not env TMPDIR=%t mind-opt %s --mind-to-linalg --one-shot-bufferize='bufferize-function-boundaries' 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=Traceback
// RUN: not mind-opt --pass-pipeline='builtin.module(mind-to-linalg,one-shot-bufferize{bufferize-function-boundaries})' \
// RUN:   %t/mindc-repro-*.mlir 2>&1 | FileCheck %s --check-prefix=REPLAY

// A failing pipeline saves its input IR, with locations, and prints the command that reruns it.

// CHECK:      repro.mlir:[[@LINE+7]]:8: error: op was not bufferized
// CHECK:      note: reproduce with: mind-opt --pass-pipeline='builtin.module(mind-to-linalg,one-shot-bufferize{bufferize-function-boundaries})' {{.*}}mindc-repro-{{.*}}.mlir

// The saved IR keeps this file's locations, so the rerun points here too.
// REPLAY:      repro.mlir:[[@LINE+3]]:8: error: op was not bufferized
func.func @main(%x: tensor<2x3xf32>) -> tensor<2x3xi64> {
  %0 = "mind.exp"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = builtin.unrealized_conversion_cast %0 : tensor<2x3xf32> to tensor<2x3xi64>
  return %1 : tensor<2x3xi64>
}
