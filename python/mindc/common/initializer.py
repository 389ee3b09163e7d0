"""Weight initializers (MindSpore's `mindspore.common.initializer`).

`initializer(init, shape, dtype)` makes a Tensor from an Initializer, its string alias
('normal', 'he_uniform', ...), a number or a Tensor/array. Random initializers draw from a numpy
Generator of the global seed sequence (common/seed.py): reproducible after `set_seed`, and
different for each initialization. Values are computed in float64 and cast to dtype.
"""
from __future__ import annotations

import math
import numbers
from typing import Any, Sequence

import numpy as np

from mindc.common.seed import generator
from mindc.frontend import dtype as mdt
from mindc.frontend.tensor import Tensor

__all__ = ["initializer", "Initializer", "Zero", "One", "Constant", "Normal", "Uniform", "TruncatedNormal",
           "XavierUniform", "XavierNormal", "HeUniform", "HeNormal"]

_ALIASES: dict[str, type] = {}


def _register(*aliases: str):
    """Make the class reachable by its lowercase name and by each alias (as MindSpore does)."""

    def add(cls):
        for name in (cls.__name__.lower(), *aliases):
            _ALIASES[name] = cls
        return cls

    return add


class Initializer:
    """Base class: `init(arr)` fills the numpy array arr in place; subclasses implement
    `_initialize(arr)`. Keyword arguments are kept for the repr."""

    def __init__(self, **kwargs):
        self._kwargs = kwargs

    def _initialize(self, arr: np.ndarray) -> None:
        raise NotImplementedError(f"{type(self).__name__} must implement _initialize")

    def __call__(self, arr: np.ndarray) -> None:
        if not isinstance(arr, np.ndarray):
            raise TypeError(f"an Initializer fills a numpy array, got {type(arr).__name__}")
        self._initialize(arr)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self._kwargs.items())
        return f"{type(self).__name__}({args})"


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{what} must be a number, got {type(value).__name__}")
    return float(value)


def _fill(arr: np.ndarray, values) -> None:
    arr[...] = np.asarray(values).astype(arr.dtype, copy=False)


@_register("zeros")
class Zero(Initializer):
    """All zeros."""

    def _initialize(self, arr):
        arr.fill(0)


@_register("ones")
class One(Initializer):
    """All ones."""

    def _initialize(self, arr):
        arr.fill(1)


@_register()
class Constant(Initializer):
    """Every element is value."""

    def __init__(self, value):
        super().__init__(value=value)
        self.value = _number(value, "value")

    def _initialize(self, arr):
        arr.fill(self.value)


@_register()
class Normal(Initializer):
    """Normal(sigma=0.01, mean=0.0): N(mean, sigma^2)."""

    def __init__(self, sigma: float = 0.01, mean: float = 0.0):
        super().__init__(sigma=sigma, mean=mean)
        self.sigma, self.mean = _number(sigma, "sigma"), _number(mean, "mean")
        if self.sigma < 0:
            raise ValueError(f"sigma must be >= 0, got {sigma}")

    def _initialize(self, arr):
        _fill(arr, generator().normal(self.mean, self.sigma, arr.shape))


@_register()
class Uniform(Initializer):
    """Uniform(scale=0.07): U(-scale, scale)."""

    def __init__(self, scale: float = 0.07):
        super().__init__(scale=scale)
        self.scale = _number(scale, "scale")

    def _initialize(self, arr):
        _fill(arr, generator().uniform(-self.scale, self.scale, arr.shape))


@_register()
class TruncatedNormal(Initializer):
    """TruncatedNormal(sigma=0.01, mean=0.0, a=-2.0, b=2.0): N(mean, sigma^2) restricted to
    [a, b] (absolute bounds, as in MindSpore and PyTorch); draws outside are redrawn."""

    def __init__(self, sigma: float = 0.01, mean: float = 0.0, a: float = -2.0, b: float = 2.0):
        super().__init__(sigma=sigma, mean=mean, a=a, b=b)
        self.sigma, self.mean = _number(sigma, "sigma"), _number(mean, "mean")
        self.a, self.b = _number(a, "a"), _number(b, "b")
        if self.sigma < 0:
            raise ValueError(f"sigma must be >= 0, got {sigma}")
        if not self.a < self.b:
            raise ValueError(f"a must be less than b, got a={a}, b={b}")
        if not self.a <= self.mean <= self.b:
            # Rejection would take forever far out in a tail; MindSpore and PyTorch share this limit.
            raise ValueError(f"mean {mean} must lie in [a, b] = [{a}, {b}]")

    def _initialize(self, arr):
        rng = generator()
        values = rng.normal(self.mean, self.sigma, arr.size)
        outside = (values < self.a) | (values > self.b)
        while outside.any():
            values[outside] = rng.normal(self.mean, self.sigma, int(outside.sum()))
            outside = (values < self.a) | (values > self.b)
        _fill(arr, values.reshape(arr.shape))


def _calculate_fan_in_and_fan_out(shape: Sequence[int]) -> tuple[int, int]:
    """MindSpore's fans: (in, out) of a [out, in] matrix, times the receptive field
    (prod(shape[2:])) for a convolution weight [out, in, k...]."""
    if len(shape) < 2:
        raise ValueError(f"fan_in and fan_out can not be computed for a shape with fewer than 2 dimensions, "
                         f"got {list(shape)}")
    receptive = math.prod(shape[2:])
    return shape[1] * receptive, shape[0] * receptive


