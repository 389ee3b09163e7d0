"""mind-update-in-place: write a public function's state results into its argument buffers.

A training step returns the new value of each Parameter it assigns, marked on the result with
`mind.updates = <argument index>` (the frontend's Traced). This pass turns each such result into
`bufferization.materialize_in_destination` of the value into that argument and drops it from
the function's results, as JAX's donated buffers or IREE's tied results do. After
`eliminate-empty-tensors`, one-shot bufferization then computes the update directly in the
argument's buffer, so parameters and optimizer state never leave the caller's memory.
"""
from __future__ import annotations

from typing import ClassVar

from mlir import ir
from mlir.dialects import bufferization, func

from mindc import diag
from mindc.passes.base import Pass, dataclass_pass
from mindc.passes.c_interface import public_functions, updated_arguments

@dataclass_pass
class UpdateInPlace(Pass):
    """Write results marked mind.updates into their arguments' buffers and drop them."""

    argument: ClassVar[str] = "mind-update-in-place"

    def run(self, module_op, pass_) -> None:
        ok = True
        for f in public_functions(module_op):
            marks = updated_arguments(f)
            if marks:
                ok = _tie_results(f, marks) and ok
        if not ok:
            pass_.signal_pass_failure()


def _tie_results(f: ir.Operation, marks: dict[int, int]) -> bool:
    ftype = ir.FunctionType(ir.TypeAttr(f.attributes["function_type"]).value)
    args = list(f.regions[0].blocks[0].arguments)
    for result, arg in marks.items():
        if not 0 <= arg < len(args):
            diag.error(f.operation, f"result {result} updates argument {arg}, but the function has {len(args)} arguments")
            return False
        if args[arg].type != ftype.results[result]:
            diag.error(f.operation, f"result {result} of type {ftype.results[result]} cannot update argument "
                                    f"{arg} of type {args[arg].type}")
            return False
    first: dict[int, int] = {}
    for result, arg in marks.items():
        if arg in first:
            diag.error(f.operation, f"results {first[arg]} and {result} both update argument {arg}")
            return False
        first[arg] = result
    for arg in marks.values():
        _copy_loop_inits(args[arg])
    for block in f.regions[0].blocks:
        ret = block.operations[len(block.operations) - 1]
        if ret.operation.name != "func.return":
            continue
        values = list(ret.operands)
        with ir.InsertionPoint(ret), ret.location:
            # A value both written into an argument and returned is copied for the return
            # first: a read after the materialization would be a read-after-write conflict
            # that one-shot bufferization refuses once the update is computed in the argument.
            written = {values[r] for r in marks}
            returned = [_copy(v) if v in written else v for i, v in enumerate(values) if i not in marks]
            for result, arg in marks.items():
                bufferization.MaterializeInDestinationOp(values[result].type, values[result], args[arg])
            func.ReturnOp(returned)
        ret.operation.erase()
    kept = [i for i in range(len(ftype.results)) if i not in marks]
    f.attributes["function_type"] = ir.TypeAttr.get(ir.FunctionType.get(ftype.inputs, [ftype.results[i] for i in kept]))
    res_attrs = [res for i, res in enumerate(ir.ArrayAttr(f.attributes["res_attrs"])) if i in kept]
    if any(len(ir.DictAttr(res)) for res in res_attrs):
        f.attributes["res_attrs"] = ir.ArrayAttr.get(res_attrs)
    else:
        # Empty result attributes must be absent: func-to-llvm asserts on an empty list.
        del f.attributes["res_attrs"]
    return True


def _copy(value: ir.Value) -> ir.Value:
    return bufferization.AllocTensorOp(value.type, [], copy=value).result


def _copy_loop_inits(arg: ir.BlockArgument) -> None:
    """Give a loop that starts from an updated argument (or from a branch or loop result that
    may be it) a copy of it as its initial value.

    The loop's carried buffer would otherwise be the argument itself, which the update also
    writes: one-shot bufferization then reports a read-after-write conflict it cannot avoid.
    """
    for value in _aliases(arg):
        for use in list(value.uses):
            owner = use.owner
            if owner.name not in ("scf.for", "scf.while"):
                continue
            with ir.InsertionPoint(owner), owner.location:
                owner.operands[use.operand_number] = _copy(value)


def _aliases(value: ir.Value) -> list[ir.Value]:
    """value and the results of the scf ops that may yield it (through any nesting)."""
    found, work = [value], [value]
    while work:
        for use in list(work.pop().uses):
            owner = use.owner
            if owner.name != "scf.yield":
                continue
            parent = owner.parent
            if parent.name in ("scf.if", "scf.for", "scf.while"):
                result = parent.results[use.operand_number]
                if result not in found:
                    found.append(result)
                    work.append(result)
    return found
