"""MindSpore's random primitives (mindspore.ops.operations.random_ops), on mind.random_uniform
(see mindc.ops.random): each primitive instance keeps its own key, a counter Parameter that every
call advances, so each call draws new numbers, eagerly and inside compiled graphs."""
from __future__ import annotations

import numpy as np

from mindc.common.seed import op_seed
from mindc.frontend import dtype as mdt
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.ops import math, random
from mindc.ops._base import cast_to, fail, tensor
from mindc.ops.primitive import Primitive, check_int, check_ints, prim_attr_register

__all__ = ["UniformReal", "StandardNormal", "UniformInt"]


class RandomPrimitive(Primitive):
    """A primitive drawing random numbers from its own stream."""

    def init_stream(self, seed: int, seed2: int, names: tuple[str, str] = ("seed", "seed2")) -> None:
        """Seeds (0, 0) ask for a stream drawn from the global seed sequence (mindc.set_seed);
        others fix one."""
        for value, name in zip((seed, seed2), names):
            check_int(value, name, self.name, minimum=0)
        self.stream_seed = random.fixed_seed(seed, seed2) if seed or seed2 else op_seed()
        self.key = Parameter(np.array(0, np.int64), name=f"{self.name}.key", requires_grad=False)

    def uniform(self, shape, dtype: mdt.DType) -> Tensor:
        """Values uniform in [0, 1) of shape and float dtype; a new draw each call."""
        return random.random_uniform(self.key, shape, self.stream_seed, dtype)


def _shape(shape, prim: str) -> tuple[int, ...]:
    if not isinstance(shape, tuple):
        raise TypeError(f"For '{prim}', 'shape' must be a tuple of ints, got {type(shape).__name__}")
    return check_ints(shape, "shape", prim, minimum=0)


class UniformReal(RandomPrimitive):
    """UniformReal(seed=0, seed2=0)(shape): float32 values uniform in [0, 1)."""

    @prim_attr_register
    def __init__(self, seed=0, seed2=0):
        self.init_stream(seed, seed2)

    def __call__(self, shape):
        return self.uniform(_shape(shape, self.name), mdt.float32)


class StandardNormal(RandomPrimitive):
    """StandardNormal(seed=0, seed2=0)(shape): float32 values from N(0, 1), by the Box-Muller
    transform of two uniform draws."""

    @prim_attr_register
    def __init__(self, seed=0, seed2=0):
        self.init_stream(seed, seed2)

    def __call__(self, shape):
        return random.box_muller(self.uniform((2,) + _shape(shape, self.name), mdt.float32))


class UniformInt(RandomPrimitive):
    """UniformInt(seed=0, seed2=0)(shape, minval, maxval): int32 values uniform in [minval, maxval)."""

    @prim_attr_register
    def __init__(self, seed=0, seed2=0):
        self.init_stream(seed, seed2)

    def __call__(self, shape, minval, maxval):
        low, high = tensor(minval), tensor(maxval)
        if low.dtype.is_float or high.dtype.is_float or low.ndim or high.ndim:
            fail("mind.random_uniform", f"UniformInt needs 0-d int minval and maxval, found {low.dtype} "
                                        f"{list(low.shape)} and {high.dtype} {list(high.shape)}")
        # float64 draws have 53 random bits: floor(u * span) is uniform over any int32 span.
        u = self.uniform(_shape(shape, self.name), mdt.float64)
        low64 = cast_to(low, mdt.float64)
        span = math.sub(cast_to(high, mdt.float64), low64)
        return cast_to(math.add(math.floor(math.mul(u, span)), low64), mdt.int32)
