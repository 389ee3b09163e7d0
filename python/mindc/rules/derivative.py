"""Rules for the derivative requests mind.grad, mind.value_and_grad, mind.vjp and mind.jvp, and
for mind.stop_gradient.

A derivative op maps a function value to the function computing a derivative of it. Its rule
infers that function's type (so the verifier checks calls against it) and, in `derive`, builds
its body from the adjoints the Differentiator (autodiff/derive.py) generates.
"""
from __future__ import annotations

from mlir import ir
from mlir.dialects import func

from mindc.rules.base import INT_DTYPES, FnSig, Kind, NotDifferentiable, Rule, RuleError, register
from mindc.rules.factors import elementwise_sharding
from mindc.sharding.spec import NotShardable

REPLACED = NotDifferentiable("mind-autodiff replaces derivative ops before it differentiates a function")


class Derivative(Rule):
    """What every derivative op shares: one function operand, one function result."""

    vjp = REPLACED
    sharding = NotShardable("derivative ops take and give functions, not tensors; run mind-autodiff first")

    def lower(self, b, a, ins, outs):
        raise RuleError("derivative ops are replaced by mind-autodiff; run it before lowering")

    def derive(self, d, f: func.FuncOp, a, fn: FnSig, body: ir.Block) -> list[ir.Value]:
        """Build the derived function's results in `body` (its arguments are body.arguments)."""
        raise NotImplementedError


def _differentiable_mask(sigs) -> tuple[bool, ...]:
    """Which of sigs carry derivatives: floats, and integers as in MindSpore (not booleans)."""
    return tuple(s.is_float or s.dtype in INT_DTYPES for s in sigs)


class Grad(Derivative):
    """grad: (args..., [sens...]) -> (grads..., [aux...]); value_and_grad: (args..., [sens...]) ->
    (results..., grads...). With has_aux only result 0 is differentiated; without sens_param each
    differentiated result must hold one element (its sensitivity is 1)."""

    attrs = {"grad_position": Kind.INTS, "has_aux": Kind.BOOL, "sens_param": Kind.BOOL}

    def __init__(self, with_values: bool):
        self.with_values = with_values

    def infer(self, a, fn):
        positions = self.positions(a, fn)
        diff = self.differentiated(a, fn)
        if not a["sens_param"]:
            for i in diff:
                if fn.results[i].size != 1:
                    raise RuleError(f"result {i} of the function is tensor<{fn.results[i]}>, not a scalar: "
                                    "its gradient needs a sensitivity (sens_param = true)")
        sens = [fn.results[i] for i in diff] if a["sens_param"] else []
        grads = [fn.inputs[p] for p in positions]
        outs = [*fn.results, *grads] if self.with_values else [*grads, *fn.results[len(diff):]]
        return [FnSig((*fn.inputs, *sens), outs)]

    @staticmethod
    def positions(a, fn: FnSig) -> tuple[int, ...]:
        for p in a["grad_position"]:
            if not 0 <= p < len(fn.inputs):
                raise RuleError(f"grad_position {p} is out of range for a function of {len(fn.inputs)} arguments")
        return tuple(a["grad_position"])

    @staticmethod
    def differentiated(a, fn: FnSig) -> range:
        if not fn.results:
            raise RuleError("the function has no result to differentiate")
        return range(1) if a["has_aux"] else range(len(fn.results))

    def derive(self, d, f, a, fn, body):
        positions, diff = self.positions(a, fn), self.differentiated(a, fn)
        args = list(body.arguments)[:len(fn.inputs)]
        sens = list(body.arguments)[len(fn.inputs):]
        seeds = sens or [d.m.ones(fn.results[i]) for i in diff]
        wrt = tuple(i in positions and on for i, on in enumerate(_differentiable_mask(fn.inputs)))
        cot = tuple(i in diff and on for i, on in enumerate(_differentiable_mask(fn.results)))
        primal = self.with_values or a["has_aux"]
        results, grads = d.call_vjp(f, wrt, cot, primal, args, [seeds[i] for i in diff if cot[i]])
        grads = [grads.get(p) or d.m.zeros(fn.inputs[p]) for p in positions]
        if self.with_values:
            return [*results, *grads]
        return [*grads, *results[len(diff):]]


@register("mind.vjp")
class Vjp(Derivative):
    """(args..., cotangents of the results...) -> (results..., one cotangent per argument); boolean
    arguments get zeros, boolean results' cotangents are ignored. Integer tensors are
    differentiated like floats, as in MindSpore."""

    def infer(self, a, fn):
        return [FnSig((*fn.inputs, *fn.results), (*fn.results, *fn.inputs))]

    def derive(self, d, f, a, fn, body):
        args = list(body.arguments)
        primals, cots = args[:len(fn.inputs)], args[len(fn.inputs):]
        cot = _differentiable_mask(fn.results)
        results, grads = d.call_vjp(f, _differentiable_mask(fn.inputs), cot, True, primals,
                                    [c for c, on in zip(cots, cot) if on])
        return [*results, *(grads.get(i) or d.m.zeros(s) for i, s in enumerate(fn.inputs))]


@register("mind.jvp")
class Jvp(Derivative):
    """(args..., one tangent per argument) -> (results..., tangents of the results).

    Forward mode as the transpose of reverse mode: the adjoint u -> J^T u is linear in u, so its
    own VJP at any u (zero here) with cotangent t is J t. No op needs a second (JVP) rule."""

    def infer(self, a, fn):
        return [FnSig((*fn.inputs, *fn.inputs), (*fn.results, *fn.results))]

    def derive(self, d, f, a, fn, body):
        args = list(body.arguments)
        primals, tangents = args[:len(fn.inputs)], args[len(fn.inputs):]
        wrt, cot = _differentiable_mask(fn.inputs), _differentiable_mask(fn.results)
        adjoint = d.vjp(f, wrt, cot, primal=False)   # (args..., u...) -> (J^T u for float args)
        zeros = [d.m.zeros(s) for s, on in zip(fn.results, cot) if on]
        n = len(fn.inputs)
        over_u = tuple(i >= n for i in range(n + len(zeros)))
        _, jt = d.call_vjp(adjoint, over_u, (True,) * sum(wrt), False, [*primals, *zeros],
                           [t for t, on in zip(tangents, wrt) if on])
        results = func.CallOp(f, primals).results
        float_results = iter(range(n, n + len(zeros)))
        tangent_out = [jt.get(next(float_results)) if on else None for on in cot]
        return [*results, *(t or d.m.zeros(s) for t, s in zip(tangent_out, fn.results))]


register("mind.grad", Grad(with_values=False))
register("mind.value_and_grad", Grad(with_values=True))


@register("mind.stop_gradient")
class StopGradient(Rule):
    """StopGradient(x) is x; no gradient flows back through it."""

    vjp = NotDifferentiable("stop_gradient blocks the gradient by definition")
    sharding = elementwise_sharding

    def infer(self, a, x):
        return [x]

    def lower(self, b, a, ins, outs):
        return [ins[0]]

    def fold(self, a, x):
        return [x]
