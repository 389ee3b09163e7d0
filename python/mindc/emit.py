"""Creating mind ops from Python: result types come from the op's rule, attributes from Python values.

This is the one place the frontend, the tests and the eager kernels build mind ops.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from mlir import ir
from mlir.dialects import func

from mindc.rules.base import Attrs, RuleError, Sig, rule_for, signature_of


def create(op_name: str, operands: Sequence[ir.Value], attrs: Mapping[str, Any] | None = None) -> list[ir.Value]:
    """Insert `op_name` at the current insertion point and location; RuleError if it is invalid."""
    rule = rule_for(op_name)
    a = Attrs(attrs or {})
    unknown = set(a) - set(rule.attrs)
    missing = set(rule.attrs) - set(a)
    if unknown or missing:
        raise RuleError(f"'{op_name}' takes attributes {sorted(rule.attrs)}, got {sorted(a)}")
    if rule.arity is not None and len(operands) != rule.arity:
        raise RuleError(f"'{op_name}' expected {rule.arity} operands, found {len(operands)}")
    outs = rule.infer(a, *[signature_of(v) for v in operands])
    op = ir.Operation.create(op_name, results=[s.to_type() for s in outs], operands=list(operands),
                             attributes=a.to_mlir(rule))
    return list(op.results)


def single_op_module(op_name: str, inputs: Sequence[Sig], attrs: Mapping[str, Any] | None = None,
                     name: str = "main") -> ir.Module:
    """A module with one public function applying op_name to its arguments (current context)."""
    with ir.Location.unknown():
        module = ir.Module.create()
        with ir.InsertionPoint(module.body):
            f = func.FuncOp(name, ([s.to_type() for s in inputs], []))
            block = f.add_entry_block()
            with ir.InsertionPoint(block):
                results = create(op_name, list(block.arguments), attrs)
                func.ReturnOp(results)
            f.attributes["function_type"] = ir.TypeAttr.get(
                ir.FunctionType.get([s.to_type() for s in inputs], [r.type for r in results]))
    return module
