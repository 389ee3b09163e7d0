"""Rules for shape and data-movement ops: reshape, transpose, broadcast_to, concat, strided_slice,
gather, one_hot, and the operand-free constant and fill. Their gradient ops are in shape_grad.py.

These ops only move elements, so most lower to tensor ops (expand/collapse_shape, extract_slice,
concat) or to a linalg.generic whose indexing maps do the moving; no arithmetic is involved.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from mlir import ir
from mlir.dialects import arith, linalg, tensor

from mindc.lowering.builder import PARALLEL
from mindc.rules.base import (Attrs, Kind, NotDifferentiable, Rule, RuleError, Sig, dtype_of_numpy, normalize_axis,
                              numpy_dtype, register)
from mindc.rules.factors import broadcast_notation, factor_names, local_slice, reshape_notation, slice_notation, split_shape
from mindc.sharding.spec import einsum

INDEX_DTYPES = ("i32", "i64")


def shape_str(shape: Sequence[int]) -> str:
    return "[" + ",".join(map(str, shape)) + "]"


def check_sizes(shape: Sequence[int], what: str) -> None:
    if any(d < 0 for d in shape):
        raise RuleError(f"{what} must have sizes >= 0, found {shape_str(shape)}")


def affine_dim(i: int) -> ir.AffineExpr:
    return ir.AffineDimExpr.get(i)


# -- reshape ---------------------------------------------------------------------------------


def _groups(big: Sequence[int], small: Sequence[int]) -> list[list[int]] | None:
    """Reassociation that collapses `big` into `small` (consecutive dims of big multiply to each
    dim of small), or None if there is none. Trailing size-1 dims of big join the last group."""
    groups, i = [], 0
    for size in small:
        group, product = [], 1
        while i < len(big) and (not group or product < size):
            group.append(i)
            product *= big[i]
            i += 1
        if not group or product != size:
            return None
        groups.append(group)
    rest = list(range(i, len(big)))
    if any(big[j] != 1 for j in rest):
        return None
    if rest and groups:
        groups[-1] += rest
    return groups


def _collapse(x: ir.Value, src: Sig, dst: Sig) -> ir.Value | None:
    groups = _groups(src.shape, dst.shape)
    return None if groups is None else tensor.collapse_shape(dst.to_type(), x, groups)


def _expand(x: ir.Value, src: Sig, dst: Sig) -> ir.Value | None:
    groups = _groups(dst.shape, src.shape)
    return None if groups is None else tensor.expand_shape(dst.to_type(), x, groups, [], list(dst.shape))


def reshaped(b, x: ir.Value, dst: Sig) -> ir.Value:
    """x reinterpreted row-major as dst, which has x's size."""
    src = Sig.of(x)
    if src == dst:
        return x
    if src.size == 0:
        return b.empty(dst)
    # One collapse or one expand when the reshape is one; otherwise through the flat 1-d
    # tensor, which always works for static shapes and which canonicalize may simplify.
    if src.rank >= dst.rank and (out := _collapse(x, src, dst)) is not None:
        return out
    if src.rank <= dst.rank and (out := _expand(x, src, dst)) is not None:
        return out
    flat = src.with_shape((src.size,))
    return _expand(_collapse(x, src, flat), flat, dst)


@register("mind.reshape")
class Reshape(Rule):
    """Reshape(x, shape): row-major reinterpretation; the frontend has already resolved -1."""

    attrs = {"shape": Kind.INTS}

    def infer(self, a, x):
        shape = a["shape"]
        check_sizes(shape, "shape")
        out = x.with_shape(shape)
        if out.size != x.size:
            raise RuleError(f"shape {shape_str(shape)} has {out.size} elements, expected {x.size} as in x {x}")
        return [out]

    def lower(self, b, a, ins, outs):
        return [reshaped(b, ins[0], outs[0])]

    def fold(self, a, x):
        return [x.reshape(a["shape"])]

    def vjp(self, m, a, ins, outs, couts):
        return [m.reshape(couts[0], shape=m.sig(ins[0]).shape)]

    def sharding(self, a, ins, outs):
        x_dims, out_dims, sizes = reshape_notation(ins[0].shape, outs[0].shape)
        return einsum(f"{x_dims}->{out_dims}", ins, outs, sizes=sizes)

    def local_attrs(self, a, spec, splits):
        return Attrs({**a, "shape": split_shape(spec.results[0], a["shape"], splits)})



