"""Activation layers (MindSpore's nn.ReLU, nn.GELU, ...) and `get_activation` for Dense."""
from __future__ import annotations

import numpy as np

from mindc import ops
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.nn.cell import Cell
from mindc.nn.layer._checks import bool_arg, float_arg, int_arg, positive_int

__all__ = ["ReLU", "ReLU6", "LeakyReLU", "ELU", "GELU", "SiLU", "Sigmoid", "LogSigmoid", "HSigmoid", "HSwish",
           "Softplus", "Softsign", "Tanh", "Tanhshrink", "PReLU", "Softmax", "LogSoftmax", "get_activation"]


class ReLU(Cell):
    """max(x, 0)."""

    def construct(self, x):
        return ops.relu(x)


class ReLU6(Cell):
    """min(max(x, 0), 6)."""

    def construct(self, x):
        return ops.relu6(x)


class LeakyReLU(Cell):
    """LeakyReLU(alpha=0.2): x where x > 0, else alpha * x."""

    def __init__(self, alpha: float = 0.2):
        super().__init__()
        self.alpha = float_arg(alpha, "alpha", "LeakyReLU")

    def construct(self, x):
        return ops.leaky_relu(x, self.alpha)

    def extend_repr(self) -> str:
        return f"alpha={self.alpha}"


class ELU(Cell):
    """ELU(alpha=1.0): x where x > 0, else alpha * (exp(x) - 1)."""

    def __init__(self, alpha: float = 1.0):
        super().__init__()
        self.alpha = float_arg(alpha, "alpha", "ELU")

    def construct(self, x):
        return ops.elu(x, self.alpha)


class Softplus(Cell):
    """Softplus(beta=1, threshold=20): log(1 + exp(beta x)) / beta, x where beta x > threshold."""

    def __init__(self, beta: float = 1, threshold: float = 20):
        super().__init__()
        self.beta, self.threshold = float_arg(beta, "beta", "Softplus"), float_arg(threshold, "threshold", "Softplus")

    def construct(self, x):
        return ops.softplus(x, self.beta, self.threshold)


class SiLU(Cell):
    """x * sigmoid(x)."""

    def construct(self, x):
        return x * ops.sigmoid(x)


class LogSigmoid(Cell):
    """log(sigmoid(x)) = -softplus(-x)."""

    def construct(self, x):
        return -ops.softplus(-x)


class HSigmoid(Cell):
    """relu6(x + 3) / 6."""

    def construct(self, x):
        return ops.relu6(x + 3.0) / 6.0


class HSwish(Cell):
    """x * relu6(x + 3) / 6."""

    def construct(self, x):
        return x * ops.relu6(x + 3.0) / 6.0


class Softsign(Cell):
    """x / (1 + |x|)."""

    def construct(self, x):
        return x / (ops.abs(x) + 1.0)


class Tanhshrink(Cell):
    """x - tanh(x)."""

    def construct(self, x):
        return x - ops.tanh(x)


class PReLU(Cell):
    """PReLU(channel=1, w=0.25): x where x > 0, else w * x, with a learned slope per channel
    (axis 1 of the input), the Parameter `a` (float32, or the dtype of a Tensor w)."""

    def __init__(self, channel: int = 1, w=0.25):
        super().__init__()
        self.channel = positive_int(channel, "channel", "PReLU")
        if isinstance(w, (int, float)) and not isinstance(w, bool):
            w = np.full((self.channel,), w, np.float32)
        elif isinstance(w, (Tensor, np.ndarray, list)):
            w = w.asnumpy() if isinstance(w, Tensor) else np.asarray(w, np.float32)
            if w.shape not in ((self.channel,), (1,)):
                raise ValueError(f"For 'PReLU', 'w' must have shape ({self.channel},) or (1,), got {w.shape}")
        else:
            raise TypeError(f"For 'PReLU', 'w' must be a float or a Tensor, got {type(w).__name__}")
        self.w = Parameter(w, name="a")

    def construct(self, x):
        w = ops.cast(self.w, x.dtype)
        if x.ndim > 1:
            w = ops.reshape(w, (1, -1) + (1,) * (x.ndim - 2))
        return ops.select(x > 0, x, x * w)


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


_ACTIVATIONS = {"relu": ReLU, "relu6": ReLU6, "leakyrelu": LeakyReLU, "elu": ELU, "gelu": GELU, "silu": SiLU,
                "sigmoid": Sigmoid, "logsigmoid": LogSigmoid, "hsigmoid": HSigmoid, "hswish": HSwish,
                "softplus": Softplus, "softsign": Softsign, "tanh": Tanh, "tanhshrink": Tanhshrink, "prelu": PReLU,
                "softmax": Softmax, "logsoftmax": LogSoftmax}


def get_activation(name: str) -> Cell:
    """A new activation Cell by (case-insensitive) name, one of MindSpore's (`_ACTIVATIONS`).
    Raises KeyError for any other name, as MindSpore does."""
    if not isinstance(name, str):
        raise TypeError(f"activation name must be a str, got {type(name).__name__}")
    cls = _ACTIVATIONS.get(name.lower())
    if cls is None:
        raise KeyError(f"unknown activation {name!r}; known are {', '.join(_ACTIVATIONS)}")
    return cls()
