// RUN: mind-opt %s --split-input-file --mind-schedule=name=matmul-cpu | FileCheck %s

// A product whose shape divides the 8x32 register tile: n panels outside, row tiles inside, a k
// loop carrying the accumulators (two vector<8x16>, hoisted out of it) and 16 FMAs on
// vector<16xf32> per k step; nothing of the linalg op is left. The zero fill stays one op on
// the whole tensor (LLVM makes it a memset), ahead of the tiles.
// CHECK-LABEL: func.func @matmul_full_tiles
// CHECK-NOT:     linalg.matmul
// CHECK:         linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<16x64xf32>) -> tensor<16x64xf32>
// CHECK:         scf.for %{{.*}} = %{{.*}} to %{{.*}} step %[[C32:.*]] iter_args
// CHECK:           scf.for %{{.*}} = %{{.*}} to %{{.*}} step %[[C8:.*]] iter_args
// CHECK:             scf.for %{{.*}} iter_args(%{{.*}}, %{{.*}}) -> (vector<8x16xf32>, vector<8x16xf32>)
// CHECK-COUNT-16:      vector.fma %{{.*}} : vector<16xf32>
// CHECK:               scf.yield %{{.*}}, %{{.*}} : vector<8x16xf32>, vector<8x16xf32>
// CHECK-NOT:     linalg.matmul
func.func @matmul_full_tiles(%a: tensor<16x32xf32>, %b: tensor<32x64xf32>) -> tensor<16x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<16x64xf32>
  %c = linalg.fill ins(%zero : f32) outs(%e : tensor<16x64xf32>) -> tensor<16x64xf32>
  %r = linalg.matmul ins(%a, %b : tensor<16x32xf32>, tensor<32x64xf32>) outs(%c : tensor<16x64xf32>) -> tensor<16x64xf32>
  return %r : tensor<16x64xf32>
}

// -----

// 10x40 does not divide 8x32: the tile loops are peeled into a full 8x32 tile and the remainder
// tiles 2x32, 8x8 and 2x8, each with a static shape, vectorized and with its accumulators in
// registers; nothing is padded or masked.
// CHECK-LABEL: func.func @matmul_remainder_tiles
// CHECK:         scf.for {{.*}} -> (vector<8x16xf32>, vector<8x16xf32>)
// CHECK:         tensor.insert_slice %{{.*}}[0, 0] [8, 32] [1, 1] : tensor<8x32xf32> into tensor<10x40xf32>
// CHECK:         scf.for {{.*}} -> (vector<2x16xf32>, vector<2x16xf32>)
// CHECK:         tensor.insert_slice %{{.*}}[8, 0] [2, 32] [1, 1] : tensor<2x32xf32> into tensor<10x40xf32>
// CHECK:         scf.for {{.*}} -> (vector<8x8xf32>)
// CHECK-COUNT-8:   vector.fma %{{.*}} : vector<8xf32>
// CHECK:         tensor.insert_slice %{{.*}}[0, 32] [8, 8] [1, 1] : tensor<8x8xf32> into tensor<10x40xf32>
// CHECK:         scf.for {{.*}} -> (vector<2x8xf32>)
// CHECK:         tensor.insert_slice %{{.*}}[8, 32] [2, 8] [1, 1] : tensor<2x8xf32> into tensor<10x40xf32>
// CHECK-NOT:     vector.mask
// CHECK-NOT:     tensor.pad
func.func @matmul_remainder_tiles(%a: tensor<10x3xf32>, %b: tensor<3x40xf32>) -> tensor<10x40xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<10x40xf32>
  %c = linalg.fill ins(%zero : f32) outs(%e : tensor<10x40xf32>) -> tensor<10x40xf32>
  %r = linalg.matmul ins(%a, %b : tensor<10x3xf32>, tensor<3x40xf32>) outs(%c : tensor<10x40xf32>) -> tensor<10x40xf32>
  return %r : tensor<10x40xf32>
}

// -----

