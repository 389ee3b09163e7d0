"""Indexing: what `x[index]` reads and `x[index] = value` writes, as numpy and MindSpore define it.

Index items are ints, slices (any step), None / True (a new axis), Ellipsis, integer index
tensors (Tensors, lists or numpy arrays, broadcast together: numpy's advanced indexing, in
which ints beside them count as index arrays), or one boolean mask over leading dimensions.
Reads are strided_slice + reshape, then one gather for the index tensors; writes build a new
tensor with the mind ops strided_slice_update, scatter_update or select (rules/indexing.py),
which Tensor.__setitem__ binds to the tensor it was called on. A mask's read, and a write of
one value per true element, have shapes that depend on the mask's values: PyNative only.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from mindc.frontend import dtype as mdt
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import Tracer, current_trace
from mindc.ops._base import cast_to, fail, one, tensor
from mindc.ops.array import broadcast_to, gather, reshape, stack, transpose
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


@dataclass(frozen=True)
class _Advanced:
    """The integer indices of an index that has index tensors: numpy's "advanced" indexing, in
    which plain ints count as index arrays too."""

    positions: tuple[int, ...]        # where they stand among the expanded items
    indices: tuple[Tensor | int, ...]  # one per position

    @property
    def adjacent(self) -> bool:
        """numpy puts the result's index dimensions where adjacent indices stood, else first."""
        return self.positions[-1] - self.positions[0] + 1 == len(self.positions)


def _split(x: Tensor, index: Any) -> tuple[list, _Advanced | None, Tensor | None]:
    """(the items with Ellipsis expanded, the advanced indices or None, a boolean mask or None).

    Index tensors and, beside them, ints are replaced by full slices in the items returned."""
    items = _items(index)
    masks = [i for i in items if isinstance(i, Tensor) and i.dtype.is_bool]
    if masks:
        mask = masks[0]
        if items[0] is not mask or any(i != slice(None) and i is not Ellipsis for i in items[1:]):
            raise IndexError("a boolean mask index must be the only index")
        if x.shape[:mask.ndim] != mask.shape:
            raise IndexError(f"boolean mask of shape {list(mask.shape)} does not match the leading "
                             f"dimensions of a tensor of shape {list(x.shape)}")
        return items, None, mask
    if not any(isinstance(i, Tensor) for i in items):
        return _expand(items, x.ndim), None, None
    # Fresh slice objects mark where the indices were, through the Ellipsis expansion.
    markers = {}
    for k, item in enumerate(items):
        if isinstance(item, (Tensor, int)):
            items[k] = slice(None)
            markers[id(items[k])] = item
    items = _expand(items, x.ndim)
    positions = tuple(k for k, i in enumerate(items) if id(i) in markers)
    return items, _Advanced(positions, tuple(markers[id(items[k])] for k in positions)), None


def _checked_rows(indices: Tensor, size: int, dim: int) -> np.ndarray:
    """The values of known (not traced) indices; IndexError for one outside [-size, size)."""
    values = indices.asnumpy()
    outside = (values < -size) | (values >= size)
    if outside.any():
        raise IndexError(f"index {values[outside].flat[0]} is out of bounds for dimension {dim} with size {size}")
    return values


def _flat_index(advanced: _Advanced, sizes: tuple[int, ...]) -> Tensor:
    """One index into the advanced dimensions (of these sizes) flattened in row-major order:
    negative indices wrapped, all broadcast together (IndexError for any out of bounds)."""
    flat = None
    for k, (index, size, dim) in enumerate(zip(advanced.indices, sizes, advanced.positions)):
        if isinstance(index, int):
            if not -size <= index < size:
                raise IndexError(f"index {index} is out of bounds for dimension {dim} with size {size}")
            index = Tensor(index % size)
        elif isinstance(index, Tracer):
            # gather and scatter take i32 or i64 indices.
            index = index if index.dtype in (mdt.int32, mdt.int64) else cast_to(index, mdt.int64)
            index = select(index < 0, index + size, index)
        else:
            # Known indices (constants, or PyNative values) are checked and wrapped as the
            # index is resolved, like negative axes; only traced ones need ops for it.
            values = _checked_rows(index, size, dim)
            index = Tensor(np.where(values < 0, values + size, values).astype(np.int64))
        if len(sizes) > 1:
            index = cast_to(index, mdt.int64) * math.prod(sizes[k + 1:])
        flat = index if flat is None else flat + index
    return flat


