"""mindc.ops run eagerly (one compiled kernel per op) against independent float64 numpy references."""
import math

import numpy as np
import pytest
from helpers import conv2d_reference, tol
from numpy.lib.stride_tricks import sliding_window_view

import mindc
from mindc import ops
from mindc.frontend import eager

T = mindc.Tensor
# Sums of products in float32 round differently from numpy's float64 in another order.
ACCUMULATE = dict(rtol=1e-4, atol=1e-5)


def rand(shape, dtype=np.float32, seed=0, low=None, high=None):
    rng = np.random.default_rng(seed)
    if low is not None:
        return rng.uniform(low, high, shape).astype(dtype)
    return rng.standard_normal(shape).astype(dtype)


def check(got, want, dtype=np.float32, **tolerance):
    assert isinstance(got, mindc.Tensor)
    want = np.asarray(want)
    assert got.shape == want.shape
    np.testing.assert_allclose(got.asnumpy().astype(np.float64), want, **(tolerance or tol(dtype)))


_erf = np.vectorize(math.erf)
POSITIVE = dict(low=0.5, high=2.0)

UNARY = [
    ("neg", lambda x: -x, {}),
    ("abs", np.abs, {}),
    ("exp", np.exp, {}),
    ("log", np.log, POSITIVE),
    ("sqrt", np.sqrt, POSITIVE),
    ("rsqrt", lambda x: 1 / np.sqrt(x), POSITIVE),
    ("square", np.square, {}),
    ("tanh", np.tanh, {}),
    ("sigmoid", lambda x: 1 / (1 + np.exp(-x)), {}),
    ("relu", lambda x: np.maximum(x, 0), {}),
    ("sin", np.sin, {}),
    ("cos", np.cos, {}),
    ("erf", _erf, {}),
    ("gelu", lambda x: 0.5 * x * (1 + _erf(x / np.sqrt(2))), {}),
]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name,ref,domain", UNARY, ids=[u[0] for u in UNARY])
def test_unary_op_matches_float64_numpy(name, ref, domain, dtype):
    x = rand((3, 5), dtype, **domain)
    check(getattr(ops, name)(T(x)), ref(x.astype(np.float64)), dtype)


def test_gelu_tanh_approximation_matches_float64_numpy():
    x = rand((4, 4)).astype(np.float64)
    want = 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))
    check(ops.gelu(T(x.astype(np.float32)), approximate="tanh"), want)


def test_float_functions_of_integers_compute_in_float32():
    out = ops.exp(T(np.array([0, 1, 2], np.int32)))
    assert out.dtype is mindc.float32
    check(out, np.exp([0.0, 1.0, 2.0]))


BINARY = [
    ("add", np.add), ("sub", np.subtract), ("mul", np.multiply), ("div", np.divide),
    ("maximum", np.maximum), ("minimum", np.minimum),
]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name,ref", BINARY, ids=[b[0] for b in BINARY])
def test_binary_op_broadcasts_and_matches_float64_numpy(name, ref, dtype):
    x, y = rand((2, 3, 4), dtype, seed=1), rand((3, 1), dtype, seed=2)
    check(getattr(ops, name)(T(x), T(y)), ref(x.astype(np.float64), y.astype(np.float64)), dtype)


@pytest.mark.parametrize("name,ref", [("add", np.add), ("sub", np.subtract), ("mul", np.multiply),
                                      ("maximum", np.maximum), ("minimum", np.minimum)])
def test_binary_op_on_int32_is_exact(name, ref):
    rng = np.random.default_rng(3)
    x, y = rng.integers(-50, 50, (3, 4), dtype=np.int32), rng.integers(-50, 50, (4,), dtype=np.int32)
    out = getattr(ops, name)(T(x), T(y))
    assert out.dtype is mindc.int32
    np.testing.assert_array_equal(out.asnumpy(), ref(x, y))


def test_add_float16_matches_float64_numpy():
    x, y = rand((8,), np.float16, seed=4), rand((8,), np.float16, seed=5)
    out = ops.add(T(x), T(y))
    assert out.dtype is mindc.float16
    check(out, x.astype(np.float64) + y.astype(np.float64), np.float16)


def test_pow_matches_float64_numpy():
    x, y = rand((3, 4), **POSITIVE), rand((3, 4), seed=6)
    check(ops.pow(T(x), T(y)), np.power(x.astype(np.float64), y.astype(np.float64)))
    check(ops.pow(T(x), 2), x.astype(np.float64) ** 2)


