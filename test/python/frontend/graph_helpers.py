"""Shared checks of the graph-mode control-flow tests: float64 numpy references and central
differences."""
import numpy as np
from helpers import tol

import mindc

T = mindc.Tensor
EPS = 1e-6
GRAD_TOL = dict(rtol=1e-6, atol=1e-8)


def rand(*shape, dtype=np.float32, seed=0):
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


def close(got, want, dtype=np.float32):
    np.testing.assert_allclose(got.asnumpy() if isinstance(got, mindc.Tensor) else got, want, **tol(dtype))


def check_grads(fn, args, wrt, seed=0):
    """mindc.grad of jit(fn) (a scalar float64 function) against central differences, one random
    direction per differentiated argument."""
    jitted = mindc.jit(fn)
    grads = mindc.grad(jitted, grad_position=tuple(wrt))(*map(T, args))
    rng = np.random.default_rng(seed)
    for i, g in zip(wrt, grads):
        u = rng.standard_normal(np.shape(args[i]))
        shifted = [[a + s * EPS * u if k == i else a for k, a in enumerate(args)] for s in (1, -1)]
        plus, minus = (jitted(*map(T, a)).asnumpy() for a in shifted)
        np.testing.assert_allclose(np.sum(g.asnumpy() * u), (plus - minus) / (2 * EPS), **GRAD_TOL)
