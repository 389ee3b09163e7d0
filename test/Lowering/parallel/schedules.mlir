// RUN: mind-opt %s --split-input-file --mind-schedule=name=matmul-cpu --mind-schedule=name=elementwise-cpu | FileCheck %s

// The schedules tag one outer tile loop of each op mind-mark-parallel tagged, for
// mind-parallel-loops. A matmul: the loop over 32-column panels of C inside each k block of 256
// (the blocks stay in order: they add into the same C). Its peeled remainder panel (4 columns)
// stays outside, and runs after the parallel part.
// CHECK-LABEL: func.func @matmul_panels
// CHECK:         scf.for %{{.*}} = %{{.*}} to %{{.*}} step %c256
// CHECK:           scf.for %{{.*}} = %{{.*}} to %c96 step %c32
// CHECK:             scf.for %{{.*}} = %{{.*}} to %c64 step %c8
// CHECK:               tensor.insert_slice {{.*}} [8, 32] [1, 1]
// CHECK:           } {mindc.parallel}
// CHECK:           scf.for %{{.*}} = %{{.*}} to %c64 step %c8
// CHECK:             tensor.insert_slice {{.*}} [8, 4] [1, 1]
// CHECK-NOT:       mindc.parallel
func.func @matmul_panels(%a: tensor<64x300xf32>, %b: tensor<300x100xf32>) -> tensor<64x100xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x100xf32>
  %c = linalg.fill ins(%zero : f32) outs(%e : tensor<64x100xf32>) -> tensor<64x100xf32>
  %r = linalg.matmul {mindc.parallel} ins(%a, %b : tensor<64x300xf32>, tensor<300x100xf32>) outs(%c : tensor<64x100xf32>) -> tensor<64x100xf32>
  return %r : tensor<64x100xf32>
}

// -----

// Untagged, the same product gets the same loops and no tag.
// CHECK-LABEL: func.func @matmul_untagged
// CHECK-NOT:     mindc.parallel
func.func @matmul_untagged(%a: tensor<64x300xf32>, %b: tensor<300x100xf32>) -> tensor<64x100xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x100xf32>
  %c = linalg.fill ins(%zero : f32) outs(%e : tensor<64x100xf32>) -> tensor<64x100xf32>
  %r = linalg.matmul ins(%a, %b : tensor<64x300xf32>, tensor<300x100xf32>) outs(%c : tensor<64x100xf32>) -> tensor<64x100xf32>
  return %r : tensor<64x100xf32>
}

// -----

// A batch_matmul: the loop over the batch, outermost.
// CHECK-LABEL: func.func @batch_matmul_batches
// CHECK:         scf.for %{{.*}} = %{{.*}} to %c3 step %c1
// CHECK:           scf.for %{{.*}} = %{{.*}} to %c16 step %c8
// CHECK:             tensor.insert_slice {{.*}} [1, 8, 32] [1, 1, 1]
// CHECK:         } {mindc.parallel}
func.func @batch_matmul_batches(%a: tensor<3x16x8xf32>, %b: tensor<3x8x32xf32>) -> tensor<3x16x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3x16x32xf32>
  %c = linalg.fill ins(%zero : f32) outs(%e : tensor<3x16x32xf32>) -> tensor<3x16x32xf32>
  %r = linalg.batch_matmul {mindc.parallel} ins(%a, %b : tensor<3x16x8xf32>, tensor<3x8x32xf32>) outs(%c : tensor<3x16x32xf32>) -> tensor<3x16x32xf32>
  return %r : tensor<3x16x32xf32>
}

// -----

// A convolution (generalized by its schedule, which drops the tag: the schedule counts it
// first): the loop over images, outermost; each image's outputs are its own.
// CHECK-LABEL: func.func @conv_images
// CHECK:         scf.for %{{.*}} = %{{.*}} to %c2 step %c1
// CHECK:           vector.fma
// CHECK:         } {mindc.parallel}
func.func @conv_images(%x: tensor<2x4x8x8xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<2x8x6x6xf32>) -> tensor<2x8x6x6xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, mindc.parallel, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<2x4x8x8xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<2x8x6x6xf32>) -> tensor<2x8x6x6xf32>
  return %r : tensor<2x8x6x6xf32>
}

// -----

// Untagged, a convolution's loops carry no tag.
// CHECK-LABEL: func.func @conv_untagged
// CHECK-NOT:     mindc.parallel
func.func @conv_untagged(%x: tensor<2x4x8x8xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<2x8x6x6xf32>) -> tensor<2x8x6x6xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<2x4x8x8xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<2x8x6x6xf32>) -> tensor<2x8x6x6xf32>
  return %r : tensor<2x8x6x6xf32>
}

// -----

// A tagged elementwise op: a loop over its rows, each row one linalg.generic as before.
// CHECK-LABEL: func.func @elementwise_rows
// CHECK:         scf.for %[[I:.*]] = %{{.*}} to %c64 step %c1
// CHECK:           linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<1x300xf32>, tensor<1x300xf32>)
// CHECK:           tensor.insert_slice %{{.*}} into %{{.*}}[%[[I]], 0] [1, 300] [1, 1]
// CHECK:         } {mindc.parallel}
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @elementwise_rows(%a: tensor<64x300xf32>, %b: tensor<64x300xf32>) -> tensor<64x300xf32> {
  %e = tensor.empty() : tensor<64x300xf32>
  %r = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%a, %b : tensor<64x300xf32>, tensor<64x300xf32>) outs(%e : tensor<64x300xf32>) attrs = {mindc.parallel} {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<64x300xf32>
  return %r : tensor<64x300xf32>
}

// -----

// A sum over the first dimension has no independent rows (splitting it would race on the
// sums): it stays one op, as does a tagged op of rank 1.
// CHECK-LABEL: func.func @column_sums_stay
// CHECK-NOT:     scf.for
// CHECK:         linalg.generic
// CHECK-NOT:     scf.for
// CHECK:         linalg.generic
// CHECK-NOT:     scf.for
#in = affine_map<(d0, d1) -> (d0, d1)>
#col = affine_map<(d0, d1) -> (d1)>
#id = affine_map<(d0) -> (d0)>
func.func @column_sums_stay(%a: tensor<64x300xf32>, %init: tensor<300xf32>) -> tensor<300xf32> {
  %s = linalg.generic {indexing_maps = [#in, #col], iterator_types = ["reduction", "parallel"]}
      ins(%a : tensor<64x300xf32>) outs(%init : tensor<300xf32>) attrs = {mindc.parallel} {
  ^bb0(%x: f32, %acc: f32):
    %t = arith.addf %x, %acc : f32
    linalg.yield %t : f32
  } -> tensor<300xf32>
  %d = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%s : tensor<300xf32>) outs(%init : tensor<300xf32>) attrs = {mindc.parallel} {
  ^bb0(%x: f32, %o: f32):
    %t = arith.addf %x, %x : f32
    linalg.yield %t : f32
  } -> tensor<300xf32>
  return %d : tensor<300xf32>
}
