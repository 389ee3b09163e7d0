"""Rules for neural-network ops on NCHW tensors: conv2d, max_pool, avg_pool, softmax, log_softmax.

Convolutions and pools lower to linalg's named NCHW ops on an explicitly padded input
(tensor.pad), so later schedules still see a convolution; softmax is three linalg.generics.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from mlir import ir
from mlir.dialects import linalg, tensor

from mindc.lowering.builder import PARALLEL
from mindc.rules.base import FLOAT_DTYPES, Kind, Rule, RuleError, Sig, normalize_axis, numpy_dtype, register
from mindc.rules.reduce import dropping, iterators, lowest, require_dtype


def _ints(a, name: str, count: int, least: int) -> tuple[int, ...]:
    """Attribute `name` as `count` integers, each at least `least`."""
    values = a[name]
    if len(values) != count:
        raise RuleError(f"{name} must have {count} entries, found {len(values)} ({list(values)})")
    if any(v < least for v in values):
        bound = "positive" if least == 1 else "non-negative"
        raise RuleError(f"{name} entries must be {bound}, found {list(values)}")
    return tuple(values)


def _out_size(size: int, pads: tuple[int, int], window: int, stride: int, what: str) -> int:
    """Output length along one spatial dim (floor mode); RuleError if the window does not fit."""
    padded = size + pads[0] + pads[1]
    if padded < window:
        raise RuleError(f"padded input {what} {padded} is smaller than the window {what} {window}")
    return (padded - window) // stride + 1


def _pad(b, x: ir.Value, pad: Sequence[int], value: float) -> ir.Value:
    """x (NCHW) padded by pad = [top, bottom, left, right] with `value`; x itself when pad is zero."""
    if not any(pad):
        return x
    sig = Sig.of(x)
    low, high = [0, 0, pad[0], pad[2]], [0, 0, pad[1], pad[3]]
    out = sig.with_shape([n + lo + hi for n, lo, hi in zip(sig.shape, low, high)])
    op = tensor.PadOp(out.to_type(), x, [], [], low, high)
    block = op.regions[0].blocks.append(*[ir.IndexType.get()] * sig.rank)
    with ir.InsertionPoint(block):
        tensor.YieldOp(b.s.const(value, sig.to_type().element_type))
    return op.result


def _regroup(x: ir.Value, shape: Sequence[int], groups: list[list[int]]) -> ir.Value:
    """tensor.expand_shape of x into `shape`, splitting dims as `groups` say."""
    t = ir.RankedTensorType.get(list(shape), Sig.of(x).to_type().element_type)
    return tensor.expand_shape(t, x, groups, [], list(shape))


@register("mind.conv2d")
class Conv2D(Rule):
    """Conv2D: x [N, C_in, H, W] * weight [C_out, C_in/group, kh, kw] -> [N, C_out, Ho, Wo]."""

    attrs = {"stride": Kind.INTS, "pad": Kind.INTS, "dilation": Kind.INTS, "group": Kind.INT}
    arity = 2

    def infer(self, a, x, w):
        if x.rank != 4:
            raise RuleError(f"x must be 4-d (N, C_in, H, W), found {x}")
        if w.rank != 4:
            raise RuleError(f"weight must be 4-d (C_out, C_in/group, kh, kw), found {w}")
        if x.dtype != w.dtype:
            raise RuleError(f"x and weight must have one element type, found {x} and {w}")
        require_dtype(x, FLOAT_DTYPES)
        stride, dilation = _ints(a, "stride", 2, 1), _ints(a, "dilation", 2, 1)
        pad, group = _ints(a, "pad", 4, 0), a["group"]
        if group < 1:
            raise RuleError(f"group must be positive, found {group}")
        (n, c_in, h, wd), (c_out, c_group, kh, kw) = x.shape, w.shape
        if c_in != c_group * group:
            raise RuleError(f"input channels differ: x has {c_in} (C_in), weight expects {c_group * group} "
                            f"(C_in/group={c_group} x group={group})")
        if c_out % group:
            raise RuleError(f"output channels {c_out} (C_out of weight {w}) are not divisible by group {group}")
        ho = _out_size(h, pad[:2], dilation[0] * (kh - 1) + 1, stride[0], "height")
        wo = _out_size(wd, pad[2:], dilation[1] * (kw - 1) + 1, stride[1], "width")
        return [Sig((n, c_out, ho, wo), x.dtype)]

    def lower(self, b, a, ins, outs):
        (out,), group = outs, a["group"]
        x, w = _pad(b, ins[0], a["pad"], 0.0), ins[1]
        window = dict(strides=list(a["stride"]), dilations=list(a["dilation"]))
        if group == 1:
            return [linalg.conv_2d_nchw_fchw(x, w, outs=[b.full(out, 0)], **window)]
        # Grouped (and depthwise): split channels into [group, channels per group] and use the
        # NGCHW x GFCHW named op; weight channel c_out = g * (C_out/group) + f, as in MindSpore.
        (n, c, h, wd), (f, cg, kh, kw), (_, _, ho, wo) = Sig.of(x).shape, Sig.of(w).shape, out.shape
        xg = _regroup(x, [n, group, c // group, h, wd], [[0], [1, 2], [3], [4]])
        wg = _regroup(w, [group, f // group, cg, kh, kw], [[0, 1], [2], [3], [4]])
        grouped = out.with_shape([n, group, f // group, ho, wo])
        result = linalg.conv_2d_ngchw_gfchw(xg, wg, outs=[b.full(grouped, 0)], **window)
        return [tensor.collapse_shape(out.to_type(), result, [[0], [1, 2], [3], [4]])]


class Pool(Rule):
    """A 2-d pool over NCHW: kernel_size [kh, kw], strides [sh, sw], pad [top, bottom, left, right].

    Each pad must be smaller than the kernel along its dim, so every window holds a real cell.
    """

    attrs = {"kernel_size": Kind.INTS, "strides": Kind.INTS, "pad": Kind.INTS}

    def infer(self, a, x):
        if x.rank != 4:
            raise RuleError(f"x must be 4-d (N, C, H, W), found {x}")
        require_dtype(x, FLOAT_DTYPES)
        kernel, strides, pad = self.window(a)
        ho = _out_size(x.shape[2], pad[:2], kernel[0], strides[0], "height")
        wo = _out_size(x.shape[3], pad[2:], kernel[1], strides[1], "width")
        return [x.with_shape(x.shape[:2] + (ho, wo))]

    def window(self, a) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        kernel, strides, pad = _ints(a, "kernel_size", 2, 1), _ints(a, "strides", 2, 1), _ints(a, "pad", 4, 0)
        if max(pad[:2]) >= kernel[0] or max(pad[2:]) >= kernel[1]:
            raise RuleError(f"pad {list(pad)} must be smaller than kernel_size {list(kernel)} "
                            "(top and bottom than kh, left and right than kw)")
        return kernel, strides, pad

    def pooled(self, b, a, x: ir.Value, out: Sig, pad_value: float, init: float, named) -> ir.Value:
        """`named` (a linalg.pooling_nchw_* op) over x padded with pad_value, from init."""
        kernel, strides, pad = self.window(a)
        shape = b.empty(Sig(kernel, out.dtype))   # the window op reads only its shape
        return named(_pad(b, x, pad, pad_value), shape, outs=[b.full(out, init)], strides=list(strides),
                     dilations=[1, 1])


@register("mind.max_pool")
class MaxPool(Pool):
    def lower(self, b, a, ins, outs):
        # Pad with -inf, so padding never wins the max.
        return [self.pooled(b, a, ins[0], outs[0], -np.inf, lowest(outs[0].dtype), linalg.pooling_nchw_max)]


@register("mind.avg_pool")
class AvgPool(Pool):
    attrs = {**Pool.attrs, "count_include_pad": Kind.BOOL}

    def lower(self, b, a, ins, outs):
        (x,), (out,) = ins, outs
        total = self.pooled(b, a, x, out, 0.0, 0, linalg.pooling_nchw_sum)
        kernel, strides, pad = self.window(a)
        if a["count_include_pad"] or not any(pad):
            count = kernel[0] * kernel[1]
            return [b.map([total], out, lambda s, v: s.div(v, s.like(count, v)))]
        # Without padded cells the divisor varies by window; it is separable in (oh, ow), so one
        # [Ho, Wo] constant broadcast over N and C divides every window by its own count.
        h, wd = Sig.of(x).shape[2:]
        rows = _real_cells(h, out.shape[2], kernel[0], strides[0], pad[0])
        cols = _real_cells(wd, out.shape[3], kernel[1], strides[1], pad[2])
        counts = b.constant(np.outer(rows, cols).astype(numpy_dtype(out.dtype)))
        return [b.map([total, counts], out, lambda s, v, n: s.div(v, n))]


def _real_cells(size: int, count: int, kernel: int, stride: int, before: int) -> np.ndarray:
    """For each of `count` windows along one dim, how many of its cells fall inside [0, size)."""
    start = np.arange(count) * stride - before
    return np.minimum(start + kernel, size) - np.maximum(start, 0)


class Softmax(Rule):
    """softmax / log_softmax along `axis`, stabilized by subtracting the max along it."""

    attrs = {"axis": Kind.INT}

    def __init__(self, log: bool):
        self.log = log

    def infer(self, a, x):
        require_dtype(x, FLOAT_DTYPES)
        if x.rank == 0:
            raise RuleError(f"x must have rank at least 1, found {x}")
        normalize_axis(a["axis"], x.rank)
        return [x]

    def lower(self, b, a, ins, outs):
        (x,), (out,) = ins, outs
        axis = normalize_axis(a["axis"], out.rank)
        rank = out.rank
        full, part = ir.AffineMap.get_identity(rank), dropping(rank, [axis])
        along = iterators(rank, [axis])
        reduced = out.with_shape(out.shape[:axis] + out.shape[axis + 1:])
        (top,) = b.generic([x], [b.full(reduced, lowest(out.dtype))], [full, part], along,
                           lambda s, v, m: [s.max(m, v)])
        (total,) = b.generic([x, top], [b.full(reduced, 0)], [full, part, part], along,
                             lambda s, v, m, z: [s.add(z, s.exp(s.sub(v, m)))])

        def normalized(s, v, m, z, _):
            if self.log:
                return [s.sub(s.sub(v, m), s.log(z))]
            return [s.div(s.exp(s.sub(v, m)), z)]

        (result,) = b.generic([x, top, total], [b.empty(out)], [full, part, part, full], [PARALLEL] * rank,
                              normalized)
        return [result]

    def fold(self, a, x):
        axis = normalize_axis(a["axis"], x.ndim)
        shifted = x - np.max(x, axis=axis, keepdims=True)
        log_total = np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))
        out = shifted - log_total if self.log else np.exp(shifted - log_total)
        return [out.astype(x.dtype)]


register("mind.softmax", Softmax(log=False))
register("mind.log_softmax", Softmax(log=True))
