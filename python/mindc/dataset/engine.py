"""Dataset pipelines: a source and the operations chained on it (batch, shuffle, map, ...).

Each Dataset yields the rows of one epoch (`_rows(epoch, seed)`: tuples of numpy arrays, one per
column); an iterator walks epochs and turns rows into Tensors. Randomness (shuffles) comes from
numpy Generators seeded by (seed, depth of the operation in the pipeline, epoch): the same
pipeline gives the same order after the same `config.set_seed`/`mindc.set_seed`, and a new
order each epoch.
"""
from __future__ import annotations

from typing import Any, Iterator, Sequence

import numpy as np

from mindc.dataset import config
from mindc.frontend.tensor import Tensor

__all__ = ["Dataset", "BatchDataset", "ShuffleDataset", "MapDataset", "RepeatDataset", "TakeDataset",
           "SkipDataset", "ProjectDataset", "RenameDataset"]

Row = tuple  # of numpy arrays, one per column


def _rng(seed: int, depth: int, epoch: int) -> np.random.Generator:
    return np.random.default_rng([seed, depth, epoch])


def _names(value, what: str) -> list[str]:
    names = [value] if isinstance(value, str) else list(value)
    if not names or not all(isinstance(n, str) and n for n in names):
        raise TypeError(f"{what} must be a non-empty str or list of them, got {value!r}")
    if len(set(names)) != len(names):
        raise ValueError(f"{what} has duplicate names: {names}")
    return names


