"""The passes that split a compiled program over the job's devices, from the auto-parallel context.

SEMI_AUTO_PARALLEL (and AUTO_PARALLEL with search_mode="sharding_propagation") spreads the
strategies set with `Primitive.shard` by mind-sharding-propagation; the grid is the finest one
of device_num devices (sharding/layout.py Grid.for_devices). The program is differentiated and
inlined first, so the training step is partitioned whole: forward, backward and optimizer.
"""
from __future__ import annotations

from mindc.parallel import _auto_parallel_context as context
from mindc.parallel._auto_parallel_context import ParallelMode
from mindc.pipelines import AUTODIFF
from mindc.sharding.layout import Grid


def partition_plan() -> tuple[Grid, list[str]] | None:
    """(grid, pipeline) for the current context, or None when programs run whole on each device."""
    mode = context.get_auto_parallel_context("parallel_mode")
    propagate = mode == ParallelMode.SEMI_AUTO_PARALLEL or (
        mode == ParallelMode.AUTO_PARALLEL and context.get_auto_parallel_context("search_mode") == "sharding_propagation")
    if not propagate:
        return None
    grid = Grid.for_devices(context.device_num())
    shape = ",".join(map(str, grid.shape))
    return grid, [*AUTODIFF, "mind-inline", "symbol-dce", f"mind-sharding-propagation{{grid={shape}}}", "mind-spmd-partition"]
