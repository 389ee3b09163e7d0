// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// Softmax is stabilized by the max along the axis: a max reduction from -inf, a sum of
// exp(x - max), then exp(x - max) / sum. The middle axis is the reduction iterator and the
// reduced operands drop it from their maps.
// CHECK-DAG:   #[[FULL:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG:   #[[ROW:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @softmax_middle_axis
// CHECK-SAME:    (%[[X:.*]]: tensor<3x7x5xf32>)
// CHECK:         %[[LOWEST:.*]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[MAX_INIT:.*]] = linalg.fill ins(%[[LOWEST]] : f32)
// CHECK:         %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[FULL]], #[[ROW]]], iterator_types = ["parallel", "reduction", "parallel"]}
// CHECK-SAME:      ins(%[[X]] : tensor<3x7x5xf32>) outs(%[[MAX_INIT]] : tensor<3x5xf32>)
// CHECK:           arith.maximumf
// CHECK:         %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[FULL]], #[[ROW]], #[[ROW]]], iterator_types = ["parallel", "reduction", "parallel"]}
// CHECK-SAME:      ins(%[[X]], %[[MAX]] : tensor<3x7x5xf32>, tensor<3x5xf32>)
// CHECK:           %[[SHIFTED:.*]] = arith.subf
// CHECK:           %[[EXP:.*]] = math.exp %[[SHIFTED]]
// CHECK:           arith.addf %{{.*}}, %[[EXP]]
// CHECK:         %[[OUT:.*]] = linalg.generic {indexing_maps = [#[[FULL]], #[[ROW]], #[[ROW]], #[[FULL]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME:      ins(%[[X]], %[[MAX]], %[[SUM]] : tensor<3x7x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>)
// CHECK:           math.exp
// CHECK:           arith.divf
// CHECK-NOT:     mind.softmax
// CHECK:         return %[[OUT]]
func.func @softmax_middle_axis(%x: tensor<3x7x5xf32>) -> tensor<3x7x5xf32> {
  %0 = "mind.softmax"(%x) {axis = 1 : i64} : (tensor<3x7x5xf32>) -> tensor<3x7x5xf32>
  return %0 : tensor<3x7x5xf32>
}

// -----

// log_softmax reuses max and sum, then computes (x - max) - log(sum): no division, no exp of
// the output. A negative axis counts from the end.
// CHECK-LABEL: func.func @log_softmax_negative_axis
// CHECK:         %[[MAX:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK:         %[[SUM:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK:         linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]
// CHECK-SAME:      ins(%{{.*}}, %[[MAX]], %[[SUM]] : tensor<2x5xf64>, tensor<2xf64>, tensor<2xf64>)
// CHECK:           %[[SHIFTED:.*]] = arith.subf
// CHECK:           %[[LOG:.*]] = math.log
// CHECK:           arith.subf %[[SHIFTED]], %[[LOG]] : f64
// CHECK-NOT:       arith.divf
// CHECK:         return
func.func @log_softmax_negative_axis(%x: tensor<2x5xf64>) -> tensor<2x5xf64> {
  %0 = "mind.log_softmax"(%x) {axis = -1 : i64} : (tensor<2x5xf64>) -> tensor<2x5xf64>
  return %0 : tensor<2x5xf64>
}
