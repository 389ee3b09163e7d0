// RUN: mlir-opt %s --irdl-file=%mind_dialect --split-input-file --verify-diagnostics

// The kind checks IRDL does on its own, with upstream's --verify-diagnostics (the reference for
// mind-opt's own implementation of that flag).

func.func @attribute_kind(%x: tensor<4xf32>) {
  // expected-error@+1 {{expected base attribute 'builtin.string' but got 'builtin.integer'}}
  %r = "mind.gelu"(%x) {approximate = 3} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @missing_attribute(%x: tensor<4xf32>) {
  // expected-error@+1 {{'mind.gelu' op attribute "approximate" is expected but not provided}}
  %r = "mind.gelu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @operand_not_tensor(%x: memref<4xf32>) {
  // expected-error@+1 {{expected base type 'builtin.tensor' but got 'builtin.memref'}}
  %r = "mind.relu"(%x) : (memref<4xf32>) -> memref<4xf32>
  return
}

// -----

func.func @unknown_op(%x: tensor<4xf32>) {
  // expected-error@+1 {{unregistered operation 'mind.nope' found in dialect ('mind')}}
  %r = "mind.nope"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return
}
