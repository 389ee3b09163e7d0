"""Activity analysis: which values need a cotangent.

A value is active when it is varied (it depends on a differentiated argument) and useful (a
differentiated result depends on it). Only active values get cotangents and only ops with an
active result get adjoints, so nothing is computed for values that do not reach the requested
gradients. Both sets are fixpoints over the function, loops included; floating-point values
(tensors or scalars) and integer tensors carry derivatives (see is_differentiable_type).
"""
from __future__ import annotations

from typing import Iterable

from mlir import ir

from mindc.rules.base import NotDifferentiable, RuleError, rule_for


def is_differentiable_type(t: ir.Type) -> bool:
    """Floats, and integer tensors: MindSpore differentiates integer tensors too (with integer
    gradients); integer scalars are loop counters and indices, never differentiated."""
    if isinstance(t, ir.ShapedType):
        t = ir.ShapedType(t).element_type
        if isinstance(t, ir.IntegerType) and ir.IntegerType(t).width > 1:
            return True
    return isinstance(t, ir.FloatType)


def all_ops(root: ir.Operation) -> list[ir.Operation]:
    """Every op nested in root (not root itself), in program order (pre-order)."""
    found = []

    def collect(op):
        found.append(op.operation)
        return ir.WalkResult.ADVANCE

    root.walk(collect, walk_order=ir.WalkOrder.PRE_ORDER)
    return found[1:]


def blocks_gradient(op: ir.Operation) -> bool:
    """A mind op whose rule says no gradient flows through it."""
    if not op.name.startswith("mind."):
        return False
    try:
        return isinstance(rule_for(op.name).vjp, NotDifferentiable)
    except RuleError:
        return False


def terminator(block: ir.Block) -> ir.Operation:
    return list(block.operations)[-1].operation


# How values flow across each region op: (source, target) pairs, source flowing into target.
def region_flows(op: ir.Operation) -> list[tuple[ir.Value, ir.Value]]:
    if op.name == "scf.for":
        body = op.regions[0].blocks[0]
        inits, args, yields = list(op.operands)[3:], list(body.arguments)[1:], list(terminator(body).operands)
        return [*zip(inits, args), *zip(yields, args), *zip(yields, op.results)]
    if op.name == "scf.if":
        flows = []
        for region in op.regions:
            if len(region.blocks):
                flows += list(zip(terminator(region.blocks[0]).operands, op.results))
        return flows
    if op.name == "scf.while":
        before, after = op.regions[0].blocks[0], op.regions[1].blocks[0]
        forwarded = list(terminator(before).operands)[1:]
        return [*zip(op.operands, before.arguments), *zip(terminator(after).operands, before.arguments),
                *zip(forwarded, after.arguments), *zip(forwarded, op.results)]
    return []


class Activity:
    def __init__(self, fn: ir.Operation, seeds: Iterable[ir.Value], outputs: Iterable[ir.Value]):
        ops = all_ops(fn)
        self.varied = _fixpoint(ops, seeds, forward=True)
        self.useful = _fixpoint(list(reversed(ops)), outputs, forward=False)

    def active(self, value: ir.Value) -> bool:
        return value in self.varied and value in self.useful

    def any_active(self, values: Iterable[ir.Value]) -> bool:
        return any(self.active(v) for v in values)


def _fixpoint(ops: list[ir.Operation], seeds: Iterable[ir.Value], forward: bool) -> set:
    known = {v for v in seeds if is_differentiable_type(v.type)}
    changed = True
    while changed:
        changed = False

        def add(v):
            nonlocal changed
            if v not in known and is_differentiable_type(v.type):
                known.add(v)
                changed = True

        for op in ops:
            if op.regions:
                for source, target in region_flows(op):
                    if forward and source in known:
                        add(target)
                    if not forward and target in known:
                        add(source)
                if op.name in ("scf.for", "scf.if", "scf.while"):
                    continue
            if blocks_gradient(op):
                continue
            if forward:
                if any(v in known for v in op.operands):
                    for r in op.results:
                        add(r)
            elif any(r in known for r in op.results):
                for v in op.operands:
                    add(v)
    return known