# -- transpose and broadcast_to -----------------------------------------------------------------


@register("mind.transpose")
class Transpose(Rule):
    """Transpose(x, perm): out.shape[i] = x.shape[perm[i]]."""

    attrs = {"perm": Kind.INTS}

    def infer(self, a, x):
        perm = a["perm"]
        if sorted(perm) != list(range(x.rank)):
            raise RuleError(f"perm {shape_str(perm)} is not a permutation of the {x.rank} dimensions of x {x}")
        return [x.with_shape([x.shape[p] for p in perm])]

    def lower(self, b, a, ins, outs):
        perm = list(a["perm"])
        if perm == sorted(perm):
            # Nothing moves; and linalg.transpose of a 0-d tensor aborts the process.
            return [ins[0]]
        return [linalg.transpose(ins[0], outs=[b.empty(outs[0])], permutation=perm).results[0]]

    def fold(self, a, x):
        return [np.transpose(x, a["perm"])]

    def vjp(self, m, a, ins, outs, couts):
        return [m.transpose(couts[0], perm=np.argsort(a["perm"]))]

    def sharding(self, a, ins, outs):
        names = factor_names(ins[0].rank)
        return einsum(f"{''.join(names)}->{''.join(names[p] for p in a['perm'])}", ins, outs)


@register("mind.broadcast_to")
class BroadcastTo(Rule):
    """BroadcastTo(shape)(x) with numpy's rules: align trailing dims; size 1 stretches."""

    attrs = {"shape": Kind.INTS}

    def infer(self, a, x):
        shape = a["shape"]
        check_sizes(shape, "shape")
        lead = len(shape) - x.rank
        if lead < 0 or any(d != 1 and d != shape[lead + i] for i, d in enumerate(x.shape)):
            raise RuleError(f"x {x} cannot be broadcast to shape {shape_str(shape)}")
        return [x.with_shape(shape)]

    def lower(self, b, a, ins, outs):
        # Builder.map reads x through builder.broadcast_map: constant 0 on stretched dims.
        return [b.map(ins, outs[0], lambda s, x: x)]

    def fold(self, a, x):
        return [np.broadcast_to(x, a["shape"]).copy()]

    def vjp(self, m, a, ins, outs, couts):
        return [m.sum_to(couts[0], m.sig(ins[0]).shape)]

    def sharding(self, a, ins, outs):
        names = factor_names(outs[0].rank)
        return einsum(f"{broadcast_notation(ins[0].shape, a['shape'], names)}->{''.join(names)}", ins, outs)

    def local_attrs(self, a, spec, splits):
        return Attrs({**a, "shape": split_shape(spec.results[0], a["shape"], splits)})


# -- concat and strided_slice -------------------------------------------------------------------


@register("mind.concat")
class Concat(Rule):
    """Concat(axis)(x, y): one rank and dtype; all dims but axis equal (n inputs are a chain)."""

    attrs = {"axis": Kind.INT}
    arity = 2

    def infer(self, a, *xs):
        first = xs[0]
        if first.rank == 0:
            raise RuleError(f"inputs must have rank >= 1, found {first}")
        axis = normalize_axis(a["axis"], first.rank)
        for i, x in enumerate(xs[1:], 1):
            if x.dtype != first.dtype or x.rank != first.rank:
                raise RuleError(f"input {i} is {x}, expected rank {first.rank} and element type {first.dtype} "
                                f"as input 0 {first}")
            other = [d for j, (d, d0) in enumerate(zip(x.shape, first.shape)) if j != axis and d != d0]
            if other:
                raise RuleError(f"input {i} is {x}, expected the sizes of input 0 {first} outside axis {axis}")
        shape = list(first.shape)
        shape[axis] = sum(x.shape[axis] for x in xs)
        return [first.with_shape(shape)]

    def lower(self, b, a, ins, outs):
        return [tensor.concat(outs[0].to_type(), normalize_axis(a["axis"], outs[0].rank), ins)]

    def fold(self, a, *xs):
        return [np.concatenate(xs, axis=a["axis"])]

    def vjp(self, m, a, ins, outs, couts):
        (x, _), (g,) = ins, couts
        shape = m.sig(g).shape
        axis = normalize_axis(a["axis"], len(shape))
        split = m.sig(x).shape[axis]
        # x is g up to `split` along axis, y the rest.
        begin_y, end_x = [0] * len(shape), list(shape)
        begin_y[axis] = end_x[axis] = split
        ones = [1] * len(shape)
        return [m.strided_slice(g, begin=[0] * len(shape), end=end_x, strides=ones),
                m.strided_slice(g, begin=begin_y, end=shape, strides=ones)]

    def sharding(self, a, ins, outs):
        # Pieces of x and y along the axis concatenate to no piece of the result: the axis is whole.
        axis = normalize_axis(a["axis"], outs[0].rank)
        names = factor_names(outs[0].rank)
        dims = ["".join(whole if d == axis else n for d, n in enumerate(names)) for whole in "XYZ"]
        return einsum(f"{dims[0]},{dims[1]}->{dims[2]}", ins, outs)


