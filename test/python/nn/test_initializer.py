"""Weight initializers and the global seed: aliases, shapes, MindSpore's fans and bounds, statistics
of the draws, reproducibility after set_seed, and argument errors."""
from __future__ import annotations

import math

import numpy as np
import pytest

import mindc
from mindc.common import (Constant, HeNormal, HeUniform, Initializer, Normal, One, TruncatedNormal, Uniform,
                          XavierNormal, XavierUniform, Zero, get_seed, initializer, set_seed)
from mindc.common.initializer import _calculate_fan_in_and_fan_out
from mindc.common.seed import generator, op_seed

# Large enough that sample statistics are within a few percent.
BIG = (200, 100)


@pytest.mark.parametrize("name,cls", [
    ("zeros", Zero), ("ones", One), ("normal", Normal), ("uniform", Uniform), ("truncatedNormal", TruncatedNormal),
    ("truncatednormal", TruncatedNormal), ("xavier_uniform", XavierUniform), ("xavier_normal", XavierNormal),
    ("he_uniform", HeUniform), ("he_normal", HeNormal), ("HeUniform", HeUniform), ("Zero", Zero),
])
def test_string_aliases_pick_mindspore_classes(name, cls):
    set_seed(3)
    by_name = initializer(name, (4, 5)).asnumpy()
    set_seed(3)
    by_instance = initializer(cls(), (4, 5)).asnumpy()
    np.testing.assert_array_equal(by_name, by_instance)


def test_initializer_shape_and_dtype():
    t = initializer("normal", (2, 3, 4), mindc.float64)
    assert isinstance(t, mindc.Tensor) and t.shape == (2, 3, 4) and t.dtype == mindc.float64
    assert initializer("zeros", 5).shape == (5,)
    assert initializer("ones", [2, 2], mindc.int32).asnumpy().tolist() == [[1, 1], [1, 1]]
    assert initializer("ones", (2,)).dtype == mindc.float32


def test_numbers_and_constant_fill():
    np.testing.assert_array_equal(initializer(2.5, (2, 2)).asnumpy(), np.full((2, 2), 2.5, np.float32))
    np.testing.assert_array_equal(initializer(Constant(-3), (3,), mindc.int32).asnumpy(), [-3, -3, -3])
    np.testing.assert_array_equal(initializer(Zero(), (2,)).asnumpy(), [0, 0])
    np.testing.assert_array_equal(initializer(One(), (2,)).asnumpy(), [1, 1])


def test_tensor_and_array_inits_are_copied_and_shape_checked():
    a = np.arange(6, dtype=np.float64).reshape(2, 3)
    t = initializer(a, (2, 3), mindc.float32)
    a[0, 0] = 100
    assert t.dtype == mindc.float32 and t.asnumpy()[0, 0] == 0
    np.testing.assert_array_equal(initializer(mindc.Tensor(a)).asnumpy(), a)
    with pytest.raises(ValueError, match=r"init has shape \[2, 3\], but shape is \[3, 2\]"):
        initializer(a, (3, 2))


def test_fans_follow_mindspore():
    assert _calculate_fan_in_and_fan_out((5, 3)) == (3, 5)
    assert _calculate_fan_in_and_fan_out((16, 8, 3, 3)) == (72, 144)
    with pytest.raises(ValueError, match="fewer than 2 dimensions"):
        _calculate_fan_in_and_fan_out((4,))


def test_normal_and_uniform_statistics():
    set_seed(0)
    x = initializer(Normal(sigma=0.5, mean=1.0), BIG, mindc.float64).asnumpy()
    assert abs(x.mean() - 1.0) < 0.02 and abs(x.std() - 0.5) < 0.02
    x = initializer("normal", BIG, mindc.float64).asnumpy()
    assert abs(x.std() - 0.01) < 0.0005
    u = initializer(Uniform(scale=0.3), BIG, mindc.float64).asnumpy()
    assert -0.3 <= u.min() < -0.29 and 0.29 < u.max() <= 0.3 and abs(u.mean()) < 0.01
    u = initializer("uniform", BIG, mindc.float64).asnumpy()
    assert 0.069 < np.abs(u).max() <= 0.07


def test_truncated_normal_stays_in_bounds():
    set_seed(1)
    x = initializer(TruncatedNormal(sigma=1.0), BIG, mindc.float64).asnumpy()
    assert x.min() >= -2 and x.max() <= 2 and x.max() > 1.9
    # The standard normal truncated to [-2, 2] has std 0.8796.
    assert abs(x.std() - 0.8796) < 0.02
    y = initializer(TruncatedNormal(sigma=1.0, mean=0.5, a=0.0, b=1.0), BIG, mindc.float64).asnumpy()
    assert y.min() >= 0 and y.max() <= 1


