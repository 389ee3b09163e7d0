"""How a compiled program is split over the job's devices: from `AutoParallel` around the call
(parallel/auto_parallel.py), else from the auto-parallel context.

"semi_auto" (SEMI_AUTO_PARALLEL) and "sharding_propagation" spread the strategies set with
`Primitive.shard`/`Cell.shard` by mind-sharding-propagation; "recursive_programming" and
"dynamic_programming" (AUTO_PARALLEL's search modes) choose every split by mind-auto-parallel's
cost-model search (its recursive and exact algorithms). The grid is the finest one of
device_num devices (Grid.for_devices). The program is differentiated and inlined first, so a
training step is partitioned whole: forward, backward and optimizer.

Inputs: with the dataset strategy "data_parallel" (MindSpore's default) each rank passes its own
shard of the batch, and the program is traced for the whole batch (dimension 0 times the devices)
split over every grid axis; with "full_batch" every rank passes the whole batch.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass

from mindc.parallel import _auto_parallel_context as context
from mindc.parallel._auto_parallel_context import ParallelMode
from mindc.rules.base import Sig
from mindc.sharding.layout import Grid

# AutoParallel's parallel modes and the context's (parallel_mode, search_mode) they stand for.
MODES = {"semi_auto": (ParallelMode.SEMI_AUTO_PARALLEL, None),
         "sharding_propagation": (ParallelMode.AUTO_PARALLEL, "sharding_propagation"),
         "recursive_programming": (ParallelMode.AUTO_PARALLEL, "recursive_programming"),
         "dynamic_programming": (ParallelMode.AUTO_PARALLEL, "dynamic_programming")}
_PARTITIONED = {m for m, _ in MODES.values()}
# The mind-auto-parallel algorithm of each searching mode; the others propagate strategies.
SEARCHES = {"recursive_programming": "recursive", "dynamic_programming": "dp"}


@dataclass(frozen=True)
class Settings:
    """What decides the partition: the mode, the devices and the dataset strategy."""

    mode: str
    device_num: int
    full_batch: bool


@dataclass(frozen=True)
class PartitionPlan:
    grid: Grid
    passes: tuple[str, ...]
    # The inputs are each rank's shard of the batch (dataset strategy "data_parallel").
    local_inputs: bool

    def global_sigs(self, sigs: tuple[Sig, ...]) -> tuple[Sig, ...]:
        """The signature the program is traced for, from the inputs one rank passes."""
        if not self.local_inputs:
            return sigs
        return tuple(s.with_shape((s.shape[0] * self.grid.size, *s.shape[1:])) if s.rank else s for s in sigs)

    def input_strategy(self, sig: Sig) -> tuple[int, ...] | None:
        """The pieces of an input the caller passes already split (None: passed whole)."""
        return (self.grid.size,) + (1,) * (sig.rank - 1) if self.local_inputs and sig.rank else None


_ACTIVE: list[Settings] = []


@contextlib.contextmanager
def active(settings: Settings):
    """Programs compiled and called inside the block are split as `settings` say (AutoParallel)."""
    _ACTIVE.append(settings)
    try:
        yield
    finally:
        _ACTIVE.pop()


def settings() -> Settings | None:
    """The settings in force: AutoParallel's around the call, else the context's; None when
    programs run whole on each device."""
    if _ACTIVE:
        return _ACTIVE[-1]
    mode = context.get_auto_parallel_context("parallel_mode")
    # Every eager op and jit call keys its cache on this (pipelines.codegen_options): the usual
    # modes answer at once.
    if mode not in _PARTITIONED:
        return None
    search = context.get_auto_parallel_context("search_mode")
    name = next((n for n, (m, s) in MODES.items() if m == mode and s in (None, search)), None)
    if name is None:
        return None
    full_batch = (context.get_auto_parallel_context("full_batch")
                  or context.get_auto_parallel_context("dataset_strategy") == "full_batch")
    return Settings(name, context.device_num(), full_batch)


def partition_plan() -> PartitionPlan | None:
    from mindc.pipelines import AUTODIFF

    current = settings()
    if current is None:
        return None
    grid = Grid.for_devices(current.device_num)
    shape = ",".join(map(str, grid.shape))
    if current.mode in SEARCHES:
        choose = f"mind-auto-parallel{{grid={shape} algorithm={SEARCHES[current.mode]}}}"
    else:
        choose = f"mind-sharding-propagation{{grid={shape}}}"
    passes = (*AUTODIFF, "mind-inline", "symbol-dce", choose, "mind-spmd-partition")
    return PartitionPlan(grid, passes, not current.full_batch)
