// RUN: mind-opt %s --split-input-file --mind-c-interface | FileCheck %s

// Public functions get a C interface and their tensor types are recorded on the module, so the
// runtime can marshal arguments after lowering erased the tensor types.
// CHECK:       module attributes {mind.entry_points = {add_one = (tensor<3xf32>) -> tensor<3xf32>}}
// CHECK-LABEL: func.func @add_one
// CHECK-SAME:    attributes {llvm.emit_c_interface}
// CHECK-LABEL: func.func private @helper
// CHECK-NOT:     llvm.emit_c_interface
func.func @add_one(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = func.call @helper(%x) : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
func.func private @helper(%x: tensor<3xf32>) -> tensor<3xf32> {
  return %x : tensor<3xf32>
}
