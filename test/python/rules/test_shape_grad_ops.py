"""strided_slice_grad and unsorted_segment_sum compiled through the CPU pipeline and folded, against
loop-by-loop numpy float64 references; their infer errors; their VJPs against finite differences."""
import re

import numpy as np
import pytest
from helpers import check_vjp, run_op, tol

from mindc import emit
from mindc.ir import make_context
from mindc.rules.base import Attrs, RuleError, Sig, rule_for


def values(shape, dtype, seed=0) -> np.ndarray:
    """Nonzero values of dtype: normals for floats, +-[1, 9] for integers."""
    rng = np.random.default_rng(seed)
    if np.issubdtype(dtype, np.floating):
        return rng.standard_normal(shape).astype(dtype)
    return (rng.integers(1, 10, shape) * rng.choice([-1, 1], shape)).astype(dtype)


def check(op_name: str, arrays: list[np.ndarray], want: np.ndarray, **attrs) -> None:
    """The compiled op and the rule's fold both give `want` (a float64 reference) in the operand dtype."""
    dtype = arrays[0].dtype
    for got in (run_op(op_name, *arrays, **attrs), rule_for(op_name).fold(Attrs(attrs), *arrays)[0]):
        assert got.dtype == dtype and got.shape == want.shape, (got.dtype, got.shape)
        np.testing.assert_allclose(got.astype(np.float64), want, **tol(dtype))


def rejects(op_name: str, sigs: list[Sig], match: str, **attrs) -> None:
    with make_context(), pytest.raises(RuleError, match=match):
        emit.single_op_module(op_name, sigs, attrs)


# -- strided_slice_grad ----------------------------------------------------------------------------

def strided_slice_grad_reference(dout, shape, begin, end, strides) -> np.ndarray:
    """Each element of dout written at the position strided_slice read it from, one at a time."""
    positions = [range(*slice(b, e, s).indices(n)) for n, b, e, s in zip(shape, begin, end, strides)]
    out = np.zeros(shape)
    for index in np.ndindex(*dout.shape):
        out[tuple(p[i] for p, i in zip(positions, index))] = dout[index]
    return out


SLICES = [
    ((6, 5), (1, 0), (5, 5), (2, 1)),
    ((6, 5), (-4, -1), (-1, 5), (1, 1)),          # negative begin and end
    ((6, 5), (5, 4), (-7, -6), (-1, -2)),         # negative strides down to index 0
    ((6, 5), (-1, 3), (0, 0), (-2, -3)),          # negative strides stopping before index 0
    ((4, 3, 5), (0, 2, -1), (4, -4, -6), (3, -1, -2)),
    ((4, 3), (1, 0), (1, 3), (1, 1)),             # nothing read: all zeros
    ((7,), (-100,), (100,), (3,)),                # clamped begin and end
    ((), (), (), ()),
]


@pytest.mark.parametrize("shape,begin,end,strides", SLICES)
def test_strided_slice_grad_matches_reference(shape, begin, end, strides):
    sliced = np.zeros(shape)[tuple(slice(*t) for t in zip(begin, end, strides))].shape
    dout = values(sliced, np.float32)
    want = strided_slice_grad_reference(dout.astype(np.float64), shape, begin, end, strides)
    check("mind.strided_slice_grad", [dout], want, shape=shape, begin=begin, end=end, strides=strides)


@pytest.mark.parametrize("dtype", [np.float64, np.float16, np.int32, np.int8])
def test_strided_slice_grad_keeps_dtype(dtype):
    attrs = dict(shape=(5, 4), begin=(4, 0), end=(-6, 4), strides=(-2, 3))
    dout = values((3, 2), dtype)
    check("mind.strided_slice_grad", [dout], strided_slice_grad_reference(dout.astype(np.float64), **attrs), **attrs)


@pytest.mark.parametrize("dout,attrs,match", [
    ((2, 3), dict(shape=(5, 4), begin=(0, 0), end=(5, 4), strides=(2, 2)),
     re.escape("dout is 2x3xf32, expected shape [3,2], what strided_slice reads from shape [5,4]")),
    ((2,), dict(shape=(5, 4), begin=(0,), end=(5, 4), strides=(2, 2)),
     re.escape("begin has 1 entries, expected one per dimension of x 5x4xf32 (2)")),
    ((3, 2), dict(shape=(5, 4), begin=(0, 0), end=(5, 4), strides=(2, 0)),
     re.escape("strides must be nonzero, found [2,0]")),
    ((0,), dict(shape=(-1,), begin=(0,), end=(1,), strides=(1,)), re.escape("shape must have sizes >= 0, found [-1]")),
])
def test_strided_slice_grad_rejects_bad_operands(dout, attrs, match):
    rejects("mind.strided_slice_grad", [Sig(dout, "f32")], match, **attrs)


