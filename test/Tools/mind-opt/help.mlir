// RUN: mind-opt --help | FileCheck %s
// RUN: mind-opt -h | FileCheck %s

// --help lists every mind pass (sorted, with the first line of its docstring) and pipeline.
// CHECK:       USAGE: mind-opt [options]
// CHECK:       --pass-pipeline=<pipeline>
// CHECK:       --split-input-file
// CHECK:       --verify-diagnostics
// CHECK:       --mlir-print-ir-after-all
// CHECK:       --mlir-timing
// CHECK:       --mlir-print-debuginfo
// CHECK:       MIND PASSES
// CHECK:       --mind-c-interface {{ *}}Mark public functions llvm.emit_c_interface
// CHECK:       --mind-canonicalize
// CHECK:       --mind-to-linalg {{ *}}Lower every mind op to linalg
// CHECK:       --mind-verify {{ *}}Check every mind op's operands, attributes and result types
// CHECK:       MIND PIPELINES
// CHECK:       --mind-cpu-pipeline {{ *}}Lower mind IR to the LLVM dialect for the CPU.
// CHECK:       --mind-linalg-to-llvm {{ *}}Lower linalg on tensors to the LLVM dialect for the CPU.
// CHECK:       UPSTREAM PASSES
