"""Shape and data-movement ops compiled through the CPU pipeline against numpy, their numpy folds,
and the shape errors of their infer rules.

Moving elements is exact, so results must equal numpy's bit for bit in every dtype.
"""
import re

import numpy as np
import pytest
from helpers import run_op

from mindc import emit
from mindc.ir import make_context
from mindc.rules.base import Attrs, RuleError, Scalar, Sig, numpy_dtype, rule_for


def random(shape, dtype, seed=0) -> np.ndarray:
    """Fresh nonzero values of dtype: normals for floats, +-[1, 100] for integers."""
    rng = np.random.default_rng(seed)
    if np.issubdtype(dtype, np.floating):
        return rng.standard_normal(shape).astype(dtype)
    if dtype == np.bool_:
        return rng.random(shape) < 0.5
    return (rng.integers(1, 101, shape) * rng.choice([-1, 1], shape)).astype(dtype)


def check(op_name: str, arrays: list[np.ndarray], want: np.ndarray, **attrs) -> None:
    """The compiled op and the rule's numpy fold both give exactly `want`."""
    got = run_op(op_name, *arrays, **attrs)
    assert got.dtype == want.dtype and got.shape == want.shape, (got.dtype, got.shape)
    np.testing.assert_array_equal(got, want)
    (folded,) = rule_for(op_name).fold(Attrs(attrs), *arrays)
    assert folded.dtype == want.dtype
    np.testing.assert_array_equal(folded, want)


def rejects(op_name: str, sigs: list[Sig], match: str, **attrs) -> None:
    with make_context(), pytest.raises(RuleError, match=match):
        emit.single_op_module(op_name, sigs, attrs)


# -- reshape ---------------------------------------------------------------------------------

@pytest.mark.parametrize("src,dst", [
    ((2, 3, 4), (6, 4)),            # one collapse
    ((2, 3, 4), (24,)),             # flatten
    ((2, 12), (2, 3, 4)),           # one expand
    ((2, 3, 4), (4, 6)),            # neither: through the flat tensor
    ((2, 3, 4), (1, 2, 3, 4, 1)),   # unit dims added at both ends
    ((3, 1, 5), (5, 3)),            # unit dim dropped while regrouping
    ((7,), (7,)),                   # identity
    ((), (1, 1)),                   # scalar to tensor
    ((1, 1), ()),                   # tensor to scalar
    ((0, 3), (3, 0)),               # no elements
])
def test_reshape_matches_numpy(src, dst):
    x = random(src, np.float32)
    check("mind.reshape", [x], x.reshape(dst), shape=dst)


@pytest.mark.parametrize("dtype", [np.float64, np.float16, np.int32, np.int8])
def test_reshape_keeps_dtype(dtype):
    x = random((5, 6), dtype)
    check("mind.reshape", [x], x.reshape(3, 10), shape=(3, 10))


def test_reshape_rejects_element_count_mismatch():
    rejects("mind.reshape", [Sig((2, 3, 4), "f32")], r"shape \[4,5\] has 20 elements, expected 24 as in x 2x3x4xf32",
            shape=(4, 5))


def test_reshape_rejects_unresolved_minus_one():
    rejects("mind.reshape", [Sig((2, 3), "f32")], r"shape must have sizes >= 0, found \[-1,3\]", shape=(-1, 3))


# -- transpose ---------------------------------------------------------------------------------

@pytest.mark.parametrize("shape,perm", [
    ((2, 3, 5), (0, 1, 2)),
    ((2, 3, 5), (2, 0, 1)),
    ((2, 3, 5), (1, 0, 2)),
    ((2, 3, 5), (2, 1, 0)),
    ((3, 1, 4, 2), (3, 1, 0, 2)),
    ((7,), (0,)),
    ((), ()),
])
def test_transpose_matches_numpy(shape, perm):
    x = random(shape, np.float32)
    check("mind.transpose", [x], np.transpose(x, perm), perm=perm)


@pytest.mark.parametrize("dtype", [np.float64, np.int64, np.float16])
def test_transpose_keeps_dtype(dtype):
    x = random((4, 3), dtype)
    check("mind.transpose", [x], x.T, perm=(1, 0))


@pytest.mark.parametrize("perm,found", [((0, 0, 1), r"\[0,0,1\]"), ((1, 0), r"\[1,0\]"), ((0, 1, 3), r"\[0,1,3\]"),
                                        ((-1, 0, 1), r"\[-1,0,1\]")])
def test_transpose_rejects_non_permutation(perm, found):
    rejects("mind.transpose", [Sig((2, 3, 4), "f32")],
            rf"perm {found} is not a permutation of the 3 dimensions of x 2x3x4xf32", perm=perm)


