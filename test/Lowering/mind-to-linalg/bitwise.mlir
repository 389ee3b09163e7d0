// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// Bitwise ops are elementwise maps onto arith's integer ops; invert is xor with all ones.
// CHECK-LABEL: func.func @bitwise
// CHECK:         linalg.generic
// CHECK:           arith.andi
// CHECK:         linalg.generic
// CHECK:           arith.xori
// CHECK:         linalg.generic
// CHECK:           %[[ONES:.*]] = arith.constant -1 : i32
// CHECK:           arith.xori %{{.*}}, %[[ONES]] : i32
// CHECK-NOT:     mind.
func.func @bitwise(%x: tensor<4xi32>, %y: tensor<4xi32>) -> tensor<4xi32> {
  %0 = "mind.bitwise_and"(%x, %y) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %1 = "mind.bitwise_xor"(%0, %y) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %2 = "mind.invert"(%1) : (tensor<4xi32>) -> tensor<4xi32>
  return %2 : tensor<4xi32>
}

