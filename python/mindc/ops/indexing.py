"""Indexing: what `x[index]` reads and `x[index] = value` writes, as numpy and MindSpore define it.

Index items are ints, slices (any step), None / True (a new axis), Ellipsis, and at most one
integer index (a Tensor, list or numpy array: a gather along its axis), or one boolean mask.
Reads are strided_slice + reshape (+ gather); writes build a new tensor with the mind ops
strided_slice_update, scatter_update or select (rules/indexing.py), which Tensor.__setitem__
then binds to the tensor it was called on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import Tracer, current_trace
from mindc.ops._base import cast_to, fail, one, tensor
from mindc.ops.array import broadcast_to, gather, reshape, transpose
from mindc.ops.math import select

__all__ = ["masked_fill"]


@dataclass(frozen=True)
class _Basic:
    """What a basic index (ints, slices, None) selects from a tensor of `source` shape."""

    source: tuple[int, ...]
    slices: tuple[tuple[int, int, int], ...]  # (begin, end, stride) of each dimension of x
    sliced: tuple[int, ...]                   # the slice's shape (an int's dimension kept as 1)
    shape: tuple[int, ...]                    # the result's shape

    @property
    def is_everything(self) -> bool:
        return self.slices == tuple((0, n, 1) for n in self.source)

    def attrs(self) -> dict:
        begin, end, strides = zip(*self.slices)
        return {"begin": begin, "end": end, "strides": strides}


def _basic(shape: tuple[int, ...], items: list) -> _Basic:
    slices, sliced, out = [], [], []
    for item in items:
        if item is None:
            out.append(1)
            continue
        dim = len(slices)
        size = shape[dim]
        if isinstance(item, slice):
            start, stop, step = item.indices(size)
            n = len(range(start, stop, step))
            if step < 0 and stop < 0:
                # "Before index 0": as a slice bound -1 would mean the last element.
                stop = -size - 1
            slices.append((start, stop, step))
            sliced.append(n)
            out.append(n)
        else:
            if not -size <= item < size:
                raise IndexError(f"index {item} is out of bounds for dimension {dim} with size {size}")
            slices.append((item % size, item % size + 1, 1))
            sliced.append(1)
    return _Basic(tuple(shape), tuple(slices), tuple(sliced), tuple(out))


def _items(index: Any) -> list:
    """The index as a list of items: ints, slices, None, Ellipsis or Tensors (index arrays)."""
    raw = index if isinstance(index, tuple) else (index,)
    items = []
    for item in raw:
        if item is True:
            item = None  # numpy and MindSpore: True adds an axis, like None
        elif item is False:
            raise IndexError("the index False selects nothing; mindc does not index with it")
        if isinstance(item, (list, np.ndarray)):
            item = Tensor(item)
        if isinstance(item, np.integer):
            item = int(item)
        if not (item is None or item is Ellipsis or isinstance(item, (int, slice, Tensor))):
            raise IndexError(f"unsupported index {item!r}: use ints, slices, None, ..., or integer or boolean tensors")
        if isinstance(item, Tensor) and not (item.dtype.is_int or item.dtype.is_bool):
            raise IndexError(f"tensors used as indices must be integer or boolean, got {item.dtype}")
        items.append(item)
    return items


def _expand(items: list, rank: int) -> list:
    """The items with the Ellipsis replaced by full slices and missing trailing ones added."""
    consuming = sum(1 for i in items if i is not None and i is not Ellipsis)
    if consuming > rank:
        raise IndexError(f"too many indices for a tensor of rank {rank}: {consuming}")
    if sum(1 for i in items if i is Ellipsis) > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    fill_in = [slice(None)] * (rank - consuming)
    if any(i is Ellipsis for i in items):
        at = next(k for k, i in enumerate(items) if i is Ellipsis)
        return [*items[:at], *fill_in, *items[at + 1:]]
    return [*items, *fill_in]


def _split(x: Tensor, index: Any) -> tuple[list, int | None, Tensor | None]:
    """(items with Ellipsis expanded, position of the index tensor or None, that tensor)."""
    items = _items(index)
    arrays = [k for k, i in enumerate(items) if isinstance(i, Tensor)]
    if len(arrays) > 1:
        raise IndexError("mindc indexes with at most one integer or boolean tensor at a time")
    if not arrays:
        return _expand(items, x.ndim), None, None
    array = items[arrays[0]]
    # A fresh slice object marks where the tensor was, through the Ellipsis expansion.
    marker = slice(None)
    items[arrays[0]] = marker
    items = _expand(items, x.ndim)
    return items, next(k for k, i in enumerate(items) if i is marker), array


def _checked_rows(indices: Tensor, size: int, dim: int) -> None:
    """IndexError for an index outside [-size, size), where the values are known (not traced)."""
    if isinstance(indices, Tracer) or indices.size == 0:
        return
    values = indices.asnumpy()
    if values.min() < -size or values.max() >= size:
        bad = values[(values < -size) | (values >= size)].flat[0]
        raise IndexError(f"index {bad} is out of bounds for dimension {dim} with size {size}")


def getitem(x: Any, index: Any) -> Tensor:
    """x[index] (numpy's semantics for the index forms in the module docstring)."""
    x = tensor(x)
    items, at, array = _split(x, index)
    if array is not None and array.dtype.is_bool:
        return _masked_rows(x, items, at, array)
    if array is None:
        basic = _basic(x.shape, items)
        out = x if basic.is_everything else one("mind.strided_slice", [x], basic.attrs())
        return reshape(out, basic.shape)
    dim = sum(1 for i in items[:at] if i is not None)
    _checked_rows(array, x.shape[dim], dim)
    sliced = getitem(x, tuple(items))
    # The index tensor's dimensions replace the marker's, after the dimensions before it.
    axis = sum(1 for i in items[:at] if not isinstance(i, int))
    size = sliced.shape[axis]
    wrapped = select(array < 0, array + size, array)
    return gather(sliced, wrapped, axis)


def _masked_rows(x: Tensor, items: list, at: int, mask: Tensor) -> Tensor:
    """x[mask] for a mask over x's leading dimensions: the rows where it is true, in order."""
    _check_mask(x, items, at, mask)
    return gather(reshape(x, (-1,) + x.shape[mask.ndim:]), _true_positions(mask), 0)


def _true_positions(mask: Tensor) -> Tensor:
    """The flat positions where mask is true. Their count fixes the shape of what x[mask] reads
    or writes, so the mask is read before the gather or scatter is compiled (PyNative only)."""
    if current_trace() is not None:
        fail("mind.gather", "x[mask] selects a number of elements that depends on the mask's values, which a "
                            "graph cannot have; assign a value that broadcasts, or use ops.select or ops.masked_fill")
    return Tensor(np.flatnonzero(mask.asnumpy()).astype(np.int64))


def _broadcasts(shape: tuple[int, ...], to: tuple[int, ...]) -> bool:
    try:
        return np.broadcast_shapes(shape, to) == to
    except ValueError:
        return False


def _check_mask(x: Tensor, items: list, at: int, mask: Tensor) -> None:
    if at != 0 or any(i != slice(None) for i in items[1:]):
        raise IndexError("a boolean mask index must be the only index")
    if x.shape[:mask.ndim] != mask.shape:
        raise IndexError(f"boolean mask of shape {list(mask.shape)} does not match the leading dimensions "
                         f"of a tensor of shape {list(x.shape)}")


def setitem(x: Any, index: Any, value: Any) -> Tensor:
    """A new tensor: x with x[index] = value (value cast to x's dtype and broadcast, as numpy)."""
    x = tensor(x)
    value = _value_for(x, value)
    items, at, array = _split(x, index)
    if array is not None and array.dtype.is_bool:
        _check_mask(x, items, at, array)
        if _broadcasts(value.shape, x.shape):
            # The mask covers x's leading dimensions and selects whole rows: trailing size-1 dims.
            return select(reshape(array, array.shape + (1,) * (x.ndim - array.ndim)), value, x)
        # One value row per true element, in order (as x[mask] reads them): a scatter of rows.
        rows = reshape(x, (-1,) + x.shape[array.ndim:])
        return reshape(setitem(rows, _true_positions(array), value), x.shape)
    if array is None:
        basic = _basic(x.shape, items)
        value = reshape(_broadcast(value, basic.shape), basic.sliced)
        if basic.is_everything:
            return value
        return one("mind.strided_slice_update", [x, value], basic.attrs())
    if any(i != slice(None) for k, i in enumerate(items) if k != at):
        raise IndexError("assigning through an index tensor works with full slices (:, ...) beside it only")
    _checked_rows(array, x.shape[at], at)
    k = array.ndim
    value = _broadcast(value, x.shape[:at] + array.shape + x.shape[at + 1:])
    if at == 0:
        return one("mind.scatter_update", [x, array, value])
    # scatter_update writes rows along axis 0: move axis `at` (and the index dims of value) first.
    rows = transpose(x, (at, *range(at), *range(at + 1, x.ndim)))
    value = transpose(value, (*range(at, at + k), *range(at), *range(at + k, value.ndim)))
    out = one("mind.scatter_update", [rows, array, value])
    return transpose(out, (*range(1, at + 1), 0, *range(at + 1, x.ndim)))


def _value_for(x: Tensor, value: Any) -> Tensor:
    """value (a Tensor, number, list or array) as a tensor of x's dtype, which writes into x."""
    return cast_to(value, x.dtype) if isinstance(value, Tensor) else Tensor(value, x.dtype)


def _broadcast(value: Tensor, shape: tuple[int, ...]) -> Tensor:
    """value broadcast to shape; leading size-1 dimensions beyond shape's rank are dropped (numpy)."""
    extra = value.ndim - len(shape)
    if extra > 0:
        if any(n != 1 for n in value.shape[:extra]):
            fail("mind.broadcast_to", f"a value of shape {list(value.shape)} cannot be assigned to "
                                      f"a selection of shape {list(shape)}")
        value = reshape(value, value.shape[extra:])
    return value if value.shape == shape else broadcast_to(value, shape)


def masked_fill(input_x: Any, mask: Any, value: Any) -> Tensor:
    """input_x with value where mask is true (MindSpore's ops.masked_fill): mask and value
    broadcast against input_x; value is cast to input_x's dtype."""
    x = tensor(input_x)
    return select(mask, _value_for(x, value), x)
