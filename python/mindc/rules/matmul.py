"""Rules for mind.matmul (MindSpore MatMul)."""
from __future__ import annotations

import numpy as np
from mlir import ir
from mlir.dialects import linalg

from mindc.lowering.builder import PARALLEL, REDUCTION, broadcast_map
from mindc.rules.base import Kind, Rule, RuleError, Sig, broadcast_shapes, register
from mindc.rules.factors import broadcast_notation, factor_names
from mindc.sharding.spec import einsum

NUMERIC = ("f16", "bf16", "f32", "f64", "i32", "i64")


def _dims(sig: Sig, transposed: bool, name: str) -> tuple[int, int]:
    if sig.rank != 2:
        raise RuleError(f"{name} must be 2-d, found {sig}")
    return sig.shape[::-1] if transposed else sig.shape


@register("mind.matmul")
class MatMul(Rule):
    attrs = {"transpose_a": Kind.BOOL, "transpose_b": Kind.BOOL}
    arity = 2

    def infer(self, a, x, y):
        (m, k), (k2, n) = _dims(x, a["transpose_a"], "x"), _dims(y, a["transpose_b"], "y")
        if x.dtype != y.dtype or x.dtype not in NUMERIC:
            raise RuleError(f"operands must have one numeric element type, found {x} and {y}")
        if k != k2:
            raise RuleError(f"contracting dimensions differ: x is {x} (k={k}), y is {y} (k={k2})")
        return [Sig((m, n), x.dtype)]

    def lower(self, b, a, ins, outs):
        # One named linalg.matmul whose indexing maps absorb transpose_a, so later schedules still
        # see a matmul. A transposed y is materialized (see _rows_of_y).
        x, y = ins
        m, n, k = (ir.AffineDimExpr.get(i) for i in range(3))
        rows = _rows_kernel_y(a, y, outs[0].shape[0])
        maps = [[k, m] if a["transpose_a"] else [m, k], [k, n] if rows is None else [n, k], [m, n]]
        attrs = [ir.AffineMap.get(3, 0, exprs) for exprs in maps]
        if rows is not None:
            op = linalg.matmul(x, rows, outs=[b.full(outs[0], 0)], indexing_maps=attrs)
            op.owner.attributes["mindc.kernel"] = ir.StringAttr.get("rows")
            return [op]
        return [linalg.matmul(x, _rows_of_y(b, a, y), outs=[b.full(outs[0], 0)], indexing_maps=attrs)]

    def fold(self, a, x, y):
        return [np.matmul(x.T if a["transpose_a"] else x, y.T if a["transpose_b"] else y)]

    def vjp(self, m, a, ins, outs, couts):
        return _product_vjp(m.matmul, a, *ins, couts[0])

    def sharding(self, a, ins, outs):
        # k is contracted: splitting it leaves partial sums, combined by an all-reduce.
        return einsum(f"{_matrix(a, 'transpose_a', 'mk')},{_matrix(a, 'transpose_b', 'kn')}->mn", ins, outs)

    def flops(self, a, ins, outs):
        return 2 * outs[0].size * _dims(ins[0], a["transpose_a"], "x")[1]


