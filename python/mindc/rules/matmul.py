"""Rules for mind.matmul (MindSpore MatMul)."""
from __future__ import annotations

import numpy as np
from mlir import ir
from mlir.dialects import linalg

from mindc.rules.base import Kind, Rule, RuleError, Sig, register

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
        # One named linalg.matmul whose indexing maps absorb the transposes, so no transpose is
        # materialized and later schedules still see a matmul.
        m, n, k = (ir.AffineDimExpr.get(i) for i in range(3))
        maps = [[k, m] if a["transpose_a"] else [m, k], [n, k] if a["transpose_b"] else [k, n], [m, n]]
        attrs = [ir.AffineMap.get(3, 0, exprs) for exprs in maps]
        return [linalg.matmul(*ins, outs=[b.full(outs[0], 0)], indexing_maps=attrs)]

    def fold(self, a, x, y):
        return [np.matmul(x.T if a["transpose_a"] else x, y.T if a["transpose_b"] else y)]
