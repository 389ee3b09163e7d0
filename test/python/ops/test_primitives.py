"""MindSpore's primitive classes (mindc.ops.operations as P): each against float64 numpy on random
inputs, eagerly and inside mindc.jit; the same mind ops as the functional op; the Primitive
surface; constructor checks; primitives in a GRAPH_MODE Cell and under grad."""
import copy
import math
import re

import numpy as np
import pytest
from helpers import conv2d_reference, tol
from numpy.lib.stride_tricks import sliding_window_view

import mindc
from mindc import nn, ops
from mindc.frontend.trace import OpError
from mindc.ops import operations as P

T = mindc.Tensor
SHAPE = (3, 4)
# Sums of products in float32 round differently from numpy's float64 in another order.
ACCUMULATE = dict(rtol=1e-4, atol=1e-5)


def rand(shape=SHAPE, seed=0, low=None, high=None, dtype=np.float32):
    rng = np.random.default_rng(seed)
    x = rng.uniform(low, high, shape) if low is not None else rng.standard_normal(shape)
    return x.astype(dtype)


def check(got, want, **tolerance):
    assert isinstance(got, mindc.Tensor) and got.shape == np.shape(want), (type(got), getattr(got, "shape", None))
    np.testing.assert_allclose(got.asnumpy().astype(np.float64), np.asarray(want, np.float64),
                               **(tolerance or tol(got.asnumpy().dtype)))


def erf64(x):
    return np.vectorize(math.erf)(x)


def gelu_tanh64(x):
    return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))


POSITIVE = dict(low=0.5, high=2.0)

# class name -> (float64 reference, input range)
UNARY = {
    "Neg": (np.negative, {}), "Abs": (np.abs, {}), "Exp": (np.exp, {}), "Log": (np.log, POSITIVE),
    "Sqrt": (np.sqrt, POSITIVE), "Rsqrt": (lambda x: 1 / np.sqrt(x), POSITIVE), "Square": (np.square, {}),
    "Sin": (np.sin, {}), "Cos": (np.cos, {}), "Tanh": (np.tanh, {}), "Sigmoid": (lambda x: 1 / (1 + np.exp(-x)), {}),
    "ReLU": (lambda x: np.maximum(x, 0), {}), "ReLU6": (lambda x: np.clip(x, 0, 6), dict(low=-3, high=9)),
    "GeLU": (gelu_tanh64, {}), "Erf": (erf64, {}), "Floor": (np.floor, dict(low=-4, high=4)),
    "Ceil": (np.ceil, dict(low=-4, high=4)), "Sign": (np.sign, {}), "Reciprocal": (lambda x: 1 / x, POSITIVE),
    "Log1p": (np.log1p, POSITIVE), "Expm1": (np.expm1, {}), "Softplus": (lambda x: np.log1p(np.exp(x)), {}),
    "Elu": (lambda x: np.where(x > 0, x, np.expm1(x)), {}),
    "Erfc": (lambda x: 1 - erf64(x), {}), "Inv": (lambda x: 1 / x, POSITIVE),
    "HSigmoid": (lambda x: np.clip(x + 3, 0, 6) / 6, dict(low=-5, high=5)),
    "HSwish": (lambda x: x * np.clip(x + 3, 0, 6) / 6, dict(low=-5, high=5)),
    "SeLU": (lambda x: 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * np.expm1(x)), {}),
    "Softsign": (lambda x: x / (1 + np.abs(x)), {}), "Mish": (lambda x: x * np.tanh(np.log1p(np.exp(x))), {}),
}

BINARY = {
    "Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "RealDiv": np.divide, "Div": np.divide,
    "Maximum": np.maximum, "Minimum": np.minimum, "SquaredDifference": lambda x, y: (x - y) ** 2,
    "FloorDiv": np.floor_divide, "FloorMod": np.mod, "Mod": np.fmod, "Atan2": np.arctan2,
    "Equal": np.equal, "NotEqual": np.not_equal, "Greater": np.greater, "GreaterEqual": np.greater_equal,
    "Less": np.less, "LessEqual": np.less_equal, "TensorAdd": np.add,
    "DivNoNan": np.divide, "Xdivy": np.divide, "TruncateDiv": lambda x, y: np.trunc(x / y), "TruncateMod": np.fmod,
}


def unary_input(name):
    return rand(seed=sorted(UNARY).index(name), **UNARY[name][1])


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_primitive_matches_float64_numpy(name):
    x = unary_input(name)
    check(getattr(P, name)()(T(x)), UNARY[name][0](x.astype(np.float64)))


def test_unary_primitives_inside_jit_match_float64_numpy():
    names = sorted(UNARY)
    prims = [getattr(P, n)() for n in names]
    outs = mindc.jit(lambda *xs: tuple(p(x) for p, x in zip(prims, xs)))(*(T(unary_input(n)) for n in names))
    for name, got in zip(names, outs):
        check(got, UNARY[name][0](unary_input(name).astype(np.float64)))


