"""Calling a partitioned function (mind-spmd-partition) with whole tensors on every rank.

Each rank passes the arguments' pieces its grid coordinates select (by each argument's
`mind.layout`; a batch each rank loaded for itself is its piece already), gets its pieces of the results, and assembles them whole from every rank's
pieces (an MPI all-gather). Arguments the function updates in place (Parameters, `mind.updates`)
are assembled back into the caller's arrays the same way, so every rank holds whole Parameters
between steps and a checkpoint is the same on every rank and on one process.
"""
from __future__ import annotations

import hashlib
from typing import Callable, Sequence

import numpy as np
from mlir import ir

from mindc.rules.base import Sig
from mindc.runtime import mpi
from mindc.sharding import annotations
from mindc.sharding.layout import Grid, Layout, ShardingError


def piece(shape: Sequence[int], layout: Layout, grid: Grid, rank: int) -> tuple[slice, ...]:
    """The index of the piece of a tensor of `shape` that `rank` holds under `layout`."""
    coords = grid.coordinates(rank)
    index = []
    for size, axes in zip(shape, layout.dims):
        position = 0
        for a in axes:
            position = position * grid.shape[a] + coords[a]
        step = size // grid.devices(axes)
        index.append(slice(position * step, (position + 1) * step))
    return tuple(index)


def assemble(local: np.ndarray, shape: Sequence[int], layout: Layout, grid: Grid, out: np.ndarray | None = None):
    """The whole tensor from every rank's `local` piece (collective: every rank calls it)."""
    if layout.is_replicated:
        if out is None:
            return local
        out[...] = local
        return out
    pieces = mpi.initialize().COMM_WORLD.allgather(np.ascontiguousarray(local))
    out = np.empty(shape, local.dtype) if out is None else out
    for rank, p in enumerate(pieces):
        out[piece(shape, layout, grid, rank)] = p
    return out


def _check_same_everywhere(func: ir.Operation, rank: int) -> None:
    """ShardingError on every rank unless every rank partitioned the function alike (layouts and
    collectives included): ranks that disagree would exchange mismatched pieces, or wait forever."""
    text = func.get_asm(enable_debug_info=False)
    digest = hashlib.sha256(text.encode()).hexdigest()
    digests = mpi.initialize().COMM_WORLD.allgather(digest)
    others = [r for r, d in enumerate(digests) if d != digests[0]]
    if others:
        raise ShardingError(f"the ranks partitioned @{ir.StringAttr(func.attributes['sym_name']).value} differently "
                            f"(rank 0 and rank{'s' if len(others) > 1 else ''} {', '.join(map(str, others))}): "
                            f"every rank must set the same strategies and parallel settings")


class ShardedFunction:
    """A compiled partitioned function, called with whole arrays and returning whole arrays."""

    def __init__(self, func: ir.Operation, whole: ir.FunctionType, grid: Grid, local_args: set[int] = frozenset()):
        """The layouts of `func`, partitioned, whose type was `whole` before; the arguments in
        `local_args` come already split (each rank's shard of a batch). `fn` is set to the
        compiled function once it exists."""
        rank, size = mpi.world()
        if size != grid.size:
            raise ShardingError(f"the program is partitioned for {grid.size} devices (grid {grid}), but the job "
                                f"has {size} processes")
        _check_same_everywhere(func, rank)
        self.fn: Callable | None = None
        self.grid, self.rank, self.local_args = grid, rank, local_args
        self.inputs = [Sig.of(t) for t in whole.inputs]
        self.arg_layouts = [annotations.arg_layout(func, i) for i in range(len(self.inputs))]
        results = range(len(whole.results))
        updates = [annotations.updated_argument(func, i) for i in results]
        # New values of updated arguments are written into the arguments (passes/c_interface.py);
        # the function returns its other results.
        self.updated = [u for u in updates if u is not None]
        self.outputs = [(Sig.of(whole.results[i]), annotations.result_layout(func, i)) for i in results
                        if updates[i] is None]

    def __call__(self, *arrays: np.ndarray) -> list[np.ndarray]:
        local = [a if layout.is_replicated or i in self.local_args
                 else np.ascontiguousarray(a[piece(sig.shape, layout, self.grid, self.rank)])
                 for i, (a, sig, layout) in enumerate(zip(arrays, self.inputs, self.arg_layouts))]
        outs = self.fn(*local)
        for i in self.updated:
            layout = self.arg_layouts[i]
            if not layout.is_replicated:
                assemble(local[i], self.inputs[i].shape, layout, self.grid, out=arrays[i])
        return [assemble(o, sig.shape, layout, self.grid) for o, (sig, layout) in zip(outs, self.outputs)]
