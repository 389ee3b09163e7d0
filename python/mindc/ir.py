"""The MLIR context of mindc: upstream dialects plus `mind`, loaded from its IRDL file."""
from __future__ import annotations

import functools
import itertools
from pathlib import Path

from mlir import ir
from mlir.dialects import irdl

DIALECT_FILE = Path(__file__).resolve().parents[2] / "dialects" / "mind.irdl.mlir"


@functools.cache
def _dialect_text() -> str:
    return DIALECT_FILE.read_text()


def make_context() -> ir.Context:
    """A fresh context with every upstream dialect and the `mind` dialect registered.

    Its passes run on the calling thread: a context with multithreading owns a pool of LLVM
    threads that lives as long as the context (hundreds of threads in a test process), and
    compiled code gets its parallelism from the async runtime instead."""
    ctx = ir.Context()
    ctx.enable_multithreading(False)
    with ctx:
        irdl.load_dialects(ir.Module.parse(_dialect_text()))
    return ctx


def mind_ops(root: ir.Operation) -> list[ir.Operation]:
    """Every `mind` op under root, in post-order (operands' producers first within a block)."""
    found = []

    def collect(op):
        if op.name.startswith("mind."):
            found.append(op.operation)
        return ir.WalkResult.ADVANCE

    # Collect first: rewriting ops during walk() would invalidate the walk.
    root.walk(collect, walk_order=ir.WalkOrder.POST_ORDER)
    return found


def fresh_symbol(module_body: ir.Block, hint: str) -> str:
    """`hint_N` for the smallest N that no symbol in the module uses yet."""
    taken = {ir.StringAttr(op.attributes["sym_name"]).value for op in module_body.operations
             if "sym_name" in op.attributes}
    return next(name for name in (f"{hint}_{i}" for i in itertools.count()) if name not in taken)


def remap_operands(root: ir.Operation, mapping: dict[ir.Value, ir.Value]) -> None:
    """Replace, in root and the ops nested in it, each operand that is a key of mapping by its
    value (what cloning ops into another function needs: their operands moved to new values)."""

    def visit(op):
        for i, value in enumerate(op.operands):
            if value in mapping:
                op.operands[i] = mapping[value]
        return ir.WalkResult.ADVANCE

    root.walk(visit)
