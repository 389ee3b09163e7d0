// RUN: not mind-opt %s --split-input-file --verify-diagnostics 2>&1 | FileCheck %s

// --verify-diagnostics fails on a missing diagnostic, an unexpected one, and a wrong severity,
// each reported where the user has to look.

func.func @missing(%x: tensor<2xf32>) -> tensor<2xf32> {
  // CHECK: verify-diagnostics-fail.mlir:[[@LINE+1]]:6: error: expected error "no such error" was not produced
  // expected-error@+1 {{no such error}}
  %r = "mind.relu"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %r : tensor<2xf32>
}

// -----

func.func @unexpected(%x: tensor<2xf32>) {
  // CHECK: verify-diagnostics-fail.mlir:[[@LINE+1]]:8: error: unexpected error: 'mind.relu' result 0 should be tensor<2xf32>, found tensor<3xf32>
  %r = "mind.relu"(%x) : (tensor<2xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @wrong_line(%x: tensor<2xf32>) {
  // CHECK: verify-diagnostics-fail.mlir:[[@LINE+3]]:8: error: unexpected error: 'mind.relu' result 0
  // CHECK: verify-diagnostics-fail.mlir:[[@LINE+1]]:6: error: expected error "result 0 should be" was not produced
  // expected-error@+2 {{result 0 should be}}
  %r = "mind.relu"(%x) : (tensor<2xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @wrong_severity(%x: tensor<2xf32>) {
  // CHECK: verify-diagnostics-fail.mlir:[[@LINE+1]]:6: error: 'error' diagnostic emitted when expecting a 'warning'
  // expected-warning@+1 {{result 0 should be}}
  %r = "mind.relu"(%x) : (tensor<2xf32>) -> tensor<3xf32>
  return
}
