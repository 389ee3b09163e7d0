"""Reductions, argmax and argmin compiled through the CPU pipeline, against float64 numpy; their
constant folds; and the axis errors their rules report."""
import re

import numpy as np
import pytest
from helpers import run_op, tol

from mindc import emit
from mindc.ir import DIALECT_FILE, make_context
from mindc.rules.base import Attrs, Kind, RuleError, Sig, rule_for

REFERENCES = {"reduce_sum": np.sum, "reduce_mean": np.mean, "reduce_max": np.max, "reduce_min": np.min,
              "reduce_prod": np.prod}


def sample(rng, shape, dtype):
    """Nonzero values; for prod, near 1 in magnitude, so f32 products neither vanish nor blow up."""
    if np.issubdtype(dtype, np.integer):
        return (rng.integers(1, 4, shape) * rng.choice([-1, 1], shape)).astype(dtype)
    return (rng.uniform(0.6, 1.4, shape) * rng.choice([-1, 1], shape)).astype(dtype)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("op", sorted(REFERENCES))
@pytest.mark.parametrize("axis,keep_dims", [((0, -1), False), ((), True), ((1,), True)])
def test_reduce_matches_float64_numpy(op, dtype, axis, keep_dims):
    x = sample(np.random.default_rng(0), (3, 1, 7, 5), dtype)
    got = run_op(f"mind.{op}", x, axis=axis, keep_dims=keep_dims)
    want = REFERENCES[op](x.astype(np.float64), axis=axis or None, keepdims=keep_dims)
    assert got.shape == np.shape(want)
    np.testing.assert_allclose(got, want, **tol(dtype))


@pytest.mark.parametrize("dtype", [np.int32, np.int64])
@pytest.mark.parametrize("op", sorted(REFERENCES))
def test_integer_reduce_matches_numpy(op, dtype):
    x = sample(np.random.default_rng(1), (2, 7, 3), dtype)
    got = run_op(f"mind.{op}", x, axis=(1,), keep_dims=False)
    want = REFERENCES[op](x.astype(np.float64), axis=1)
    # Integer mean truncates toward zero, as integer mind.div does.
    want = np.trunc(want) if op == "reduce_mean" else want
    assert got.dtype == dtype
    np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("op,reference", [("argmax", np.argmax), ("argmin", np.argmin)])
@pytest.mark.parametrize("dtype,axis", [(np.float32, 1), (np.float64, -1), (np.int32, 0)])
def test_arg_extreme_picks_first_index_like_numpy(op, reference, dtype, axis):
    # Four distinct values over 7x11 cells: many ties, which must resolve to the first index.
    x = np.random.default_rng(2).choice([-2, -1, 1, 3], (7, 11, 3)).astype(dtype)
    got = run_op(f"mind.{op}", x, axis=axis)
    assert got.dtype == np.int32
    np.testing.assert_array_equal(got, reference(x, axis=axis))


@pytest.mark.parametrize("op,reference", [("argmax", np.argmax), ("argmin", np.argmin)])
def test_arg_extreme_picks_first_nan_like_numpy(op, reference):
    x = np.array([[1.5, np.nan, 2.5, np.nan], [-1.5, 4.5, 4.5, -1.5], [np.nan, -3.5, 2.5, 1.5]], np.float32)
    np.testing.assert_array_equal(run_op(f"mind.{op}", x, axis=1), reference(x, axis=1))


@pytest.mark.parametrize("op", sorted(REFERENCES))
def test_reduce_fold_matches_float64_numpy(op):
    x = sample(np.random.default_rng(3), (4, 3, 5), np.float64)
    (got,) = rule_for(f"mind.{op}").fold(Attrs({"axis": (-1, 0), "keep_dims": True}), x)
    np.testing.assert_allclose(got, REFERENCES[op](x, axis=(0, 2), keepdims=True), rtol=1e-12)


def test_argmax_fold_is_i32_first_index():
    x = np.array([[3.0, 1.0, 3.0], [2.0, 5.0, 5.0]])
    (got,) = rule_for("mind.argmax").fold(Attrs({"axis": -1}), x)
    assert got.dtype == np.int32 and got.tolist() == [0, 1]


@pytest.mark.parametrize("op,sigs,attrs,message", [
    ("mind.reduce_sum", [Sig((2, 3), "f32")], dict(axis=(3,), keep_dims=False), "axis 3 is out of range for rank 2"),
    ("mind.reduce_max", [Sig((2, 3), "f32")], dict(axis=(-3,), keep_dims=True), "axis -3 is out of range for rank 2"),
    ("mind.reduce_mean", [Sig((2, 3), "f32")], dict(axis=(1, -1), keep_dims=False),
     r"axis -1 repeats dimension 1 in axis \[1, -1\]"),
    ("mind.reduce_prod", [Sig((), "f32")], dict(axis=(0,), keep_dims=False), "axis 0 is out of range for rank 0"),
    ("mind.reduce_min", [Sig((2, 3), "i1")], dict(axis=(), keep_dims=False),
     "x must have element type .* found 2x3xi1"),
    ("mind.argmax", [Sig((2, 3), "f32")], dict(axis=2), "axis 2 is out of range for rank 2"),
    ("mind.argmin", [Sig((), "f32")], dict(axis=0), "x must have rank at least 1, found f32"),
])
def test_reduce_infer_rejects(op, sigs, attrs, message):
    with make_context(), pytest.raises(RuleError, match=message):
        emit.single_op_module(op, sigs, attrs)


@pytest.mark.parametrize("op", [*sorted(REFERENCES), "argmax", "argmin"])
def test_reduce_rule_attrs_match_irdl(op):
    body = re.search(rf"irdl\.operation @{op} \{{(.*?)\n  \}}", DIALECT_FILE.read_text(), re.S).group(1)
    bases = dict(re.findall(r'%(\w+) = irdl\.base "([^"]+)"', body))
    declared = {name: bases[var] for name, var in re.findall(r'"(\w+)" = %(\w+)', body)}
    kinds = {Kind.INTS: "#builtin.dense_array", Kind.INT: "#builtin.integer", Kind.BOOL: "#builtin.integer"}
    assert {name: kinds[k] for name, k in rule_for(f"mind.{op}").attrs.items()} == declared
