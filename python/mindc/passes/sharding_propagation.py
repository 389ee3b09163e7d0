"""mind-sharding-propagation: from the strategies set on a few ops to a layout for every value.

MindSpore's sharding_propagation: ops whose strategy the user set (`mind.strategy`, MindSpore's
tuples, or `mind.sharding`, layouts by hand) and arguments with a `mind.layout` are fixed. From
them, breadth first along the data flow, every other op takes the split (of all its candidate
splits on the grid) that needs the least redistribution against its neighbours already decided;
ties go to the split with the least local compute, then to the first candidate. Ops no strategy
reaches stay replicated. Arguments take the layout their first user wants; results keep their
value's layout, partial results combined, except new values of arguments (`mind.updates`), which
take their argument's layout.

Writes `mind.grid` on the module, `mind.sharding` on every mind op and `mind.layout` on every
argument and result, for mind-spmd-partition.
"""
from __future__ import annotations

import collections
import math
from typing import ClassVar

from mlir import ir

from mindc import diag
from mindc.passes.base import Pass, dataclass_pass
from mindc.rules.base import Sig, numpy_dtype
from mindc.sharding import annotations
from mindc.sharding.graph import LocatedError, Node, functions, located, module_grid, nodes_of
from mindc.sharding.layout import Grid, Layout
from mindc.sharding.redistribute import bytes_moved, plan
from mindc.sharding.spec import Assignment


@dataclass_pass
class ShardingPropagation(Pass):
    """Spread the strategies set on some ops to every op, choosing the least redistribution."""

    argument: ClassVar[str] = "mind-sharding-propagation"
    # The device grid (e.g. 2,2); empty: the module's mind.grid.
    grid: tuple[int, ...] = ()

    def run(self, module_op, pass_) -> None:
        try:
            grid = module_grid(module_op, self.grid)
            if grid is None:
                raise LocatedError(module_op, f"needs a device grid: set the module's '{annotations.GRID}' or the "
                                              f"grid option")
            annotations.set_grid(module_op, grid)
            for func in functions(module_op):
                Propagation(func, grid).run()
        except LocatedError as e:
            diag.error(e.op, str(e))
            pass_.signal_pass_failure()


def communication_bytes(src: Layout, dst: Layout, sig: Sig, grid: Grid) -> float:
    """Bytes each device sends to turn a value of layout src into dst."""
    itemsize = numpy_dtype(sig.dtype).itemsize
    return sum(bytes_moved(step, grid, itemsize) for step in plan(src, dst, sig.shape, grid))


