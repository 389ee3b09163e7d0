// Two public functions and no main: mind-run needs -f (see ../function-choice.mlir).
func.func @first(%x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "mind.exp"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

func.func @second(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = "mind.relu"(%x) : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
