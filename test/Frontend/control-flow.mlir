// RUN: %python %S/Inputs/control_flow.py > %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: mind-opt %t.mlir --split-input-file --mind-verify --mind-autodiff | FileCheck %s --check-prefix=GRAD

// mindc.jit converts Python control flow on traced tensors into scf ops: the condition is a
// 0-d i1 tensor read with tensor.extract, loop bounds are index_cast from 0-d integer tensors,
// and the loop index reaches the body as a 0-d tensor of the bound's dtype.

// if/else: both branches are regions; the variable they assign is the scf.if result.
// CHECK-LABEL: func.func @branch
// CHECK:         %[[S:.*]] = "mind.reduce_sum"(%arg0)
// CHECK:         %[[C:.*]] = "mind.greater"(%[[S]]
// CHECK:         %[[B:.*]] = tensor.extract %[[C]][] : tensor<i1>
// CHECK:         %[[R:.*]] = scf.if %[[B]] -> (tensor<4xf32>) {
// CHECK:           "mind.sin"
// CHECK:           scf.yield
// CHECK:         } else {
// CHECK:           "mind.exp"
// CHECK:           scf.yield
// CHECK:         return %[[R]]

// while: the condition is computed in the before region on the carried value.
// CHECK-LABEL: func.func @grow
// CHECK:         scf.while (%[[A:.*]] = %arg0) : (tensor<4xf32>) -> tensor<4xf32> {
// CHECK:           "mind.reduce_sum"(%[[A]])
// CHECK:           "mind.less"
// CHECK:           scf.condition
// CHECK:         } do {
// CHECK:           "mind.mul"
// CHECK:           scf.yield

// for over range(n) with n a 0-d int32 tensor.
// CHECK-LABEL: func.func @powers
// CHECK:         %[[N:.*]] = tensor.extract %arg1[] : tensor<i32>
// CHECK:         %[[UB:.*]] = arith.index_cast %[[N]] : i32 to index
// CHECK:         scf.for %[[I:.*]] = %{{.*}} to %[[UB]] step %{{.*}} iter_args
// CHECK:           %[[I32:.*]] = arith.index_cast %[[I]] : index to i32
// CHECK:           tensor.from_elements %[[I32]] : tensor<i32>
// CHECK:           scf.yield

// mind-autodiff differentiates the traced scf.if: after recomputing the forward scf.if, its
// adjoint branches on the same condition.
// GRAD-LABEL:  func.func private @loss_{{[0-9]+}}_adjoint
// GRAD:          %[[C:.*]] = tensor.extract
// GRAD:          scf.if %[[C]]
// GRAD:          scf.if %[[C]]
// GRAD:            "mind.cos"
// GRAD:          } else {
// GRAD:            "mind.exp"
