"""The global random seed (MindSpore's `set_seed`/`get_seed`) and the draws derived from it.

Everything random in mindc takes its seed from here: weight initializers get a numpy Generator
(`generator()`), random ops inside compiled graphs an integer op seed (`op_seed()`). Each call
draws the next item of one sequence, so successive layers differ, and after `set_seed(s)` the
same program gets the same values again. Without set_seed, the sequence starts from fresh OS
entropy in each process.
"""
from __future__ import annotations

import itertools

import numpy as np

__all__ = ["set_seed", "get_seed"]

_seed: int | None = None
_entropy = int(np.random.SeedSequence().entropy)
_draws = itertools.count()
_generation = 0


def set_seed(seed: int) -> None:
    """Set the global seed: initializers and random ops created afterwards are reproducible.

    Raises TypeError if seed is not an int, ValueError if it is negative."""
    global _seed, _draws, _generation
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    if seed < 0:
        raise ValueError(f"seed must be >= 0, got {seed}")
    _seed = int(seed)
    _draws = itertools.count()
    _generation += 1


def get_seed() -> int | None:
    """The global seed, or None if set_seed was never called."""
    return _seed


def generation() -> int:
    """How many times set_seed was called: state derived from the seed is stale when it changes."""
    return _generation


def _sequence() -> np.random.SeedSequence:
    # The n-th draw after set_seed(s) comes from SeedSequence([s, n]): independent streams
    # for each draw, and the same ones after the same set_seed.
    root = _entropy if _seed is None else _seed
    return np.random.SeedSequence([root, next(_draws)])


def generator() -> np.random.Generator:
    """A numpy Generator for one initialization (the next draw of the global sequence)."""
    return np.random.Generator(np.random.PCG64(_sequence()))


def op_seed() -> int:
    """A seed in [0, 2^63) for one random op (the next draw of the global sequence)."""
    return int(_sequence().generate_state(1, np.uint64)[0] >> np.uint64(1))
