"""Array ops (MindSpore's ops.array_func): shapes, data movement and creation (indexing: ops/indexing.py).
Python-level arguments (-1 in shapes, negative axes, slices) are resolved here to static ints."""
from __future__ import annotations

import builtins
import functools
import math as pymath
from typing import Any, Sequence

from mindc.frontend import dtype as mdt
from mindc.frontend.tensor import Tensor
from mindc.ops._base import apply, axis_of, fail, ints, one, operands, tensor
from mindc.rules.base import Scalar

__all__ = [
    "reshape", "transpose", "permute", "broadcast_to", "concat", "cat", "gather", "one_hot", "fill",
    "zeros", "ones", "zeros_like", "ones_like", "strided_slice", "expand_dims", "squeeze", "flatten", "stack",
    "stop_gradient", "tile", "split", "slice", "shape", "rank", "size", "dtype", "unstack", "flip",
    "unsorted_segment_sum", "tuple_to_array", "scalar_to_tensor", "topk", "sort",
]


def reshape(input, shape) -> Tensor:
    """input with a new shape of the same size; one entry may be -1 (inferred)."""
    x = tensor(input)
    shape = ints(shape, "shape")
    if shape.count(-1) > 1 or any(d < -1 for d in shape):
        fail("mind.reshape", f"shape {list(shape)} may have one -1 and no other negative size")
    if -1 in shape:
        known = pymath.prod(d for d in shape if d != -1)
        if known == 0 or x.size % known:
            fail("mind.reshape", f"cannot reshape {list(x.shape)} ({x.size} elements) to {list(shape)}")
        shape = tuple(x.size // known if d == -1 else d for d in shape)
    if pymath.prod(shape) != x.size:
        fail("mind.reshape", f"cannot reshape {list(x.shape)} ({x.size} elements) to {list(shape)}")
    if shape == x.shape:
        return x
    return one("mind.reshape", [x], {"shape": shape})


def transpose(input, input_perm) -> Tensor:
    """input with its dimensions permuted: out.shape[i] = input.shape[input_perm[i]]."""
    x = tensor(input)
    perm = tuple(axis_of(p, x.ndim, "mind.transpose", "perm entry") for p in ints(input_perm, "input_perm"))
    if sorted(perm) != list(range(x.ndim)):
        fail("mind.transpose", f"perm {list(input_perm)} is not a permutation of {x.ndim} dimensions")
    if perm == tuple(range(x.ndim)):
        return x
    return one("mind.transpose", [x], {"perm": perm})


def permute(input, axis) -> Tensor:
    return transpose(input, axis)


def broadcast_to(input, shape) -> Tensor:
    """input broadcast to shape (numpy rules); -1 keeps the input's size in that dimension."""
    x = tensor(input)
    shape = ints(shape, "shape")
    if len(shape) < x.ndim:
        fail("mind.broadcast_to", f"cannot broadcast {list(x.shape)} to the lower rank {list(shape)}")
    lead = len(shape) - x.ndim
    resolved = tuple(x.shape[i - lead] if d == -1 and i >= lead else d for i, d in enumerate(shape))
    if resolved == x.shape:
        return x
    return one("mind.broadcast_to", [x], {"shape": resolved})


def concat(tensors: Sequence, axis: int = 0) -> Tensor:
    """Join tensors along axis (their dtypes promote to one)."""
    xs = operands(*tensors)
    if not xs:
        raise ValueError("concat needs at least one tensor")
    attrs = {"axis": axis_of(axis, xs[0].ndim, "mind.concat")}
    # mind.concat is binary (see its IRDL entry): n inputs are a left-to-right chain.
    return functools.reduce(lambda joined, x: one("mind.concat", [joined, x], attrs), xs)


cat = concat


def gather(input_params, input_indices, axis: int, batch_dims: int = 0) -> Tensor:
    """Slices of input_params along axis at input_indices (int32/int64): out.shape is
    params.shape[:axis] + indices.shape + params.shape[axis+1:]."""
    if batch_dims:
        raise NotImplementedError("gather(batch_dims != 0) is not supported yet")
    params, indices = tensor(input_params), tensor(input_indices)
    return one("mind.gather", [params, indices], {"axis": axis_of(axis, params.ndim, "mind.gather")})


def one_hot(indices, depth: int, on_value=1, off_value=0, axis: int = -1) -> Tensor:
    """on_value where the new axis' position equals the index, off_value elsewhere; the dtype is
    on_value's (numbers: int64, or float32 if either is a float)."""
    indices = tensor(indices)
    on, off = (reshape(v, ()) if v.size == 1 else v for v in operands(on_value, off_value))
    axis = axis_of(axis, indices.ndim + 1, "mind.one_hot")
    return one("mind.one_hot", [indices, on, off], {"depth": int(depth), "axis": axis})


def fill(type, shape, value) -> Tensor:
    """A tensor of `shape` filled with `value`, of dtype `type`."""
    dt = mdt.as_dtype(type)
    scalar = float(value) if dt.is_float else bool(value) if dt.is_bool else int(value)
    return one("mind.fill", [], {"shape": ints(shape, "shape"), "value": Scalar(scalar, dt.mlir)})


def zeros(size, dtype=None) -> Tensor:
    return fill(dtype or mdt.float32, size, 0)


def ones(shape, dtype=None) -> Tensor:
    return fill(dtype or mdt.float32, shape, 1)


def zeros_like(input, *, dtype=None) -> Tensor:
    x = tensor(input)
    return fill(dtype or x.dtype, x.shape, 0)


def ones_like(input, *, dtype=None) -> Tensor:
    x = tensor(input)
    return fill(dtype or x.dtype, x.shape, 1)


def stack(tensors: Sequence, axis: int = 0) -> Tensor:
    """Join tensors of one shape along a new axis (MindSpore's ops.stack)."""
    tensors = [tensor(t) for t in tensors]
    if not tensors:
        raise ValueError("stack needs at least one tensor")
    rank = tensors[0].ndim + 1
    axis = axis_of(axis, rank, "mind.concat")
    return concat([expand_dims(t, axis) for t in tensors], axis)


def stop_gradient(value) -> Tensor:
    """value itself, through which no gradient flows (MindSpore's ops.stop_gradient)."""
    return one("mind.stop_gradient", [tensor(value)])


def expand_dims(input_x, axis: int) -> Tensor:
    x = tensor(input_x)
    axis = axis_of(axis, x.ndim + 1, "mind.reshape")
    return reshape(x, x.shape[:axis] + (1,) + x.shape[axis:])


def squeeze(input, axis=None) -> Tensor:
    """input without its size-1 dimensions (all of them, or those in axis, which must be 1)."""
    x = tensor(input)
    if axis is None:
        drop = {i for i, d in enumerate(x.shape) if d == 1}
    else:
        drop = {axis_of(a, x.ndim, "mind.reshape") for a in ints(axis, "axis")}
        bad = [a for a in sorted(drop) if x.shape[a] != 1]
        if bad:
            fail("mind.reshape", f"cannot squeeze dimension {bad[0]} of shape {list(x.shape)}: its size is not 1")
    return reshape(x, tuple(d for i, d in enumerate(x.shape) if i not in drop))


def flatten(input, order: str = "C", *, start_dim: int = 1, end_dim: int = -1) -> Tensor:
    """Merge dimensions start_dim..end_dim into one (a 0-d input becomes 1-d)."""
    if order != "C":
        raise NotImplementedError("flatten(order='F') is not supported")
    x = tensor(input)
    if x.ndim == 0:
        return reshape(x, (1,))
    start = axis_of(start_dim, x.ndim, "mind.reshape", "start_dim")
    end = axis_of(end_dim, x.ndim, "mind.reshape", "end_dim")
    if start > end:
        fail("mind.reshape", f"start_dim {start_dim} comes after end_dim {end_dim}")
    return reshape(x, x.shape[:start] + (pymath.prod(x.shape[start:end + 1]),) + x.shape[end + 1:])


def strided_slice(input_x, begin, end, strides, begin_mask: int = 0, end_mask: int = 0,
                  ellipsis_mask: int = 0, new_axis_mask: int = 0, shrink_axis_mask: int = 0) -> Tensor:
    """MindSpore's StridedSlice: bit i of a mask changes entry i (ignore begin, ignore end, an
    ellipsis, a new axis, index instead of slice), as x[b0:e0:s0, b1:e1:s1, ...] reads."""
    begin, end, strides = ints(begin, "begin"), ints(end, "end"), ints(strides, "strides")
    if not len(begin) == len(end) == len(strides):
        raise ValueError(f"begin, end and strides must have one length, got {len(begin)}, {len(end)}, {len(strides)}")
    items: list[Any] = []
    for i, (b, e, s) in enumerate(zip(begin, end, strides)):
        bit = 1 << i
        if ellipsis_mask & bit:
            items.append(Ellipsis)
        elif new_axis_mask & bit:
            items.append(None)
        elif shrink_axis_mask & bit:
            items.append(b)
        else:
            items.append(builtins.slice(None if begin_mask & bit else b, None if end_mask & bit else e, s))
    return _getitem(tensor(input_x), tuple(items))


def tile(input, dims) -> Tensor:
    """input repeated dims[i] times along dimension i; the shorter of input.shape and dims is
    padded in front with 1s."""
    x = tensor(input)
    dims = ints(dims, "dims")
    if any(d < 0 for d in dims):
        fail("mind.broadcast_to", f"tile dims must be non-negative, got {list(dims)}")
    rank = max(x.ndim, len(dims))
    dims = (1,) * (rank - len(dims)) + dims
    x = reshape(x, (1,) * (rank - x.ndim) + x.shape)
    if dims == (1,) * rank:
        return x
    # Each dimension n becomes (1, n) broadcast to (d, n) and merged: d copies of it, one after another.
    pairs = [(d, n) for d, n in zip(dims, x.shape)]
    spread = reshape(x, tuple(v for _, n in pairs for v in (1, n)))
    copies = broadcast_to(spread, tuple(v for pair in pairs for v in pair))
    return reshape(copies, tuple(d * n for d, n in pairs))


_tensor = tensor  # split's first parameter is named `tensor`, as in MindSpore


def split(tensor, split_size_or_sections, axis: int = 0) -> tuple[Tensor, ...]:
    """tensor cut along axis into pieces of split_size_or_sections elements (an int: the last
    piece may be shorter) or of the listed sizes (which must add up to the dimension)."""
    x = _tensor(tensor)
    axis = axis_of(axis, x.ndim, "mind.strided_slice")
    n = x.shape[axis]
    if isinstance(split_size_or_sections, int):
        if split_size_or_sections <= 0:
            raise ValueError(f"split_size_or_sections must be positive, got {split_size_or_sections}")
        sizes = [min(split_size_or_sections, n - start) for start in range(0, n, split_size_or_sections)]
    else:
        sizes = list(ints(split_size_or_sections, "split_size_or_sections"))
        if builtins.sum(sizes) != n or any(k < 0 for k in sizes):
            fail("mind.strided_slice", f"split sizes {sizes} do not add up to dimension {axis} of size {n}")
    starts = [builtins.sum(sizes[:i]) for i in range(len(sizes))]
    lead = (builtins.slice(None),) * axis
    return tuple(_getitem(x, lead + (builtins.slice(b, b + k),)) for b, k in zip(starts, sizes))


def slice(input_x, begin, size) -> Tensor:
    """input_x[begin[i] : begin[i] + size[i]] in every dimension; a size of -1 reaches the end."""
    x = tensor(input_x)
    begin, size = ints(begin, "begin"), ints(size, "size")
    if not len(begin) == len(size) == x.ndim:
        fail("mind.strided_slice", f"begin {list(begin)} and size {list(size)} need one entry per dimension "
                                   f"of input_x {list(x.shape)}")
    for dim, (b, k, n) in enumerate(zip(begin, size, x.shape)):
        if not 0 <= b <= n or (k != -1 and not 0 <= k <= n - b):
            fail("mind.strided_slice", f"slice [{b}, {b}+{k}) is out of bounds for dimension {dim} of size {n}")
    return _getitem(x, tuple(builtins.slice(b, n if k == -1 else b + k) for b, k, n in zip(begin, size, x.shape)))


def unstack(input_x, axis: int = 0) -> tuple[Tensor, ...]:
    """The slices of input_x along axis, each without that dimension."""
    x = tensor(input_x)
    axis = axis_of(axis, x.ndim, "mind.strided_slice")
    return tuple(squeeze(piece, axis) for piece in split(x, 1, axis)) if x.shape[axis] else ()


def flip(input, dims) -> Tensor:
    """input with the order of its elements reversed along each of dims."""
    x = tensor(input)
    axes = {axis_of(d, x.ndim, "mind.strided_slice") for d in ints(dims, "dims")}
    return _getitem(x, tuple(builtins.slice(None, None, -1 if d in axes else 1) for d in range(x.ndim)))


def unsorted_segment_sum(input_x, segment_ids, num_segments: int) -> Tensor:
    """out[s] = the sum of input_x[i] over the positions i (of segment_ids' shape, the leading
    dimensions of input_x) where segment_ids[i] == s; ids outside [0, num_segments) are dropped."""
    attrs = {"num_segments": int(num_segments)}
    return one("mind.unsorted_segment_sum", [tensor(input_x), tensor(segment_ids)], attrs)


def topk(input, k: int, dim=None, largest: bool = True, sorted: bool = True) -> tuple[Tensor, Tensor]:
    """(values, int32 indices) of the k largest (or smallest) elements along dim (None: the last),
    in descending (ascending) order, equal values in index order; with sorted=False in index order
    instead, as MindSpore's CPU kernel returns them."""
    x = tensor(input)
    axis = axis_of(-1 if dim is None else dim, x.ndim, "mind.top_k")
    # mind.top_k works on the last axis and takes the largest: move the axis there, and negate
    # for the smallest (negation keeps equal values in index order).
    perm = tuple(d for d in range(x.ndim) if d != axis) + (axis,)
    inverse = tuple(perm.index(d) for d in range(x.ndim))
    moved = transpose(x, perm)
    if not largest:
        moved = one("mind.neg", [moved])
    values, indices = apply("mind.top_k", [moved], {"k": int(k)})
    if not largest:
        values = one("mind.neg", [values])
    if not sorted:
        values, indices = _in_index_order(values, indices)
    return transpose(values, inverse), transpose(indices, inverse)


def _in_index_order(values: Tensor, indices: Tensor) -> tuple[Tensor, Tensor]:
    """values and indices reordered along the last axis by ascending index."""
    from mindc.ops.math import mul, reduce_sum

    k = indices.shape[-1]
    # The k indices sorted ascending are top_k of their negations; slots[..., s] is the old slot.
    negated, slots = apply("mind.top_k", [one("mind.neg", [indices])], {"k": k})
    # values[..., slots[..., s]] for each s, as a sum of one-hot products: no per-row gather op.
    picks = one_hot(slots, k, Tensor(1, values.dtype), Tensor(0, values.dtype))
    return reduce_sum(mul(picks, expand_dims(values, -2)), -1), one("mind.neg", [negated])


def sort(input_x, axis: int = -1, descending: bool = False) -> tuple[Tensor, Tensor]:
    """(values, int32 indices) of input_x sorted along axis; a stable sort."""
    x = tensor(input_x)
    n = x.shape[axis_of(axis, x.ndim, "mind.top_k")] if x.ndim else 0
    return topk(x, n, axis, largest=bool(descending))


def tuple_to_array(input_x) -> Tensor:
    """A 1-d tensor of a tuple of numbers: int64 for ints, float32 if any is a float."""
    if not isinstance(input_x, tuple) or not input_x:
        raise TypeError(f"tuple_to_array needs a non-empty tuple of numbers, got {input_x!r}")
    return Tensor(input_x)


def scalar_to_tensor(input_x, dtype=mdt.float32) -> Tensor:
    """A 0-d tensor of a number, of dtype (float32 by default)."""
    if isinstance(input_x, Tensor):
        raise TypeError("scalar_to_tensor needs a Python number, got a Tensor")
    return Tensor(input_x, mdt.as_dtype(dtype))


# Properties of a tensor known while tracing: Python values, not ops.
def shape(input_x) -> tuple[int, ...]:
    return tensor(input_x).shape


def rank(input_x) -> int:
    return tensor(input_x).ndim


def size(input_x) -> int:
    return tensor(input_x).size


def dtype(input_x) -> mdt.DType:
    return tensor(input_x).dtype


def _getitem(x: Tensor, index) -> Tensor:
    # ops.indexing builds on this module's ops, so it is imported on use rather than at the top.
    from mindc.ops.indexing import getitem

    return getitem(x, index)
