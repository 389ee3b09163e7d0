// RUN: mind-opt %s --split-input-file --mind-mark-parallel='threads=2 min-work=4096' | FileCheck %s
// RUN: mind-opt %s --split-input-file --mind-mark-parallel='threads=1 min-work=4096' | FileCheck %s --check-prefix=ONE

// An op is tagged when its work reaches min-work: a matmul's iteration space, m*n*k points
// (8*16*32 = 4096 here); the fill that starts it, 8*16 memory-bound points weighing 16 each
// (2048), is too small to pay for a dispatch.
// CHECK-LABEL: func.func @big_matmul_tagged
// CHECK:         linalg.fill ins(
// CHECK:         linalg.matmul {mindc.parallel}
// ONE-LABEL:   func.func @big_matmul_tagged
// ONE-NOT:       mindc.parallel
func.func @big_matmul_tagged(%a: tensor<8x32xf32>, %b: tensor<32x16xf32>) -> tensor<8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x16xf32>
  %c = linalg.fill ins(%zero : f32) outs(%e : tensor<8x16xf32>) -> tensor<8x16xf32>
  %r = linalg.matmul ins(%a, %b : tensor<8x32xf32>, tensor<32x16xf32>) outs(%c : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}

// -----

// One point short of min-work (15*16*17 = 4080): left to one thread.
// CHECK-LABEL: func.func @small_matmul_untagged
// CHECK-NOT:     mindc.parallel
func.func @small_matmul_untagged(%a: tensor<15x17xf32>, %b: tensor<17x16xf32>) -> tensor<15x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<15x16xf32>
  %c = linalg.fill ins(%zero : f32) outs(%e : tensor<15x16xf32>) -> tensor<15x16xf32>
  %r = linalg.matmul ins(%a, %b : tensor<15x17xf32>, tensor<17x16xf32>) outs(%c : tensor<15x16xf32>) -> tensor<15x16xf32>
  return %r : tensor<15x16xf32>
}

// -----

// Any structured op counts its loops from its indexing maps: a convolution's are
// (n, f, oh, ow, c, kh, kw) = 2*8*6*6*4*3*3 = 20736 points, reduction loops included.
// CHECK-LABEL: func.func @conv_tagged
// CHECK:         linalg.conv_2d_nchw_fchw {{{.*}}mindc.parallel
func.func @conv_tagged(%x: tensor<2x4x8x8xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<2x8x6x6xf32>) -> tensor<2x8x6x6xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<2x4x8x8xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<2x8x6x6xf32>) -> tensor<2x8x6x6xf32>
  return %r : tensor<2x8x6x6xf32>
}

// -----

// Elementwise ops and reductions are memory-bound: a point counts 16 multiply-adds of a product,
// so 8x32 = 256 points reach min-work (4096) and 15x17 = 255 do not.
// CHECK-LABEL: func.func @elementwise_weighed
// CHECK:         linalg.generic {{.*}} ins(%{{.*}} : tensor<8x32xf32>) {{.*}} attrs = {mindc.parallel}
// CHECK:         linalg.generic
// CHECK-NOT:       mindc.parallel
// CHECK:         return
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @elementwise_weighed(%a: tensor<8x32xf32>, %b: tensor<15x17xf32>) -> (tensor<8x32xf32>, tensor<15x17xf32>) {
  %ea = tensor.empty() : tensor<8x32xf32>
  %ra = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<8x32xf32>) outs(%ea : tensor<8x32xf32>) {
  ^bb0(%x: f32, %o: f32):
    %s = arith.addf %x, %x : f32
    linalg.yield %s : f32
  } -> tensor<8x32xf32>
  %eb = tensor.empty() : tensor<15x17xf32>
  %rb = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%b : tensor<15x17xf32>) outs(%eb : tensor<15x17xf32>) {
  ^bb0(%x: f32, %o: f32):
    %s = arith.addf %x, %x : f32
    linalg.yield %s : f32
  } -> tensor<15x17xf32>
  return %ra, %rb : tensor<8x32xf32>, tensor<15x17xf32>
}
