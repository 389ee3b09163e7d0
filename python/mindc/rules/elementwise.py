"""Rules for elementwise ops: unary math, binary arithmetic with broadcasting, comparisons,
logical ops, select and cast. Each op is one line in a family table; the family holds the logic."""
from __future__ import annotations

import math as pymath
from typing import Callable

import numpy as np
from mlir import ir

from mindc.rules.base import FLOAT_DTYPES, Kind, Rule, RuleError, Sig, broadcast_shapes, numpy_dtype, register


def _require(sig: Sig, allowed: tuple[str, ...], what: str) -> None:
    if sig.dtype not in allowed:
        raise RuleError(f"{what} must have element type {' or '.join(allowed)}, found {sig}")


def _same_dtype(*sigs: Sig) -> None:
    if len({s.dtype for s in sigs}) > 1:
        raise RuleError(f"operands must have one element type, found {', '.join(map(str, sigs))}")


NUMERIC = ("f16", "bf16", "f32", "f64", "i8", "i32", "i64")
ScalarFn = Callable[..., ir.Value]


class Unary(Rule):
    """out = fn(x) elementwise; `dtypes` are the operand types the op accepts."""

    def __init__(self, scalar: ScalarFn, fold: Callable | None = None, dtypes: tuple[str, ...] = FLOAT_DTYPES):
        self.scalar, self.folder, self.dtypes = scalar, fold, dtypes

    def infer(self, a, x):
        _require(x, self.dtypes, "x")
        return [x]

    def lower(self, b, a, ins, outs):
        return [b.map(ins, outs[0], lambda s, x: self.scalar(s, x, a))]

    def fold(self, a, x):
        return None if self.folder is None else [np.asarray(self.folder(x, a)).astype(x.dtype)]


class Binary(Rule):
    """out = fn(x, y) elementwise with numpy broadcasting; one element type for both operands."""

    arity = 2

    def __init__(self, scalar: ScalarFn, fold: Callable | None = None, dtypes: tuple[str, ...] = NUMERIC,
                 result_dtype: str | None = None):
        self.scalar, self.folder, self.dtypes, self.result_dtype = scalar, fold, dtypes, result_dtype

    def infer(self, a, x, y):
        _same_dtype(x, y)
        _require(x, self.dtypes, "operands")
        return [Sig(broadcast_shapes(x.shape, y.shape), self.result_dtype or x.dtype)]

    def lower(self, b, a, ins, outs):
        return [b.map(ins, outs[0], self.scalar)]

    def fold(self, a, x, y):
        if self.folder is None:
            return None
        out = np.asarray(self.folder(x, y))
        return [out if self.result_dtype else out.astype(x.dtype)]


class Select(Rule):
    """Select(cond, x, y): x where cond, else y; the three broadcast together."""

    arity = 3

    def infer(self, a, cond, x, y):
        _require(cond, ("i1",), "cond")
        _same_dtype(x, y)
        return [Sig(broadcast_shapes(cond.shape, x.shape, y.shape), x.dtype)]

    def lower(self, b, a, ins, outs):
        return [b.map(ins, outs[0], lambda s, c, x, y: s.select(c, x, y))]

    def fold(self, a, cond, x, y):
        return [np.where(cond, x, y)]


class Cast(Rule):
    """Cast(x, dtype): numpy astype semantics (floats truncate toward zero, nonzero is true)."""

    attrs = {"dtype": Kind.TYPE}

    def infer(self, a, x):
        return [x.with_dtype(a["dtype"])]

    def lower(self, b, a, ins, outs):
        t = outs[0].to_type().element_type
        return [b.map(ins, outs[0], lambda s, x: s.cast(x, t))]

    def fold(self, a, x):
        return [x.astype(numpy_dtype(a["dtype"]))]


class Gelu(Unary):
    """GeLU: x * Phi(x) with the erf form ("none"), or the tanh approximation ("tanh")."""

    attrs = {"approximate": Kind.STR}

    def __init__(self):
        super().__init__(_gelu)

    def infer(self, a, x):
        if a["approximate"] not in ("none", "tanh"):
            raise RuleError(f"approximate must be \"none\" or \"tanh\", found \"{a['approximate']}\"")
        return super().infer(a, x)