def test_div_of_integers_is_true_division_unless_trunc():
    x, y = np.array([7, -7, 6], np.int32), np.array([2, 2, 4], np.int32)
    out = ops.div(T(x), T(y))
    assert out.dtype is mindc.float32
    check(out, x / y)
    np.testing.assert_array_equal(ops.div(T(x), T(y), rounding_mode="trunc").asnumpy(), [3, -3, 1])
    np.testing.assert_array_equal(ops.div(T(x), T(y), rounding_mode="floor").asnumpy(), [3, -4, 1])


def test_div_rounding_modes_of_floats():
    rng = np.random.default_rng(5)
    x, y = (rng.standard_normal(20) * 10).astype(np.float32), rng.standard_normal(20).astype(np.float32) + 0.1
    q = x.astype(np.float64) / y
    np.testing.assert_array_equal(ops.div(T(x), T(y), rounding_mode="trunc").asnumpy(), np.trunc(x / y))
    np.testing.assert_array_equal(ops.div(T(x), T(y), rounding_mode="floor").asnumpy(), np.floor(x / y))
    assert np.abs(np.trunc(q) - np.trunc(x / y)).max() <= 1   # float32 quotients, checked against float64
    with pytest.raises(ValueError, match="rounding_mode must be None, 'trunc' or 'floor'"):
        ops.div(T(x), T(y), rounding_mode="round")


COMPARE = [("equal", np.equal), ("not_equal", np.not_equal), ("less", np.less),
           ("less_equal", np.less_equal), ("greater", np.greater), ("greater_equal", np.greater_equal),
           ("ne", np.not_equal), ("lt", np.less), ("le", np.less_equal), ("gt", np.greater), ("ge", np.greater_equal)]


@pytest.mark.parametrize("name,ref", COMPARE, ids=[c[0] for c in COMPARE])
def test_comparison_gives_bool_like_numpy(name, ref):
    x = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]], np.float32)
    y = np.array([2.0, 2.0, 2.0], np.float32)
    out = getattr(ops, name)(T(x), T(y))
    assert out.dtype is mindc.bool_
    np.testing.assert_array_equal(out.asnumpy(), ref(x, y))


def test_logical_ops_and_select_match_numpy():
    a, b = np.array([True, True, False, False]), np.array([True, False, True, False])
    np.testing.assert_array_equal(ops.logical_and(T(a), T(b)).asnumpy(), a & b)
    np.testing.assert_array_equal(ops.logical_or(T(a), T(b)).asnumpy(), a | b)
    np.testing.assert_array_equal(ops.logical_not(T(a)).asnumpy(), ~a)
    x, y = rand((2, 4), seed=7), rand((4,), seed=8)
    check(ops.select(T(a), T(x), T(y)), np.where(a, x, y).astype(np.float64))
    check(ops.select(T(a), T(x), 0.5), np.where(a, x, 0.5).astype(np.float64))


@pytest.mark.parametrize("src,dst", [(np.float32, mindc.int32), (np.int32, mindc.float32),
                                     (np.float32, mindc.float16), (np.float32, mindc.float64),
                                     (np.float32, mindc.bool_)])
def test_cast_matches_numpy_astype(src, dst):
    x = np.array([-2.7, -0.0, 0.4, 1.0, 3.9], src) if src != np.int32 else np.array([-3, 0, 1, 7, 2**20], src)
    out = ops.cast(T(x), dst)
    assert out.dtype is dst
    np.testing.assert_array_equal(out.asnumpy(), x.astype(dst.numpy))


MATMUL_SHAPES = [
    ((3, 4), (4, 5)), ((4,), (4, 5)), ((3, 4), (4,)), ((4,), (4,)),
    ((2, 3, 4), (2, 4, 5)), ((2, 3, 4), (4, 5)), ((4,), (2, 4, 5)), ((2, 1, 3, 4), (5, 4, 2)),
]


@pytest.mark.parametrize("xs,ys", MATMUL_SHAPES, ids=[f"{x}x{y}" for x, y in MATMUL_SHAPES])
def test_matmul_follows_numpy_shapes_and_values(xs, ys):
    x, y = rand(xs, seed=9), rand(ys, seed=10)
    check(ops.matmul(T(x), T(y)), np.matmul(x.astype(np.float64), y.astype(np.float64)), **ACCUMULATE)