def _calculate_gain(nonlinearity: str, param: float | None = None) -> float:
    """The recommended gain of a nonlinearity (MindSpore's and PyTorch's calculate_gain)."""
    linear = ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
              "sigmoid")
    if nonlinearity in linear:
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else _number(param, "negative_slope")
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"nonlinearity must be one of {', '.join((*linear, 'tanh', 'relu', 'leaky_relu', 'selu'))}, "
                     f"got {nonlinearity!r}")


@_register("xavier_uniform")
class XavierUniform(Initializer):
    """XavierUniform(gain=1): U(-b, b) with b = gain * sqrt(6 / (fan_in + fan_out))."""

    def __init__(self, gain: float = 1):
        super().__init__(gain=gain)
        self.gain = _number(gain, "gain")

    def _initialize(self, arr):
        fan_in, fan_out = _calculate_fan_in_and_fan_out(arr.shape)
        bound = self.gain * math.sqrt(6.0 / (fan_in + fan_out))
        _fill(arr, generator().uniform(-bound, bound, arr.shape))


@_register("xavier_normal")
class XavierNormal(Initializer):
    """XavierNormal(gain=1): N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out))."""

    def __init__(self, gain: float = 1):
        super().__init__(gain=gain)
        self.gain = _number(gain, "gain")

    def _initialize(self, arr):
        fan_in, fan_out = _calculate_fan_in_and_fan_out(arr.shape)
        std = self.gain * math.sqrt(2.0 / (fan_in + fan_out))
        _fill(arr, generator().normal(0.0, std, arr.shape))


class _He(Initializer):
    """Kaiming initialization: std = gain(nonlinearity, negative_slope) / sqrt(fan)."""

    def __init__(self, negative_slope: float = 0, mode: str = "fan_in", nonlinearity: str = "leaky_relu"):
        super().__init__(negative_slope=negative_slope, mode=mode, nonlinearity=nonlinearity)
        if mode not in ("fan_in", "fan_out"):
            raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}")
        self.negative_slope = _number(negative_slope, "negative_slope")
        self.mode, self.nonlinearity = mode, nonlinearity
        self.gain = _calculate_gain(nonlinearity, self.negative_slope)

    def std(self, shape) -> float:
        fan_in, fan_out = _calculate_fan_in_and_fan_out(shape)
        return self.gain / math.sqrt(fan_in if self.mode == "fan_in" else fan_out)


@_register("he_uniform")
class HeUniform(_He):
    """HeUniform(negative_slope=0, mode='fan_in', nonlinearity='leaky_relu'): U(-b, b) with
    b = sqrt(3) * gain / sqrt(fan)."""

    def _initialize(self, arr):
        bound = math.sqrt(3.0) * self.std(arr.shape)
        _fill(arr, generator().uniform(-bound, bound, arr.shape))


@_register("he_normal")
class HeNormal(_He):
    """HeNormal(negative_slope=0, mode='fan_in', nonlinearity='leaky_relu'): N(0, std^2) with
    std = gain / sqrt(fan)."""

    def _initialize(self, arr):
        _fill(arr, generator().normal(0.0, self.std(arr.shape), arr.shape))


def _shape(shape: Any) -> tuple[int, ...]:
    if isinstance(shape, (int, np.integer)) and not isinstance(shape, bool):
        shape = (shape,)
    try:
        dims = tuple(shape)
    except TypeError:
        raise TypeError(f"shape must be an int or a sequence of ints, got {shape!r}") from None
    if not all(isinstance(d, (int, np.integer)) and not isinstance(d, bool) and d >= 0 for d in dims):
        raise ValueError(f"shape must hold ints >= 0, got {shape!r}")
    return tuple(int(d) for d in dims)


def initializer(init: Any, shape: Any = None, dtype: Any = mdt.float32) -> Tensor:
    """A Tensor of shape and dtype initialized by init: an Initializer, its name or alias
    (case-insensitive: 'zeros', 'ones', 'normal', 'uniform', 'truncatedNormal',
    'xavier_uniform', 'xavier_normal', 'he_uniform', 'he_normal', ...), a number (every
    element), or a Tensor/numpy array (copied; its shape must be shape if shape is given).

    Raises ValueError for an unknown name or a shape mismatch, TypeError for any other init."""
    dt = mdt.as_dtype(dtype)
    if isinstance(init, (Tensor, np.ndarray)):
        data = init.asnumpy() if isinstance(init, Tensor) else init
        if shape is not None and tuple(data.shape) != _shape(shape):
            raise ValueError(f"init has shape {list(data.shape)}, but shape is {list(_shape(shape))}")
        return Tensor(np.array(data), dt)
    if shape is None:
        raise ValueError("shape must be given unless init is a Tensor or numpy array")
    if isinstance(init, str):
        cls = _ALIASES.get(init.lower())
        if cls is None:
            raise ValueError(f"unknown initializer {init!r}; known names are {', '.join(sorted(_ALIASES))}")
        init = cls()
    elif isinstance(init, numbers.Real) and not isinstance(init, bool):
        init = Constant(init)
    elif not isinstance(init, Initializer):
        raise TypeError(f"init must be an Initializer, a str, a number, a Tensor or a numpy array, "
                        f"got {type(init).__name__}")
    # Compute in float64 (or the integer dtype itself) and cast once, so every dtype sees the same draws.
    arr = np.zeros(_shape(shape), dtype=np.float64 if dt.is_float else dt.numpy)
    init(arr)
    return Tensor(arr, dt)
