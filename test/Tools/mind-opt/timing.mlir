// RUN: mind-opt %s --mind-to-linalg --cse --mlir-timing -o %t 2>&1 | FileCheck %s

// --mlir-timing reports each pass, mind and upstream alike.

// CHECK:      Execution time report
// CHECK:      Total Execution Time:
// CHECK-DAG:  MindToLinalg
// CHECK-DAG:  CSE
// CHECK:      Total
func.func @relu(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "mind.relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
