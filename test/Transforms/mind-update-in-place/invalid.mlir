// RUN: mind-opt %s --split-input-file --verify-diagnostics --mind-update-in-place

// expected-error@+1 {{'func.func' result 0 updates argument 2, but the function has 1 arguments}}
func.func @argument_out_of_range(%w: tensor<4xf32>) -> (tensor<4xf32> {mind.updates = 2 : i64}) {
  return %w : tensor<4xf32>
}

// -----

// expected-error@+1 {{'func.func' result 0 of type tensor<3xf32> cannot update argument 0 of type tensor<4xf32>}}
func.func @type_mismatch(%w: tensor<4xf32>, %v: tensor<3xf32>) -> (tensor<3xf32> {mind.updates = 0 : i64}) {
  return %v : tensor<3xf32>
}

// -----

// expected-error@+1 {{'func.func' results 0 and 1 both update argument 0}}
func.func @one_argument_twice(%w: tensor<4xf32>) -> (tensor<4xf32> {mind.updates = 0 : i64}, tensor<4xf32> {mind.updates = 0 : i64}) {
  return %w, %w : tensor<4xf32>, tensor<4xf32>
}
