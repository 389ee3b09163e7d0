"""Source datasets: NumpySlicesDataset (arrays sliced along their first axis) and
GeneratorDataset (rows from Python: a random-access object, an iterable or a generator function)."""
from __future__ import annotations

from typing import Any

import numpy as np

from mindc.dataset.engine import Dataset, _names, _rng, as_row
from mindc.frontend.tensor import Tensor

__all__ = ["NumpySlicesDataset", "GeneratorDataset"]


class _Source(Dataset):
    """Rows by index 0..n-1: shuffled each epoch, cut to num_samples, split into shards."""

    def __init__(self, column_names, shuffle, num_samples, num_shards, shard_id):
        super().__init__(column_names=column_names)
        self.shuffle_flag = True if shuffle is None else bool(shuffle)
        if num_samples is not None and (isinstance(num_samples, bool) or not isinstance(num_samples, int)
                                        or num_samples < 0):
            raise ValueError(f"num_samples must be an int >= 0 or None, got {num_samples!r}")
        self.num_samples = num_samples or None
        if (num_shards is None) != (shard_id is None):
            raise ValueError("num_shards and shard_id must be given together")
        if num_shards is not None and not 0 <= shard_id < num_shards:
            raise ValueError(f"shard_id must be in [0, num_shards={num_shards}), got {shard_id}")
        self.num_shards, self.shard_id = num_shards, shard_id

    def _indices(self, n: int, epoch: int, seed: int) -> np.ndarray:
        order = _rng(seed, self._depth, epoch).permutation(n) if self.shuffle_flag else np.arange(n)
        if self.num_shards is not None:
            order = order[self.shard_id::self.num_shards]
        return order[:self.num_samples] if self.num_samples is not None else order

    def _sized(self, n: int) -> int:
        if self.num_shards is not None:
            n = len(range(self.shard_id, n, self.num_shards))
        return min(n, self.num_samples) if self.num_samples is not None else n


class NumpySlicesDataset(_Source):
    """NumpySlicesDataset(data, column_names=None, num_samples=None, num_parallel_workers=1,
    shuffle=None, sampler=None, num_shards=None, shard_id=None).

    data is sliced along its first axis into rows: a dict gives one column per key, a tuple one
    column per element, anything else (a list, an array) one column. Columns are named
    column_names, else the dict's keys, else "column_0", "column_1", ... shuffle (None means
    True) gives a new random order each epoch.
    """

    def __init__(self, data, column_names=None, num_samples=None, num_parallel_workers=1, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None):
        if sampler is not None:
            raise NotImplementedError("NumpySlicesDataset(sampler=...) is not supported")
        if isinstance(data, dict):
            names, columns = list(data), list(data.values())
        elif isinstance(data, tuple):
            names, columns = None, list(data)
        else:
            names, columns = None, [data]
        arrays = [np.asarray(c.asnumpy() if isinstance(c, Tensor) else c) for c in columns]
        if not arrays or any(a.ndim == 0 for a in arrays):
            raise ValueError("NumpySlicesDataset needs data with a first axis to slice")
        lengths = {len(a) for a in arrays}
        if len(lengths) != 1:
            raise ValueError(f"NumpySlicesDataset columns have different lengths {sorted(lengths)}")
        if column_names is not None:
            names = _names(column_names, "column_names")
            if len(names) != len(arrays):
                raise ValueError(f"NumpySlicesDataset got {len(names)} column name(s) for {len(arrays)} column(s)")
        elif names is None:
            names = [f"column_{i}" for i in range(len(arrays))]
        super().__init__(names, shuffle, num_samples, num_shards, shard_id)
        self._arrays, self._n = arrays, lengths.pop()

    def _rows(self, epoch, seed):
        for i in self._indices(self._n, epoch, seed):
            yield tuple(a[i] for a in self._arrays)

    def _count(self):
        return self._sized(self._n)


class GeneratorDataset(_Source):
    """GeneratorDataset(source, column_names=None, column_types=None, schema=None,
    num_samples=None, num_parallel_workers=1, shuffle=None, sampler=None, num_shards=None,
    shard_id=None, python_multiprocessing=True, max_rowsize=6).

    source is random-access (`__getitem__` and `__len__`: rows shuffled each epoch unless
    shuffle=False), an iterable, or a callable returning an iterator (read in order; shuffle
    and sharding need random access). Each item is a tuple of column values or one value.
    """

    def __init__(self, source, column_names=None, column_types=None, schema=None, num_samples=None,
                 num_parallel_workers=1, shuffle=None, sampler=None, num_shards=None, shard_id=None,
                 python_multiprocessing=True, max_rowsize=6):
        if sampler is not None:
            raise NotImplementedError("GeneratorDataset(sampler=...) is not supported")
        if column_names is None:
            raise ValueError("GeneratorDataset needs column_names")
        self._random_access = hasattr(source, "__getitem__") and hasattr(source, "__len__")
        if not self._random_access:
            if not (callable(source) or hasattr(source, "__iter__")):
                raise TypeError(f"GeneratorDataset source must be random-access, iterable or callable, "
                                f"got {type(source).__name__}")
            if shuffle or num_shards is not None:
                raise ValueError("GeneratorDataset can shuffle or shard only a random-access source "
                                 "(one with __getitem__ and __len__)")
            shuffle = False
        super().__init__(_names(column_names, "column_names"), shuffle, num_samples, num_shards, shard_id)
        self.source = source

    def _rows(self, epoch, seed):
        n = len(self._columns)
        if self._random_access:
            for i in self._indices(len(self.source), epoch, seed):
                yield as_row(self.source[int(i)], n, "GeneratorDataset source")
            return
        items: Any = self.source() if callable(self.source) and not hasattr(self.source, "__iter__") else self.source
        for k, item in enumerate(items):
            if self.num_samples is not None and k >= self.num_samples:
                return
            yield as_row(item, n, "GeneratorDataset source")

    def _count(self):
        return self._sized(len(self.source)) if self._random_access else None
