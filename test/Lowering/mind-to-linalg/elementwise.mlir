// RUN: mind-opt %s --split-input-file --mind-to-linalg | FileCheck %s

// A unary op is one parallel linalg.generic whose body is the scalar op.
// CHECK-DAG:   #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @exp
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3xf32>)
// CHECK:         %[[INIT:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK:         %[[OUT:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:      ins(%[[X]] : tensor<2x3xf32>) outs(%[[INIT]] : tensor<2x3xf32>)
// CHECK:         ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      %[[E:.*]] = math.exp %[[IN]] : f32
// CHECK-NEXT:      linalg.yield %[[E]] : f32
// CHECK-NOT:     mind.exp
// CHECK:         return %[[OUT]]
func.func @exp(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "mind.exp"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Integer abs is max(x, 0 - x): math.absi has no lowering to LLVM here.
// CHECK-LABEL: func.func @abs_integer
// CHECK:         ^bb0(%[[IN:.*]]: i32, %{{.*}}: i32):
// CHECK:           %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK:           %[[NEG:.*]] = arith.subi %[[ZERO]], %[[IN]] : i32
// CHECK:           %[[ABS:.*]] = arith.maxsi %[[IN]], %[[NEG]] : i32
// CHECK:           linalg.yield %[[ABS]] : i32
// CHECK-NOT:     math.absi
func.func @abs_integer(%x: tensor<5xi32>) -> tensor<5xi32> {
  %0 = "mind.abs"(%x) : (tensor<5xi32>) -> tensor<5xi32>
  return %0 : tensor<5xi32>
}

// -----

// rsqrt is 1 / sqrt: math.rsqrt would become a call of rsqrt, which libm lacks.
// CHECK-LABEL: func.func @rsqrt
// CHECK:         ^bb0(%[[IN:.*]]: f64, %{{.*}}: f64):
// CHECK-DAG:       %[[ONE:.*]] = arith.constant 1.000000e+00 : f64
// CHECK-DAG:       %[[ROOT:.*]] = math.sqrt %[[IN]] : f64
// CHECK:           %[[R:.*]] = arith.divf %[[ONE]], %[[ROOT]] : f64
// CHECK:           linalg.yield %[[R]] : f64
// CHECK-NOT:     math.rsqrt
func.func @rsqrt(%x: tensor<5xf64>) -> tensor<5xf64> {
  %0 = "mind.rsqrt"(%x) : (tensor<5xf64>) -> tensor<5xf64>
  return %0 : tensor<5xf64>
}

// -----

// GeLU without approximation is 0.5 x (1 + erf(x / sqrt 2)).
// CHECK-LABEL: func.func @gelu_erf
// CHECK:         ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK:           %[[HX:.*]] = arith.mulf %[[HALF]], %[[IN]] : f32
// CHECK:           %[[SCALE:.*]] = arith.constant 0.707106769 : f32
// CHECK:           %[[ARG:.*]] = arith.mulf %[[IN]], %[[SCALE]] : f32
// CHECK:           %[[ERF:.*]] = math.erf %[[ARG]] : f32
// CHECK:           %[[SUM:.*]] = arith.addf %{{.*}}, %[[ERF]] : f32
// CHECK:           %[[OUT:.*]] = arith.mulf %[[HX]], %[[SUM]] : f32
// CHECK:           linalg.yield %[[OUT]] : f32
func.func @gelu_erf(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "mind.gelu"(%x) {approximate = "none"} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Integer Div truncates toward zero (C and MLIR semantics): arith.divsi.
// CHECK-LABEL: func.func @div_integer
// CHECK-SAME:    (%[[X:.*]]: tensor<4xi64>, %[[Y:.*]]: tensor<4xi64>)
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[X]], %[[Y]] : tensor<4xi64>, tensor<4xi64>)
// CHECK:         ^bb0(%[[A:.*]]: i64, %[[B:.*]]: i64, %{{.*}}: i64):
// CHECK-NEXT:      %[[Q:.*]] = arith.divsi %[[A]], %[[B]] : i64
// CHECK-NEXT:      linalg.yield %[[Q]] : i64
func.func @div_integer(%x: tensor<4xi64>, %y: tensor<4xi64>) -> tensor<4xi64> {
  %0 = "mind.div"(%x, %y) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// Float not_equal is unordered, so NaN != x is true as in numpy.
// CHECK-LABEL: func.func @not_equal_float
// CHECK:         ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: i1):
// CHECK-NEXT:      %[[NE:.*]] = arith.cmpf une, %[[A]], %[[B]] : f32
// CHECK-NEXT:      linalg.yield %[[NE]] : i1
// CHECK:         -> tensor<4xi1>
func.func @not_equal_float(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xi1> {
  %0 = "mind.not_equal"(%x, %y) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// Booleans order unsigned (false < true); a signed compare would read true as -1.
// CHECK-LABEL: func.func @less_bool
// CHECK:         ^bb0(%[[A:.*]]: i1, %[[B:.*]]: i1, %{{.*}}: i1):
// CHECK-NEXT:      %[[LT:.*]] = arith.cmpi ult, %[[A]], %[[B]] : i1
// CHECK-NEXT:      linalg.yield %[[LT]] : i1
func.func @less_bool(%x: tensor<4xi1>, %y: tensor<4xi1>) -> tensor<4xi1> {
  %0 = "mind.less"(%x, %y) : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// Integers keep the signed predicates.
// CHECK-LABEL: func.func @greater_equal_integer
// CHECK:         arith.cmpi sge, %{{.*}}, %{{.*}} : i8
func.func @greater_equal_integer(%x: tensor<4xi8>, %y: tensor<4xi8>) -> tensor<4xi1> {
  %0 = "mind.greater_equal"(%x, %y) : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// Select reads cond, x and y in one generic and yields arith.select.
// CHECK-LABEL: func.func @select
// CHECK-SAME:    (%[[C:.*]]: tensor<4xi1>, %[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[C]], %[[X]], %[[Y]] : tensor<4xi1>, tensor<4xf32>, tensor<4xf32>)
// CHECK:         ^bb0(%[[CV:.*]]: i1, %[[XV:.*]]: f32, %[[YV:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      %[[V:.*]] = arith.select %[[CV]], %[[XV]], %[[YV]] : f32
// CHECK-NEXT:      linalg.yield %[[V]] : f32
func.func @select(%c: tensor<4xi1>, %x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "mind.select"(%c, %x, %y) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Float to integer truncates toward zero, as numpy's astype: arith.fptosi.
// CHECK-LABEL: func.func @cast_float_to_integer
// CHECK:         ^bb0(%[[IN:.*]]: f32, %{{.*}}: i32):
// CHECK-NEXT:      %[[V:.*]] = arith.fptosi %[[IN]] : f32 to i32
// CHECK-NEXT:      linalg.yield %[[V]] : i32
func.func @cast_float_to_integer(%x: tensor<4xf32>) -> tensor<4xi32> {
  %0 = "mind.cast"(%x) {dtype = i32} : (tensor<4xf32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// A boolean becomes 0 or 1, never -1: arith.uitofp, not sitofp.
// CHECK-LABEL: func.func @cast_bool_to_float
// CHECK:         arith.uitofp %{{.*}} : i1 to f64
func.func @cast_bool_to_float(%x: tensor<4xi1>) -> tensor<4xf64> {
  %0 = "mind.cast"(%x) {dtype = f64} : (tensor<4xi1>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}