@pytest.mark.parametrize("shape,begin,end,strides", SLICES[:5])
def test_strided_slice_grad_vjp_matches_finite_differences(shape, begin, end, strides):
    sliced = np.zeros(shape)[tuple(slice(*t) for t in zip(begin, end, strides))].shape
    check_vjp("mind.strided_slice_grad", values(sliced, np.float64), shape=shape, begin=begin, end=end,
              strides=strides)


# -- unsorted_segment_sum --------------------------------------------------------------------------

def unsorted_segment_sum_reference(x, ids, num_segments) -> np.ndarray:
    """Row by row in float64: each x[i..] added to the segment ids[i..] names, if there is one."""
    out = np.zeros((num_segments,) + x.shape[ids.ndim:])
    for index in np.ndindex(*ids.shape):
        if 0 <= ids[index] < num_segments:
            out[ids[index]] += x[index]
    return out


SEGMENTS = [
    ((6,), [0, 2, 2, 1, 0, 2], 3),
    ((6, 4), [3, 0, 3, 3, 1, 0], 5),              # repeated ids, segments 2 and 4 empty
    ((5, 2, 3), [-1, 4, 1, 7, 1], 4),             # out-of-range ids are dropped
    ((2, 3, 4), [[0, 1, 0], [2, -2, 1]], 3),      # ids of rank 2
    ((3, 4), 1, 2),                               # one id: x is one row
    ((3, 2), [[0, 1], [1, 0], [0, 0]], 2),        # ids of x's full shape: a scalar per id
    ((0, 3), [], 2),                              # no ids: zeros
    ((4, 3), [0, 1, 0, 1], 0),                    # no segments
]


@pytest.mark.parametrize("shape,ids,num_segments", SEGMENTS)
@pytest.mark.parametrize("id_dtype", [np.int32, np.int64])
def test_unsorted_segment_sum_matches_reference(shape, ids, num_segments, id_dtype):
    x, ids = values(shape, np.float32), np.array(ids, id_dtype)
    want = unsorted_segment_sum_reference(x.astype(np.float64), ids, num_segments)
    check("mind.unsorted_segment_sum", [x, ids], want, num_segments=num_segments)


@pytest.mark.parametrize("dtype", [np.float64, np.float16, np.int32, np.int64, np.int8])
def test_unsorted_segment_sum_keeps_dtype(dtype):
    x, ids = values((6, 3), dtype), np.array([2, 0, 2, 5, 0, 2], np.int32)
    want = unsorted_segment_sum_reference(x.astype(np.float64), ids, 3)
    check("mind.unsorted_segment_sum", [x, ids], want, num_segments=3)


@pytest.mark.parametrize("x,ids,num_segments,match", [
    (Sig((4, 3), "i1"), Sig((4,), "i32"), 2, re.escape("x must have element type f16 or bf16 or f32 or f64 or i8 "
                                                       "or i32 or i64, found 4x3xi1")),
    (Sig((4, 3), "f32"), Sig((4,), "f32"), 2, "segment_ids must have element type i32 or i64, found 4xf32"),
    (Sig((4, 3), "f32"), Sig((3,), "i32"), 2,
     "segment_ids is 3xi32, expected the shape of the leading dimensions of x 4x3xf32"),
    (Sig((4, 3), "f32"), Sig((4, 3, 1), "i32"), 2,
     "segment_ids is 4x3x1xi32, expected the shape of the leading dimensions of x 4x3xf32"),
    (Sig((4, 3), "f32"), Sig((4,), "i64"), -1, "num_segments must be >= 0, found -1"),
])
def test_unsorted_segment_sum_rejects_bad_operands(x, ids, num_segments, match):
    rejects("mind.unsorted_segment_sum", [x, ids], match, num_segments=num_segments)


@pytest.mark.parametrize("shape,ids,num_segments", SEGMENTS[:6])
def test_unsorted_segment_sum_vjp_matches_finite_differences(shape, ids, num_segments):
    check_vjp("mind.unsorted_segment_sum", values(shape, np.float64), np.array(ids, np.int32),
              num_segments=num_segments)
