"""mindc.ops.functional (MindSpore's `from mindspore.ops import functional as F`): every
functional op of mindc.ops, plus MindSpore's F names for primitive instances (`F.tensor_add` is
`P.Add()`), `partial`, tuple helpers, the gradient API (`F.grad`, `F.value_and_grad`, ...) and `F.vmap`."""
from __future__ import annotations

import functools

from mindc.ops import operations as P
from mindc.ops.array import *  # noqa: F401,F403
from mindc.ops.indexing import *  # noqa: F401,F403
from mindc.ops.loss import *  # noqa: F401,F403
from mindc.ops.math import *  # noqa: F401,F403
from mindc.ops.nn import *  # noqa: F401,F403
from mindc.ops.random import *  # noqa: F401,F403
from mindc.ops.state import *  # noqa: F401,F403

partial = functools.partial

tensor_add = P.Add()
tensor_sub = P.Sub()
tensor_mul = P.Mul()
tensor_div = P.RealDiv()
tensor_pow = P.Pow()
tensor_floordiv = P.FloorDiv()
tensor_mod = P.FloorMod()
tensor_exp = P.Exp()
tensor_ceil = P.Ceil()
tensor_gt = P.Greater()
tensor_ge = P.GreaterEqual()
tensor_lt = P.Less()
tensor_le = P.LessEqual()
reduce_sum = P.ReduceSum()
reduce_mean = P.ReduceMean()
reduce_max = P.ReduceMax()
reduce_min = P.ReduceMin()



def tuple_getitem(data, index):
    return data[index]


def make_tuple(*elements) -> tuple:
    return elements


# The gradient API and vmap live in the frontend, which imports mindc.ops: loaded on first use.
_FRONTEND = {**{name: "mindc.frontend.grad" for name in ("grad", "value_and_grad", "vjp", "jvp", "jacrev",
                                                        "jacfwd", "GradOperation", "get_grad")},
             "vmap": "mindc.frontend.vmap"}


def __getattr__(name):
    if name not in _FRONTEND:
        raise AttributeError(f"module 'mindc.ops.functional' has no attribute '{name}'")
    import importlib

    return getattr(importlib.import_module(_FRONTEND[name]), name)
