"""Rules for reductions: reduce_sum/mean/max/min/prod over a set of axes, argmax and argmin.

Each op is one register line over a family class; the helpers at the top (axis checks, the
identity of a combiner, maps that drop reduced dims) are shared with softmax in nn.py.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
from mlir import ir
from mlir.dialects import arith, linalg, tensor

from mindc.lowering.builder import PARALLEL, REDUCTION
from mindc.rules.base import (FLOAT_DTYPES, Kind, NotDifferentiable, Rule, RuleError, Sig, normalize_axis,
                              numpy_dtype, register)
from mindc.rules.factors import factor_names
from mindc.sharding.spec import einsum

REDUCE_DTYPES = (*FLOAT_DTYPES, "i32", "i64")


def require_dtype(sig: Sig, allowed: tuple[str, ...], what: str = "x") -> None:
    if sig.dtype not in allowed:
        raise RuleError(f"{what} must have element type {' or '.join(allowed)}, found {sig}")


def reduced_axes(axis: Sequence[int], rank: int) -> tuple[int, ...]:
    """The sorted, non-negative axes to reduce; an empty `axis` means every dimension."""
    if not axis:
        return tuple(range(rank))
    for d in axis:
        # normalize_axis lets a rank-0 tensor take axis 0; a reduction has no such axis.
        if not -rank <= d < rank:
            raise RuleError(f"axis {d} is out of range for rank {rank}")
    dims = [d % rank for d in axis]
    for i, d in enumerate(dims):
        if d in dims[:i]:
            raise RuleError(f"axis {axis[i]} repeats dimension {d} in axis {list(axis)}")
    return tuple(sorted(dims))


def lowest(dtype: str) -> float | int:
    """The identity of max: -inf for floats, the smallest integer otherwise."""
    return -np.inf if dtype in FLOAT_DTYPES else int(np.iinfo(numpy_dtype(dtype)).min)


def highest(dtype: str) -> float | int:
    """The identity of min: +inf for floats, the largest integer otherwise."""
    return np.inf if dtype in FLOAT_DTYPES else int(np.iinfo(numpy_dtype(dtype)).max)


def dropping(rank: int, dims: Sequence[int]) -> ir.AffineMap:
    """The map from a rank-`rank` iteration space to the result that drops the reduced `dims`."""
    return ir.AffineMap.get(rank, 0, [ir.AffineDimExpr.get(i) for i in range(rank) if i not in dims])


def iterators(rank: int, dims: Sequence[int]) -> list[str]:
    return [REDUCTION if i in dims else PARALLEL for i in range(rank)]


def linalg_reduce(b, x: ir.Value, dims: Sequence[int], init: float | int,
                  combine: Callable[..., ir.Value]) -> ir.Value:
    """linalg.reduce of x over dims, starting from `init`; combine(s, element, accumulator)."""
    sig = Sig.of(x)
    out = sig.with_shape([n for i, n in enumerate(sig.shape) if i not in dims])
    t = sig.to_type().element_type
    op = linalg.ReduceOp([out.to_type()], [x], [b.full(out, init)], list(dims))
    block = op.regions[0].blocks.append(t, t)
    with ir.InsertionPoint(block):
        linalg.YieldOp([combine(b.s, *block.arguments)])
    return op.results[0]


def keep_dims(x: ir.Value, out: Sig, dims: Sequence[int]) -> ir.Value:
    """Expand the reduced result x back to `out`, whose reduced dims have size 1."""
    kept = [i for i in range(out.rank) if i not in dims]
    # Each unit dim joins the group of the kept dim before it (leading ones join the first group);
    # with nothing kept, a rank-0 tensor expands with no groups at all.
    groups = [[] for _ in kept]
    g = 0
    for i in range(out.rank):
        if i in kept:
            g = kept.index(i)
        if groups:
            groups[g].append(i)
    return tensor.expand_shape(out.to_type(), x, groups, [], out.shape)


class Reduce(Rule):
    """out = combine over `axis` (empty: all dims), starting at the combiner's identity.

    `identity(dtype)` gives the init value, `finish(s, value, count)` the scalar applied to the
    result (mean divides by the count; integer mean truncates toward zero, as mind.div does).
    `grad(m, x, out, g)` is dx from out and g with the reduced dims kept as 1s (they broadcast).
    `reduce` names how partial results over pieces of the reduced dims combine (sharding/layout.py's
    REDUCTIONS): the combiner itself, or mean for a mean over equal pieces.
    """

    attrs = {"axis": Kind.INTS, "keep_dims": Kind.BOOL}

    def __init__(self, combine: Callable, identity: Callable[[str], float | int], fold: Callable,
                 grad: Callable, reduce: str, finish: Callable | None = None):
        self.combine, self.identity, self.folder, self.finish = combine, identity, fold, finish
        self.grad, self.reduce = grad, reduce

    def infer(self, a, x):
        require_dtype(x, REDUCE_DTYPES)
        dims = reduced_axes(a["axis"], x.rank)
        if a["keep_dims"]:
            return [x.with_shape([1 if i in dims else n for i, n in enumerate(x.shape)])]
        return [x.with_shape([n for i, n in enumerate(x.shape) if i not in dims])]

    def lower(self, b, a, ins, outs):
        (x,), (out,) = ins, outs
        sig = Sig.of(x)
        dims = reduced_axes(a["axis"], sig.rank)
        if not dims:
            return [x]
        value = linalg_reduce(b, x, dims, self.identity(sig.dtype), self.combine)
        if self.finish is not None:
            count = int(np.prod([sig.shape[d] for d in dims]))
            value = b.map([value], Sig.of(value), lambda s, v: self.finish(s, v, count))
        return [keep_dims(value, out, dims) if a["keep_dims"] else value]

    def fold(self, a, x):
        dims = reduced_axes(a["axis"], x.ndim)
        out = self.folder(x, axis=dims, keepdims=a["keep_dims"])
        return [np.asarray(out).astype(x.dtype)]

    def vjp(self, m, a, ins, outs, couts):
        (x,), (out,), (g,) = ins, outs, couts
        shape = m.sig(x).shape
        dims = reduced_axes(a["axis"], len(shape))
        if not a["keep_dims"]:
            out, g = m.keep_dims(out, shape, dims), m.keep_dims(g, shape, dims)
        count = int(np.prod([shape[d] for d in dims]))
        return [self.grad(m, x, out, g, count)]

    def sharding(self, a, ins, outs):
        (x,) = ins
        dims = reduced_axes(a["axis"], x.rank)
        names = factor_names(x.rank)
        if self.reduce == "mean" and x.dtype not in FLOAT_DTYPES:
            # An integer mean truncates, and the mean of truncated partial means is not the
            # truncated mean (3, 1 -> 2 whole, but 1 + 0 -> 0 from halves): reduce whole.
            names = [n.upper() if d in dims else n for d, n in enumerate(names)]
        kept = "".join(("1" if a["keep_dims"] else "") if d in dims else n for d, n in enumerate(names))
        return einsum(f"{''.join(names)}->{kept}", ins, outs, reduce=self.reduce)

    def flops(self, a, ins, outs):
        return ins[0].size


def _broadcast(m, g, x):
    return m.broadcast_to(g, shape=m.sig(x).shape)


def _extreme_grad(m, x, out, g, count):
    # MindSpore's ReduceMax/ReduceMin gradient: shared equally among the elements that attain it.
    hit = m.cast_like(m.equal(x, out), x)
    # Count the ties over the dims the reduction shrank. With none (every reduced dim has size 1)
    # each element is its own extreme; an empty axis list would make reduce_sum sum them all.
    shrunk = [i for i, (n, k) in enumerate(zip(m.sig(x).shape, m.sig(out).shape)) if n != k]
    ties = m.reduce_sum(hit, axis=shrunk, keep_dims=True) if shrunk else hit
    return m.mul(hit, m.div(g, ties))


def _mean_fold(x, axis, keepdims):
    if np.issubdtype(x.dtype, np.integer):
        count = int(np.prod([x.shape[d] for d in axis]))
        total = np.sum(x, axis=axis, keepdims=keepdims)
        return np.sign(total) * (np.abs(total) // count)
    return np.mean(x, axis=axis, keepdims=keepdims)


register("mind.reduce_sum", Reduce(lambda s, x, acc: s.add(acc, x), lambda t: 0, np.sum,
                                   grad=lambda m, x, out, g, count: _broadcast(m, g, x), reduce="sum"))
register("mind.reduce_mean", Reduce(lambda s, x, acc: s.add(acc, x), lambda t: 0, _mean_fold,
                                    grad=lambda m, x, out, g, count: _broadcast(m, m.div(g, m.scalar(count, g)), x),
                                    reduce="mean", finish=lambda s, v, count: s.div(v, s.like(count, v))))
register("mind.reduce_max", Reduce(lambda s, x, acc: s.max(acc, x), lowest, np.max, grad=_extreme_grad, reduce="max"))
register("mind.reduce_min", Reduce(lambda s, x, acc: s.min(acc, x), highest, np.min, grad=_extreme_grad, reduce="min"))
# d prod(x) / dx_i = prod(x) / x_i: exact while no element is zero (a zero gives nan).
register("mind.reduce_prod", Reduce(lambda s, x, acc: s.mul(acc, x), lambda t: 1, np.prod,
                                    grad=lambda m, x, out, g, count: m.mul(m.mul(g, out), m.div(m.scalar(1, x), x)),
                                    reduce="prod"))


class ArgExtreme(Rule):
    """argmax / argmin along `axis`: the first index of the extreme value, as i32; NaN counts as
    the extreme, as in numpy. `better` is "gt" for argmax, "lt" for argmin."""

    attrs = {"axis": Kind.INT}
    vjp = NotDifferentiable("integer result")

    def __init__(self, better: str, fold: Callable):
        self.better, self.folder = better, fold

    def infer(self, a, x):
        require_dtype(x, REDUCE_DTYPES)
        if x.rank == 0:
            raise RuleError(f"x must have rank at least 1, found {x}")
        axis = normalize_axis(a["axis"], x.rank)
        if x.shape[axis] == 0:
            raise RuleError(f"axis {a['axis']} of x ({x}) is empty; it has no {self.name[5:]}")
        return [Sig(x.shape[:axis] + x.shape[axis + 1:], "i32")]

    def lower(self, b, a, ins, outs):
        (x,), (out,) = ins, outs
        sig = Sig.of(x)
        axis = normalize_axis(a["axis"], sig.rank)
        start = lowest(sig.dtype) if self.better == "gt" else highest(sig.dtype)
        inits = [b.full(out.with_dtype(sig.dtype), start), b.full(out, 0)]
        reduced = dropping(sig.rank, [axis])
        maps = [ir.AffineMap.get_identity(sig.rank), reduced, reduced]

        def body(s, v, best, best_index):
            i = arith.index_cast(ir.IntegerType.get_signless(32), linalg.IndexOp(axis).result)
            take = _takes(s, self.better, v, i, best, best_index)
            return [s.select(take, v, best), s.select(take, i, best_index)]

        return [b.generic([x], inits, maps, iterators(sig.rank, [axis]), body)[1]]

    def fold(self, a, x):
        return [self.folder(x, axis=normalize_axis(a["axis"], x.ndim)).astype(np.int32)]

    def sharding(self, a, ins, outs):
        return along_whole(a["axis"], ins, outs, keep=False)

    def flops(self, a, ins, outs):
        return ins[0].size


def along_whole(axis: int, ins, outs, keep: bool):
    """The spec of an op on x whose `axis` it needs whole (scans, arg-extremes, softmax): the
    other dims are parallel; the axis stays in the results when `keep`, else it is dropped."""
    (x,) = ins
    axis = normalize_axis(axis, x.rank)
    names = [n.upper() if d == axis else n for d, n in enumerate(factor_names(x.rank))]
    out = "".join(n for d, n in enumerate(names) if keep or d != axis)
    return einsum(f"{''.join(names)}->{','.join(out for _ in outs)}", ins, outs)


def _takes(s, better: str, v, i, best, best_index) -> ir.Value:
    """Whether (v, i) replaces (best, best_index): strictly better, or equal at a smaller index.

    The tie-break makes the combiner associative and commutative, so the first extreme wins in
    any iteration order, not only the sequential one. A NaN beats any number, and two NaNs tie.
    """
    strict, same = s.cmp(better, v, best), s.cmp("eq", v, best)
    if isinstance(v.type, ir.FloatType):
        v_nan = arith.cmpf(arith.CmpFPredicate.UNO, v, v)
        strict = s.ori(strict, s.andi(v_nan, arith.cmpf(arith.CmpFPredicate.ORD, best, best)))
        same = s.ori(same, s.andi(v_nan, arith.cmpf(arith.CmpFPredicate.UNO, best, best)))
    return s.ori(strict, s.andi(same, s.cmp("lt", i, best_index)))


register("mind.argmax", ArgExtreme("gt", np.argmax))
register("mind.argmin", ArgExtreme("lt", np.argmin))


class CumSum(Rule):
    """CumSum(exclusive, reverse)(x, axis): out[..., i, ...] sums x[..., j, ...] over j <= i (j < i
    when exclusive; j >= i, or j > i, when reverse)."""

    attrs = {"axis": Kind.INT, "exclusive": Kind.BOOL, "reverse": Kind.BOOL}

    def infer(self, a, x):
        require_dtype(x, REDUCE_DTYPES)
        if x.rank == 0:
            raise RuleError(f"x must have rank at least 1, found {x}")
        normalize_axis(a["axis"], x.rank)
        return [x]

    def lower(self, b, a, ins, outs):
        # One linalg.generic over x's dims plus a summed dim j along axis: out[i] += x[j] where j
        # is on the summed side of i. Quadratic in the axis length, but a single parallel kernel.
        (x,), (out,) = ins, outs
        rank, axis = out.rank, normalize_axis(a["axis"], out.rank)
        dims = [ir.AffineDimExpr.get(d) for d in range(rank)]
        summed = [ir.AffineDimExpr.get(rank) if d == axis else e for d, e in enumerate(dims)]
        read = ir.AffineMap.get(rank + 1, 0, summed)
        write = ir.AffineMap.get(rank + 1, 0, dims)
        predicate = {(False, False): "sle", (True, False): "slt", (False, True): "sge", (True, True): "sgt"}[
            (a["exclusive"], a["reverse"])]

        def body(s, v, acc):
            i, j = linalg.IndexOp(axis).result, linalg.IndexOp(rank).result
            summed = arith.cmpi(getattr(arith.CmpIPredicate, predicate), j, i)
            return [s.add(acc, s.select(summed, v, s.like(0, v)))]

        return b.generic([x], [b.full(out, 0)], [read, write], [PARALLEL] * rank + [REDUCTION], body)

    def fold(self, a, x):
        axis = normalize_axis(a["axis"], x.ndim)
        ordered = np.flip(x, axis) if a["reverse"] else x
        sums = np.cumsum(ordered, axis=axis, dtype=x.dtype)
        if a["exclusive"]:
            sums = sums - ordered
        return [np.flip(sums, axis) if a["reverse"] else sums]

    def vjp(self, m, a, ins, outs, couts):
        # The transpose of a running sum is the running sum in the other direction.
        return [m.cumsum(couts[0], axis=a["axis"], exclusive=a["exclusive"], reverse=not a["reverse"])]

    def sharding(self, a, ins, outs):
        return along_whole(a["axis"], ins, outs, keep=True)

    def flops(self, a, ins, outs):
        # The lowering sums the whole axis for each element (quadratic, one parallel kernel).
        x = ins[0]
        return x.size * x.shape[normalize_axis(a["axis"], x.rank)]


register("mind.cumsum", CumSum())


class TopK(Rule):
    """TopK(x, k): the k largest values along the last axis, descending, and their i32 indices;
    equal values come in index order (a stable sort). NaN is not ordered."""

    attrs = {"k": Kind.INT}

    def infer(self, a, x):
        require_dtype(x, REDUCE_DTYPES)
        if x.rank == 0:
            raise RuleError(f"x must have rank at least 1, found {x}")
        if not 0 <= a["k"] <= x.shape[-1]:
            raise RuleError(f"k {a['k']} is out of range for the last dimension of x ({x}), of size {x.shape[-1]}")
        shape = x.shape[:-1] + (a["k"],)
        return [x.with_shape(shape), Sig(shape, "i32")]

    def lower(self, b, a, ins, outs):
        # Two quadratic linalg.generics, no sorting network: each element's rank is the number of
        # elements ahead of it; output slot r then takes the element whose rank is r.
        (x,), (values, indices) = ins, outs
        rank = Sig.of(x).rank
        last, extra = rank - 1, rank    # the last axis, and a second loop over it
        dims = [ir.AffineDimExpr.get(d) for d in range(rank + 1)]
        at_last = ir.AffineMap.get(rank + 1, 0, dims[:rank])
        at_extra = ir.AffineMap.get(rank + 1, 0, dims[:last] + [dims[extra]])
        i32 = ir.IntegerType.get_signless(32)

        def count_ahead(s, xi, xj, acc):
            i, j = linalg.IndexOp(last).result, linalg.IndexOp(extra).result
            ahead = s.ori(s.cmp("gt", xj, xi), s.andi(s.cmp("eq", xj, xi), arith.cmpi(arith.CmpIPredicate.slt, j, i)))
            return [s.add(acc, arith.extui(i32, ahead))]

        (ranks,) = b.generic([x, x], [b.full(Sig.of(x).with_dtype("i32"), 0)], [at_last, at_extra, at_last],
                             iterators(rank + 1, [extra]), count_ahead)

        def take(s, v, r, value, index):
            hit = s.cmp("eq", r, arith.index_cast(i32, linalg.IndexOp(last).result))
            return [s.select(hit, v, value), s.select(hit, arith.index_cast(i32, linalg.IndexOp(extra).result), index)]

        return b.generic([x, ranks], [b.full(values, 0), b.full(indices, 0)], [at_extra, at_extra, at_last, at_last],
                         iterators(rank + 1, [extra]), take)

    def fold(self, a, x):
        order = np.argsort(-x, axis=-1, kind="stable")[..., :a["k"]]
        return [np.take_along_axis(x, order, -1), order.astype(np.int32)]

    def vjp(self, m, a, ins, outs, couts):
        # Each value's cotangent goes back to its index: sum over the k slots of one_hot(index) * g.
        (x,), (_, indices), (g, _) = ins, outs, couts
        sig = m.sig(x)
        spread = m.one_hot(indices, m.scalar(1, x), m.scalar(0, x), depth=sig.shape[-1], axis=sig.rank)
        g = m.reshape(g, shape=m.sig(g).shape + (1,))
        return [m.reduce_sum(m.mul(spread, g), axis=[sig.rank - 1], keep_dims=False)]

    def sharding(self, a, ins, outs):
        # The last axis is needed whole, and the k it selects are another whole factor (K).
        names = factor_names(ins[0].rank - 1)
        lead = "".join(names)
        return einsum(f"{lead}N->{lead}K,{lead}K", ins, outs)

    def flops(self, a, ins, outs):
        # Two quadratic passes over the last axis (ranks, then the pick), as the lowering does.
        x = ins[0]
        return 2 * x.size * x.shape[-1]


register("mind.top_k", TopK())
