"""What every functional op shares: operand conversion with MindSpore's implicit type promotion,
casts, axis checks, and `apply` (trace or run eagerly; see frontend/trace.py)."""
from __future__ import annotations

from functools import reduce
from typing import Any, NoReturn, Sequence

from mindc.frontend import dtype as mdt
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import OpError, apply, constant, user_frame_position

__all__ = ["apply", "fail", "tensor", "operands", "cast_to", "float_operand", "one", "axis_of", "ints"]


def fail(op_name: str, message: str) -> NoReturn:
    """Raise OpError at the user's call, as a rule's error would be (for checks done here)."""
    raise OpError(op_name, message, user_frame_position())


def tensor(x: Any) -> Tensor:
    """x as a Tensor (numbers and lists get MindSpore's default dtypes)."""
    return x if isinstance(x, Tensor) else Tensor(x)


def operands(*xs: Any) -> list[Tensor]:
    """Tensors of one dtype: tensors meet at the higher dtype, Python scalars take it (or widen it:
    an int tensor with a float scalar computes in float32), as MindSpore promotes."""
    kinds = [None if isinstance(x, Tensor) else mdt.scalar_kind(x) for x in xs]
    items = [x if k is not None else tensor(x) for x, k in zip(xs, kinds)]
    tensors = [x for x, k in zip(items, kinds) if k is None]
    if tensors:
        dt = reduce(mdt.promote_types, [t.dtype for t in tensors])
    else:
        dt = mdt.default_dtype(max(kinds, key=["bool", "int", "float"].index))
    for k in kinds:
        if k is not None:
            dt = mdt.promote_scalar(dt, k)
    return [constant(x, dt) if k is not None else cast_to(x, dt) for x, k in zip(items, kinds)]


def cast_to(x: Tensor, dt: mdt.DType) -> Tensor:
    """x in dtype dt (x itself if it already is)."""
    dt = mdt.as_dtype(dt)
    if x.dtype is dt:
        return x
    return apply("mind.cast", [x], {"dtype": dt.mlir})[0]


def float_operand(x: Any) -> Tensor:
    """x as a float tensor: integer and bool tensors compute in float32 (MindSpore's exp, log...)."""
    x = tensor(x)
    return x if x.dtype.is_float else cast_to(x, mdt.float32)


def one(op_name: str, inputs: Sequence[Tensor], attrs: dict | None = None) -> Tensor:
    """The single result of a mind op."""
    return apply(op_name, inputs, attrs)[0]


def axis_of(axis: int, rank: int, op_name: str, what: str = "axis") -> int:
    """axis in [0, rank); OpError if it is outside [-rank, rank)."""
    if not isinstance(axis, int):
        raise TypeError(f"{what} must be an int, got {type(axis).__name__}")
    if not -max(rank, 1) <= axis < max(rank, 1):
        fail(op_name, f"{what} {axis} is out of range for rank {rank}")
    return axis % rank if rank else 0


def ints(value: Any, what: str) -> tuple[int, ...]:
    """An int or a sequence of ints (list, tuple, 1-d int Tensor) as a tuple."""
    if isinstance(value, Tensor):
        value = value.tolist()
    if isinstance(value, int):
        return (value,)
    try:
        return tuple(int(v) for v in value)
    except TypeError:
        raise TypeError(f"{what} must be an int or a sequence of ints, got {value!r}") from None