def binary_inputs():
    # y broadcasts along the rows; pow needs a positive base.
    return rand(seed=1) * 3, rand((4,), seed=2)


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_primitive_matches_float64_numpy(name):
    x, y = binary_inputs()
    got = getattr(P, name)()(T(x), T(y))
    want = BINARY[name](x.astype(np.float64), y.astype(np.float64))
    if want.dtype == np.bool_:
        np.testing.assert_array_equal(got.asnumpy(), want)
    else:
        check(got, want)


def test_binary_primitives_inside_jit_match_float64_numpy():
    names = sorted(BINARY)
    prims = [getattr(P, n)() for n in names]
    x, y = binary_inputs()
    outs = mindc.jit(lambda a, b: tuple(p(a, b) for p in prims))(T(x), T(y))
    for name, got in zip(names, outs):
        want = BINARY[name](x.astype(np.float64), y.astype(np.float64))
        np.testing.assert_allclose(got.asnumpy().astype(np.float64), want, **tol(np.float32))


def test_pow_and_logic_primitives():
    x, y = rand(**POSITIVE), rand(seed=3)
    check(P.Pow()(T(x), T(y)), np.power(x.astype(np.float64), y))
    a, b = rand(seed=4) > 0, rand(seed=5) > 0
    np.testing.assert_array_equal(P.LogicalAnd()(T(a), T(b)).asnumpy(), a & b)
    np.testing.assert_array_equal(P.LogicalOr()(T(a), T(b)).asnumpy(), a | b)
    np.testing.assert_array_equal(P.LogicalNot()(T(a)).asnumpy(), ~a)
    np.testing.assert_array_equal(P.Select()(T(a), T(x), T(y)).asnumpy(), np.where(a, x, y))


def test_primitives_with_zeros_nans_and_infinities():
    x = np.array([0.0, 2.0, -3.0, 0.0, np.nan, np.inf, -np.inf], np.float32)
    y = np.array([0.0, 0.0, 2.0, 5.0, 1.0, 2.0, 1.0], np.float32)
    np.testing.assert_array_equal(P.IsNan()(T(x)).asnumpy(), np.isnan(x))
    np.testing.assert_array_equal(P.IsInf()(T(x)).asnumpy(), np.isinf(x))
    np.testing.assert_array_equal(P.IsFinite()(T(x)).asnumpy(), np.isfinite(x))
    np.testing.assert_array_equal(P.IsFinite()(T(np.array([3, -1], np.int32))).asnumpy(), [True, True])
    with np.errstate(divide="ignore", invalid="ignore"):
        np.testing.assert_array_equal(P.DivNoNan()(T(x[:4]), T(y[:4])).asnumpy(),
                                      np.where(y[:4] == 0, 0, x[:4] / y[:4]))
        np.testing.assert_array_equal(P.Xdivy()(T(x[:4]), T(y[:4])).asnumpy(),
                                      np.where(x[:4] == 0, 0, x[:4] / y[:4]))
    xl, yl = np.array([0.0, 2.0, 0.5], np.float32), np.array([0.0, 3.0, 0.25], np.float32)
    check(P.Xlogy()(T(xl), T(yl)), [0.0, 2 * np.log(3.0), 0.5 * np.log(0.25)])
    a, b = rand(seed=46) > 0, rand(seed=47) > 0
    np.testing.assert_array_equal(P.LogicalXor()(T(a), T(b)).asnumpy(), a ^ b)


def test_bool_reductions_and_lerp():
    x = rand((3, 4), seed=48) > -0.5
    np.testing.assert_array_equal(P.ReduceAll()(T(x), 1).asnumpy(), x.all(1))
    np.testing.assert_array_equal(P.ReduceAny(keep_dims=True)(T(x), 0).asnumpy(), x.any(0, keepdims=True))
    assert bool(P.ReduceAny()(T(np.zeros(3, np.float32))).asnumpy()) is False
    s, e = rand(seed=49), rand(seed=50)
    check(P.Lerp()(T(s), T(e), 0.3), s + 0.3 * (e.astype(np.float64) - s))


# ---- the same mind ops as the functional op

def mind_ir(fn, *args) -> str:
    """The function's mind IR with its symbol name removed (the two sides have different names)."""
    return re.sub(r"@\w+\(", "@f(", mindc.jit(fn).lower(*args).as_text("mind"))


SAME_IR = {
    "Add": (lambda x, y: P.Add()(x, y), lambda x, y: ops.add(x, y)),
    "MatMul": (lambda x, y: P.MatMul()(x, ops.transpose(y, (1, 0))),
               lambda x, y: ops.matmul(x, ops.transpose(y, (1, 0)))),
    "ReduceSum": (lambda x, y: P.ReduceSum(keep_dims=True)(x, 1), lambda x, y: ops.reduce_sum(x, 1, True)),
    "ReduceMean": (lambda x, y: P.ReduceMean()(x, (0, 1)), lambda x, y: ops.mean(x, (0, 1))),
    "Softmax": (lambda x, y: P.Softmax(axis=0)(x), lambda x, y: ops.softmax(x, 0)),
    "Reshape": (lambda x, y: P.Reshape()(x, (4, 3)), lambda x, y: ops.reshape(x, (4, 3))),
    "Transpose": (lambda x, y: P.Transpose()(x, (1, 0)), lambda x, y: ops.transpose(x, (1, 0))),
    "Concat": (lambda x, y: P.Concat(axis=1)((x, y)), lambda x, y: ops.concat((x, y), 1)),
    "CumSum": (lambda x, y: P.CumSum()(x, 1), lambda x, y: ops.cumsum(x, 1)),
    "Tile": (lambda x, y: P.Tile()(x, (2, 1)), lambda x, y: ops.tile(x, (2, 1))),
    "Cast": (lambda x, y: P.Cast()(x, mindc.float64), lambda x, y: ops.cast(x, mindc.float64)),
    "Sigmoid": (lambda x, y: P.Sigmoid()(x), lambda x, y: ops.sigmoid(x)),
}


