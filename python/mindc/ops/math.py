"""Math ops (MindSpore's ops.math_func): elementwise arithmetic, comparisons, logic, casts,
matrix products and reductions. Each function only builds mind ops."""
from __future__ import annotations

from typing import Any

from mindc.frontend import dtype as mdt
from mindc.frontend.tensor import Tensor
from mindc.ops._base import axis_of, cast_to, fail, float_operand, one, operands, tensor

__all__ = [
    "add", "sub", "mul", "div", "pow", "maximum", "minimum", "neg", "abs", "exp", "log", "sqrt",
    "rsqrt", "square", "tanh", "sin", "cos", "erf", "equal", "not_equal", "ne", "less", "lt",
    "less_equal", "le", "greater", "gt", "greater_equal", "ge", "logical_and", "logical_or",
    "logical_not", "select", "cast", "matmul", "bmm", "sum", "reduce_sum", "mean", "amax", "amin",
    "prod", "argmax", "argmin", "floor", "ceil", "sign", "reciprocal", "inv", "log1p", "expm1", "atan2", "floor_div",
    "floor_mod", "remainder", "fmod", "addn", "cumsum", "erfc", "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor", "invert", "isnan", "isinf", "isfinite", "xlogy",
    "xdivy", "div_no_nan", "lerp", "all", "any", "truncate_div", "truncate_mod",
]


def _binary(op_name: str, input: Any, other: Any) -> Tensor:
    return one(op_name, operands(input, other))


# ---- elementwise arithmetic
def add(input, other) -> Tensor:
    """input + other, broadcast; numbers take the tensor's dtype."""
    return _binary("mind.add", input, other)


def sub(input, other) -> Tensor:
    return _binary("mind.sub", input, other)


def mul(input, other) -> Tensor:
    return _binary("mind.mul", input, other)


def div(input, other, *, rounding_mode: str | None = None) -> Tensor:
    """True division (integers divide in float32); rounding_mode "trunc" rounds the quotient toward
    zero, "floor" toward negative infinity, both in the operands' common dtype."""
    x, y = operands(input, other)
    if rounding_mode is None:
        if not x.dtype.is_float:
            x, y = cast_to(x, mdt.float32), cast_to(y, mdt.float32)
        return one("mind.div", [x, y])
    if rounding_mode == "floor":
        return floor_div(x, y)
    if rounding_mode != "trunc":
        raise ValueError(f"div: rounding_mode must be None, 'trunc' or 'floor', got {rounding_mode!r}")
    q = one("mind.div", [x, y])   # integer division truncates already
    return select(less(q, 0), ceil(q), floor(q)) if x.dtype.is_float else q


def pow(input, exponent) -> Tensor:
    """input ** exponent, in floating point (integer operands compute in float32)."""
    x, y = operands(input, exponent)
    if not x.dtype.is_float:
        x, y = cast_to(x, mdt.float32), cast_to(y, mdt.float32)
    return one("mind.pow", [x, y])


def maximum(input, other) -> Tensor:
    return _binary("mind.maximum", input, other)


def minimum(input, other) -> Tensor:
    return _binary("mind.minimum", input, other)


def neg(input) -> Tensor:
    return one("mind.neg", [tensor(input)])


def abs(input) -> Tensor:
    return one("mind.abs", [tensor(input)])


def square(input) -> Tensor:
    x = tensor(input)
    return one("mind.mul", [x, x])


# Float functions: integer inputs compute in float32, as in MindSpore.
def exp(input) -> Tensor:
    return one("mind.exp", [float_operand(input)])


def log(input) -> Tensor:
    return one("mind.log", [float_operand(input)])


def sqrt(x) -> Tensor:
    return one("mind.sqrt", [float_operand(x)])


def rsqrt(input) -> Tensor:
    return one("mind.rsqrt", [float_operand(input)])


def tanh(input) -> Tensor:
    return one("mind.tanh", [float_operand(input)])


def sin(input) -> Tensor:
    return one("mind.sin", [float_operand(input)])


def cos(input) -> Tensor:
    return one("mind.cos", [float_operand(input)])


def erf(input) -> Tensor:
    return one("mind.erf", [float_operand(input)])


def log1p(input) -> Tensor:
    return one("mind.log1p", [float_operand(input)])


def expm1(input) -> Tensor:
    return one("mind.expm1", [float_operand(input)])


def atan2(input, other) -> Tensor:
    """The angle of the point (other, input): atan(input / other) in the right quadrant."""
    x, y = operands(input, other)
    if not x.dtype.is_float:
        x, y = cast_to(x, mdt.float32), cast_to(y, mdt.float32)
    return one("mind.atan2", [x, y])