def test_matmul_float64_and_bmm_match_numpy():
    x, y = rand((3, 4), np.float64, seed=11), rand((4, 2), np.float64, seed=12)
    check(ops.matmul(T(x), T(y)), x @ y, np.float64)
    a, b = rand((2, 3, 4), seed=13), rand((2, 4, 5), seed=14)
    check(ops.bmm(T(a), T(b)), np.matmul(a.astype(np.float64), b.astype(np.float64)), **ACCUMULATE)


REDUCE = [("sum", np.sum), ("mean", np.mean), ("amax", np.max), ("amin", np.min), ("prod", np.prod)]


@pytest.mark.parametrize("axis,keep", [(None, False), (1, False), (-1, True), ((0, 2), False), ((0, 2), True)])
@pytest.mark.parametrize("name,ref", REDUCE, ids=[r[0] for r in REDUCE])
def test_reduction_matches_float64_numpy(name, ref, axis, keep):
    x = rand((2, 3, 4), seed=15, low=0.5, high=1.5)
    check(getattr(ops, name)(T(x), axis, keep), ref(x.astype(np.float64), axis=axis, keepdims=keep), **ACCUMULATE)


def test_sum_with_dtype_and_reduce_sum_alias():
    x = np.arange(12, dtype=np.int32).reshape(3, 4)
    check(ops.sum(T(x), 1, dtype=mindc.float64), x.sum(1).astype(np.float64), np.float64)
    check(ops.reduce_sum(T(x.astype(np.float64)), 0, keep_dims=True), x.sum(0, keepdims=True), np.float64)


@pytest.mark.parametrize("axis,keep", [(None, False), (None, True), (0, False), (-1, True)])
@pytest.mark.parametrize("name,ref", [("argmax", np.argmax), ("argmin", np.argmin)])
def test_argmax_argmin_match_numpy(name, ref, axis, keep):
    x = rand((3, 5), seed=16)
    out = getattr(ops, name)(T(x), axis, keep)
    # Over every dimension MindSpore returns a 0-d index whatever keepdims says.
    np.testing.assert_array_equal(out.asnumpy(), ref(x, axis=axis, keepdims=keep and axis is not None))


def _softmax(x, axis):
    e = np.exp(x - x.max(axis, keepdims=True))
    return e / e.sum(axis, keepdims=True)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("axis", [-1, 0])
def test_softmax_and_log_softmax_match_float64_numpy(axis, dtype):
    x = rand((3, 4), dtype, seed=17)
    want = _softmax(x.astype(np.float64), axis)
    check(ops.softmax(T(x), axis), want, dtype)
    check(ops.log_softmax(T(x), axis), np.log(want), dtype)


CONV = [
    # kwargs, explicit [top, bottom, left, right] padding of the reference
    (dict(), (0, 0, 0, 0)),
    (dict(stride=2, pad_mode="same"), (1, 1, 1, 1)),          # 7 -> 4 outputs: 2 pads, split evenly
    (dict(pad_mode="same"), (1, 1, 1, 1)),
    (dict(pad_mode="pad", padding=1), (1, 1, 1, 1)),
    (dict(pad_mode="pad", padding=(0, 1, 2, 0)), (0, 1, 2, 0)),
    (dict(dilation=2), (0, 0, 0, 0)),
    (dict(groups=2), (0, 0, 0, 0)),
]


