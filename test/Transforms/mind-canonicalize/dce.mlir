// RUN: mind-opt %s --split-input-file --mind-canonicalize | FileCheck %s
// RUN: mind-opt %s --split-input-file --mind-canonicalize='dce=false' | FileCheck %s --check-prefix=NODCE

// mind ops are pure, so one whose result is unused is erased.
// CHECK-LABEL: func.func @dce_unused
// CHECK-SAME:    (%[[X:.*]]: tensor<2xf32>)
// CHECK-NOT:     mind.exp
// CHECK:         return %[[X]]
// NODCE-LABEL: func.func @dce_unused
// NODCE:         "mind.exp"
func.func @dce_unused(%x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %x : tensor<2xf32>
}

// -----

// Erasing the last user makes its producer dead in turn, down the whole chain; the
// producer that still has a user stays.
// CHECK-LABEL: func.func @dce_chain
// CHECK-SAME:    (%[[X:.*]]: tensor<2xf32>)
// CHECK:         %[[A:.*]] = "mind.abs"(%[[X]])
// CHECK-NOT:     mind.exp
// CHECK-NOT:     mind.neg
// CHECK-NOT:     mind.mul
// CHECK:         return %[[A]]
func.func @dce_chain(%x: tensor<2xf32>) -> tensor<2xf32> {
  %a = "mind.abs"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  %0 = "mind.exp"(%a) : (tensor<2xf32>) -> tensor<2xf32>
  %1 = "mind.neg"(%0) : (tensor<2xf32>) -> tensor<2xf32>
  %2 = "mind.mul"(%1, %0) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %a : tensor<2xf32>
}

// -----

// A dead op inside a region goes, and so does its producer in the enclosing block.
// CHECK-LABEL: func.func @dce_in_region
// CHECK-NOT:     mind.
// CHECK:         scf.if
// CHECK-NOT:       mind.
// CHECK:         return
func.func @dce_in_region(%p: i1, %x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  %r = scf.if %p -> tensor<2xf32> {
    %1 = "mind.neg"(%0) : (tensor<2xf32>) -> tensor<2xf32>
    scf.yield %x : tensor<2xf32>
  } else {
    scf.yield %x : tensor<2xf32>
  }
  return %r : tensor<2xf32>
}

// -----

// An unused mind.constant goes; an unused arith.constant is left to upstream passes.
// CHECK-LABEL: func.func @dce_constants
// CHECK-NOT:     mind.constant
// CHECK:         arith.constant
// CHECK-NOT:     mind.constant
// CHECK:         return
func.func @dce_constants() {
  %0 = "mind.constant"() {value = dense<1.0> : tensor<2xf32>} : () -> tensor<2xf32>
  %1 = arith.constant dense<1.0> : tensor<2xf32>
  return
}
