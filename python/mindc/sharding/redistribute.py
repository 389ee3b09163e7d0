"""Redistribution: the collectives that turn a value of one layout into the same value in another.

One grid axis at a time, in three phases, so every step is a single collective:
1. pending partial results the target does not keep are combined: a reduce-scatter where the
   target splits a dimension over that axis next, an all-reduce otherwise;
2. split axes the target does not keep where they are (minor first) are taken off their
   dimension: moved straight to the dimension that wants them next by an all-to-all, or
   gathered by an all-gather;
3. split axes the target adds are taken locally: each device keeps its piece (no communication).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

from mindc.sharding.layout import Grid, Layout, ShardingError


@dataclass(frozen=True)
class Step:
    """One collective: the mind op, its attributes (without `grid`), and the local shapes."""

    op: str
    attrs: dict = field(compare=False)
    local_in: tuple[int, ...]
    local_out: tuple[int, ...]

    @property
    def axes(self) -> tuple[int, ...]:
        return tuple(self.attrs["axes"])


def plan(src: Layout, dst: Layout, shape: Sequence[int], grid: Grid) -> list[Step]:
    """The steps from src to dst for a tensor of global `shape`; [] when they are equal."""
    if src.rank != dst.rank or src.rank != len(shape):
        raise ShardingError(f"cannot redistribute {src} to {dst}: different ranks")
    if set(dst.partial) - set(src.partial) or (dst.partial and dst.reduce != src.reduce):
        raise ShardingError(f"cannot redistribute {src} to {dst}: partial results cannot be made")
    dims = [list(d) for d in src.dims]
    steps: list[Step] = []

    def emit(op: str, new_dims, **attrs):
        local_in = Layout(tuple(dims)).local_shape(shape, grid)
        dims[:] = [list(d) for d in new_dims]
        steps.append(Step(op, attrs, local_in, Layout(tuple(dims)).local_shape(shape, grid)))

    reduced = [a for a in src.partial if a not in dst.partial]
    for a in list(reduced):
        d = _wants_next(dst, dims, a)
        if d is not None:
            emit("mind.reduce_scatter", _appended(dims, d, a), dim=d, reduce=src.reduce, axes=[a])
            reduced.remove(a)
    if reduced:
        emit("mind.all_reduce", dims, reduce=src.reduce, axes=reduced)
    for d in range(len(dims)):
        keep = _common_prefix(dims[d], dst.dims[d])
        gathered: list[int] = []  # axes taken off dims[d] and not yet gathered, minor first

        def gather():
            emit("mind.all_gather", [x[:len(x) - len(gathered)] if i == d else x for i, x in enumerate(dims)],
                 dim=d, axes=gathered[::-1])
            gathered.clear()

        while len(dims[d]) - len(gathered) > keep:
            a = dims[d][len(dims[d]) - len(gathered) - 1]
            removed = [x[:len(x) - len(gathered) - 1] if i == d else list(x) for i, x in enumerate(dims)]
            to = _wants_next(dst, removed, a)
            if to is not None and to != d:
                if gathered:
                    gather()
                    removed = [list(x) for x in dims]
                    removed[d].pop()
                emit("mind.all_to_all", _appended(removed, to, a), split_dim=to, concat_dim=d, axes=[a])
            else:
                gathered.append(a)
        if gathered:
            gather()
    for d in range(len(dims)):
        added = list(dst.dims[d][len(dims[d]):])
        if added:
            emit("mind.shard_slice", [x + added if i == d else x for i, x in enumerate(dims)], dim=d, axes=added)
    return steps


def _wants_next(dst: Layout, dims: list[list[int]], axis: int) -> int | None:
    """The dimension dst splits over `axis` right after the axes it already has, if any."""
    for d, (have, want) in enumerate(zip(dims, dst.dims)):
        if len(want) > len(have) and list(want[:len(have)]) == have and want[len(have)] == axis:
            return d
    return None


def _appended(dims: list[list[int]], d: int, axis: int) -> list[list[int]]:
    return [x + [axis] if i == d else list(x) for i, x in enumerate(dims)]


def _common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def bytes_moved(step: Step, grid: Grid, itemsize: int) -> float:
    """Bytes each device sends in the step, for a ring or pairwise algorithm (what MPICH uses
    for large messages): the cost model's communication volume."""
    n = grid.devices(step.axes)
    size_in = math.prod(step.local_in) * itemsize
    if step.op == "mind.all_reduce":
        return 2 * (n - 1) / n * size_in
    if step.op in ("mind.all_gather",):
        return (n - 1) * size_in
    if step.op in ("mind.reduce_scatter", "mind.all_to_all"):
        return (n - 1) / n * size_in
    return 0.0
