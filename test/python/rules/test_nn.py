"""conv2d, max_pool, avg_pool, softmax and log_softmax compiled through the CPU pipeline, against
float64 numpy references written here; and the shape errors their rules report."""
import re

import numpy as np
import pytest
from helpers import conv2d_reference, run_op, tol
from numpy.lib.stride_tricks import sliding_window_view

from mindc import emit
from mindc.ir import DIALECT_FILE, make_context
from mindc.rules.base import Attrs, Kind, RuleError, Sig, rule_for

DTYPES = [np.float32, np.float64]


def windows(x, kernel, strides, pad):
    """Every pooling window of x padded with NaN: shape [N, C, Ho, Wo, kh, kw]."""
    x = np.pad(x, ((0, 0), (0, 0), tuple(pad[:2]), tuple(pad[2:])), constant_values=np.nan)
    return sliding_window_view(x, kernel, axis=(2, 3))[:, :, ::strides[0], ::strides[1]]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("xs,ws,stride,pad,dilation,group", [
    ((2, 3, 7, 5), (5, 3, 3, 3), (1, 1), (0, 0, 0, 0), (1, 1), 1),
    ((1, 3, 11, 7), (4, 3, 3, 2), (2, 3), (1, 2, 0, 1), (2, 1), 1),
    ((1, 4, 6, 5), (6, 2, 3, 3), (1, 2), (1, 1, 1, 1), (1, 1), 2),
    ((2, 3, 5, 5), (3, 1, 3, 3), (1, 1), (1, 1, 1, 1), (1, 1), 3),    # depthwise
])
def test_conv2d_matches_float64_numpy(dtype, xs, ws, stride, pad, dilation, group):
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal(xs).astype(dtype), rng.standard_normal(ws).astype(dtype)
    got = run_op("mind.conv2d", x, w, stride=stride, pad=pad, dilation=dilation, group=group)
    want = conv2d_reference(x.astype(np.float64), w.astype(np.float64), stride, pad, dilation, group)
    np.testing.assert_allclose(got, want, **tol(dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("kernel,strides,pad", [((3, 2), (2, 1), (1, 1, 0, 1)), ((2, 2), (2, 2), (0, 0, 0, 0))])
def test_max_pool_matches_float64_numpy(dtype, kernel, strides, pad):
    # All-negative inputs: a zero-padded pool would wrongly return 0 at the borders.
    x = -np.abs(np.random.default_rng(1).standard_normal((2, 3, 7, 5))).astype(dtype) - 0.1
    got = run_op("mind.max_pool", x, kernel_size=kernel, strides=strides, pad=pad)
    want = np.nanmax(windows(x.astype(np.float64), kernel, strides, pad), axis=(4, 5))
    np.testing.assert_allclose(got, want, **tol(dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("count_include_pad", [True, False])
def test_avg_pool_matches_float64_numpy(dtype, count_include_pad):
    kernel, strides, pad = (3, 2), (2, 1), (1, 2, 1, 0)
    x = np.random.default_rng(2).standard_normal((1, 2, 7, 5)).astype(dtype)
    got = run_op("mind.avg_pool", x, kernel_size=kernel, strides=strides, pad=pad, count_include_pad=count_include_pad)
    cells = windows(x.astype(np.float64), kernel, strides, pad)
    total = np.nansum(cells, axis=(4, 5))
    want = total / (kernel[0] * kernel[1]) if count_include_pad else total / np.sum(~np.isnan(cells), axis=(4, 5))
    np.testing.assert_allclose(got, want, **tol(dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("op,axis", [("softmax", -1), ("softmax", 1), ("log_softmax", 0), ("log_softmax", -2)])
def test_softmax_matches_float64_numpy(dtype, op, axis):
    # A large offset: an unshifted exp would overflow to inf in f32.
    x = (np.random.default_rng(3).standard_normal((3, 7, 5)) * 3 + 100).astype(dtype)
    got = run_op(f"mind.{op}", x, axis=axis)
    x64 = x.astype(np.float64) - 100
    log_total = np.log(np.sum(np.exp(x64), axis=axis, keepdims=True))
    want = x64 - log_total if op == "log_softmax" else np.exp(x64) / np.exp(log_total)
    np.testing.assert_allclose(got, want, **tol(dtype))


@pytest.mark.parametrize("op", ["softmax", "log_softmax"])
def test_softmax_fold_matches_float64_numpy(op):
    x = np.random.default_rng(4).standard_normal((4, 3))
    (got,) = rule_for(f"mind.{op}").fold(Attrs({"axis": 0}), x)
    want = np.log(np.exp(x) / np.exp(x).sum(0)) if op == "log_softmax" else np.exp(x) / np.exp(x).sum(0)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


CONV = dict(stride=(1, 1), pad=(0, 0, 0, 0), dilation=(1, 1), group=1)
POOL = dict(kernel_size=(2, 2), strides=(1, 1), pad=(0, 0, 0, 0))


@pytest.mark.parametrize("op,sigs,attrs,message", [
    ("mind.conv2d", [Sig((1, 3, 5, 5), "f32"), Sig((4, 3, 3, 3), "f32")], dict(CONV, group=2),
     r"input channels differ: x has 3 \(C_in\), weight expects 6 \(C_in/group=3 x group=2\)"),
    ("mind.conv2d", [Sig((1, 4, 5, 5), "f32"), Sig((5, 2, 3, 3), "f32")], dict(CONV, group=2),
     "output channels 5 .* are not divisible by group 2"),
    ("mind.conv2d", [Sig((3, 5, 5), "f32"), Sig((4, 3, 3, 3), "f32")], CONV,
     r"x must be 4-d \(N, C_in, H, W\), found 3x5x5xf32"),
    ("mind.conv2d", [Sig((1, 3, 5, 5), "f32"), Sig((4, 3, 3, 3), "f64")], CONV,
     "x and weight must have one element type"),
    ("mind.conv2d", [Sig((1, 3, 5, 5), "i32"), Sig((4, 3, 3, 3), "i32")], CONV, "x must have element type f16 or bf16"),
    ("mind.conv2d", [Sig((1, 3, 4, 5), "f32"), Sig((4, 3, 3, 3), "f32")], dict(CONV, dilation=(2, 1)),
     "padded input height 4 is smaller than the window height 5"),
    ("mind.conv2d", [Sig((1, 3, 5, 5), "f32"), Sig((4, 3, 3, 3), "f32")], dict(CONV, stride=(1, 0)),
     r"stride entries must be positive, found \[1, 0\]"),
    ("mind.conv2d", [Sig((1, 3, 5, 5), "f32"), Sig((4, 3, 3, 3), "f32")], dict(CONV, pad=(1, 1)),
     r"pad must have 4 entries, found 2 \(\[1, 1\]\)"),
    ("mind.max_pool", [Sig((1, 3, 5, 5), "f32")], dict(POOL, pad=(2, 0, 0, 0)),
     r"pad \[2, 0, 0, 0\] must be smaller than kernel_size \[2, 2\]"),
    ("mind.avg_pool", [Sig((1, 3, 5), "f32")], dict(POOL, count_include_pad=True), r"x must be 4-d \(N, C, H, W\)"),
    ("mind.softmax", [Sig((2, 3), "f32")], dict(axis=2), "axis 2 is out of range for rank 2"),
    ("mind.log_softmax", [Sig((2, 3), "i32")], dict(axis=0), "x must have element type f16 or bf16 or f32 or f64"),
])
def test_nn_infer_rejects(op, sigs, attrs, message):
    with make_context(), pytest.raises(RuleError, match=message):
        emit.single_op_module(op, sigs, attrs)


@pytest.mark.parametrize("op", ["conv2d", "max_pool", "avg_pool", "softmax", "log_softmax"])
def test_nn_rule_attrs_match_irdl(op):
    body = re.search(rf"irdl\.operation @{op} \{{(.*?)\n  \}}", DIALECT_FILE.read_text(), re.S).group(1)
    bases = dict(re.findall(r'%(\w+) = irdl\.base "([^"]+)"', body))
    declared = {name: bases[var] for name, var in re.findall(r'"(\w+)" = %(\w+)', body)}
    kinds = {Kind.INTS: "#builtin.dense_array", Kind.INT: "#builtin.integer", Kind.BOOL: "#builtin.integer"}
    assert {name: kinds[k] for name, k in rule_for(f"mind.{op}").attrs.items()} == declared
