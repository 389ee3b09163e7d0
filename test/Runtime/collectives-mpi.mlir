// RUN: mpiexec -n 2 mind-run %s --random --seed 1 | FileCheck %s
// RUN: not mind-run %s --random 2>&1 | FileCheck %s --check-prefix=ONE

// Under mpiexec every rank runs the function on the same random x: gathering each rank's slice
// gives x back, and the mean over the ranks is x: both ranks print both differences as zero.
// CHECK-COUNT-4: {{^}}0.0{{$}}
// Alone, the module compiled for 2 devices refuses to run.
// ONE: collectives-mpi.mlir: error: the module's collectives run on a grid of 2 devices, but this job has 1 process: run it under `mpiexec -n 2`
func.func @main(%x: tensor<4x6xf32>) -> (tensor<f32>, tensor<f32>) {
  %s = "mind.shard_slice"(%x) {dim = 1 : i64, axes = array<i64: 0>, grid = array<i64: 2>} : (tensor<4x6xf32>) -> tensor<4x3xf32>
  %g = "mind.all_gather"(%s) {dim = 1 : i64, axes = array<i64: 0>, grid = array<i64: 2>} : (tensor<4x3xf32>) -> tensor<4x6xf32>
  %m = "mind.all_reduce"(%x) {reduce = "mean", axes = array<i64: 0>, grid = array<i64: 2>} : (tensor<4x6xf32>) -> tensor<4x6xf32>
  %d1 = "mind.sub"(%g, %x) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
  %d2 = "mind.sub"(%m, %x) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
  %a1 = "mind.abs"(%d1) : (tensor<4x6xf32>) -> tensor<4x6xf32>
  %a2 = "mind.abs"(%d2) : (tensor<4x6xf32>) -> tensor<4x6xf32>
  %r1 = "mind.reduce_max"(%a1) {axis = array<i64: 0, 1>, keep_dims = false} : (tensor<4x6xf32>) -> tensor<f32>
  %r2 = "mind.reduce_max"(%a2) {axis = array<i64: 0, 1>, keep_dims = false} : (tensor<4x6xf32>) -> tensor<f32>
  return %r1, %r2 : tensor<f32>, tensor<f32>
}
