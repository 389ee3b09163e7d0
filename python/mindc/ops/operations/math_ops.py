"""MindSpore's math primitives (mindspore.ops.operations.math_ops): elementwise arithmetic,
comparisons, logic, matrix products, reductions and running sums."""
from __future__ import annotations

from mindc.ops import math
from mindc.ops._base import ints, one, operands, tensor
from mindc.ops.operations._define import define
from mindc.ops.primitive import Primitive, check_bool, check_int, prim_attr_register

__all__ = [
    "Add", "Sub", "Mul", "RealDiv", "Div", "Pow", "Neg", "Abs", "Exp", "Log", "Sqrt", "Rsqrt", "Square", "Sin", "Cos",
    "Tanh", "Erf", "Floor", "Ceil", "Sign", "Reciprocal", "Log1p", "Expm1", "Atan2", "FloorDiv", "FloorMod", "Mod",
    "SquaredDifference", "Maximum", "Minimum", "Equal", "NotEqual", "Greater", "GreaterEqual", "Less", "LessEqual",
    "LogicalAnd", "LogicalOr", "LogicalNot", "AddN", "MatMul", "BatchMatMul", "ReduceSum", "ReduceMean", "ReduceMax",
    "ReduceMin", "ReduceProd", "CumSum", "TensorAdd", "Erfc", "Inv", "DivNoNan", "Xdivy", "Xlogy", "IsNan", "IsInf",
    "IsFinite", "LogicalXor", "BitwiseAnd", "BitwiseOr", "BitwiseXor", "Invert", "Lerp", "TruncateDiv", "TruncateMod", "ReduceAll", "ReduceAny",
]


def _squared_difference(x, y):
    return math.square(math.sub(x, y))


# Primitives without attributes, each calling one functional op. Div and RealDiv are both true
# division (integer operands divide in float32).
Add = define("Add", math.add, __name__)
Sub = define("Sub", math.sub, __name__)
Mul = define("Mul", math.mul, __name__)
RealDiv = define("RealDiv", math.div, __name__)
Div = define("Div", math.div, __name__)
Pow = define("Pow", math.pow, __name__)
Neg = define("Neg", math.neg, __name__)
Abs = define("Abs", math.abs, __name__)
Exp = define("Exp", math.exp, __name__)
Log = define("Log", math.log, __name__)
Sqrt = define("Sqrt", math.sqrt, __name__)
Rsqrt = define("Rsqrt", math.rsqrt, __name__)
Square = define("Square", math.square, __name__)
Sin = define("Sin", math.sin, __name__)
Cos = define("Cos", math.cos, __name__)
Tanh = define("Tanh", math.tanh, __name__)
Erf = define("Erf", math.erf, __name__)
Floor = define("Floor", math.floor, __name__)
Ceil = define("Ceil", math.ceil, __name__)
Sign = define("Sign", math.sign, __name__)
Reciprocal = define("Reciprocal", math.reciprocal, __name__)
Log1p = define("Log1p", math.log1p, __name__)
Expm1 = define("Expm1", math.expm1, __name__)
Atan2 = define("Atan2", math.atan2, __name__)
FloorDiv = define("FloorDiv", math.floor_div, __name__)
FloorMod = define("FloorMod", math.floor_mod, __name__)
Mod = define("Mod", math.fmod, __name__)
SquaredDifference = define("SquaredDifference", _squared_difference, __name__)
Maximum = define("Maximum", math.maximum, __name__)
Minimum = define("Minimum", math.minimum, __name__)
Equal = define("Equal", math.equal, __name__)
NotEqual = define("NotEqual", math.not_equal, __name__)
Greater = define("Greater", math.greater, __name__)
GreaterEqual = define("GreaterEqual", math.greater_equal, __name__)
Less = define("Less", math.less, __name__)
LessEqual = define("LessEqual", math.less_equal, __name__)
LogicalAnd = define("LogicalAnd", math.logical_and, __name__)
BitwiseAnd = define("BitwiseAnd", math.bitwise_and, __name__)
BitwiseOr = define("BitwiseOr", math.bitwise_or, __name__)
BitwiseXor = define("BitwiseXor", math.bitwise_xor, __name__)
Invert = define("Invert", math.invert, __name__)
LogicalOr = define("LogicalOr", math.logical_or, __name__)
LogicalNot = define("LogicalNot", math.logical_not, __name__)
AddN = define("AddN", math.addn, __name__)
TensorAdd = define("TensorAdd", math.add, __name__)  # MindSpore 1.x's name of Add
Erfc = define("Erfc", math.erfc, __name__)
Inv = define("Inv", math.inv, __name__)
DivNoNan = define("DivNoNan", math.div_no_nan, __name__)
Xdivy = define("Xdivy", math.xdivy, __name__)
Xlogy = define("Xlogy", math.xlogy, __name__)
IsNan = define("IsNan", math.isnan, __name__)
IsInf = define("IsInf", math.isinf, __name__)
IsFinite = define("IsFinite", math.isfinite, __name__)
LogicalXor = define("LogicalXor", math.logical_xor, __name__)
Lerp = define("Lerp", math.lerp, __name__)
TruncateDiv = define("TruncateDiv", math.truncate_div, __name__)
TruncateMod = define("TruncateMod", math.truncate_mod, __name__)


