"""mind-to-linalg: replace every mind op by its rule's lowering to linalg/tensor/arith/math."""
from __future__ import annotations

from typing import ClassVar

from mlir import ir

from mindc.lowering.builder import Builder
from mindc.passes.base import Pass, checked_op, dataclass_pass, run_rules


def lower_op(op: ir.Operation) -> None:
    rule, a, outs = checked_op(op)
    with ir.InsertionPoint(op), op.location:
        results = rule.lower(Builder(), a, list(op.operands), outs)
    for old, new in zip(op.results, results):
        old.replace_all_uses_with(new)
    op.erase()


@dataclass_pass
class MindToLinalg(Pass):
    """Lower every mind op to linalg, tensor, arith and math on tensors."""

    argument: ClassVar[str] = "mind-to-linalg"

    def run(self, module_op, pass_) -> None:
        if not run_rules(module_op, lower_op):
            pass_.signal_pass_failure()
