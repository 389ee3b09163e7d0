"""mind-autodiff: replace each derivative op (mind.grad, value_and_grad, vjp, jvp) by a
func.constant of a generated function, and calls through it by direct func.calls.

The op differentiated must be known at compile time: a func.constant, or another derivative op
(grad of grad). Derivative ops inside a function are replaced before the function itself is
differentiated, so generated adjoints are plain functions that can be differentiated again.
"""
from __future__ import annotations

from typing import ClassVar

from mlir import ir
from mlir.dialects import func

from mindc import diag
from mindc.autodiff.activity import all_ops
from mindc.autodiff.derive import AutodiffError, Differentiator, symbol_of
from mindc.passes.base import Pass, checked_op, dataclass_pass
from mindc.rules.base import FnSig, RuleError, rule_for
from mindc.rules.derivative import Derivative


def is_derivative(op: ir.Operation) -> bool:
    if not op.name.startswith("mind."):
        return False
    try:
        return isinstance(rule_for(op.name), Derivative)
    except RuleError:
        return False


@dataclass_pass
class Autodiff(Pass):
    """Replace derivative ops by generated adjoint functions (reverse mode)."""

    argument: ClassVar[str] = "mind-autodiff"

    def run(self, module_op, pass_) -> None:
        try:
            Replacer(module_op).run()
        except AutodiffError as e:
            diag.error(e.op, str(e))
            pass_.signal_pass_failure()


class Replacer:
    def __init__(self, module_op: ir.Operation):
        self.module_op = module_op
        self.d = Differentiator(module_op)
        # Keyed by id(op): an erased op can no longer be hashed. self._seen keeps each op alive,
        # so its id is not reused.
        self._derived: dict[int, func.FuncOp | None] = {}   # None once the op is replaced
        self._seen: list[ir.Operation] = []
        self._ready: set[str] = set()
        self._preparing: list[str] = []

    def run(self) -> None:
        for op in [o for o in all_ops(self.module_op) if is_derivative(o)]:
            self.replace(op)
        for f in list(self.d.module_body.operations):
            if f.operation.name == "func.func":
                direct_calls(f.operation)

    def replace(self, op: ir.Operation) -> None:
        """op becomes a func.constant of its generated function (op may already be gone)."""
        if id(op) in self._derived and self._derived[id(op)] is None:
            return
        g = self.derived(op)
        with ir.InsertionPoint(op), op.location:
            const = func.ConstantOp(g.type, ir.FlatSymbolRefAttr.get(symbol_of(g)))
        op.results[0].replace_all_uses_with(const.result)
        op.erase()
        self._derived[id(op)] = None

    def derived(self, op: ir.Operation) -> func.FuncOp:
        """The function op stands for, generated on first use."""
        if self._derived.get(id(op)) is not None:
            return self._derived[id(op)]
        try:
            rule, a, (out,) = checked_op(op)
        except RuleError as e:
            raise AutodiffError(str(e), op) from None
        f = self.source(op)
        self.prepare(f)
        g = self.d.new_function(f"{symbol_of(f)}_{op.name[5:]}", [s.to_type() for s in out.inputs],
                                [s.to_type() for s in out.results], f)
        entry = g.regions[0].blocks[0]
        try:
            with ir.InsertionPoint(entry), op.location:
                func.ReturnOp(rule.derive(self.d, f, a, FnSig.of(f.type), entry))
        except AutodiffError as e:
            g.erase()
            if e.op is None:
                e.op = op
            raise
        except RuleError as e:
            g.erase()
            raise AutodiffError(str(e), op) from None
        self._derived[id(op)] = g
        self._seen.append(op)
        return g

    def source(self, op: ir.Operation) -> func.FuncOp:
        """The function op differentiates: a func.constant's callee or another derivative op's."""
        producer = op.operands[0].owner
        if isinstance(producer, ir.OpView):
            if producer.operation.name == "func.constant":
                return self.d.function(ir.FlatSymbolRefAttr(producer.attributes["value"]).value)
            if is_derivative(producer.operation):
                return self.derived(producer.operation)
        raise AutodiffError(f"'{op.name}' differentiates a function known only at run time; it must be a "
                            "func.constant or the result of another derivative op", op)

    def prepare(self, f: func.FuncOp) -> None:
        """Replace the derivative ops in f and in the functions it calls, so f is plain code."""
        name = symbol_of(f)
        if name in self._ready or name in self._preparing:
            return
        self._preparing.append(name)
        for op in all_ops(f.operation):
            if is_derivative(op):
                self.replace(op)
        direct_calls(f.operation)
        for op in all_ops(f.operation):
            if op.name == "func.call":
                self.prepare(self.d.function(ir.FlatSymbolRefAttr(op.attributes["callee"]).value))
        self._preparing.pop()
        self._ready.add(name)


def direct_calls(root: ir.Operation) -> None:
    """func.call_indirect through a func.constant becomes a func.call; unused constants go."""
    for op in all_ops(root):
        if op.name != "func.call_indirect":
            continue
        producer = op.operands[0].owner
        if isinstance(producer, ir.OpView) and producer.operation.name == "func.constant":
            callee = ir.FlatSymbolRefAttr(producer.attributes["value"]).value
            with ir.InsertionPoint(op), op.location:
                call = func.CallOp([r.type for r in op.results], callee, list(op.operands)[1:])
            for old, new in zip(op.results, call.results):
                old.replace_all_uses_with(new)
            op.erase()
    for op in all_ops(root):
        if op.name == "func.constant" and not list(op.results[0].uses):
            op.erase()
