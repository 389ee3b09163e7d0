// RUN: %python %S/Inputs/jumps.py break > %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: mind-opt %t.mlir --split-input-file --mind-verify | FileCheck %s --check-prefix=VERIFIED

// break and return under tensor conditions become flags (frontend/jumps.py): 0-d i1 tensors
// carried through the loop, set by an scf.if, and read by the loop condition or by guards.

// break in a while: the flag starts false, the condition is `not broken and i < n`, and the
// rest of the body runs under `not broken`.
// CHECK-LABEL: func.func @until_big
// CHECK:         %[[NO:.*]] = "mind.fill"() {shape = array<i64>, value = false} : () -> tensor<i1>
// CHECK:         scf.while ({{.*}}, %[[B:.*]] = %[[NO]], {{.*}}) : (tensor<4xf32>, tensor<i1>, tensor<i32>)
// CHECK:           %[[GO:.*]] = "mind.logical_not"(%[[B]])
// CHECK:           %[[LT:.*]] = "mind.less"
// CHECK:           %[[C:.*]] = "mind.logical_and"(%[[GO]], %[[LT]])
// CHECK:           tensor.extract %[[C]][]
// CHECK:         } do {
// CHECK:           %[[SET:.*]] = scf.if %{{.*}} -> (tensor<i1>) {
// CHECK:             "mind.fill"() {shape = array<i64>, value = true}
// CHECK:           %[[REST:.*]] = "mind.logical_not"(%[[SET]])
// CHECK:           %[[R:.*]] = tensor.extract %[[REST]][]
// CHECK:           scf.if %[[R]] -> (tensor<i32>) {
// CHECK:             "mind.add"

// return in a for over a tensor range: the returned value and flag are carried (zeros until
// the return), every iteration runs under `not returned`, and the code after the loop runs
// only if the loop did not return.
// CHECK-LABEL: func.func @first_big
// CHECK:         %[[ZERO:.*]] = "mind.fill"() {shape = array<i64: 4>, value = 0.000000e+00 : f32}
// CHECK:         %[[NO:.*]] = "mind.fill"() {shape = array<i64>, value = false}
// CHECK:         %[[L:.*]]:3 = scf.for {{.*}} iter_args({{.*}} = %arg0, {{.*}} = %[[ZERO]], %[[F:.*]] = %[[NO]])
// CHECK:           %[[GO:.*]] = "mind.logical_not"(%[[F]])
// CHECK:           %[[G:.*]] = tensor.extract %[[GO]][]
// CHECK:           scf.if %[[G]]
// CHECK:         %[[AFTER:.*]] = "mind.logical_not"(%[[L]]#2)
// CHECK:         %[[A:.*]] = tensor.extract %[[AFTER]][]
// CHECK:         %[[RET:.*]] = scf.if %[[A]] -> (tensor<4xf32>) {
// CHECK:           "mind.neg"(%[[L]]#0)
// CHECK:         } else {
// CHECK:           scf.yield %[[L]]#1
// CHECK:         return %[[RET]]

// The traced IR passes the verifier as printed.
// VERIFIED-LABEL: func.func @until_big
// VERIFIED-LABEL: func.func @first_big
