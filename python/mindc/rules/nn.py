"""Rules for neural-network ops on NCHW tensors: conv2d, max_pool, avg_pool, softmax, log_softmax.

Convolutions and pools lower to linalg's named NCHW ops on an explicitly padded input
(tensor.pad), so later schedules still see a convolution; softmax is three linalg.generics.
The VJPs of conv2d and max_pool emit the gradient ops of nn_grad.py.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from mlir import ir
from mlir.dialects import arith, linalg, tensor

from mindc.lowering.builder import PARALLEL, REDUCTION
from mindc.rules.base import FLOAT_DTYPES, Attrs, Kind, Rule, RuleError, Sig, normalize_axis, numpy_dtype, register
from mindc.rules.reduce import along_whole, dropping, iterators, lowest, require_dtype
from mindc.sharding.spec import einsum


def ints_attr(a, name: str, count: int, least: int) -> tuple[int, ...]:
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


def pad_spatial(b, x: ir.Value, pad: Sequence[int], value: float | int | bool) -> ir.Value:
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
        return [conv_output(a, x, w)]

    def lower(self, b, a, ins, outs):
        return [convolve(b, pad_spatial(b, ins[0], a["pad"], 0.0), ins[1], outs[0], a["stride"], a["dilation"],
                         a["group"])]

    def vjp(self, m, a, ins, outs, couts):
        (x, w), (g,) = ins, couts
        return [m.conv2d_backprop_input(g, w, **conv_attrs(a), input_size=m.sig(x).shape),
                m.conv2d_backprop_filter(g, x, **conv_attrs(a), filter_size=m.sig(w).shape)]

    def sharding(self, a, ins, outs):
        x, w, out = conv_notation(a["group"])
        return einsum(f"{x},{w}->{out}", ins, outs, sizes={"g": a["group"]})

    def local_attrs(self, a, spec, splits):
        return Attrs({**a, "group": local_group(a, splits)})

    def flops(self, a, ins, outs):
        return conv_flops(outs[0], ins[1])


def conv_notation(group: int) -> tuple[str, str, str]:
    """The factors of conv2d's x, weight and result, shared by its gradient ops: batch n and
    output channels f parallel, input channels c a sum, the spatial dims and the kernel window
    whole (a window reaches across any cut of H or W). With groups, channels are (group, channel
    within the group): groups g are parallel too, a device convolving whole groups."""
    if group == 1:
        return "ncHW", "fcIJ", "nfOP"
    return "n(gc)HW", "(gf)cIJ", "n(gf)OP"


def local_group(a, splits) -> int:
    return a["group"] // splits.get("g", 1)


def conv_flops(out: Sig, w: Sig) -> int:
    """A multiply and an add per output element and weight tap of its group (C_in/group x kh x kw);
    conv2d's two gradients do the same work with their roles swapped."""
    return 2 * out.size * w.shape[1] * w.shape[2] * w.shape[3]


def conv_attrs(a) -> dict:
    """The attributes conv2d and its two gradient ops share."""
    return {name: a[name] for name in Conv2D.attrs}


def conv_output(a, x: Sig, w: Sig, x_name: str = "x", w_name: str = "weight") -> Sig:
    """The result of conv2d(x, w) under a's stride, pad, dilation and group; RuleError naming
    the clash otherwise. The gradient ops pass the names of the attributes that stand for x or w."""
    if x.rank != 4:
        raise RuleError(f"{x_name} must be 4-d (N, C_in, H, W), found {x}")
    if w.rank != 4:
        raise RuleError(f"{w_name} must be 4-d (C_out, C_in/group, kh, kw), found {w}")
    if x.dtype != w.dtype:
        raise RuleError(f"{x_name} and {w_name} must have one element type, found {x} and {w}")
    require_dtype(x, FLOAT_DTYPES, x_name)
    stride, dilation = ints_attr(a, "stride", 2, 1), ints_attr(a, "dilation", 2, 1)
    pad, group = ints_attr(a, "pad", 4, 0), a["group"]
    if group < 1:
        raise RuleError(f"group must be positive, found {group}")
    (n, c_in, h, wd), (c_out, c_group, kh, kw) = x.shape, w.shape
    if c_in != c_group * group:
        raise RuleError(f"input channels differ: {x_name} has {c_in} (C_in), {w_name} expects {c_group * group} "
                        f"(C_in/group={c_group} x group={group})")
    if c_out % group:
        raise RuleError(f"output channels {c_out} (C_out of {w_name} {w}) are not divisible by group {group}")
    ho = _out_size(h, pad[:2], dilation[0] * (kh - 1) + 1, stride[0], "height")
    wo = _out_size(wd, pad[2:], dilation[1] * (kw - 1) + 1, stride[1], "width")
    return Sig((n, c_out, ho, wo), x.dtype)


