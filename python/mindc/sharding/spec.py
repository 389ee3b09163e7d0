"""Sharding rules in factor notation: what splitting an op over a device grid means.

An op's iteration space is a set of named factors (matmul: m, n, k), each a loop whose range is
a tensor dimension, or a piece of one. A rule says which factors make up each dimension of each
operand and result, in einsum notation: `"mk,kn->mn"`. Then one choice of grid axes per factor
(an assignment) fixes everything at once: the layout each operand must have, the layout of each
result, and the local shapes. What a factor's kind implies:

- parallel: in results (and usually operands); splitting it splits the work and the results.
- reduction (lowercase, in operands only): splitting it leaves partial results over its axes,
  combined by the rule's `reduce` (matmul's k: partial sums, then an all-reduce).
- whole (uppercase): the op needs the whole range (softmax's axis, a convolution's window).

Notation: one token per dimension: a letter; `1` for a dimension with no factor (a broadcast
dimension of size 1, or any dimension that is never split); `(ab)` for a dimension that is
factors a and b merged, a major (reshape). This is Shardy's OpShardingRule, spelled as einsum.
"""
from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from typing import Iterator, Mapping, Sequence

from mindc.sharding.layout import Grid, Layout, ShardingError

PARALLEL, REDUCTION, WHOLE = "parallel", "reduction", "whole"


@dataclass(frozen=True)
class Factor:
    name: str
    size: int
    kind: str


Dims = tuple[tuple[str, ...], ...]  # per dimension of a tensor, its factors, major first


@dataclass(frozen=True)
class NotShardable:
    """A rule's `sharding` when the op has no per-device form: derivative ops (run mind-autodiff
    first) and collectives (already per-device). `reason` says why."""

    reason: str


@dataclass(frozen=True)
class Assignment:
    """The grid axes of each split factor (major first); factors not listed are not split."""

    axes: tuple[tuple[str, tuple[int, ...]], ...] = ()

    @staticmethod
    def of(mapping: Mapping[str, Sequence[int]]) -> "Assignment":
        return Assignment(tuple(sorted((f, tuple(a)) for f, a in mapping.items() if a)))

    def __getitem__(self, factor: str) -> tuple[int, ...]:
        return dict(self.axes).get(factor, ())

    def __str__(self) -> str:
        return " ".join(f"{f}={{{', '.join(map(str, a))}}}" for f, a in self.axes) or "replicated"


