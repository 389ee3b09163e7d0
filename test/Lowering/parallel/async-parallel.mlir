// RUN: mind-opt %s --split-input-file --mind-async-parallel | FileCheck %s

// Two chunks: the second is a task on the runtime's pool, the first runs on the calling thread
// through the same outlined function, then the caller waits for the group. The records live in
// allocas of the entry block; the captured memref travels as its descriptor, the f32 as itself,
// and the constants are cloned into the outlined function, not captured.
// CHECK-LABEL: func.func @two_chunks
// CHECK-SAME:    (%[[C:.*]]: memref<8x224xf32>, %[[V:.*]]: f32)
// CHECK-DAG:     %[[ONE:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-DAG:     %[[R0:.*]] = llvm.alloca %[[ONE]] x !llvm.struct<(ptr, i64, struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>, f32)>
// CHECK-DAG:     %[[R1:.*]] = llvm.alloca %[[ONE]] x !llvm.struct<(ptr, i64, struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>, f32)>
// CHECK-NOT:     scf.parallel
// CHECK:         %[[DESC:.*]] = builtin.unrealized_conversion_cast %[[C]] : memref<8x224xf32> to !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
// CHECK:         %[[S1:.*]] = llvm.insertvalue %[[DESC]], %{{.*}}[2]
// CHECK:         %[[SHARED:.*]] = llvm.insertvalue %[[V]], %[[S1]][3]
// CHECK:         %[[GROUP:.*]] = call @mlirAsyncRuntimeCreateGroup(%{{.*}}) : (i64) -> !llvm.ptr
// CHECK:         %[[F:.*]] = constant @two_chunks_parallel : (!llvm.ptr) -> ()
// CHECK:         %[[RESUME:.*]] = builtin.unrealized_conversion_cast %[[F]] : (!llvm.ptr) -> () to !llvm.ptr
// CHECK:         %[[TOKEN:.*]] = call @mlirAsyncRuntimeCreateToken() : () -> !llvm.ptr
// CHECK:         %[[T1:.*]] = llvm.insertvalue %[[TOKEN]], %[[SHARED]][0]
// CHECK:         %[[IV1:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK:         %[[T2:.*]] = llvm.insertvalue %[[IV1]], %[[T1]][1]
// CHECK:         llvm.store %[[T2]], %[[R1]]
// CHECK:         call @mlirAsyncRuntimeAddTokenToGroup(%[[TOKEN]], %[[GROUP]])
// CHECK:         call @mlirAsyncRuntimeDropRef(%[[TOKEN]], %{{.*}})
// CHECK:         call @mlirAsyncRuntimeExecute(%[[R1]], %[[RESUME]])
// CHECK:         %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         %[[U1:.*]] = llvm.insertvalue %[[NULL]], %[[SHARED]][0]
// CHECK:         %[[IV0:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK:         %[[U2:.*]] = llvm.insertvalue %[[IV0]], %[[U1]][1]
// CHECK:         llvm.store %[[U2]], %[[R0]]
// CHECK:         call @two_chunks_parallel(%[[R0]])
// CHECK:         call @mlirAsyncRuntimeAwaitAllInGroup(%[[GROUP]])
// CHECK:         call @mlirAsyncRuntimeDropRef(%[[GROUP]], %{{.*}})
// CHECK:         return
// CHECK-LABEL: func.func private @two_chunks_parallel
// CHECK-SAME:    (%[[REC:.*]]: !llvm.ptr)
// CHECK:         %[[ALL:.*]] = llvm.load %[[REC]]
// CHECK:         %[[IV:.*]] = llvm.extractvalue %[[ALL]][1]
// CHECK:         %[[T:.*]] = arith.index_cast %[[IV]] : i64 to index
// CHECK:         %[[D:.*]] = llvm.extractvalue %[[ALL]][2]
// CHECK:         %[[MC:.*]] = builtin.unrealized_conversion_cast %[[D]] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)> to memref<8x224xf32>
// CHECK:         %[[MV:.*]] = llvm.extractvalue %[[ALL]][3]
// CHECK-DAG:     %[[C128:.*]] = arith.constant 128 : index
// CHECK-DAG:     %[[TK:.*]] = llvm.extractvalue %[[ALL]][0]
// CHECK:         %[[HAS:.*]] = llvm.icmp "ne" %[[TK]], %{{.*}} : !llvm.ptr
// CHECK:         arith.muli %[[T]], %[[C128]] : index
// CHECK:         scf.for
// CHECK:           memref.subview %[[MC]]
// CHECK:           linalg.fill ins(%[[MV]] : f32)
// CHECK:         scf.if %[[HAS]] {
// CHECK:           func.call @mlirAsyncRuntimeEmplaceToken(%[[TK]])
// CHECK:         return
func.func @two_chunks(%c: memref<8x224xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c32 = arith.constant 32 : index
  %c128 = arith.constant 128 : index
  %c224 = arith.constant 224 : index
  scf.parallel (%t) = (%c0) to (%c2) step (%c1) {
    %start = arith.muli %t, %c128 : index
    %end = arith.addi %start, %c128 : index
    %stop = arith.minsi %end, %c224 : index
    scf.for %j = %start to %stop step %c32 {
      %panel = memref.subview %c[0, %j] [8, 32] [1, 1] : memref<8x224xf32> to memref<8x32xf32, strided<[224, 1], offset: ?>>
      linalg.fill ins(%v : f32) outs(%panel : memref<8x32xf32, strided<[224, 1], offset: ?>>)
    }
    scf.reduce
  }
  return
}