@pytest.mark.parametrize("kwargs,pad", CONV, ids=[str(c[0]) for c in CONV])
def test_conv2d_matches_float64_reference(kwargs, pad):
    groups = kwargs.get("groups", 1)
    x, w = rand((2, 4, 7, 7), seed=18), rand((6, 4 // groups, 3, 3), seed=19)
    stride, dilation = (kwargs.get("stride", 1),) * 2, (kwargs.get("dilation", 1),) * 2
    check(ops.conv2d(T(x), T(w), **kwargs), conv2d_reference(x, w, stride, pad, dilation, groups), **ACCUMULATE)


def test_conv2d_same_puts_the_odd_pad_at_the_bottom_right():
    x, w, b = rand((1, 2, 6, 6), seed=20), rand((3, 2, 2, 2), seed=21), rand((3,), seed=22)
    want = conv2d_reference(x, w, (1, 1), (0, 1, 0, 1), (1, 1), 1) + b.reshape(1, 3, 1, 1)
    check(ops.conv2d(T(x), T(w), T(b), pad_mode="same"), want, **ACCUMULATE)


def _pool_ref(x, kernel, stride, pad, kind, count_include_pad=True):
    fill = -np.inf if kind == "max" else 0.0
    widths = ((0, 0), (0, 0), pad[:2], pad[2:])
    xp = np.pad(x.astype(np.float64), widths, constant_values=fill)
    windows = sliding_window_view(xp, kernel, axis=(2, 3))[:, :, ::stride[0], ::stride[1]]
    if kind == "max":
        return windows.max(axis=(-2, -1))
    counts = sliding_window_view(np.pad(np.ones_like(x, np.float64), widths), kernel, axis=(2, 3))
    divisor = kernel[0] * kernel[1] if count_include_pad else counts[:, :, ::stride[0], ::stride[1]].sum(axis=(-2, -1))
    return windows.sum(axis=(-2, -1)) / divisor


def test_max_pool2d_matches_float64_reference():
    x = rand((2, 3, 7, 6), seed=23)
    check(ops.max_pool2d(T(x), 2), _pool_ref(x, (2, 2), (2, 2), (0, 0, 0, 0), "max"))
    check(ops.max_pool2d(T(x), 3, stride=2, padding=1), _pool_ref(x, (3, 3), (2, 2), (1, 1, 1, 1), "max"))
    check(ops.max_pool2d(T(x), (3, 2), stride=(1, 2)), _pool_ref(x, (3, 2), (1, 2), (0, 0, 0, 0), "max"))


def test_max_pool2d_ceil_mode_keeps_the_partial_last_window():
    x = rand((1, 2, 7, 7), seed=24)
    got = ops.max_pool2d(T(x), 2, ceil_mode=True)
    assert got.shape == (1, 2, 4, 4)
    # Window (i, j) covers rows 2i..2i+1 clipped to the input.
    want = np.array([[[[x[0, c, 2 * i:2 * i + 2, 2 * j:2 * j + 2].max() for j in range(4)] for i in range(4)]
                      for c in range(2)]])
    check(got, want.astype(np.float64))


@pytest.mark.parametrize("include", [True, False])
def test_avg_pool2d_matches_float64_reference(include):
    x = rand((2, 3, 6, 6), seed=25)
    check(ops.avg_pool2d(T(x), 2, 2), _pool_ref(x, (2, 2), (2, 2), (0, 0, 0, 0), "avg"))
    check(ops.avg_pool2d(T(x), 3, 2, padding=1, count_include_pad=include),
          _pool_ref(x, (3, 3), (2, 2), (1, 1, 1, 1), "avg", include))


def test_avg_pool2d_divisor_override_divides_window_sums():
    x = rand((1, 1, 4, 4), seed=26)
    check(ops.avg_pool2d(T(x), 2, 2, divisor_override=3), _pool_ref(x, (2, 2), (2, 2), (0, 0, 0, 0), "avg") * 4 / 3)


def test_reshape_transpose_permute_broadcast_match_numpy():
    x = rand((2, 3, 4), seed=27)
    np.testing.assert_array_equal(ops.reshape(T(x), (4, -1)).asnumpy(), x.reshape(4, -1))
    np.testing.assert_array_equal(ops.transpose(T(x), (2, 0, 1)).asnumpy(), x.transpose(2, 0, 1))
    np.testing.assert_array_equal(ops.permute(T(x), (1, 0, 2)).asnumpy(), x.transpose(1, 0, 2))
    y = rand((3, 1), seed=28)
    np.testing.assert_array_equal(ops.broadcast_to(T(y), (2, 3, 5)).asnumpy(), np.broadcast_to(y, (2, 3, 5)))
    np.testing.assert_array_equal(ops.broadcast_to(T(y), (2, -1, 5)).asnumpy(), np.broadcast_to(y, (2, 3, 5)))


def test_concat_cat_promote_and_join():
    a, b = rand((2, 3), seed=29), rand((2, 2), seed=30)
    np.testing.assert_array_equal(ops.concat([T(a), T(b)], axis=1).asnumpy(), np.concatenate([a, b], 1))
    c = np.arange(6, dtype=np.int32).reshape(2, 3)
    out = ops.cat((T(a), T(c)), -2)
    assert out.dtype is mindc.float32
    np.testing.assert_array_equal(out.asnumpy(), np.concatenate([a, c.astype(np.float32)], 0))


@pytest.mark.parametrize("index_dtype", [np.int32, np.int64])
def test_gather_matches_numpy_take(index_dtype):
    x = rand((4, 5), seed=31)
    idx = np.array([[3, 0], [1, 1]], index_dtype)
    np.testing.assert_array_equal(ops.gather(T(x), T(idx), 0).asnumpy(), np.take(x, idx, 0))
    np.testing.assert_array_equal(ops.gather(T(x), T(idx), 1).asnumpy(), np.take(x, idx, 1))


def test_one_hot_matches_numpy():
    idx = np.array([0, 2, 1, 3], np.int32)
    want = np.eye(4)[idx]
    out = ops.one_hot(T(idx), 4, T(np.float32(1.0)), T(np.float32(0.0)))
    assert out.dtype is mindc.float32
    check(out, want)
    check(ops.one_hot(T(idx), 4, 5.0, -1.0, axis=0), np.where(want.T > 0, 5.0, -1.0))
    out = ops.one_hot(T(idx), 3)
    assert out.dtype is mindc.int64
    np.testing.assert_array_equal(out.asnumpy(), np.eye(4, 3, dtype=np.int64)[idx])


def test_fill_zeros_ones_build_constant_tensors():
    out = ops.fill(mindc.int32, (2, 3), 7)
    assert out.dtype is mindc.int32
    np.testing.assert_array_equal(out.asnumpy(), np.full((2, 3), 7))
    z, o = ops.zeros((2, 2)), ops.ones(3, mindc.float64)
    assert (z.dtype, o.dtype) == (mindc.float32, mindc.float64)
    np.testing.assert_array_equal(z.asnumpy(), np.zeros((2, 2)))
    np.testing.assert_array_equal(o.asnumpy(), np.ones(3))
    x = T(np.arange(3, dtype=np.int32))
    np.testing.assert_array_equal(ops.ones_like(x).asnumpy(), [1, 1, 1])
    np.testing.assert_array_equal(ops.zeros_like(x, dtype=mindc.float32).asnumpy(), [0.0, 0.0, 0.0])


def test_strided_slice_with_masks_matches_numpy():
    x = rand((4, 5, 6), seed=32)
    np.testing.assert_array_equal(ops.strided_slice(T(x), (1, 0, 0), (3, 5, 6), (1, 2, 3)).asnumpy(), x[1:3, 0:5:2, 0:6:3])
    out = ops.strided_slice(T(x), (1, 9, 2), (0, 1, 5), (1, 1, 1), begin_mask=0b010, end_mask=0b001, shrink_axis_mask=0b100)
    np.testing.assert_array_equal(out.asnumpy(), x[1:, :1, 2])


def test_expand_dims_squeeze_flatten_match_numpy():
    x = rand((2, 1, 3), seed=33)
    assert ops.expand_dims(T(x), -1).shape == (2, 1, 3, 1)
    assert ops.expand_dims(T(x), 0).shape == (1, 2, 1, 3)
    np.testing.assert_array_equal(ops.squeeze(T(x)).asnumpy(), x.squeeze())
    np.testing.assert_array_equal(ops.squeeze(T(x), 1).asnumpy(), x.squeeze(1))
    np.testing.assert_array_equal(ops.flatten(T(x)).asnumpy(), x.reshape(2, 3))
    assert ops.flatten(T(x), start_dim=0).shape == (6,)
    assert ops.flatten(T(rand((2, 3, 4, 5))), start_dim=1, end_dim=2).shape == (2, 12, 5)


def test_shape_errors_raise_op_error_at_the_call():
    x = T(rand((2, 3)))
    with pytest.raises(mindc.OpError, match=r"test_ops\.py:\d+:\d+: 'mind\.reshape' cannot reshape \[2, 3\]"):
        ops.reshape(x, (4, -1))
    with pytest.raises(ValueError, match="'mind.add' shapes \\[2,3\\] and \\[2\\] do not broadcast"):
        ops.add(x, T(rand((2,))))
    with pytest.raises(mindc.OpError, match="cannot squeeze dimension 0"):
        ops.squeeze(x, 0)


def test_eager_kernels_are_cached_by_op_attributes_and_signature():
    x, y = T(rand((3, 7), seed=34)), T(rand((3, 7), seed=35))
    ops.sub(x, y)
    before = eager.kernel_cache_info()
    ops.sub(y, x)                        # same op and signature: a hit
    after = eager.kernel_cache_info()
    assert (after.hits - before.hits, after.misses - before.misses) == (1, 0)
    ops.sub(x, T(rand((7,))))            # a new signature: compiled
    assert eager.kernel_cache_info().misses == after.misses + 1