# Integers are their own floor and ceiling.
def floor(input) -> Tensor:
    x = tensor(input)
    return one("mind.floor", [x]) if x.dtype.is_float else x


def ceil(input) -> Tensor:
    x = tensor(input)
    return one("mind.ceil", [x]) if x.dtype.is_float else x


def sign(input) -> Tensor:
    """-1, 0 or 1 in input's dtype."""
    x = tensor(input)
    return sub(cast_to(greater(x, 0), x.dtype), cast_to(less(x, 0), x.dtype))


def reciprocal(input) -> Tensor:
    x = float_operand(input)
    return div(1.0, x)


def inv(x) -> Tensor:
    """1 / x in x's dtype (MindSpore's Inv): integers divide as integers, as numpy's reciprocal."""
    x = tensor(x)
    if x.dtype.is_float:
        return reciprocal(x)
    return one("mind.div", operands(1, x))


def _trunc_div(x: Tensor, y: Tensor) -> Tensor:
    """x / y rounded toward zero, in their (common) dtype."""
    if not x.dtype.is_float:
        return one("mind.div", [x, y])
    q = one("mind.div", [x, y])
    return select(less(q, 0), ceil(q), floor(q))


def floor_div(x, y) -> Tensor:
    """x / y rounded toward negative infinity (Python's //), in their common dtype."""
    x, y = operands(x, y)
    if x.dtype.is_float:
        return floor(one("mind.div", [x, y]))
    # Integer division truncates: step down by one where it rounded a negative quotient up.
    q = one("mind.div", [x, y])
    inexact = not_equal(mul(q, y), x)
    negative = not_equal(less(x, 0), less(y, 0))
    return sub(q, cast_to(logical_and(inexact, negative), x.dtype))


def floor_mod(x, y) -> Tensor:
    """x - floor_div(x, y) * y: the remainder with the sign of y (Python's %)."""
    x, y = operands(x, y)
    return sub(x, mul(floor_div(x, y), y))


def remainder(input, other) -> Tensor:
    return floor_mod(input, other)


def fmod(input, other) -> Tensor:
    """x - trunc(x / y) * y: the remainder with the sign of x (C's fmod, MindSpore's Mod)."""
    x, y = operands(input, other)
    return sub(x, mul(_trunc_div(x, y), y))


def addn(x) -> Tensor:
    """The sum of a tuple or list of tensors of one shape."""
    if not isinstance(x, (tuple, list)) or not x:
        raise TypeError(f"addn needs a non-empty tuple or list of tensors, got {x!r}")
    xs = operands(*x)
    if len({t.shape for t in xs}) > 1:
        fail("mind.add", f"addn needs tensors of one shape, found {[list(t.shape) for t in xs]}")
    total = xs[0]
    for t in xs[1:]:
        total = one("mind.add", [total, t])
    return total


def cumsum(x, axis: int, dtype=None) -> Tensor:
    """Running sums of x along axis (dtype casts x first)."""
    x = tensor(x)
    if dtype is not None:
        x = cast_to(x, mdt.as_dtype(dtype))
    return cumulative_sum(x, axis)


def cumulative_sum(x, axis: int, exclusive: bool = False, reverse: bool = False) -> Tensor:
    """cumsum with MindSpore's CumSum attributes: exclusive leaves each element out of its own
    sum, reverse sums from the end."""
    x = tensor(x)
    attrs = {"axis": axis_of(axis, x.ndim, "mind.cumsum"), "exclusive": bool(exclusive), "reverse": bool(reverse)}
    return one("mind.cumsum", [x], attrs)


def erfc(input) -> Tensor:
    return sub(1.0, erf(input))


def _where_zero(cond, value: Tensor) -> Tensor:
    return select(cond, 0, value)


def xlogy(input, other) -> Tensor:
    """input * log(other), and 0 where input is 0 (even where other is 0 too)."""
    x, y = operands(float_operand(input), other)
    return _where_zero(equal(x, 0), mul(x, log(y)))


def xdivy(x, y) -> Tensor:
    """x / y, and 0 where x is 0."""
    x, y = operands(x, y)
    return _where_zero(equal(x, 0), div(x, y))


def div_no_nan(x, y) -> Tensor:
    """x / y, and 0 where y is 0."""
    x, y = operands(x, y)
    # Divide by 1 where y is 0, so that no inf or nan arises even in the unused branch's gradient.
    safe = select(equal(y, 0), 1, y)
    return _where_zero(equal(y, 0), div(x, safe))


