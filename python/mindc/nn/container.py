"""Cell containers: SequentialCell (runs its cells in order), CellList and CellDict (hold them)."""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from typing import Iterable

from mindc.nn.cell import Cell

__all__ = ["SequentialCell", "CellList", "CellDict"]


def _checked(cell) -> Cell:
    if not isinstance(cell, Cell):
        raise TypeError(f"a cell container holds Cells, got {type(cell).__name__}")
    return cell


class _Sequence(Cell):
    """Children named "0", "1", ... (or by an OrderedDict's keys), indexable like a list."""

    def __init__(self, cells: Iterable[Cell] | OrderedDict = ()):
        super().__init__()
        items = cells.items() if isinstance(cells, (OrderedDict, dict)) else enumerate(cells)
        for name, cell in items:
            self.insert_child_to_cell(str(name), _checked(cell))

    def _list(self) -> list[Cell]:
        return list(self._cells.values())

    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)(self._list()[index])
        if not isinstance(index, int):
            raise TypeError(f"{type(self).__name__} indices must be int or slice, got {type(index).__name__}")
        return self._list()[index]

    def __setitem__(self, index: int, cell: Cell) -> None:
        name = list(self._cells)[index]
        self.insert_child_to_cell(name, _checked(cell))

    def __delitem__(self, index) -> None:
        cells = self._list()
        del cells[index]
        self._cells.clear()
        for i, cell in enumerate(cells):
            self._cells[str(i)] = cell

    def __len__(self) -> int:
        return len(self._cells)

    def __iter__(self):
        return iter(self._list())

    def append(self, cell: Cell) -> "_Sequence":
        self.insert_child_to_cell(str(len(self)), _checked(cell))
        return self


class SequentialCell(_Sequence):
    """SequentialCell(*cells) or SequentialCell([cells]) or SequentialCell(OrderedDict): construct
    feeds each cell's output to the next."""

    def __init__(self, *args):
        if len(args) == 1 and isinstance(args[0], (list, tuple, OrderedDict, dict)):
            super().__init__(args[0])
        else:
            super().__init__(args)

    def construct(self, input_data):
        for cell in self._list():
            input_data = cell(input_data)
        return input_data


class CellList(_Sequence):
    """A list of Cells registered as children (their Parameters belong to the parent)."""

    def __init__(self, *args, **kwargs):
        super().__init__(args[0] if args else ())

    def insert(self, index: int, cell: Cell) -> None:
        cells = self._list()
        cells.insert(index, _checked(cell))
        cell.update_parameters_name(f"{index}.")
        self._cells.clear()
        for i, c in enumerate(cells):
            self._cells[str(i)] = c

    def extend(self, cells: Iterable[Cell]) -> "CellList":
        for cell in cells:
            self.append(cell)
        return self

    def construct(self, *inputs):
        raise TypeError("a CellList is not called: index it, or iterate over it in construct")


class CellDict(Cell):
    """Cells under string keys, registered as children in insertion order (MindSpore's CellDict:
    the keys name the children, so a child's Parameters are prefixed with its key)."""

    def __init__(self, *args, **kwargs):
        super().__init__(kwargs.get("auto_prefix", True))
        if args:
            self.update(args[0])

    def _checked_key(self, key) -> str:
        if not isinstance(key, str):
            raise TypeError(f"For 'CellDict', the type of key should be string but got {type(key).__name__}.")
        if key not in self._cells and hasattr(self, key):
            raise KeyError(f"For 'CellDict', the key can not be same with the attributes of Cell, but got key {key}.")
        if "." in key or not key:
            raise KeyError(f"For 'CellDict', a key must be non-empty and contain no '.', but got key '{key}'")
        return key

    def __getitem__(self, key: str) -> Cell:
        return self._cells[key]

    def __setitem__(self, key: str, cell: Cell) -> None:
        if isinstance(cell, (CellDict, _Sequence)):
            raise TypeError(f"For 'CellDict', the type of cell can not be CellDict, CellList or SequentialCell, "
                            f"but got {type(cell).__name__}.")
        self.insert_child_to_cell(self._checked_key(key), _checked(cell))

    def __delitem__(self, key: str) -> None:
        Cell._modes_changed()
        del self._cells[key]

    def __len__(self) -> int:
        return len(self._cells)

    def __iter__(self):
        return iter(self._cells)

    def __contains__(self, key) -> bool:
        return key in self._cells

    def keys(self):
        return self._cells.keys()

    def values(self):
        return self._cells.values()

    def items(self):
        return self._cells.items()

    def clear(self) -> None:
        Cell._modes_changed()
        self._cells.clear()

    def pop(self, key: str) -> Cell:
        cell = self[key]
        del self[key]
        return cell

    def update(self, cells) -> None:
        """Add or replace cells from a mapping, or from an iterable of (key, cell) pairs, in order."""
        if isinstance(cells, (Mapping, CellDict)):
            pairs = list(cells.items())
        else:
            pairs = list(cells)
            for i, pair in enumerate(pairs):
                if not isinstance(pair, (tuple, list)) or len(pair) != 2:
                    raise ValueError(f"CellDict update sequence element #{i} must be a (key, cell) pair, "
                                     f"got {pair!r}")
        for key, cell in pairs:
            self[key] = cell

    def construct(self, *inputs):
        raise TypeError("a CellDict is not called: index it by key, or iterate over it in construct")