@pytest.mark.parametrize("name", sorted(SAME_IR))
def test_primitive_builds_the_same_mind_ops_as_the_functional_op(name):
    prim_fn, functional_fn = SAME_IR[name]
    args = (T(rand()), T(rand(seed=1)))
    assert mind_ir(prim_fn, *args) == mind_ir(functional_fn, *args)


def test_matmul_transpose_attributes_stay_on_the_op():
    ir_text = mind_ir(lambda x, y: P.MatMul(transpose_b=True)(x, y), T(rand()), T(rand(seed=1)))
    assert '"mind.matmul"' in ir_text and "transpose_b = true" in ir_text and "mind.transpose" not in ir_text


# ---- array and reduction primitives

def test_matmul_and_batch_matmul_transposes():
    x, y = rand((4, 3)), rand((5, 3), seed=1)
    check(P.MatMul(transpose_b=True)(T(x), T(y)), x.astype(np.float64) @ y.T, **ACCUMULATE)
    check(P.MatMul(transpose_a=True)(T(x), T(x)), x.astype(np.float64).T @ x, **ACCUMULATE)
    a, b = rand((2, 3, 4), seed=2), rand((2, 5, 4), seed=3)
    check(P.BatchMatMul(transpose_b=True)(T(a), T(b)), a.astype(np.float64) @ b.transpose(0, 2, 1), **ACCUMULATE)


REDUCE = {"ReduceSum": np.sum, "ReduceMean": np.mean, "ReduceMax": np.max, "ReduceMin": np.min, "ReduceProd": np.prod}


@pytest.mark.parametrize("name", sorted(REDUCE))
@pytest.mark.parametrize("axis,keep_dims", [((), False), (1, True), ((0, -1), False)], ids=str)
def test_reduce_primitives_match_float64_numpy(name, axis, keep_dims):
    x = rand(seed=6)
    want = REDUCE[name](x.astype(np.float64), axis=axis or None, keepdims=keep_dims)
    check(getattr(P, name)(keep_dims=keep_dims)(T(x), axis), want, **ACCUMULATE)


def test_reduce_sum_default_axis_and_skip_mode():
    x = rand(seed=7)
    check(P.ReduceSum()(T(x)), x.astype(np.float64).sum(), **ACCUMULATE)
    check(P.ReduceSum(skip_mode=True)(T(x), ()), x)


def test_argmax_returns_int32_and_output_type_casts():
    x = rand(seed=8)
    got = P.Argmax()(T(x))
    assert got.dtype == mindc.int32
    np.testing.assert_array_equal(got.asnumpy(), np.argmax(x, -1))
    got = P.Argmin(axis=0, output_type=mindc.int64)(T(x))
    assert got.dtype == mindc.int64
    np.testing.assert_array_equal(got.asnumpy(), np.argmin(x, 0))


@pytest.mark.parametrize("name,arg,extreme", [("ArgMaxWithValue", np.argmax, np.max),
                                               ("ArgMinWithValue", np.argmin, np.min)])
def test_arg_with_value_returns_index_and_value(name, arg, extreme):
    x = rand(seed=9)
    index, value = getattr(P, name)(axis=1, keep_dims=True)(T(x))
    np.testing.assert_array_equal(index.asnumpy(), arg(x, 1)[:, None])
    check(value, extreme(x, 1, keepdims=True))


def test_shape_primitives():
    x = rand((2, 3, 1, 2), seed=10)
    x64 = x.astype(np.float64)
    check(P.Reshape()(T(x), (3, -1)), x64.reshape(3, -1))
    check(P.Transpose()(T(x), (3, 0, 2, 1)), x64.transpose(3, 0, 2, 1))
    check(P.ExpandDims()(T(x), -1), x64[..., None])
    check(P.Squeeze()(T(x)), x64.squeeze())
    check(P.Squeeze(axis=2)(T(x)), x64.squeeze(2))
    check(P.Flatten()(T(x)), x64.reshape(2, -1))
    check(P.Tile()(T(x), (1, 2, 1, 3)), np.tile(x64, (1, 2, 1, 3)))
    check(P.BroadcastTo((4, -1, 3, 3, 2))(T(x)), np.broadcast_to(x64, (4, 2, 3, 3, 2)))
    check(P.Concat(axis=-1)((T(x), T(x))), np.concatenate([x64, x64], -1))
    check(P.Stack(axis=1)([T(x), T(x)]), np.stack([x64, x64], 1))
    assert P.Shape()(T(x)) == (2, 3, 1, 2) and P.Rank()(T(x)) == 4 and P.Size()(T(x)) == 12
    assert P.DType()(T(x)) == mindc.float32


