"""mind-spmd-partition: rewrite each function into the program every device runs (SPMD).

Reads the layouts chosen before (`mind.grid`, each op's `mind.sharding`, each argument's and
result's `mind.layout`; see sharding/annotations.py) and, in program order:
- gives each argument its local type (its shape divided by its layout's splits);
- brings each operand to the layout its op needs, with the collectives redistribute.plan lists
  (all_reduce of partial results, all_gather, all_to_all, reduce_scatter, a local shard_slice);
- makes each op local: local attributes from its rule (`local_attrs`), local result types, which
  its rule's `infer` on the local operands must agree with;
- brings each returned value to its result layout.
The arguments' and results' `mind.layout` stay, for the runtime that scatters and gathers them.
"""
from __future__ import annotations

from typing import ClassVar

from mlir import ir

from mindc import diag
from mindc.passes.base import Pass, dataclass_pass
from mindc.rules.base import Attrs, Sig, rule_for
from mindc.sharding import annotations
from mindc.sharding.graph import LocatedError, Node, functions, located, module_grid, nodes_of
from mindc.sharding.layout import Grid, Layout, ShardingError
from mindc.sharding.redistribute import plan
from mindc.sharding.spec import Assignment


@dataclass_pass
class SpmdPartition(Pass):
    """Rewrite functions with chosen layouts into the per-device program with collectives."""

    argument: ClassVar[str] = "mind-spmd-partition"

    def run(self, module_op, pass_) -> None:
        try:
            grid = module_grid(module_op)
            if grid is None:
                raise LocatedError(module_op, f"has no '{annotations.GRID}': run mind-sharding-propagation or "
                                              f"mind-auto-parallel first")
            for func in functions(module_op):
                Partition(func, grid).run()
        except LocatedError as e:
            diag.error(e.op, str(e))
            pass_.signal_pass_failure()


class Partition:
    def __init__(self, func: ir.Operation, grid: Grid):
        self.func, self.grid = func, grid
        self.block = func.regions[0].blocks[0]
        # Every value's global signature and current layout, and redistributed copies by layout.
        self.sig: dict[ir.Value, Sig] = {}
        self.layout: dict[ir.Value, Layout] = {}
        self.copies: dict[tuple[ir.Value, Layout], ir.Value] = {}

    def run(self) -> None:
        # Everything is checked on the global types, before anything changes.
        nodes = nodes_of(self.func)
        args = [located(self.func, lambda: self._entry_layout(annotations.arg_layout, i, Sig.of(a), "argument"))
                for i, a in enumerate(self.block.arguments)]
        ret = self.block.operations[len(self.block.operations) - 1]
        results = [located(self.func, lambda: self._entry_layout(annotations.result_layout, i, Sig.of(v), "result"))
                   for i, v in enumerate(ret.operands)]
        plans = [(node, located(node.op, lambda: self._plan(node))) for node in nodes]
        for arg, layout in zip(self.block.arguments, args):
            self._localize(arg, Sig.of(arg), layout)
        for node, (ins, outs, assignment) in plans:
            located(node.op, lambda: self._partition(node, ins, outs, assignment))
        for i, (value, layout) in enumerate(zip(list(ret.operands), results)):
            ret.operands[i] = located(ret, lambda: self._redistributed(value, layout, ret))
        self.func.attributes["function_type"] = ir.TypeAttr.get(ir.FunctionType.get(
            [a.type for a in self.block.arguments], [v.type for v in ret.operands]))
        # Every argument and result says its layout: the runtime scatters and gathers by them.
        annotations.set_arg_layouts(self.func, args)
        annotations.set_result_layouts(self.func, results)

    def _entry_layout(self, read, i: int, sig: Sig, what: str) -> Layout:
        layout = read(self.func, i) or Layout.replicated(sig.rank)
        layout.check(self.grid, sig.shape, f"{what} {i}")
        if layout.partial:
            raise ShardingError(f"{what} {i} cannot have partial results ({layout})")
        return layout

    def _plan(self, node: Node) -> tuple[list[Layout], list[Layout], Assignment]:
        """The op's operand and result layouts, and the split of the op they are."""
        layouts = annotations.sharding_of(node.op)
        if layouts is None:
            raise ShardingError(f"has no '{annotations.SHARDING}': run mind-sharding-propagation or "
                                f"mind-auto-parallel first")
        return (*layouts, node.spec.assignment_of(*layouts, self.grid))

    def _localize(self, value: ir.Value, sig: Sig, layout: Layout) -> None:
        self.sig[value], self.layout[value] = sig, layout
        value.set_type(sig.with_shape(layout.local_shape(sig.shape, self.grid)).to_type())

    def _partition(self, node: Node, ins: list[Layout], outs: list[Layout], assignment: Assignment) -> None:
        op = node.op
        for i, (value, want) in enumerate(zip(list(op.operands), ins)):
            op.operands[i] = self._redistributed(value, want, op)
        local = node.rule.local_attrs(node.attrs, node.spec, node.spec.splits(assignment, self.grid))
        for name, attr in local.to_mlir(node.rule).items():
            op.attributes[name] = attr
        del op.attributes[annotations.SHARDING]
        if annotations.STRATEGY in op.attributes:
            del op.attributes[annotations.STRATEGY]
        inferred = node.rule.infer(local, *[Sig.of(v) for v in op.operands])
        for j, (result, sig, layout) in enumerate(zip(op.results, node.outs, outs)):
            self._localize(result, sig, layout)
            if inferred[j] != Sig.of(result):
                raise ShardingError(f"the local form of the op gives result {j} as {inferred[j]}, its layout "
                                    f"{layout} gives {Sig.of(result)}: the rule's sharding and local_attrs disagree")

    def _redistributed(self, value: ir.Value, want: Layout, before: ir.Operation) -> ir.Value:
        """value in layout `want`, through collectives inserted before `before` (reused when
        another user wants the same)."""
        have, sig = self.layout[value], self.sig[value]
        if have == want:
            return value
        key = (value, want)
        if key not in self.copies:
            current = value
            with ir.InsertionPoint(before), before.location:
                for step in plan(have, want, sig.shape, self.grid):
                    rule = rule_for(step.op)
                    attrs = Attrs({**step.attrs, "grid": self.grid.shape}).to_mlir(rule)
                    result_type = sig.with_shape(step.local_out).to_type()
                    current = ir.Operation.create(step.op, results=[result_type], operands=[current],
                                                  attributes=attrs).result
            self.copies[key] = current
        return self.copies[key]
