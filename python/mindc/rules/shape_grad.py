"""Rules for the ops that the VJPs of shape ops emit: strided_slice_grad (for strided_slice) and
unsorted_segment_sum (for gather). Their own VJPs are strided_slice and a gather, so gradients
of gradients stay in the dialect.
"""
from __future__ import annotations

import numpy as np
from mlir import ir
from mlir.dialects import arith, scf, tensor

from mindc.lowering.builder import PARALLEL
from mindc.rules.base import DTYPES, Attrs, Kind, Rule, RuleError, Sig, register
from mindc.rules.factors import factor_names, local_slice, slice_notation, split_shape
from mindc.rules.indexing import insert_strided
from mindc.rules.shape import as_index, check_sizes, require_indices, reshaped, shape_str, slice_dims
from mindc.sharding.spec import einsum

NUMERIC = tuple(d for d in DTYPES if d != "i1")


@register("mind.strided_slice_grad")
class StridedSliceGrad(Rule):
    """StridedSliceGrad(dout, shape, begin, end, strides): a tensor of `shape` holding dout where
    strided_slice(x, begin, end, strides) read x of that shape, and zeros elsewhere."""

    attrs = {"shape": Kind.INTS, "begin": Kind.INTS, "end": Kind.INTS, "strides": Kind.INTS}

    def infer(self, a, dout):
        check_sizes(a["shape"], "shape")
        out = dout.with_shape(a["shape"])
        sliced = tuple(n for _, _, n in slice_dims(a, out))
        if dout.shape != sliced:
            raise RuleError(f"dout is {dout}, expected shape {shape_str(sliced)}, what strided_slice reads "
                            f"from shape {shape_str(out.shape)}")
        return [out]

    def lower(self, b, a, ins, outs):
        (dout,), out = ins, outs[0]
        dims = slice_dims(a, out)
        if not dims:
            return [dout]
        zeros = b.full(out, 0)
        if Sig.of(dout).size == 0:
            return [zeros]
        return [insert_strided(b, dout, zeros, dims)]

    def fold(self, a, dout):
        out = np.zeros(a["shape"], dout.dtype)
        out[tuple(slice(*t) for t in zip(a["begin"], a["end"], a["strides"]))] = dout
        return [out]

    def vjp(self, m, a, ins, outs, couts):
        return [m.strided_slice(couts[0], begin=a["begin"], end=a["end"], strides=a["strides"])]

    def sharding(self, a, ins, outs):
        # strided_slice's notation read backwards: dout is the slice of the result.
        out_dims, dout_dims = slice_notation(slice_dims(a, outs[0]), outs[0].shape)
        return einsum(f"{dout_dims}->{out_dims}", ins, outs)

    def local_attrs(self, a, spec, splits):
        local = local_slice(a, spec.results[0], spec, splits)
        return Attrs({**local, "shape": split_shape(spec.results[0], a["shape"], splits)})


