"""Rules for the ops Tensor.__setitem__ builds: strided_slice_update (x[slices] = value) and
scatter_update (x[indices] = updates along axis 0). Both are functional: the result is a new
tensor, which bufferization turns into an in-place write when x is not used again.
"""
from __future__ import annotations

import numpy as np
from mlir import ir
from mlir.dialects import arith, scf, tensor

from mindc.lowering.builder import PARALLEL
from mindc.rules.base import Kind, Rule, RuleError, Sig, numpy_dtype, register
from mindc.rules.factors import factor_names, local_slice, slice_notation
from mindc.rules.shape import affine_dim, as_index, require_indices, reshaped, shape_str, slice_dims
from mindc.sharding.spec import einsum


def insert_strided(b, value: ir.Value, dest: ir.Value, dims: list[tuple[int, int, int]]) -> ir.Value:
    """dest with value written where a strided slice with dims (start, step, length) reads.

    insert_slice takes no negative strides: a dim read backwards from `start` is value reversed,
    written forwards from the last position read.
    """
    sig = Sig.of(value)
    if any(step < 0 for _, step, _ in dims):
        read = ir.AffineMap.get(sig.rank, 0, [affine_dim(i) * -1 + (n - 1) if step < 0 else affine_dim(i)
                                              for i, (_, step, n) in enumerate(dims)])
        identity = ir.AffineMap.get_identity(sig.rank)
        (value,) = b.generic([value], [b.empty(sig)], [read, identity], [PARALLEL] * sig.rank, lambda s, v, _: [v])
    starts = [start + step * (n - 1) if step < 0 else start for start, step, n in dims]
    sizes = [n for _, _, n in dims]
    steps = [abs(step) for _, step, _ in dims]
    return tensor.insert_slice(value, dest, [], [], [], starts, sizes, steps)


def _slices(a) -> tuple[slice, ...]:
    return tuple(slice(*t) for t in zip(a["begin"], a["end"], a["strides"]))


@register("mind.strided_slice_update")
class StridedSliceUpdate(Rule):
    """StridedSliceUpdate(x, value, begin, end, strides): x with x[b0:e0:s0, ...] = value, where
    value has exactly the shape strided_slice(x, begin, end, strides) reads and x's dtype."""

    attrs = {"begin": Kind.INTS, "end": Kind.INTS, "strides": Kind.INTS}
    arity = 2

    def infer(self, a, x, value):
        sliced = tuple(n for _, _, n in slice_dims(a, x))
        if value.shape != sliced or value.dtype != x.dtype:
            raise RuleError(f"value is {value}, expected {x.with_shape(sliced)}, what the slice of x {x} holds")
        return [x]

    def lower(self, b, a, ins, outs):
        (x, value), out = ins, outs[0]
        if Sig.of(value).size == 0:
            return [x]
        return [insert_strided(b, value, x, slice_dims(a, out))]

    def fold(self, a, x, value):
        out = x.copy()
        out[_slices(a)] = value
        return [out]

    def vjp(self, m, a, ins, outs, couts):
        (_, value), (g,) = ins, couts
        slices = dict(begin=a["begin"], end=a["end"], strides=a["strides"])
        # The slice of x was overwritten: its gradient goes to value, the rest to x.
        return [m.strided_slice_update(g, m.zeros(value), **slices), m.strided_slice(g, **slices)]

    def sharding(self, a, ins, outs):
        # x and the result are one tensor: a dim the slice covers whole and in order is parallel
        # (each device updates its piece), any other is whole in x, value and result.
        x_dims, value_dims = slice_notation(slice_dims(a, ins[0]), ins[0].shape)
        return einsum(f"{x_dims},{value_dims}->{x_dims}", ins, outs)

    def local_attrs(self, a, spec, splits):
        return local_slice(a, spec.operands[0], spec, splits)