def slice_dims(a, x: Sig) -> list[tuple[int, int, int]]:
    """(start, step, length) per dim, as Python's slice(begin, end, stride) gives them for x.

    begin and end may be negative (counted from the end) and are clamped like Python's; with a
    negative stride, reaching index 0 needs end <= -size-1, since end = -1 means size-1.
    """
    begin, end, strides = a["begin"], a["end"], a["strides"]
    for name, values in (("begin", begin), ("end", end), ("strides", strides)):
        if len(values) != x.rank:
            raise RuleError(f"{name} has {len(values)} entries, expected one per dimension of x {x} ({x.rank})")
    if 0 in strides:
        raise RuleError(f"strides must be nonzero, found {shape_str(strides)}")
    out = []
    for size, b, e, s in zip(x.shape, begin, end, strides):
        start, stop, step = slice(b, e, s).indices(size)
        out.append((start, step, len(range(start, stop, step))))
    return out


@register("mind.strided_slice")
class StridedSlice(Rule):
    """StridedSlice(x, begin, end, strides): x[b0:e0:s0, b1:e1:s1, ...] exactly as numpy slices."""

    attrs = {"begin": Kind.INTS, "end": Kind.INTS, "strides": Kind.INTS}

    def infer(self, a, x):
        return [x.with_shape([n for _, _, n in slice_dims(a, x)])]

    def lower(self, b, a, ins, outs):
        (x,), out = ins, outs[0]
        dims = slice_dims(a, Sig.of(x))
        if not dims:
            return [x]
        if out.size == 0:
            # Nothing is read; an empty loop nest would also fail linalg's static bound checks.
            return [b.empty(out)]
        if all(step > 0 for _, step, _ in dims):
            starts, steps, sizes = zip(*dims)
            return [tensor.extract_slice(out.to_type(), x, [], [], [], list(starts), list(sizes), list(steps))]
        # extract_slice takes no negative strides: read x at start + step * i instead.
        read = ir.AffineMap.get(out.rank, 0, [affine_dim(i) * step + start for i, (start, step, _) in enumerate(dims)])
        identity = ir.AffineMap.get_identity(out.rank)
        return b.generic([x], [b.empty(out)], [read, identity], [PARALLEL] * out.rank, lambda s, v, _: [v])

    def fold(self, a, x):
        return [x[tuple(slice(*t) for t in zip(a["begin"], a["end"], a["strides"]))].copy()]

    def vjp(self, m, a, ins, outs, couts):
        return [m.strided_slice_grad(couts[0], shape=m.sig(ins[0]).shape, begin=a["begin"], end=a["end"],
                                     strides=a["strides"])]

    def sharding(self, a, ins, outs):
        x_dims, out_dims = slice_notation(slice_dims(a, ins[0]), ins[0].shape)
        return einsum(f"{x_dims}->{out_dims}", ins, outs)

    def local_attrs(self, a, spec, splits):
        return local_slice(a, spec.operands[0], spec, splits)



# -- gather and one_hot -------------------------------------------------------------------------


