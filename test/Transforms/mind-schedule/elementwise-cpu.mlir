// RUN: mind-opt %s --split-input-file --pass-pipeline='builtin.module(mind-schedule{name=elementwise-cpu})' | FileCheck %s

// A stride-1 convolution with several input channels becomes tap loops (kh, kw, and channel
// blocks) around vector FMAs along the output width, its accumulator carried in registers.
// The output width 20 is not a multiple of the 16-column tile: the last 4 columns are a peeled,
// static remainder.
// CHECK-LABEL: func.func @conv_vectorized
// CHECK-NOT:     linalg.conv_2d_nchw_fchw
// CHECK:         scf.for
// CHECK:         vector.transfer_read {{.*}} vector<4x16xf32>
// CHECK:         scf.for {{.*}} iter_args({{.*}}) -> (vector<4x16xf32>)
// CHECK:         scf.for {{.*}} iter_args({{.*}}) -> (vector<4x16xf32>)
// CHECK-NOT:     vector.transfer_read {{.*}} vector<4x16xf32>
// CHECK:         vector.fma {{.*}} : vector<16xf32>
// CHECK:         vector.transfer_write {{.*}} vector<4x16xf32>
// CHECK:         vector.transfer_read {{.*}} vector<4x4xf32>
// CHECK:         vector.fma {{.*}} : vector<4xf32>
func.func @conv_vectorized(%x: tensor<2x3x9x22xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<2x4x7x20xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4x7x20xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4x7x20xf32>) -> tensor<2x4x7x20xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<2x3x9x22xf32>, tensor<4x3x3x3xf32>) outs(%init : tensor<2x4x7x20xf32>) -> tensor<2x4x7x20xf32>
  return %r : tensor<2x4x7x20xf32>
}

// -----

// One input channel has no channel sum: tiles of 8 filters x 16 columns, each of the kh x kw
// taps a broadcast weight times a row of x, added to the accumulator carried in registers.
// 11 filters (8 + 3) and 20 columns (16 + 4) leave static, peeled remainders in both dims.
// CHECK-LABEL: func.func @conv_one_channel
// CHECK-NOT:     linalg.conv_2d_nchw_fchw
// CHECK:         vector.transfer_read {{.*}} vector<8x16xf32>
// CHECK:         scf.for {{.*}} iter_args({{.*}}) -> (vector<8x16xf32>)
// CHECK:         scf.for {{.*}} iter_args({{.*}}) -> (vector<8x16xf32>)
// CHECK:         arith.mulf {{.*}} : vector<8x16xf32>
// CHECK:         vector.transfer_write {{.*}} vector<8x16xf32>
// CHECK:         vector<8x4xf32>
// CHECK:         vector<3x16xf32>
// CHECK:         vector<3x4xf32>
func.func @conv_one_channel(%x: tensor<2x1x9x22xf32>, %w: tensor<11x1x3x3xf32>) -> tensor<2x11x7x20xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x11x7x20xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x11x7x20xf32>) -> tensor<2x11x7x20xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : tensor<2x1x9x22xf32>, tensor<11x1x3x3xf32>) outs(%init : tensor<2x11x7x20xf32>) -> tensor<2x11x7x20xf32>
  return %r : tensor<2x11x7x20xf32>
}

// -----

// A strided convolution reads columns ow * 2 + kw, which no unit-stride vector covers: untouched.
// CHECK-LABEL: func.func @conv_strided_untouched
// CHECK:         linalg.conv_2d_nchw_fchw
// CHECK-NOT:     vector.
func.func @conv_strided_untouched(%x: tensor<2x3x9x9xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<2x4x4x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4x4x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4x4x4xf32>) -> tensor<2x4x4x4xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%x, %w : tensor<2x3x9x9xf32>, tensor<4x3x3x3xf32>) outs(%init : tensor<2x4x4x4xf32>) -> tensor<2x4x4x4xf32>
  return %r : tensor<2x4x4x4xf32>
}

// -----

// The rows of conv2d_backprop_filter (found by their mind.schedule attribute) accumulate whole
// kh x 16 blocks of output columns over n and oh in registers; the 21 columns are a block of 16
// and a peeled block of 5.
#dout = affine_map<(f, c, i, j, ow, n, oh) -> (n, f, oh, ow)>
#x = affine_map<(f, c, i, j, ow, n, oh) -> (n, c, oh + i, ow + j)>
#rows = affine_map<(f, c, i, j, ow, n, oh) -> (f, c, i, j, ow)>
// CHECK-LABEL: func.func @filter_rows_vectorized
// CHECK-NOT:     mind.schedule
// CHECK:         scf.for {{.*}} iter_args({{.*}}) -> (vector<3x16xf32>)
// CHECK:         scf.for {{.*}} iter_args({{.*}}) -> (vector<3x16xf32>)
// CHECK:         arith.addf {{.*}} fastmath<contract> : vector<3x16xf32>
// CHECK:         scf.for {{.*}} iter_args({{.*}}) -> (vector<3x5xf32>)
// CHECK:         scf.for {{.*}} iter_args({{.*}}) -> (vector<3x5xf32>)
// CHECK:         arith.addf {{.*}} fastmath<contract> : vector<3x5xf32>
func.func @filter_rows_vectorized(%dout: tensor<2x4x5x21xf32>, %x: tensor<2x3x7x23xf32>) -> tensor<4x3x3x3x21xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x3x3x3x21xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x3x3x3x21xf32>) -> tensor<4x3x3x3x21xf32>
  %r = linalg.generic {indexing_maps = [#dout, #x, #rows],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
      ins(%dout, %x : tensor<2x4x5x21xf32>, tensor<2x3x7x23xf32>) outs(%init : tensor<4x3x3x3x21xf32>)
      attrs = {mind.schedule = "conv-filter-rows"} {
  ^bb0(%d: f32, %v: f32, %acc: f32):
    %p = arith.mulf %d, %v fastmath<contract> : f32
    %s = arith.addf %acc, %p fastmath<contract> : f32
    linalg.yield %s : f32
  } -> tensor<4x3x3x3x21xf32>
  return %r : tensor<4x3x3x3x21xf32>
}
