"""Data types of mindc tensors, named as MindSpore names them (`mindc.float32`, `mindc.int64`, ...).

Each DType carries the MLIR element type spelling the compiler uses ("f32", "i64", ...). This
module also holds the frontend's implicit type promotion, which follows MindSpore's: a Python
scalar takes the tensor's dtype unless its kind is wider (float beats int beats bool), and two
tensors of different dtypes meet at the higher one.
"""
from __future__ import annotations

import numbers
from typing import Any

import numpy as np


class DType:
    """A tensor element type; `str()` is MindSpore's spelling ("Float32"), `.mlir` ours ("f32")."""

    __slots__ = ("name", "mlir", "_title")

    def __init__(self, name: str, mlir: str, title: str):
        self.name, self.mlir, self._title = name, mlir, title

    @property
    def is_float(self) -> bool:
        return self.mlir.startswith(("f", "bf"))

    @property
    def is_int(self) -> bool:
        return self.mlir.startswith("i") and self.mlir != "i1"

    @property
    def is_bool(self) -> bool:
        return self.mlir == "i1"

    @property
    def numpy(self) -> np.dtype:
        if self.mlir == "bf16":
            import ml_dtypes

            return np.dtype(ml_dtypes.bfloat16)
        return np.dtype(_NUMPY[self.mlir])

    def __repr__(self) -> str:
        return self._title

    __str__ = __repr__

    def __reduce__(self):
        # Unpickling returns the module's singleton, so `is` comparisons keep working.
        return (as_dtype, (self.mlir,))


float16 = DType("float16", "f16", "Float16")
bfloat16 = DType("bfloat16", "bf16", "BFloat16")
float32 = DType("float32", "f32", "Float32")
float64 = DType("float64", "f64", "Float64")
int8 = DType("int8", "i8", "Int8")
int32 = DType("int32", "i32", "Int32")
int64 = DType("int64", "i64", "Int64")
bool_ = DType("bool_", "i1", "Bool")
# MindSpore's aliases.
half, single, double = float16, float32, float64

ALL = (float16, bfloat16, float32, float64, int8, int32, int64, bool_)
_BY_MLIR = {d.mlir: d for d in ALL}
_NUMPY = {"f16": np.float16, "f32": np.float32, "f64": np.float64, "i1": np.bool_, "i8": np.int8,
          "i32": np.int32, "i64": np.int64}


def as_dtype(value: Any) -> DType:
    """A DType from a DType, our MLIR spelling ("f32"), a numpy dtype, or a Python type.

    Raises TypeError for anything mindc has no element type for (uint8, int16, complex, ...).
    """
    if isinstance(value, DType):
        return value
    if isinstance(value, np.dtype):
        # Every Tensor.dtype comes here with its array's dtype: one dictionary lookup.
        known = _BY_NUMPY.get(value)
        if known is not None:
            return known
    if isinstance(value, str) and value in _BY_MLIR:
        return _BY_MLIR[value]
    if value is bool:
        return bool_
    if value is int:
        return int64
    if value is float:
        return float32
    try:
        dt = np.dtype(value)
    except TypeError:
        raise TypeError(f"not a data type: {value!r}") from None
    if dt.name == "bfloat16":
        return bfloat16
    for mlir, np_type in _NUMPY.items():
        if dt == np_type:
            return _BY_MLIR[mlir]
    raise TypeError(f"unsupported data type {dt}; mindc has {', '.join(d.name for d in ALL)}")


# bfloat16 is left to the slow path: its numpy dtype needs ml_dtypes, imported on first use.
_BY_NUMPY = {np.dtype(np_type): _BY_MLIR[mlir] for mlir, np_type in _NUMPY.items()}


def dtype_to_nptype(dtype: DType) -> np.dtype:
    """MindSpore's `dtype_to_nptype`: the numpy dtype of a DType."""
    return as_dtype(dtype).numpy


# Promotion order for tensor-tensor mixes: bool < ints by width < floats by width.
_ORDER = {"i1": 0, "i8": 1, "i32": 2, "i64": 3, "f16": 4, "bf16": 4, "f32": 5, "f64": 6}


def promote_types(a: DType, b: DType) -> DType:
    """The dtype two tensors of dtypes a and b compute in (MindSpore's implicit promotion)."""
    if a is b:
        return a
    if {a.mlir, b.mlir} == {"f16", "bf16"}:
        # Neither holds the other: MindSpore meets them at float32.
        return float32
    return a if _ORDER[a.mlir] >= _ORDER[b.mlir] else b


def scalar_kind(value: Any) -> str | None:
    """'bool', 'int' or 'float' for a Python or numpy scalar, None for anything else."""
    if isinstance(value, (bool, np.bool_)):
        return "bool"
    if isinstance(value, numbers.Integral):
        return "int"
    if isinstance(value, numbers.Real):
        return "float"
    return None


def promote_scalar(tensor: DType, kind: str) -> DType:
    """The dtype of `tensor op scalar`: the tensor's dtype unless the scalar's kind is wider."""
    if kind == "float" and not tensor.is_float:
        return float32
    if kind == "int" and tensor.is_bool:
        return int64
    return tensor


def default_dtype(kind: str) -> DType:
    """The dtype MindSpore gives a Python scalar of this kind on its own."""
    return {"bool": bool_, "int": int64, "float": float32}[kind]
