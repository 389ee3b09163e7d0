// RUN: mind-opt %s --split-input-file --mind-auto-parallel=grid=2,2 | FileCheck %s
// RUN: mind-opt %s --split-input-file --pass-pipeline='builtin.module(mind-auto-parallel{grid=2,2},mind-spmd-partition)' \
// RUN:   | FileCheck %s --check-prefix=PARTITION

// An MLP training step (mindc.nn.TrainOneStepCell: Dense 64-64-8, softmax cross-entropy, SGD;
// traced, then mind-inline, symbol-dce and mind-canonicalize). With a batch of 65536 and a
// hidden layer of 64 the activations dwarf the weights: data parallel. Every batch dimension is
// split over both grid axes, weights are whole for the products, and the weight gradients are
// partial sums over both axes, combined before the update.
// mind-spmd-partition takes the strategy as it is written: each device holds a quarter of the batch.
// PARTITION-LABEL: func.func @big_batch
// PARTITION-SAME:    %arg0: tensor<16384x64xf32>
// CHECK-LABEL: func.func @big_batch
// CHECK-SAME:    %arg0: tensor<65536x64xf32> {mind.layout = "[{0, 1}, {}]"}
// CHECK-SAME:    %arg1: tensor<65536xi32> {mind.layout = "[{0, 1}]"}
// CHECK:         "mind.matmul"(%arg0, %arg2) {mind.sharding = "([{0, 1}, {}], [{}, {}]) -> ([{0, 1}, {}])"
// CHECK:         "mind.matmul"(%{{.*}}, %arg4) {mind.sharding = "([{0, 1}, {}], [{}, {}]) -> ([{0, 1}, {}])"
// CHECK:         "mind.matmul"(%{{.*}}, %{{.*}}) {mind.sharding = "([{0, 1}, {}], [{0, 1}, {}]) -> ([{}, {}] sum{0, 1})"
// CHECK:         "mind.matmul"(%{{.*}}, %arg0) {mind.sharding = "([{0, 1}, {}], [{0, 1}, {}]) -> ([{}, {}] sum{0, 1})"
// CHECK:         return
  func.func @big_batch(%arg0: tensor<65536x64xf32>, %arg1: tensor<65536xi32>, %arg2: tensor<64x64xf32>, %arg3: tensor<64xf32>, %arg4: tensor<8x64xf32>, %arg5: tensor<8xf32>, %arg6: tensor<1xi32>, %arg7: tensor<f32>) -> (tensor<f32>, tensor<1xi32> {mind.updates = 6 : i64}, tensor<64x64xf32> {mind.updates = 2 : i64}, tensor<64xf32> {mind.updates = 3 : i64}, tensor<8x64xf32> {mind.updates = 4 : i64}, tensor<8xf32> {mind.updates = 5 : i64}) {
    %0 = "mind.constant"() {value = dense<1.000000e+00> : tensor<f32>} : () -> tensor<f32>
    %1 = "mind.constant"() {value = dense<0.000000e+00> : tensor<f32>} : () -> tensor<f32>
    %2 = "mind.matmul"(%arg0, %arg2) {transpose_a = false, transpose_b = true} : (tensor<65536x64xf32>, tensor<64x64xf32>) -> tensor<65536x64xf32>
    %3 = "mind.reshape"(%arg3) {shape = array<i64: 1, 64>} : (tensor<64xf32>) -> tensor<1x64xf32>
    %4 = "mind.add"(%2, %3) : (tensor<65536x64xf32>, tensor<1x64xf32>) -> tensor<65536x64xf32>
    %5 = "mind.relu"(%4) : (tensor<65536x64xf32>) -> tensor<65536x64xf32>
    %6 = "mind.matmul"(%5, %arg4) {transpose_a = false, transpose_b = true} : (tensor<65536x64xf32>, tensor<8x64xf32>) -> tensor<65536x8xf32>
    %7 = "mind.reshape"(%arg5) {shape = array<i64: 1, 8>} : (tensor<8xf32>) -> tensor<1x8xf32>
    %8 = "mind.add"(%6, %7) : (tensor<65536x8xf32>, tensor<1x8xf32>) -> tensor<65536x8xf32>
    %9 = "mind.one_hot"(%arg1, %0, %1) {axis = 1 : i64, depth = 8 : i64} : (tensor<65536xi32>, tensor<f32>, tensor<f32>) -> tensor<65536x8xf32>
    %10 = "mind.log_softmax"(%8) {axis = 1 : i64} : (tensor<65536x8xf32>) -> tensor<65536x8xf32>
    %11 = "mind.mul"(%9, %10) : (tensor<65536x8xf32>, tensor<65536x8xf32>) -> tensor<65536x8xf32>
    %12 = "mind.reduce_sum"(%11) {axis = array<i64: 1>, keep_dims = false} : (tensor<65536x8xf32>) -> tensor<65536xf32>
    %13 = "mind.neg"(%12) : (tensor<65536xf32>) -> tensor<65536xf32>
    %14 = "mind.reduce_mean"(%13) {axis = array<i64: 0>, keep_dims = false} : (tensor<65536xf32>) -> tensor<f32>
    %15 = "mind.constant"() {value = dense<1.000000e+00> : tensor<1xf32>} : () -> tensor<1xf32>
    %16 = "mind.constant"() {value = dense<6.553600e+04> : tensor<f32>} : () -> tensor<f32>
    %17 = "mind.div"(%15, %16) : (tensor<1xf32>, tensor<f32>) -> tensor<1xf32>
    %18 = "mind.broadcast_to"(%17) {shape = array<i64: 65536>} : (tensor<1xf32>) -> tensor<65536xf32>
    %19 = "mind.neg"(%18) : (tensor<65536xf32>) -> tensor<65536xf32>
    %20 = "mind.reshape"(%19) {shape = array<i64: 65536, 1>} : (tensor<65536xf32>) -> tensor<65536x1xf32>
    %21 = "mind.broadcast_to"(%20) {shape = array<i64: 65536, 8>} : (tensor<65536x1xf32>) -> tensor<65536x8xf32>
    %22 = "mind.mul"(%21, %9) : (tensor<65536x8xf32>, tensor<65536x8xf32>) -> tensor<65536x8xf32>
    %23 = "mind.exp"(%10) : (tensor<65536x8xf32>) -> tensor<65536x8xf32>
    %24 = "mind.reduce_sum"(%22) {axis = array<i64: 1>, keep_dims = true} : (tensor<65536x8xf32>) -> tensor<65536x1xf32>
    %25 = "mind.mul"(%23, %24) : (tensor<65536x8xf32>, tensor<65536x1xf32>) -> tensor<65536x8xf32>
    %26 = "mind.sub"(%22, %25) : (tensor<65536x8xf32>, tensor<65536x8xf32>) -> tensor<65536x8xf32>
    %27 = "mind.reduce_sum"(%26) {axis = array<i64: 0>, keep_dims = true} : (tensor<65536x8xf32>) -> tensor<1x8xf32>
    %28 = "mind.reshape"(%27) {shape = array<i64: 8>} : (tensor<1x8xf32>) -> tensor<8xf32>
    %29 = "mind.matmul"(%26, %arg4) {transpose_a = false, transpose_b = false} : (tensor<65536x8xf32>, tensor<8x64xf32>) -> tensor<65536x64xf32>
    %30 = "mind.matmul"(%26, %5) {transpose_a = true, transpose_b = false} : (tensor<65536x8xf32>, tensor<65536x64xf32>) -> tensor<8x64xf32>
    %31 = "mind.greater"(%5, %1) : (tensor<65536x64xf32>, tensor<f32>) -> tensor<65536x64xi1>
    %32 = "mind.select"(%31, %29, %1) : (tensor<65536x64xi1>, tensor<65536x64xf32>, tensor<f32>) -> tensor<65536x64xf32>
    %33 = "mind.reduce_sum"(%32) {axis = array<i64: 0>, keep_dims = true} : (tensor<65536x64xf32>) -> tensor<1x64xf32>
    %34 = "mind.reshape"(%33) {shape = array<i64: 64>} : (tensor<1x64xf32>) -> tensor<64xf32>
    %35 = "mind.matmul"(%32, %arg0) {transpose_a = true, transpose_b = false} : (tensor<65536x64xf32>, tensor<65536x64xf32>) -> tensor<64x64xf32>
    %36 = "mind.constant"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
    %37 = "mind.add"(%arg6, %36) : (tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
    %38 = "mind.mul"(%35, %arg7) : (tensor<64x64xf32>, tensor<f32>) -> tensor<64x64xf32>
    %39 = "mind.sub"(%arg2, %38) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %40 = "mind.mul"(%34, %arg7) : (tensor<64xf32>, tensor<f32>) -> tensor<64xf32>
    %41 = "mind.sub"(%arg3, %40) : (tensor<64xf32>, tensor<64xf32>) -> tensor<64xf32>
    %42 = "mind.mul"(%30, %arg7) : (tensor<8x64xf32>, tensor<f32>) -> tensor<8x64xf32>
    %43 = "mind.sub"(%arg4, %42) : (tensor<8x64xf32>, tensor<8x64xf32>) -> tensor<8x64xf32>
    %44 = "mind.mul"(%28, %arg7) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
    %45 = "mind.sub"(%arg5, %44) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    return %14, %37, %39, %41, %43, %45 : tensor<f32>, tensor<1xi32>, tensor<64x64xf32>, tensor<64xf32>, tensor<8x64xf32>, tensor<8xf32>
  }

// -----

// The same step with a batch of 8 and a hidden layer of 8192: the weights dwarf the activations,
// so model parallel, Megatron's way: the first Dense split by its output features (the weight's
// rows, stored out x in), the second by its input features, leaving partial sums; the weights,
// their gradients and updates stay split, so they never move.
// PARTITION-LABEL: func.func @big_hidden
// PARTITION-SAME:    %arg0: tensor<8x64xf32>
// PARTITION-SAME:    %arg2: tensor<2048x64xf32>
// CHECK-LABEL: func.func @big_hidden
// CHECK-SAME:    %arg0: tensor<8x64xf32> {mind.layout = "[{}, {}]"}
// CHECK-SAME:    %arg2: tensor<8192x64xf32> {mind.layout = "[{0, 1}, {}]"}
// CHECK-SAME:    %arg4: tensor<8x8192xf32> {mind.layout = "[{}, {0, 1}]"}
// CHECK-SAME:    -> (tensor<f32> {mind.layout = "[]"}
// CHECK-SAME:    tensor<8192x64xf32> {mind.layout = "[{0, 1}, {}]", mind.updates = 2 : i64}
// CHECK-SAME:    tensor<8x8192xf32> {mind.layout = "[{}, {0, 1}]", mind.updates = 4 : i64}
// CHECK:         "mind.matmul"(%arg0, %arg2) {mind.sharding = "([{}, {}], [{0, 1}, {}]) -> ([{}, {0, 1}])"
// CHECK:         "mind.matmul"(%{{.*}}, %arg4) {mind.sharding = "([{}, {0, 1}], [{}, {0, 1}]) -> ([{}, {}] sum{0, 1})"
// CHECK:         "mind.sub"(%arg2, %{{.*}}) {mind.sharding = "([{0, 1}, {}], [{0, 1}, {}]) -> ([{0, 1}, {}])"}
// CHECK:         return
  func.func @big_hidden(%arg0: tensor<8x64xf32>, %arg1: tensor<8xi32>, %arg2: tensor<8192x64xf32>, %arg3: tensor<8192xf32>, %arg4: tensor<8x8192xf32>, %arg5: tensor<8xf32>, %arg6: tensor<1xi32>, %arg7: tensor<f32>) -> (tensor<f32>, tensor<1xi32> {mind.updates = 6 : i64}, tensor<8192x64xf32> {mind.updates = 2 : i64}, tensor<8192xf32> {mind.updates = 3 : i64}, tensor<8x8192xf32> {mind.updates = 4 : i64}, tensor<8xf32> {mind.updates = 5 : i64}) {
    %0 = "mind.constant"() {value = dense<1.000000e+00> : tensor<f32>} : () -> tensor<f32>
    %1 = "mind.constant"() {value = dense<0.000000e+00> : tensor<f32>} : () -> tensor<f32>
    %2 = "mind.matmul"(%arg0, %arg2) {transpose_a = false, transpose_b = true} : (tensor<8x64xf32>, tensor<8192x64xf32>) -> tensor<8x8192xf32>
    %3 = "mind.reshape"(%arg3) {shape = array<i64: 1, 8192>} : (tensor<8192xf32>) -> tensor<1x8192xf32>
    %4 = "mind.add"(%2, %3) : (tensor<8x8192xf32>, tensor<1x8192xf32>) -> tensor<8x8192xf32>
    %5 = "mind.relu"(%4) : (tensor<8x8192xf32>) -> tensor<8x8192xf32>
    %6 = "mind.matmul"(%5, %arg4) {transpose_a = false, transpose_b = true} : (tensor<8x8192xf32>, tensor<8x8192xf32>) -> tensor<8x8xf32>
    %7 = "mind.reshape"(%arg5) {shape = array<i64: 1, 8>} : (tensor<8xf32>) -> tensor<1x8xf32>
    %8 = "mind.add"(%6, %7) : (tensor<8x8xf32>, tensor<1x8xf32>) -> tensor<8x8xf32>
    %9 = "mind.one_hot"(%arg1, %0, %1) {axis = 1 : i64, depth = 8 : i64} : (tensor<8xi32>, tensor<f32>, tensor<f32>) -> tensor<8x8xf32>
    %10 = "mind.log_softmax"(%8) {axis = 1 : i64} : (tensor<8x8xf32>) -> tensor<8x8xf32>
    %11 = "mind.mul"(%9, %10) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
    %12 = "mind.reduce_sum"(%11) {axis = array<i64: 1>, keep_dims = false} : (tensor<8x8xf32>) -> tensor<8xf32>
    %13 = "mind.neg"(%12) : (tensor<8xf32>) -> tensor<8xf32>
    %14 = "mind.reduce_mean"(%13) {axis = array<i64: 0>, keep_dims = false} : (tensor<8xf32>) -> tensor<f32>
    %15 = "mind.constant"() {value = dense<1.000000e+00> : tensor<1xf32>} : () -> tensor<1xf32>
    %16 = "mind.constant"() {value = dense<8.000000e+00> : tensor<f32>} : () -> tensor<f32>
    %17 = "mind.div"(%15, %16) : (tensor<1xf32>, tensor<f32>) -> tensor<1xf32>
    %18 = "mind.broadcast_to"(%17) {shape = array<i64: 8>} : (tensor<1xf32>) -> tensor<8xf32>
    %19 = "mind.neg"(%18) : (tensor<8xf32>) -> tensor<8xf32>
    %20 = "mind.reshape"(%19) {shape = array<i64: 8, 1>} : (tensor<8xf32>) -> tensor<8x1xf32>
    %21 = "mind.broadcast_to"(%20) {shape = array<i64: 8, 8>} : (tensor<8x1xf32>) -> tensor<8x8xf32>
    %22 = "mind.mul"(%21, %9) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
    %23 = "mind.exp"(%10) : (tensor<8x8xf32>) -> tensor<8x8xf32>
    %24 = "mind.reduce_sum"(%22) {axis = array<i64: 1>, keep_dims = true} : (tensor<8x8xf32>) -> tensor<8x1xf32>
    %25 = "mind.mul"(%23, %24) : (tensor<8x8xf32>, tensor<8x1xf32>) -> tensor<8x8xf32>
    %26 = "mind.sub"(%22, %25) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
    %27 = "mind.reduce_sum"(%26) {axis = array<i64: 0>, keep_dims = true} : (tensor<8x8xf32>) -> tensor<1x8xf32>
    %28 = "mind.reshape"(%27) {shape = array<i64: 8>} : (tensor<1x8xf32>) -> tensor<8xf32>
    %29 = "mind.matmul"(%26, %arg4) {transpose_a = false, transpose_b = false} : (tensor<8x8xf32>, tensor<8x8192xf32>) -> tensor<8x8192xf32>
    %30 = "mind.matmul"(%26, %5) {transpose_a = true, transpose_b = false} : (tensor<8x8xf32>, tensor<8x8192xf32>) -> tensor<8x8192xf32>
    %31 = "mind.greater"(%5, %1) : (tensor<8x8192xf32>, tensor<f32>) -> tensor<8x8192xi1>
    %32 = "mind.select"(%31, %29, %1) : (tensor<8x8192xi1>, tensor<8x8192xf32>, tensor<f32>) -> tensor<8x8192xf32>
    %33 = "mind.reduce_sum"(%32) {axis = array<i64: 0>, keep_dims = true} : (tensor<8x8192xf32>) -> tensor<1x8192xf32>
    %34 = "mind.reshape"(%33) {shape = array<i64: 8192>} : (tensor<1x8192xf32>) -> tensor<8192xf32>
    %35 = "mind.matmul"(%32, %arg0) {transpose_a = true, transpose_b = false} : (tensor<8x8192xf32>, tensor<8x64xf32>) -> tensor<8192x64xf32>
    %36 = "mind.constant"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
    %37 = "mind.add"(%arg6, %36) : (tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
    %38 = "mind.mul"(%35, %arg7) : (tensor<8192x64xf32>, tensor<f32>) -> tensor<8192x64xf32>
    %39 = "mind.sub"(%arg2, %38) : (tensor<8192x64xf32>, tensor<8192x64xf32>) -> tensor<8192x64xf32>
    %40 = "mind.mul"(%34, %arg7) : (tensor<8192xf32>, tensor<f32>) -> tensor<8192xf32>
    %41 = "mind.sub"(%arg3, %40) : (tensor<8192xf32>, tensor<8192xf32>) -> tensor<8192xf32>
    %42 = "mind.mul"(%30, %arg7) : (tensor<8x8192xf32>, tensor<f32>) -> tensor<8x8192xf32>
    %43 = "mind.sub"(%arg4, %42) : (tensor<8x8192xf32>, tensor<8x8192xf32>) -> tensor<8x8192xf32>
    %44 = "mind.mul"(%28, %arg7) : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
    %45 = "mind.sub"(%arg5, %44) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    return %14, %37, %39, %41, %43, %45 : tensor<f32>, tensor<1xi32>, tensor<8192x64xf32>, tensor<8192xf32>, tensor<8x8192xf32>, tensor<8xf32>
  }