// -----

// Three iterations of step 2 from 1 (1, 3, 5): a group of two tasks with the induction
// variable's own values, the first run inline. Captured values come in order of first use
// (%v, %c, %n after the token and the induction variable); an index travels as i64.
// CHECK-LABEL: func.func @three_chunks
// CHECK:         %[[N:.*]] = arith.index_cast %{{.*}} : index to i64
// CHECK:         llvm.insertvalue %[[N]], %{{.*}}[4]
// CHECK:         %[[SIZE:.*]] = llvm.mlir.constant(2 : i64) : i64
// CHECK:         call @mlirAsyncRuntimeCreateGroup(%[[SIZE]])
// CHECK:         llvm.mlir.constant(3 : i64) : i64
// CHECK:         call @mlirAsyncRuntimeExecute
// CHECK:         llvm.mlir.constant(5 : i64) : i64
// CHECK:         call @mlirAsyncRuntimeExecute
// CHECK:         llvm.mlir.constant(1 : i64) : i64
// CHECK:         call @three_chunks_parallel
// CHECK:         call @mlirAsyncRuntimeAwaitAllInGroup
// CHECK-LABEL: func.func private @three_chunks_parallel
// CHECK:         %[[F:.*]] = llvm.extractvalue %{{.*}}[4]
// CHECK:         %[[I:.*]] = arith.index_cast %[[F]] : i64 to index
// CHECK:         memref.store %{{.*}}, %{{.*}}[%{{.*}}, %[[I]]]
func.func @three_chunks(%c: memref<6x6xf32>, %n: index, %v: f32) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c6 = arith.constant 6 : index
  scf.parallel (%i) = (%c1) to (%c6) step (%c2) {
    memref.store %v, %c[%i, %n] : memref<6x6xf32>
    scf.reduce
  }
  return
}

// -----

// Tasks do not wait for tasks: an scf.parallel inside another stays a serial loop inside the
// outer one's outlined function (a pool whose workers all wait would wait forever).
// CHECK-LABEL: func.func @nested
// CHECK-COUNT-1: call @mlirAsyncRuntimeExecute
// CHECK-LABEL: func.func private @nested_parallel
// CHECK:         scf.parallel
// CHECK-NOT:       mlirAsyncRuntimeExecute
// CHECK:         return
func.func @nested(%c: memref<2x3xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  scf.parallel (%i) = (%c0) to (%c2) step (%c1) {
    scf.parallel (%j) = (%c0) to (%c3) step (%c1) {
      memref.store %v, %c[%i, %j] : memref<2x3xf32>
      scf.reduce
    }
    scf.reduce
  }
  return
}

// -----

// One iteration has nothing to share: a call of the outlined function, no runtime.
// CHECK-LABEL: func.func @one_iteration
// CHECK-NOT:     mlirAsyncRuntime
// CHECK:         call @one_iteration_parallel
// CHECK-NOT:     mlirAsyncRuntime
// CHECK:         return
func.func @one_iteration(%c: memref<4xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%c1) step (%c1) {
    memref.store %v, %c[%i] : memref<4xf32>
    scf.reduce
  }
  return
}

// -----

// Two loops in one function get two outlined functions, named apart.
// CHECK-LABEL: func.func @two_loops
// CHECK:         constant @two_loops_parallel{{(_[0-9]+)?}} :
// CHECK:         constant @two_loops_parallel{{_[0-9]+}} :
func.func @two_loops(%c: memref<4xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  scf.parallel (%i) = (%c0) to (%c2) step (%c1) {
    memref.store %v, %c[%i] : memref<4xf32>
    scf.reduce
  }
  scf.parallel (%i) = (%c0) to (%c2) step (%c1) {
    %j = arith.addi %i, %c2 : index
    memref.store %v, %c[%j] : memref<4xf32>
    scf.reduce
  }
  return
}
