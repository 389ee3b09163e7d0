// RUN: mind-opt %s --pass-pipeline='builtin.module(mind-cpu-pipeline{threads=2 min-work=1})' > %t.two.mlir
// RUN: mind-opt %s --pass-pipeline='builtin.module(mind-cpu-pipeline{threads=1 min-work=1})' > %t.one.mlir
// RUN: FileCheck %s < %t.two.mlir
// RUN: FileCheck %s --check-prefix=ONE < %t.one.mlir
// RUN: mind-run %t.two.mlir --random --seed 3 > %t.two.out
// RUN: mind-run %t.one.mlir --random --seed 3 > %t.one.out
// RUN: diff %t.one.out %t.two.out

// mind-cpu-pipeline{threads=N} gives N to mind-mark-parallel and mind-parallel-loops. On two
// threads the product's panel loop becomes a task for MLIR's async runtime and a direct call:
// @main dispatches its second chunk to the runtime's pool (mlirAsyncRuntimeExecute of
// @main_parallel, the outlined chunk loop), runs the first itself and waits for the group; the
// task emplaces its token. No coroutine is left. Each element is summed in the same order on
// any number of threads, so the outputs are identical. threads=1 is the single-threaded code:
// no async runtime at all.
// CHECK:       llvm.func @main(
// CHECK:         %[[GROUP:.*]] = llvm.call @mlirAsyncRuntimeCreateGroup
// CHECK:         %[[TOKEN:.*]] = llvm.call @mlirAsyncRuntimeCreateToken
// CHECK:         llvm.call @mlirAsyncRuntimeAddTokenToGroup(%[[TOKEN]], %[[GROUP]])
// CHECK:         llvm.call @mlirAsyncRuntimeDropRef(%[[TOKEN]],
// CHECK:         llvm.call @mlirAsyncRuntimeExecute
// CHECK:         llvm.call @main_parallel
// CHECK:         llvm.call @mlirAsyncRuntimeAwaitAllInGroup(%[[GROUP]])
// CHECK:         llvm.call @mlirAsyncRuntimeDropRef(%[[GROUP]],
// CHECK:       llvm.func @main_parallel(%{{.*}}: !llvm.ptr)
// CHECK:         llvm.call @mlirAsyncRuntimeEmplaceToken
// CHECK-NOT:   llvm.intr.coro
// ONE-NOT:     mlirAsyncRuntime
func.func @main(%x: tensor<37x300xf32>, %y: tensor<300x200xf32>) -> tensor<37x200xf32> {
  %r = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<37x300xf32>, tensor<300x200xf32>) -> tensor<37x200xf32>
  return %r : tensor<37x200xf32>
}
