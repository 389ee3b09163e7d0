// RUN: mind-opt %s --split-input-file --mind-canonicalize | FileCheck %s

// Two identical ops in one block compute the same value: the later one goes.
// CHECK-LABEL: func.func @cse_same_block
// CHECK-SAME:    (%[[X:.*]]: tensor<2xf32>, %[[Y:.*]]: tensor<2xf32>)
// CHECK:         %[[A:.*]] = "mind.add"(%[[X]], %[[Y]])
// CHECK-NOT:     mind.add
// CHECK:         return %[[A]], %[[A]]
func.func @cse_same_block(%x: tensor<2xf32>, %y: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %0 = "mind.add"(%x, %y) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = "mind.add"(%x, %y) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}

// -----

// Merging an op makes its users identical too, so a duplicated chain collapses in one run.
// CHECK-LABEL: func.func @cse_chain
// CHECK-SAME:    (%[[X:.*]]: tensor<2xf32>)
// CHECK:         %[[E:.*]] = "mind.exp"(%[[X]])
// CHECK:         %[[M:.*]] = "mind.mul"(%[[E]], %[[X]])
// CHECK-NOT:     mind.exp
// CHECK-NOT:     mind.mul
// CHECK:         return %[[M]], %[[M]]
func.func @cse_chain(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %0 = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  %1 = "mind.mul"(%0, %x) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %2 = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  %3 = "mind.mul"(%2, %x) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %1, %3 : tensor<2xf32>, tensor<2xf32>
}

// -----

// Identical constants merge, and so do the ops that used them.
// CHECK-LABEL: func.func @cse_constants
// CHECK-SAME:    (%[[X:.*]]: tensor<2xf32>)
// CHECK:         %[[C:.*]] = "mind.constant"()
// CHECK-NOT:     mind.constant
// CHECK:         %[[A:.*]] = "mind.add"(%[[X]], %[[C]])
// CHECK-NOT:     mind.add
// CHECK:         return %[[A]], %[[A]]
func.func @cse_constants(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %c0 = "mind.constant"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "mind.add"(%x, %c0) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %c1 = "mind.constant"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %1 = "mind.add"(%x, %c1) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}

// -----

// Operand order matters: sub(x, y) and sub(y, x) are different values.
// CHECK-LABEL: func.func @no_cse_operand_order
// CHECK-SAME:    (%[[X:.*]]: tensor<2xf32>, %[[Y:.*]]: tensor<2xf32>)
// CHECK:         %[[A:.*]] = "mind.sub"(%[[X]], %[[Y]])
// CHECK:         %[[B:.*]] = "mind.sub"(%[[Y]], %[[X]])
// CHECK:         return %[[A]], %[[B]]
func.func @no_cse_operand_order(%x: tensor<2xf32>, %y: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %0 = "mind.sub"(%x, %y) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = "mind.sub"(%y, %x) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}

// -----

// Attributes are part of an op's identity: matmuls with different transpose flags stay apart.
// CHECK-LABEL: func.func @no_cse_different_attributes
// CHECK:         %[[A:.*]] = "mind.matmul"({{.*}}) {transpose_a = false, transpose_b = false}
// CHECK:         %[[B:.*]] = "mind.matmul"({{.*}}) {transpose_a = true, transpose_b = false}
// CHECK:         return %[[A]], %[[B]]
func.func @no_cse_different_attributes(%x: tensor<2x2xf32>, %y: tensor<2x2xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>) {
  %0 = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  %1 = "mind.matmul"(%x, %y) {transpose_a = true, transpose_b = false} : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0, %1 : tensor<2x2xf32>, tensor<2x2xf32>
}

// -----

// An op before an scf.if dominates its regions, so an identical op inside reuses it.
// CHECK-LABEL: func.func @cse_into_region
// CHECK-SAME:    (%[[P:.*]]: i1, %[[X:.*]]: tensor<2xf32>)
// CHECK:         %[[E:.*]] = "mind.exp"(%[[X]])
// CHECK:         scf.if %[[P]]
// CHECK-NOT:       mind.exp
// CHECK:           scf.yield %[[E]]
func.func @cse_into_region(%p: i1, %x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %0 = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  %r = scf.if %p -> tensor<2xf32> {
    %1 = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
    scf.yield %1 : tensor<2xf32>
  } else {
    scf.yield %x : tensor<2xf32>
  }
  return %0, %r : tensor<2xf32>, tensor<2xf32>
}

// -----

// An op inside a region does not dominate what follows the region: both exps stay.
// CHECK-LABEL: func.func @no_cse_out_of_region
// CHECK:         scf.if
// CHECK:           "mind.exp"
// CHECK:         "mind.exp"
// CHECK:         return
func.func @no_cse_out_of_region(%p: i1, %x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %r = scf.if %p -> tensor<2xf32> {
    %0 = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
    scf.yield %0 : tensor<2xf32>
  } else {
    scf.yield %x : tensor<2xf32>
  }
  %1 = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %r, %1 : tensor<2xf32>, tensor<2xf32>
}

// -----

// The two branches of an scf.if are siblings, neither dominates the other: both exps stay.
// CHECK-LABEL: func.func @no_cse_across_branches
// CHECK:         scf.if
// CHECK:           "mind.exp"
// CHECK:         } else {
// CHECK:           "mind.exp"
func.func @no_cse_across_branches(%p: i1, %x: tensor<2xf32>) -> tensor<2xf32> {
  %r = scf.if %p -> tensor<2xf32> {
    %0 = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
    scf.yield %0 : tensor<2xf32>
  } else {
    %1 = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
    scf.yield %1 : tensor<2xf32>
  }
  return %r : tensor<2xf32>
}

// -----

// Upstream ops are upstream cse's business, even pure ones: both addf stay.
// CHECK-LABEL: func.func @upstream_ops_untouched
// CHECK:         arith.addf
// CHECK:         arith.addf
func.func @upstream_ops_untouched(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %0 = arith.addf %x, %x : tensor<2xf32>
  %1 = arith.addf %x, %x : tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}
