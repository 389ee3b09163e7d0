"""mindc.common.dtype: MindSpore's `mindspore.common.dtype` (imported as `mstype`): the dtypes,
their groups and conversions. They are defined in mindc.frontend.dtype; this is the module
programs import them from (`from mindc.common import dtype as mstype`)."""
from mindc.frontend.dtype import (DType, all_types, bfloat16, bool_, byte, complex64, complex128, complex_type,
                                  double, dtype_to_nptype, dtype_to_pytype, float16, float32, float64, float_type,
                                  half, int8, int16, int32, int64, int_type, intc, intp, number_type,
                                  pytype_to_dtype, short, single, ubyte, uint8, uint16, uint32, uint64, uint_type,
                                  uintc, uintp, ushort)

# MindSpore calls the class of its dtypes Type.
Type = DType

__all__ = [
    "Type", "int8", "byte", "int16", "short", "int32", "intc", "int64", "intp", "uint8", "ubyte", "uint16",
    "ushort", "uint32", "uintc", "uint64", "uintp", "float16", "half", "float32", "single", "float64", "double",
    "bfloat16", "bool_", "complex64", "complex128", "number_type", "int_type", "uint_type", "float_type",
    "complex_type", "all_types", "dtype_to_nptype", "dtype_to_pytype", "pytype_to_dtype",
]
