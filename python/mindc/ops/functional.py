"""mindc.ops.functional (MindSpore's `from mindspore.ops import functional as F`): every
functional op of mindc.ops, plus MindSpore's F names for primitive instances (`F.tensor_add` is
`P.Add()`), `partial` and the conversions of Python values to tensors."""
from __future__ import annotations

import functools

from mindc.frontend import dtype as mdt
from mindc.frontend.tensor import Tensor
from mindc.ops import operations as P
from mindc.ops.array import *  # noqa: F401,F403
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


def tuple_to_array(input_x) -> Tensor:
    """A 1-d tensor of a tuple of numbers: int64 for ints, float32 if any is a float."""
    if not isinstance(input_x, tuple) or not input_x:
        raise TypeError(f"tuple_to_array needs a non-empty tuple of numbers, got {input_x!r}")
    return Tensor(input_x)


def scalar_to_tensor(input_x, dtype=mdt.float32) -> Tensor:
    """A 0-d tensor of a number, of dtype (float32 by default)."""
    if isinstance(input_x, Tensor):
        raise TypeError("scalar_to_tensor needs a Python number, got a Tensor")
    return Tensor(input_x, mdt.as_dtype(dtype))
