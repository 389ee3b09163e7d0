"""A function as the sharding passes see it: its mind ops in order, each with its rule and spec.

Sharding works on straight-line functions (a training step after mind-autodiff and inlining):
mind ops at the top of the body, between the arguments and func.return. Anything else that
touches a tensor is a located error rather than something silently left unpartitioned.
"""
from __future__ import annotations

from dataclasses import dataclass

from mlir import ir

from mindc.passes.base import checked_op
from mindc.rules.base import Attrs, Rule, RuleError, Sig, signature_of
from mindc.sharding import annotations
from mindc.sharding.layout import Grid, ShardingError
from mindc.sharding.spec import NotShardable, ShardingSpec


@dataclass
class Node:
    op: ir.Operation
    rule: Rule
    attrs: Attrs
    ins: list[Sig]
    outs: list[Sig]
    spec: ShardingSpec


class LocatedError(Exception):
    """A ShardingError or RuleError with the op it is about, for diag.error."""

    def __init__(self, op: ir.Operation, message: str):
        super().__init__(message)
        self.op = op


def located(op: ir.Operation, thunk):
    """thunk(), with a ShardingError or RuleError it raises located at op."""
    try:
        return thunk()
    except (ShardingError, RuleError) as e:
        raise LocatedError(op, str(e)) from None


def module_grid(module: ir.Operation, option: tuple[int, ...] = ()) -> Grid | None:
    """The device grid: a pass's grid option if given, else the module's `mind.grid` (None if it
    has none); a LocatedError at the module for an invalid one."""
    return located(module, lambda: Grid(option) if option else annotations.grid_of(module))


def functions(module: ir.Operation) -> list[ir.Operation]:
    """The module's func.func definitions that hold mind ops."""
    found = []
    for op in module.regions[0].blocks[0].operations:
        op = op.operation
        if op.name == "func.func" and op.regions[0].blocks and any(
                o.operation.name.startswith("mind.") for o in op.regions[0].blocks[0].operations):
            found.append(op)
    return found


def nodes_of(func: ir.Operation) -> list[Node]:
    """The function's mind ops, checked: each has a rule, a sharding spec, and is top-level."""
    nodes = []
    for op in func.regions[0].blocks[0].operations:
        op = op.operation
        if op.name == "func.return":
            continue
        if not op.name.startswith("mind."):
            _reject_foreign(op)
            continue
        try:
            rule, attrs, outs = checked_op(op)
            ins = [signature_of(v) for v in op.operands]
            if isinstance(rule.sharding, NotShardable) or rule.sharding is None:
                reason = rule.sharding.reason if rule.sharding else "its rule has no sharding"
                raise ShardingError(f"cannot be partitioned: {reason}")
            nodes.append(Node(op, rule, attrs, ins, list(outs), rule.sharding(attrs, ins, list(outs))))
        except (RuleError, ShardingError) as e:
            raise LocatedError(op, str(e)) from None
    return nodes


def _reject_foreign(op: ir.Operation) -> None:
    tensors = [v for v in (*op.operands, *op.results) if isinstance(v.type, ir.RankedTensorType)]
    nested = op.regions and any(b.operations for r in op.regions for b in r.blocks)
    if tensors or nested:
        raise LocatedError(op, "is not partitioned: sharding handles mind ops in straight-line functions "
                               "(run mind-autodiff and inline first; control flow is not partitioned)")
