"""Rules for the gradient ops that the VJPs of conv2d and max_pool emit: conv2d_backprop_input,
conv2d_backprop_filter and max_pool_grad (MindSpore's Conv2DBackpropInput, Conv2DBackpropFilter
and MaxPoolGrad).

The two convolution gradients are linear in each operand, so their own VJPs are conv2d and each
other: derivatives of any order through a convolution stay within these three ops.
"""
from __future__ import annotations

import itertools
from typing import Iterator, Sequence

import numpy as np
from mlir import ir
from mlir.dialects import arith, linalg, tensor
from numpy.lib.stride_tricks import sliding_window_view

from mindc.lowering.builder import PARALLEL, REDUCTION
from mindc.rules.base import FLOAT_DTYPES, Attrs, Kind, Rule, RuleError, Sig, register
from mindc.rules.nn import (Conv2D, Pool, conv_attrs, conv_flops, conv_notation, conv_output, convolve, ints_attr,
                            local_group, pad_spatial, pool_attrs, window_blocks)
from mindc.rules.factors import split_shape
from mindc.rules.reduce import _takes, iterators, lowest, require_dtype
from mindc.sharding.spec import einsum


def _dims(count: int) -> list[ir.AffineExpr]:
    return [ir.AffineDimExpr.get(i) for i in range(count)]


def _map(count: int, exprs: Sequence[ir.AffineExpr]) -> ir.AffineMap:
    return ir.AffineMap.get(count, 0, list(exprs))


def _check_dout(dout: Sig, expected: Sig, source: str) -> None:
    if dout != expected:
        raise RuleError(f"dout must be {expected}, the {source}; found {dout}")


def _taps(a, w_shape: Sequence[int], dout_shape: Sequence[int]) -> Iterator[tuple]:
    """For each group and kernel tap of a conv2d: the group's output and input channel slices,
    the tap (i, j), and the row and column slices of the padded x that the tap reads."""
    (f, cg, kh, kw), (ho, wo) = w_shape, dout_shape[2:]
    (sh, sw), (dh, dw), group = a["stride"], a["dilation"], a["group"]
    fg = f // group
    for g, i, j in itertools.product(range(group), range(kh), range(kw)):
        rows = slice(i * dh, i * dh + sh * (ho - 1) + 1, sh)
        cols = slice(j * dw, j * dw + sw * (wo - 1) + 1, sw)
        yield slice(g * fg, (g + 1) * fg), slice(g * cg, (g + 1) * cg), i, j, rows, cols


@register("mind.conv2d_backprop_input")
class Conv2DBackpropInput(Rule):
    """dout [N, C_out, Ho, Wo], weight [C_out, C_in/group, kh, kw] -> dx of shape input_size:
    the gradient of conv2d(x, weight) with respect to x, for x of shape input_size."""

    attrs = {**Conv2D.attrs, "input_size": Kind.INTS}
    arity = 2

    def infer(self, a, dout, w):
        require_dtype(w, FLOAT_DTYPES, "weight")   # dx takes the weight's element type
        x = Sig(ints_attr(a, "input_size", 4, 1), w.dtype)
        _check_dout(dout, conv_output(a, x, w, x_name="input_size"), f"conv2d result of input_size {x} and weight {w}")
        return [x]

    def lower(self, b, a, ins, outs):
        (dout, w), (out,) = ins, outs
        # dx[h] = sum over taps i and windows o with o * stride + i * dilation = h + pad_top of
        # dout[o] w[i]: a stride-1 convolution of dout spread out by the stride, with the kernel
        # flipped and its channel roles swapped.
        spread = _spread(b, dout, a, out.shape[2:], Sig.of(w).shape[2:])
        return [convolve(b, spread, _flipped(b, w, a["group"]), out, (1, 1), a["dilation"], a["group"])]

    def fold(self, a, dout, w):
        n, c, h, wd = a["input_size"]
        top, bottom, left, right = a["pad"]
        dx = np.zeros((n, c, h + top + bottom, wd + left + right), dout.dtype)
        for fs, cs, i, j, rows, cols in _taps(a, w.shape, dout.shape):
            dx[:, cs, rows, cols] += np.einsum("nfhw,fc->nchw", dout[:, fs], w[fs, :, i, j])
        return [dx[:, :, top:top + h, left:left + wd]]

    def vjp(self, m, a, ins, outs, couts):
        # dx = A_w^T dout, where A_w x = conv2d(x, w); <A_w^T dout, g> = <dout, conv2d(g, w)>.
        (dout, w), (g,) = ins, couts
        return [m.conv2d(g, w, **conv_attrs(a)),
                m.conv2d_backprop_filter(dout, g, **conv_attrs(a), filter_size=m.sig(w).shape)]

    def sharding(self, a, ins, outs):
        # dx = dout * w summed over the output channels: conv2d's f becomes the sum here.
        x, w, out = conv_notation(a["group"])
        return einsum(f"{out},{w}->{x}", ins, outs, sizes={"g": a["group"]})

    def local_attrs(self, a, spec, splits):
        return Attrs({**a, "group": local_group(a, splits),
                      "input_size": split_shape(spec.results[0], a["input_size"], splits)})

    def flops(self, a, ins, outs):
        return conv_flops(ins[0], ins[1])


