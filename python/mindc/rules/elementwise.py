"""Rules for elementwise ops: unary math, binary arithmetic with broadcasting, comparisons,
logical ops, select and cast. Each op is one line in a family table; the family holds the logic."""
from __future__ import annotations

import math as pymath
from typing import Callable

import numpy as np
from mlir import ir

from mindc.rules.base import (FLOAT_DTYPES, Kind, NotDifferentiable, Rule, RuleError, Sig, broadcast_shapes,
                              numpy_dtype, register)
from mindc.rules.factors import elementwise_sharding


def _require(sig: Sig, allowed: tuple[str, ...], what: str) -> None:
    if sig.dtype not in allowed:
        raise RuleError(f"{what} must have element type {' or '.join(allowed)}, found {sig}")


def _same_dtype(*sigs: Sig) -> None:
    if len({s.dtype for s in sigs}) > 1:
        raise RuleError(f"operands must have one element type, found {', '.join(map(str, sigs))}")


NUMERIC = ("f16", "bf16", "f32", "f64", "i8", "i32", "i64")
ScalarFn = Callable[..., ir.Value]
BOOLEAN = NotDifferentiable("boolean result")


def _set_grad(rule: Rule, grad) -> None:
    """A family member's gradient: a function of the family's signature, or NotDifferentiable."""
    if isinstance(grad, NotDifferentiable):
        rule.vjp = grad
    else:
        rule.grad = grad


class Unary(Rule):
    """out = fn(x) elementwise; `dtypes` are the operand types the op accepts; grad(m, a, x, out, g)
    is dx."""

    sharding = elementwise_sharding

    def __init__(self, scalar: ScalarFn, fold: Callable | None = None, dtypes: tuple[str, ...] = FLOAT_DTYPES,
                 grad=None):
        self.scalar, self.folder, self.dtypes = scalar, fold, dtypes
        _set_grad(self, grad)

    def infer(self, a, x):
        _require(x, self.dtypes, "x")
        return [x]

    def lower(self, b, a, ins, outs):
        return [b.map(ins, outs[0], lambda s, x: self.scalar(s, x, a))]

    def fold(self, a, x):
        return None if self.folder is None else [np.asarray(self.folder(x, a)).astype(x.dtype)]

    def vjp(self, m, a, ins, outs, couts):
        return [self.grad(m, a, ins[0], outs[0], couts[0])]


class Binary(Rule):
    """out = fn(x, y) elementwise with numpy broadcasting; one element type for both operands.
    grad(m, x, y, out, g) is (dx, dy) at the broadcast shape; vjp sums them back to x and y."""

    arity = 2
    sharding = elementwise_sharding

    def __init__(self, scalar: ScalarFn, fold: Callable | None = None, dtypes: tuple[str, ...] = NUMERIC,
                 result_dtype: str | None = None, grad=None):
        self.scalar, self.folder, self.dtypes, self.result_dtype = scalar, fold, dtypes, result_dtype
        _set_grad(self, grad)

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

    def vjp(self, m, a, ins, outs, couts):
        (x, y), (out,), (g,) = ins, outs, couts
        return [m.sum_to(d, m.sig(v).shape) for d, v in zip(self.grad(m, x, y, out, g), (x, y))]


class Select(Rule):
    """Select(cond, x, y): x where cond, else y; the three broadcast together."""

    arity = 3
    sharding = elementwise_sharding

    def infer(self, a, cond, x, y):
        _require(cond, ("i1",), "cond")
        _same_dtype(x, y)
        return [Sig(broadcast_shapes(cond.shape, x.shape, y.shape), x.dtype)]

    def lower(self, b, a, ins, outs):
        return [b.map(ins, outs[0], lambda s, c, x, y: s.select(c, x, y))]

    def fold(self, a, cond, x, y):
        return [np.where(cond, x, y)]

    def vjp(self, m, a, ins, outs, couts):
        (cond, x, y), (g,) = ins, couts
        zero = m.scalar(0, g)
        return [None, m.sum_to(m.select(cond, g, zero), m.sig(x).shape),
                m.sum_to(m.select(cond, zero, g), m.sig(y).shape)]


class Cast(Rule):
    """Cast(x, dtype): numpy astype semantics (floats truncate toward zero, nonzero is true)."""

    attrs = {"dtype": Kind.TYPE}
    sharding = elementwise_sharding

    def infer(self, a, x):
        return [x.with_dtype(a["dtype"])]

    def lower(self, b, a, ins, outs):
        t = outs[0].to_type().element_type
        return [b.map(ins, outs[0], lambda s, x: s.cast(x, t))]

    def fold(self, a, x):
        return [x.astype(numpy_dtype(a["dtype"]))]

    def vjp(self, m, a, ins, outs, couts):
        # MindSpore's Cast bprop: the cotangent cast back to x's dtype, integers included
        # (autodiff differentiates integer tensors as MindSpore does); booleans have none.
        (x,), (g,) = ins, couts
        return [m.cast(g, dtype=m.sig(x).dtype) if m.sig(x).dtype != "i1" else None]


