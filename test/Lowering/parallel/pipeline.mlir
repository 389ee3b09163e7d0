// RUN: mind-opt %s --pass-pipeline='builtin.module(mind-cpu-pipeline{threads=2 min-work=1})' > %t.two.mlir
// RUN: mind-opt %s --pass-pipeline='builtin.module(mind-cpu-pipeline{threads=1 min-work=1})' > %t.one.mlir
// RUN: FileCheck %s < %t.two.mlir
// RUN: FileCheck %s --check-prefix=ONE < %t.one.mlir
// RUN: mind-run %t.two.mlir --random --seed 3 > %t.two.out
// RUN: mind-run %t.one.mlir --random --seed 3 > %t.one.out
// RUN: diff %t.one.out %t.two.out

// mind-cpu-pipeline{threads=N} gives N to mind-mark-parallel and mind-parallel-loops. On two
// threads the product's panel loop becomes async tasks for MLIR's async runtime: @main waits for
// a group of tasks, each running @parallel_compute_fn (the outlined chunk loop) on a worker of
// the runtime's pool, dispatched by mlirAsyncRuntimeExecute. Each element is summed in the same
// order on any number of threads, so the outputs are identical. threads=1 is the
// single-threaded code: no async runtime at all.
// CHECK:       llvm.func @main
// CHECK:         llvm.call @mlirAsyncRuntimeCreateGroup
// CHECK:         llvm.call @mlirAsyncRuntimeAwaitAllInGroup
// CHECK:       llvm.func @parallel_compute_fn
// CHECK:       llvm.func @async_execute_fn
// CHECK:         llvm.call @mlirAsyncRuntimeExecute
// ONE-NOT:     mlirAsyncRuntime
func.func @main(%x: tensor<37x300xf32>, %y: tensor<300x200xf32>) -> tensor<37x200xf32> {
  %r = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<37x300xf32>, tensor<300x200xf32>) -> tensor<37x200xf32>
  return %r : tensor<37x200xf32>
}
