// RUN: mind-opt %s --mlir-print-debuginfo | FileCheck %s

// Locations name the input file (not the "-" of a string buffer), so printed IR points back at it.

// CHECK: "mind.relu"(%{{.*}}) : (tensor<2xf32>) -> tensor<2xf32> loc(#[[LOC:.*]])
// CHECK: #[[LOC]] = loc("{{.*}}print-debuginfo.mlir":[[@LINE+2]]:8)
func.func @relu(%x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "mind.relu"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
