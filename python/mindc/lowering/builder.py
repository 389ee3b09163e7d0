"""Builders used by rules' `lower`: tensors and linalg ops (Builder) and scalar code (Scalars).

Both build at the current insertion point and location, which the mind-to-linalg driver sets
to the op being replaced. Scalar methods pick the float or integer arith op from the type, so
one rule serves every dtype.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
from mlir import ir
from mlir.dialects import arith, linalg, math, tensor

from mindc.rules.base import Sig, numpy_to_dense

PARALLEL = "parallel"
REDUCTION = "reduction"


def is_float(t: ir.Type) -> bool:
    return isinstance(t, ir.FloatType)


class Scalars:
    """Scalar arithmetic inside a linalg region, dispatching on float or integer types."""

    def const(self, value: float | int | bool, t: ir.Type) -> ir.Value:
        if is_float(t):
            return arith.constant(t, ir.FloatAttr.get(t, float(value)))
        if ir.IntegerType(t).width == 1:
            return arith.constant(t, ir.BoolAttr.get(bool(value)))
        return arith.constant(t, ir.IntegerAttr.get(t, int(value)))

    def like(self, value: float | int, x: ir.Value) -> ir.Value:
        return self.const(value, x.type)

    def add(self, x, y):
        return arith.addf(x, y) if is_float(x.type) else arith.addi(x, y)

    def sub(self, x, y):
        return arith.subf(x, y) if is_float(x.type) else arith.subi(x, y)

    def mul(self, x, y):
        return arith.mulf(x, y) if is_float(x.type) else arith.muli(x, y)

    def div(self, x, y):
        return arith.divf(x, y) if is_float(x.type) else arith.divsi(x, y)

    def neg(self, x):
        return arith.negf(x) if is_float(x.type) else arith.subi(self.like(0, x), x)

    def max(self, x, y):
        # maximumf propagates NaN, as numpy.maximum and MindSpore's Maximum do.
        return arith.maximumf(x, y) if is_float(x.type) else arith.maxsi(x, y)

    def min(self, x, y):
        return arith.minimumf(x, y) if is_float(x.type) else arith.minsi(x, y)

    def abs(self, x):
        # math.absi has no lowering to LLVM here ("failed to legalize operation 'math.absi'"):
        # max(x, -x) wraps at the minimum integer exactly as numpy.abs does.
        return math.absf(x) if is_float(x.type) else self.max(x, self.neg(x))

    def rsqrt(self, x):
        # convert-math-to-libm turns math.rsqrt into a call of `rsqrtf`, which libm lacks.
        return self.div(self.like(1.0, x), math.sqrt(x))

    def andi(self, x, y):
        return arith.andi(x, y)

    def ori(self, x, y):
        return arith.ori(x, y)

    def xori(self, x, y):
        return arith.xori(x, y)

    def select(self, cond, x, y):
        return arith.select(cond, x, y)

    def cmp(self, predicate: str, x, y):
        """predicate in eq, ne, lt, le, gt, ge; ordered for floats (NaN compares false, except ne)."""
        if is_float(x.type):
            p = {"eq": "oeq", "ne": "une", "lt": "olt", "le": "ole", "gt": "ogt", "ge": "oge"}[predicate]
            return arith.cmpf(getattr(arith.CmpFPredicate, p.upper()), x, y)
        # Booleans order unsigned (numpy's False < True); as signed i1, true would be -1.
        sign = "u" if ir.IntegerType(x.type).width == 1 else "s"
        p = {"eq": "eq", "ne": "ne", "lt": sign + "lt", "le": sign + "le", "gt": sign + "gt", "ge": sign + "ge"}[predicate]
        return arith.cmpi(getattr(arith.CmpIPredicate, p), x, y)

    def cast(self, x: ir.Value, t: ir.Type) -> ir.Value:
        """numpy-style astype: floats truncate toward zero into integers; nonzero is true."""
        src = x.type
        if src == t:
            return x
        if is_float(src) and is_float(t):
            wider = ir.FloatType(t).width > ir.FloatType(src).width
            return arith.extf(t, x) if wider else arith.truncf(t, x)
        if is_float(src):
            if ir.IntegerType(t).width == 1:
                return arith.cmpf(arith.CmpFPredicate.UNE, x, self.const(0.0, src))
            return arith.fptosi(t, x)
        src_width = ir.IntegerType(src).width
        if is_float(t):
            return arith.uitofp(t, x) if src_width == 1 else arith.sitofp(t, x)
        dst_width = ir.IntegerType(t).width
        if dst_width == 1:
            return arith.cmpi(arith.CmpIPredicate.ne, x, self.const(0, src))
        if dst_width > src_width:
            return arith.extui(t, x) if src_width == 1 else arith.extsi(t, x)
        return arith.trunci(t, x)

    def __getattr__(self, name: str) -> Callable:
        # Everything else is a `math` dialect op of the same name (exp, log, tanh, erf, ...).
        return getattr(math, name)


class Builder:
    """Tensor-level building blocks for lowering rules."""

    def __init__(self):
        self.s = Scalars()

    # -- tensors ---------------------------------------------------------------------------

    def empty(self, sig: Sig) -> ir.Value:
        return tensor.empty(sig.shape, sig.to_type().element_type)

    def full(self, sig: Sig, value: float | int | bool) -> ir.Value:
        """A tensor of sig filled with value (linalg.fill on tensor.empty)."""
        scalar = self.s.const(value, sig.to_type().element_type)
        return linalg.fill(scalar, outs=[self.empty(sig)])

    def constant(self, array: np.ndarray) -> ir.Value:
        return arith.constant(numpy_to_dense(array).type, numpy_to_dense(array))

    def transpose_last_two(self, x: ir.Value) -> ir.Value:
        """x with its last two dimensions swapped, materialized (linalg.transpose)."""
        sig = Sig.of(x)
        perm = [*range(sig.rank - 2), sig.rank - 1, sig.rank - 2]
        out = self.empty(sig.with_shape([sig.shape[p] for p in perm]))
        return linalg.transpose(x, outs=[out], permutation=perm).results[0]

    # -- linalg.generic ----------------------------------------------------------------------

    def generic(self, ins: Sequence[ir.Value], inits: Sequence[ir.Value], maps: Sequence[ir.AffineMap],
                iterators: Sequence[str], body: Callable[..., Sequence[ir.Value]]) -> list[ir.Value]:
        """A linalg.generic over ins and inits; body(s, *in_scalars, *init_scalars) returns the yields."""
        op = linalg.GenericOp(
            [v.type for v in inits], list(ins), list(inits),
            ir.ArrayAttr.get([ir.AffineMapAttr.get(m) for m in maps]),
            ir.ArrayAttr.get([ir.Attribute.parse(f"#linalg.iterator_type<{it}>") for it in iterators]))
        block = op.regions[0].blocks.append(*[ir.RankedTensorType(v.type).element_type for v in [*ins, *inits]])
        with ir.InsertionPoint(block):
            linalg.YieldOp(list(body(self.s, *block.arguments)))
        return list(op.results)

    def map(self, ins: Sequence[ir.Value], out: Sig, fn: Callable[..., ir.Value]) -> ir.Value:
        """Elementwise fn(s, *scalars) over ins broadcast (numpy rules) to out.shape."""
        maps = [broadcast_map(Sig.of(v).shape, out.shape) for v in ins]
        identity = ir.AffineMap.get_identity(out.rank)
        (result,) = self.generic(ins, [self.empty(out)], [*maps, identity], [PARALLEL] * out.rank,
                                 lambda s, *args: [fn(s, *args[: len(ins)])])
        return result


def broadcast_map(shape: Sequence[int], out_shape: Sequence[int]) -> ir.AffineMap:
    """The indexing map that reads an operand of `shape` broadcast to `out_shape` (numpy rules)."""
    rank, lead = len(out_shape), len(out_shape) - len(shape)
    exprs = [ir.AffineConstantExpr.get(0) if size == 1 and out_shape[lead + i] != 1 else ir.AffineDimExpr.get(lead + i)
             for i, size in enumerate(shape)]
    return ir.AffineMap.get(rank, 0, exprs)
