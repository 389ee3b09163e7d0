"""mindc.ops: MindSpore's functional ops (`mindspore.ops`). Each builds mind ops through one door,
`apply`: recorded inside `mindc.jit`, run as compiled kernels outside it."""
from mindc.ops import array, math, nn, random, state
from mindc.ops.array import *  # noqa: F401,F403
from mindc.ops.math import *  # noqa: F401,F403
from mindc.ops.nn import *  # noqa: F401,F403
from mindc.ops.random import *  # noqa: F401,F403
from mindc.ops.state import *  # noqa: F401,F403

__all__ = [*array.__all__, *math.__all__, *nn.__all__, *random.__all__, *state.__all__]

# The gradient API (MindSpore's ops.grad, ops.GradOperation, ...), from frontend/grad.py, which
# imports this package: loaded on first use.
_GRAD = ("grad", "value_and_grad", "vjp", "jvp", "jacrev", "jacfwd", "GradOperation", "get_grad")


def __getattr__(name):
    if name not in _GRAD:
        raise AttributeError(f"module 'mindc.ops' has no attribute '{name}'")
    from mindc.frontend import grad

    return getattr(grad, name)