def convolve(b, x: ir.Value, w: ir.Value, out: Sig, stride: Sequence[int], dilation: Sequence[int],
             group: int) -> ir.Value:
    """conv2d of an already padded x by w, with result signature out."""
    window = dict(strides=list(stride), dilations=list(dilation))
    if group == 1:
        return linalg.conv_2d_nchw_fchw(x, w, outs=[b.full(out, 0)], **window)
    # Grouped (and depthwise): split channels into [group, channels per group] and use the
    # NGCHW x GFCHW named op; weight channel c_out = g * (C_out/group) + f, as in MindSpore.
    (n, c, h, wd), (f, cg, kh, kw), (_, _, ho, wo) = Sig.of(x).shape, Sig.of(w).shape, out.shape
    xg = _regroup(x, [n, group, c // group, h, wd], [[0], [1, 2], [3], [4]])
    wg = _regroup(w, [group, f // group, cg, kh, kw], [[0, 1], [2], [3], [4]])
    grouped = out.with_shape([n, group, f // group, ho, wo])
    result = linalg.conv_2d_ngchw_gfchw(xg, wg, outs=[b.full(grouped, 0)], **window)
    return tensor.collapse_shape(out.to_type(), result, [[0], [1, 2], [3], [4]])


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
        kernel, strides = ints_attr(a, "kernel_size", 2, 1), ints_attr(a, "strides", 2, 1)
        pad = ints_attr(a, "pad", 4, 0)
        if max(pad[:2]) >= kernel[0] or max(pad[2:]) >= kernel[1]:
            raise RuleError(f"pad {list(pad)} must be smaller than kernel_size {list(kernel)} "
                            "(top and bottom than kh, left and right than kw)")
        return kernel, strides, pad

    def sharding(self, a, ins, outs):
        # Batch and channels are parallel; a window reaches across any cut of H or W.
        return einsum("ncHW->ncOP", ins, outs)

    def flops(self, a, ins, outs):
        kernel, _, _ = self.window(a)
        return kernel[0] * kernel[1] * outs[0].size

    def pooled(self, b, a, x: ir.Value, out: Sig, pad_value: float, init: float, named) -> ir.Value:
        """`named` (a linalg.pooling_nchw_* op) over x padded with pad_value, from init."""
        kernel, strides, pad = self.window(a)
        shape = b.empty(Sig(kernel, out.dtype))   # the window op reads only its shape
        return named(pad_spatial(b, x, pad, pad_value), shape, outs=[b.full(out, init)], strides=list(strides),
                     dilations=[1, 1])


def pool_attrs(a) -> dict:
    """The attributes max_pool, avg_pool and max_pool_grad share."""
    return {name: a[name] for name in Pool.attrs}


@register("mind.max_pool")
class MaxPool(Pool):
    def lower(self, b, a, ins, outs):
        kernel, strides, pad = self.window(a)
        if tuple(strides) == tuple(kernel) and not any(pad):
            return [tiled_max(b, ins[0], outs[0], kernel)]
        # Pad with -inf, so padding never wins the max.
        return [self.pooled(b, a, ins[0], outs[0], -np.inf, lowest(outs[0].dtype), linalg.pooling_nchw_max)]

    def vjp(self, m, a, ins, outs, couts):
        return [m.max_pool_grad(ins[0], couts[0], **pool_attrs(a))]


def window_blocks(x: ir.Value, out: Sig, kernel: Sequence[int]) -> ir.Value:
    """x (NCHW) cut to the cells that non-overlapping kernel-sized windows with result `out`
    cover, viewed as [N, C, Ho, kh, Wo, kw]."""
    (n, c, ho, wo), (kh, kw) = out.shape, kernel
    sig = Sig.of(x)
    covered = sig.with_shape([n, c, ho * kh, wo * kw])
    if covered != sig:
        x = tensor.extract_slice(covered.to_type(), x, [], [], [], [0, 0, 0, 0], list(covered.shape), [1, 1, 1, 1])
    return _regroup(x, [n, c, ho, kh, wo, kw], [[0], [1], [2, 3], [4, 5]])


def window_taps(rank: int, window: Sequence[ir.AffineExpr], kernel: Sequence[int]) -> list[ir.AffineMap]:
    """One map per window cell (i, j), row-major, from `rank` loops to the [N, C, Ho, kh, Wo, kw]
    view of x: window (n, c, oh, ow) = `window`, cell fixed."""
    n, c, oh, ow = window
    const = ir.AffineConstantExpr.get
    return [ir.AffineMap.get(rank, 0, [n, c, oh, const(i), ow, const(j)])
            for i in range(kernel[0]) for j in range(kernel[1])]


def takes_max(s, v: ir.Value, top: ir.Value) -> ir.Value:
    """Whether v replaces top as the running maximum of a window: v is greater, or v is NaN (so
    a NaN anywhere is the result). Unlike arith.maximumf, which LLVM lowers to scalar code on
    x86, this compare and select vectorize."""
    if not isinstance(v.type, ir.FloatType):
        return s.cmp("gt", v, top)
    return s.ori(s.cmp("gt", v, top), arith.cmpf(arith.CmpFPredicate.UNO, v, v))


# Up to this many window cells, the tiled pools read each cell as its own operand (see tiled_max).
MAX_UNROLLED_TAPS = 16


def tiled_max(b, x: ir.Value, out: Sig, kernel: Sequence[int]) -> ir.Value:
    """max_pool whose windows tile x (strides equal to kernel_size, no padding).

    Small windows: one parallel loop nest over the result, the output column innermost, that
    reads every window cell as its own operand (x at column ow * kw + j): LLVM vectorizes that
    loop with interleaved loads and writes each result once. Larger windows: a max over the
    [N, C, Ho, kh, Wo, kw] view of x, the output column innermost, so the loops still vectorize
    along Wo (the named pooling op runs over each window cell by cell)."""
    blocks = window_blocks(x, out, kernel)
    d = [ir.AffineDimExpr.get(k) for k in range(6)]
    if kernel[0] * kernel[1] <= MAX_UNROLLED_TAPS:
        taps = window_taps(4, d[:4], kernel)

        def body(s, *values):
            top = values[0]
            for v in values[1:-1]:
                top = s.select(takes_max(s, v, top), v, top)
            return [top]

        (result,) = b.generic([blocks] * len(taps), [b.empty(out)], [*taps, ir.AffineMap.get_identity(4)],
                              [PARALLEL] * 4, body)
        return result
    # n, c, oh, i, j, ow
    maps = [ir.AffineMap.get(6, 0, [d[0], d[1], d[2], d[3], d[5], d[4]]),
            ir.AffineMap.get(6, 0, [d[0], d[1], d[2], d[5]])]
    iters = [PARALLEL] * 3 + [REDUCTION] * 2 + [PARALLEL]
    (result,) = b.generic([blocks], [b.full(out, lowest(out.dtype))], maps, iters, lambda s, v, m: [s.max(m, v)])
    return result


@register("mind.avg_pool")
class AvgPool(Pool):
    attrs = {**Pool.attrs, "count_include_pad": Kind.BOOL}

    def lower(self, b, a, ins, outs):
        (x,), (out,) = ins, outs
        total = self.pooled(b, a, x, out, 0.0, 0, linalg.pooling_nchw_sum)
        divisor = self.divisor(a, Sig.of(x).shape[2:], out.shape[2:])
        if isinstance(divisor, int):
            return [b.map([total], out, lambda s, v: s.div(v, s.like(divisor, v)))]
        counts = b.constant(divisor.astype(numpy_dtype(out.dtype)))
        return [b.map([total, counts], out, lambda s, v, n: s.div(v, n))]

    def vjp(self, m, a, ins, outs, couts):
        (x,), (g,) = ins, couts
        sig = m.sig(x)
        kernel, strides, pad = self.window(a)
        divisor = self.divisor(a, sig.shape[2:], m.sig(g).shape[2:])
        if isinstance(divisor, int):
            share = m.div(g, m.scalar(divisor, g))
        else:
            share = m.div(g, m.constant(value=divisor.astype(numpy_dtype(sig.dtype))))
        # The window sums are a depthwise conv2d of x with a ones kernel; its adjoint hands each
        # cell the shares of the windows that hold it (padding cells are dropped).
        ones = m.ones(Sig((sig.shape[1], 1, *kernel), sig.dtype))
        return [m.conv2d_backprop_input(share, ones, stride=strides, pad=pad, dilation=(1, 1), group=sig.shape[1],
                                        input_size=sig.shape)]

    def divisor(self, a, size: Sequence[int], out_size: Sequence[int]) -> int | np.ndarray:
        """What each window's sum is divided by: kh * kw, or without count_include_pad (and with
        padding) the window's number of real cells, an [Ho, Wo] array as it varies by window
        (separably in oh and ow)."""
        kernel, strides, pad = self.window(a)
        if a["count_include_pad"] or not any(pad):
            return kernel[0] * kernel[1]
        rows = _real_cells(size[0], out_size[0], kernel[0], strides[0], pad[0])
        cols = _real_cells(size[1], out_size[1], kernel[1], strides[1], pad[2])
        return np.outer(rows, cols)


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

    def sharding(self, a, ins, outs):
        return along_whole(a["axis"], ins, outs, keep=True)

    def flops(self, a, ins, outs):
        # max, subtract, exp, sum, divide (or log and subtract) per element.
        return 5 * outs[0].size

    def vjp(self, m, a, ins, outs, couts):
        (out,), (g,) = outs, couts
        axis = [a["axis"]]
        if self.log:
            # out = x - logsumexp(x), so dx = g - softmax(x) * sum(g).
            return [m.sub(g, m.mul(m.exp(out), m.reduce_sum(g, axis=axis, keep_dims=True)))]
        # The softmax Jacobian diag(out) - out out^T, applied to g.
        return [m.mul(out, m.sub(g, m.reduce_sum(m.mul(g, out), axis=axis, keep_dims=True)))]


register("mind.softmax", Softmax(log=False))
register("mind.log_softmax", Softmax(log=True))
