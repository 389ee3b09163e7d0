// RUN: mind-run %s --random --seed 1 > %t.mind
// RUN: mind-opt %s --mind-to-linalg | mind-run - --random --seed 1 > %t.linalg
// RUN: mind-opt %s --mind-cpu-pipeline | mind-run - --random --seed 1 > %t.llvm
// RUN: diff %t.mind %t.linalg
// RUN: diff %t.mind %t.llvm
// RUN: FileCheck %s < %t.llvm

// mind-run takes a module at any stage: mind ops, linalg on tensors, or the LLVM dialect (whose
// mind.entry_points attribute gives the tensor types). All three compute the same thing.

// CHECK:      output 0: shape (3, 2) dtype float32
// CHECK:      output 1: shape (3, 2) dtype int32
func.func @main(%x: tensor<3x2xf32>) -> (tensor<3x2xf32>, tensor<3x2xi32>) {
  %0 = "mind.sigmoid"(%x) : (tensor<3x2xf32>) -> tensor<3x2xf32>
  %1 = "mind.gelu"(%0) {approximate = "none"} : (tensor<3x2xf32>) -> tensor<3x2xf32>
  %2 = "mind.exp"(%x) : (tensor<3x2xf32>) -> tensor<3x2xf32>
  %3 = "mind.cast"(%2) {dtype = i32} : (tensor<3x2xf32>) -> tensor<3x2xi32>
  return %1, %3 : tensor<3x2xf32>, tensor<3x2xi32>
}
