// RUN: mind-opt %s --split-input-file --verify-diagnostics

// The dialect is closed: an op IRDL does not declare is rejected at parse time.
func.func @unknown_op(%x: tensor<4xf32>) {
  // expected-error@+1 {{unregistered operation 'mind.nope' found in dialect ('mind')}}
  %r = "mind.nope"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// IRDL requires every declared attribute.
func.func @missing_attribute(%x: tensor<4xf32>) {
  // expected-error@+1 {{'mind.gelu' op attribute "approximate" is expected but not provided}}
  %r = "mind.gelu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// IRDL checks attribute kinds: approximate is a string.
func.func @attribute_kind_string(%x: tensor<4xf32>) {
  // expected-error@+1 {{expected base attribute 'builtin.string' but got 'builtin.integer'}}
  %r = "mind.gelu"(%x) {approximate = 3} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// IRDL only knows "an integer attribute"; the rule insists on a bool (i1), not 0 : i64.
func.func @attribute_kind_bool(%x: tensor<4x3xf32>, %y: tensor<3x5xf32>) {
  // expected-error@+1 {{'mind.matmul' attribute 'transpose_a' must be a bool (true or false), found 0 : i64}}
  %r = "mind.matmul"(%x, %y) {transpose_a = 0, transpose_b = false} : (tensor<4x3xf32>, tensor<3x5xf32>) -> tensor<4x5xf32>
  return
}

// -----

// Attribute values are the rule's business: gelu has two forms.
func.func @attribute_value(%x: tensor<4xf32>) {
  // expected-error@+1 {{'mind.gelu' approximate must be "none" or "tanh", found "fast"}}
  %r = "mind.gelu"(%x) {approximate = "fast"} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// A type attribute must name an element type mindc supports.
func.func @cast_unsupported_dtype(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'mind.cast' unsupported element type complex<f32>}}
  %r = "mind.cast"(%x) {dtype = complex<f32>} : (tensor<2x3xf32>) -> tensor<2x3xcomplex<f32>>
  return
}

// -----

// IRDL checks operand counts.
func.func @operand_count(%x: tensor<4xf32>) {
  // expected-error@+1 {{op expects exactly 1 operands, but got 2}}
  %r = "mind.relu"(%x, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// mind ops take tensors only.
func.func @operand_not_tensor(%x: memref<4xf32>) {
  // expected-error@+1 {{expected base type 'builtin.tensor' but got 'builtin.memref'}}
  %r = "mind.relu"(%x) : (memref<4xf32>) -> memref<4xf32>
  return
}

// -----

// Shapes are static: the frontend knows every shape when it traces.
func.func @dynamic_shape(%x: tensor<?x3xf32>) {
  // expected-error@+1 {{'mind.relu' expected a static shape, found tensor<?x3xf32>}}
  %r = "mind.relu"(%x) : (tensor<?x3xf32>) -> tensor<?x3xf32>
  return
}

// -----

// Shapes are only checked by the rule (IRDL sees two tensors), so this must fail there.
func.func @matmul_contracting_mismatch(%x: tensor<4x3xf32>, %y: tensor<2x5xf32>) {
  // expected-error@+1 {{'mind.matmul' contracting dimensions differ: x is 4x3xf32 (k=3), y is 2x5xf32 (k=2)}}
  %r = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false}
      : (tensor<4x3xf32>, tensor<2x5xf32>) -> tensor<4x5xf32>
  return
}

// -----

func.func @matmul_rank(%x: tensor<4xf32>, %y: tensor<4x5xf32>) {
  // expected-error@+1 {{'mind.matmul' x must be 2-d, found 4xf32}}
  %r = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<4xf32>, tensor<4x5xf32>) -> tensor<5xf32>
  return
}

// -----

// Declared result types must be the inferred ones.
func.func @result_type_mismatch(%x: tensor<2x4xf32>) {
  // expected-error@+1 {{'mind.relu' result 0 should be tensor<2x4xf32>, found tensor<2x5xf32>}}
  %r = "mind.relu"(%x) : (tensor<2x4xf32>) -> tensor<2x5xf32>
  return
}

// -----

// Cast's result element type comes from its dtype attribute, not from the declared type.
func.func @cast_result_mismatch(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'mind.cast' result 0 should be tensor<2x3xi32>, found tensor<2x3xf32>}}
  %r = "mind.cast"(%x) {dtype = i32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

// Binary ops broadcast like numpy, and name the clashing dimension.
func.func @add_not_broadcastable(%x: tensor<2x3xf32>, %y: tensor<4x3xf32>) {
  // expected-error@+1 {{'mind.add' shapes [2,3] and [4,3] do not broadcast (dimension 0)}}
  %r = "mind.add"(%x, %y) : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// No implicit promotion: MindSpore's Add wants one dtype too.
func.func @add_mixed_dtypes(%x: tensor<2x3xf32>, %y: tensor<2x3xi32>) {
  // expected-error@+1 {{'mind.add' operands must have one element type, found 2x3xf32, 2x3xi32}}
  %r = "mind.add"(%x, %y) : (tensor<2x3xf32>, tensor<2x3xi32>) -> tensor<2x3xf32>
  return
}

// -----

// Transcendental ops are float-only.
func.func @exp_of_integers(%x: tensor<2x3xi32>) {
  // expected-error@+1 {{'mind.exp' x must have element type f16 or bf16 or f32 or f64, found 2x3xi32}}
  %r = "mind.exp"(%x) : (tensor<2x3xi32>) -> tensor<2x3xi32>
  return
}

// -----

// A running sum needs an axis of x.
func.func @cumsum_axis_out_of_range(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'mind.cumsum' axis 2 is out of range for rank 2}}
  %r = "mind.cumsum"(%x) {axis = 2 : i64, exclusive = false, reverse = false} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

// Atan2 is an angle: float operands only.
func.func @atan2_of_integers(%x: tensor<3xi32>, %y: tensor<3xi32>) {
  // expected-error@+1 {{'mind.atan2' operands must have element type f16 or bf16 or f32 or f64, found 3xi32}}
  %r = "mind.atan2"(%x, %y) : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  return
}

// -----

// TopK selects along the last axis: k cannot exceed its size.
func.func @top_k_too_many(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'mind.top_k' k 4 is out of range for the last dimension of x (2x3xf32), of size 3}}
  %v, %i = "mind.top_k"(%x) {k = 4 : i64} : (tensor<2x3xf32>) -> (tensor<2x4xf32>, tensor<2x4xi32>)
  return
}

// -----

// Bitwise ops take integers or booleans: floats have no bits to operate on.
func.func @invert_of_floats(%x: tensor<4xf32>) {
  // expected-error@+1 {{'mind.invert' x must have element type i8 or i32 or i64 or i1, found 4xf32}}
  %0 = "mind.invert"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return
}
