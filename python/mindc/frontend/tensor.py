"""Tensor: MindSpore's `Tensor(input_data, dtype, shape, init)`, a numpy array plus the operators
and indexing of mindc.ops; its other methods are in tensor_methods.py.

Every method and operator that computes goes through mindc.ops, so one call runs a compiled
kernel eagerly (PyNative) or, inside `mindc.jit`, records a mind op; the numpy array is only
storage. Tracers (frontend/trace.py) subclass Tensor and share this whole API.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from mindc.frontend import dtype as mdt
from mindc.frontend.tensor_methods import TensorMethods, _ops


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


class Tensor(TensorMethods):
    """An n-dimensional array on the host CPU (MindSpore's Tensor).

    Tensor(input_data=None, dtype=None, shape=None, init=None, const_arg=False): input_data is a
    Tensor, numpy array, Python number or nested list/tuple; dtype a mindc dtype (`mindc.float32`),
    numpy dtype or Python type. Without dtype, Python floats become float32, ints int64 and bools
    bool_ (MindSpore's defaults); numpy arrays keep theirs. Without input_data, shape and dtype
    give a tensor filled by `init` (an initializer from mindc.common.initializer, its name, or a
    number), or zeros.
    """

    # numpy calls our reflected operators (ndarray + Tensor -> Tensor.__radd__), never its ufuncs.
    __array_ufunc__ = None
    # Set per tensor by Tensor(const_arg=True): a jit argument MindSpore treats as a constant.
    const_arg = False

    def __init__(self, input_data: Any = None, dtype: Any = None, shape: Any = None, init: Any = None,
                 const_arg: bool = False, device: str | None = None):
        if device not in (None, "CPU"):
            raise ValueError(f"mindc tensors live on the CPU; device must be None or 'CPU', got {device!r}")
        if input_data is not None:
            if shape is not None or init is not None:
                raise TypeError("Tensor takes either input_data, or shape and dtype (and init), not both")
            self._array = _to_array(input_data, dtype)
        elif shape is not None and dtype is not None:
            from mindc.common.initializer import initializer

            self._array = initializer(0 if init is None else init, shape, dtype)._array
        else:
            raise TypeError("Tensor needs input_data (a number, list, numpy array or Tensor), or shape and dtype")
        if const_arg:
            self.const_arg = True

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

    def _rebind(self, new: "Tensor") -> None:
        """Make this tensor hold new's value (what `x[i] = v` does to x). A Tracer takes the new
        traced value; a Parameter overrides this to record an assignment."""
        if type(self) is Tensor and type(new) is not Tensor:
            _fail_assignment("a tensor created outside the graph cannot be updated inside it; pass it as an "
                             "argument, or make it a Parameter")
        if getattr(self, "_trace", None) is not getattr(new, "_trace", None):
            # The traced value would leave the branch or loop body it was computed in.
            _fail_assignment("a tensor from outside a graph-mode branch or loop body cannot be updated in place "
                             "inside it; assign the new value to the name instead (x = ops.select(...), x = x + y)")
        self.__dict__.update(new.__dict__)

    def _in_place(self, new: "Tensor", by_operator: bool = False) -> "Tensor":
        """What `x += y` and x.add_(y) leave: x updated in place, in x's dtype (MindSpore's
        add_). An operator on a traced value from outside this branch or loop body rebinds the
        name instead (graph mode's `x = x + y`), which the control-flow conversion carries out."""
        new = _ops().cast(new, self.dtype)
        if by_operator and getattr(self, "_trace", None) is not getattr(new, "_trace", None):
            return new
        self._rebind(new)
        return self

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
    def strides(self) -> tuple[int, ...]:
        """Bytes between neighbours along each dimension (tensors are dense, row-major)."""
        return tuple(s * self.itemsize for s in self.stride())

    def stride(self, dim: int | None = None):
        """Elements between neighbours along each dimension, or along dim."""
        steps = tuple(int(np.prod(self.shape[i + 1:], dtype=np.int64)) for i in range(self.ndim))
        return steps if dim is None else steps[dim]

    @property
    def T(self) -> "Tensor":
        return self.transpose()

    @property
    def has_init(self) -> bool:
        # Initializers run when the tensor is made, so there is never initialization pending.
        return False

    def init_data(self, slice_index=None, shape=None, opt_shard_group=None) -> "Tensor":
        return self

    def ndimension(self) -> int:
        return self.ndim

    dim = ndimension

    def numel(self) -> int:
        return self.size

    nelement = numel

    def is_contiguous(self) -> bool:
        return True

    def contiguous(self) -> "Tensor":
        return self

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

    def __contains__(self, element) -> bool:
        return bool((self == element).any())

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
        # MindSpore's layout: 0-d and 1-d values follow "value= ", larger ones start a new line.
        array = self.asnumpy()
        values = array.item() if array.ndim == 0 else np.array2string(array, separator=", ")
        return f"Tensor(shape={list(self.shape)}, dtype={self.dtype}, value={' ' if array.ndim <= 1 else chr(10)}{values})"

    def __str__(self) -> str:
        return str(self.asnumpy())

    def __format__(self, spec: str) -> str:
        # f"{loss:.4f}" formats a one-element tensor as its number.
        return format(self.item(), spec) if spec and self.size == 1 else format(str(self), spec)

    # Tensors are compared by value with ==, so hashing goes by identity (as MindSpore's do).
    __hash__ = object.__hash__

    # ---- operators (MindSpore's: Python numbers take the tensor's dtype unless of a wider kind)
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

    def __floordiv__(self, other):
        return _ops().floor_div(self, other)

    def __rfloordiv__(self, other):
        return _ops().floor_div(other, self)

    def __mod__(self, other):
        return _ops().floor_mod(self, other)

    def __rmod__(self, other):
        return _ops().floor_mod(other, self)

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
        # MindSpore: anything but a Python number or a tensor (None, a string, a numpy array) is
        # simply not equal.
        if not isinstance(other, (Tensor, int, float)):
            return False
        return _ops().equal(self, other)

    def __ne__(self, other):
        if not isinstance(other, (Tensor, int, float)):
            return True
        return _ops().not_equal(self, other)

    # &, |, ^ and ~ are logical on bool tensors, the only kind mindc has them for.
    def __and__(self, other):
        return _ops().bitwise_and(self, _bits(other, "&"))

    def __rand__(self, other):
        return _ops().bitwise_and(_bits(other, "&"), self)

    def __or__(self, other):
        return _ops().bitwise_or(self, _bits(other, "|"))

    def __ror__(self, other):
        return _ops().bitwise_or(_bits(other, "|"), self)

    def __xor__(self, other):
        return _ops().bitwise_xor(self, _bits(other, "^"))

    def __rxor__(self, other):
        return _ops().bitwise_xor(_bits(other, "^"), self)

    def __invert__(self):
        return _ops().invert(self)

    def __iadd__(self, other):
        return self._in_place(_ops().add(self, other), by_operator=True)

    def __isub__(self, other):
        return self._in_place(_ops().sub(self, other), by_operator=True)

    def __imul__(self, other):
        return self._in_place(_ops().mul(self, other), by_operator=True)

    def __itruediv__(self, other):
        return self._in_place(_ops().div(self, other), by_operator=True)

    def __ifloordiv__(self, other):
        return self._in_place(_ops().floor_div(self, other), by_operator=True)

    def __imod__(self, other):
        return self._in_place(_ops().floor_mod(self, other), by_operator=True)

    def __imatmul__(self, other):
        return self._in_place(_ops().matmul(self, other), by_operator=True)

    def __getitem__(self, index):
        return _ops().indexing.getitem(self, index)

    def __setitem__(self, index, value):
        # MindSpore updates the tensor in place: this one takes the updated value (in a graph,
        # the name now stands for the new traced value).
        self._rebind(_ops().indexing.setitem(self, index, value))

    # ---- values
    def copy(self) -> "Tensor":
        """A new tensor of the same value: assigning into one (`t[0] = 1`) leaves the other alone."""
        twin = object.__new__(type(self))
        twin.__dict__.update(self.__dict__)
        if "_array" in twin.__dict__:
            twin._array = self._array.copy()
        return twin

    def assign_value(self, value) -> "Tensor":
        """Replace the values by value's (its shape and dtype become this tensor's)."""
        self._rebind(value if isinstance(value, Tensor) else Tensor(value))
        return self


def tensor(input_data: Any = None, dtype: Any = None, shape: Any = None, init: Any = None,
           const_arg: bool = False) -> Tensor:
    """MindSpore's `mindspore.tensor(...)`: the same as Tensor(...)."""
    return Tensor(input_data, dtype, shape, init, const_arg)


def _fail_assignment(message: str):
    """OpError at the user's line for an in-place update mindc cannot make."""
    from mindc.frontend.trace import OpError, user_frame_position

    raise OpError("assign", message, user_frame_position())


def _bits(x: Any, operator: str) -> Any:
    """x for a bitwise operator: an integer or bool tensor, or a Python int or bool."""
    kind = x.dtype if isinstance(x, Tensor) else mdt.scalar_kind(x)
    if kind == "float" or (isinstance(kind, mdt.DType) and kind.is_float):
        raise TypeError(f"operator {operator} works on integer and bool tensors, got {kind}")
    return x
