// RUN: mind-opt %s --split-input-file --mind-hoist-scalar-reads | FileCheck %s

// SGD's update reads the learning rate at every point: read it once, before the op.
// CHECK-LABEL: func.func @learning_rate_read_once
// CHECK-SAME:    (%[[W:.*]]: tensor<5x7xf32>, %[[G:.*]]: tensor<5x7xf32>, %[[LR:.*]]: tensor<f32>)
// CHECK:         %[[R:.*]] = tensor.extract %[[LR]][] : tensor<f32>
// CHECK:         linalg.generic
// CHECK-NOT:       tensor.extract
// CHECK:           arith.mulf %{{.*}}, %[[R]] : f32
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @learning_rate_read_once(%w: tensor<5x7xf32>, %g: tensor<5x7xf32>, %lr: tensor<f32>) -> tensor<5x7xf32> {
  %r = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%w, %g : tensor<5x7xf32>, tensor<5x7xf32>) outs(%w : tensor<5x7xf32>) {
  ^bb0(%x: f32, %d: f32, %o: f32):
    %s = tensor.extract %lr[] : tensor<f32>
    %m = arith.mulf %d, %s : f32
    %u = arith.subf %x, %m : f32
    linalg.yield %u : f32
  } -> tensor<5x7xf32>
  return %r : tensor<5x7xf32>
}

// -----

// An element that depends on the point (its index comes from linalg.index) stays in the body.
// CHECK-LABEL: func.func @indexed_read_stays
// CHECK:         linalg.generic
// CHECK:           %[[I:.*]] = linalg.index 0 : index
// CHECK:           tensor.extract %{{.*}}[%[[I]]] : tensor<5xf32>
#map1 = affine_map<(d0, d1) -> (d0, d1)>
func.func @indexed_read_stays(%w: tensor<5x7xf32>, %t: tensor<5xf32>) -> tensor<5x7xf32> {
  %r = linalg.generic {indexing_maps = [#map1], iterator_types = ["parallel", "parallel"]} outs(%w : tensor<5x7xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %s = tensor.extract %t[%i] : tensor<5xf32>
    %u = arith.addf %o, %s : f32
    linalg.yield %u : f32
  } -> tensor<5x7xf32>
  return %r : tensor<5x7xf32>
}
