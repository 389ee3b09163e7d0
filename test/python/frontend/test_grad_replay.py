"""PyNative gradients of Cells reuse their last trace while it is known to repeat
(frontend/derived_run.py), and retrace when it is not: a side effect in construct, a rebound
attribute or Parameter, another mode. Gradients against float64 numpy at every step."""
from __future__ import annotations

import numpy as np
import pytest

import mindc
from mindc import nn, ops
from mindc.frontend import derived_run

T = mindc.Tensor
EXACT = dict(rtol=1e-12, atol=1e-12)


def rand(*shape, seed=0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


class Scaled(nn.Cell):
    """sum(tanh(x w) * scale): a Python float attribute, a Parameter, and a tensor made in construct."""

    def __init__(self, scale: float):
        super().__init__()
        self.scale = scale
        self.w = mindc.Parameter(rand(4, seed=1), name="w")

    def construct(self, x):
        return ops.sum(ops.tanh(x * self.w) * self.scale * T(np.array(2.0)))


def dw_numpy(x, w, scale):
    return (2 * scale * (1 - np.tanh(x * w) ** 2) * x).sum(0)


@pytest.fixture
def replays():
    """The replay cache's hit and miss counts since the test began, as a function."""
    derived_run.REPLAYS.clear()
    return lambda: (derived_run.REPLAYS.hits, derived_run.REPLAYS.misses)


def test_a_training_loop_replays_its_trace(replays):
    net = Scaled(1.5)
    x = rand(3, 4, seed=2)
    for step in range(4):
        w = net.w.asnumpy()
        (dw,) = mindc.grad(net, None, [net.w])(T(x))       # a fresh gradient function each step
        np.testing.assert_allclose(dw.asnumpy(), dw_numpy(x, w, 1.5), **EXACT)
        net.w.set_data(w - 0.1 * dw.asnumpy())
    assert replays() == (3, 1)


def test_rebinding_an_attribute_retraces(replays):
    net = Scaled(1.5)
    x = rand(3, 4, seed=3)
    mindc.grad(net, None, [net.w])(T(x))
    net.scale = 3.0
    (dw,) = mindc.grad(net, None, [net.w])(T(x))
    np.testing.assert_allclose(dw.asnumpy(), dw_numpy(x, net.w.asnumpy(), 3.0), **EXACT)
    net.w = mindc.Parameter(rand(4, seed=4), name="w")
    (dw,) = mindc.grad(net, None, [net.w])(T(x))
    np.testing.assert_allclose(dw.asnumpy(), dw_numpy(x, net.w.asnumpy(), 3.0), **EXACT)
    assert replays()[0] == 0


def test_a_construct_with_side_effects_is_traced_at_every_call(replays):
    class Counting(Scaled):
        def construct(self, x):
            self.calls = getattr(self, "calls", 0) + 1
            return super().construct(x) * self.calls

    net = Counting(1.0)
    x = rand(3, 4, seed=5)
    for calls in (1, 2, 3):
        (dw,) = mindc.grad(net, None, [net.w])(T(x))
        np.testing.assert_allclose(dw.asnumpy(), calls * dw_numpy(x, net.w.asnumpy(), 1.0), **EXACT)
    assert replays()[0] == 0


def test_training_mode_is_part_of_the_key(replays):
    class Dropped(nn.Cell):
        def __init__(self):
            super().__init__()
            self.drop = nn.Dropout(p=0.5)

        def construct(self, x):
            return ops.sum(self.drop(x) * x)

    net, x = Dropped(), rand(64, seed=6)
    net.set_train(False)
    np.testing.assert_allclose(mindc.grad(net)(T(x)).asnumpy(), 2 * x, **EXACT)
    net.set_train(True)
    masks = [mindc.grad(net)(T(x)).asnumpy() / x for _ in range(2)]
    # d/dx (drop(x) x) = 2 m x: m is 0 or 1/(1-p) = 2, and a new mask each step, replayed or not.
    assert all(set(np.round(m, 12)) <= {0.0, 4.0} for m in masks)
    assert not np.array_equal(masks[0], masks[1])
    net.set_train(False)
    np.testing.assert_allclose(mindc.grad(net)(T(x)).asnumpy(), 2 * x, **EXACT)
    assert replays() == (2, 2)


def test_replayed_steps_still_update_assigned_parameters(replays):
    # BatchNorm's moving mean is assigned by the program: a replayed trace writes it in place too.
    class Normed(nn.Cell):
        def __init__(self):
            super().__init__()
            self.bn = nn.BatchNorm2d(3, momentum=0.9)

        def construct(self, x):
            return ops.sum(self.bn(x * 2.0) ** 2)

    net = Normed()
    net.set_train(True)
    x = rand(2, 3, 4, 4, seed=7).astype(np.float32)
    mean = (2.0 * x.astype(np.float64)).mean(axis=(0, 2, 3))
    for step in range(1, 4):
        mindc.grad(net, None, net.trainable_params())(T(x))
        np.testing.assert_allclose(net.bn.moving_mean.asnumpy(), (1 - 0.9 ** step) * mean, rtol=1e-5, atol=1e-6)
    assert replays() == (2, 1)
