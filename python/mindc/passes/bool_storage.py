"""mind-bool-to-i8: store boolean tensors as bytes.

MLIR 22's memref-to-LLVM conversion asserts (killing the process) on stores of i1 elements, so
boolean tensors are given i8 storage before bufferization. Elements are still computed as i1:
region arguments read from such tensors are truncated, values yielded into them are extended.
A byte of 0 or 1 is also exactly numpy's bool_, so the runtime's boolean arrays need no change.
"""
from __future__ import annotations

from typing import ClassVar

import numpy as np
from mlir import ir
from mlir.dialects import arith

from mindc.passes.base import Pass, dataclass_pass
from mindc.rules.base import dense_to_numpy, numpy_to_dense


def _is_bool_tensor(t: ir.Type) -> bool:
    return isinstance(t, ir.RankedTensorType) and str(t.element_type) == "i1"


def _is_i1(t: ir.Type) -> bool:
    return str(t) == "i1"


def _as_bytes(t: ir.Type) -> ir.Type:
    return ir.RankedTensorType.get(t.shape, ir.IntegerType.get_signless(8), t.encoding, loc=ir.Location.unknown())


def _all_ops(root: ir.Operation) -> list[ir.Operation]:
    ops = []
    root.walk(lambda op: ops.append(op.operation) or ir.WalkResult.ADVANCE)
    return ops


@dataclass_pass
class BoolToI8(Pass):
    """Give boolean tensors i8 storage (MLIR 22 cannot lower i1 memref stores)."""

    argument: ClassVar[str] = "mind-bool-to-i8"

    def run(self, module_op, pass_) -> None:
        ops = _all_ops(module_op)
        # Constants first: their replacements must exist before types change under them.
        for op in ops:
            if op.name == "arith.constant" and _is_bool_tensor(op.results[0].type):
                _replace_bool_constant(op)
        ops = _all_ops(module_op)
        _retype(ops, _is_bool_tensor, _as_bytes)
        for op in ops:
            _fix_element_accesses(op)


def _replace_bool_constant(op: ir.Operation) -> None:
    array = dense_to_numpy(op.attributes["value"]).astype(np.int8)
    with ir.InsertionPoint(op), op.location:
        new = arith.constant(numpy_to_dense(array).type, numpy_to_dense(array))
    op.results[0].replace_all_uses_with(new)
    op.erase()


def _retype(ops: list[ir.Operation], is_bool, as_bytes) -> None:
    """Give every block argument, result and function signature type that is_bool the type
    as_bytes makes of it."""
    fix = lambda ts: [as_bytes(t) if is_bool(t) else t for t in ts]  # noqa: E731
    for op in ops:
        for region in op.regions:
            for block in region.blocks:
                for arg in block.arguments:
                    if is_bool(arg.type):
                        arg.set_type(as_bytes(arg.type))
        for result in op.results:
            if is_bool(result.type):
                result.set_type(as_bytes(result.type))
        if op.name == "func.func":
            ftype = ir.FunctionType(ir.TypeAttr(op.attributes["function_type"]).value)
            op.attributes["function_type"] = ir.TypeAttr.get(ir.FunctionType.get(fix(ftype.inputs),
                                                                                   fix(ftype.results)))


def _narrow_result(op: ir.Operation) -> None:
    """op reads an i1 element from byte storage: it now yields the byte, truncated for its users."""
    result = op.results[0]
    result.set_type(ir.IntegerType.get_signless(8))
    with ir.InsertionPoint.after(op), op.location:
        narrow = arith.trunci(ir.IntegerType.get_signless(1), result)
    result.replace_all_uses_except(narrow, narrow.owner.operation)


def _fix_element_accesses(op: ir.Operation) -> None:
    """Truncate i1 elements read from byte tensors; extend i1 values written into them."""
    if op.name == "tensor.extract" and _is_i1(op.results[0].type):
        _narrow_result(op)
        return
    if op.name in ("tensor.insert", "tensor.from_elements", "tensor.splat", "linalg.fill"):
        _extend_operands(op, lambda i, v: _is_i1(v.type))
    if op.name.endswith(".yield") and op.parent is not None:
        # Yield i of a region op produces (an element of) the op's result i.
        results = [r.type for r in op.parent.results]
        _extend_operands(op, lambda i, v: _is_i1(v.type) and i < len(results) and _element_type(results[i]) == "i8")
    if op.name.startswith("linalg."):
        _truncate_region_arguments(op)


def _element_type(t: ir.Type) -> str:
    return str(t.element_type) if isinstance(t, ir.ShapedType) else str(t)


def _extend_operands(op: ir.Operation, needs_extension) -> None:
    for i, value in enumerate(list(op.operands)):
        if needs_extension(i, value):
            with ir.InsertionPoint(op), op.location:
                op.operands[i] = arith.extui(ir.IntegerType.get_signless(8), value)


def _truncate_region_arguments(op: ir.Operation) -> None:
    """A linalg region's argument j reads operand j: truncate those now read from bytes."""
    if not op.regions or not op.regions[0].blocks:
        return
    block = op.regions[0].blocks[0]
    for arg, operand in zip(block.arguments, op.operands):
        if _is_i1(arg.type) and _element_type(operand.type) == "i8":
            arg.set_type(ir.IntegerType.get_signless(8))
            with ir.InsertionPoint.at_block_begin(block), op.location:
                narrow = arith.trunci(ir.IntegerType.get_signless(1), arg)
            arg.replace_all_uses_except(narrow, narrow.owner.operation)


def _is_bool_memref(t: ir.Type) -> bool:
    return isinstance(t, ir.MemRefType) and str(t.element_type) == "i1"


def _memref_as_bytes(t: ir.Type) -> ir.Type:
    t = ir.MemRefType(t)
    return ir.MemRefType.get(t.shape, ir.IntegerType.get_signless(8), t.layout, t.memory_space,
                             loc=ir.Location.unknown())


@dataclass_pass
class BoolMemrefToI8(Pass):
    """Give the boolean buffers that deallocation creates i8 storage (after bufferization)."""

    # The ownership-based deallocation pipeline keeps ownership flags of memrefs whose aliasing
    # it cannot decide (results of scf.if, loops, calls) in memref<?xi1> buffers, which MLIR 22's
    # memref-to-LLVM conversion cannot store to.
    argument: ClassVar[str] = "mind-bool-memref-to-i8"

    def run(self, module_op, pass_) -> None:
        ops = _all_ops(module_op)
        _retype(ops, _is_bool_memref, _memref_as_bytes)
        for op in ops:
            if op.name == "memref.load" and _is_i1(op.results[0].type):
                _narrow_result(op)
            elif op.name == "memref.store" and _is_i1(op.operands[0].type) \
                    and _element_type(op.operands[1].type) == "i8":
                _extend_operands(op, lambda i, v: i == 0)
