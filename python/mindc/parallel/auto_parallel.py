"""MindSpore's `mindspore.parallel.auto_parallel.AutoParallel`: a network (a Cell or a function,
usually the whole training step) compiled as one graph split over the job's devices.

The split is decided by `parallel_mode` ("semi_auto": the strategies set on primitives and Cells;
"sharding_propagation": those spread to every op; "recursive_programming": a cost-model search),
and its inputs by `dataset_strategy`
("data_parallel": each rank passes its shard of the batch; "full_batch": every rank the whole
batch). See parallel/_partition.py. Calling it always compiles, as MindSpore's static graph.
"""
from __future__ import annotations

from mindc.frontend.jit import Jitted
from mindc.frontend.trace import current_trace
from mindc.nn.cell import Cell
from mindc.parallel import _partition

__all__ = ["AutoParallel"]

# MindSpore's AutoParallel modes (dynamic programming is the context's search_mode only).
PARALLEL_MODES = ("semi_auto", "sharding_propagation", "recursive_programming")


class AutoParallel(Cell):
    def __init__(self, network, parallel_mode: str = "semi_auto"):
        super().__init__(auto_prefix=False)
        if not callable(network):
            raise TypeError(f"For 'AutoParallel', 'network' must be a Cell or a function, got {type(network).__name__}")
        if parallel_mode not in PARALLEL_MODES:
            raise ValueError(f"For 'AutoParallel', 'parallel_mode' must be one of {', '.join(map(repr, PARALLEL_MODES))}, "
                             f"got {parallel_mode!r}")
        self.network = network
        self._parallel_mode = parallel_mode
        self._full_batch = False
        self._gradients_mean = False

    def construct(self, *args, **kwargs):
        return self.network(*args, **kwargs)

    def __call__(self, *args, **kwargs):
        with _partition.active(self._settings()):
            if current_trace() is not None:
                return super().__call__(*args, **kwargs)
            if self._graph is None:
                object.__setattr__(self, "_graph", Jitted(self._traced_construct(), key=self._mode_key,
                                                          name=type(self).__name__))
            return self._graph.call(args, kwargs)

    def _settings(self) -> _partition.Settings:
        from mindc.communication.management import get_group_size

        return _partition.Settings(self._parallel_mode, get_group_size(), self._full_batch)

    def dataset_strategy(self, config) -> None:
        """How the inputs come: "data_parallel" (each rank its shard of the batch, the default) or
        "full_batch" (the whole batch on every rank)."""
        if isinstance(config, tuple):
            raise ValueError("For 'AutoParallel.dataset_strategy', per-input strategies (tuples) are not supported "
                             "by mindc; use 'data_parallel' or 'full_batch'")
        if config not in ("data_parallel", "full_batch"):
            raise ValueError(f"For 'AutoParallel.dataset_strategy', 'config' must be 'data_parallel' or "
                             f"'full_batch', got {config!r}")
        self._full_batch = config == "full_batch"

    def enable_gradients_mean(self) -> None:
        """Recorded for MindSpore's API; a partitioned step computes the whole batch's gradient."""
        self._gradients_mean = True
