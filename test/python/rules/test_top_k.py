"""mind.top_k (MindSpore's TopK, and Sort through it) compiled and folded against numpy's stable
argsort, its VJP against central differences, and its infer errors."""
import numpy as np
import pytest
from helpers import check_vjp, run_op

from mindc import emit
from mindc.ir import make_context
from mindc.rules.base import Attrs, RuleError, Sig, rule_for


def top_k64(x, k):
    """Values and indices of the k largest along the last axis; ties in index order."""
    order = np.argsort(-x.astype(np.float64), axis=-1, kind="stable")[..., :k]
    return np.take_along_axis(x, order, -1), order.astype(np.int32)


@pytest.mark.parametrize("dtype,shape,k", [(np.float32, (3, 6), 4), (np.float64, (2, 3, 5), 5), (np.int32, (7,), 3)],
                         ids=str)
def test_top_k_matches_a_stable_descending_argsort(dtype, shape, k):
    # Few distinct values, so that ties are common and their order is checked too.
    x = np.random.default_rng(0).integers(-4, 4, shape).astype(dtype) * dtype(1.5 if dtype != np.int32 else 1)
    want_values, want_indices = top_k64(x, k)
    values, indices = run_op("mind.top_k", x, k=k)
    np.testing.assert_array_equal(indices, want_indices)
    np.testing.assert_array_equal(values, want_values)
    folded = rule_for("mind.top_k").fold(Attrs({"k": k}), x)
    np.testing.assert_array_equal(folded[1], want_indices)
    np.testing.assert_array_equal(folded[0], want_values)


def test_top_k_of_distinct_floats():
    x = np.random.default_rng(1).standard_normal((4, 9)).astype(np.float32)
    values, indices = run_op("mind.top_k", x, k=9)
    np.testing.assert_array_equal(values, -np.sort(-x, -1))
    np.testing.assert_array_equal(indices, np.argsort(-x, -1))


@pytest.mark.parametrize("k", [1, 3, 5])
def test_top_k_vjp_matches_finite_differences(k):
    check_vjp("mind.top_k", np.random.default_rng(2).standard_normal((2, 5)), k=k)


@pytest.mark.parametrize("sig,k,message", [
    (Sig((2, 3), "f32"), 4, r"k 4 is out of range for the last dimension of x \(2x3xf32\), of size 3"),
    (Sig((2, 3), "f32"), -1, "k -1 is out of range"),
    (Sig((), "f32"), 0, "x must have rank at least 1"),
    (Sig((4,), "i1"), 1, "x must have element type"),
])
def test_top_k_infer_rejects(sig, k, message):
    with make_context(), pytest.raises(RuleError, match=message):
        emit.single_op_module("mind.top_k", [sig], {"k": k})
