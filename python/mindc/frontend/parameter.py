"""Parameter: a named tensor that a program may update (MindSpore's Parameter).

Outside a trace, `set_data`/`assign_value` replace the values at once (PyNative). Inside a
trace (`mindc.jit`, a Cell's graph), reading a Parameter makes it an argument of the compiled
function, and assigning one records the new value: later reads in the same trace see it, and
the compiled function writes it into the Parameter's own buffer in place when it returns.
"""
from __future__ import annotations

import itertools
from typing import Any, Iterable

import numpy as np

from mindc.frontend.tensor import Tensor, _to_array


class Parameter(Tensor):
    """Parameter(default_input, name=None, requires_grad=True): a Tensor with a name, a flag for
    whether optimizers train it, and in-place updates."""

    _names = itertools.count()

    def __init__(self, default_input: Any, name: str | None = None, requires_grad: bool = True,
                 layerwise_parallel: bool = False, parallel_optimizer: bool = True):
        super().__init__(default_input)
        self.name = name if name is not None else f"Parameter_{next(self._names)}"
        self.requires_grad = requires_grad

    # The values. A partitioned program (runtime/sharded.py) keeps each rank's piece of the
    # Parameters it updates between its calls (`_pieces`), without the whole array; reading the
    # values assembles them from every rank's pieces (a collective: every rank reads, as every
    # rank runs the same program). Setting them drops the pieces.
    @property
    def _array(self) -> np.ndarray:
        pieces = self.__dict__.get("_pieces")
        if pieces is not None and pieces.stale:
            self.__dict__["_whole"] = pieces.assemble()
        return self.__dict__["_whole"]

    @_array.setter
    def _array(self, value: np.ndarray) -> None:
        self.__dict__["_whole"] = value
        self.__dict__["_pieces"] = None

    @property
    def shape(self) -> tuple[int, ...]:
        pieces = self.__dict__.get("_pieces")
        return pieces.shape if pieces is not None else tuple(self._array.shape)

    @property
    def dtype(self):
        from mindc.frontend import dtype as mdt

        pieces = self.__dict__.get("_pieces")
        return mdt.as_dtype(pieces.dtype if pieces is not None else self._array.dtype)

    @property
    def data(self) -> "Parameter":
        """The Parameter itself (MindSpore's `param.data`)."""
        return self

    def value(self) -> Tensor:
        """Its current value, as a plain Tensor."""
        from mindc.frontend.trace import current_trace

        trace = current_trace()
        if trace is not None:
            return trace.read(self)
        return Tensor(self._array)

    def set_data(self, data: Any, slice_shape: bool = False) -> "Parameter":
        """Replace the values by data (cast to the Parameter's dtype; the shape must match)."""
        from mindc.frontend.trace import current_trace

        trace = current_trace()
        if trace is not None:
            trace.assign(self, data)
            return self
        array = _to_array(data, self.dtype)
        if array.shape != self.shape:
            raise ValueError(f"Parameter '{self.name}' has shape {list(self.shape)}; "
                             f"set_data got shape {list(array.shape)}")
        self._array = array
        return self

    def assign_value(self, value: Any) -> "Parameter":
        return self.set_data(value)

    def _rebind(self, new: Tensor) -> None:
        # `param[i] = v` updates the Parameter in place, as MindSpore's PyNative does; inside a
        # graph it is an assignment, written back when the compiled function returns.
        self.set_data(new)

    def _in_place(self, new: Tensor, by_operator: bool = False) -> "Parameter":
        # `param += v` and param.add_(v) assign the Parameter, in a graph as well.
        self.set_data(new)
        return self

    def copy(self) -> Tensor:
        """Its current value as a new plain Tensor."""
        return self.value()

    def clone(self, init: str = "same") -> "Parameter":
        """A new Parameter with a copy of the values (init="same") and the same name and flags."""
        if init != "same":
            from mindc.common.initializer import initializer

            data = initializer(init, self.shape, self.dtype)
        else:
            data = np.copy(self._array)
        return Parameter(data, self.name, self.requires_grad)

    def __repr__(self) -> str:
        return f"Parameter(name={self.name}, shape={list(self.shape)}, dtype={self.dtype}, " \
               f"requires_grad={self.requires_grad})"

    __str__ = __repr__


class ParameterTuple(tuple):
    """A tuple of Parameters (MindSpore's ParameterTuple), as optimizers and grad(weights=) take."""

    def __new__(cls, iterable: Iterable[Parameter]):
        items = tuple(iterable)
        for p in items:
            if not isinstance(p, Parameter):
                raise TypeError(f"ParameterTuple holds Parameters, got {type(p).__name__}")
        return super().__new__(cls, items)

    def clone(self, prefix: str, init: str = "same") -> "ParameterTuple":
        """Copies named `prefix.name`, as optimizers make their moment buffers."""
        copies = []
        for p in self:
            copy = p.clone(init)
            copy.name = f"{prefix}.{p.name}"
            copies.append(copy)
        return ParameterTuple(copies)
