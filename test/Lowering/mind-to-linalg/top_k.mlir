// RUN: mind-opt %s --mind-to-linalg | FileCheck %s

// TopK is two linalg.generics over (rows, i, j): the first counts the elements ahead of each one
// (larger, or equal at a smaller index) into an i32 rank, the second puts each element into the
// output slot of its rank, with its index.
// CHECK-LABEL: func.func @top_k
// CHECK-SAME:    (%[[X:.*]]: tensor<2x5xf32>)
// CHECK:         %[[RANKS:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction"]{{.*}} ins(%[[X]], %[[X]] : tensor<2x5xf32>, tensor<2x5xf32>) outs(%{{.*}} : tensor<2x5xi32>)
// CHECK:           arith.cmpf ogt
// CHECK:           arith.cmpi slt
// CHECK:           arith.extui
// CHECK:         %[[OUT:.*]]:2 = linalg.generic {{.*}} ins(%[[X]], %[[RANKS]] : tensor<2x5xf32>, tensor<2x5xi32>) outs(%{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<2x3xi32>)
// CHECK-NOT:     mind.top_k
// CHECK:         return %[[OUT]]#0, %[[OUT]]#1
func.func @top_k(%x: tensor<2x5xf32>) -> (tensor<2x3xf32>, tensor<2x3xi32>) {
  %v, %i = "mind.top_k"(%x) {k = 3 : i64} : (tensor<2x5xf32>) -> (tensor<2x3xf32>, tensor<2x3xi32>)
  return %v, %i : tensor<2x3xf32>, tensor<2x3xi32>
}