def _gelu(s, x, a):
    half = s.like(0.5, x)
    if a["approximate"] == "tanh":
        # 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
        inner = s.mul(s.like(pymath.sqrt(2 / pymath.pi), x), s.add(x, s.mul(s.like(0.044715, x), s.mul(x, s.mul(x, x)))))
        return s.mul(s.mul(half, x), s.add(s.like(1.0, x), s.tanh(inner)))
    return s.mul(s.mul(half, x), s.add(s.like(1.0, x), s.erf(s.mul(x, s.like(1 / pymath.sqrt(2), x)))))


def _sigmoid(s, x, a):
    one = s.like(1.0, x)
    return s.div(one, s.add(one, s.exp(s.neg(x))))


register("mind.neg", Unary(lambda s, x, a: s.neg(x), lambda x, a: -x, dtypes=NUMERIC))
register("mind.abs", Unary(lambda s, x, a: s.abs(x), lambda x, a: np.abs(x), dtypes=NUMERIC))
register("mind.exp", Unary(lambda s, x, a: s.exp(x), lambda x, a: np.exp(x)))
register("mind.log", Unary(lambda s, x, a: s.log(x), lambda x, a: np.log(x)))
register("mind.sqrt", Unary(lambda s, x, a: s.sqrt(x), lambda x, a: np.sqrt(x)))
register("mind.rsqrt", Unary(lambda s, x, a: s.rsqrt(x), lambda x, a: 1 / np.sqrt(x)))
register("mind.tanh", Unary(lambda s, x, a: s.tanh(x), lambda x, a: np.tanh(x)))
register("mind.sigmoid", Unary(_sigmoid, lambda x, a: 1 / (1 + np.exp(-x))))
register("mind.relu", Unary(lambda s, x, a: s.max(x, s.like(0, x)), lambda x, a: np.maximum(x, 0), dtypes=NUMERIC))
register("mind.sin", Unary(lambda s, x, a: s.sin(x), lambda x, a: np.sin(x)))
register("mind.cos", Unary(lambda s, x, a: s.cos(x), lambda x, a: np.cos(x)))
register("mind.erf", Unary(lambda s, x, a: s.erf(x)))
register("mind.gelu", Gelu())
register("mind.logical_not", Unary(lambda s, x, a: s.cmp("eq", x, s.like(0, x)), lambda x, a: ~x, dtypes=("i1",)))

register("mind.add", Binary(lambda s, x, y: s.add(x, y), np.add))
register("mind.sub", Binary(lambda s, x, y: s.sub(x, y), np.subtract))
register("mind.mul", Binary(lambda s, x, y: s.mul(x, y), np.multiply))
# Div is true division for floats and truncating division for integers (C semantics, like MLIR).
register("mind.div", Binary(lambda s, x, y: s.div(x, y), None))
register("mind.pow", Binary(lambda s, x, y: s.powf(x, y), np.power, dtypes=FLOAT_DTYPES))
register("mind.maximum", Binary(lambda s, x, y: s.max(x, y), np.maximum))
register("mind.minimum", Binary(lambda s, x, y: s.min(x, y), np.minimum))
register("mind.logical_and", Binary(lambda s, x, y: s.andi(x, y), np.logical_and, dtypes=("i1",)))
register("mind.logical_or", Binary(lambda s, x, y: s.ori(x, y), np.logical_or, dtypes=("i1",)))

for _name, _pred, _np in [("equal", "eq", np.equal), ("not_equal", "ne", np.not_equal), ("less", "lt", np.less),
                          ("less_equal", "le", np.less_equal), ("greater", "gt", np.greater),
                          ("greater_equal", "ge", np.greater_equal)]:
    register(f"mind.{_name}", Binary(lambda s, x, y, p=_pred: s.cmp(p, x, y), _np, dtypes=(*NUMERIC, "i1"),
                                     result_dtype="i1"))

register("mind.select", Select())
register("mind.cast", Cast())
