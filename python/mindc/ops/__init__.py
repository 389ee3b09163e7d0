"""mindc.ops: MindSpore's functional ops (`mindspore.ops`). Each builds mind ops through one door,
`apply`: recorded inside `mindc.jit`, run as compiled kernels outside it. The primitive classes
(`ops.Add`, `ops.MatMul(transpose_b=True)`) call them; `ops.functional` and `ops.composite` are
MindSpore's F and C."""
from mindc.ops import array, indexing, loss, math, nn, operations, random, state
from mindc.ops.array import *  # noqa: F401,F403
from mindc.ops.indexing import *  # noqa: F401,F403
from mindc.ops.loss import *  # noqa: F401,F403
from mindc.ops.math import *  # noqa: F401,F403
from mindc.ops.nn import *  # noqa: F401,F403
from mindc.ops.random import *  # noqa: F401,F403
from mindc.ops.state import *  # noqa: F401,F403
from mindc.ops.operations import *  # noqa: F401,F403
from mindc.ops.primitive import Primitive, PrimitiveWithCheck, PrimitiveWithInfer, constexpr, prim_attr_register
from mindc.ops import composite, functional
from mindc.ops.composite import HyperMap, Map, MultitypeFuncGraph
from mindc.ops.functional import partial

__all__ = [*array.__all__, *indexing.__all__, *loss.__all__, *math.__all__, *nn.__all__, *random.__all__,
           *state.__all__, *operations.__all__, "Primitive", "PrimitiveWithCheck", "PrimitiveWithInfer",
           "prim_attr_register", "constexpr", "HyperMap", "Map", "MultitypeFuncGraph", "partial"]


def __getattr__(name):
    # The gradient API (MindSpore's ops.grad, ops.GradOperation, ...) and ops.vmap: loaded on use.
    if name not in functional._FRONTEND:
        raise AttributeError(f"module 'mindc.ops' has no attribute '{name}'")
    return getattr(functional, name)
