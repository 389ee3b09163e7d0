"""mind.random_uniform (counter-based uniform numbers), ops.dropout and nn.Dropout: values in [0, 1)
that are uniform, a pure function of (seed, key), fresh masks per call and reproducible seeds."""
from __future__ import annotations

import numpy as np
import pytest
from helpers import run_op

import mindc
from mindc import nn, ops
from mindc.ops.random import dropout
from mindc.rules.base import NotDifferentiable, all_rules, numpy_dtype
from mindc.rules.random import mix64, reference


def uniform(key: int, shape, seed: int = 42, dtype: str = "f32") -> np.ndarray:
    return run_op("mind.random_uniform", np.array(key, np.int64), shape=shape, seed=seed, dtype=dtype)


@pytest.mark.parametrize("dtype", ["f32", "f64", "f16", "bf16"])
def test_random_uniform_is_uniform_in_unit_interval(dtype):
    u = uniform(7, (64, 128), dtype=dtype)
    assert u.dtype == numpy_dtype(dtype)
    u = u.astype(np.float64)
    assert u.min() >= 0 and u.max() < 1
    assert abs(float(u.astype(np.float64).mean()) - 0.5) < 0.01
    assert abs(float(u.astype(np.float64).var()) - 1 / 12) < 0.003
    # Each tenth of [0, 1) holds about a tenth of the values (8192 draws: a bin's std is ~27).
    counts = np.histogram(u.astype(np.float64), bins=10, range=(0, 1))[0]
    assert np.abs(counts - u.size / 10).max() < 150


def test_random_uniform_equals_numpy_reference_bit_for_bit():
    for key, seed, shape in [(0, 0, (5,)), (3, -9, (2, 3, 4)), (-1, 2 ** 62, ()), (12345, 42, (1, 7))]:
        np.testing.assert_array_equal(uniform(key, shape, seed), reference(seed, key, shape, "f32"))
    np.testing.assert_array_equal(uniform(5, (9,), 1, "f64"), reference(1, 5, (9,), "f64"))


def test_same_key_same_values_other_key_or_seed_other_values():
    a, b = uniform(1, (1000,)), uniform(1, (1000,))
    np.testing.assert_array_equal(a, b)
    for other in (uniform(2, (1000,)), uniform(1, (1000,), seed=43)):
        assert np.mean(a == other) < 0.01
        # Different streams are uncorrelated.
        assert abs(np.corrcoef(a, other)[0, 1]) < 0.1


def test_neighbouring_elements_are_uncorrelated():
    u = uniform(0, (4096,)).astype(np.float64)
    assert abs(np.corrcoef(u[:-1], u[1:])[0, 1]) < 0.05


def test_splitmix64_finalizer_matches_published_values():
    # splitmix64 from state 0: the first outputs are mix64(GAMMA), mix64(2 GAMMA) (Vigna's reference).
    assert mix64(0x9E3779B97F4A7C15) == 0xE220A8397B1DCDAF
    assert mix64(2 * 0x9E3779B97F4A7C15) == 0x6E789E6AA1B965F4


def test_random_uniform_with_a_constant_key_folds_to_the_same_values():
    # mind-canonicalize folds it through the rule's numpy reference: the graph holds a constant.
    from mindc.ops._base import one

    step = mindc.jit(lambda x: x + one("mind.random_uniform", [mindc.Tensor(np.array(3, np.int64))],
                                       {"shape": (2, 3), "seed": 5, "dtype": "f32"}))
    zeros = mindc.Tensor(np.zeros((2, 3), np.float32))
    assert "arith.constant dense<" in step.lower(zeros).as_text("linalg")
    np.testing.assert_array_equal(step(zeros).asnumpy(), uniform(3, (2, 3), seed=5))


def test_random_uniform_is_not_differentiable():
    assert isinstance(all_rules()["mind.random_uniform"].vjp, NotDifferentiable)


# ---- ops.dropout


def test_functional_dropout_masks_and_scales():
    x = np.random.default_rng(0).uniform(1, 2, (40, 50)).astype(np.float32)
    out = dropout(mindc.Tensor(x), p=0.3, seed=5).asnumpy()
    dropped = out == 0
    assert abs(dropped.mean() - 0.3) < 0.03
    np.testing.assert_allclose(out[~dropped], x[~dropped] / 0.7, rtol=1e-6)
    np.testing.assert_array_equal(dropout(mindc.Tensor(x), p=0.3, training=False).asnumpy(), x)
    np.testing.assert_array_equal(dropout(mindc.Tensor(x), p=0.0).asnumpy(), x)
    np.testing.assert_array_equal(dropout(mindc.Tensor(x), p=1.0).asnumpy(), np.zeros_like(x))


