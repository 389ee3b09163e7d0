"""mind-c-interface: make public functions callable from the runtime, and remember their types.

The recorded type leaves out results marked `mind.updates`: mind-update-in-place writes those
into their arguments instead of returning them."""
from __future__ import annotations

from typing import ClassVar

from mlir import ir

from mindc.passes.base import Pass, dataclass_pass

UPDATES = "mind.updates"


def updated_arguments(f: ir.Operation) -> dict[int, int]:
    """{result index: argument index} of a function's results marked mind.updates."""
    if "res_attrs" not in f.attributes:
        return {}
    marks = {}
    for i, attrs in enumerate(ir.ArrayAttr(f.attributes["res_attrs"])):
        attrs = ir.DictAttr(attrs)
        if UPDATES in attrs:
            marks[i] = ir.IntegerAttr(attrs[UPDATES]).value
    return marks


# Module attribute holding {function name: its tensor-level type}; it survives lowering, so the
# runtime can marshal arguments of a module given at any stage.
ENTRY_POINTS = "mind.entry_points"


def public_functions(module_op: ir.Operation) -> list[ir.Operation]:
    return [op for op in module_op.regions[0].blocks[0].operations
            if op.operation.name == "func.func" and "sym_visibility" not in op.attributes and op.regions[0].blocks]


@dataclass_pass
class CInterface(Pass):
    """Mark public functions llvm.emit_c_interface and record their types for the runtime."""

    argument: ClassVar[str] = "mind-c-interface"

    def run(self, module_op, pass_) -> None:
        types = {}
        for f in public_functions(module_op):
            f.attributes["llvm.emit_c_interface"] = ir.UnitAttr.get()
            ftype = ir.FunctionType(ir.TypeAttr(f.attributes["function_type"]).value)
            returned = [t for i, t in enumerate(ftype.results) if i not in updated_arguments(f)]
            types[ir.StringAttr(f.attributes["sym_name"]).value] = ir.TypeAttr.get(ir.FunctionType.get(ftype.inputs, returned))
        if types:
            module_op.attributes[ENTRY_POINTS] = ir.DictAttr.get(types)