class Propagation:
    def __init__(self, func: ir.Operation, grid: Grid):
        self.func, self.grid = func, grid
        self.nodes = nodes_of(func)
        # Keyed by values and node indices: an Operation's hash changes when the op does.
        self.producer = {r: i for i, node in enumerate(self.nodes) for r in node.op.results}
        self.decided: dict[int, Assignment] = {}
        self.args = func.regions[0].blocks[0].arguments
        self.arg_layouts: dict[int, Layout] = {}
        for i, arg in enumerate(self.args):
            layout = located(func, lambda: annotations.given_arg_layout(func, i, grid))
            if layout is not None:
                located(func, lambda: layout.check(grid, Sig.of(arg).shape, f"argument {i}"))
                self.arg_layouts[i] = layout

    def run(self) -> None:
        queue = collections.deque()
        for i, node in enumerate(self.nodes):
            fixed = located(node.op, lambda: self._fixed(node))
            if fixed is not None:
                self.decided[i] = fixed
                queue.append(i)
        for i, node in enumerate(self.nodes):
            if any(self._arg_index(v) in self.arg_layouts for v in node.op.operands) and i not in self.decided:
                queue.append(i)
        queued = set(queue)
        while queue:
            i = queue.popleft()
            if i not in self.decided:
                self.decided[i] = self._best(self.nodes[i])
            self._adopt_arguments(i)
            for n in self._neighbours(self.nodes[i]):
                if n not in self.decided and n not in queued:
                    queue.append(n)
                    queued.add(n)
        for i in range(len(self.nodes)):
            self.decided.setdefault(i, Assignment())
            self._adopt_arguments(i)
        self._write()

    def _fixed(self, node: Node) -> Assignment | None:
        layouts = annotations.sharding_of(node.op)
        if layouts is not None:
            return node.spec.assignment_of(*layouts, self.grid)
        strategy = annotations.strategy_of(node.op)
        if strategy is None:
            return None
        prefer = {}
        for i, value in enumerate(node.op.operands):
            known = self._layout_of(value)
            if known is not None:
                for dim, axes in zip(node.spec.operands[i], known.dims):
                    if len(dim) == 1 and axes:
                        prefer.setdefault(dim[0], axes)
        return node.spec.from_strategy(strategy, self.grid, prefer)

    def _arg_index(self, value: ir.Value) -> int | None:
        return ir.BlockArgument(value).arg_number if isinstance(value, ir.BlockArgument) else None

    def _layout_of(self, value: ir.Value) -> Layout | None:
        if isinstance(value, ir.BlockArgument):
            return self.arg_layouts.get(ir.BlockArgument(value).arg_number)
        producer = self.producer.get(value)
        if producer in self.decided:
            return self.nodes[producer].spec.result_layout(ir.OpResult(value).result_number, self.decided[producer])
        return None

    def _node_using(self, use) -> int | None:
        results = use.owner.results
        return self.producer.get(results[0]) if len(results) else None

    def _neighbours(self, node: Node) -> list[int]:
        found = [self.producer[v] for v in node.op.operands if v in self.producer]
        # Users of its results, and of its arguments: an argument takes the layout its first
        # user wants, and its other users follow.
        args = [v for v in node.op.operands if isinstance(v, ir.BlockArgument)]
        found += [self._node_using(use) for v in [*node.op.results, *args] for use in v.uses]
        return [n for n in found if n is not None]

    def _best(self, node: Node) -> Assignment:
        def cost(candidate: Assignment):
            moved = 0.0
            for i, value in enumerate(node.op.operands):
                known = self._layout_of(value)
                if known is not None:
                    moved += communication_bytes(known, node.spec.operand_layout(i, candidate), node.ins[i], self.grid)
            for j, result in enumerate(node.op.results):
                have = node.spec.result_layout(j, candidate)
                for use in result.uses:
                    user = self._node_using(use)
                    if user in self.decided:
                        want = self.nodes[user].spec.operand_layout(use.operand_number, self.decided[user])
                        moved += communication_bytes(have, want, node.outs[j], self.grid)
                    elif use.owner.name == "func.return":
                        want = self._result_layout(use.operand_number, have)
                        moved += communication_bytes(have, want, node.outs[j], self.grid)
            splits = node.spec.splits(candidate, self.grid)
            return moved, node.rule.flops(node.attrs, node.ins, node.outs) / math.prod(splits.values())

        # Ties go to the first candidate.
        return min(enumerate(node.spec.candidates(self.grid)), key=lambda ic: (*cost(ic[1]), ic[0]))[1]

    def _adopt_arguments(self, i: int) -> None:
        """Arguments without a layout take the one their first decided user wants."""
        node = self.nodes[i]
        for k, value in enumerate(node.op.operands):
            index = self._arg_index(value)
            if index is not None and index not in self.arg_layouts:
                self.arg_layouts[index] = node.spec.operand_layout(k, self.decided[i])

    def _result_layout(self, i: int, have: Layout) -> Layout:
        """The layout the function returns its result i in, for a value of layout `have`: the
        one given, the argument's for a new value of an argument (a Parameter's, written into
        the argument's own buffer on each device), else `have` with partial results combined."""
        given = annotations.result_layout(self.func, i)
        if given is not None:
            return given
        updated = annotations.updated_argument(self.func, i)
        if updated is not None and updated in self.arg_layouts:
            return self.arg_layouts[updated]
        return _combined(have)

    def _write(self) -> None:
        block = self.func.regions[0].blocks[0]
        ret = block.operations[len(block.operations) - 1]
        results = [self._result_layout(i, self._layout_of(v) or Layout.replicated(Sig.of(v).rank))
                   for i, v in enumerate(ret.operands)]
        for i, node in enumerate(self.nodes):
            a = self.decided[i]
            annotations.set_sharding(node.op, [node.spec.operand_layout(k, a) for k in range(len(node.ins))],
                                     [node.spec.result_layout(j, a) for j in range(len(node.outs))])
        annotations.set_arg_layouts(self.func, [self.arg_layouts.get(i) or Layout.replicated(Sig.of(a).rank)
                                                for i, a in enumerate(self.args)])
        annotations.set_result_layouts(self.func, results)


def _combined(layout: Layout) -> Layout:
    """The layout once partial results are combined."""
    return Layout(layout.dims)
