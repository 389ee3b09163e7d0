"""MindSpore's Tensor methods: conversions, shapes, reductions, elementwise math and the named
in-place forms (add_, fill_, ...). Each is one or a few mindc.ops calls, so it runs a compiled
kernel eagerly or records mind ops inside a graph; Tensor (frontend/tensor.py) inherits them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from mindc.frontend import dtype as mdt

if TYPE_CHECKING:
    from mindc.frontend.tensor import Tensor

_OPS = None


def _ops():
    # mindc.ops imports the MLIR bindings; a Tensor that never computes should not pay for them.
    global _OPS
    if _OPS is None:
        import mindc.ops

        _OPS = mindc.ops
    return _OPS


# The default of max/min's numpy-only keywords: passing one (even None) picks numpy's overload.
_NUMPY_STYLE = object()


class TensorMethods:
    """The methods of Tensor that compute; `self` is a Tensor (or a Tracer, or a Parameter)."""

    # ---- conversions
    def astype(self, dtype, copy: bool = True) -> "Tensor":
        return _ops().cast(self, dtype)

    def to(self, dtype) -> "Tensor":
        return _ops().cast(self, dtype)

    def float(self) -> "Tensor":
        return _ops().cast(self, mdt.float32)

    def half(self) -> "Tensor":
        return _ops().cast(self, mdt.float16)

    def double(self) -> "Tensor":
        return _ops().cast(self, mdt.float64)

    def bfloat16(self) -> "Tensor":
        return _ops().cast(self, mdt.bfloat16)

    def int(self) -> "Tensor":
        return _ops().cast(self, mdt.int32)

    def long(self) -> "Tensor":
        return _ops().cast(self, mdt.int64)

    def bool(self) -> "Tensor":
        return _ops().cast(self, mdt.bool_)

    # ---- named in-place forms (Tensor._in_place: the tensor, or a Parameter, takes the result)
    def add_(self, other, *, alpha=1) -> "Tensor":
        return self._in_place(self.add(other, alpha=alpha))

    def sub_(self, other, *, alpha=1) -> "Tensor":
        return self._in_place(self.sub(other, alpha=alpha))

    def mul_(self, other) -> "Tensor":
        return self._in_place(_ops().mul(self, other))

    def div_(self, other) -> "Tensor":
        return self._in_place(_ops().div(self, other))

    def fill_(self, value) -> "Tensor":
        if isinstance(value, (int, float)):
            return self._in_place(_ops().fill(self.dtype, self.shape, value))
        return self._in_place(_ops().broadcast_to(value, self.shape))

    def zero_(self) -> "Tensor":
        return self.fill_(0)

    def copy_(self, src) -> "Tensor":
        return self._in_place(_ops().broadcast_to(src, self.shape))

    # ---- shapes
    def reshape(self, *shape) -> "Tensor":
        return _ops().reshape(self, _varargs(shape))

    def view(self, *shape) -> "Tensor":
        return _ops().reshape(self, _varargs(shape))

    def reshape_as(self, other: "Tensor") -> "Tensor":
        return _ops().reshape(self, other.shape)

    view_as = reshape_as

    def ravel(self) -> "Tensor":
        return _ops().reshape(self, (-1,))

    def transpose(self, *axes) -> "Tensor":
        axes = _varargs(axes)
        return _ops().transpose(self, axes if axes else tuple(reversed(range(self.ndim))))

    def permute(self, *axis) -> "Tensor":
        return _ops().permute(self, _varargs(axis))

    def swapaxes(self, axis0: int, axis1: int) -> "Tensor":
        perm = list(range(self.ndim))
        perm[axis0], perm[axis1] = perm[axis1], perm[axis0]
        return _ops().transpose(self, tuple(perm))

    def expand_dims(self, axis: int) -> "Tensor":
        return _ops().expand_dims(self, axis)

    def unsqueeze(self, dim: int) -> "Tensor":
        return _ops().expand_dims(self, dim)

    def squeeze(self, axis=None) -> "Tensor":
        return _ops().squeeze(self, axis)

    def flatten(self, order: str = "C", *, start_dim: int = 0, end_dim: int = -1) -> "Tensor":
        return _ops().flatten(self, order, start_dim=start_dim, end_dim=end_dim)

    def broadcast_to(self, shape) -> "Tensor":
        return _ops().broadcast_to(self, shape)

    def expand_as(self, other: "Tensor") -> "Tensor":
        return _ops().broadcast_to(self, other.shape)

    def tile(self, reps) -> "Tensor":
        return _ops().tile(self, reps)

    def flip(self, dims) -> "Tensor":
        return _ops().flip(self, dims)

    def split(self, split_size_or_sections, axis: int = 0) -> tuple:
        return _ops().split(self, split_size_or_sections, axis)

    def topk(self, k: int, dim=None, largest: bool = True, sorted: bool = True) -> tuple:
        return _ops().topk(self, k, dim, largest, sorted)

    def sort(self, axis: int = -1, descending: bool = False) -> tuple:
        return _ops().sort(self, axis, descending)

    def argsort(self, axis: int = -1, descending: bool = False) -> "Tensor":
        return _ops().sort(self, axis, descending)[1]

    # ---- reductions. MindSpore has two spellings of most: numpy's (axis, keepdims) and
    # PyTorch's (dim, keepdim); both are accepted as keywords.
    def sum(self, axis=None, *args, dtype=None, keepdims: bool = False, initial=None, dim=None,
            keepdim: bool | None = None) -> "Tensor":
        """numpy's sum(axis, dtype, keepdims, initial) or PyTorch's sum(dim, keepdim, *, dtype):
        MindSpore picks the overload by the type of the second argument."""
        if len(args) > 3 or (args and isinstance(args[0], bool) and len(args) > 1):
            raise TypeError(f"Tensor.sum takes at most 4 positional arguments, got {len(args) + 1}")
        if args and isinstance(args[0], bool):
            keepdims = args[0]
        elif args:
            # numpy's positional order after axis: dtype, keepdims, initial.
            dtype, keepdims, initial = (*args, *(dtype, keepdims, initial)[len(args):])
        axis, keepdims = _reduction(axis, keepdims, dim, keepdim)
        out = _ops().sum(self, axis, keepdims, dtype=dtype)
        return out if initial is None else out + initial

    def mean(self, axis=None, keep_dims: bool = False, *, dim=None, keepdim: bool | None = None,
             dtype=None) -> "Tensor":
        x = self if dtype is None else _ops().cast(self, dtype)
        return _ops().mean(x, *_reduction(axis, keep_dims, dim, keepdim))

    def prod(self, axis=None, keep_dims: bool = False, *, dim=None, keepdim: bool | None = None) -> "Tensor":
        return _ops().prod(self, *_reduction(axis, keep_dims, dim, keepdim))

    def max(self, dim=None, keepdim: bool = False, *, axis=None, keepdims: bool = False, initial=_NUMPY_STYLE,
            where=_NUMPY_STYLE, return_indices: bool = False):
        """The largest element. MindSpore's overloads: max() the value; max(dim, keepdim)
        (values, indices) along dim; max(axis=, keepdims=, initial=, where=, return_indices=)
        numpy's, the values (and the indices with return_indices)."""
        return self._extreme(_ops().amax, _ops().argmax, dim, keepdim, axis, keepdims, initial, where,
                             return_indices)

    def min(self, dim=None, keepdim: bool = False, *, axis=None, keepdims: bool = False, initial=_NUMPY_STYLE,
            where=_NUMPY_STYLE, return_indices: bool = False):
        """The smallest element, with max's overloads."""
        return self._extreme(_ops().amin, _ops().argmin, dim, keepdim, axis, keepdims, initial, where,
                             return_indices)

    def _extreme(self, values, indices, dim, keepdim, axis, keepdims, initial, where, return_indices):
        if initial not in (None, _NUMPY_STYLE) or where not in (None, _NUMPY_STYLE):
            raise NotImplementedError("Tensor.max/min with initial= or where= is not supported")
        passed = initial is not _NUMPY_STYLE or where is not _NUMPY_STYLE
        numpy_style = axis is not None or keepdims or return_indices or passed
        if dim is not None and not numpy_style:
            return values(self, dim, keepdim), indices(self, dim, keepdim)
        axis, keepdims = (dim if axis is None else axis), keepdim or keepdims
        out = values(self, axis, keepdims)
        return (out, indices(self, axis, keepdims)) if return_indices else out

    def argmax(self, axis=None, keepdims: bool = False, *, dim=None, keepdim: bool | None = None) -> "Tensor":
        return _ops().argmax(self, *_reduction(axis, keepdims, dim, keepdim))

    def argmin(self, axis=None, keepdims: bool = False, *, dim=None, keepdim: bool | None = None) -> "Tensor":
        return _ops().argmin(self, *_reduction(axis, keepdims, dim, keepdim))

    def all(self, axis=None, keep_dims: bool = False, *, dim=None, keepdim: bool | None = None) -> "Tensor":
        """Whether every element (along axis) is nonzero: a bool tensor."""
        return _ops().all(self, *_reduction(axis, keep_dims, dim, keepdim))

    def any(self, axis=None, keep_dims: bool = False, *, dim=None, keepdim: bool | None = None) -> "Tensor":
        """Whether some element (along axis) is nonzero: a bool tensor."""
        return _ops().any(self, *_reduction(axis, keep_dims, dim, keepdim))

    def var(self, axis=None, ddof: int = 0, keepdims: bool = False, *, dim=None, correction: int | None = None,
            keepdim: bool | None = None) -> "Tensor":
        """Variance: var(axis, ddof=0, keepdims) or var(dim, *, correction=1, keepdim), MindSpore's
        two overloads; the divisor is the count minus ddof (correction)."""
        if dim is not None or correction is not None or keepdim is not None:
            axis, ddof, keepdims = dim, 1 if correction is None else correction, bool(keepdim)
        centred = self - self.mean(axis, True)
        squares = (centred * centred).sum(axis, keepdims=keepdims)
        return squares / (self.size // max(squares.size, 1) - ddof)

    def std(self, axis=None, ddof: int = 0, keepdims: bool = False, *, dim=None, correction: int | None = None,
            keepdim: bool | None = None) -> "Tensor":
        """Standard deviation: std(axis, ddof=0, keepdims) or std(dim, *, correction=0, keepdim)."""
        if dim is not None or correction is not None or keepdim is not None:
            axis, ddof, keepdims = dim, 0 if correction is None else correction, bool(keepdim)
        return _ops().sqrt(self.var(axis, ddof, keepdims))

    def norm(self, ord=None, dim=None, keepdim: bool = False, *, dtype=None) -> "Tensor":
        """MindSpore's (and PyTorch's) norm: a vector norm over dim (an int, or every element),
        or a matrix norm over two dims ('fro', 1, -1, inf, -inf; ord on a 2-d tensor with no dim)."""
        x = _ops().abs(self if dtype is None else _ops().cast(self, dtype))
        dims = tuple(dim) if isinstance(dim, (tuple, list)) else dim
        matrix = isinstance(dims, tuple) and len(dims) == 2 or (dims is None and ord is not None and x.ndim == 2)
        if matrix and ord not in (None, "fro"):
            rows, cols = dims if dims is not None else (0, 1)
            if ord not in (1, -1, float("inf"), float("-inf")):
                raise NotImplementedError(f"the matrix norm ord={ord!r} is not supported (no SVD); "
                                          "use 'fro', 1, -1, inf or -inf")
            # 1: the largest column sum of |x|; inf: the largest row sum; negative: the smallest.
            summed, other = (rows, cols) if abs(ord) == 1 else (cols, rows)
            sums = x.sum(summed, keepdims=True)
            out = sums.max(axis=other, keepdims=True) if ord > 0 else sums.min(axis=other, keepdims=True)
            return out if keepdim else out.squeeze((rows, cols))
        if ord in (None, "fro", 2):
            return _ops().sqrt((x * x).sum(dims, keepdims=keepdim))
        if ord == float("inf"):
            return x.max(axis=dims, keepdims=keepdim)
        if ord == float("-inf"):
            return x.min(axis=dims, keepdims=keepdim)
        if ord == 0:
            return _ops().cast(x != 0, x.dtype).sum(dims, keepdims=keepdim)
        return _ops().pow(_ops().pow(x, ord).sum(dims, keepdims=keepdim), 1.0 / ord)

    # ---- elementwise
    def add(self, other, *, alpha=1) -> "Tensor":
        return _ops().add(self, other if alpha == 1 else _ops().mul(other, alpha))

    def sub(self, other, *, alpha=1) -> "Tensor":
        return _ops().sub(self, other if alpha == 1 else _ops().mul(other, alpha))

    def mul(self, other) -> "Tensor":
        return _ops().mul(self, other)

    def div(self, other, *, rounding_mode: str | None = None) -> "Tensor":
        return _ops().div(self, other, rounding_mode=rounding_mode)

    divide = true_divide = div

    def pow(self, exponent) -> "Tensor":
        return _ops().pow(self, exponent)

    # ---- comparisons by name (MindSpore's Tensor.greater, .ne, ...)
    def equal(self, other) -> "Tensor":
        return _ops().equal(self, other)

    def not_equal(self, other) -> "Tensor":
        return _ops().not_equal(self, other)

    def greater(self, other) -> "Tensor":
        return _ops().greater(self, other)

    def greater_equal(self, other) -> "Tensor":
        return _ops().greater_equal(self, other)

    def less(self, other) -> "Tensor":
        return _ops().less(self, other)

    def less_equal(self, other) -> "Tensor":
        return _ops().less_equal(self, other)

    eq, ne, gt, ge, lt, le = equal, not_equal, greater, greater_equal, less, less_equal

    def matmul(self, other) -> "Tensor":
        return _ops().matmul(self, other)

    def maximum(self, other) -> "Tensor":
        return _ops().maximum(self, other)

    def minimum(self, other) -> "Tensor":
        return _ops().minimum(self, other)

    def clamp(self, min=None, max=None) -> "Tensor":
        """Each element limited to [min, max] (either may be None); the result keeps this dtype."""
        if min is None and max is None:
            raise ValueError("clamp needs min or max")
        out = self if min is None else _ops().maximum(self, min)
        out = out if max is None else _ops().minimum(out, max)
        return _ops().cast(out, self.dtype)

    clip = clamp

    def neg(self) -> "Tensor":
        return _ops().neg(self)

    def abs(self) -> "Tensor":
        return _ops().abs(self)

    def square(self) -> "Tensor":
        return _ops().square(self)

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

    def erf(self) -> "Tensor":
        return _ops().erf(self)

    def sigmoid(self) -> "Tensor":
        return _ops().sigmoid(self)

    def relu(self) -> "Tensor":
        return _ops().relu(self)

    def softmax(self, axis: int = -1) -> "Tensor":
        return _ops().softmax(self, axis)

    def floor(self) -> "Tensor":
        return _ops().floor(self)

    def ceil(self) -> "Tensor":
        return _ops().ceil(self)

    def sign(self) -> "Tensor":
        return _ops().sign(self)

    def reciprocal(self) -> "Tensor":
        return _ops().reciprocal(self)

    def log1p(self) -> "Tensor":
        return _ops().log1p(self)

    def expm1(self) -> "Tensor":
        return _ops().expm1(self)

    def isnan(self) -> "Tensor":
        return _ops().isnan(self)

    def isinf(self) -> "Tensor":
        return _ops().isinf(self)

    def isfinite(self) -> "Tensor":
        return _ops().isfinite(self)

    def remainder(self, other) -> "Tensor":
        return _ops().floor_mod(self, other)

    def fmod(self, other) -> "Tensor":
        return _ops().fmod(self, other)

    def atan2(self, other) -> "Tensor":
        return _ops().atan2(self, other)

    def lerp(self, end, weight) -> "Tensor":
        return _ops().lerp(self, end, weight)

    def cumsum(self, axis=None, dtype=None, *, dim=None) -> "Tensor":
        """Running sums along axis (dim); without one, along the flattened tensor (numpy's)."""
        axis = axis if dim is None else dim
        x = self if dtype is None else _ops().cast(self, dtype)
        return _ops().cumsum(x.reshape(-1), 0) if axis is None else _ops().cumsum(x, axis)

    # ---- selection
    def masked_fill(self, mask, value) -> "Tensor":
        return _ops().masked_fill(self, mask, value)

    def where(self, condition, y) -> "Tensor":
        """This tensor where condition is true, else y (MindSpore's Tensor.where)."""
        return _ops().select(condition, self, y)

    def gather(self, input_indices, axis: int, batch_dims: int = 0) -> "Tensor":
        return _ops().gather(self, input_indices, axis, batch_dims)

    def index_select(self, axis: int, index) -> "Tensor":
        """The slices at index (1-d, integers) along axis."""
        return _ops().gather(self, index, axis)


def _reduction(axis, keepdims, dim, keepdim) -> tuple:
    """(axis, keepdims) from numpy's or PyTorch's spelling."""
    return (axis if dim is None else dim), bool(keepdims if keepdim is None else keepdim)


def _varargs(args: Sequence) -> tuple:
    """reshape(2, 3) and reshape((2, 3)) alike."""
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        return tuple(args[0])
    return tuple(args)
