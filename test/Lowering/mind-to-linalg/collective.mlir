// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// A sum over the whole grid is one MPI_Allreduce on COMM_WORLD (0x44000000) with MPICH's FLOAT
// (0x4c00040a) and SUM (0x58000003): the input's buffer and a fresh one as raw pointers, inside
// a no_inline region, the result the fresh buffer as a tensor. The module records the grid's size
// for the runtime's check against the job.
// CHECK:       module attributes {mind.mpi_grid_sizes = array<i64: 2>}
// CHECK:       func.func private @MPI_Allreduce(!llvm.ptr, !llvm.ptr, i32, i32, i32, i32) -> i32
// CHECK-LABEL: func.func @all_reduce_world
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3xf32>)
// CHECK:         %[[R:.*]] = scf.execute_region -> tensor<2x3xf32> no_inline {
// CHECK:           %[[OUT:.*]] = memref.alloc() {alignment = 64 : i64} : memref<2x3xf32>
// CHECK:           %[[IN:.*]] = bufferization.to_buffer %[[X]] read_only
// CHECK:           memref.extract_aligned_pointer_as_index %[[IN]]
// CHECK:           memref.extract_aligned_pointer_as_index %[[OUT]]
// CHECK-DAG:       %[[COUNT:.*]] = arith.constant 6 : i32
// CHECK-DAG:       %[[FLOAT:.*]] = arith.constant 1275069450 : i32
// CHECK-DAG:       %[[SUM:.*]] = arith.constant 1476395011 : i32
// CHECK-DAG:       %[[WORLD:.*]] = arith.constant 1140850688 : i32
// CHECK:           func.call @MPI_Allreduce(%{{.*}}, %{{.*}}, %[[COUNT]], %[[FLOAT]], %[[SUM]], %[[WORLD]])
// CHECK:           %[[T:.*]] = bufferization.to_tensor %[[OUT]] restrict writable
// CHECK:           scf.yield %[[T]]
// CHECK-NOT:     mind.all_reduce
// CHECK:         return %[[R]]
func.func @all_reduce_world(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %r = "mind.all_reduce"(%x) {reduce = "sum", axes = array<i64: 0>, grid = array<i64: 2>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// -----

// A group on one axis of a 2x2 grid gets its own communicator: made by MPI_Comm_split (color:
// the coordinate on the other axis, key: the group rank) the first time, kept in a global. Two
// ops on that group share it. MPI moves the gathered pieces to the front; a transpose puts them
// along dim 1.
// CHECK:       llvm.mlir.global internal @__mindc_comm_2x2_0_cell(-1 : i32)
// CHECK:       func.func private @__mindc_comm_2x2_0() -> i32
// CHECK:         llvm.mlir.addressof @__mindc_comm_2x2_0_cell
// CHECK:         scf.if
// CHECK:           func.call @__mindc_world_rank()
// CHECK:           func.call @MPI_Comm_split
// CHECK-LABEL: func.func @sub_grid
// CHECK:         scf.execute_region -> tensor<2x2x3xf32> no_inline
// CHECK:           %[[C1:.*]] = func.call @__mindc_comm_2x2_0() : () -> i32
// CHECK:           func.call @MPI_Allgather({{.*}}, %[[C1]])
// CHECK:         linalg.transpose {{.*}} permutation = [1, 0, 2]
// CHECK:         tensor.collapse_shape {{.*}} into tensor<2x6xf32>
// CHECK:         scf.execute_region -> tensor<2x6xf32> no_inline
// CHECK:           %[[C2:.*]] = func.call @__mindc_comm_2x2_0() : () -> i32
// CHECK:           func.call @MPI_Allreduce({{.*}}, %[[C2]])
// CHECK-NOT:     MPI_Comm_split
func.func @sub_grid(%x: tensor<2x3xf32>) -> tensor<2x6xf32> {
  %g = "mind.all_gather"(%x) {dim = 1 : i64, axes = array<i64: 0>, grid = array<i64: 2, 2>} : (tensor<2x3xf32>) -> tensor<2x6xf32>
  %r = "mind.all_reduce"(%g) {reduce = "max", axes = array<i64: 0>, grid = array<i64: 2, 2>} : (tensor<2x6xf32>) -> tensor<2x6xf32>
  return %r : tensor<2x6xf32>
}

// -----

// A group of one is the identity: no MPI at all.
// CHECK-LABEL: func.func @group_of_one
// CHECK-SAME:    (%[[X:.*]]: tensor<4xf32>)
// CHECK-NOT:     MPI_
// CHECK:         return %[[X]]
func.func @group_of_one(%x: tensor<4xf32>) -> tensor<4xf32> {
  %r = "mind.all_reduce"(%x) {reduce = "sum", axes = array<i64: 1>, grid = array<i64: 2, 1>} : (tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// shard_slice needs no communication: the group rank comes from the world rank's coordinates.
// CHECK-LABEL: func.func @shard_slice
// CHECK:         %[[RANK:.*]] = call @__mindc_world_rank() : () -> i32
// CHECK:         %[[G:.*]] = arith.index_cast %{{.*}} : i32 to index
// CHECK:         %[[AT:.*]] = arith.muli %[[G]], %{{.*}} : index
// CHECK:         tensor.extract_slice %{{.*}}[0, %[[AT]]] [4, 2] [1, 1] : tensor<4x8xf32> to tensor<4x2xf32>
// CHECK-NOT:     MPI_Allreduce
func.func @shard_slice(%x: tensor<4x8xf32>) -> tensor<4x2xf32> {
  %r = "mind.shard_slice"(%x) {dim = 1 : i64, axes = array<i64: 1, 0>, grid = array<i64: 2, 2>} : (tensor<4x8xf32>) -> tensor<4x2xf32>
  return %r : tensor<4x2xf32>
}
