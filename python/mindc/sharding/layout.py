"""Device grids and tensor layouts: how a value is spread over the devices of an SPMD program.

A grid is the devices arranged as an n-d array (`2`, `2x2`, `8x16`); a device's rank is the
row-major linear index of its coordinates. A layout says, for each tensor dimension, which grid
axes split it (major to minor; none: the dimension is whole on every device), and over which grid
axes the devices hold partial results still to be combined (`reduce`: sum, mean, max, ...).
Text form, used in IR attributes and messages:

    [{0}, {}]            dim 0 split over grid axis 0, dim 1 whole
    [{0, 1}, {}]         dim 0 split over axes 0 and 1 (0 major): 4 pieces on a 2x2 grid
    [{}, {}] sum{1}      replicated over axis 0, partial sums over axis 1
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

REDUCTIONS = ("sum", "mean", "max", "min", "prod")


class ShardingError(Exception):
    """A layout, grid or strategy that cannot be used; the driver reports it at the op."""


@dataclass(frozen=True)
class Grid:
    """The device grid: its size along each axis."""

    shape: tuple[int, ...]

    def __post_init__(self):
        object.__setattr__(self, "shape", tuple(int(n) for n in self.shape))
        if not self.shape or any(n < 1 for n in self.shape):
            raise ShardingError(f"a device grid needs one or more axes of at least 1 device, found {list(self.shape)}")

    @property
    def rank(self) -> int:
        return len(self.shape)

    @property
    def size(self) -> int:
        return math.prod(self.shape)

    def devices(self, axes: Sequence[int]) -> int:
        """How many devices the axes span (the size of a group over them)."""
        return math.prod(self.shape[a] for a in axes)

    def check_axes(self, axes: Sequence[int], what: str) -> None:
        for a in axes:
            if not 0 <= a < self.rank:
                raise ShardingError(f"{what} names grid axis {a}, but the grid {self} has axes 0..{self.rank - 1}")
        if len(set(axes)) != len(axes):
            raise ShardingError(f"{what} names a grid axis twice: {list(axes)}")

    def coordinates(self, rank: int) -> tuple[int, ...]:
        coords = []
        for n in reversed(self.shape):
            coords.append(rank % n)
            rank //= n
        return tuple(reversed(coords))

    def __str__(self) -> str:
        return "x".join(map(str, self.shape))

    @staticmethod
    def for_devices(device_num: int) -> "Grid":
        """The finest grid of device_num devices: one axis per prime factor, smallest first, so
        that any split a strategy asks for (2, 4, 2x2, ...) is some set of its axes."""
        if device_num < 1:
            raise ShardingError(f"device_num must be at least 1, found {device_num}")
        factors, n, p = [], device_num, 2
        while n > 1:
            while n % p == 0:
                factors.append(p)
                n //= p
            p += 1
        return Grid(tuple(factors) or (1,))


@dataclass(frozen=True)
class Layout:
    """How one tensor lies on the grid: grid axes per dimension, and pending partial results."""

    dims: tuple[tuple[int, ...], ...]
    partial: tuple[int, ...] = ()
    reduce: str = "sum"

    def __post_init__(self):
        object.__setattr__(self, "dims", tuple(tuple(int(a) for a in d) for d in self.dims))
        object.__setattr__(self, "partial", tuple(sorted(int(a) for a in self.partial)))
        if self.reduce not in REDUCTIONS:
            raise ShardingError(f"unknown reduction '{self.reduce}'; expected one of {', '.join(REDUCTIONS)}")
        if not self.partial:
            # Nothing pending, nothing to combine: the text form then names no reduction, so
            # layouts read back from IR must equal the ones a rule with another reduce computed.
            object.__setattr__(self, "reduce", "sum")

    @staticmethod
    def replicated(rank: int) -> "Layout":
        return Layout(((),) * rank)

    @property
    def rank(self) -> int:
        return len(self.dims)

    @property
    def axes(self) -> tuple[int, ...]:
        """Every grid axis the layout uses, splitting or partial."""
        return tuple(a for d in self.dims for a in d) + self.partial

    @property
    def is_replicated(self) -> bool:
        return not self.axes

    def with_dims(self, dims) -> "Layout":
        return Layout(tuple(dims), self.partial, self.reduce)

    def check(self, grid: Grid, shape: Sequence[int], what: str = "value") -> None:
        """ShardingError unless the layout fits the grid and the shape (each split divides)."""
        if len(shape) != self.rank:
            raise ShardingError(f"layout {self} of {what} has {self.rank} dimensions, but the {what} has {len(shape)}")
        grid.check_axes(self.axes, f"layout {self} of {what}")
        for d, (size, axes) in enumerate(zip(shape, self.dims)):
            pieces = grid.devices(axes)
            if size % pieces:
                names = " and ".join(f"grid axis {a} ({grid.shape[a]} devices)" for a in axes)
                raise ShardingError(f"dimension {d} of {what} (size {size}) does not divide over {names}")

    def local_shape(self, shape: Sequence[int], grid: Grid) -> tuple[int, ...]:
        return tuple(size // grid.devices(axes) for size, axes in zip(shape, self.dims))

    def __str__(self) -> str:
        text = "[" + ", ".join("{" + ", ".join(map(str, d)) + "}" for d in self.dims) + "]"
        if self.partial:
            text += f" {self.reduce}{{{', '.join(map(str, self.partial))}}}"
        return text

    @staticmethod
    def parse(text: str) -> "Layout":
        match = _LAYOUT.fullmatch(text.strip())
        if not match:
            raise ShardingError(f"'{text}' is not a layout; expected e.g. '[{{0}}, {{}}]' or '[{{}}] sum{{1}}'")
        dims = tuple(_axis_list(d) for d in re.findall(r"\{([^}]*)\}", match["dims"]))
        partial = _axis_list(match["partial"]) if match["reduce"] else ()
        return Layout(dims, partial, match["reduce"] or "sum")


_AXES = r"\{\s*(?:\d+\s*(?:,\s*\d+\s*)*)?\}"
_LAYOUT = re.compile(rf"\[\s*(?P<dims>(?:{_AXES}\s*(?:,\s*{_AXES}\s*)*)?)\]"
                     rf"(?:\s+(?P<reduce>{'|'.join(REDUCTIONS)})\{{(?P<partial>[\d,\s]*)\}})?")


def _axis_list(text: str) -> tuple[int, ...]:
    return tuple(int(t) for t in text.split(",") if t.strip())
