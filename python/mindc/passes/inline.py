"""mind-inline: replace calls of functions defined in the module by the functions' bodies.

Passes that see a function whole (sharding propagation and partition) need a training step as
one straight-line function, but mind-autodiff leaves it as calls (the step calls value_and_grad,
which calls the adjoint). Upstream's `inline` leaves these calls alone: it inlines only ops whose
dialect has an inliner interface, which an IRDL dialect cannot have. Recursive calls stay calls.
"""
from __future__ import annotations

from typing import ClassVar

from mlir import ir

from mindc.ir import remap_operands
from mindc.passes.base import Pass, dataclass_pass


@dataclass_pass
class Inline(Pass):
    """Inline every call of a single-block function defined in the module (not recursive ones)."""

    argument: ClassVar[str] = "mind-inline"

    def run(self, module_op, pass_) -> None:
        bodies = {ir.StringAttr(op.attributes["sym_name"]).value: op.operation
                  for op in module_op.regions[0].blocks[0].operations
                  if op.operation.name == "func.func" and len(op.regions[0].blocks) == 1}
        for caller in bodies.values():
            _inline_calls(caller, bodies, ())


def _inline_calls(func: ir.Operation, bodies: dict[str, ir.Operation], active: tuple[str, ...]) -> None:
    """Inline the calls in func, depth first, so inlined bodies are themselves call-free."""
    name = ir.StringAttr(func.attributes["sym_name"]).value
    for call in _calls(func):
        callee = ir.FlatSymbolRefAttr(call.attributes["callee"]).value
        if callee in bodies and callee != name and callee not in active:
            _inline_calls(bodies[callee], bodies, (*active, name))
            _inline(call, bodies[callee])


def _calls(func: ir.Operation) -> list[ir.Operation]:
    found = []

    def visit(op):
        if op.name == "func.call":
            found.append(op.operation)
        return ir.WalkResult.ADVANCE

    func.walk(visit)
    return found


def _inline(call: ir.Operation, callee: ir.Operation) -> None:
    block = callee.regions[0].blocks[0]
    mapping: dict[ir.Value, ir.Value] = dict(zip(block.arguments, call.operands))
    ops = list(block.operations)
    with ir.InsertionPoint(call):
        for op in ops[:-1]:
            clone = op.operation.clone()
            remap_operands(clone, mapping)
            mapping.update(zip(op.results, clone.results))
    for result, value in zip(call.results, ops[-1].operands):
        result.replace_all_uses_with(mapping.get(value, value))
    call.erase()
