"""MindSpore's optimizer-update primitives, run inside mindc.jit for two steps (so the in-place
updates feed the next step), against float64 numpy updates."""
import numpy as np
import pytest

import mindc
from mindc.ops import operations as P

T = mindc.Tensor
# The steps compute in float32; the references in float64.
STEP_TOL = dict(rtol=1e-5, atol=1e-6)


def rand(shape=(5,), seed=0, low=None, high=None):
    rng = np.random.default_rng(seed)
    x = rng.uniform(low, high, shape) if low is not None else rng.standard_normal(shape)
    return x.astype(np.float32)


def params(*arrays):
    return [mindc.Parameter(a.copy(), name=f"p{i}") for i, a in enumerate(arrays)]


def grads(seed):
    return [rand(seed=seed + i) for i in range(2)]


@pytest.mark.parametrize("use_nesterov", [False, True])
def test_apply_momentum(use_nesterov):
    var0, acc0 = rand(seed=1), rand(seed=2)
    var, acc = params(var0, acc0)
    step = mindc.jit(lambda g: P.ApplyMomentum(use_nesterov=use_nesterov)(var, acc, 0.1, g, 0.9))
    want_var, want_acc = var0.astype(np.float64), acc0.astype(np.float64)
    for g in grads(3):
        # A compiled function returns values: the returned variable is the updated one.
        np.testing.assert_array_equal(step(T(g)).asnumpy(), var.asnumpy())
        want_acc = want_acc * 0.9 + g
        want_var = want_var - 0.1 * (g + 0.9 * want_acc if use_nesterov else want_acc)
    np.testing.assert_allclose(acc.asnumpy(), want_acc, **STEP_TOL)
    np.testing.assert_allclose(var.asnumpy(), want_var, **STEP_TOL)


def test_apply_gradient_descent():
    var0 = rand(seed=4)
    (var,) = params(var0)
    step = mindc.jit(lambda d: P.ApplyGradientDescent()(var, 0.05, d))
    want = var0.astype(np.float64)
    for d in grads(5):
        step(T(d))
        want = want - 0.05 * d
    np.testing.assert_allclose(var.asnumpy(), want, **STEP_TOL)


@pytest.mark.parametrize("use_nesterov", [False, True])
def test_adam(use_nesterov):
    var0, m0, v0 = rand(seed=6), rand(seed=7), rand(seed=8, low=0.1, high=1.0)
    var, m, v = params(var0, m0, v0)
    b1, b2, lr, eps = 0.9, 0.999, 0.01, 1e-8
    adam = P.Adam(use_nesterov=use_nesterov)
    step = mindc.jit(lambda t, g: adam(var, m, v, b1 ** t, b2 ** t, lr, b1, b2, eps, g))
    w, mm, vv = (a.astype(np.float64) for a in (var0, m0, v0))
    for t, g in enumerate(grads(9), start=1):
        out = step(t, T(g))
        for got, p in zip(out, (var, m, v)):
            np.testing.assert_array_equal(got.asnumpy(), p.asnumpy())
        mm = b1 * mm + (1 - b1) * g
        vv = b2 * vv + (1 - b2) * g * g
        lr_t = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
        direction = b1 * mm + (1 - b1) * g if use_nesterov else mm
        w = w - lr_t * direction / (np.sqrt(vv) + eps)
    for p, want in ((var, w), (m, mm), (v, vv)):
        np.testing.assert_allclose(p.asnumpy(), want, **STEP_TOL)


def test_adam_weight_decay():
    var0, m0, v0 = rand(seed=11), rand(seed=12), rand(seed=13, low=0.1, high=1.0)
    var, m, v = params(var0, m0, v0)
    step = mindc.jit(lambda g: P.AdamWeightDecay()(var, m, v, 0.01, 0.9, 0.99, 1e-6, 0.05, g))
    w, mm, vv = (a.astype(np.float64) for a in (var0, m0, v0))
    for g in grads(14):
        step(T(g))
        mm = 0.9 * mm + 0.1 * g
        vv = 0.99 * vv + 0.01 * g * g
        w = w - 0.01 * (mm / (np.sqrt(vv) + 1e-6) + 0.05 * w)
    for p, want in ((var, w), (m, mm), (v, vv)):
        np.testing.assert_allclose(p.asnumpy(), want, **STEP_TOL)


def test_updates_need_parameters():
    with pytest.raises(mindc.frontend.trace.OpError, match="Adam needs a Parameter as 'm', got Tensor"):
        P.Adam()(mindc.Parameter(rand(), name="w"), T(rand()), mindc.Parameter(rand(), name="v"),
                 0.9, 0.99, 0.01, 0.9, 0.999, 1e-8, T(rand()))
