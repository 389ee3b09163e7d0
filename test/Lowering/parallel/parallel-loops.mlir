// RUN: mind-opt %s --split-input-file --mind-parallel-loops=threads=2 | FileCheck %s
// RUN: mind-opt %s --split-input-file --mind-parallel-loops=threads=1 | FileCheck %s --check-prefix=ONE
// RUN: mind-opt %s --split-input-file --mind-parallel-loops=threads=4 | FileCheck %s --check-prefix=FOUR

// A tagged loop of 7 iterations on two threads: an scf.parallel over 2 chunks, each an scf.for
// over ceil(7 / 2) = 4 iterations of 32 (the last chunk stops at the loop's end, after 3).
// CHECK-LABEL: func.func @seven_panels_two_chunks
// CHECK-DAG:     %[[C32:.*]] = arith.constant 32 : index
// CHECK-DAG:     %[[C224:.*]] = arith.constant 224 : index
// CHECK-DAG:     %[[SPAN:.*]] = arith.constant 128 : index
// CHECK-DAG:     %[[C2:.*]] = arith.constant 2 : index
// CHECK:         scf.parallel (%[[T:.*]]) = (%{{.*}}) to (%[[C2]]) step (%{{.*}}) {
// CHECK:           %[[OFFSET:.*]] = arith.muli %[[T]], %[[SPAN]] : index
// CHECK:           %[[START:.*]] = arith.addi %{{.*}}, %[[OFFSET]] : index
// CHECK:           %[[END:.*]] = arith.addi %[[START]], %[[SPAN]] : index
// CHECK:           %[[STOP:.*]] = arith.minsi %[[END]], %[[C224]] : index
// CHECK:           scf.for %[[J:.*]] = %[[START]] to %[[STOP]] step %[[C32]] {
// CHECK:             memref.subview %{{.*}}[0, %[[J]]] [8, 32] [1, 1]
// CHECK:           scf.reduce
// CHECK-NOT:     mindc.parallel
// ONE-LABEL:   func.func @seven_panels_two_chunks
// ONE-NOT:       scf.parallel
// ONE:           scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} {
// ONE-NOT:       mindc.parallel
func.func @seven_panels_two_chunks(%c: memref<8x224xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %c224 = arith.constant 224 : index
  scf.for %j = %c0 to %c224 step %c32 {
    %panel = memref.subview %c[0, %j] [8, 32] [1, 1] : memref<8x224xf32> to memref<8x32xf32, strided<[224, 1], offset: ?>>
    linalg.fill ins(%v : f32) outs(%panel : memref<8x32xf32, strided<[224, 1], offset: ?>>)
  } {mindc.parallel}
  return
}

// -----

// A loop of one iteration has nothing to share: it stays a loop and loses its tag.
// CHECK-LABEL: func.func @one_iteration_stays
// CHECK-NOT:     scf.parallel
// CHECK-NOT:     mindc.parallel
func.func @one_iteration_stays(%c: memref<8x32xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  scf.for %j = %c0 to %c32 step %c32 {
    %panel = memref.subview %c[0, %j] [8, 32] [1, 1] : memref<8x32xf32> to memref<8x32xf32, strided<[32, 1], offset: ?>>
    linalg.fill ins(%v : f32) outs(%panel : memref<8x32xf32, strided<[32, 1], offset: ?>>)
  } {mindc.parallel}
  return
}

// -----

// A tagged loop inside a tagged loop (a tile of a tagged op tiled again): only the outer one
// is split; tasks inside tasks would only queue on the same pool.
// CHECK-LABEL: func.func @nested_tagged_loops
// CHECK:         scf.parallel
// CHECK:           scf.for
// CHECK:             scf.for
// CHECK-NOT:     scf.parallel
// CHECK-NOT:     mindc.parallel
func.func @nested_tagged_loops(%c: memref<64x64xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c64 = arith.constant 64 : index
  scf.for %i = %c0 to %c64 step %c8 {
    scf.for %j = %c0 to %c8 step %c1 {
      %k = arith.addi %i, %j : index
      memref.store %v, %c[%k, %k] : memref<64x64xf32>
    } {mindc.parallel}
  } {mindc.parallel}
  return
}

// -----

// 5 iterations on 4 threads: chunks of ceil(5 / 4) = 2 iterations, so 3 chunks (2+2+1), none
// of them empty.
// CHECK-LABEL: func.func @five_iterations_three_chunks
// FOUR-LABEL:  func.func @five_iterations_three_chunks
// FOUR-DAG:       %[[SPAN:.*]] = arith.constant 2 : index
// FOUR-DAG:       %[[C3:.*]] = arith.constant 3 : index
// FOUR:          scf.parallel (%[[T:.*]]) = (%{{.*}}) to (%[[C3]]) step (%{{.*}}) {
// FOUR:            arith.muli %[[T]], %[[SPAN]] : index
func.func @five_iterations_three_chunks(%c: memref<5xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  scf.for %i = %c0 to %c5 step %c1 {
    memref.store %v, %c[%i] : memref<5xf32>
  } {mindc.parallel}
  return
}