@register("mind.scatter_update")
class ScatterUpdate(Rule):
    """ScatterUpdate(x, indices, updates): x with row indices[j..] (along axis 0) replaced by
    updates[j..], for every position j.. of indices in order, so a repeated index keeps the last
    write (as numpy's x[idx] = v). Negative indices count from the end; indices still outside
    [0, x.shape[0]) write nothing. updates has shape indices.shape + x.shape[1:] and x's dtype."""

    arity = 3

    def infer(self, a, x, indices, updates):
        require_indices(indices, "indices")
        if x.rank == 0:
            raise RuleError(f"x must have rank >= 1, found {x}")
        want = x.with_shape(indices.shape + x.shape[1:])
        if updates != want:
            raise RuleError(f"updates is {updates}, expected {want} (indices shape {shape_str(indices.shape)} "
                            f"+ the rows of x {x})")
        return [x]

    def lower(self, b, a, ins, outs):
        (x, indices, updates), out = ins, outs[0]
        rows, count = out.shape[0], Sig.of(indices).size
        width = out.size // rows if rows else 0
        if count == 0 or width == 0:
            return [x]
        # As rows: x is rows x width, updates count x width; one loop writes each row in turn.
        table, row = out.with_shape((rows, width)), out.with_shape((1, width))
        updates = reshaped(b, updates, out.with_shape((count, width)))
        indices = reshaped(b, indices, Sig.of(indices).with_shape((count,)))
        index = ir.IndexType.get()
        zero, size = arith.constant(index, 0), arith.constant(index, rows)
        loop = scf.ForOp(zero, arith.constant(index, count), arith.constant(index, 1), [reshaped(b, x, table)])
        with ir.InsertionPoint(loop.body):
            j, acc = loop.body.arguments
            raw = as_index(tensor.extract(indices, [j]))
            negative = arith.cmpi(arith.CmpIPredicate.slt, raw, zero)
            r = arith.select(negative, arith.addi(raw, size), raw)
            in_range = arith.andi(arith.cmpi(arith.CmpIPredicate.sge, r, zero),
                                  arith.cmpi(arith.CmpIPredicate.slt, r, size))
            branch = scf.IfOp(in_range, [acc.type], has_else=True)
            with ir.InsertionPoint(branch.then_block):
                dynamic = ir.ShapedType.get_dynamic_stride_or_offset()
                src = tensor.extract_slice(row.to_type(), updates, [j], [], [], [dynamic, 0], [1, width], [1, 1])
                scf.YieldOp([tensor.insert_slice(src, acc, [r], [], [], [dynamic, 0], [1, width], [1, 1])])
            with ir.InsertionPoint(branch.else_block):
                scf.YieldOp([acc])
            scf.YieldOp(branch.results)
        return [reshaped(b, loop.results[0], out)]

    def fold(self, a, x, indices, updates):
        out, rows = x.copy(), x.shape[0]
        for j in np.ndindex(indices.shape):
            r = int(indices[j])
            if -rows <= r < rows:
                out[r] = updates[j]
        return [out]

    def vjp(self, m, a, ins, outs, couts):
        (x, indices, updates), (g,) = ins, couts
        dx = m.scatter_update(g, indices, m.zeros(updates))
        rows, ids = m.sig(x).shape[0], m.sig(indices)
        if rows == 0 or ids.size == 0:
            return [dx, None, m.zeros(updates)]
        # Only the last write to a row reaches the result: scatter each position j into the row it
        # writes, then update j gets the row's gradient iff the row still holds j.
        flat = m.reshape(indices, shape=(ids.size,))
        row = m.select(m.less(flat, m.scalar(0, flat)), m.add(flat, m.scalar(rows, flat)), flat)
        positions = m.constant(value=np.arange(ids.size, dtype=numpy_dtype(ids.dtype)))
        writer = m.scatter_update(m.fill(Sig((rows,), ids.dtype), -1), flat, positions)
        won = m.logical_and(m.equal(m.gather(writer, row, axis=0), positions),
                            m.logical_and(m.greater_equal(row, m.scalar(0, row)), m.less(row, m.scalar(rows, row))))
        won = m.reshape(won, shape=ids.shape + (1,) * (m.sig(x).rank - 1))
        row = m.reshape(row, shape=ids.shape)
        return [dx, None, m.select(won, m.gather(g, row, axis=0), m.scalar(0, g))]

    def sharding(self, a, ins, outs):
        # Any index may name any row, and of repeated ones the last wins: rows and index dims are
        # whole; the dims of a row are parallel.
        x, indices, _ = ins
        row = "".join(factor_names(x.rank - 1))
        index = "".join(factor_names(indices.rank, whole=True, skip="R"))
        return einsum(f"R{row},{index},{index}{row}->R{row}", ins, outs)