def test_functional_dropout_in_a_jitted_function_draws_a_new_mask_each_call():
    step = mindc.jit(lambda x: dropout(x, 0.5, seed=11))
    x = mindc.Tensor(np.ones((16, 16), np.float32))
    first, second = step(x).asnumpy(), step(x).asnumpy()
    assert step.cache_info().misses == 1
    assert not np.array_equal(first, second)
    assert set(np.unique(first)) <= {0.0, 2.0}


def test_functional_dropout_is_new_each_call_and_reproducible_after_set_seed():
    x = mindc.Tensor(np.ones((8, 8), np.float32))

    def masks():
        mindc.set_seed(9)
        return [dropout(x).asnumpy() for _ in range(2)]

    first, second = masks(), masks()
    assert not np.array_equal(first[0], first[1])
    for a, b in zip(first, second):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("kwargs,error,match", [
    (dict(p=1.5), ValueError, r"'p' must be in \[0, 1\]"),
    (dict(p="0.5"), TypeError, "'p' must be a float"),
    (dict(seed=1.0), TypeError, "'seed' must be an int or None"),
])
def test_functional_dropout_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        dropout(mindc.Tensor(np.ones(3, np.float32)), **kwargs)


def test_dropout_of_an_integer_tensor_is_a_type_error():
    with pytest.raises(TypeError, match="float input"):
        dropout(mindc.Tensor(np.ones(3, np.int32)))


# ---- nn.Dropout


def test_dropout_cell_defaults():
    d = nn.Dropout()
    assert d.p == 0.5 and d.keep_prob == 0.5
    assert nn.Dropout(keep_prob=0.8).p == pytest.approx(0.2)
    assert nn.Dropout(p=0.1).p == 0.1
    assert repr(nn.Dropout(p=0.25)) == "Dropout<p=0.25>"
    # The random key is no model state: not a parameter, not in checkpoints.
    assert list(d.parameters_dict()) == [] and d.trainable_params() == []


def test_dropout_cell_eval_is_identity():
    x = np.random.default_rng(1).standard_normal((4, 6)).astype(np.float32)
    d = nn.Dropout(p=0.5)
    np.testing.assert_array_equal(d(mindc.Tensor(x)).asnumpy(), x)


@pytest.mark.usefixtures("graph_mode")
def test_dropout_cell_train_drops_p_scales_and_draws_fresh_masks():
    x = np.random.default_rng(2).uniform(0.5, 1.5, (64, 64)).astype(np.float32)
    d = nn.Dropout(p=0.25).set_train()
    outs = [d(mindc.Tensor(x)).asnumpy() for _ in range(3)]
    for out in outs:
        kept = out != 0
        assert abs(1 - kept.mean() - 0.25) < 0.02
        np.testing.assert_allclose(out[kept], x[kept] / 0.75, rtol=1e-6)
    assert not np.array_equal(outs[0] != 0, outs[1] != 0)
    assert not np.array_equal(outs[1] != 0, outs[2] != 0)
    assert d.compile_cache_info().misses == 1   # one graph; the key is an argument, updated in place


def test_dropout_cell_masks_are_reproducible_after_set_seed():
    x = mindc.Tensor(np.ones((8, 8), np.float32))

    def masks():
        mindc.set_seed(7)
        d1, d2 = nn.Dropout(p=0.5).set_train(), nn.Dropout(p=0.5).set_train()
        return [d1(x).asnumpy(), d1(x).asnumpy(), d2(x).asnumpy()]

    first, second = masks(), masks()
    for a, b in zip(first, second):
        np.testing.assert_array_equal(a, b)
    # Two Dropout cells draw different seeds, so different masks.
    assert not np.array_equal(first[0], first[2])


def test_dropout_cell_gradient_is_the_mask():
    x = np.random.default_rng(3).standard_normal((6, 5))
    d = nn.Dropout(p=0.5).set_train()

    def f(t):
        return ops.sum(d(t) * 3.0)

    mindc.set_seed(0)
    value, g = mindc.value_and_grad(f)(mindc.Tensor(x))
    # The gradient is 3 * mask, where mask (0 or 2) is the one the call drew.
    mask = g.asnumpy() / 3.0
    assert set(np.unique(mask)) <= {0.0, 2.0}
    np.testing.assert_allclose(value.asnumpy(), np.sum(3.0 * x * mask), rtol=1e-12)


@pytest.mark.parametrize("kwargs,error,match", [
    (dict(p=1.0), ValueError, r"'p' must be in \[0, 1\)"),
    (dict(p=-0.1), ValueError, r"'p' must be in \[0, 1\)"),
    (dict(keep_prob=0.0), ValueError, r"'keep_prob' must be in \(0, 1\]"),
    (dict(p="x"), TypeError, "'p' must be a float"),
])
def test_dropout_cell_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        nn.Dropout(**kwargs)