def require_indices(sig: Sig, name: str) -> None:
    if sig.dtype not in INDEX_DTYPES:
        raise RuleError(f"{name} must have element type i32 or i64, found {sig}")


def as_index(v: ir.Value) -> ir.Value:
    return arith.index_cast(ir.IndexType.get(), v)


@register("mind.gather")
class Gather(Rule):
    """Gather(params, indices, axis): out[i.., j.., k..] = params[i.., indices[j..], k..].

    Out-of-range indices are clamped to [0, params.shape[axis]-1], as JAX clamps out-of-bounds
    reads: MindSpore does not define a result for them, and an unchecked load would read
    foreign memory.
    """

    attrs = {"axis": Kind.INT}
    arity = 2

    def infer(self, a, params, indices):
        require_indices(indices, "indices")
        if params.rank == 0:
            raise RuleError(f"params must have rank >= 1, found {params}")
        axis = normalize_axis(a["axis"], params.rank)
        if params.shape[axis] == 0 and indices.size:
            raise RuleError(f"cannot gather {indices.size} indices from the empty axis {axis} of params {params}")
        return [params.with_shape(params.shape[:axis] + indices.shape + params.shape[axis + 1:])]

    def lower(self, b, a, ins, outs):
        (params, indices), out = ins, outs[0]
        p, k = Sig.of(params), Sig.of(indices).rank
        axis = normalize_axis(a["axis"], p.rank)
        read_indices = ir.AffineMap.get(out.rank, 0, [affine_dim(axis + j) for j in range(k)])
        identity = ir.AffineMap.get_identity(out.rank)

        def body(s, i, _):
            last = arith.constant(ir.IndexType.get(), p.shape[axis] - 1)
            zero = arith.constant(ir.IndexType.get(), 0)
            at = arith.minsi(arith.maxsi(as_index(i), zero), last)
            before = [linalg.IndexOp(d).result for d in range(axis)]
            after = [linalg.IndexOp(d).result for d in range(axis + k, out.rank)]
            return [tensor.extract(params, before + [at] + after)]

        return b.generic([indices], [b.empty(out)], [read_indices, identity], [PARALLEL] * out.rank, body)

    def fold(self, a, params, indices):
        axis = normalize_axis(a["axis"], params.ndim)
        return [np.take(params, np.clip(indices, 0, params.shape[axis] - 1), axis=axis)]

    def vjp(self, m, a, ins, outs, couts):
        (params, indices), (g,) = ins, couts
        shape, k, rank = m.sig(params).shape, m.sig(indices).rank, m.sig(g).rank
        axis = normalize_axis(a["axis"], len(shape))
        # An out-of-range index read the row it was clamped to, so that row gets the gradient.
        clamped = m.minimum(m.maximum(indices, m.scalar(0, indices)), m.scalar(shape[axis] - 1, indices))
        # unsorted_segment_sum sums over leading dims: move the index dims of g first, and the
        # segment dim of the sum back to axis.
        if axis:
            g = m.transpose(g, perm=[*range(axis, axis + k), *range(axis), *range(axis + k, rank)])
        dparams = m.unsorted_segment_sum(g, clamped, num_segments=shape[axis])
        if axis:
            dparams = m.transpose(dparams, perm=[*range(1, axis + 1), 0, *range(axis + 1, len(shape))])
        return [dparams, None]

    def sharding(self, a, ins, outs):
        # Any row of the gathered axis may be read: that axis is whole; the other params dims
        # and the index dims are parallel.
        (params, indices) = ins
        axis = normalize_axis(a["axis"], params.rank)
        names = factor_names(params.rank + indices.rank)
        p_dims = "".join("X" if d == axis else n for d, n in enumerate(names[:params.rank]))
        i_dims = "".join(names[params.rank:])
        return einsum(f"{p_dims},{i_dims}->{p_dims[:axis]}{i_dims}{p_dims[axis + 1:]}", ins, outs)


