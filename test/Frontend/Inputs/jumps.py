"""Print the mind IR that mindc.jit traces for break, return and switch_layer under tensor
conditions (for test/Frontend/break-return.mlir and switch-layer.mlir): one module per function,
separated by `// -----`."""
import sys

import numpy as np

import mindc
from mindc import ops

T = mindc.Tensor


def until_big(x, n):
    i = n * 0
    while i < n:
        x = x * 2.0
        if x.sum() > 10.0:
            break
        i += 1
    return x


def first_big(x, n):
    for i in range(n):
        x = x * 2.0
        if x.sum() > 10.0:
            return x
    return -x


def switch(x, i):
    return (ops.sin, ops.exp, ops.tanh)[i](x)


def loss(x, i):
    return ops.sum(switch(x, i))


x, n, i = T(np.ones(4, np.float32)), T(np.int32(3)), T(np.int32(1))
modules = {"break": [mindc.jit(until_big).lower(x, n), mindc.jit(first_big).lower(x, n)],
           "switch": [mindc.jit(switch).lower(x, i), mindc.jit(mindc.grad(mindc.jit(loss))).lower(x, i)]}
print("\n// -----\n".join(m.as_text() for m in modules[sys.argv[1]]))