def lerp(input, end, weight) -> Tensor:
    """input + weight * (end - input)."""
    x, e = operands(input, end)
    return add(x, mul(weight, sub(e, x)))


def truncate_div(input_x, input_y) -> Tensor:
    """input_x / input_y rounded toward zero, in their common dtype."""
    return _trunc_div(*operands(input_x, input_y))


def truncate_mod(x, y) -> Tensor:
    return fmod(x, y)


# ---- comparisons (bool results) and logic
def equal(input, other) -> Tensor:
    return _binary("mind.equal", input, other)


def not_equal(input, other) -> Tensor:
    return _binary("mind.not_equal", input, other)


def less(input, other) -> Tensor:
    return _binary("mind.less", input, other)


def less_equal(input, other) -> Tensor:
    return _binary("mind.less_equal", input, other)


def greater(input, other) -> Tensor:
    return _binary("mind.greater", input, other)


def greater_equal(input, other) -> Tensor:
    return _binary("mind.greater_equal", input, other)


ne, lt, le, gt, ge = not_equal, less, less_equal, greater, greater_equal


def _as_bool(x) -> Tensor:
    return cast_to(tensor(x), mdt.bool_)


def logical_and(input, other) -> Tensor:
    return one("mind.logical_and", [_as_bool(input), _as_bool(other)])


def logical_or(input, other) -> Tensor:
    return one("mind.logical_or", [_as_bool(input), _as_bool(other)])


def logical_not(input) -> Tensor:
    return one("mind.logical_not", [_as_bool(input)])


def logical_xor(input, other) -> Tensor:
    return not_equal(_as_bool(input), _as_bool(other))


# ---- bitwise ops of integer or bool tensors (Python ints take the tensor's dtype)
def _bitwise(op_name: str, input, other) -> Tensor:
    x, y = operands(input, other)
    if x.dtype.is_float:
        fail(op_name, f"operands must be integer or bool tensors, got {x.dtype}")
    return one(op_name, [x, y])


def bitwise_and(input, other) -> Tensor:
    return _bitwise("mind.bitwise_and", input, other)


def bitwise_or(input, other) -> Tensor:
    return _bitwise("mind.bitwise_or", input, other)


def bitwise_xor(input, other) -> Tensor:
    return _bitwise("mind.bitwise_xor", input, other)


def invert(x) -> Tensor:
    """~x, bit by bit (for bool tensors, logical not)."""
    x = tensor(x)
    if x.dtype.is_float:
        fail("mind.invert", f"x must be an integer or bool tensor, got {x.dtype}")
    return one("mind.invert", [x])


# NaN is the one value unequal to itself; x - x is 0 exactly for the finite values. Integers are
# always finite.
def isnan(input) -> Tensor:
    x = tensor(input)
    return not_equal(x, x) if x.dtype.is_float else _bools_like(x, False)


def isfinite(input) -> Tensor:
    x = tensor(input)
    return equal(sub(x, x), 0) if x.dtype.is_float else _bools_like(x, True)


def isinf(input) -> Tensor:
    x = tensor(input)
    return logical_and(logical_not(isfinite(x)), logical_not(isnan(x)))


def _bools_like(x: Tensor, value: bool) -> Tensor:
    from mindc.ops.array import fill

    return fill(mdt.bool_, x.shape, value)


def select(cond, input, other) -> Tensor:
    """input where cond is true, else other; the three broadcast, numbers are allowed for input/other."""
    x, y = operands(input, other)
    return one("mind.select", [_as_bool(cond), x, y])


def cast(input, dtype) -> Tensor:
    """input converted to dtype (a mindc dtype, numpy dtype or Python type)."""
    return cast_to(tensor(input), mdt.as_dtype(dtype))


# ---- matrix products
def matmul(input, other) -> Tensor:
    """numpy's matmul: 2-d x 2-d is mind.matmul; batch dimensions broadcast (mind.batch_matmul);
    a 1-d operand is a row (left) or column (right) vector whose dimension is dropped again."""
    from mindc.ops.array import reshape

    x, y = operands(input, other)
    if x.ndim == 0 or y.ndim == 0:
        fail("mind.matmul", f"operands must have at least one dimension, found shapes {list(x.shape)} and {list(y.shape)}")
    drop_m, drop_n = x.ndim == 1, y.ndim == 1
    if drop_m:
        x = reshape(x, (1, x.shape[0]))
    if drop_n:
        y = reshape(y, (y.shape[0], 1))
    if x.ndim == 2 and y.ndim == 2:
        out = one("mind.matmul", [x, y], {"transpose_a": False, "transpose_b": False})
    else:
        # Equal ranks, so that batch_matmul only broadcasts sizes of 1.
        rank = max(x.ndim, y.ndim)
        x = reshape(x, (1,) * (rank - x.ndim) + x.shape)
        y = reshape(y, (1,) * (rank - y.ndim) + y.shape)
        out = one("mind.batch_matmul", [x, y], {"transpose_a": False, "transpose_b": False})
    if drop_m or drop_n:
        shape = out.shape[:-2] + out.shape[-2:-1] * (not drop_m) + out.shape[-1:] * (not drop_n)
        out = reshape(out, shape)
    return out


