"""mind.cumsum (MindSpore's CumSum) compiled and folded against a direct float64 sum over the
summed index range, its VJP against central differences, and its infer errors."""
import itertools

import numpy as np
import pytest
from helpers import check_vjp, run_op, tol

from mindc import emit
from mindc.ir import make_context
from mindc.rules.base import Attrs, RuleError, Sig, rule_for

FLAGS = list(itertools.product([False, True], repeat=2))


def cumsum64(x, axis, exclusive, reverse):
    """out[i] = sum of x[j] over j <= i, j < i, j >= i or j > i along axis, one sum at a time."""
    moved = np.moveaxis(x.astype(np.float64), axis, -1)
    n = moved.shape[-1]
    out = np.empty_like(moved)
    for i in range(n):
        js = [j for j in range(n) if (j >= i if reverse else j <= i) and not (exclusive and j == i)]
        out[..., i] = moved[..., js].sum(-1)
    return np.moveaxis(out, -1, axis)


@pytest.mark.parametrize("exclusive,reverse", FLAGS)
@pytest.mark.parametrize("axis", [0, -1])
def test_cumsum_matches_float64_sums(axis, exclusive, reverse):
    x = np.random.default_rng(0).standard_normal((4, 6)).astype(np.float32)
    want = cumsum64(x, axis, exclusive, reverse)
    attrs = dict(axis=axis, exclusive=exclusive, reverse=reverse)
    np.testing.assert_allclose(run_op("mind.cumsum", x, **attrs), want, **tol(np.float32))
    np.testing.assert_allclose(rule_for("mind.cumsum").fold(Attrs(attrs), x)[0], want, rtol=1e-5, atol=1e-6)


def test_integer_cumsum_is_exact():
    x = np.random.default_rng(1).integers(-50, 50, (3, 2, 5)).astype(np.int32)
    got = run_op("mind.cumsum", x, axis=1, exclusive=False, reverse=True)
    np.testing.assert_array_equal(got, cumsum64(x, 1, False, True).astype(np.int32))


@pytest.mark.parametrize("exclusive,reverse", FLAGS)
def test_cumsum_vjp_matches_finite_differences(exclusive, reverse):
    x = np.random.default_rng(2).standard_normal((3, 5))
    check_vjp("mind.cumsum", x, axis=1, exclusive=exclusive, reverse=reverse)


@pytest.mark.parametrize("sig,axis,message", [
    (Sig((2, 3), "f32"), 2, "axis 2 is out of range for rank 2"),
    (Sig((), "f32"), 0, "x must have rank at least 1"),
    (Sig((4,), "i1"), 0, "x must have element type"),
])
def test_cumsum_infer_rejects(sig, axis, message):
    with make_context(), pytest.raises(RuleError, match=message):
        emit.single_op_module("mind.cumsum", [sig], dict(axis=axis, exclusive=False, reverse=False))
