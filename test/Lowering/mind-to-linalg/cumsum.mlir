// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// A running sum is one linalg.generic with an extra reduction dim j along the axis: out[i]
// adds x[j] where j is on the summed side of i (here j <= i).
// CHECK-LABEL: func.func @cumsum_inclusive
// CHECK-SAME:    (%[[X:.*]]: tensor<4x3xf32>)
// CHECK:         %[[INIT:.*]] = linalg.fill
// CHECK:         linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction"]{{.*}} ins(%[[X]] : tensor<4x3xf32>) outs(%[[INIT]] : tensor<4x3xf32>)
// CHECK:           %[[I:.*]] = linalg.index 0 : index
// CHECK:           %[[J:.*]] = linalg.index 2 : index
// CHECK:           arith.cmpi sle, %[[J]], %[[I]] : index
// CHECK:           arith.select
// CHECK:           arith.addf
// CHECK-NOT:     mind.cumsum
func.func @cumsum_inclusive(%x: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %0 = "mind.cumsum"(%x) {axis = 0 : i64, exclusive = false, reverse = false} : (tensor<4x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// exclusive and reverse only change the comparison: j > i sums the elements after i.
// CHECK-LABEL: func.func @cumsum_exclusive_reverse
// CHECK:         %[[I:.*]] = linalg.index 1 : index
// CHECK:         %[[J:.*]] = linalg.index 2 : index
// CHECK:         arith.cmpi sgt, %[[J]], %[[I]] : index
func.func @cumsum_exclusive_reverse(%x: tensor<2x5xi32>) -> tensor<2x5xi32> {
  %0 = "mind.cumsum"(%x) {axis = -1 : i64, exclusive = true, reverse = true} : (tensor<2x5xi32>) -> tensor<2x5xi32>
  return %0 : tensor<2x5xi32>
}
