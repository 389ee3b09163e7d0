"""Activation layers (MindSpore's nn.ReLU, nn.GELU, ...) and `get_activation` for Dense."""
from __future__ import annotations

from mindc import ops
from mindc.nn.cell import Cell
from mindc.nn.layer._checks import bool_arg, int_arg

__all__ = ["ReLU", "GELU", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "get_activation"]


class ReLU(Cell):
    """max(x, 0)."""

    def construct(self, x):
        return ops.relu(x)


class GELU(Cell):
    """GELU(approximate=True): the tanh approximation
    0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), MindSpore's default; approximate=False is
    the exact x * Phi(x) with erf."""

    def __init__(self, approximate: bool = True):
        super().__init__()
        self.approximate = bool_arg(approximate, "approximate", "GELU")

    def construct(self, x):
        return ops.gelu(x, approximate="tanh" if self.approximate else "none")

    def extend_repr(self) -> str:
        return f"approximate={self.approximate}"


class Sigmoid(Cell):
    """1 / (1 + exp(-x))."""

    def construct(self, x):
        return ops.sigmoid(x)


class Tanh(Cell):
    def construct(self, x):
        return ops.tanh(x)


class Softmax(Cell):
    """Softmax(axis=-1): exp(x) / sum(exp(x)) along axis."""

    def __init__(self, axis: int = -1):
        super().__init__()
        self.axis = int_arg(axis, "axis", "Softmax")

    def construct(self, x):
        return ops.softmax(x, self.axis)

    def extend_repr(self) -> str:
        return f"axis={self.axis}"


class LogSoftmax(Cell):
    """LogSoftmax(axis=-1): x - log(sum(exp(x))) along axis."""

    def __init__(self, axis: int = -1):
        super().__init__()
        self.axis = int_arg(axis, "axis", "LogSoftmax")

    def construct(self, x):
        return ops.log_softmax(x, self.axis)

    def extend_repr(self) -> str:
        return f"axis={self.axis}"


_ACTIVATIONS = {"relu": ReLU, "gelu": GELU, "sigmoid": Sigmoid, "tanh": Tanh, "softmax": Softmax,
                "logsoftmax": LogSoftmax}


def get_activation(name: str) -> Cell:
    """A new activation Cell by (case-insensitive) name: 'relu', 'gelu', 'sigmoid', 'tanh',
    'softmax', 'logsoftmax'. Raises KeyError for any other name, as MindSpore does."""
    if not isinstance(name, str):
        raise TypeError(f"activation name must be a str, got {type(name).__name__}")
    cls = _ACTIVATIONS.get(name.lower())
    if cls is None:
        raise KeyError(f"unknown activation {name!r}; known are {', '.join(_ACTIVATIONS)}")
    return cls()