@register("mind.one_hot")
class OneHot(Rule):
    """OneHot(indices, depth, on_value, off_value, axis): on_value where indices equals the
    position along the new axis of size depth, off_value elsewhere (also for indices out of
    [0, depth), as in MindSpore and TensorFlow). axis = -1 appends the new axis last."""

    attrs = {"depth": Kind.INT, "axis": Kind.INT}
    arity = 3

    def infer(self, a, indices, on_value, off_value):
        require_indices(indices, "indices")
        if on_value.rank or off_value.rank or on_value.dtype != off_value.dtype:
            raise RuleError("on_value and off_value must be 0-d tensors of one element type, "
                            f"found {on_value} and {off_value}")
        if a["depth"] < 0:
            raise RuleError(f"depth must be >= 0, found {a['depth']}")
        axis = normalize_axis(a["axis"], indices.rank + 1)
        return [Sig(indices.shape[:axis] + (a["depth"],) + indices.shape[axis:], on_value.dtype)]

    def lower(self, b, a, ins, outs):
        out = outs[0]
        axis = normalize_axis(a["axis"], out.rank)
        read_indices = ir.AffineMap.get(out.rank, 0, [affine_dim(d) for d in range(out.rank) if d != axis])
        scalar = ir.AffineMap.get(out.rank, 0, [])
        identity = ir.AffineMap.get_identity(out.rank)

        def body(s, i, on, off, _):
            return [s.select(arith.cmpi(arith.CmpIPredicate.eq, as_index(i), linalg.IndexOp(axis).result), on, off)]

        return b.generic(ins, [b.empty(out)], [read_indices, scalar, scalar, identity], [PARALLEL] * out.rank, body)

    def fold(self, a, indices, on_value, off_value):
        axis = normalize_axis(a["axis"], indices.ndim + 1)
        hot = np.expand_dims(indices, axis) == np.arange(a["depth"]).reshape([-1] + [1] * (indices.ndim - axis))
        return [np.where(hot, on_value, off_value)]

    def vjp(self, m, a, ins, outs, couts):
        (indices, on_value, _), (g,) = ins, couts
        # Each value's gradient is the sum of g over the elements that took it.
        hot = m.one_hot(indices, m.ones(on_value), m.zeros(on_value), depth=a["depth"], axis=a["axis"])
        on = m.mul(g, hot)
        return [None, m.reduce_sum(on, axis=[], keep_dims=False), m.reduce_sum(m.sub(g, on), axis=[], keep_dims=False)]

    def sharding(self, a, ins, outs):
        # The index dims are parallel; every device needs all `depth` positions of the new axis.
        names = "".join(factor_names(ins[0].rank))
        axis = normalize_axis(a["axis"], ins[0].rank + 1)
        return einsum(f"{names},,->{names[:axis]}D{names[axis:]}", ins, outs)


# -- constant and fill --------------------------------------------------------------------------


@register("mind.constant")
class Constant(Rule):
    """A constant tensor; its dense `value` attribute gives the result type."""

    attrs = {"value": Kind.DENSE}
    arity = 0
    vjp = NotDifferentiable("no operands")

    def infer(self, a):
        value = a["value"]
        return [Sig(value.shape, dtype_of_numpy(value.dtype))]

    def lower(self, b, a, ins, outs):
        return [b.constant(a["value"])]

    def fold(self, a):
        return [a["value"]]

    def sharding(self, a, ins, outs):
        # Whole: every device materializes it, and the partition slices a constant where it is used.
        return einsum(f"->{''.join(factor_names(outs[0].rank, whole=True))}", ins, outs)


@register("mind.fill")
class Fill(Rule):
    """Fill(dtype, shape, value): every element is value, whose element type is the result's."""

    attrs = {"shape": Kind.INTS, "value": Kind.SCALAR}
    arity = 0
    vjp = NotDifferentiable("no operands")

    def infer(self, a):
        check_sizes(a["shape"], "shape")
        return [Sig(a["shape"], a["value"].dtype)]

    def lower(self, b, a, ins, outs):
        return [b.full(outs[0], a["value"].value)]

    def fold(self, a):
        value = a["value"]
        return [np.full(a["shape"], value.value, dtype=numpy_dtype(value.dtype))]

    def sharding(self, a, ins, outs):
        return einsum(f"->{''.join(factor_names(outs[0].rank))}", ins, outs)

    def local_attrs(self, a, spec, splits):
        return Attrs({**a, "shape": split_shape(spec.results[0], a["shape"], splits)})
