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
    """A tensor element type; `str()` is MindSpore's spelling ("Float32"), `.mlir` ours ("f32").

    MindSpore's dtypes that mindc does not compile (int16, the unsigned ints, complex) exist too,
    for programs that name them: converting to them raises TypeError (see `as_dtype`).
    """

    __slots__ = ("name", "mlir", "_title", "_numpy")

    def __init__(self, name: str, mlir: str, title: str, numpy_type: Any = None):
        self.name, self.mlir, self._title, self._numpy = name, mlir, title, numpy_type

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
    def is_compiled(self) -> bool:
        """Whether mindc has tensors of this dtype."""
        return self.mlir in _BY_MLIR

    @property
    def numpy(self) -> np.dtype:
        if self.mlir == "bf16":
            import ml_dtypes

            return np.dtype(ml_dtypes.bfloat16)
        return np.dtype(self._numpy)

    def __repr__(self) -> str:
        return self._title

    __str__ = __repr__

    def __reduce__(self):
        # Unpickling returns the module's singleton, so `is` comparisons keep working.
        return (_named, (self.name,))


float16 = DType("float16", "f16", "Float16", np.float16)
bfloat16 = DType("bfloat16", "bf16", "BFloat16")
float32 = DType("float32", "f32", "Float32", np.float32)
float64 = DType("float64", "f64", "Float64", np.float64)
int8 = DType("int8", "i8", "Int8", np.int8)
int32 = DType("int32", "i32", "Int32", np.int32)
int64 = DType("int64", "i64", "Int64", np.int64)
bool_ = DType("bool_", "i1", "Bool", np.bool_)
# Named by MindSpore, not compiled by mindc (no rule accepts them).
int16 = DType("int16", "i16", "Int16", np.int16)
uint8 = DType("uint8", "ui8", "UInt8", np.uint8)
uint16 = DType("uint16", "ui16", "UInt16", np.uint16)
uint32 = DType("uint32", "ui32", "UInt32", np.uint32)
uint64 = DType("uint64", "ui64", "UInt64", np.uint64)
complex64 = DType("complex64", "complex<f32>", "Complex64", np.complex64)
complex128 = DType("complex128", "complex<f64>", "Complex128", np.complex128)
# MindSpore's aliases.
half, single, double = float16, float32, float64
byte, short, intc, intp = int8, int16, int32, int64
ubyte, ushort, uintc, uintp = uint8, uint16, uint32, uint64

ALL = (float16, bfloat16, float32, float64, int8, int32, int64, bool_)
_BY_MLIR = {d.mlir: d for d in ALL}
_NAMED = (*ALL, int16, uint8, uint16, uint32, uint64, complex64, complex128)
_BY_NAME = {d.name: d for d in _NAMED}

# MindSpore's groups of dtypes (mstype.number_type, ...).
int_type = (int8, int16, int32, int64)
uint_type = (uint8, uint16, uint32, uint64)
float_type = (float16, float32, float64, bfloat16)
complex_type = (complex64, complex128)
number_type = (*int_type, *uint_type, *float_type, *complex_type)
all_types = (bool_, *number_type)


def _named(name: str) -> DType:
    return _BY_NAME[name]


def as_dtype(value: Any) -> DType:
    """A DType that mindc compiles, from a DType, our MLIR spelling ("f32"), a numpy dtype, or a
    Python type (float is float32 and int int64, as MindSpore's Tensor defaults are).

    Raises TypeError for anything else, MindSpore's own uint8, int16, complex64... included.
    """
    if isinstance(value, np.dtype):
        # Every Tensor.dtype comes here with its array's dtype: one dictionary lookup.
        known = _BY_NUMPY.get(value)
        if known is not None and known.is_compiled:
            return known
    if isinstance(value, str) and value in _BY_MLIR:
        return _BY_MLIR[value]
    if isinstance(value, DType):
        found = value
    elif value is bool or value is int or value is float:
        found = {bool: bool_, int: int64, float: float32}[value]
    else:
        try:
            dt = np.dtype(value)
        except TypeError:
            raise TypeError(f"not a data type: {value!r}") from None
        found = bfloat16 if dt.name == "bfloat16" else _BY_NUMPY.get(dt)
        if found is None:
            raise TypeError(f"unsupported data type {dt}; mindc has {', '.join(d.name for d in ALL)}")
    if not found.is_compiled:
        raise TypeError(f"unsupported data type {found.name}; mindc has {', '.join(d.name for d in ALL)}")
    return found


# bfloat16 is left to the slow path: its numpy dtype needs ml_dtypes, imported on first use.
_BY_NUMPY = {np.dtype(d._numpy): d for d in _NAMED if d._numpy is not None}


def dtype_to_nptype(type_: DType) -> type:
    """MindSpore's `dtype_to_nptype`: the numpy scalar type of a DType (`numpy.float32`)."""
    if not isinstance(type_, DType):
        raise TypeError(f"dtype_to_nptype takes a mindc dtype, got {type_!r}")
    return type_.numpy.type


def dtype_to_pytype(type_: DType) -> type:
    """MindSpore's `dtype_to_pytype`: the Python type of a DType's values (bool, int, float, complex)."""
    if not isinstance(type_, DType):
        raise TypeError(f"dtype_to_pytype takes a mindc dtype, got {type_!r}")
    if type_.is_bool:
        return bool
    if type_ in complex_type:
        return complex
    return float if type_.is_float else int


def pytype_to_dtype(obj: Any) -> DType:
    """MindSpore's `pytype_to_dtype`: the DType of a Python or numpy type (int -> int64, float ->
    float64, as MindSpore maps them; Tensor(1.0) is float32 by a separate default)."""
    if isinstance(obj, np.dtype):
        obj = obj.type
    if isinstance(obj, DType):
        return obj
    if not isinstance(obj, type):
        raise TypeError(f"pytype_to_dtype takes a Python type object such as int or float, got {obj!r}")
    simple = {bool: bool_, int: int64, float: float64, complex: complex128}
    if obj in simple:
        return simple[obj]
    found = _BY_NUMPY.get(np.dtype(obj)) if issubclass(obj, np.generic) else None
    if found is None:
        raise NotImplementedError(f"the Python type {obj} has no mindc dtype")
    return found


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