def bmm(input_x, mat2) -> Tensor:
    """Batched matrix product [..., m, k] x [..., k, n] (mind.batch_matmul)."""
    x, y = operands(input_x, mat2)
    return one("mind.batch_matmul", [x, y], {"transpose_a": False, "transpose_b": False})


# ---- reductions
def _axes(axis, rank: int, op_name: str) -> tuple[int, ...]:
    """Normalized reduction axes; () means every dimension (the ops' convention)."""
    if axis is None:
        return ()
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    normalized = tuple(axis_of(a, rank, op_name) for a in axes)
    if len(set(normalized)) != len(normalized):
        fail(op_name, f"axis {list(axes)} repeats a dimension")
    return tuple(sorted(normalized))


def _reduce(op_name: str, input, axis, keep_dims: bool) -> Tensor:
    x = tensor(input)
    return one(op_name, [x], {"axis": _axes(axis, x.ndim, op_name), "keep_dims": bool(keep_dims)})


def sum(input, dim=None, keepdim: bool = False, *, dtype=None) -> Tensor:
    """Sum over dim (an int, a tuple, or None for every dimension); dtype casts the input first."""
    x = tensor(input)
    if dtype is not None:
        x = cast_to(x, mdt.as_dtype(dtype))
    return _reduce("mind.reduce_sum", x, dim, keepdim)


def reduce_sum(input, axis=None, keep_dims: bool = False) -> Tensor:
    """MindSpore's ReduceSum spelling of sum."""
    return _reduce("mind.reduce_sum", input, axis, keep_dims)


def mean(input, axis=None, keep_dims: bool = False) -> Tensor:
    return _reduce("mind.reduce_mean", input, axis, keep_dims)


def amax(input, axis=None, keepdims: bool = False) -> Tensor:
    return _reduce("mind.reduce_max", input, axis, keepdims)


def amin(input, axis=None, keepdims: bool = False) -> Tensor:
    return _reduce("mind.reduce_min", input, axis, keepdims)


def prod(input, axis=None, keep_dims: bool = False) -> Tensor:
    return _reduce("mind.reduce_prod", input, axis, keep_dims)


def _reduce_bool(op_name: str, input, axis, keep_dims: bool) -> Tensor:
    # As 0/1 int32: all is their minimum, any their maximum.
    return _as_bool(_reduce(op_name, cast_to(_as_bool(input), mdt.int32), axis, keep_dims))


def all(input, axis=None, keep_dims: bool = False) -> Tensor:
    """Whether every element (over axis) is true or nonzero."""
    return _reduce_bool("mind.reduce_min", input, axis, keep_dims)


def any(input, axis=None, keep_dims: bool = False) -> Tensor:
    """Whether some element (over axis) is true or nonzero."""
    return _reduce_bool("mind.reduce_max", input, axis, keep_dims)


def _arg(op_name: str, input, axis, keepdims: bool) -> Tensor:
    from mindc.ops.array import reshape

    x = tensor(input)
    if axis is None:
        # Over the flattened input; MindSpore then ignores keepdims (a 0-d result).
        return one(op_name, [reshape(x, (x.size,))], {"axis": 0})
    axis = axis_of(axis, x.ndim, op_name)
    out = one(op_name, [x], {"axis": axis})
    return reshape(out, x.shape[:axis] + (1,) + x.shape[axis + 1:]) if keepdims else out


def argmax(input, dim=None, keepdim: bool = False) -> Tensor:
    """Index (int32) of the first maximum along dim, or over the flattened input if dim is None."""
    return _arg("mind.argmax", input, dim, keepdim)


def argmin(input, axis=None, keepdims: bool = False) -> Tensor:
    """Index (int32) of the first minimum along axis, or over the flattened input if axis is None."""
    return _arg("mind.argmin", input, axis, keepdims)
