// RUN: not mind-opt %t.does-not-exist.mlir 2>&1 | FileCheck %s -DFILE=%t.does-not-exist.mlir --implicit-check-not=Traceback

// CHECK: error: could not open input file '[[FILE]]': No such file or directory
