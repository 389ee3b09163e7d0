// RUN: mind-opt %s --split-input-file --mind-canonicalize | FileCheck %s
// RUN: mind-opt %s --split-input-file --mind-canonicalize='fold-limit=1' | FileCheck %s --check-prefix=LIMIT

// A chain of ops on constants folds in one run, producer first, to one constant.
// CHECK-LABEL: func.func @fold_chain
// CHECK-NOT:     mind.add
// CHECK-NOT:     mind.neg
// CHECK:         %[[C:.*]] = "mind.constant"() {value = dense<[-4.000000e+00, -6.000000e+00]> : tensor<2xf32>}
// CHECK-NEXT:    return %[[C]]
func.func @fold_chain() -> tensor<2xf32> {
  %a = "mind.constant"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %b = "mind.constant"() {value = dense<[3.0, 4.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "mind.add"(%a, %b) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = "mind.neg"(%0) : (tensor<2xf32>) -> tensor<2xf32>
  return %1 : tensor<2xf32>
}

// -----

// arith.constant of a dense tensor counts as a constant operand, like mind.constant.
// CHECK-LABEL: func.func @fold_arith_constant_operand
// CHECK:         %[[C:.*]] = "mind.constant"() {value = dense<[2, 6]> : tensor<2xi32>}
// CHECK-NOT:     mind.mul
// CHECK:         return %[[C]]
func.func @fold_arith_constant_operand() -> tensor<2xi32> {
  %a = arith.constant dense<[1, 2]> : tensor<2xi32>
  %b = "mind.constant"() {value = dense<[2, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "mind.mul"(%a, %b) : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

// Splat operands broadcast and fold to a splat constant, not to one value per element.
// CHECK-LABEL: func.func @fold_splat_broadcast
// CHECK:         "mind.constant"() {value = dense<5.000000e+00> : tensor<3x4xf32>}
// CHECK-NOT:     mind.add
func.func @fold_splat_broadcast() -> tensor<3x4xf32> {
  %a = "mind.constant"() {value = dense<2.0> : tensor<3x4xf32>} : () -> tensor<3x4xf32>
  %b = "mind.constant"() {value = dense<3.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %0 = "mind.add"(%a, %b) : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// A comparison folds to an i1 constant: the result dtype is the rule's, not the operands'.
// CHECK-LABEL: func.func @fold_comparison_to_i1
// CHECK:         "mind.constant"() {value = dense<[true, false]> : tensor<2xi1>}
// CHECK-NOT:     mind.less
func.func @fold_comparison_to_i1() -> tensor<2xi1> {
  %a = "mind.constant"() {value = dense<[1.0, 5.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %b = "mind.constant"() {value = dense<[2.0, 4.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "mind.less"(%a, %b) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xi1>
  return %0 : tensor<2xi1>
}

// -----

// Ops with attributes fold through their rule: matmul with transpose_a computes a^T b.
// CHECK-LABEL: func.func @fold_matmul_transposed
// CHECK:         "mind.constant"() {value = dense<{{\[}}[1.000000e+00, 3.000000e+00], [2.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>}
// CHECK-NOT:     mind.matmul
func.func @fold_matmul_transposed() -> tensor<2x2xf32> {
  %a = "mind.constant"() {value = dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %i = "mind.constant"() {value = dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %0 = "mind.matmul"(%a, %i) {transpose_a = true, transpose_b = false} : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// An op whose rule does not fold (integer div: C truncation, not numpy floor) is left alone.
// CHECK-LABEL: func.func @no_fold_without_rule_fold
// CHECK-DAG:     %[[A:.*]] = "mind.constant"() {value = dense<-7> : tensor<2xi32>}
// CHECK-DAG:     %[[B:.*]] = "mind.constant"() {value = dense<2> : tensor<2xi32>}
// CHECK:         %[[D:.*]] = "mind.div"(%[[A]], %[[B]])
// CHECK:         return %[[D]]
func.func @no_fold_without_rule_fold() -> tensor<2xi32> {
  %a = "mind.constant"() {value = dense<-7> : tensor<2xi32>} : () -> tensor<2xi32>
  %b = "mind.constant"() {value = dense<2> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "mind.div"(%a, %b) : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

// One operand that is not a constant blocks folding; the constant part before it still folds.
// CHECK-LABEL: func.func @no_fold_with_argument_operand
// CHECK-SAME:    (%[[X:.*]]: tensor<2xf32>)
// CHECK:         %[[C:.*]] = "mind.constant"() {value = dense<[-1.000000e+00, -2.000000e+00]> : tensor<2xf32>}
// CHECK:         %[[R:.*]] = "mind.add"(%[[X]], %[[C]])
// CHECK:         return %[[R]]
func.func @no_fold_with_argument_operand(%x: tensor<2xf32>) -> tensor<2xf32> {
  %a = "mind.constant"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "mind.neg"(%a) : (tensor<2xf32>) -> tensor<2xf32>
  %1 = "mind.add"(%x, %0) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %1 : tensor<2xf32>
}

// -----

// Constants from the enclosing block fold ops inside an scf.if region.
// CHECK-LABEL: func.func @fold_inside_region
// CHECK:         scf.if
// CHECK:           %[[C:.*]] = "mind.constant"() {value = dense<1.000000e+00> : tensor<2xf32>}
// CHECK-NOT:       mind.exp
// CHECK:           scf.yield %[[C]]
func.func @fold_inside_region(%p: i1, %x: tensor<2xf32>) -> tensor<2xf32> {
  %z = "mind.constant"() {value = dense<0.0> : tensor<2xf32>} : () -> tensor<2xf32>
  %r = scf.if %p -> tensor<2xf32> {
    %0 = "mind.exp"(%z) : (tensor<2xf32>) -> tensor<2xf32>
    scf.yield %0 : tensor<2xf32>
  } else {
    scf.yield %x : tensor<2xf32>
  }
  return %r : tensor<2xf32>
}

// -----

// fold-limit bounds the elements of a folded result: with fold-limit=1 the 0-d add folds and
// the 2x2 add stays, so a fold never writes a constant larger than the user allowed.
// CHECK-LABEL: func.func @fold_limit
// CHECK-NOT:     mind.add
// LIMIT-LABEL: func.func @fold_limit
// LIMIT-DAG:     %[[S:.*]] = "mind.constant"() {value = dense<3.000000e+00> : tensor<f32>}
// LIMIT-DAG:     %[[A:.*]] = "mind.constant"() {value = dense<1.000000e+00> : tensor<2x2xf32>}
// LIMIT-DAG:     %[[B:.*]] = "mind.constant"() {value = dense<2.000000e+00> : tensor<2x2xf32>}
// LIMIT:         %[[M:.*]] = "mind.add"(%[[A]], %[[B]])
// LIMIT-NOT:     mind.add
// LIMIT:         return %[[S]], %[[M]]
func.func @fold_limit() -> (tensor<f32>, tensor<2x2xf32>) {
  %s = "mind.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %t = "mind.constant"() {value = dense<2.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "mind.add"(%s, %t) : (tensor<f32>, tensor<f32>) -> tensor<f32>
  %a = "mind.constant"() {value = dense<1.0> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %b = "mind.constant"() {value = dense<2.0> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %1 = "mind.add"(%a, %b) : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0, %1 : tensor<f32>, tensor<2x2xf32>
}

// -----

// Nothing to fold, merge or erase: the function comes out as it went in.
// CHECK-LABEL: func.func @nothing_applies
// CHECK-SAME:    (%[[X:.*]]: tensor<2xf32>, %[[Y:.*]]: tensor<2xf32>)
// CHECK-NEXT:    %[[A:.*]] = "mind.add"(%[[X]], %[[Y]])
// CHECK-NEXT:    %[[B:.*]] = "mind.exp"(%[[A]])
// CHECK-NEXT:    return %[[A]], %[[B]]
func.func @nothing_applies(%x: tensor<2xf32>, %y: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %0 = "mind.add"(%x, %y) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = "mind.exp"(%0) : (tensor<2xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}