# -- broadcast_to ------------------------------------------------------------------------------

@pytest.mark.parametrize("src,dst", [
    ((3, 1), (2, 3, 4)),      # a size-1 dim and a new leading dim
    ((), (2, 3)),             # scalar
    ((1,), (5,)),
    ((2, 1, 3), (2, 4, 3)),   # size-1 dim in the middle
    ((4,), (3, 4)),           # rank difference only
    ((1, 1), (1, 1)),         # nothing to do
    ((2, 3), (2, 3)),
])
def test_broadcast_to_matches_numpy(src, dst):
    x = random(src, np.float32)
    check("mind.broadcast_to", [x], np.broadcast_to(x, dst).copy(), shape=dst)


@pytest.mark.parametrize("dtype", [np.float64, np.int8])
def test_broadcast_to_keeps_dtype(dtype):
    x = random((3, 1), dtype)
    check("mind.broadcast_to", [x], np.broadcast_to(x, (2, 3, 5)).copy(), shape=(2, 3, 5))


@pytest.mark.parametrize("src,dst", [((3,), (4,)), ((2, 3), (3,)), ((2, 1), (3, 1))])
def test_broadcast_to_rejects_incompatible_shape(src, dst):
    shape = re.escape("[" + ",".join(map(str, dst)) + "]")
    rejects("mind.broadcast_to", [Sig(src, "f32")], rf"x {Sig(src, 'f32')} cannot be broadcast to shape {shape}",
            shape=dst)


# -- concat ------------------------------------------------------------------------------------

@pytest.mark.parametrize("shapes,axis", [
    ([(2, 3), (2, 5)], 1),
    ([(2, 3), (4, 3)], 0),
    ([(2, 3, 4), (2, 1, 4)], -2),
    ([(2, 3, 4), (2, 3, 1)], -1),
    ([(0, 3), (1, 3)], 0),  # an empty input contributes nothing
    ([(5,), (7,)], -1),
])
def test_concat_matches_numpy(shapes, axis):
    xs = [random(s, np.float32, seed=i) for i, s in enumerate(shapes)]
    check("mind.concat", xs, np.concatenate(xs, axis=axis), axis=axis)


@pytest.mark.parametrize("dtype", [np.float64, np.int32, np.float16])
def test_concat_keeps_dtype(dtype):
    xs = [random((2, n), dtype, seed=n) for n in (1, 4)]
    check("mind.concat", xs, np.concatenate(xs, axis=1), axis=1)


@pytest.mark.parametrize("sigs,axis,match", [
    ([Sig((2, 3), "f32"), Sig((2, 3), "f64")], 0,
     r"input 1 is 2x3xf64, expected rank 2 and element type f32 as input 0 2x3xf32"),
    ([Sig((2, 3), "f32"), Sig((2, 3, 1), "f32")], 0, r"input 1 is 2x3x1xf32, expected rank 2"),
    ([Sig((2, 3), "f32"), Sig((4, 4), "f32")], 0,
     r"input 1 is 4x4xf32, expected the sizes of input 0 2x3xf32 outside axis 0"),
    ([Sig((2, 3), "f32")] * 2, 2, r"axis 2 is out of range for rank 2"),
    ([Sig((2, 3), "f32")] * 2, -3, r"axis -3 is out of range for rank 2"),
    ([Sig((), "f32"), Sig((), "f32")], 0, r"inputs must have rank >= 1, found f32"),
])
def test_concat_rejects_mismatched_inputs(sigs, axis, match):
    rejects("mind.concat", sigs, match, axis=axis)


# -- strided_slice -----------------------------------------------------------------------------

@pytest.mark.parametrize("shape,begin,end,strides", [
    ((7, 6), (1, 0), (5, 6), (1, 2)),
    ((7, 6), (-5, -4), (-1, 6), (2, 1)),          # negative begin and end count from the end
    ((7, 6), (-100, 2), (100, 3), (3, 1)),        # out-of-range bounds clamp like Python's
    ((7, 6), (-1, 0), (-8, 6), (-1, 1)),          # x[::-1]: reaching index 0 needs end <= -size-1
    ((7, 6), (5, 4), (1, -7), (-2, -3)),          # negative strides in every dim
    ((7, 6), (6, 1), (0, 5), (-3, 2)),            # mixed signs
    ((7, 6), (4, 0), (2, 6), (1, 1)),             # empty: stop before start
    ((7, 6), (2, 0), (5, 6), (-1, 1)),            # empty with a negative stride
    ((3, 4, 5), (0, 3, 1), (3, -5, 5), (2, -1, 3)),
    ((9,), (8,), (-10,), (-4,)),
])
def test_strided_slice_matches_numpy_slicing(shape, begin, end, strides):
    x = random(shape, np.float32)
    want = x[tuple(slice(b, e, s) for b, e, s in zip(begin, end, strides))].copy()
    check("mind.strided_slice", [x], want, begin=begin, end=end, strides=strides)