// A transposed x (transpose_a) is read in place through its indexing map: one scalar per row
// broadcast, the same kernel.
// CHECK-LABEL: func.func @matmul_transposed_x
// CHECK-NOT:     linalg.matmul
// CHECK:         scf.for {{.*}} -> (vector<8x16xf32>, vector<8x16xf32>)
// CHECK-COUNT-16:  vector.fma %{{.*}} : vector<16xf32>
func.func @matmul_transposed_x(%a: tensor<32x16xf32>, %b: tensor<32x64xf32>) -> tensor<16x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<16x64xf32>
  %c = linalg.fill ins(%zero : f32) outs(%e : tensor<16x64xf32>) -> tensor<16x64xf32>
  %r = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
      ins(%a, %b : tensor<32x16xf32>, tensor<32x64xf32>) outs(%c : tensor<16x64xf32>) -> tensor<16x64xf32>
  return %r : tensor<16x64xf32>
}

// -----

// A batched product: one batch at a time, then the same register tiles.
// CHECK-LABEL: func.func @batch_matmul_tiles
// CHECK-NOT:     linalg.batch_matmul
// CHECK:         scf.for {{.*}} -> (vector<1x8x16xf32>, vector<1x8x16xf32>)
// CHECK-COUNT-16:  vector.fma %{{.*}} : vector<16xf32>
func.func @batch_matmul_tiles(%a: tensor<2x8x4xf32>, %b: tensor<2x4x32xf32>) -> tensor<2x8x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x8x32xf32>
  %c = linalg.fill ins(%zero : f32) outs(%e : tensor<2x8x32xf32>) -> tensor<2x8x32xf32>
  %r = linalg.batch_matmul ins(%a, %b : tensor<2x8x4xf32>, tensor<2x4x32xf32>) outs(%c : tensor<2x8x32xf32>) -> tensor<2x8x32xf32>
  return %r : tensor<2x8x32xf32>
}

// -----

// A 2-d transpose (a transpose_b operand) in 16x16 tiles, lowered to shuffles; 20x16 leaves a
// static 4x16 remainder.
// CHECK-LABEL: func.func @transpose_tiles
// CHECK-NOT:     linalg.transpose
// CHECK:         vector.shuffle
// CHECK-NOT:     linalg.transpose
func.func @transpose_tiles(%x: tensor<20x16xf32>) -> tensor<16x20xf32> {
  %e = tensor.empty() : tensor<16x20xf32>
  %t = linalg.transpose ins(%x : tensor<20x16xf32>) outs(%e : tensor<16x20xf32>) permutation = [1, 0]
  return %t : tensor<16x20xf32>
}

// -----

// The rows kernel (mindc.kernel = "rows": few rows of x, y read in place as [n, k] through its
// indexing map): no transpose, tiles of 4 rows of y (n remainder 1 peeled: 13 = 3 * 4 + 1), a k
// loop of step 16 carrying the partial sums as vector<4x16xf32> (37 = 2 * 16 + 5: the last 5 k
// peeled), and the horizontal reductions after the k loop, none inside it.
// CHECK-LABEL: func.func @matmul_rows_kernel
// CHECK-NOT:     linalg.transpose
// CHECK-NOT:     linalg.matmul
// CHECK:         scf.for %{{.*}} = %{{.*}} to %{{.*}} step %[[C4:.*]] iter_args
// CHECK:           scf.for %{{.*}} = %{{.*}} to %{{.*}} step %[[C16:.*]] iter_args(%{{.*}} = %{{.*}}) -> (vector<1x4x16xf32>)
// CHECK-NOT:         vector.reduction
// CHECK:             vector.transfer_read %{{.*}} : tensor<13x37xf32>, vector<4x16xf32>
// CHECK:             arith.mulf %{{.*}} : vector<4x16xf32>
// CHECK:             arith.addf %{{.*}} : vector<4x16xf32>
// CHECK:           } {mindc.k_loop}
// CHECK:           arith.mulf %{{.*}} : vector<4x5xf32>
// CHECK-COUNT-4:   vector.reduction <add>, %{{.*}} : vector<16xf32> into f32
// CHECK:         scf.for {{.*}} -> (vector<1x1x16xf32>)
// CHECK-NOT:     linalg.matmul
// CHECK-NOT:     linalg.transpose
func.func @matmul_rows_kernel(%a: tensor<2x37xf32>, %b: tensor<13x37xf32>) -> tensor<2x13xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x13xf32>
  %c = linalg.fill ins(%zero : f32) outs(%e : tensor<2x13xf32>) -> tensor<2x13xf32>
  %r = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
      ins(%a, %b : tensor<2x37xf32>, tensor<13x37xf32>) outs(%c : tensor<2x13xf32>) {mindc.kernel = "rows"} -> tensor<2x13xf32>
  return %r : tensor<2x13xf32>
}
