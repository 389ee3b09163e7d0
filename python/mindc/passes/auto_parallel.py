"""mind-auto-parallel: choose how every mind op is split over a device grid, by a cost-model search.

MindSpore's auto_parallel with search_mode dynamic_programming or recursive_programming. Each
function of mind ops (a training step after mind-autodiff and inlining: forward, backward and the
optimizer's updates of parameters passed as arguments) becomes a search graph (sharding/search.py):
its ops with their candidate splits, its arguments and results with their layouts, its values
as edges. The search picks the strategy of least predicted step time under the cost model
(sharding/cost.py, rates of this machine) within the memory limit, and the pass writes it down
the way mind-spmd-partition reads it (the lead's conventions, shared with mind-sharding-propagation):

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
from mindc.passes.base import Pass, checked_op, dataclass_pass
from mindc.passes.c_interface import UPDATES
from mindc.rules.base import RuleError, Sig, signature_of
from mindc.sharding.cost import CPU, parse_bytes
from mindc.sharding.layout import Grid, ShardingError
from mindc.sharding.search import ALGORITHMS, Graph, Strategy, search
from mindc.sharding.spec import NotShardable

GRID, SHARDING, LAYOUT = "mind.grid", "mind.sharding", "mind.layout"


class LocatedError(Exception):
    """A reason the pass cannot go on, with the op it is about."""

    def __init__(self, op: ir.Operation, message: str):
        super().__init__(message)
        self.op = op


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
            grid, limit = self._grid(module_op), parse_bytes(self.memory_limit) if self.memory_limit else None
            if self.algorithm not in ALGORITHMS:
                raise ValueError(f"unknown algorithm '{self.algorithm}'; expected one of {', '.join(ALGORITHMS)}")
        except (ShardingError, ValueError) as e:
            diag.error(module_op, f"{self.argument}: {e}")
            return pass_.signal_pass_failure()
        module_op.attributes[GRID] = ir.DenseI64ArrayAttr.get(list(grid.shape))
        try:
            for func in _functions(module_op):
                step = StepGraph(func)
                try:
                    strategy = search(step.graph, grid, CPU, self.algorithm, limit)
                except ShardingError as e:
                    raise LocatedError(func, str(e)) from None
                step.annotate(strategy, grid)
                if self.print_strategy:
                    step.print(strategy, grid, self.algorithm)
        except LocatedError as e:
            diag.error(e.op, str(e))
            pass_.signal_pass_failure()

    def _grid(self, module_op: ir.Operation) -> Grid:
        if self.grid:
            return Grid(self.grid)
        if GRID not in module_op.attributes:
            raise ShardingError(f"needs a device grid: the grid option or the module's '{GRID}'")
        try:
            return Grid(tuple(ir.DenseI64ArrayAttr(module_op.attributes[GRID])))
        except ValueError:
            raise ShardingError(f"'{GRID}' must be an array<i64: ...> of grid axis sizes, "
                                f"found {module_op.attributes[GRID]}") from None


def _functions(module_op: ir.Operation) -> list[ir.Operation]:
    """The module's function definitions that hold mind ops."""
    return [op.operation for op in module_op.regions[0].blocks[0].operations
            if op.operation.name == "func.func" and op.regions[0].blocks
            and any(o.operation.name.startswith("mind.") for o in op.regions[0].blocks[0].operations)]