def _positive_int(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{what} must be an int, got {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{what} must be positive, got {value}")
    return int(value)


class Dataset:
    """A dataset pipeline (MindSpore's mindspore.dataset.Dataset): chain operations, then
    iterate with create_tuple_iterator / create_dict_iterator (or a for loop)."""

    def __init__(self, children: Sequence["Dataset"] = (), column_names: Sequence[str] | None = None):
        self.children = list(children)
        self._columns = list(column_names) if column_names is not None else list(self.children[0]._columns)
        self._size: int | None = None

    @property
    def _depth(self) -> int:
        return 1 + max((c._depth for c in self.children), default=0)

    def _rows(self, epoch: int, seed: int) -> Iterator[Row]:
        raise NotImplementedError

    def _count(self) -> int | None:
        """Rows per epoch if known without iterating, else None."""
        return None

    # ---- operations
    def batch(self, batch_size: int, drop_remainder: bool = False, num_parallel_workers=None, **kwargs) -> "BatchDataset":
        """Rows stacked batch_size at a time (the last, smaller batch dropped with drop_remainder)."""
        if kwargs.get("per_batch_map") is not None:
            raise NotImplementedError("batch(per_batch_map=...) is not supported")
        return BatchDataset(self, batch_size, drop_remainder)

    def shuffle(self, buffer_size: int) -> "ShuffleDataset":
        """Rows in random order through a buffer of buffer_size rows (a buffer at least as large
        as the dataset gives a uniform shuffle)."""
        return ShuffleDataset(self, buffer_size)

    def map(self, operations, input_columns=None, output_columns=None, num_parallel_workers=None,
            **kwargs) -> "MapDataset":
        """operations (a callable or a list, applied in turn) on the columns input_columns (the
        first column by default); their results replace them, named output_columns (the input
        names by default)."""
        return MapDataset(self, operations, input_columns, output_columns)

    def repeat(self, count: int | None = None) -> "RepeatDataset":
        """The rows count times per epoch (None or -1: without end)."""
        return RepeatDataset(self, count)

    def take(self, count: int = -1) -> "TakeDataset":
        return TakeDataset(self, count)

    def skip(self, count: int) -> "SkipDataset":
        return SkipDataset(self, count)

    def project(self, columns) -> "ProjectDataset":
        return ProjectDataset(self, columns)

    def rename(self, input_columns, output_columns) -> "RenameDataset":
        return RenameDataset(self, input_columns, output_columns)

    # ---- iterating
    def create_tuple_iterator(self, columns=None, num_epochs: int = -1, output_numpy: bool = False,
                              do_copy: bool = True) -> "DatasetIterator":
        """An iterator of rows as lists (Tensors, or numpy arrays with output_numpy). Each pass
        of a for loop over it is one epoch; it gives num_epochs epochs (-1: without end)."""
        return DatasetIterator(self, num_epochs, output_numpy, columns, as_dict=False)

    def create_dict_iterator(self, num_epochs: int = -1, output_numpy: bool = False,
                             do_copy: bool = True) -> "DatasetIterator":
        """Like create_tuple_iterator, each row a {column name: value} dict."""
        return DatasetIterator(self, num_epochs, output_numpy, None, as_dict=True)

    def __iter__(self):
        return iter(self.create_tuple_iterator(num_epochs=1))

    # ---- what it holds
    def get_dataset_size(self) -> int:
        """Rows (batches, after batch) per epoch; counted by iterating once if not known."""
        if self._size is None:
            count = self._count()
            if count is None:
                count = sum(1 for _ in self._rows(0, config.get_seed()))
            self._size = count
        return self._size

    def get_col_names(self) -> list[str]:
        return list(self._columns)

    def get_batch_size(self) -> int:
        return self.children[0].get_batch_size() if self.children else 1

    def get_repeat_count(self) -> int:
        return self.children[0].get_repeat_count() if self.children else 1

    def _first_row(self) -> Row:
        for row in self._rows(0, config.get_seed()):
            return row
        raise ValueError("the dataset is empty")

    def output_shapes(self) -> list[list[int]]:
        return [list(a.shape) for a in self._first_row()]

    def output_types(self) -> list[np.dtype]:
        return [a.dtype for a in self._first_row()]


class DatasetIterator:
    """Rows of a dataset, epoch after epoch: a for loop over it ends at each epoch's end."""

    def __init__(self, dataset: Dataset, num_epochs: int, output_numpy: bool, columns, as_dict: bool):
        if isinstance(num_epochs, bool) or not isinstance(num_epochs, int) or (num_epochs < 1 and num_epochs != -1):
            raise ValueError(f"num_epochs must be a positive int or -1, got {num_epochs!r}")
        self.dataset, self.num_epochs, self.output_numpy, self.as_dict = dataset, num_epochs, output_numpy, as_dict
        names = dataset.get_col_names()
        wanted = names if columns is None else _names(columns, "columns")
        missing = [c for c in wanted if c not in names]
        if missing:
            raise ValueError(f"columns {missing} are not in the dataset; its columns are {names}")
        self._names, self._picks = wanted, [names.index(c) for c in wanted]
        self._seed = config.get_seed()
        self._epoch, self._current = 0, None

    def __iter__(self) -> "DatasetIterator":
        return self

    def __next__(self):
        if self._current is None:
            if self.num_epochs != -1 and self._epoch >= self.num_epochs:
                raise StopIteration
            self._current = self.dataset._rows(self._epoch, self._seed)
        try:
            row = next(self._current)
        except StopIteration:
            self._current, self._epoch = None, self._epoch + 1
            raise
        values = [row[i] if self.output_numpy else Tensor(row[i]) for i in self._picks]
        return dict(zip(self._names, values)) if self.as_dict else values

    def get_next(self):
        return next(self)


class BatchDataset(Dataset):
    def __init__(self, child: Dataset, batch_size: int, drop_remainder: bool = False):
        super().__init__([child])
        self.batch_size = _positive_int(batch_size, "batch_size")
        self.drop_remainder = bool(drop_remainder)

    def _rows(self, epoch, seed):
        pending: list[Row] = []
        for row in self.children[0]._rows(epoch, seed):
            pending.append(row)
            if len(pending) == self.batch_size:
                yield self._stack(pending)
                pending = []
        if pending and not self.drop_remainder:
            yield self._stack(pending)

    def _stack(self, rows: list[Row]) -> Row:
        out = []
        for i, name in enumerate(self._columns):
            shapes = {np.shape(r[i]) for r in rows}
            if len(shapes) > 1:
                raise ValueError(f"batch: column '{name}' has rows of different shapes {sorted(shapes)}")
            out.append(np.stack([r[i] for r in rows]))
        return tuple(out)

    def _count(self):
        n = self.children[0]._count()
        if n is None:
            return None
        return n // self.batch_size if self.drop_remainder else -(-n // self.batch_size)

    def get_batch_size(self) -> int:
        return self.batch_size


class ShuffleDataset(Dataset):
    def __init__(self, child: Dataset, buffer_size: int):
        super().__init__([child])
        self.buffer_size = _positive_int(buffer_size, "buffer_size")

    def _rows(self, epoch, seed):
        rng = _rng(seed, self._depth, epoch)
        buffer: list[Row] = []
        for row in self.children[0]._rows(epoch, seed):
            if len(buffer) < self.buffer_size:
                buffer.append(row)
                continue
            # A full buffer: emit a random row, and keep the new one in its place.
            i = int(rng.integers(len(buffer)))
            buffer[i], row = row, buffer[i]
            yield row
        rng.shuffle(buffer)
        yield from buffer

    def _count(self):
        return self.children[0]._count()


class MapDataset(Dataset):
    def __init__(self, child: Dataset, operations, input_columns=None, output_columns=None):
        ops = list(operations) if isinstance(operations, (list, tuple)) else [operations]
        if not ops or not all(callable(op) for op in ops):
            raise TypeError(f"map operations must be a callable or a list of callables, got {operations!r}")
        names = child.get_col_names()
        inputs = _names(input_columns, "input_columns") if input_columns is not None else names[:1]
        missing = [c for c in inputs if c not in names]
        if missing:
            raise ValueError(f"map: input_columns {missing} are not in the dataset; its columns are {names}")
        outputs = _names(output_columns, "output_columns") if output_columns is not None else inputs
        # The outputs take the place of the inputs (MindSpore puts them where the first was).
        first = names.index(inputs[0])
        kept = [n for n in names if n not in inputs]
        columns = kept[:first] + outputs + kept[first:]
        if len(set(columns)) != len(columns):
            raise ValueError(f"map: output columns {outputs} clash with the dataset's columns {names}")
        super().__init__([child], columns)
        self.operations, self._inputs, self._outputs, self._names_in = ops, inputs, outputs, names

    def _rows(self, epoch, seed):
        for row in self.children[0]._rows(epoch, seed):
            values = dict(zip(self._names_in, row))
            args = [values.pop(n) for n in self._inputs]
            for op in self.operations:
                result = op(*args)
                args = list(result) if isinstance(result, tuple) else [result]
            if len(args) != len(self._outputs):
                raise ValueError(f"map: the operations returned {len(args)} value(s) for output columns "
                                 f"{self._outputs}")
            values.update(zip(self._outputs, (np.asarray(a.asnumpy() if isinstance(a, Tensor) else a) for a in args)))
            yield tuple(values[n] for n in self._columns)

    def _count(self):
        return self.children[0]._count()


class RepeatDataset(Dataset):
    def __init__(self, child: Dataset, count: int | None = None):
        super().__init__([child])
        self.count = -1 if count is None else count
        if self.count != -1:
            _positive_int(self.count, "repeat count")

    def _rows(self, epoch, seed):
        k = 0
        while self.count == -1 or k < self.count:
            # Each repetition is a pass of its own (a fresh shuffle below it).
            yield from self.children[0]._rows(epoch * max(self.count, 1) + k if self.count != -1 else k, seed)
            k += 1

    def _count(self):
        n = self.children[0]._count()
        if self.count == -1:
            raise ValueError("an endlessly repeated dataset has no size")
        return None if n is None else n * self.count

    def get_repeat_count(self) -> int:
        return self.count


class TakeDataset(Dataset):
    def __init__(self, child: Dataset, count: int):
        super().__init__([child])
        self.count = count if count == -1 else _positive_int(count, "take count")

    def _rows(self, epoch, seed):
        for k, row in enumerate(self.children[0]._rows(epoch, seed)):
            if self.count != -1 and k >= self.count:
                return
            yield row

    def _count(self):
        n = self.children[0]._count()
        return None if n is None else n if self.count == -1 else min(n, self.count)


class SkipDataset(Dataset):
    def __init__(self, child: Dataset, count: int):
        super().__init__([child])
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"skip count must be an int >= 0, got {count!r}")
        self.count = count

    def _rows(self, epoch, seed):
        for k, row in enumerate(self.children[0]._rows(epoch, seed)):
            if k >= self.count:
                yield row

    def _count(self):
        n = self.children[0]._count()
        return None if n is None else max(n - self.count, 0)


class ProjectDataset(Dataset):
    def __init__(self, child: Dataset, columns):
        names = child.get_col_names()
        wanted = _names(columns, "columns")
        missing = [c for c in wanted if c not in names]
        if missing:
            raise ValueError(f"project: columns {missing} are not in the dataset; its columns are {names}")
        super().__init__([child], wanted)
        self._picks = [names.index(c) for c in wanted]

    def _rows(self, epoch, seed):
        for row in self.children[0]._rows(epoch, seed):
            yield tuple(row[i] for i in self._picks)

    def _count(self):
        return self.children[0]._count()


class RenameDataset(Dataset):
    def __init__(self, child: Dataset, input_columns, output_columns):
        old, new = _names(input_columns, "input_columns"), _names(output_columns, "output_columns")
        if len(old) != len(new):
            raise ValueError(f"rename: {len(old)} input column(s) but {len(new)} output column(s)")
        names = child.get_col_names()
        missing = [c for c in old if c not in names]
        if missing:
            raise ValueError(f"rename: columns {missing} are not in the dataset; its columns are {names}")
        mapping = dict(zip(old, new))
        super().__init__([child], [mapping.get(n, n) for n in names])

    def _rows(self, epoch, seed):
        return self.children[0]._rows(epoch, seed)

    def _count(self):
        return self.children[0]._count()


def as_row(item: Any, n_columns: int, what: str) -> Row:
    """A source's item as a row of numpy arrays: a tuple/list has one value per column, anything
    else is the single column."""
    values = tuple(item) if isinstance(item, (tuple, list)) else (item,)
    if len(values) != n_columns:
        raise ValueError(f"{what} gave a row of {len(values)} value(s) for {n_columns} column(s)")
    return tuple(np.asarray(v.asnumpy() if isinstance(v, Tensor) else v) for v in values)

