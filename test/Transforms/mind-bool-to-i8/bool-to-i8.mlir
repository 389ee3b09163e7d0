// RUN: mind-opt %s --split-input-file --mind-bool-to-i8 | FileCheck %s

// Boolean tensors get byte storage; elements are still computed as i1, extended when yielded
// into a byte tensor and truncated when read from one.
// CHECK-LABEL: func.func @compare_and_select
// CHECK-SAME:    -> (tensor<4xi8>, tensor<4xf32>)
// CHECK:         %[[MASK:.*]] = linalg.generic
// CHECK-SAME:      outs(%{{.*}} : tensor<4xi8>)
// CHECK:           %[[LT:.*]] = arith.cmpf olt
// CHECK:           %[[BYTE:.*]] = arith.extui %[[LT]] : i1 to i8
// CHECK:           linalg.yield %[[BYTE]] : i8
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[MASK]], %{{.*}}, %{{.*}} : tensor<4xi8>, tensor<4xf32>, tensor<4xf32>)
// CHECK:         ^bb0(%[[IN:.*]]: i8,
// CHECK:           %[[BIT:.*]] = arith.trunci %[[IN]] : i8 to i1
// CHECK:           arith.select %[[BIT]]
// CHECK:         return %[[MASK]], %{{.*}} : tensor<4xi8>, tensor<4xf32>
#map = affine_map<(d0) -> (d0)>
func.func @compare_and_select(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xi1>, tensor<4xf32>) {
  %e = tensor.empty() : tensor<4xi1>
  %c = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%x, %y : tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4xi1>) {
  ^bb0(%a: f32, %b: f32, %o: i1):
    %lt = arith.cmpf olt, %a, %b : f32
    linalg.yield %lt : i1
  } -> tensor<4xi1>
  %e2 = tensor.empty() : tensor<4xf32>
  %s = linalg.generic {indexing_maps = [#map, #map, #map, #map], iterator_types = ["parallel"]} ins(%c, %x, %y : tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) outs(%e2 : tensor<4xf32>) {
  ^bb0(%p: i1, %a: f32, %b: f32, %o: f32):
    %v = arith.select %p, %a, %b : f32
    linalg.yield %v : f32
  } -> tensor<4xf32>
  return %c, %s : tensor<4xi1>, tensor<4xf32>
}

// -----

// Boolean constants become byte constants with the same values.
// CHECK-LABEL: func.func @bool_constant
// CHECK:         %[[C:.*]] = arith.constant dense<[1, 0, 1]> : tensor<3xi8>
// CHECK:         return %[[C]] : tensor<3xi8>
func.func @bool_constant() -> tensor<3xi1> {
  %c = arith.constant dense<[true, false, true]> : tensor<3xi1>
  return %c : tensor<3xi1>
}

// -----

// Functions without booleans are left alone.
// CHECK-LABEL: func.func @no_booleans
// CHECK-SAME:    (%[[X:.*]]: tensor<2xf32>) -> tensor<2xf32>
// CHECK-NEXT:    return %[[X]]
func.func @no_booleans(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}
