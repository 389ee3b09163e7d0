"""Custom gradients (MindSpore's `Cell.bprop`): a func.call carrying `mind.bprop = @g` is
differentiated by calling @g instead of generating the callee's adjoint.

    %r... = func.call @f(%a..., %c...) {mind.bprop = @g}
    func.func private @g(%a..., %r..., %dr..., %c...) -> (one gradient per %a)

@g receives the call's operands, its results and their cotangents. How many leading operands it
differentiates (%a: the Cell's inputs) is the number of its results; the operands after them
(%c: the Parameters and tensors the Cell captured) get no gradient, as a Cell with a bprop gives
its Parameters none in MindSpore. mind-autodiff drops the attribute once every derivative op is
replaced, so an unused @g is removed with the other dead functions.
"""
from __future__ import annotations

from mlir import ir
from mlir.dialects import func

from mindc.autodiff.activity import all_ops
from mindc.rules.base import RuleError

BPROP = "mind.bprop"


def bprop_name(op: ir.Operation) -> str | None:
    """The symbol of the custom bprop of a func.call, or None."""
    if BPROP not in op.attributes:
        return None
    return ir.FlatSymbolRefAttr(op.attributes[BPROP]).value


def expected_type(call: ir.Operation, n: int) -> ir.FunctionType:
    """The type a bprop differentiating the first n operands of call must have."""
    args = [v.type for v in call.operands]
    results = [r.type for r in call.results]
    return ir.FunctionType.get([*args[:n], *results, *results, *args[n:]], args[:n])


def check(call: ir.Operation, bprop: func.FuncOp) -> int:
    """The number of operands bprop differentiates; RuleError if its type does not fit call."""
    t = ir.FunctionType(bprop.type)
    n = len(t.results)
    name = ir.StringAttr(bprop.attributes["sym_name"]).value
    if n > len(call.operands):
        raise RuleError(f"custom bprop @{name} returns {n} gradients for a call of {len(call.operands)} operands")
    want = expected_type(call, n)
    if t != want:
        raise RuleError(f"custom bprop @{name} has type {t}; a bprop differentiating the first {n} "
                            f"operands of this call must have type {want} (operands, results, their "
                            "cotangents, the other operands)")
    return n


def strip(root: ir.Operation) -> None:
    """Remove every mind.bprop attribute: derivatives are generated, nothing else reads them."""
    for op in all_ops(root):
        if BPROP in op.attributes:
            del op.attributes[BPROP]
