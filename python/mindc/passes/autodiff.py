"""mind-autodiff: replace each derivative op (mind.grad, value_and_grad, vjp, jvp) by a
func.constant of a generated function, and calls through it by direct func.calls.

The op differentiated must be known at compile time: a func.constant, or another derivative op
(grad of grad). Derivative ops inside a function are replaced before the function itself is
differentiated, so generated adjoints are plain functions that can be differentiated again.
A func.call carrying `mind.bprop` is differentiated by that function (autodiff/bprop.py).
"""
from __future__ import annotations

from typing import ClassVar

from mlir import ir
from mlir.dialects import func

from mindc import diag
from mindc.autodiff import bprop
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
    """Replaces every derivative op, innermost requests first.

    Ops are looked up afresh after each replacement: a replacement erases other derivative ops
    (the one it differentiates, those inside the function), and the bindings hand out a new
    Python object per walk, so a list collected before would hold dangling ops.
    """

    def __init__(self, module_op: ir.Operation):
        self.module_op = module_op
        self.d = Differentiator(module_op)
        self._ready: set[str] = set()
        self._preparing: list[str] = []

    def run(self) -> None:
        self.replace_all(self.module_op)
        bprop.strip(self.module_op)
        for f in list(self.d.module_body.operations):
            if f.operation.name == "func.func":
                direct_calls(f.operation)

    def replace_all(self, root: ir.Operation) -> None:
        while (op := next((o for o in all_ops(root) if is_derivative(o)), None)) is not None:
            self.replace(op)

    def replace(self, op: ir.Operation) -> func.FuncOp:
        """op becomes a func.constant of its generated function, which is returned."""
        g = self.derive(op)
        with ir.InsertionPoint(op), op.location:
            const = func.ConstantOp(g.type, ir.FlatSymbolRefAttr.get(symbol_of(g)))
        op.results[0].replace_all_uses_with(const.result)
        op.erase()
        return g

    def derive(self, op: ir.Operation) -> func.FuncOp:
        """Generate the function op stands for."""
        f = self.source(op)
        try:
            rule, a, (out,) = checked_op(op)
        except RuleError as e:
            raise AutodiffError(str(e), op) from None
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
        return g

    def source(self, op: ir.Operation) -> func.FuncOp:
        """The function op differentiates: a func.constant's callee, or what another derivative
        op stands for (that op is replaced first: grad of grad)."""
        producer = op.operands[0].owner
        if isinstance(producer, ir.OpView):
            if producer.operation.name == "func.constant":
                return self.d.function(ir.FlatSymbolRefAttr(producer.attributes["value"]).value)
            if is_derivative(producer.operation):
                return self.replace(producer.operation)
        raise AutodiffError("differentiates a function known only at run time; it must be a "
                            "func.constant or the result of another derivative op", op)

    def prepare(self, f: func.FuncOp) -> None:
        """Replace the derivative ops in f and in the functions it calls, so f is plain code."""
        name = symbol_of(f)
        if name in self._ready or name in self._preparing:
            return
        self._preparing.append(name)
        self.replace_all(f.operation)
        direct_calls(f.operation)
        for op in all_ops(f.operation):
            if op.name == "func.call":
                self.prepare(self.d.function(ir.FlatSymbolRefAttr(op.attributes["callee"]).value))
                custom = bprop.bprop_name(op)
                if custom is not None:
                    self.prepare(self.d.function(custom))
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