@pytest.mark.parametrize("dtype", [np.float64, np.int64])
def test_strided_slice_keeps_dtype(dtype):
    x = random((5, 4), dtype)
    check("mind.strided_slice", [x], x[4:0:-2, 1:4:2].copy(), begin=(4, 1), end=(0, 4), strides=(-2, 2))


def test_strided_slice_rejects_wrong_entry_count():
    rejects("mind.strided_slice", [Sig((5, 4), "f32")],
            r"end has 1 entries, expected one per dimension of x 5x4xf32 \(2\)", begin=(0, 0), end=(5,), strides=(1, 1))


def test_strided_slice_rejects_zero_stride():
    rejects("mind.strided_slice", [Sig((5, 4), "f32")], r"strides must be nonzero, found \[1,0\]",
            begin=(0, 0), end=(5, 4), strides=(1, 0))


# -- gather ------------------------------------------------------------------------------------

@pytest.mark.parametrize("shape,indices,axis", [
    ((6, 4), [[2, 0, 5], [1, 1, 3]], 0),           # embedding lookup
    ((3, 5, 2), [4, 0, 3, 3], 1),
    ((3, 5, 2), 3, 1),                             # a 0-d index removes the axis
    ((3, 5, 2), [[1], [0]], -1),
    ((4,), [3, 2, 1, 0, 0], 0),
    ((6,), 4, 0),                                  # a 0-d result
])
@pytest.mark.parametrize("index_dtype", [np.int32, np.int64])
def test_gather_matches_numpy_take(shape, indices, axis, index_dtype):
    params = random(shape, np.float32)
    idx = np.array(indices, dtype=index_dtype)
    check("mind.gather", [params, idx], np.take(params, idx, axis=axis), axis=axis)


@pytest.mark.parametrize("dtype", [np.float64, np.int32, np.float16])
def test_gather_keeps_dtype(dtype):
    params = random((5, 3), dtype)
    idx = np.array([4, 1], np.int64)
    check("mind.gather", [params, idx], params[[4, 1]], axis=0)


def test_gather_clamps_out_of_range_indices():
    # Documented behaviour (rules/shape.py Gather): indices are clamped into the axis.
    params = random((5, 3), np.float32)
    idx = np.array([-3, 7, 2, 5, -1], np.int32)
    check("mind.gather", [params, idx], params[[0, 4, 2, 4, 0]], axis=0)


@pytest.mark.parametrize("sigs,axis,match", [
    ([Sig((5, 3), "f32"), Sig((2,), "f32")], 0, r"indices must have element type i32 or i64, found 2xf32"),
    ([Sig((5, 3), "f32"), Sig((2,), "i32")], 2, r"axis 2 is out of range for rank 2"),
    ([Sig((), "f32"), Sig((2,), "i32")], 0, r"params must have rank >= 1, found f32"),
    ([Sig((0, 3), "f32"), Sig((2,), "i64")], 0, r"cannot gather 2 indices from the empty axis 0 of params 0x3xf32"),
])
def test_gather_rejects_bad_operands(sigs, axis, match):
    rejects("mind.gather", sigs, match, axis=axis)


# -- one_hot -----------------------------------------------------------------------------------

def one_hot_reference(indices: np.ndarray, depth: int, on, off, axis: int) -> np.ndarray:
    """Loop form of OneHot, written independently of the rule's vectorized fold."""
    axis = axis % (indices.ndim + 1)
    out = np.empty(indices.shape[:axis] + (depth,) + indices.shape[axis:], dtype=np.asarray(on).dtype)
    for pos in np.ndindex(*out.shape):
        index = indices[pos[:axis] + pos[axis + 1:]]
        out[pos] = on if index == pos[axis] else off
    return out


@pytest.mark.parametrize("axis", [-1, 0, 1, 2])
def test_one_hot_matches_reference(axis):
    # -1 and 4 are out of [0, depth): their rows are all off_value.
    indices = np.array([[0, 3, 1], [2, -1, 4]], np.int64)
    on, off = np.array(1.5, np.float32), np.array(-0.25, np.float32)
    check("mind.one_hot", [indices, on, off], one_hot_reference(indices, 4, on, off, axis), depth=4, axis=axis)


