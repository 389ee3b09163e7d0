"""mindc.ops: MindSpore's functional ops (`mindspore.ops`). Each builds mind ops through one door,
`apply`: recorded inside `mindc.jit`, run as compiled kernels outside it."""
from mindc.ops import array, indexing, math, nn, random, state
from mindc.ops.array import *  # noqa: F401,F403
from mindc.ops.indexing import *  # noqa: F401,F403
from mindc.ops.math import *  # noqa: F401,F403
from mindc.ops.nn import *  # noqa: F401,F403
from mindc.ops.random import *  # noqa: F401,F403
from mindc.ops.state import *  # noqa: F401,F403

__all__ = [*array.__all__, *indexing.__all__, *math.__all__, *nn.__all__, *random.__all__, *state.__all__]