class Gelu(Unary):
    """GeLU: x * Phi(x) with the erf form ("none"), or the tanh approximation ("tanh")."""

    attrs = {"approximate": Kind.STR}

    def __init__(self):
        super().__init__(_gelu, grad=_gelu_grad)

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


def _gelu_grad(m, a, x, out, g):
    c = lambda v: m.scalar(v, x)  # noqa: E731
    if a["approximate"] == "tanh":
        # d/dx 0.5 x (1 + t), t = tanh(u), u = k (x + 0.044715 x^3)
        k = pymath.sqrt(2 / pymath.pi)
        x2 = m.mul(x, x)
        t = m.tanh(m.mul(c(k), m.add(x, m.mul(c(0.044715), m.mul(x, x2)))))
        du = m.mul(c(k), m.add(c(1.0), m.mul(c(3 * 0.044715), x2)))
        dt = m.mul(m.sub(c(1.0), m.mul(t, t)), du)
        return m.mul(g, m.add(m.mul(c(0.5), m.add(c(1.0), t)), m.mul(m.mul(c(0.5), x), dt)))
    # Phi(x) + x phi(x): Phi the normal CDF, phi its density.
    cdf = m.mul(c(0.5), m.add(c(1.0), m.erf(m.mul(x, c(1 / pymath.sqrt(2))))))
    pdf = m.mul(c(1 / pymath.sqrt(2 * pymath.pi)), m.exp(m.mul(c(-0.5), m.mul(x, x))))
    return m.mul(g, m.add(cdf, m.mul(x, pdf)))


def _sign(m, x):
    """-1, 0 or 1 in x's element type."""
    zero = m.scalar(0, x)
    return m.sub(m.cast_like(m.greater(x, zero), x), m.cast_like(m.less(x, zero), x))


def _sigmoid(s, x, a):
    one = s.like(1.0, x)
    return s.div(one, s.add(one, s.exp(s.neg(x))))


def _pow_grad(m, x, y, out, g):
    # d x^y = y x^(y-1) dx + x^y log(x) dy; log is taken of 1 where x is 0, where 0^y is flat in y.
    zero = m.scalar(0, x)
    safe = m.select(m.equal(x, zero), m.scalar(1, x), x)
    dx = m.mul(g, m.mul(y, m.pow(x, m.sub(y, m.scalar(1, y)))))
    return dx, m.mul(g, m.mul(out, m.log(safe)))


def _atan2_grad(m, x, y, out, g):
    # atan2(x, y) is the angle of (y, x): d = (y dx - x dy) / (x^2 + y^2).
    scale = m.div(g, m.add(m.mul(x, x), m.mul(y, y)))
    return m.mul(scale, y), m.neg(m.mul(scale, x))


def _route(m, to_x, g):
    """(g where to_x, g elsewhere): the gradient of a choice between x and y."""
    zero = m.scalar(0, g)
    return m.select(to_x, g, zero), m.select(to_x, zero, g)


register("mind.neg", Unary(lambda s, x, a: s.neg(x), lambda x, a: -x, dtypes=NUMERIC,
                          grad=lambda m, a, x, out, g: m.neg(g)))
register("mind.abs", Unary(lambda s, x, a: s.abs(x), lambda x, a: np.abs(x), dtypes=NUMERIC,
                          grad=lambda m, a, x, out, g: m.mul(g, _sign(m, x))))
register("mind.exp", Unary(lambda s, x, a: s.exp(x), lambda x, a: np.exp(x), grad=lambda m, a, x, out, g: m.mul(g, out)))
register("mind.log", Unary(lambda s, x, a: s.log(x), lambda x, a: np.log(x), grad=lambda m, a, x, out, g: m.div(g, x)))
register("mind.sqrt", Unary(lambda s, x, a: s.sqrt(x), lambda x, a: np.sqrt(x),
                           grad=lambda m, a, x, out, g: m.div(g, m.mul(m.scalar(2, out), out))))
# d x^(-1/2) = -1/2 x^(-3/2) = -1/2 out / x
register("mind.rsqrt", Unary(lambda s, x, a: s.rsqrt(x), lambda x, a: 1 / np.sqrt(x),
                            grad=lambda m, a, x, out, g: m.mul(g, m.mul(m.scalar(-0.5, x), m.div(out, x)))))
register("mind.tanh", Unary(lambda s, x, a: s.tanh(x), lambda x, a: np.tanh(x),
                           grad=lambda m, a, x, out, g: m.mul(g, m.sub(m.scalar(1, out), m.mul(out, out)))))
register("mind.sigmoid", Unary(_sigmoid, lambda x, a: 1 / (1 + np.exp(-x)),
                              grad=lambda m, a, x, out, g: m.mul(g, m.mul(out, m.sub(m.scalar(1, out), out)))))
# MindSpore's ReluGrad: the gradient flows where the output is positive.
register("mind.relu", Unary(lambda s, x, a: s.max(x, s.like(0, x)), lambda x, a: np.maximum(x, 0), dtypes=NUMERIC,
                           grad=lambda m, a, x, out, g: m.select(m.greater(out, m.scalar(0, out)), g, m.scalar(0, g))))