@pytest.mark.parametrize("dtype,index_dtype", [(np.float64, np.int32), (np.int32, np.int64), (np.float16, np.int32)])
def test_one_hot_result_dtype_is_on_value_dtype(dtype, index_dtype):
    indices = np.array([2, 0, 1, 2, 0], index_dtype)
    on, off = np.array(7, dtype), np.array(-3, dtype)
    check("mind.one_hot", [indices, on, off], one_hot_reference(indices, 3, on, off, -1), depth=3, axis=-1)


def test_one_hot_of_scalar_index():
    indices, on, off = np.array(2, np.int32), np.array(1.0, np.float64), np.array(0.0, np.float64)
    check("mind.one_hot", [indices, on, off], np.array([0.0, 0.0, 1.0, 0.0, 0.0]), depth=5, axis=-1)


@pytest.mark.parametrize("sigs,attrs,match", [
    ([Sig((3,), "f32"), Sig((), "f32"), Sig((), "f32")], dict(depth=4, axis=-1),
     r"indices must have element type i32 or i64, found 3xf32"),
    ([Sig((3,), "i32"), Sig((1,), "f32"), Sig((), "f32")], dict(depth=4, axis=-1),
     r"on_value and off_value must be 0-d tensors of one element type, found 1xf32 and f32"),
    ([Sig((3,), "i32"), Sig((), "f32"), Sig((), "f64")], dict(depth=4, axis=-1),
     r"on_value and off_value must be 0-d tensors of one element type, found f32 and f64"),
    ([Sig((3,), "i32"), Sig((), "f32"), Sig((), "f32")], dict(depth=-2, axis=-1), r"depth must be >= 0, found -2"),
    ([Sig((3,), "i32"), Sig((), "f32"), Sig((), "f32")], dict(depth=4, axis=2), r"axis 2 is out of range for rank 2"),
])
def test_one_hot_rejects_bad_operands(sigs, attrs, match):
    rejects("mind.one_hot", sigs, match, **attrs)


# -- constant and fill -------------------------------------------------------------------------

@pytest.mark.parametrize("shape,dtype", [((2, 3), np.float32), ((5,), np.float64), ((), np.float32),
                                         ((3, 1, 2), np.int64), ((4,), np.int8), ((2, 2), np.float16)])
def test_constant_returns_its_value(shape, dtype):
    value = random(shape, dtype)
    check("mind.constant", [], value, value=value)


@pytest.mark.parametrize("shape,value", [((2, 3, 4), Scalar(2.5, "f32")), ((), Scalar(-1.25, "f64")),
                                         ((3, 5), Scalar(-7, "i32")), ((4,), Scalar(100, "i8")),
                                         ((2, 2), Scalar(0.1, "f16")), ((3,), Scalar(1 << 40, "i64"))])
def test_fill_matches_numpy_full(shape, value):
    check("mind.fill", [], np.full(shape, value.value, dtype=numpy_dtype(value.dtype)), shape=shape, value=value)


def test_fill_rejects_negative_size():
    rejects("mind.fill", [], r"shape must have sizes >= 0, found \[2,-1\]", shape=(2, -1), value=Scalar(1.0, "f32"))


# -- booleans (i1 tensors) -----------------------------------------------------------------------

def test_bool_reshape_transpose_concat_and_slice():
    x = random((2, 3, 4), np.bool_)
    check("mind.reshape", [x], x.reshape(4, 6), shape=(4, 6))
    check("mind.transpose", [x], x.transpose(2, 0, 1), perm=(2, 0, 1))
    check("mind.concat", [x, x[:, :1]], np.concatenate([x, x[:, :1]], axis=1), axis=1)
    check("mind.strided_slice", [x], x[::-1, 1:, ::3].copy(), begin=(-1, 1, 0), end=(-3, 3, 4), strides=(-1, 1, 3))


def test_bool_gather_and_broadcast():
    x = random((4, 3), np.bool_)
    idx = np.array([3, 0, 0], np.int32)
    check("mind.gather", [x, idx], x[[3, 0, 0]], axis=0)
    check("mind.broadcast_to", [x[:, :1]], np.broadcast_to(x[:, :1], (2, 4, 3)).copy(), shape=(2, 4, 3))


def test_bool_constant():
    x = random((4, 3), np.bool_)
    check("mind.constant", [], x, value=x)


def test_bool_fill():
    check("mind.fill", [], np.ones((2, 3), np.bool_), shape=(2, 3), value=Scalar(1, "i1"))


@pytest.mark.parametrize("shape", [(16,), (3, 7), (9,)])
def test_bool_splat_constant_keeps_every_element(shape):
    # MLIR stores a boolean splat as one packed byte: all elements must read back as the value.
    check("mind.constant", [], np.ones(shape, np.bool_), value=np.ones(shape, np.bool_))