class StepGraph:
    """A straight-line function as a search graph: a node per argument, mind op and result."""

    def __init__(self, func: ir.Operation):
        self.func, self.graph = func, Graph()
        block = func.regions[0].blocks[0]
        self.producer: dict[ir.Value, tuple[int, int]] = {}
        self.args = [self._argument(i, a) for i, a in enumerate(block.arguments)]
        self.ops: list[tuple[ir.Operation, int]] = []
        for op in block.operations:
            op = op.operation
            if op.name == "func.return":
                self.results = self._returns(op)
            elif op.name.startswith("mind."):
                self.ops.append((op, self._op(op)))
            else:
                _reject_foreign(op)

    def _argument(self, i: int, value: ir.Value) -> int:
        try:
            node = self.graph.add_argument(f"argument {i}", Sig.of(value))
        except RuleError as e:
            raise LocatedError(self.func, f"argument {i} cannot be laid out on a grid: {e}") from None
        self.producer[value] = (node, 0)
        return node

    def _op(self, op: ir.Operation) -> int:
        try:
            rule, attrs, outs = checked_op(op)
            ins = [signature_of(v) for v in op.operands]
            if rule.sharding is None or isinstance(rule.sharding, NotShardable):
                reason = rule.sharding.reason if rule.sharding else "its rule has no sharding"
                raise ShardingError(f"cannot be partitioned: {reason}")
            spec = rule.sharding(attrs, ins, outs)
            node = self.graph.add_op(f"'{op.name}'", spec, ins, outs, rule.flops(attrs, ins, outs))
        except (RuleError, ShardingError) as e:
            raise LocatedError(op, str(e)) from None
        for k, v in enumerate(op.operands):
            self.graph.connect(*self.producer[v], node, k)
        for r, v in enumerate(op.results):
            self.producer[v] = (node, r)
        return node

    def _returns(self, op: ir.Operation) -> list[int]:
        """A node per result: the argument it updates, or a result node of its own."""
        updates = _result_entries(self.func, UPDATES)
        nodes = []
        for i, v in enumerate(op.operands):
            src, result = self.producer[v]
            if updates[i] is not None:
                target = self.args[ir.IntegerAttr(updates[i]).value]
                if src != target:
                    self.graph.tie(src, result, target)
                    # Written into the argument's buffer (mind-update-in-place): no memory of its own.
                    node = self.graph.nodes[src]
                    node.resident = tuple(r and k != result for k, r in enumerate(node.resident))
                nodes.append(target)
            else:
                nodes.append(self.graph.add_result(f"result {i}", Sig.of(v)))
                self.graph.connect(src, result, nodes[-1], 0)
        return nodes

    def annotate(self, strategy: Strategy, grid: Grid) -> None:
        for op, node in self.ops:
            spec, a = self.graph.nodes[node].spec, strategy.assignments[node]
            ins = ", ".join(str(spec.operand_layout(k, a)) for k in range(len(spec.operands)))
            outs = ", ".join(str(spec.result_layout(k, a)) for k in range(len(spec.results)))
            op.attributes[SHARDING] = ir.StringAttr.get(f"({ins}) -> ({outs})")
        _set_entries(self.func, "arg_attrs", [self._layout(strategy, n) for n in self.args])
        _set_entries(self.func, "res_attrs", [self._layout(strategy, n) for n in self.results])

    def _layout(self, strategy: Strategy, node: int) -> str:
        return str(self.graph.nodes[node].spec.result_layout(0, strategy.assignments[node]))

    def print(self, strategy: Strategy, grid: Grid, algorithm: str) -> None:
        """Each op's split and predicted time (its compute plus the redistribution of its operands),
        then the step's totals, on stderr: the option asks for it, as mlir-opt's printing flags do."""
        name = ir.StringAttr(self.func.attributes["sym_name"]).value
        lines = [f"mind-auto-parallel: @{name} on a {grid} grid ({algorithm}):"]
        for op, node in self.ops:
            d = diag.at(op.location, "")
            where = f"{d.file}:{d.line}:{d.col}" if d.file is not None else "unknown location"
            lines.append(f"  {where}: '{op.name}' {strategy.assignments[node]}: "
                         f"{_seconds(strategy.node_time[node])}")
        lines.append(f"  step: {_seconds(strategy.time)} (compute {_seconds(strategy.compute)}, "
                     f"communication {_seconds(strategy.communication)}), memory {strategy.memory:.0f} bytes per device")
        sys.stderr.write("\n".join(lines) + "\n")


def _seconds(t: float) -> str:
    return f"{t * 1e6:.3f} us"


def _reject_foreign(op: ir.Operation) -> None:
    tensors = [v for v in (*op.operands, *op.results) if isinstance(v.type, ir.RankedTensorType)]
    nested = op.regions and any(b.operations for r in op.regions for b in r.blocks)
    if tensors or nested:
        raise LocatedError(op, "is not partitioned: mind-auto-parallel takes straight-line functions of mind "
                               "ops (run mind-autodiff and inline first; control flow is not partitioned)")


def _result_entries(func: ir.Operation, name: str) -> list[ir.Attribute | None]:
    count = len(ir.FunctionType(ir.TypeAttr(func.attributes["function_type"]).value).results)
    if "res_attrs" not in func.attributes:
        return [None] * count
    entries = [ir.DictAttr(a) for a in ir.ArrayAttr(func.attributes["res_attrs"])]
    return [e[name] if name in e else None for e in entries]


def _set_entries(func: ir.Operation, key: str, layouts: list[str]) -> None:
    """Set mind.layout in each argument's or result's attribute dictionary, keeping the rest."""
    old = list(ir.ArrayAttr(func.attributes[key])) if key in func.attributes else [ir.DictAttr.get({})] * len(layouts)
    entries = []
    for attr, layout in zip(old, layouts):
        entry = ir.DictAttr(attr)
        items = {entry[k].name: entry[k].attr for k in range(len(entry))}
        items[LAYOUT] = ir.StringAttr.get(layout)
        entries.append(ir.DictAttr.get(items))
    func.attributes[key] = ir.ArrayAttr.get(entries)
