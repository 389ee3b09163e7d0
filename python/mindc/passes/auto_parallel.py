"""mind-auto-parallel: choose how every mind op is split over a device grid, by a cost-model search.

MindSpore's auto_parallel with search_mode dynamic_programming or recursive_programming. Each
function of mind ops (a training step after mind-autodiff and inlining: forward, backward and the
optimizer's updates of parameters passed as arguments) becomes a search graph (sharding/search.py):
its ops with their candidate splits, its arguments and results with their layouts, its values
as edges. The search picks the strategy of least predicted step time under the cost model
(sharding/cost.py, rates of this machine) within the memory limit, and the pass writes it down
the way mind-spmd-partition reads it (sharding/annotations.py):

- module: `mind.grid = array<i64: 2, 2>`;
- each mind op: `mind.sharding = "([{0}, {}], [{}, {}]) -> ([{0}, {}])"`, its operand and result
  layouts under the chosen split;
- each argument and result: `mind.layout = "[{0}, {}]"`. A result that is an argument's new value
  (`mind.updates`) takes that argument's layout; a scalar (the loss) is replicated.

print-strategy=true writes each op's split and predicted time to stderr, then the step's totals.
"""
from __future__ import annotations

import sys
from typing import ClassVar

from mlir import ir

from mindc import diag
from mindc.passes.base import Pass, dataclass_pass
from mindc.rules.base import RuleError, Sig
from mindc.sharding import annotations
from mindc.sharding.cost import CPU, parse_bytes
from mindc.sharding.graph import LocatedError, functions, nodes_of
from mindc.sharding.layout import Grid, ShardingError
from mindc.sharding.search import ALGORITHMS, Graph, Strategy, search


@dataclass_pass
class AutoParallel(Pass):
    """Choose a split of every mind op over the device grid by searching for the least predicted step time."""

    argument: ClassVar[str] = "mind-auto-parallel"
    grid: tuple[int, ...] = ()   # the device grid, e.g. 2,2; empty: the module's mind.grid
    algorithm: str = "dp"         # dp (exact) or recursive (axis by axis, for large graphs)
    memory_limit: str = ""        # bytes per device: 1000000, 512MiB, 16GB; empty: no limit
    print_strategy: bool = False

    def run(self, module_op, pass_) -> None:
        try:
            grid = Grid(self.grid) if self.grid else annotations.grid_of(module_op)
            if grid is None:
                raise ValueError(f"needs a device grid: the grid option or the module's '{annotations.GRID}'")
            limit = parse_bytes(self.memory_limit) if self.memory_limit else None
            if self.algorithm not in ALGORITHMS:
                raise ValueError(f"unknown algorithm '{self.algorithm}'; expected one of {', '.join(ALGORITHMS)}")
        except (ShardingError, ValueError) as e:
            diag.error(module_op, f"{self.argument}: {e}")
            return pass_.signal_pass_failure()
        annotations.set_grid(module_op, grid)
        try:
            for func in functions(module_op):
                step = StepGraph(func, grid)
                try:
                    strategy = search(step.graph, grid, CPU, self.algorithm, limit)
                except ShardingError as e:
                    raise LocatedError(func, str(e)) from None
                step.annotate(strategy)
                if self.print_strategy:
                    step.print(strategy, grid, self.algorithm)
        except LocatedError as e:
            diag.error(e.op, str(e))
            pass_.signal_pass_failure()


class StepGraph:
    """A straight-line function (sharding/graph.py) as a search graph: a node per argument, per
    mind op and per result."""

    def __init__(self, func: ir.Operation, grid: Grid):
        self.func, self.graph = func, Graph()
        block = func.regions[0].blocks[0]
        producer: dict[ir.Value, tuple[int, int]] = {}
        self.args = []
        for i, value in enumerate(block.arguments):
            try:
                # An argument whose layout is given keeps it (a batch each rank loaded for itself).
                pinned = annotations.given_arg_layout(func, i, grid)
                self.args.append(self.graph.add_argument(f"argument {i}", Sig.of(value), pinned))
            except ShardingError as e:
                raise LocatedError(func, str(e)) from None
            except RuleError as e:
                raise LocatedError(func, f"argument {i} cannot be laid out on a grid: {e}") from None
            producer[value] = (self.args[-1], 0)
        self.ops = []
        for n in nodes_of(func):
            node = self.graph.add_op(f"'{n.op.name}'", n.spec, n.ins, n.outs, n.rule.flops(n.attrs, n.ins, n.outs))
            for k, v in enumerate(n.op.operands):
                self.graph.connect(*producer[v], node, k)
            for r, v in enumerate(n.op.results):
                producer[v] = (node, r)
            self.ops.append((n, node))
        self.results = self._returns(block.operations[len(block.operations) - 1], producer)

    def _returns(self, ret: ir.Operation, producer) -> list[int]:
        """A node per result: the argument it is the new value of, or a result node of its own."""
        nodes = []
        for i, v in enumerate(ret.operands):
            src, result = producer[v]
            updated = annotations.updated_argument(self.func, i)
            if updated is None:
                nodes.append(self.graph.add_result(f"result {i}", Sig.of(v)))
                self.graph.connect(src, result, nodes[-1], 0)
                continue
            target = self.args[updated]
            if src != target:
                self.graph.tie(src, result, target)
                # Written into the argument's buffer (mind-update-in-place): no memory of its own.
                node = self.graph.nodes[src]
                node.resident = tuple(r and k != result for k, r in enumerate(node.resident))
            nodes.append(target)
        return nodes

    def annotate(self, strategy: Strategy) -> None:
        for n, node in self.ops:
            a = strategy.assignments[node]
            annotations.set_sharding(n.op, [n.spec.operand_layout(k, a) for k in range(len(n.spec.operands))],
                                     [n.spec.result_layout(k, a) for k in range(len(n.spec.results))])
        annotations.set_arg_layouts(self.func, [self._layout(strategy, node) for node in self.args])
        annotations.set_result_layouts(self.func, [self._layout(strategy, node) for node in self.results])

    def _layout(self, strategy: Strategy, node: int):
        return self.graph.nodes[node].spec.result_layout(0, strategy.assignments[node])

    def print(self, strategy: Strategy, grid: Grid, algorithm: str) -> None:
        """Each op's split and predicted time (its compute plus the redistribution of its operands),
        then the step's totals, on stderr: the option asks for it, as mlir-opt's printing flags do."""
        name = ir.StringAttr(self.func.attributes["sym_name"]).value
        lines = [f"mind-auto-parallel: @{name} on a {grid} grid ({algorithm}):"]
        for n, node in self.ops:
            d = diag.at(n.op.location, "")
            where = f"{d.file}:{d.line}:{d.col}" if d.file is not None else "unknown location"
            lines.append(f"  {where}: '{n.op.name}' {strategy.assignments[node]}: "
                         f"{_seconds(strategy.node_time[node])}")
        lines.append(f"  step: {_seconds(strategy.time)} (compute {_seconds(strategy.compute)}, "
                     f"communication {_seconds(strategy.communication)}), "
                     f"memory {strategy.memory:.0f} bytes per device")
        sys.stderr.write("\n".join(lines) + "\n")


def _seconds(t: float) -> str:
    return f"{t * 1e6:.3f} us"