@dataclass(frozen=True)
class ShardingSpec:
    factors: tuple[Factor, ...]
    operands: tuple[Dims, ...]
    results: tuple[Dims, ...]
    reduce: str = "sum"

    def factor(self, name: str) -> Factor:
        return next(f for f in self.factors if f.name == name)

    def splittable(self) -> list[Factor]:
        return [f for f in self.factors if f.kind != WHOLE and f.size > 1]

    def operand_layout(self, i: int, assignment: Assignment) -> Layout:
        return Layout(tuple(_dim_axes(dim, assignment) for dim in self.operands[i]))

    def result_layout(self, i: int, assignment: Assignment) -> Layout:
        partial = [a for f in self.factors if f.kind == REDUCTION for a in assignment[f.name]]
        return Layout(tuple(_dim_axes(dim, assignment) for dim in self.results[i]), tuple(partial), self.reduce)

    def splits(self, assignment: Assignment, grid: Grid) -> dict[str, int]:
        """Pieces each factor is cut into (1 for factors not split)."""
        return {f.name: grid.devices(assignment[f.name]) for f in self.factors}

    def check(self, assignment: Assignment, grid: Grid) -> None:
        """ShardingError unless the assignment is valid on the grid: known factors, splittable,
        each split dividing its factor, no grid axis used twice, merged dims contiguous."""
        used = [a for _, axes in assignment.axes for a in axes]
        grid.check_axes(used, f"the split {assignment}")
        names = {f.name for f in self.factors}
        for name, axes in assignment.axes:
            if name not in names:
                raise ShardingError(f"no factor '{name}' in this op (factors: {', '.join(sorted(names))})")
            f = self.factor(name)
            if f.kind == WHOLE:
                raise ShardingError(f"{self._where(name)} cannot be split: the op needs it whole")
            pieces = grid.devices(axes)
            if f.size % pieces:
                over = " and ".join(f"grid axis {a} ({grid.shape[a]} devices)" for a in axes)
                raise ShardingError(f"{self._where(name)} (size {f.size}) does not divide over {over}")
        for dims in (*self.operands, *self.results):
            for dim in dims:
                for major, minor in zip(dim, dim[1:]):
                    if assignment[minor] and grid.devices(assignment[major]) != self.factor(major).size:
                        raise ShardingError(f"factor {minor} is split but {major}, the major part of the same "
                                            f"dimension, is not split whole: the pieces would not be contiguous")

    def _where(self, factor: str) -> str:
        """Where a factor appears, for messages: 'dimension 1 of operand 0'."""
        for kind, tensors in (("operand", self.operands), ("result", self.results)):
            for i, dims in enumerate(tensors):
                for d, dim in enumerate(dims):
                    if factor in dim:
                        return f"dimension {d} of {kind} {i}"
        return f"factor {factor}"

    def candidates(self, grid: Grid) -> Iterator[Assignment]:
        """Every valid assignment: each grid axis splits one splittable factor or none."""
        options = [None, *(f.name for f in self.splittable())]
        for choice in itertools.product(options, repeat=grid.rank):
            mapping: dict[str, list[int]] = {}
            for axis, name in enumerate(choice):
                if name is not None:
                    mapping.setdefault(name, []).append(axis)
            assignment = Assignment.of(mapping)
            try:
                self.check(assignment, grid)
            except ShardingError:
                continue
            yield assignment

    def assignment_of(self, operands: Sequence[Layout], results: Sequence[Layout], grid: Grid) -> Assignment:
        """The assignment under which the op has exactly these operand and result layouts;
        ShardingError naming the first disagreement if there is none."""
        mapping: dict[str, tuple[int, ...]] = {}
        for kind, dims_list, layouts in (("operand", self.operands, operands), ("result", self.results, results)):
            if len(layouts) != len(dims_list):
                raise ShardingError(f"expected {len(dims_list)} {kind} layouts, found {len(layouts)}")
            for i, (dims, layout) in enumerate(zip(dims_list, layouts)):
                if layout.rank != len(dims):
                    raise ShardingError(f"layout {layout} of {kind} {i} has {layout.rank} dimensions, "
                                        f"the {kind} has {len(dims)}")
                grid.check_axes(layout.axes, f"layout {layout} of {kind} {i}")
                if kind == "operand" and layout.partial:
                    raise ShardingError(f"operand {i} has partial results ({layout}); combine them first")
                for d, (dim, axes) in enumerate(zip(dims, layout.dims)):
                    for name, part in self._split_axes(dim, axes, grid, f"dimension {d} of {kind} {i}"):
                        # Results only add factors no operand has: a result that disagrees
                        # with the operands is reported whole below.
                        if kind == "result" or mapping.setdefault(name, part) == part:
                            mapping.setdefault(name, part)
                            continue
                        raise ShardingError(f"dimension {d} of operand {i} splits factor {name} over "
                                            f"{_axes_text(part)}, elsewhere it is split over {_axes_text(mapping[name])}")
        assignment = Assignment.of(mapping)
        self.check(assignment, grid)
        for i, layout in enumerate(results):
            if layout != self.result_layout(i, assignment):
                raise ShardingError(f"result {i} has layout {layout}, but the operands' splits give "
                                    f"{self.result_layout(i, assignment)}")
        return assignment

    def _split_axes(self, dim: tuple[str, ...], axes: tuple[int, ...], grid: Grid, where: str):
        """Share a dimension's axes among its factors, major factor first: each takes axes until
        it is cut into as many pieces as its size allows to stay contiguous."""
        if not dim:
            if axes:
                raise ShardingError(f"{where} cannot be split (found {_axes_text(axes)})")
            return []
        parts, rest = [], list(axes)
        for name in dim[:-1]:
            taken = []
            while rest and grid.devices(taken) < self.factor(name).size:
                taken.append(rest.pop(0))
            parts.append((name, tuple(taken)))
        parts.append((dim[-1], tuple(rest)))
        return parts

    def from_strategy(self, strategy: Sequence[Sequence[int]], grid: Grid,
                      prefer: Mapping[str, tuple[int, ...]] | None = None) -> Assignment:
        """The assignment for a MindSpore strategy (pieces per dimension of each operand,
        ((2, 1), (1, 4))), choosing grid axes whose sizes multiply to each split; `prefer` gives
        axes to take when they fit (the layouts operands already have)."""
        if len(strategy) != len(self.operands):
            raise ShardingError(f"the strategy has {len(strategy)} entries, the op has {len(self.operands)} operands")
        splits: dict[str, int] = {}
        for i, (dims, pieces) in enumerate(zip(self.operands, strategy)):
            if len(pieces) != len(dims):
                raise ShardingError(f"the strategy for operand {i} has {len(pieces)} dimensions, the operand has {len(dims)}")
            for d, (dim, n) in enumerate(zip(dims, pieces)):
                if n < 1:
                    raise ShardingError(f"the strategy splits dimension {d} of operand {i} into {n} pieces")
                if not dim:
                    if n > 1:
                        raise ShardingError(f"dimension {d} of operand {i} cannot be split (the strategy asks for {n})")
                    continue
                # Unsplit dims count too: ((2, 2), (1, 1)) for matmul cuts k in x but not in y.
                name = dim[0]
                if splits.setdefault(name, n) != n:
                    raise ShardingError(f"the strategy splits dimension {d} of operand {i} into {n} pieces, but "
                                        f"{self._where(name)} into {splits[name]}: they are the same loop")
        mapping: dict[str, tuple[int, ...]] = {}
        free = list(range(grid.rank))
        for name, n in ((name, n) for name, n in splits.items() if n > 1):
            axes = _axes_for(n, free, grid, (prefer or {}).get(name, ()))
            if axes is None:
                raise ShardingError(f"{self._where(name)}: no set of free grid axes of the {grid} grid "
                                    f"has {n} devices")
            mapping[name] = axes
            free = [a for a in free if a not in axes]
        assignment = Assignment.of(mapping)
        self.check(assignment, grid)
        return assignment