def test_creation_primitives():
    x = rand(seed=11)
    np.testing.assert_array_equal(P.Fill()(mindc.int32, (2, 3), 7).asnumpy(), np.full((2, 3), 7, np.int32))
    assert P.Zeros()((2, 2), mindc.float32).asnumpy().tolist() == [[0, 0], [0, 0]]
    assert P.Ones()(3, mindc.int64).asnumpy().tolist() == [1, 1, 1]
    np.testing.assert_array_equal(P.ZerosLike()(T(x)).asnumpy(), np.zeros_like(x))
    np.testing.assert_array_equal(P.OnesLike()(T(x)).asnumpy(), np.ones_like(x))
    check(P.Cast()(T(x), mindc.float64), x)
    check(P.AddN()((T(x), T(x), T(x))), 3 * x.astype(np.float64))


def test_gather_and_one_hot():
    x = rand((5, 3), seed=12)
    idx = np.array([[4, 0], [2, 2]], np.int32)
    check(P.Gather()(T(x), T(idx), 0), x[idx])
    check(P.GatherV2()(T(x), T(np.array([2, 0], np.int32)), 1), x[:, [2, 0]])
    labels = np.array([1, 0, 3], np.int32)
    got = P.OneHot()(T(labels), 4, T(np.float32(2.0)), T(np.float32(-1.0)))
    np.testing.assert_array_equal(got.asnumpy(), np.where(np.eye(4)[labels] > 0, 2.0, -1.0))


def test_slicing_primitives():
    x = rand((4, 6), seed=13)
    check(P.StridedSlice()(T(x), (1, 0), (4, 6), (2, 3)), x[1:4:2, 0:6:3])
    check(P.StridedSlice(begin_mask=1, shrink_axis_mask=2)(T(x), (3, 2), (4, 3), (1, 1)), x[:4, 2])
    check(P.Slice()(T(x), (1, 2), (2, -1)), x[1:3, 2:])
    pieces = P.Split(axis=1, output_num=3)(T(x))
    assert len(pieces) == 3
    for got, want in zip(pieces, np.split(x, 3, 1)):
        check(got, want)


def test_stacking_reversing_and_segment_primitives():
    x = rand((3, 4), seed=51)
    check(P.Pack(axis=1)((T(x), T(x))), np.stack([x, x], 1))
    pieces = P.Unstack(axis=1)(T(x))
    assert len(pieces) == 4 and P.Unpack is not P.Unstack
    for i, piece in enumerate(pieces):
        check(piece, x[:, i])
    check(P.ReverseV2(axis=(0, -1))(T(x)), x[::-1, ::-1])
    mask = rand((4,), seed=52) > 0
    check(P.MaskedFill()(T(x), T(mask), 7.0), np.where(mask, 7.0, x))
    ids = np.array([2, 0, 2], np.int32)
    want = np.zeros((4, 4))
    np.add.at(want, ids, x.astype(np.float64))
    check(P.UnsortedSegmentSum()(T(x), T(ids), 4), want)
    assert P.TupleToArray()((1, 2)).dtype == mindc.int64 and float(P.ScalarToTensor()(2).asnumpy()) == 2.0
    assert P.Partial()(P.Add(), T(x))(T(x)).shape == (3, 4)


def test_top_k_and_sort_primitives():
    x = rand((3, 6), seed=57)
    values, indices = P.TopK(sorted=True)(T(x), 4)
    order = np.argsort(-x, -1)[:, :4]
    np.testing.assert_array_equal(indices.asnumpy(), order)
    check(values, np.take_along_axis(x, order, -1))
    # sorted=False: the same k elements in index order, as MindSpore's CPU kernel gives them.
    values, indices = P.TopK(sorted=False)(T(x), 4)
    in_order = np.sort(order, -1)
    np.testing.assert_array_equal(indices.asnumpy(), in_order)
    check(values, np.take_along_axis(x, in_order, -1))
    values, indices = P.Sort(axis=0)(T(x))
    np.testing.assert_array_equal(indices.asnumpy(), np.argsort(x, 0))
    check(values, np.sort(x, 0))


@pytest.mark.parametrize("exclusive,reverse", [(False, False), (True, True)])
def test_cumsum_primitive(exclusive, reverse):
    x = rand(seed=14).astype(np.float64)
    ordered = x[:, ::-1] if reverse else x
    sums = np.cumsum(ordered, 1) - (ordered if exclusive else 0)
    check(P.CumSum(exclusive, reverse)(T(x), 1), sums[:, ::-1] if reverse else sums)


# ---- nn primitives

