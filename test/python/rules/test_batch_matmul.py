"""mind.batch_matmul compiled through the CPU pipeline against float64 numpy: transposes, equal
batches (the named linalg.batch_matmul), broadcast batches and 2-d operands (linalg.generic)."""
import numpy as np
import pytest
from helpers import run_op, tol

from mindc import emit
from mindc.ir import make_context
from mindc.rules.base import Attrs, RuleError, Sig, rule_for


def operand(rng, batch, rows, cols, transposed, dtype):
    return rng.standard_normal((*batch, cols, rows) if transposed else (*batch, rows, cols)).astype(dtype)


def reference(x, y, ta, tb):
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    return np.matmul(np.swapaxes(x64, -1, -2) if ta else x64, np.swapaxes(y64, -1, -2) if tb else y64)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("ta,tb", [(False, False), (True, False), (False, True), (True, True)])
def test_batch_matmul_equal_batches_matches_float64_numpy(dtype, ta, tb):
    rng = np.random.default_rng(0)
    x, y = operand(rng, (3,), 5, 7, ta, dtype), operand(rng, (3,), 7, 2, tb, dtype)
    np.testing.assert_allclose(run_op("mind.batch_matmul", x, y, transpose_a=ta, transpose_b=tb),
                               reference(x, y, ta, tb), **tol(dtype))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("xb,yb,ta,tb", [
    ((2, 1), (3,), False, True),    # size-1 and missing batch dims broadcast
    ((), (2, 3), True, False),      # a 2-d x is one matrix for every batch
    ((5,), (), False, False),
    ((1, 3), (2, 3), True, True),   # rank 4, no named op
    ((), (), False, True),          # both 2-d: no batch dims at all
])
def test_batch_matmul_broadcast_matches_float64_numpy(dtype, xb, yb, ta, tb):
    rng = np.random.default_rng(1)
    x, y = operand(rng, xb, 3, 5, ta, dtype), operand(rng, yb, 5, 1, tb, dtype)
    got = run_op("mind.batch_matmul", x, y, transpose_a=ta, transpose_b=tb)
    want = reference(x, y, ta, tb)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, **tol(dtype))


def test_batch_matmul_integers_match_numpy():
    rng = np.random.default_rng(2)
    x, y = rng.integers(-9, 9, (2, 3, 4)).astype(np.int32), rng.integers(-9, 9, (1, 4, 5)).astype(np.int32)
    np.testing.assert_array_equal(run_op("mind.batch_matmul", x, y, transpose_a=False, transpose_b=False), x @ y)


def test_batch_matmul_fold_matches_float64_numpy():
    rng = np.random.default_rng(3)
    x, y = rng.standard_normal((2, 1, 4, 3)), rng.standard_normal((5, 2, 4))
    (got,) = rule_for("mind.batch_matmul").fold(Attrs({"transpose_a": True, "transpose_b": True}), x, y)
    np.testing.assert_allclose(got, reference(x, y, True, True), rtol=1e-12)


@pytest.mark.parametrize("sigs,attrs,message", [
    ([Sig((2, 3, 4), "f32"), Sig((2, 5, 6), "f32")], dict(transpose_a=False, transpose_b=False),
     r"contracting dimensions differ: x is 2x3x4xf32 \(k=4\), y is 2x5x6xf32 \(k=5\)"),
    ([Sig((2, 3, 4), "f32"), Sig((3, 4, 6), "f32")], dict(transpose_a=False, transpose_b=False),
     "batch dimensions do not broadcast: x is 2x3x4xf32, y is 3x4x6xf32"),
    ([Sig((4,), "f32"), Sig((2, 4, 6), "f32")], dict(transpose_a=False, transpose_b=False),
     "x must be at least 2-d, found 4xf32"),
    ([Sig((2, 3, 4), "f32"), Sig((2, 4, 6), "f64")], dict(transpose_a=False, transpose_b=False),
     "operands must have one numeric element type, found 2x3x4xf32 and 2x4x6xf64"),
])
def test_batch_matmul_infer_rejects(sigs, attrs, message):
    with make_context(), pytest.raises(RuleError, match=message):
        emit.single_op_module("mind.batch_matmul", sigs, attrs)