def _axes_for(pieces: int, free: list[int], grid: Grid, preferred: tuple[int, ...]) -> tuple[int, ...] | None:
    if preferred and all(a in free for a in preferred) and grid.devices(preferred) == pieces:
        return preferred
    for count in range(1, len(free) + 1):
        for axes in itertools.combinations(free, count):
            if grid.devices(axes) == pieces:
                return axes
    return None


def value_spec(sig, operands: int, results: int) -> ShardingSpec:
    """The spec of a value passed along whole (a function's argument or result, a layout
    annotation): one parallel factor per dimension, named d0, d1, ..., in each of its operands
    and results."""
    dims = tuple((f"d{i}",) for i in range(len(sig.shape)))
    factors = tuple(Factor(f"d{i}", n, PARALLEL) for i, n in enumerate(sig.shape))
    return ShardingSpec(factors, (dims,) * operands, (dims,) * results)


def is_pieces(value) -> bool:
    """Whether value is the pieces of one tensor in a MindSpore strategy: a tuple of positive ints."""
    return isinstance(value, tuple) and all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in value)


def _dim_axes(dim: tuple[str, ...], assignment: Assignment) -> tuple[int, ...]:
    return tuple(a for name in dim for a in assignment[name])


def _axes_text(axes: Sequence[int]) -> str:
    return "grid axes {" + ", ".join(map(str, axes)) + "}" if axes else "no grid axis"


_TOKEN = re.compile(r"\(([A-Za-z]+)\)|([A-Za-z1])")


def einsum(notation: str, ins: Sequence, outs: Sequence, reduce: str = "sum",
           sizes: Mapping[str, int] | None = None) -> ShardingSpec:
    """A ShardingSpec from einsum notation and the op's operand and result Sigs (their shapes
    give the factors' sizes; `sizes` names any a merged dimension leaves ambiguous)."""
    lhs, arrow, rhs = notation.replace(" ", "").partition("->")
    if not arrow:
        raise ValueError(f"sharding notation '{notation}' has no '->'")
    operands, results = _tensors(lhs, len(ins)), _tensors(rhs, len(outs))
    known = dict(sizes or {})
    shapes = [s.shape for s in (*ins, *outs)]
    for dims, shape in zip((*operands, *results), shapes):
        if len(dims) != len(shape):
            raise ValueError(f"sharding notation '{notation}': {len(dims)} dimensions for a tensor of shape {list(shape)}")
        for dim, n in zip(dims, shape):
            if len(dim) == 1 and known.setdefault(dim[0], n) != n:
                raise ValueError(f"sharding notation '{notation}': factor {dim[0]} is {known[dim[0]]} and {n}")
    for dims, shape in zip((*operands, *results), shapes):
        for dim, n in zip(dims, shape):
            unknown = [f for f in dim if f not in known]
            if len(unknown) == 1:
                known[unknown[0]] = n // math.prod(known[f] for f in dim if f in known)
    in_results = {f for dims in results for dim in dims for f in dim}
    order = dict.fromkeys(f for dims in (*operands, *results) for dim in dims for f in dim)
    factors = tuple(Factor(f, known[f], WHOLE if f.isupper() else PARALLEL if f in in_results else REDUCTION)
                    for f in order)
    return ShardingSpec(factors, operands, results, reduce)


def _tensors(text: str, count: int) -> tuple[Dims, ...]:
    # A tensor of rank 0 is an empty entry: "ab->" is a reduction to a scalar.
    parts = text.split(",") if text or count else []
    if len(parts) != count:
        raise ValueError(f"sharding notation '{text}' names {len(parts)} tensors, the op has {count}")
    tensors = []
    for part in parts:
        tokens = _TOKEN.findall(part)
        if "".join(g or f"{t}" for g, t in tokens) != part.replace("(", "").replace(")", ""):
            raise ValueError(f"sharding notation '{part}': use letters, 1, and (ab) groups")
        tensors.append(tuple(tuple(group) if group else (() if t == "1" else (t,)) for group, t in tokens))
    return tuple(tensors)