def getitem(x: Any, index: Any) -> Tensor:
    """x[index] (numpy's semantics for the index forms in the module docstring)."""
    x = tensor(x)
    items, advanced, mask = _split(x, index)
    if mask is not None:
        return gather(reshape(x, (-1,) + x.shape[mask.ndim:]), _true_positions(mask), 0)
    if advanced is None:
        basic = _basic(x.shape, items)
        out = x if basic.is_everything else one("mind.strided_slice", [x], basic.attrs())
        return reshape(out, basic.shape)
    # Each item is now one dimension of `sliced` (the advanced ones in full).
    sliced = getitem(x, tuple(items))
    positions = advanced.positions
    flat = _flat_index(advanced, tuple(sliced.shape[k] for k in positions))
    if len(positions) == 1:
        return gather(sliced, flat, positions[0])
    rows, _ = _advanced_first(sliced, positions)
    out = gather(rows, flat, 0)
    if advanced.adjacent and positions[0]:
        k, before = flat.ndim, positions[0]
        out = transpose(out, (*range(k, k + before), *range(k), *range(k + before, out.ndim)))
    return out


def _advanced_first(x: Tensor, positions: tuple[int, ...]) -> tuple[Tensor, tuple[int, ...]]:
    """(x with the dimensions at positions moved first and merged into one, the permutation)."""
    perm = (*positions, *(d for d in range(x.ndim) if d not in positions))
    moved = transpose(x, perm)
    return reshape(moved, (-1,) + moved.shape[len(positions):]), perm


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


def setitem(x: Any, index: Any, value: Any) -> Tensor:
    """A new tensor: x with x[index] = value (value cast to x's dtype and broadcast, as numpy)."""
    x = tensor(x)
    value = _value_for(x, value)
    items, advanced, mask = _split(x, index)
    if mask is not None:
        if _broadcasts(value.shape, x.shape):
            # The mask covers x's leading dimensions and selects whole rows: trailing size-1 dims.
            return select(reshape(mask, mask.shape + (1,) * (x.ndim - mask.ndim)), value, x)
        # One value row per true element, in order (as x[mask] reads them): a scatter of rows.
        rows = reshape(x, (-1,) + x.shape[mask.ndim:])
        return reshape(setitem(rows, _true_positions(mask), value), x.shape)
    if advanced is None:
        basic = _basic(x.shape, items)
        value = reshape(_broadcast(value, basic.shape), basic.sliced)
        if basic.is_everything:
            return value
        return one("mind.strided_slice_update", [x, value], basic.attrs())
    positions = advanced.positions
    if len(items) != x.ndim or any(i != slice(None) for k, i in enumerate(items) if k not in positions):
        raise IndexError("assigning through index tensors works with full slices (:, ...) beside them only")
    flat = _flat_index(advanced, tuple(x.shape[k] for k in positions))
    # scatter_update writes rows of axis 0: the indexed dimensions, moved first and merged.
    rows, perm = _advanced_first(x, positions)
    rest, k = rows.shape[1:], flat.ndim
    if advanced.adjacent:
        before = positions[0]
        value = _broadcast(value, rest[:before] + flat.shape + rest[before:])
        value = transpose(value, (*range(before, before + k), *range(before), *range(before + k, value.ndim)))
    else:
        value = _broadcast(value, flat.shape + rest)
    out = reshape(one("mind.scatter_update", [rows, flat, value]), tuple(x.shape[d] for d in perm))
    return transpose(out, tuple(perm.index(d) for d in range(x.ndim)))


def _value_for(x: Tensor, value: Any) -> Tensor:
    """value (a Tensor, number, array, or list/tuple of these) as a tensor of x's dtype."""
    if isinstance(value, (list, tuple)) and any(isinstance(v, Tensor) for v in value):
        # Tensors may be traced: stack them as ops, rather than reading their values.
        return stack([_value_for(x, v) for v in value])
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