def test_softmax_log_softmax_and_bias_add():
    x = rand((2, 3, 4), seed=15)
    x64 = x.astype(np.float64)
    e = np.exp(x64 - x64.max(1, keepdims=True))
    check(P.Softmax(axis=1)(T(x)), e / e.sum(1, keepdims=True))
    check(P.LogSoftmax(axis=(1,))(T(x)), np.log(e / e.sum(1, keepdims=True)))
    b = rand((3,), seed=16)
    check(P.BiasAdd()(T(x), T(b)), x64 + b.reshape(1, 3, 1))


@pytest.mark.parametrize("pad_mode,pad,stride", [("valid", 0, 1), ("same", 0, 2), ("pad", (1, 0, 2, 1), (1, 2))],
                         ids=str)
def test_conv2d_matches_float64_reference(pad_mode, pad, stride):
    x, w = rand((2, 4, 7, 6), seed=17), rand((6, 2, 3, 3), seed=18)
    conv = P.Conv2D(out_channel=6, kernel_size=3, pad_mode=pad_mode, pad=pad, stride=stride, group=2)
    got = conv(T(x), T(w))
    s = (stride, stride) if isinstance(stride, int) else stride
    # "same" with stride 2: out = ceil(7/2), ceil(6/2) = 4, 3 needs 2 rows (1 + 1) and 1 column (0 + 1).
    pads = {"valid": (0, 0, 0, 0), "same": (1, 1, 0, 1), "pad": pad}[pad_mode]
    check(got, conv2d_reference(x, w, stride=s, pad=pads, group=2), **ACCUMULATE)


