"""Dataset configuration (MindSpore's mindspore.dataset.config): the shuffle seed.

The seed of a pipeline comes from `config.set_seed`, else from `mindc.set_seed` (as MindSpore's
global seed also seeds datasets), else from fresh OS entropy (a new order in each process).
"""
from __future__ import annotations

import numpy as np

__all__ = ["set_seed", "get_seed"]

_seed: int | None = None
_entropy = int(np.random.SeedSequence().entropy)


def set_seed(seed: int) -> None:
    """Seed the shuffles of dataset pipelines made afterwards (0 <= seed < 2**32)."""
    global _seed
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    if not 0 <= seed < 2 ** 32:
        raise ValueError(f"seed must be in [0, 2**32), got {seed}")
    _seed = int(seed)


def get_seed() -> int:
    """The dataset seed: config.set_seed's, else mindc.set_seed's, else this process' entropy."""
    if _seed is not None:
        return _seed
    from mindc.common.seed import get_seed as global_seed

    seed = global_seed()
    return _entropy if seed is None else seed
