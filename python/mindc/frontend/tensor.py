"""Tensor: MindSpore's `Tensor(input_data, dtype)`, a numpy array plus the operators of mindc.ops.

Every method and operator that computes goes through mindc.ops, so one call runs a compiled
kernel eagerly (PyNative) or, inside `mindc.jit`, records a mind op; the numpy array is only
storage. Tracers (frontend/trace.py) subclass Tensor and share this whole API.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from mindc.frontend import dtype as mdt

_OPS = None


def _ops():
    # mindc.ops imports the MLIR bindings; a Tensor that never computes should not pay for them.
    global _OPS
    if _OPS is None:
        import mindc.ops

        _OPS = mindc.ops
    return _OPS


def _to_array(data: Any, dtype: mdt.DType | None) -> np.ndarray:
    """A fresh numpy array with MindSpore's default dtypes (Python float -> float32, int -> int64)."""
    if isinstance(data, Tensor):
        array = data.asnumpy()
    elif isinstance(data, np.ndarray):
        array = data
    elif mdt.scalar_kind(data) is not None:
        kind = mdt.scalar_kind(data)
        array = np.asarray(data, dtype=None if isinstance(data, np.generic) else mdt.default_dtype(kind).numpy)
    elif isinstance(data, (list, tuple)):
        array = np.asarray(data)
        if array.dtype == np.float64 and not _has_float64(data):
            array = array.astype(np.float32)
    else:
        raise TypeError(f"Tensor input_data must be a Tensor, numpy array, number, list or tuple, got {type(data).__name__}")
    target = mdt.as_dtype(dtype) if dtype is not None else mdt.as_dtype(array.dtype)
    return np.array(array, dtype=target.numpy, copy=True, order="C")


def _has_float64(data) -> bool:
    """True if a nested list holds float64 numpy data (kept as float64, as numpy arrays are)."""
    for item in data:
        if isinstance(item, (list, tuple)):
            if _has_float64(item):
                return True
        elif isinstance(item, (np.ndarray, np.float64)) and np.asarray(item).dtype == np.float64:
            return True
    return False


