// RUN: not mind-opt %s 2>&1 | FileCheck %s --implicit-check-not=Traceback

// A syntax error is reported LLVM style at the input file's line and column.

func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK: malformed-ir.mlir:[[@LINE+1]]:22: error: expected ')' to end operand list
  %0 = "mind.relu"(%x : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