@register("mind.conv2d_backprop_filter")
class Conv2DBackpropFilter(Rule):
    """dout [N, C_out, Ho, Wo], x [N, C_in, H, W] -> dw of shape filter_size: the gradient of
    conv2d(x, weight) with respect to weight, for weight of shape filter_size."""

    attrs = {**Conv2D.attrs, "filter_size": Kind.INTS}
    arity = 2

    def infer(self, a, dout, x):
        w = Sig(ints_attr(a, "filter_size", 4, 1), x.dtype)
        _check_dout(dout, conv_output(a, x, w, w_name="filter_size"), f"conv2d result of x {x} and filter_size {w}")
        return [w]

    def lower(self, b, a, ins, outs):
        (dout, x), (out,) = ins, outs
        (sh, sw), (dh, dw), group = a["stride"], a["dilation"], a["group"]
        f_out, cg = out.shape[:2]
        if _rows_of_partial_sums(a, out, Sig.of(dout)):
            return [_filter_grad_by_rows(b, dout, pad_spatial(b, x, a["pad"], 0.0), out, (dh, dw))]
        # dw[f, c, i, j] = sum over n, oh, ow of dout[n, f, oh, ow] * x[n, c_in, oh sh + i dh, ow sw + j dw]
        # with c_in = (f's group) * C_in/group + c on the padded x.
        f, c, i, j, n, oh, ow = _dims(7)
        x_at = [n, ir.AffineExpr.get_floor_div(f, f_out // group) * cg + c, oh * sh + i * dh, ow * sw + j * dw]
        maps = [_map(7, [n, f, oh, ow]), _map(7, x_at), _map(7, [f, c, i, j])]
        return b.generic([dout, pad_spatial(b, x, a["pad"], 0.0)], [b.full(out, 0)], maps, iterators(7, [4, 5, 6]),
                         lambda s, d, v, acc: [s.add(acc, s.mul(d, v))])

    def fold(self, a, dout, x):
        x = np.pad(x, ((0, 0), (0, 0), tuple(a["pad"][:2]), tuple(a["pad"][2:])))
        dw = np.zeros(a["filter_size"], dout.dtype)
        for fs, cs, i, j, rows, cols in _taps(a, dw.shape, dout.shape):
            dw[fs, :, i, j] = np.einsum("nfhw,nchw->fc", dout[:, fs], x[:, cs, rows, cols])
        return [dw]

    def vjp(self, m, a, ins, outs, couts):
        # dw = B_x^T dout, where B_x w = conv2d(x, w); <B_x^T dout, g> = <dout, conv2d(x, g)>.
        (dout, x), (g,) = ins, couts
        return [m.conv2d(x, g, **conv_attrs(a)),
                m.conv2d_backprop_input(dout, g, **conv_attrs(a), input_size=m.sig(x).shape)]

    def sharding(self, a, ins, outs):
        # dw = dout * x summed over the batch: conv2d's n becomes the sum here.
        x, w, out = conv_notation(a["group"])
        return einsum(f"{out},{x}->{w}", ins, outs, sizes={"g": a["group"]})

    def local_attrs(self, a, spec, splits):
        return Attrs({**a, "group": local_group(a, splits),
                      "filter_size": split_shape(spec.results[0], a["filter_size"], splits)})

    def flops(self, a, ins, outs):
        return conv_flops(ins[0], outs[0])


# Most elements of the [C_out, C_in, kh, kw, Wo] partial sums _filter_grad_by_rows may hold.
PARTIAL_SUMS_LIMIT = 1 << 22


def _rows_of_partial_sums(a, w: Sig, dout: Sig) -> bool:
    """Whether dw is computed as rows of partial sums: ungrouped, stride 1 (the column of x a tap
    reads is then ow + j * dilation, which vectorizes along ow), no row dilation (the schedule
    keeps the kh taps as one vector dim, read at rows oh + i), and the rows fit in memory."""
    return (a["group"] == 1 and tuple(a["stride"]) == (1, 1) and a["dilation"][0] == 1
            and int(np.prod(w.shape)) * dout.shape[3] <= PARTIAL_SUMS_LIMIT)


def _filter_grad_by_rows(b, dout: ir.Value, x: ir.Value, w: Sig, dilation: Sequence[int]) -> ir.Value:
    """dw of an ungrouped stride-1 conv2d on the padded x: first, for each output column ow,
    rows[f, c, i, j, ow] = sum over n, oh of dout[n, f, oh, ow] * x[n, c, oh + i dh, ow + j dw]; then
    the sum over ow. The rows keep ow parallel, so the schedule (lowering/elementwise-cpu.mlir,
    which finds the op by its `mind.schedule` attribute) accumulates whole vectors of columns in
    registers instead of reducing each dot product across lanes."""
    wo = Sig.of(dout).shape[3]
    (dh, dw) = dilation
    f, c, i, j, ow, n, oh = _dims(7)
    maps = [_map(7, [n, f, oh, ow]), _map(7, [n, c, oh + i * dh, ow + j * dw]), _map(7, [f, c, i, j, ow])]
    rows_sig = w.with_shape([*w.shape, wo])
    # `contract` lets LLVM fuse each product and sum into one FMA (math.fma would become libm calls).
    contract = ir.Attribute.parse("#arith.fastmath<contract>")
    (rows,) = b.generic([dout, x], [b.full(rows_sig, 0)], maps, iterators(7, [5, 6]),
                        lambda s, d, v, acc: [arith.addf(acc, arith.mulf(d, v, fastmath=contract), fastmath=contract)])
    rows.owner.attributes["mind.schedule"] = ir.StringAttr.get("conv-filter-rows")
    (total,) = b.generic([rows], [b.full(w, 0)], [_map(5, _dims(5)), _map(5, _dims(4))], iterators(5, [4]),
                         lambda s, v, acc: [s.add(acc, v)])
    return total


def _spread(b, dout: ir.Value, a, size: Sequence[int], kernel: Sequence[int]) -> ir.Value:
    """dout's row o placed at row o * stride + dilation * (k - 1) - pad_top of a zero frame of
    H + dilation * (k - 1) rows, and its columns likewise: the input of the stride-1 convolution
    that gives dx. Rows that fall outside the frame belong to windows that lie entirely in the
    padding, which touch no cell of x, and are dropped."""
    sig = Sig.of(dout)
    firsts, counts, places, frame = [], [], [], []
    for d in range(2):
        stride, reach = a["stride"][d], a["dilation"][d] * (kernel[d] - 1)
        low, length = reach - a["pad"][2 * d], size[d] + reach
        first = max(0, -(low // stride))   # ceil(-low / stride): the first row at or below 0
        last = min(sig.shape[2 + d], (length - 1 - low) // stride + 1)
        firsts.append(first)
        counts.append(max(0, last - first))
        places.append(low + first * stride)
        frame.append(length)
    n, f = sig.shape[:2]
    kept = tensor.extract_slice(sig.with_shape([n, f, *counts]).to_type(), dout, [], [], [], [0, 0, *firsts],
                                [n, f, *counts], [1, 1, 1, 1])
    zeros = b.full(sig.with_shape([n, f, *frame]), 0)
    return tensor.insert_slice(kept, zeros, [], [], [], [0, 0, *places], [n, f, *counts], [1, 1, *a["stride"]])


def _flipped(b, w: ir.Value, group: int) -> ir.Value:
    """The weight of the transposed convolution, [C_out, C_in/group, kh, kw] -> [C_in, C_out/group,
    kh, kw]: each kernel turned by 180 degrees, input and output channels swapped within a group."""
    sig = Sig.of(w)
    f, cg, kh, kw = sig.shape
    out = sig.with_shape([cg * group, f // group, kh, kw])
    c, o, i, j = _dims(4)
    read = _map(4, [ir.AffineExpr.get_floor_div(c, cg) * (f // group) + o, c % cg, kh - 1 - i, kw - 1 - j])
    (result,) = b.generic([w], [b.empty(out)], [read, ir.AffineMap.get_identity(4)], [PARALLEL] * 4,
                          lambda s, v, _: [v])
    return result


@register("mind.max_pool_grad")
class MaxPoolGrad(Pool):
    """x [N, C, H, W], dout (max_pool's result shape) -> dx [N, C, H, W]: each window's dout goes to
    the window's first maximum in row-major order (as MindSpore and PyTorch route ties)."""

    arity = 2

    def infer(self, a, x, dout):
        (pooled,) = super().infer(a, x)
        _check_dout(dout, pooled, f"max_pool result of x {x}")
        return [x]

    def sharding(self, a, ins, outs):
        return einsum("ncHW,ncOP->ncHW", ins, outs)

    def flops(self, a, ins, outs):
        # Find each window's first maximum, then route dout to it.
        kernel, _, _ = self.window(a)
        return 2 * kernel[0] * kernel[1] * ins[1].size

    def lower(self, b, a, ins, outs):
        (x, dout), (out,) = ins, outs
        kernel, strides, pad = self.window(a)
        if tuple(strides) == tuple(kernel) and not any(pad):
            first = _first_maxima_tiled(b, x, Sig.of(dout), kernel)
            return [_route_tiled(b, dout, first, out, kernel)]
        first = _first_maxima(b, x, Sig.of(dout), kernel, strides, pad)
        padded = _route(b, dout, first, [out.shape[2] + pad[0] + pad[1], out.shape[3] + pad[2] + pad[3]], kernel,
                        strides)
        return [tensor.extract_slice(out.to_type(), padded, [], [], [], [0, 0, pad[0], pad[2]], list(out.shape),
                                     [1, 1, 1, 1])]

    def fold(self, a, x, dout):
        kernel, strides, pad = self.window(a)
        frame = (tuple(pad[:2]), tuple(pad[2:]))
        windows = sliding_window_view(np.pad(x, ((0, 0), (0, 0), *frame)), kernel, axis=(2, 3))
        real = sliding_window_view(np.pad(np.ones(x.shape[2:], bool), frame), kernel)
        cells = windows[:, :, ::strides[0], ::strides[1]].reshape(*dout.shape, -1)
        real = real[::strides[0], ::strides[1]].reshape(*dout.shape[2:], -1)
        top = np.max(np.where(real, cells, -np.inf), axis=-1, keepdims=True)
        first = np.argmax(real & ((cells == top) | (np.isnan(cells) & np.isnan(top))), axis=-1)
        n, c, oh, ow = np.indices(dout.shape)
        dx = np.zeros((*x.shape[:2], x.shape[2] + pad[0] + pad[1], x.shape[3] + pad[2] + pad[3]), dout.dtype)
        np.add.at(dx, (n, c, oh * strides[0] + first // kernel[1], ow * strides[1] + first % kernel[1]), dout)
        return [dx[:, :, pad[0]:pad[0] + x.shape[2], pad[2]:pad[2] + x.shape[3]]]

    def vjp(self, m, a, ins, outs, couts):
        # dx is piecewise constant in x (no gradient) and linear in dout: its transpose reads g at
        # each window's first maximum. Without overlap a cell lies in one window at most, so the
        # cells max_pool_grad(x, ones) marks are exactly the first maxima, and each window's sum of
        # g over them (a depthwise conv2d with a ones kernel) is that read. With overlap a cell
        # may be marked for a neighbouring window only, and no mind op tells the two apart.
        (x, dout), (g,) = ins, couts
        kernel, strides, pad = self.window(a)
        if any(s < k for s, k in zip(strides, kernel)):
            raise RuleError(f"second derivatives through max_pool are not implemented for overlapping windows "
                            f"(strides {list(strides)} smaller than kernel_size {list(kernel)})")
        sig = m.sig(x)
        picked = m.max_pool_grad(x, m.ones(dout), **pool_attrs(a))
        ones = m.ones(Sig((sig.shape[1], 1, *kernel), sig.dtype))
        return [None, m.conv2d(m.mul(g, picked), ones, stride=strides, pad=pad, dilation=(1, 1), group=sig.shape[1])]


def _first_maxima(b, x: ir.Value, out: Sig, kernel, strides, pad) -> ir.Value:
    """For each window of x, the row-major index ki * kw + kj (i32) of its first maximum; a NaN
    counts as the maximum, as in max_pool, and padding cells never count."""
    # A fill and a pad, not an i1 constant: dense_to_numpy misreads i1 splats of over 8 elements,
    # which mind-bool-to-i8 then rewrites wrongly.
    real = pad_spatial(b, b.full(Sig((1, 1, *Sig.of(x).shape[2:]), "i1"), True), pad, False)
    n, c, oh, ow, ki, kj = _dims(6)
    rows, cols = oh * strides[0] + ki, ow * strides[1] + kj
    zero = ir.AffineConstantExpr.get(0)
    maps = [_map(6, [n, c, rows, cols]), _map(6, [zero, zero, rows, cols]), _map(6, [ki, kj]),
            *[_map(6, [n, c, oh, ow])] * 2]
    # The index starts past every tap, so the first real cell wins even a tie with the initial -inf.
    inits = [b.full(out, lowest(out.dtype)), b.full(out.with_dtype("i32"), kernel[0] * kernel[1])]
    i32 = ir.IntegerType.get_signless(32)

    def body(s, v, is_real, _, best, best_index):
        ki_, kj_ = (arith.index_cast(i32, linalg.IndexOp(d).result) for d in (4, 5))
        i = s.add(s.mul(ki_, s.like(kernel[1], ki_)), kj_)
        take = s.andi(is_real, _takes(s, "gt", v, i, best, best_index))
        return [s.select(take, v, best), s.select(take, i, best_index)]

    window = b.empty(Sig(kernel, out.dtype))   # read only for its shape, which bounds ki and kj
    # The pad value is irrelevant: `real` keeps padding cells out of the comparison.
    return b.generic([pad_spatial(b, x, pad, 0.0), real, window], inits, maps, iterators(6, [4, 5]), body)[1]


def _first_maxima_tiled(b, x: ir.Value, out: Sig, kernel) -> ir.Value:
    """_first_maxima for windows that tile x (strides equal to kernel_size, no padding), read
    through the [N, C, Ho, kh, Wo, kw] view of x with the output column innermost, so that the
    loops vectorize along Wo instead of running over the kh x kw window cell by cell."""
    kw = kernel[1]
    n, c, oh, i, j, ow = _dims(6)
    maps = [_map(6, [n, c, oh, i, ow, j]), *[_map(6, [n, c, oh, ow])] * 2]
    inits = [b.full(out, lowest(out.dtype)), b.full(out.with_dtype("i32"), kernel[0] * kernel[1])]
    i32 = ir.IntegerType.get_signless(32)

    def body(s, v, best, best_index):
        i_, j_ = (arith.index_cast(i32, linalg.IndexOp(d).result) for d in (3, 4))
        k = s.add(s.mul(i_, s.like(kw, i_)), j_)
        take = _takes(s, "gt", v, k, best, best_index)
        return [s.select(take, v, best), s.select(take, k, best_index)]

    blocks = window_blocks(x, out, kernel)
    return b.generic([blocks], inits, maps, [PARALLEL] * 3 + [REDUCTION] * 2 + [PARALLEL], body)[1]


def _route_tiled(b, dout: ir.Value, first: ir.Value, out: Sig, kernel) -> ir.Value:
    """dx when the windows tile x without overlap or padding (strides equal to kernel_size): cell
    (oh kh + i, ow kw + j) takes window (oh, ow)'s dout if it is that window's first maximum.
    Iterating over [N, C, Ho, kh, Wo, kw] keeps every read a plain projection, so the loops
    vectorize; cells past the last window (H or W not a multiple of the kernel) stay zero."""
    (n, c, ho, wo), (kh, kw) = Sig.of(dout).shape, kernel
    n_, c_, oh, i, ow, j = _dims(6)
    window = _map(6, [n_, c_, oh, ow])
    blocks = out.with_shape([n, c, ho, kh, wo, kw])
    i32 = ir.IntegerType.get_signless(32)

    def body(s, d, k, _):
        i_, j_ = (arith.index_cast(i32, linalg.IndexOp(dim).result) for dim in (3, 5))
        hit = s.cmp("eq", k, s.add(s.mul(i_, s.like(kw, i_)), j_))
        return [s.select(hit, d, s.like(0, d))]

    (routed,) = b.generic([dout, first], [b.empty(blocks)], [window, window, _map(6, _dims(6))],
                          [PARALLEL] * 6, body)
    covered = out.with_shape([n, c, ho * kh, wo * kw])
    dx = tensor.collapse_shape(covered.to_type(), routed, [[0], [1], [2, 3], [4, 5]])
    if covered == out:
        return dx
    return tensor.insert_slice(dx, b.full(out, 0), [], [], [], [0, 0, 0, 0], list(covered.shape), [1, 1, 1, 1])


def _route(b, dout: ir.Value, first: ir.Value, padded: Sequence[int], kernel, strides) -> ir.Value:
    """dx over the padded input: each cell sums the dout of the windows whose first maximum it is.

    Cell p = q * stride + r (q = p floordiv stride) is tap r + t * stride of window q - t, so it
    lies only in windows q - t for t < ceil(k / stride): iterating over t rather than over all
    windows keeps the work at about k / stride windows per cell.
    """
    sig = Sig.of(dout)
    reach = [(k - 1) // s + 1 for k, s in zip(kernel, strides)]
    # Windows q - t outside [0, Ho) do not exist: pad dout (and first) with zeros that add nothing.
    after = [max(0, (p - 1) // s + 1 - o) for p, s, o in zip(padded, strides, sig.shape[2:])]
    frame = [reach[0] - 1, after[0], reach[1] - 1, after[1]]
    n, c, ph, pw, t, u = _dims(6)
    at = _map(6, [n, c, ir.AffineExpr.get_floor_div(ph, strides[0]) - t + reach[0] - 1,
                  ir.AffineExpr.get_floor_div(pw, strides[1]) - u + reach[1] - 1])
    maps = [at, at, _map(6, [t, u]), _map(6, [n, c, ph, pw])]
    i32 = ir.IntegerType.get_signless(32)

    def body(s, d, k, _, acc):
        # (i, j): which tap of window (row floordiv sh - t, col floordiv sw - u) this cell is.
        row, col, t_, u_ = (arith.index_cast(i32, linalg.IndexOp(dim).result) for dim in (2, 3, 4, 5))
        i = s.add(arith.remsi(row, s.like(strides[0], row)), s.mul(t_, s.like(strides[0], t_)))
        j = s.add(arith.remsi(col, s.like(strides[1], col)), s.mul(u_, s.like(strides[1], u_)))
        inside = s.andi(s.cmp("lt", i, s.like(kernel[0], i)), s.cmp("lt", j, s.like(kernel[1], j)))
        hit = s.andi(inside, s.cmp("eq", k, s.add(s.mul(i, s.like(kernel[1], i)), j)))
        return [s.add(acc, s.select(hit, d, s.like(0, d)))]

    window = b.empty(Sig(reach, sig.dtype))   # read only for its shape, which bounds t and u
    out = sig.with_shape([*sig.shape[:2], *padded])
    ins = [pad_spatial(b, dout, frame, 0.0), pad_spatial(b, first, frame, 0), window]
    return b.generic(ins, [b.full(out, 0)], maps, iterators(6, [4, 5]), body)[0]