@register("mind.unsorted_segment_sum")
class UnsortedSegmentSum(Rule):
    """UnsortedSegmentSum(x, segment_ids, num_segments): out[s, ...] is the sum of x[i.., ...] over
    the positions i.. where segment_ids[i..] == s; segment_ids has the shape of x's leading dims,
    and ids outside [0, num_segments) are dropped, as in MindSpore and TensorFlow."""

    attrs = {"num_segments": Kind.INT}
    arity = 2

    def infer(self, a, x, ids):
        if x.dtype not in NUMERIC:
            raise RuleError(f"x must have element type {' or '.join(NUMERIC)}, found {x}")
        require_indices(ids, "segment_ids")
        if x.shape[:ids.rank] != ids.shape:
            raise RuleError(f"segment_ids is {ids}, expected the shape of the leading dimensions of x {x}")
        if a["num_segments"] < 0:
            raise RuleError(f"num_segments must be >= 0, found {a['num_segments']}")
        return [x.with_shape((a["num_segments"],) + x.shape[ids.rank:])]

    def lower(self, b, a, ins, outs):
        (x, ids), out = ins, outs[0]
        count, segments = Sig.of(ids).size, a["num_segments"]
        if out.size == 0:
            return [b.empty(out)]
        if count == 0:
            return [b.full(out, 0)]
        # As rows: x is count x width, the result segments x width. One loop over the ids adds
        # each row into its segment's row; bufferization updates the result in place.
        width = out.size // segments
        rows, row = out.with_shape((segments, width)), out.with_shape((1, width))
        x = reshaped(b, x, out.with_shape((count, width)))
        ids = reshaped(b, ids, Sig.of(ids).with_shape((count,)))
        index = ir.IndexType.get()
        loop = scf.ForOp(arith.constant(index, 0), arith.constant(index, count), arith.constant(index, 1),
                         [b.full(rows, 0)])
        with ir.InsertionPoint(loop.body):
            i, acc = loop.body.arguments
            s = as_index(tensor.extract(ids, [i]))
            in_range = arith.andi(arith.cmpi(arith.CmpIPredicate.sge, s, arith.constant(index, 0)),
                                  arith.cmpi(arith.CmpIPredicate.slt, s, arith.constant(index, segments)))
            branch = scf.IfOp(in_range, [acc.type], has_else=True)
            with ir.InsertionPoint(branch.then_block):
                scf.YieldOp([_add_row(b, x, i, acc, s, row)])
            with ir.InsertionPoint(branch.else_block):
                scf.YieldOp([acc])
            scf.YieldOp(branch.results)
        return [reshaped(b, loop.results[0], out)]

    def fold(self, a, x, ids):
        out = np.zeros((a["num_segments"],) + x.shape[ids.ndim:], x.dtype)
        kept = (ids >= 0) & (ids < a["num_segments"])
        np.add.at(out, ids[kept], x[kept])
        return [out]

    def vjp(self, m, a, ins, outs, couts):
        (x, ids), (g,) = ins, couts
        if not a["num_segments"]:
            return [m.zeros(x), None]
        # Row i of dx is row ids[i] of g; gather clamps out-of-range ids, whose rows were
        # dropped, so they are masked to zero.
        rank, k = m.sig(x).rank, m.sig(ids).rank
        kept = m.logical_and(m.greater_equal(ids, m.scalar(0, ids)), m.less(ids, m.scalar(a["num_segments"], ids)))
        kept = m.reshape(kept, shape=m.sig(ids).shape + (1,) * (rank - k))
        return [m.select(kept, m.gather(g, ids, axis=0), m.scalar(0, g)), None]

    def sharding(self, a, ins, outs):
        # Any row may go to any segment, so a device with some of the rows (a piece of the id
        # dims) sums them into every segment: partial sums over the id dims, segments whole.
        x, ids = ins
        names = "".join(factor_names(x.rank))
        return einsum(f"{names},{names[:ids.rank]}->S{names[ids.rank:]}", ins, outs, reduce="sum")


def _add_row(b, x: ir.Value, i: ir.Value, acc: ir.Value, s: ir.Value, row: Sig) -> ir.Value:
    """acc with row i of x added to its row s (i and s are indices)."""
    dynamic = ir.ShapedType.get_dynamic_stride_or_offset()
    shape, unit = list(row.shape), [1, 1]
    src = tensor.extract_slice(row.to_type(), x, [i], [], [], [dynamic, 0], shape, unit)
    dst = tensor.extract_slice(row.to_type(), acc, [s], [], [], [dynamic, 0], shape, unit)
    identity = ir.AffineMap.get_identity(2)
    # The sum is computed into dst, the slice of acc, so no buffer is allocated for it.
    (summed,) = b.generic([src], [dst], [identity, identity], [PARALLEL] * 2, lambda sc, v, total: [sc.add(total, v)])
    return tensor.insert_slice(summed, acc, [s], [], [], [dynamic, 0], shape, unit)
