"""mind-hoist-scalar-reads: read the scalars a linalg op's body extracts once, before the op.

`linalg-inline-scalar-operands` turns an operand every point reads whole (a 0-d tensor: SGD's
learning rate, a loss scale) into a `tensor.extract` in the op's body, and the body becomes the
loop body: after bufferization the scalar is loaded at every point. LLVM cannot hoist that load
when the loop also stores through another pointer that might alias it (an argument updated in
place), so it neither vectorizes the loop nor keeps it small: it unrolls it, scalar, and that
code takes longer to compile and to run. An extract whose tensor and indices are defined outside
the op reads the same element at every point, so it moves before the op.
"""
from __future__ import annotations

from typing import ClassVar

from mlir import ir

from mindc.passes.base import Pass, dataclass_pass


@dataclass_pass
class HoistScalarReads(Pass):
    """Move tensor.extract ops of values defined outside a linalg op's body to before the op."""

    argument: ClassVar[str] = "mind-hoist-scalar-reads"

    def run(self, module_op, pass_) -> None:
        moves = []

        def visit(op):
            op = op.operation
            if op.name == "tensor.extract":
                owner = _linalg_parent(op)
                if owner is not None and all(_defined_outside(v, owner) for v in op.operands):
                    moves.append((op, owner))
            return ir.WalkResult.ADVANCE

        module_op.walk(visit)
        for op, owner in moves:
            op.move_before(owner)


def _linalg_parent(op: ir.Operation) -> ir.Operation | None:
    """The linalg op whose body op is directly in, or None."""
    parent = op.parent
    return parent if parent is not None and parent.name.startswith("linalg.") else None


def _defined_outside(value: ir.Value, op: ir.Operation) -> bool:
    """True if value is defined outside op (not in any of its regions)."""
    owner = value.owner
    parent = owner.owner.operation if isinstance(owner, ir.Block) else owner.operation
    while parent is not None:
        if parent == op:
            return False
        parent = parent.parent
    return True
