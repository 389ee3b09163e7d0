// RUN: %python %S/Inputs/jumps.py switch > %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: mind-opt %t.mlir --split-input-file --mind-verify --mind-autodiff | FileCheck %s --check-prefix=GRAD

// A tuple of callables indexed by a tensor (MindSpore's switch_layer): a negative index is
// wrapped once, then a chain of scf.if on index == k, the last case in the innermost else.
// CHECK-LABEL: func.func @switch
// CHECK:         %[[NEG:.*]] = "mind.less"(%arg1
// CHECK:         %[[K:.*]] = "mind.select"(%[[NEG]]
// CHECK:         %[[E0:.*]] = "mind.equal"(%[[K]]
// CHECK:         %[[C0:.*]] = tensor.extract %[[E0]][]
// CHECK:         %[[R:.*]] = scf.if %[[C0]] -> (tensor<4xf32>) {
// CHECK:           "mind.sin"
// CHECK:         } else {
// CHECK:           "mind.equal"(%[[K]]
// CHECK:           scf.if
// CHECK:             "mind.exp"
// CHECK:           } else {
// CHECK:             "mind.tanh"
// CHECK:         return %[[R]]

// mind-autodiff differentiates the chain: each adjoint branch has the derivative of its case.
// GRAD-LABEL:  func.func private @loss_{{[0-9]+}}_adjoint
// GRAD:          "mind.cos"
// GRAD:          "mind.exp"
// GRAD:          "mind.tanh"