class Tensor:
    """An immutable n-dimensional array on the host CPU.

    Tensor(input_data, dtype=None): input_data is a Tensor, numpy array, Python number or nested
    list; dtype is a mindc dtype (`mindc.float32`), numpy dtype or Python type. Without dtype,
    Python floats become float32 and ints int64 (MindSpore's defaults); numpy arrays keep theirs.
    """

    # numpy calls our reflected operators (ndarray + Tensor -> Tensor.__radd__), never its ufuncs.
    __array_ufunc__ = None

    def __init__(self, input_data: Any = None, dtype: Any = None):
        if input_data is None:
            raise TypeError("Tensor needs input_data (a number, list, numpy array or Tensor)")
        self._array = _to_array(input_data, dtype)

    @classmethod
    def _wrap(cls, array: np.ndarray) -> "Tensor":
        """A Tensor owning `array` as is (no copy, no dtype defaults): for results of kernels."""
        t = object.__new__(Tensor)
        t._array = array
        return t

    @staticmethod
    def from_numpy(array: np.ndarray) -> "Tensor":
        """A Tensor sharing memory with `array` (MindSpore's Tensor.from_numpy)."""
        mdt.as_dtype(array.dtype)
        return Tensor._wrap(np.ascontiguousarray(array))

    # ---- what a tensor is
    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self._array.shape)

    @property
    def dtype(self) -> mdt.DType:
        return mdt.as_dtype(self._array.dtype)

    @property
    def ndim(self) -> int:
        return len(self.shape)

    @property
    def size(self) -> int:
        return int(np.prod(self.shape, dtype=np.int64))

    @property
    def itemsize(self) -> int:
        return self.dtype.numpy.itemsize

    @property
    def nbytes(self) -> int:
        return self.size * self.itemsize

    @property
    def T(self) -> "Tensor":
        return self.transpose()

    def asnumpy(self) -> np.ndarray:
        """The values as a numpy array (shared with the tensor: do not write to it)."""
        return self._array

    numpy = asnumpy

    def item(self):
        if self.size != 1:
            raise ValueError(f"item() needs a tensor with one element, this one has shape {list(self.shape)}")
        return self.asnumpy().reshape(()).item()

    def tolist(self):
        return self.asnumpy().tolist()

    def __array__(self, dtype=None, copy=None):
        array = self.asnumpy()
        return array if dtype is None else array.astype(dtype)

    def __len__(self) -> int:
        if not self.shape:
            raise TypeError("len() of a 0-d tensor")
        return self.shape[0]

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __bool__(self) -> bool:
        return bool(self.item())

    def __float__(self) -> float:
        return float(self.item())

    def __int__(self) -> int:
        return int(self.item())

    def __index__(self) -> int:
        # range(n), indexing and slicing with an integer tensor, as on numpy's integer scalars.
        if not (self.dtype.is_int or self.dtype.is_bool) or self.shape:
            raise TypeError(f"only 0-d integer tensors can be used as an index, not {self.dtype} of shape {self.shape}")
        return int(self.item())

    def __repr__(self) -> str:
        array = self.asnumpy()
        if array.ndim == 0:
            return f"Tensor(shape=[], dtype={self.dtype}, value= {array.item()})"
        return f"Tensor(shape={list(self.shape)}, dtype={self.dtype}, value=\n{np.array2string(array, separator=', ')})"

    def __str__(self) -> str:
        return str(self.asnumpy())

    # Tensors are compared by value with ==, so hashing goes by identity (as MindSpore's do).
    __hash__ = object.__hash__

    # ---- operators
    def __add__(self, other):
        return _ops().add(self, other)

    def __radd__(self, other):
        return _ops().add(other, self)

    def __sub__(self, other):
        return _ops().sub(self, other)

    def __rsub__(self, other):
        return _ops().sub(other, self)

    def __mul__(self, other):
        return _ops().mul(self, other)

    def __rmul__(self, other):
        return _ops().mul(other, self)

    def __truediv__(self, other):
        return _ops().div(self, other)

    def __rtruediv__(self, other):
        return _ops().div(other, self)

    def __pow__(self, other):
        return _ops().pow(self, other)

    def __rpow__(self, other):
        return _ops().pow(other, self)

    def __matmul__(self, other):
        return _ops().matmul(self, other)

    def __rmatmul__(self, other):
        return _ops().matmul(other, self)

    def __neg__(self):
        return _ops().neg(self)

    def __pos__(self):
        return self

    def __abs__(self):
        return _ops().abs(self)

    def __lt__(self, other):
        return _ops().less(self, other)

    def __le__(self, other):
        return _ops().less_equal(self, other)

    def __gt__(self, other):
        return _ops().greater(self, other)

    def __ge__(self, other):
        return _ops().greater_equal(self, other)

    def __eq__(self, other):
        return _ops().equal(self, other)

    def __ne__(self, other):
        return _ops().not_equal(self, other)

    def __and__(self, other):
        return _ops().logical_and(self, other)

    def __rand__(self, other):
        return _ops().logical_and(other, self)

    def __or__(self, other):
        return _ops().logical_or(self, other)

    def __ror__(self, other):
        return _ops().logical_or(other, self)

    def __invert__(self):
        return _ops().logical_not(self)

    def __getitem__(self, index):
        return _ops().array.getitem(self, index)

    def __setitem__(self, index, value):
        raise TypeError("mindc tensors are immutable; build a new one (for example with ops.select)")

    # ---- methods (MindSpore's Tensor methods, each one mindc.ops call)
    def astype(self, dtype, copy: bool = True) -> "Tensor":
        return _ops().cast(self, dtype)

    def reshape(self, *shape) -> "Tensor":
        return _ops().reshape(self, _varargs(shape))

    def view(self, *shape) -> "Tensor":
        return _ops().reshape(self, _varargs(shape))

    def transpose(self, *axes) -> "Tensor":
        axes = _varargs(axes)
        return _ops().transpose(self, axes if axes else tuple(reversed(range(self.ndim))))

    def permute(self, *axis) -> "Tensor":
        return _ops().permute(self, _varargs(axis))

    def expand_dims(self, axis: int) -> "Tensor":
        return _ops().expand_dims(self, axis)

    def squeeze(self, axis=None) -> "Tensor":
        return _ops().squeeze(self, axis)

    def flatten(self, order: str = "C", *, start_dim: int = 0, end_dim: int = -1) -> "Tensor":
        return _ops().flatten(self, order, start_dim=start_dim, end_dim=end_dim)

    def broadcast_to(self, shape) -> "Tensor":
        return _ops().broadcast_to(self, shape)

    def sum(self, axis=None, dtype=None, keepdims: bool = False) -> "Tensor":
        return _ops().sum(self, axis, keepdims, dtype=dtype)

    def mean(self, axis=None, keep_dims: bool = False) -> "Tensor":
        return _ops().mean(self, axis, keep_dims)

    def prod(self, axis=None, keep_dims: bool = False) -> "Tensor":
        return _ops().prod(self, axis, keep_dims)

    def max(self, axis=None, keepdims: bool = False) -> "Tensor":
        return _ops().amax(self, axis, keepdims)

    def min(self, axis=None, keepdims: bool = False) -> "Tensor":
        return _ops().amin(self, axis, keepdims)

    def argmax(self, axis=None, keepdims: bool = False) -> "Tensor":
        return _ops().argmax(self, axis, keepdims)

    def argmin(self, axis=None, keepdims: bool = False) -> "Tensor":
        return _ops().argmin(self, axis, keepdims)

    def matmul(self, other) -> "Tensor":
        return _ops().matmul(self, other)

    def abs(self) -> "Tensor":
        return _ops().abs(self)

    def exp(self) -> "Tensor":
        return _ops().exp(self)

    def log(self) -> "Tensor":
        return _ops().log(self)

    def sqrt(self) -> "Tensor":
        return _ops().sqrt(self)

    def rsqrt(self) -> "Tensor":
        return _ops().rsqrt(self)

    def sin(self) -> "Tensor":
        return _ops().sin(self)

    def cos(self) -> "Tensor":
        return _ops().cos(self)

    def tanh(self) -> "Tensor":
        return _ops().tanh(self)

    def sigmoid(self) -> "Tensor":
        return _ops().sigmoid(self)

    def softmax(self, axis: int = -1) -> "Tensor":
        return _ops().softmax(self, axis)


def _varargs(args: Sequence) -> tuple:
    """reshape(2, 3) and reshape((2, 3)) alike."""
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        return tuple(args[0])
    return tuple(args)
