// RUN: mind-opt %s --split-input-file --verify-diagnostics

// A group is named by grid axes: an axis the grid does not have is rejected.
func.func @all_reduce_axis_out_of_range(%x: tensor<4xf32>) {
  // expected-error@+1 {{'mind.all_reduce' grid axis 2 is out of range for the grid [2, 2]}}
  %r = "mind.all_reduce"(%x) {reduce = "sum", axes = array<i64: 2>, grid = array<i64: 2, 2>} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @all_gather_axes_repeated(%x: tensor<4xf32>) {
  // expected-error@+1 {{'mind.all_gather' axes [0, 0] repeat a grid axis}}
  %r = "mind.all_gather"(%x) {dim = 0 : i64, axes = array<i64: 0, 0>, grid = array<i64: 2>} : (tensor<4xf32>) -> tensor<16xf32>
  return
}

// -----

func.func @broadcast_grid_empty(%x: tensor<4xf32>) {
  // expected-error@+1 {{'mind.broadcast' grid must have at least one axis and sizes >= 1, found [2, 0]}}
  %r = "mind.broadcast"(%x) {root = 0 : i64, axes = array<i64: 0>, grid = array<i64: 2, 0>} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @all_reduce_unknown_reduce(%x: tensor<4xf32>) {
  // expected-error@+1 {{'mind.all_reduce' reduce must be one of sum, mean, max, min, prod, found 'avg'}}
  %r = "mind.all_reduce"(%x) {reduce = "avg", axes = array<i64: 0>, grid = array<i64: 2>} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// Integer means would have to round: only float types have one.
func.func @all_reduce_mean_of_integers(%x: tensor<4xi32>) {
  // expected-error@+1 {{'mind.all_reduce' reduce 'mean' needs a float type, found 4xi32}}
  %r = "mind.all_reduce"(%x) {reduce = "mean", axes = array<i64: 0>, grid = array<i64: 2>} : (tensor<4xi32>) -> tensor<4xi32>
  return
}

// -----

func.func @all_reduce_sum_of_booleans(%x: tensor<4xi1>) {
  // expected-error@+1 {{'mind.all_reduce' reduce 'sum' of booleans is not a boolean; cast x (4xi1) to an integer type first}}
  %r = "mind.all_reduce"(%x) {reduce = "sum", axes = array<i64: 0>, grid = array<i64: 2>} : (tensor<4xi1>) -> tensor<4xi1>
  return
}

// -----

// The gathered dimension grows by the group's size (2 * 2 on both axes of the grid).
func.func @all_gather_wrong_result(%x: tensor<3x2xf32>) {
  // expected-error@+1 {{'mind.all_gather' result 0 should be tensor<3x8xf32>, found tensor<3x4xf32>}}
  %r = "mind.all_gather"(%x) {dim = 1 : i64, axes = array<i64: 0, 1>, grid = array<i64: 2, 2>} : (tensor<3x2xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @all_gather_dim_out_of_range(%x: tensor<3x2xf32>) {
  // expected-error@+1 {{'mind.all_gather' dim 2 is out of range for x of rank 2 (3x2xf32)}}
  %r = "mind.all_gather"(%x) {dim = 2 : i64, axes = array<i64: 0>, grid = array<i64: 2>} : (tensor<3x2xf32>) -> tensor<3x2xf32>
  return
}

// -----

// Each member gets an equal piece: the group's size must divide the scattered dimension.
func.func @reduce_scatter_not_divisible(%x: tensor<6x4xf32>) {
  // expected-error@+1 {{'mind.reduce_scatter' dim 0 of x (6x4xf32) has size 6, which the 4 members of the group on axes [0, 1] of the grid [2, 2] do not divide}}
  %r = "mind.reduce_scatter"(%x) {dim = 0 : i64, reduce = "sum", axes = array<i64: 0, 1>, grid = array<i64: 2, 2>} : (tensor<6x4xf32>) -> tensor<1x4xf32>
  return
}

// -----

func.func @all_to_all_split_not_divisible(%x: tensor<4x3xf32>) {
  // expected-error@+1 {{'mind.all_to_all' split_dim 1 of x (4x3xf32) has size 3, which the 2 members of the group on axes [1] of the grid [2, 2] do not divide}}
  %r = "mind.all_to_all"(%x) {split_dim = 1 : i64, concat_dim = 0 : i64, axes = array<i64: 1>, grid = array<i64: 2, 2>} : (tensor<4x3xf32>) -> tensor<8x1xf32>
  return
}

// -----

func.func @all_to_all_concat_dim_out_of_range(%x: tensor<4x4xf32>) {
  // expected-error@+1 {{'mind.all_to_all' concat_dim -1 is out of range for x of rank 2 (4x4xf32)}}
  %r = "mind.all_to_all"(%x) {split_dim = 0 : i64, concat_dim = -1 : i64, axes = array<i64: 0>, grid = array<i64: 2>} : (tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

// The root is a group rank, not a world rank: the group on axis 1 of [2, 3] has 3 members.
func.func @broadcast_root_out_of_range(%x: tensor<4xf32>) {
  // expected-error@+1 {{'mind.broadcast' root 3 is out of range for the 3 members of the group on axes [1] of the grid [2, 3]}}
  %r = "mind.broadcast"(%x) {root = 3 : i64, axes = array<i64: 1>, grid = array<i64: 2, 3>} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @shard_slice_not_divisible(%x: tensor<5x4xf32>) {
  // expected-error@+1 {{'mind.shard_slice' dim 0 of x (5x4xf32) has size 5, which the 2 members of the group on axes [0] of the grid [2] do not divide}}
  %r = "mind.shard_slice"(%x) {dim = 0 : i64, axes = array<i64: 0>, grid = array<i64: 2>} : (tensor<5x4xf32>) -> tensor<2x4xf32>
  return
}