class _MatMulBase(Primitive):
    """transpose_a/transpose_b are attributes of the mind op itself, so no transpose is built."""

    op_name: str

    @prim_attr_register
    def __init__(self, transpose_a: bool = False, transpose_b: bool = False):
        check_bool(transpose_a, "transpose_a", self.name)
        check_bool(transpose_b, "transpose_b", self.name)

    def __call__(self, x, y):
        return one(self.op_name, operands(x, y), {"transpose_a": self.transpose_a, "transpose_b": self.transpose_b})


class MatMul(_MatMulBase):
    """MatMul(transpose_a=False, transpose_b=False)(x, y): [m, k] x [k, n], after the transposes."""

    op_name = "mind.matmul"


class BatchMatMul(_MatMulBase):
    """BatchMatMul(transpose_a=False, transpose_b=False)(x, y): [..., m, k] x [..., k, n]."""

    op_name = "mind.batch_matmul"


class _Reduce(Primitive):
    """Reduce*(keep_dims=False)(x, axis=()): an empty axis reduces every dimension."""

    @prim_attr_register
    def __init__(self, keep_dims: bool = False):
        check_bool(keep_dims, "keep_dims", self.name)

    def __call__(self, x, axis=()):
        return type(self).function(x, ints(axis, "axis") or None, self.keep_dims)


class ReduceSum(_Reduce):
    """ReduceSum(keep_dims=False, skip_mode=False)(x, axis=()); with skip_mode an empty axis
    leaves x as it is instead of summing everything."""

    function = staticmethod(math.reduce_sum)

    @prim_attr_register
    def __init__(self, keep_dims: bool = False, skip_mode: bool = False):
        check_bool(keep_dims, "keep_dims", self.name)
        check_bool(skip_mode, "skip_mode", self.name)

    def __call__(self, x, axis=()):
        if self.skip_mode and not ints(axis, "axis"):
            return tensor(x)
        return super().__call__(x, axis)


class ReduceMean(_Reduce):
    function = staticmethod(math.mean)


class ReduceMax(_Reduce):
    function = staticmethod(math.amax)


class ReduceMin(_Reduce):
    function = staticmethod(math.amin)


class ReduceProd(_Reduce):
    function = staticmethod(math.prod)


class ReduceAll(_Reduce):
    function = staticmethod(math.all)


class ReduceAny(_Reduce):
    function = staticmethod(math.any)


class CumSum(Primitive):
    """CumSum(exclusive=False, reverse=False)(x, axis)."""

    @prim_attr_register
    def __init__(self, exclusive: bool = False, reverse: bool = False):
        check_bool(exclusive, "exclusive", self.name)
        check_bool(reverse, "reverse", self.name)

    def __call__(self, x, axis):
        return math.cumulative_sum(x, check_int(axis, "axis", self.name), self.exclusive, self.reverse)
