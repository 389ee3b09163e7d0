"""Random ops (MindSpore's ops.dropout), on mind.random_uniform (rules/random.py).

Randomness is counter-based: mind.random_uniform is a pure function of (seed, key), and a fresh
draw needs a fresh key. The key lives in an int64 Parameter that each call reads and increments
(ops.assign): in a compiled graph the Parameter is an argument updated in place, so every call
of the same compiled graph draws a new mask. Cells keep a key of their own (nn.Dropout);
functional calls share one key, renewed by set_seed.
"""
from __future__ import annotations

import math as pymath
import numbers

import numpy as np

from mindc.common.seed import generation, op_seed
from mindc.frontend import dtype as mdt
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.ops._base import cast_to, one, tensor
from mindc.ops.math import cos, greater_equal, log, mul, sqrt, sub
from mindc.ops.state import assign

__all__ = ["dropout", "standard_normal"]

# The functional stream: (set_seed generation, op seed, key), renewed after each set_seed so
# that a program calling ops.dropout draws the same masks again. One op seed per stream keeps
# eager calls on one cached kernel; the key makes each call's mask new.
_stream: list = [None, 0, None]


def _functional_stream() -> tuple[int, Parameter]:
    if _stream[0] != generation():
        _stream[:] = [generation(), op_seed(), Parameter(np.array(0, np.int64), name="ops.dropout.key",
                                                          requires_grad=False)]
    return _stream[1], _stream[2]


def random_uniform(key: Parameter, shape, seed: int, dtype) -> Tensor:
    """Values uniform in [0, 1) of shape and float dtype, drawn with key's current value as the
    counter, which is then incremented."""
    counter = key.value()
    assign(key, counter + 1)
    return one("mind.random_uniform", [counter], {"shape": tuple(shape), "seed": int(seed), "dtype": dtype.mlir})


def dropout_with_key(x: Tensor, p: float, seed: int, key: Parameter) -> Tensor:
    """x with each element zeroed with probability p and the rest scaled by 1/(1-p)."""
    if not x.dtype.is_float:
        raise TypeError(f"dropout needs a float input, got {x.dtype}")
    keep = greater_equal(random_uniform(key, x.shape, seed, x.dtype), p)
    # One mask holding 0 or 1/(1-p): its gradient is a single multiply.
    return mul(x, mul(cast_to(keep, x.dtype), 1.0 / (1.0 - p)))


def dropout(input, p: float = 0.5, training: bool = True, seed: int | None = None) -> Tensor:
    """Randomly zero elements of input with probability p during training, scaling the rest by
    1/(1-p); the identity when training is False or p is 0. Each call draws a new mask; seed
    picks the stream (None: one drawn from the global seed sequence, renewed by mindc.set_seed,
    after which a program draws the same masks again)."""
    if isinstance(p, bool) or not isinstance(p, numbers.Real):
        raise TypeError(f"dropout: 'p' must be a float, got {type(p).__name__}")
    if not 0 <= p <= 1:
        raise ValueError(f"dropout: 'p' must be in [0, 1], got {p}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, numbers.Integral)):
        raise TypeError(f"dropout: 'seed' must be an int or None, got {type(seed).__name__}")
    x = tensor(input)
    if not training or p == 0:
        return x
    if p == 1:
        return mul(x, 0.0)
    stream_seed, key = _functional_stream()
    return dropout_with_key(x, float(p), stream_seed if seed is None else int(seed), key)


def fixed_seed(seed: int, seed2: int) -> int:
    """The op seed of MindSpore's seed pair (seed, seed2), not both 0: hashed into [0, 2^63)."""
    return int(np.random.SeedSequence([seed, seed2]).generate_state(1, np.uint64)[0] >> np.uint64(1))


def box_muller(u: Tensor) -> Tensor:
    """Standard normals of shape u.shape[1:] from uniforms u in [0, 1) of shape (2, ...)."""
    from mindc.ops.array import unstack

    first, second = unstack(u, 0)
    # 1 - u is in (0, 1]: its log is finite.
    radius = sqrt(mul(log(sub(1.0, first)), -2.0))
    return mul(radius, cos(mul(second, 2 * pymath.pi)))


def standard_normal(shape, seed: int = 0, seed2: int = 0) -> Tensor:
    """float32 values from N(0, 1) of shape; each call draws anew. Seeds (0, 0) use the functional
    stream (renewed by mindc.set_seed), others a stream of their own."""
    if not isinstance(shape, tuple) or any(isinstance(d, bool) or not isinstance(d, int) or d < 0 for d in shape):
        raise TypeError(f"standard_normal: 'shape' must be a tuple of ints >= 0, got {shape!r}")
    stream_seed, key = _functional_stream()
    if seed or seed2:
        stream_seed = fixed_seed(seed, seed2)
    return box_muller(random_uniform(key, (2,) + shape, stream_seed, mdt.float32))