def conv2d_input_grad64(dout, w, input_size, stride, pad, group):
    """The adjoint of conv2d in float64, scattering each output's weighted window back to x."""
    n, channels, h, w_ = input_size
    dx = np.zeros((n, channels, h + pad[0] + pad[1], w_ + pad[2] + pad[3]))
    out_per_group, in_per_group = dout.shape[1] // group, w.shape[1]
    kh, kw = w.shape[2:]
    for o in range(dout.shape[1]):
        c = slice((o // out_per_group) * in_per_group, (o // out_per_group + 1) * in_per_group)
        for i in range(dout.shape[2]):
            for j in range(dout.shape[3]):
                rows, cols = slice(i * stride[0], i * stride[0] + kh), slice(j * stride[1], j * stride[1] + kw)
                dx[:, c, rows, cols] += dout[:, o, i, j][:, None, None, None] * w[o].astype(np.float64)
    return dx[:, :, pad[0]:dx.shape[2] - pad[1], pad[2]:dx.shape[3] - pad[3]]


@pytest.mark.parametrize("name", ["Conv2DBackpropInput", "Conv2DTranspose"])
@pytest.mark.parametrize("pad_mode,pad_list", [("same", None), ("valid", (1, 0, 0, 1))], ids=str)
def test_conv2d_backprop_input_is_the_adjoint_of_conv2d(name, pad_mode, pad_list):
    size = (2, 4, 7, 6)
    w = rand((6, 2, 3, 3), seed=59)
    pads = pad_list or (1, 1, 0, 1)   # "same" with stride 2, as in test_conv2d_matches_float64_reference
    out_h = (size[2] + pads[0] + pads[1] - 3) // 2 + 1
    out_w = (size[3] + pads[2] + pads[3] - 3) // 2 + 1
    dout = rand((2, 6, out_h, out_w), seed=60)
    prim = getattr(P, name)(6, 3, pad_mode=pad_mode, pad_list=pad_list, stride=2, group=2)
    got = prim(T(dout), T(w), size)
    check(got, conv2d_input_grad64(dout, w, size, (2, 2), pads, 2), **ACCUMULATE)


def pool64(x, kernel, stride, reduce, pad=(0, 0, 0, 0), fill=np.nan):
    padded = np.pad(x.astype(np.float64), [(0, 0), (0, 0), pad[:2], pad[2:]], constant_values=fill)
    windows = sliding_window_view(padded, kernel, axis=(2, 3))[:, :, ::stride[0], ::stride[1]]
    return reduce(windows, axis=(-2, -1))


def test_max_pool_and_avg_pool_valid_and_same():
    x = rand((2, 3, 7, 6), seed=19)
    check(P.MaxPool(kernel_size=3, strides=2)(T(x)), pool64(x, (3, 3), (2, 2), np.max))
    same = (1, 1, 0, 1)  # as in test_conv2d_matches_float64_reference
    check(P.MaxPool(kernel_size=(1, 1, 3, 3), strides=2, pad_mode="SAME")(T(x)),
          pool64(x, (3, 3), (2, 2), np.nanmax, same))
    check(P.AvgPool(kernel_size=2, strides=(1, 2))(T(x)), pool64(x, (2, 2), (1, 2), np.mean))
    # Same-padded averages divide by the real elements of each window only.
    check(P.AvgPool(kernel_size=3, strides=2, pad_mode="same")(T(x)), pool64(x, (3, 3), (2, 2), np.nanmean, same))


def test_layer_norm_returns_output_mean_and_variance():
    x, g, b = rand((2, 3, 4), seed=20), rand((3, 4), seed=21), rand((3, 4), seed=22)
    y, mean, var = P.LayerNorm(begin_norm_axis=1, begin_params_axis=1, epsilon=1e-5)(T(x), T(g), T(b))
    x64 = x.astype(np.float64)
    m, v = x64.mean((1, 2), keepdims=True), x64.var((1, 2), keepdims=True)
    check(y, (x64 - m) / np.sqrt(v + 1e-5) * g + b, **ACCUMULATE)
    check(mean, m)
    check(var, v, **ACCUMULATE)


def test_batch_norm_inference_uses_the_given_statistics():
    x = rand((2, 3, 4, 5), seed=23)
    scale, bias, mean = rand((3,), seed=24), rand((3,), seed=25), rand((3,), seed=26)
    var = rand((3,), seed=27, **POSITIVE)
    y, *rest = P.BatchNorm(epsilon=1e-3)(T(x), T(scale), T(bias), T(mean), T(var))
    c = lambda v: v.astype(np.float64).reshape(1, 3, 1, 1)  # noqa: E731
    check(y, (x - c(mean)) / np.sqrt(c(var) + 1e-3) * c(scale) + c(bias), **ACCUMULATE)
    assert len(rest) == 4


def test_batch_norm_training_normalizes_by_the_batch_and_updates_the_statistics():
    x = rand((4, 3, 2, 2), seed=28)
    mean = mindc.Parameter(rand((3,), seed=29), name="m")
    var = mindc.Parameter(rand((3,), seed=30, **POSITIVE), name="v")
    old_mean, old_var = mean.asnumpy().astype(np.float64), var.asnumpy().astype(np.float64)
    bn = P.BatchNorm(is_training=True, momentum=0.2)
    y, batch_mean, batch_var, _, _ = bn(T(x), T(np.ones(3, np.float32)), T(np.zeros(3, np.float32)), mean, var)
    x64 = x.astype(np.float64)
    bm, bv = x64.mean((0, 2, 3)), x64.var((0, 2, 3))
    check(y, (x64 - bm.reshape(1, 3, 1, 1)) / np.sqrt(bv.reshape(1, 3, 1, 1) + 1e-5), **ACCUMULATE)
    check(batch_mean, bm, **ACCUMULATE)
    np.testing.assert_allclose(mean.asnumpy(), 0.8 * old_mean + 0.2 * bm, **ACCUMULATE)
    np.testing.assert_allclose(var.asnumpy(), 0.8 * old_var + 0.2 * bv, **ACCUMULATE)


def log_softmax64(x):
    x = x.astype(np.float64)
    shifted = x - x.max(-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(-1, keepdims=True))


def test_softmax_cross_entropy_returns_loss_and_backprop():
    logits = rand((4, 5), seed=31)
    labels = np.random.default_rng(32).dirichlet(np.ones(5), 4).astype(np.float32)
    loss, backprop = P.SoftmaxCrossEntropyWithLogits()(T(logits), T(labels))
    check(loss, -(labels * log_softmax64(logits)).sum(-1))
    check(backprop, np.exp(log_softmax64(logits)) - labels)


def test_sparse_softmax_cross_entropy_mean_loss_and_its_gradient():
    logits, labels = rand((4, 5), seed=33), np.array([0, 4, 2, 2], np.int32)
    logp = log_softmax64(logits)
    check(P.SparseSoftmaxCrossEntropyWithLogits()(T(logits), T(labels)), -logp[np.arange(4), labels].mean())
    grad = P.SparseSoftmaxCrossEntropyWithLogits(is_grad=True)(T(logits), T(labels))
    check(grad, (np.exp(logp) - np.eye(5)[labels]) / 4)


def test_l2_primitives_and_binary_cross_entropy():
    x, label = rand((3, 4), seed=53), np.random.default_rng(54).uniform(0, 1, (3, 4)).astype(np.float32)
    x64 = x.astype(np.float64)
    check(P.L2Loss()(T(x)), (x64 ** 2).sum() / 2, **ACCUMULATE)
    check(P.L2Normalize(axis=1, epsilon=1e-6)(T(x)), x64 / np.sqrt((x64 ** 2).sum(1, keepdims=True)))
    sig = 1 / (1 + np.exp(-x64))
    bce = -(label * np.log(sig) + (1 - label) * np.log(1 - sig))
    check(P.SigmoidCrossEntropyWithLogits()(T(x), T(label)), bce)
    w, pw = rand((4,), seed=55, **POSITIVE), rand((4,), seed=56, **POSITIVE)
    weighted = -w * (pw * label * np.log(sig) + (1 - label) * np.log(1 - sig))
    check(P.BCEWithLogitsLoss(reduction="sum")(T(x), T(label), T(w), T(pw)), weighted.sum(), **ACCUMULATE)
    d = np.abs(x64 - label)
    check(P.SmoothL1Loss(beta=0.5, reduction="mean")(T(x), T(label)), np.where(d < 0.5, d * d, d - 0.25).mean())
    check(P.CeLU(alpha=2.0)(T(x)), np.where(x64 > 0, x64, 2.0 * np.expm1(x64 / 2.0)))
    check(P.Gelu()(T(x)), gelu_tanh64(x64))


def test_dropout_returns_scaled_output_and_its_mask_and_draws_new_masks():
    x = rand((50, 40), seed=34)
    dropout = P.Dropout(keep_prob=0.75)
    out, mask = dropout(T(x))
    m = mask.asnumpy()
    assert set(np.unique(m)) <= {0.0, 1.0} and abs(m.mean() - 0.75) < 0.05
    check(out, x * m / 0.75)
    assert not np.array_equal(dropout(T(x))[1].asnumpy(), m)


class DropoutNet(nn.Cell):
    def __init__(self):
        super().__init__()
        self.dropout = P.Dropout(keep_prob=0.5)

    def construct(self, x):
        return self.dropout(x)


def test_dropout_primitive_in_a_graph_draws_a_new_mask_each_call(graph_mode):
    net, x = DropoutNet(), rand((20, 30), seed=58)
    (out1, mask1), (out2, mask2) = net(T(x)), net(T(x))
    assert not np.array_equal(mask1.asnumpy(), mask2.asnumpy())
    check(out2, x * mask2.asnumpy() / 0.5)


def test_assign_primitives_and_depend():
    p = mindc.Parameter(rand((3,), seed=38), name="p")
    v = rand((3,), seed=39)
    P.Assign()(p, T(v))
    np.testing.assert_array_equal(p.asnumpy(), v)
    P.AssignAdd()(p, T(v))
    P.AssignSub()(p, T(v * 0.5))
    np.testing.assert_allclose(p.asnumpy(), v * 1.5, **tol(np.float32))
    x = T(v)
    assert P.Depend()(x, p) is x


# ---- graphs and gradients

class DenseNet(nn.Cell):
    """A dense layer written with primitives, as MindSpore model code does."""

    def __init__(self):
        super().__init__()
        self.weight = mindc.Parameter(rand((5, 4), seed=40), name="weight")
        self.bias = mindc.Parameter(rand((5,), seed=41), name="bias")
        self.matmul, self.bias_add, self.act = P.MatMul(transpose_b=True), P.BiasAdd(), P.Softplus()
        self.reduce = P.ReduceMean(keep_dims=True)

    def construct(self, x):
        return self.reduce(self.act(self.bias_add(self.matmul(x, self.weight), self.bias)), -1)


def test_primitives_in_a_cell_match_numpy_in_either_mode(either_mode):
    x = rand((3, 4), seed=42)
    net = DenseNet()
    z = x.astype(np.float64) @ net.weight.asnumpy().T + net.bias.asnumpy()
    check(net(T(x)), np.log1p(np.exp(z)).mean(-1, keepdims=True), **ACCUMULATE)


def test_gradient_through_primitives_matches_central_differences():
    prims = (P.Square(), P.Elu(), P.Atan2(), P.CumSum(reverse=True), P.ReduceSum(), P.Tile(), P.Sigmoid())

    def f(x):
        square, elu, atan2, cumsum, total, tile, sigmoid = prims
        y = atan2(elu(x), square(x) + 1.0)
        return total(cumsum(tile(y, (2, 1)), 0) * sigmoid(x * 3.0).sum())

    rng = np.random.default_rng(43)
    x, u = rng.standard_normal(SHAPE), rng.standard_normal(SHAPE)
    analytic = float(np.sum(mindc.grad(f)(T(x)).asnumpy() * u))
    eps = 1e-6
    numeric = (float(f(T(x + eps * u)).asnumpy()) - float(f(T(x - eps * u)).asnumpy())) / (2 * eps)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-7)


# ---- the Primitive surface

def test_primitive_name_attrs_repr_and_prim_attrs():
    matmul = P.MatMul(transpose_b=True)
    assert matmul.name == "MatMul" and matmul.attrs == {"transpose_a": False, "transpose_b": True}
    assert matmul.transpose_b is True
    assert repr(matmul) == "Prim[MatMul]<transpose_a=False, transpose_b=True>"
    assert matmul.add_prim_attr("primitive_target", "CPU") is matmul and matmul.attrs["primitive_target"] == "CPU"
    matmul.init_prim_io_names(inputs=["x1", "x2"], outputs=["output"])
    assert matmul.input_names == ["x1", "x2"] and "input_names" not in repr(matmul)
    assert repr(P.Add()) == "Prim[Add]" and isinstance(P.Add(), ops.Primitive)
    clone = copy.deepcopy(matmul)
    assert clone is not matmul and clone.transpose_b is True


def test_classes_are_reachable_as_in_mindspore():
    assert ops.Add is P.Add and ops.MatMul is P.MatMul and ops.operations.ReduceSum is P.ReduceSum
    assert callable(ops.add) and ops.add is not ops.Add


def test_user_primitive_with_prim_attr_register():
    class Scale(ops.PrimitiveWithInfer):
        @ops.prim_attr_register
        def __init__(self, factor=2.0):
            self.init_prim_io_names(inputs=["x"], outputs=["y"])

        def __call__(self, x):
            return ops.mul(x, self.factor)

    scale = Scale(factor=3.0)
    assert scale.name == "Scale" and scale.attrs["factor"] == 3.0
    x = rand((3,), seed=44)
    check(mindc.jit(lambda v: scale(v))(T(x)), 3.0 * x.astype(np.float64))


def test_constexpr_runs_python_on_shapes_while_tracing():
    @ops.constexpr
    def half(n):
        return n // 2

    @ops.constexpr(reuse_result=False)
    def doubled(shape):
        return tuple(2 * d for d in shape)

    x = rand((4, 3), seed=45)
    got = mindc.jit(lambda v: P.Reshape()(P.Tile()(v, (2, 1)), doubled((half(P.Shape()(v)[0]), 3))))(T(x))
    check(got, np.tile(x, (2, 1)).reshape(4, 6))


def test_primitive_without_implementation_says_so():
    with pytest.raises(TypeError, match="primitive 'Custom' has no implementation in mindc"):
        ops.Primitive("Custom")(T(rand()))


BAD_ATTRIBUTES = [
    (lambda: P.MatMul(transpose_a=1), TypeError, "For 'MatMul', 'transpose_a' must be a bool, got int"),
    (lambda: P.ReduceSum(keep_dims="yes"), TypeError, "For 'ReduceSum', 'keep_dims' must be a bool, got str"),
    (lambda: P.Softmax(axis=1.5), TypeError, "For 'Softmax', 'axis' must be an int or a tuple of 1 ints"),
    (lambda: P.Concat(axis=None), TypeError, "For 'Concat', 'axis' must be an int, got NoneType"),
    (lambda: P.Argmax(output_type=mindc.float32), TypeError, "'output_type' must be int32 or int64"),
    (lambda: P.Conv2D(0, 3), ValueError, "For 'Conv2D', 'out_channel' must be at least 1, got 0"),
    (lambda: P.Conv2D(4, 3, pad=1), ValueError, "'pad' must be zero when 'pad_mode' is not 'pad'"),
    (lambda: P.Conv2D(4, 3, pad_mode="full"), ValueError, "'pad_mode' must be one of \\['valid', 'same', 'pad'\\]"),
    (lambda: P.Conv2D(4, (3, 3, 3)), TypeError, "'kernel_size' must be an int or a tuple of 1 or 2 or 4 ints"),
    (lambda: P.Conv2D(4, 3, data_format="NHWC"), ValueError, "'NHWC' format is only supported on GPU"),
    (lambda: P.MaxPool(pad_mode="pad"), ValueError, "For 'MaxPool', 'pad_mode' must be one of \\['VALID', 'SAME'\\]"),
    (lambda: P.AvgPool(strides=0), ValueError, "each entry of 'strides' must be at least 1"),
    (lambda: P.Dropout(keep_prob=0.0), ValueError, "For 'Dropout', 'keep_prob' must be in \\(0.0, 1.0\\], got 0.0"),
    (lambda: P.BatchNorm(momentum=1.5), ValueError, "'momentum' must be in \\[0.0, 1.0\\]"),
    (lambda: P.LayerNorm(epsilon=0), ValueError, "'epsilon' must be in \\(0.0, inf\\]"),
    (lambda: P.StridedSlice(ellipsis_mask=3), ValueError, "only one bit of 'ellipsis_mask'"),
    (lambda: P.Split(output_num=0), ValueError, "'output_num' must be at least 1"),
    (lambda: P.ApplyMomentum(gradient_scale="1"), TypeError, "'gradient_scale' must be a float"),
    (lambda: P.Elu(alpha=True), TypeError, "For 'Elu', 'alpha' must be a float, got bool"),
    (lambda: P.CeLU(alpha=0.0), ValueError, "For 'CeLU', 'alpha' must not be 0"),
    (lambda: P.SmoothL1Loss(reduction="avg"), ValueError, "'reduction' must be one of \\['mean', 'sum', 'none'\\]"),
    (lambda: P.ReverseV2(axis=0), TypeError, "For 'ReverseV2', 'axis' must be a tuple or list of ints"),
    (lambda: P.Unstack(num=0), ValueError, "'num' must be at least 1"),
    (lambda: P.Sort(descending=1), TypeError, "For 'Sort', 'descending' must be a bool, got int"),
]


@pytest.mark.parametrize("make,error,message", BAD_ATTRIBUTES, ids=lambda v: "" if callable(v) else None)
def test_constructor_rejects_bad_attributes(make, error, message):
    with pytest.raises(error, match=message):
        make()


def test_call_errors_name_the_users_line():
    with pytest.raises(OpError, match=r"test_primitives\.py:\d+:\d+: 'mind.conv2d' Conv2D\(out_channel=4"):
        P.Conv2D(4, 3)(T(rand((1, 2, 5, 5))), T(rand((4, 2, 2, 2))))
    with pytest.raises(OpError, match=r"test_primitives\.py:\d+:\d+: .*Split cannot cut dimension 1"):
        P.Split(axis=1, output_num=3)(T(rand()))


def test_inv_of_integers_is_their_integer_reciprocal():
    x = np.array([56, -3, 1, -1, 2], np.int32)
    out = P.Inv()(mindc.Tensor(x))
    assert out.dtype == mindc.int32
    np.testing.assert_array_equal(out.asnumpy(), np.reciprocal(x))