@register("mind.batch_matmul")
class BatchMatMul(Rule):
    """[..., m, k] x [..., k, n] -> [..., m, n]; transposes swap an operand's last two dims, and
    the batch dims broadcast numpy-style (a 2-d operand is one matrix for every batch)."""

    attrs = {"transpose_a": Kind.BOOL, "transpose_b": Kind.BOOL}
    arity = 2

    def infer(self, a, x, y):
        for sig, name in ((x, "x"), (y, "y")):
            if sig.rank < 2:
                raise RuleError(f"{name} must be at least 2-d, found {sig}")
        if x.dtype != y.dtype or x.dtype not in NUMERIC:
            raise RuleError(f"operands must have one numeric element type, found {x} and {y}")
        (m, k), (k2, n) = _last_two(x, a["transpose_a"]), _last_two(y, a["transpose_b"])
        if k != k2:
            raise RuleError(f"contracting dimensions differ: x is {x} (k={k}), y is {y} (k={k2})")
        try:
            batch = broadcast_shapes(x.shape[:-2], y.shape[:-2])
        except RuleError:
            raise RuleError(f"batch dimensions do not broadcast: x is {x}, y is {y}") from None
        return [Sig((*batch, m, n), x.dtype)]

    def lower(self, b, a, ins, outs):
        (x, y), (out,) = ins, outs
        xs, ys = Sig.of(x).shape, Sig.of(y).shape
        batch = out.rank - 2
        # Iteration space: the batch dims, then m, n, k.
        m, n, k = (ir.AffineDimExpr.get(batch + i) for i in range(3))
        rows = [[k, m] if a["transpose_a"] else [m, k], [n, k] if a["transpose_b"] else [k, n], [m, n]]
        if len(xs) == len(ys) == 3 and xs[0] == ys[0]:
            # One batch dim, no broadcast: the named op, whose maps absorb transpose_a; a
            # transposed y is materialized (see _rows_of_y).
            rows[1] = [k, n]
            maps = [ir.AffineMap.get(4, 0, [ir.AffineDimExpr.get(0), *r]) for r in rows]
            return [linalg.batch_matmul(x, _rows_of_y(b, a, y), outs=[b.full(out, 0)], indexing_maps=maps)]
        # The batch dims broadcast as elementwise operands do; the map's dims d0.. are the same here.
        leads = [list(broadcast_map(s[:-2], out.shape[:batch]).results) for s in (xs, ys, out.shape)]
        maps = [ir.AffineMap.get(batch + 3, 0, lead + r) for lead, r in zip(leads, rows)]
        iterators = [PARALLEL] * (batch + 2) + [REDUCTION]
        return b.generic([x, y], [b.full(out, 0)], maps, iterators, lambda s, u, v, acc: [s.add(acc, s.mul(u, v))])

    def fold(self, a, x, y):
        return [np.matmul(np.swapaxes(x, -1, -2) if a["transpose_a"] else x,
                          np.swapaxes(y, -1, -2) if a["transpose_b"] else y)]

    def vjp(self, m, a, ins, outs, couts):
        (x, y) = ins
        dx, dy = _product_vjp(m.batch_matmul, a, x, y, couts[0])
        # Broadcast batch dims (a 2-d operand is one matrix for every batch) sum back.
        return [m.sum_to(dx, m.sig(x).shape), m.sum_to(dy, m.sig(y).shape)]

    def sharding(self, a, ins, outs):
        # The batch dims are parallel, and broadcast as elementwise operands do; k is a sum.
        (x, y), (out,) = ins, outs
        batch = factor_names(out.rank - 2, skip="mnk")
        x_dims = broadcast_notation(x.shape[:-2], out.shape[:-2], batch) + _matrix(a, "transpose_a", "mk")
        y_dims = broadcast_notation(y.shape[:-2], out.shape[:-2], batch) + _matrix(a, "transpose_b", "kn")
        return einsum(f"{x_dims},{y_dims}->{''.join(batch)}mn", ins, outs)

    def flops(self, a, ins, outs):
        return 2 * outs[0].size * _last_two(ins[0], a["transpose_a"])[1]


def _matrix(a, flag: str, dims: str) -> str:
    """The notation of an operand's two matrix dims: `dims` reversed when `flag` transposes it."""
    return dims[::-1] if a[flag] else dims


# Products with at most this many rows and a transposed y (nn.Dense at small batch) read y's rows in
# place as dot products (the "rows" kernel of lowering/matmul-cpu.mlir) instead of materializing
# y's transpose, which at so few rows costs as much as the product itself.
ROWS_KERNEL_MAX_M = 8


def _rows_kernel_y(a, y, m: int):
    """y as [n, k] for the rows kernel, or None where the product does not use it (more rows,
    or a transposed x, whose rows would be strided). With transpose_b that is y itself; where y
    is a materialized 2-d transpose (nn.Dense's weight: mind.transpose lowered before this op),
    it is the transpose's source, and canonicalization drops the then unused transpose."""
    if m > ROWS_KERNEL_MAX_M or a["transpose_a"]:
        return None
    if a["transpose_b"]:
        return y
    owner = y.owner if isinstance(y, ir.OpResult) else None
    if owner is not None and owner.name == "linalg.transpose":
        perm = list(ir.DenseI64ArrayAttr(owner.attributes["permutation"]))
        if perm == [1, 0]:
            return owner.operands[0]
    return None


def _rows_of_y(b, a, y):
    """y as [..., k, n]: with transpose_b, y's transpose is materialized, an O(nk) copy against
    the O(mnk) product, because the CPU kernel (lowering/matmul-cpu.mlir) vectorizes along n and
    needs rows of y contiguous; a transposed y read in place costs a strided gather per vector.
    Canonicalization folds the copy away where y is itself a transpose (nn.Dense's weight)."""
    return b.transpose_last_two(y) if a["transpose_b"] else y


def _product_vjp(product, a, x, y, g):
    """The cotangents of C = op(x) @ op(y), op transposing where the flags say: d op(x) = g op(y)^T
    and d op(y) = op(x)^T g, written by flipping flags so no transpose is materialized."""
    ta, tb = a["transpose_a"], a["transpose_b"]
    dx = product(y, g, transpose_a=tb, transpose_b=True) if ta else product(g, y, transpose_a=False, transpose_b=not tb)
    dy = product(g, x, transpose_a=True, transpose_b=ta) if tb else product(x, g, transpose_a=not ta, transpose_b=False)
    return [dx, dy]


def _last_two(sig: Sig, transposed: bool) -> tuple[int, int]:
    rows, cols = sig.shape[-2:]
    return (cols, rows) if transposed else (rows, cols)