register("mind.sin", Unary(lambda s, x, a: s.sin(x), lambda x, a: np.sin(x), grad=lambda m, a, x, out, g: m.mul(g, m.cos(x))))
register("mind.cos", Unary(lambda s, x, a: s.cos(x), lambda x, a: np.cos(x),
                          grad=lambda m, a, x, out, g: m.neg(m.mul(g, m.sin(x)))))
# d erf(x) = 2/sqrt(pi) exp(-x^2)
register("mind.erf", Unary(lambda s, x, a: s.erf(x), grad=lambda m, a, x, out, g: m.mul(
    g, m.mul(m.scalar(2 / pymath.sqrt(pymath.pi), x), m.exp(m.neg(m.mul(x, x)))))))
# Floor and Ceil are flat between integers: no gradient flows (MindSpore's bprops return zeros).
STEP = NotDifferentiable("piecewise constant: the gradient is zero almost everywhere")
register("mind.floor", Unary(lambda s, x, a: s.floor(x), lambda x, a: np.floor(x), grad=STEP))
register("mind.ceil", Unary(lambda s, x, a: s.ceil(x), lambda x, a: np.ceil(x), grad=STEP))
register("mind.log1p", Unary(lambda s, x, a: s.log1p(x), lambda x, a: np.log1p(x),
                            grad=lambda m, a, x, out, g: m.div(g, m.add(x, m.scalar(1, x)))))
register("mind.expm1", Unary(lambda s, x, a: s.expm1(x), lambda x, a: np.expm1(x),
                            grad=lambda m, a, x, out, g: m.mul(g, m.add(out, m.scalar(1, out)))))
register("mind.gelu", Gelu())
register("mind.logical_not", Unary(lambda s, x, a: s.cmp("eq", x, s.like(0, x)), lambda x, a: ~x, dtypes=("i1",),
                                  grad=BOOLEAN))

register("mind.add", Binary(lambda s, x, y: s.add(x, y), np.add, grad=lambda m, x, y, out, g: (g, g)))
register("mind.sub", Binary(lambda s, x, y: s.sub(x, y), np.subtract, grad=lambda m, x, y, out, g: (g, m.neg(g))))
register("mind.mul", Binary(lambda s, x, y: s.mul(x, y), np.multiply,
                            grad=lambda m, x, y, out, g: (m.mul(g, y), m.mul(g, x))))
# Div is true division for floats and truncating division for integers (C semantics, like MLIR).
register("mind.div", Binary(lambda s, x, y: s.div(x, y), None,
                            grad=lambda m, x, y, out, g: (m.div(g, y), m.neg(m.div(m.mul(g, out), y)))))
register("mind.pow", Binary(lambda s, x, y: s.powf(x, y), np.power, dtypes=FLOAT_DTYPES, grad=_pow_grad))
# Ties send the whole gradient to x, as MindSpore's MaximumGrad and MinimumGrad do.
register("mind.maximum", Binary(lambda s, x, y: s.max(x, y), np.maximum, grad=lambda m, x, y, out, g: _route(
    m, m.greater_equal(x, y), g)))
register("mind.minimum", Binary(lambda s, x, y: s.min(x, y), np.minimum, grad=lambda m, x, y, out, g: _route(
    m, m.less_equal(x, y), g)))
register("mind.atan2", Binary(lambda s, x, y: s.atan2(x, y), np.arctan2, dtypes=FLOAT_DTYPES, grad=_atan2_grad))
register("mind.logical_and", Binary(lambda s, x, y: s.andi(x, y), np.logical_and, dtypes=("i1",), grad=BOOLEAN))
register("mind.logical_or", Binary(lambda s, x, y: s.ori(x, y), np.logical_or, dtypes=("i1",), grad=BOOLEAN))
# Bitwise ops of integers and booleans (two's complement, as numpy); they have no gradient.
BITWISE = ("i8", "i32", "i64", "i1")
BITS = NotDifferentiable("bitwise op of integers")
register("mind.bitwise_and", Binary(lambda s, x, y: s.andi(x, y), np.bitwise_and, dtypes=BITWISE, grad=BITS))
register("mind.bitwise_or", Binary(lambda s, x, y: s.ori(x, y), np.bitwise_or, dtypes=BITWISE, grad=BITS))
register("mind.bitwise_xor", Binary(lambda s, x, y: s.xori(x, y), np.bitwise_xor, dtypes=BITWISE, grad=BITS))
register("mind.invert", Unary(lambda s, x, a: s.xori(x, s.like(-1, x)), lambda x, a: np.invert(x), dtypes=BITWISE,
                              grad=BITS))

for _name, _pred, _np in [("equal", "eq", np.equal), ("not_equal", "ne", np.not_equal), ("less", "lt", np.less),
                          ("less_equal", "le", np.less_equal), ("greater", "gt", np.greater),
                          ("greater_equal", "ge", np.greater_equal)]:
    register(f"mind.{_name}", Binary(lambda s, x, y, p=_pred: s.cmp(p, x, y), _np, dtypes=(*NUMERIC, "i1"),
                                     result_dtype="i1", grad=BOOLEAN))

register("mind.select", Select())
register("mind.cast", Cast())
