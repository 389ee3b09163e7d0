"""Print the mind IR that mindc.jit traces for Python control flow on tensors (for
test/Frontend/control-flow.mlir): one module per function, separated by `// -----`."""
import numpy as np

import mindc
from mindc import ops

T = mindc.Tensor


def branch(x, y):
    if x.sum() > 0:
        z = ops.sin(x * y)
    else:
        z = ops.exp(y)
    return z


def grow(x):
    while x.sum() < 10.0:
        x = x * 2.0
    return x


def powers(x, n):
    acc = x
    for i in range(n):
        acc = acc * x + ops.cast(i, x.dtype)
    return acc


def loss(x, y):
    return ops.sum(branch(x, y))


x, y, n = T(np.ones(4, np.float32)), T(np.ones(4, np.float32)), T(np.int32(3))
modules = [mindc.jit(branch).lower(x, y), mindc.jit(grow).lower(x), mindc.jit(powers).lower(x, n),
           mindc.jit(mindc.grad(mindc.jit(loss))).lower(x, y)]
print("\n// -----\n".join(m.as_text() for m in modules))
