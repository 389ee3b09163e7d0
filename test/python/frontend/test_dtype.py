"""mindc's dtypes as MindSpore programs use them: `from mindc.common import dtype as mstype`,
their names and groups, conversions to and from numpy and Python types, and Tensor.dtype."""
import pickle

import numpy as np
import pytest

import mindc
from mindc.common import dtype as mstype

T = mindc.Tensor


def test_mstype_module_holds_mindcs_dtypes():
    assert mstype.float32 is mindc.float32 is mindc.dtype.float32
    assert (mstype.int32, mstype.int64, mstype.bool_, mstype.float16) == (mindc.int32, mindc.int64, mindc.bool_,
                                                                         mindc.float16)
    assert (mstype.byte, mstype.short, mstype.intc, mstype.intp) == (mstype.int8, mstype.int16, mstype.int32,
                                                                     mstype.int64)
    assert mstype.ubyte is mstype.uint8 and mstype.half is mstype.float16 and mstype.double is mstype.float64
    assert isinstance(mstype.float32, mstype.Type)


@pytest.mark.parametrize("dtype,text", [
    (mstype.float32, "Float32"), (mstype.float16, "Float16"), (mstype.float64, "Float64"), (mstype.int8, "Int8"),
    (mstype.int16, "Int16"), (mstype.int32, "Int32"), (mstype.int64, "Int64"), (mstype.uint8, "UInt8"),
    (mstype.bool_, "Bool"), (mstype.bfloat16, "BFloat16"), (mstype.complex64, "Complex64"),
])
def test_dtypes_print_as_mindspore_does(dtype, text):
    assert str(dtype) == repr(dtype) == text


def test_tensor_dtype_compares_equal_to_mstype():
    t = T(np.zeros(2, np.float32))
    assert t.dtype == mstype.float32 and t.dtype != mstype.float16
    assert t.dtype in mstype.float_type and t.dtype in mstype.number_type
    assert T([1, 2]).dtype in mstype.int_type and T([True]).dtype not in mstype.number_type
    assert str(T(1.5).dtype) == "Float32"


def test_dtype_groups_are_mindsporess():
    assert mstype.int_type == (mstype.int8, mstype.int16, mstype.int32, mstype.int64)
    assert mstype.uint_type == (mstype.uint8, mstype.uint16, mstype.uint32, mstype.uint64)
    assert set(mstype.float_type) == {mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16}
    assert mstype.bool_ in mstype.all_types and mstype.bool_ not in mstype.number_type


@pytest.mark.parametrize("dtype,nptype,pytype", [
    (mstype.float32, np.float32, float), (mstype.float64, np.float64, float), (mstype.float16, np.float16, float),
    (mstype.int32, np.int32, int), (mstype.int64, np.int64, int), (mstype.int16, np.int16, int),
    (mstype.uint8, np.uint8, int), (mstype.bool_, np.bool_, bool), (mstype.complex64, np.complex64, complex),
])
def test_dtype_conversions_round_trip(dtype, nptype, pytype):
    assert mstype.dtype_to_nptype(dtype) is nptype
    assert mstype.dtype_to_pytype(dtype) is pytype
    assert mstype.pytype_to_dtype(nptype) is dtype
    assert mstype.pytype_to_dtype(np.dtype(nptype)) is dtype


def test_pytype_to_dtype_follows_mindspore_for_python_types():
    # MindSpore maps the Python float type to float64 here, although Tensor(1.0) is float32.
    assert mstype.pytype_to_dtype(float) is mstype.float64 and mstype.pytype_to_dtype(int) is mstype.int64
    assert mstype.pytype_to_dtype(bool) is mstype.bool_ and mstype.pytype_to_dtype(mstype.int8) is mstype.int8
    with pytest.raises(TypeError, match="Python type object"):
        mstype.pytype_to_dtype(1.0)
    with pytest.raises(NotImplementedError):
        mstype.pytype_to_dtype(str)


def test_dtypes_mindc_does_not_compile_are_refused_clearly():
    for dtype in (mstype.int16, mstype.uint8, mstype.complex64):
        with pytest.raises(TypeError, match=f"unsupported data type {dtype.name}"):
            T([1, 2], dtype)
        with pytest.raises(TypeError, match=f"unsupported data type {dtype.name}"):
            T([1, 2]).astype(dtype)
    with pytest.raises(TypeError, match="unsupported data type uint16"):
        T(np.zeros(2, np.uint16))


def test_dtypes_pickle_to_the_same_objects():
    for dtype in (mstype.int8, mstype.uint8, mstype.bfloat16, mstype.complex128):
        assert pickle.loads(pickle.dumps(dtype)) is dtype


@pytest.mark.parametrize("dtype", [mstype.float16, mstype.float32, mstype.float64, mstype.int8, mstype.int32,
                                   mstype.int64, mstype.bool_])
def test_tensor_of_each_dtype_holds_numpys_values(dtype):
    values = np.random.default_rng(3).standard_normal(5) * 4
    t = T(values, dtype)
    assert t.dtype is dtype and t.itemsize == np.dtype(mstype.dtype_to_nptype(dtype)).itemsize
    np.testing.assert_array_equal(t.asnumpy(), values.astype(mstype.dtype_to_nptype(dtype)))