@pytest.mark.parametrize("shape", [(30, 40), (16, 8, 3, 3)])
def test_xavier_bounds_and_std(shape):
    fan_in, fan_out = _calculate_fan_in_and_fan_out(shape)
    set_seed(2)
    u = initializer(XavierUniform(gain=2.0), shape, mindc.float64).asnumpy()
    bound = 2.0 * math.sqrt(6.0 / (fan_in + fan_out))
    assert np.abs(u).max() <= bound and np.abs(u).max() > 0.95 * bound
    n = initializer(XavierNormal(), (400, 300), mindc.float64).asnumpy()
    assert abs(n.std() / math.sqrt(2.0 / 700) - 1) < 0.02


def test_he_uniform_default_dense_bound_is_one_over_sqrt_fan_in():
    # HeUniform(sqrt(5)) with leaky_relu gain sqrt(2/6): bound sqrt(3) * gain / sqrt(fan_in) = 1/sqrt(fan_in).
    set_seed(4)
    w = initializer(HeUniform(math.sqrt(5)), (50, 36), mindc.float64).asnumpy()
    assert np.abs(w).max() <= 1 / 6 and np.abs(w).max() > 0.95 / 6


def test_he_normal_modes_and_nonlinearities():
    set_seed(5)
    w = initializer(HeNormal(mode="fan_out", nonlinearity="relu"), (300, 20, 2, 2), mindc.float64).asnumpy()
    assert abs(w.std() / (math.sqrt(2.0) / math.sqrt(300 * 4)) - 1) < 0.03
    w = initializer(HeNormal(), (400, 250), mindc.float64).asnumpy()   # leaky_relu, slope 0: gain sqrt(2)
    assert abs(w.std() / math.sqrt(2.0 / 250) - 1) < 0.03
    w = initializer(HeUniform(nonlinearity="tanh"), (400, 250), mindc.float64).asnumpy()
    assert np.abs(w).max() <= math.sqrt(3) * 5 / 3 / math.sqrt(250)


def test_set_seed_makes_draws_reproducible_and_successive_draws_differ():
    set_seed(123)
    assert get_seed() == 123
    a, b = initializer("normal", (8,)).asnumpy(), initializer("normal", (8,)).asnumpy()
    seeds = op_seed(), op_seed()
    set_seed(123)
    a2, b2 = initializer("normal", (8,)).asnumpy(), initializer("normal", (8,)).asnumpy()
    np.testing.assert_array_equal(a, a2)
    np.testing.assert_array_equal(b, b2)
    assert not np.array_equal(a, b)
    assert (op_seed(), op_seed()) == seeds and seeds[0] != seeds[1] and 0 <= min(seeds)
    assert isinstance(generator(), np.random.Generator)


def test_custom_initializer_subclass():
    class Arange(Initializer):
        def _initialize(self, arr):
            arr[...] = np.arange(arr.size).reshape(arr.shape)

    np.testing.assert_array_equal(initializer(Arange(), (2, 2)).asnumpy(), [[0, 1], [2, 3]])
    assert repr(HeUniform(negative_slope=1)) == "HeUniform(negative_slope=1, mode='fan_in', nonlinearity='leaky_relu')"


@pytest.mark.parametrize("call,error,match", [
    (lambda: initializer("gaussian", (2,)), ValueError, "unknown initializer 'gaussian'"),
    (lambda: initializer(object(), (2,)), TypeError, "init must be an Initializer"),
    (lambda: initializer("normal"), ValueError, "shape must be given"),
    (lambda: initializer("normal", (2, -1)), ValueError, "shape must hold ints >= 0"),
    (lambda: HeUniform(mode="fan_avg"), ValueError, "mode must be 'fan_in' or 'fan_out'"),
    (lambda: HeNormal(nonlinearity="swish"), ValueError, "nonlinearity must be one of"),
    (lambda: Normal(sigma=-1), ValueError, "sigma must be >= 0"),
    (lambda: Normal(sigma="1"), TypeError, "sigma must be a number"),
    (lambda: TruncatedNormal(a=1, b=0), ValueError, "a must be less than b"),
    (lambda: initializer("xavier_uniform", (5,)), ValueError, "fewer than 2 dimensions"),
    (lambda: set_seed(-1), ValueError, "seed must be >= 0"),
    (lambda: set_seed(1.5), TypeError, "seed must be an int"),
])
def test_bad_arguments_raise_naming_the_argument(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_parameter_clone_uses_initializer():
    p = mindc.Parameter(np.ones((2, 3), np.float32), name="w")
    assert np.all(p.clone(init="zeros").asnumpy() == 0)
