"""Calling a partitioned function (mind-spmd-partition) with whole tensors on every rank.

Each rank passes the arguments' pieces its grid coordinates select (by each argument's
`mind.layout`; a batch each rank loaded for itself is its piece already), gets its pieces of the
results, and assembles them whole from every rank's pieces (an MPI all-gather).

A Parameter the function updates in place (a weight, an optimizer's state) stays split: between
calls each rank keeps only its piece (`Pieces`, in the Parameter), which the next call updates in
place, and the whole array is dropped. Reading the Parameter assembles it (frontend/parameter.py),
so a checkpoint holds whole tensors, the same on every rank and on one process.
"""
from __future__ import annotations

import hashlib
from typing import Callable, Sequence

import numpy as np
from mlir import ir

from mindc.frontend.parameter import Parameter
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

    def __call__(self, inputs: Sequence[np.ndarray], captured: Sequence) -> list[np.ndarray]:
        """Run on the caller's input arrays and the tensors the function captured (its trailing
        arguments); whole results. Parameters the function updates keep their pieces here."""
        updated = set(self.updated)
        local = []
        for i, (value, sig, layout) in enumerate(zip([*inputs, *captured], self.inputs, self.arg_layouts)):
            if i >= len(inputs) and i in updated and not layout.is_replicated and isinstance(value, Parameter):
                local.append(self._pieces_of(value, layout).local)
                continue
            array = value if i < len(inputs) else value._array
            split = not layout.is_replicated and i not in self.local_args
            local.append(np.ascontiguousarray(array[piece(sig.shape, layout, self.grid, self.rank)]) if split else array)
        outs = self.fn(*local)
        for i in updated:
            value, layout = captured[i - len(inputs)], self.arg_layouts[i]
            if isinstance(value, Parameter) and not layout.is_replicated:
                # The piece holds the new values now: the whole array is assembled when read.
                value.__dict__["_pieces"].stale = True
                value.__dict__["_whole"] = None
        return [assemble(o, sig.shape, layout, self.grid) for o, (sig, layout) in zip(outs, self.outputs)]

    def _pieces_of(self, param: Parameter, layout: Layout) -> "Pieces":
        """The Parameter's piece in `layout`, cut from its whole values unless it holds it already."""
        pieces = param.__dict__.get("_pieces")
        if pieces is None or (pieces.layout, pieces.grid) != (layout, self.grid):
            pieces = Pieces(param._array, layout, self.grid, self.rank)
            param.__dict__["_pieces"] = pieces
        return pieces


class Pieces:
    """This rank's piece of a Parameter's values under `layout`, between partitioned calls."""

    def __init__(self, whole: np.ndarray, layout: Layout, grid: Grid, rank: int):
        self.shape, self.dtype = tuple(whole.shape), whole.dtype
        self.layout, self.grid = layout, grid
        self.local = np.ascontiguousarray(whole[piece(whole.shape, layout, grid, rank)])
        # Whether the piece has values the whole array (dropped then) does not.
        self.stale = False

    def assemble(self) -> np.ndarray:
        """The whole values from every rank's piece (collective)."""
        whole = assemble(self.local, self.shape, self.layout, self.grid)
        self.stale = False
        return whole
