// RUN: mind-opt %s --verify-diagnostics --mind-autodiff

// A maximum over the processes has no gradient (MindSpore's AllReduce has bprops for sums only).
func.func private @peak(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'mind.all_reduce' reduce 'max' is not differentiable: only sum and mean have a gradient}}
  %0 = "mind.all_reduce"(%x) {reduce = "max", axes = array<i64: 0>, grid = array<i64: 2>} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>, %g: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %f = func.constant @peak : (tensor<4xf32>) -> tensor<4xf32>
  %v = "mind.vjp"(%f) : ((tensor<4xf32>) -> tensor<4xf32>) -> ((tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>))
  %r:2 = func.call_indirect %v(%x, %g) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
  return %r#0, %r#1 : tensor<4xf32>, tensor<4xf32>
}
