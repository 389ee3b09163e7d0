"""MindSpore's primitive classes: `ops.Primitive` and the checks of their constructor attributes.

A primitive is an object holding an op's attributes (`P.MatMul(transpose_b=True)`); calling it
with tensors calls the functional op (mindc.ops), so `P.X()(...)` and `ops.x(...)` build the same
mind ops, eagerly or inside a graph. The classes themselves are in mindc.ops.operations.
"""
from __future__ import annotations

import functools
import inspect
import numbers
from typing import Any, Callable, Sequence

from mindc.sharding.spec import is_pieces

__all__ = ["Primitive", "PrimitiveWithInfer", "PrimitiveWithCheck", "prim_attr_register", "constexpr"]


class Primitive:
    """Primitive(name): `name`, the attribute dict `attrs` (each attribute is also an instance
    attribute, `P.MatMul(transpose_b=True).transpose_b`), and `__call__`, which subclasses
    implement with functional ops."""

    # Bookkeeping attributes MindSpore leaves out of repr.
    _repr_ignore_list = ("input_names", "output_names")

    def __init__(self, name: str):
        self.name = name
        self.attrs: dict[str, Any] = {}
        self.init_attrs: dict[str, Any] = {}

    def add_prim_attr(self, name: str, value: Any) -> "Primitive":
        self.__dict__[name] = value
        self.attrs[name] = value
        return self

    def del_prim_attr(self, name: str) -> "Primitive":
        self.__dict__.pop(name, None)
        self.attrs.pop(name, None)
        return self

    def set_prim_instance_name(self, instance_name: str) -> "Primitive":
        self.instance_name = instance_name
        return self

    def init_prim_io_names(self, inputs: Sequence[str], outputs: Sequence[str]) -> None:
        """Record the input and output names (MindSpore checks kernels with them; mindc does not)."""
        self.add_prim_attr("input_names", list(inputs))
        self.add_prim_attr("output_names", list(outputs))

    # Optimizer hints with no meaning for a single-device CPU compiler; chainable as in MindSpore.
    def set_device(self, device_target: str) -> "Primitive":
        return self.add_prim_attr("primitive_target", device_target)

    def shard(self, in_strategy=None, out_strategy=None) -> "Primitive":
        """Split the op over the devices of a (semi-)automatic parallel run: in_strategy has, per
        input, the number of pieces of each dimension (((2, 1), (1, 4))). In a graph, the op this
        primitive builds carries it to mind-sharding-propagation; PyNative runs ignore it."""
        self.in_strategy = _strategy(in_strategy, "in_strategy", self.name)
        self.out_strategy = None if out_strategy is None else _strategy(out_strategy, "out_strategy", self.name)
        self.add_prim_attr("in_strategy", self.in_strategy)
        return self

    def op_strategy(self, strategy: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], ...]:
        """The strategy for the mind op this primitive builds, from the primitive's own (they differ
        where the primitive reshapes an input first, as BiasAdd does its bias)."""
        return strategy

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "__call__" in cls.__dict__:
            cls.__call__ = _sharded_call(cls.__dict__["__call__"])

    def recompute(self, mode: bool = True) -> "Primitive":
        return self

    def __call__(self, *args):
        raise TypeError(f"primitive '{self.name}' has no implementation in mindc: define __call__ with mindc.ops")

    def __repr__(self) -> str:
        attrs = ", ".join(f"{k}={v}" for k, v in self.attrs.items() if k not in self._repr_ignore_list)
        return f"Prim[{self.name}]" + (f"<{attrs}>" if attrs else "")

    def __deepcopy__(self, memo):
        return type(self)(**self.init_attrs)


def _strategy(value, what: str, prim: str) -> tuple[tuple[int, ...], ...]:
    if not isinstance(value, tuple) or not all(is_pieces(s) for s in value):
        raise TypeError(f"For '{prim}', '{what}' must be a tuple of tuples of positive ints, one per input, "
                        f"got {value!r}")
    return value


def _sharded_call(call: Callable) -> Callable:
    """A primitive's __call__ that hands its strategy, if set, to the op it traces."""

    @functools.wraps(call)
    def sharded(self, *args, **kwargs):
        strategy = getattr(self, "in_strategy", None)
        if strategy is None:
            return call(self, *args, **kwargs)
        from mindc.frontend.trace import current_trace, op_strategy

        with op_strategy(self.op_strategy(strategy)) as pending:
            out = call(self, *args, **kwargs)
        if pending.strategy is not None and current_trace() is not None:
            ranks = [len(getattr(x, "shape", ())) for x in args]
            raise ValueError(f"For '{self.name}', the strategy {strategy} does not fit the inputs: one tuple per "
                             f"input with one entry per dimension (inputs of ranks {ranks})")
        return out

    return sharded


class PrimitiveWithInfer(Primitive):
    """MindSpore's base for primitives with Python shape inference; mindc's rules infer shapes."""


class PrimitiveWithCheck(Primitive):
    """MindSpore's base for primitives with Python argument checks."""


def prim_attr_register(init: Callable) -> Callable:
    """Decorate a primitive's __init__: name the primitive after its class and record every
    argument of __init__ (defaults included) as an attribute before the body runs."""

    @functools.wraps(init)
    def wrapped(self, *args, **kwargs):
        Primitive.__init__(self, type(self).__name__)
        bound = inspect.signature(init).bind(self, *args, **kwargs)
        bound.apply_defaults()
        arguments = dict(bound.arguments)
        del arguments["self"]
        self.init_attrs = dict(arguments)
        for name, value in arguments.items():
            self.add_prim_attr(name, value)
        init(self, *args, **kwargs)

    return wrapped


def constexpr(fn: Callable | None = None, get_instance: bool = True, name: str | None = None,
              reuse_result: bool = True, check: bool = True):
    """MindSpore's @constexpr: fn runs on Python values while the graph is built. mindc traces by
    running Python, so the function is returned as it is (as a decorator with or without arguments)."""
    if fn is None:
        return lambda f: f
    return fn


# ---- attribute checks: MindSpore's validator messages, naming the primitive and the attribute

def check_bool(value: Any, name: str, prim: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"For '{prim}', '{name}' must be a bool, got {type(value).__name__}")
    return value


def check_int(value: Any, name: str, prim: str, minimum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"For '{prim}', '{name}' must be an int, got {type(value).__name__}")
    if minimum is not None and value < minimum:
        raise ValueError(f"For '{prim}', '{name}' must be at least {minimum}, got {value}")
    return int(value)


def check_float(value: Any, name: str, prim: str, low: float | None = None, high: float | None = None,
                open_low: bool = False) -> float:
    """A real number (not a bool) in [low, high], or (low, high] with open_low."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"For '{prim}', '{name}' must be a float, got {type(value).__name__}")
    too_low = low is not None and (value <= low if open_low else value < low)
    if too_low or (high is not None and value > high):
        bounds = f"{'(' if open_low else '['}{'-inf' if low is None else low}, {'inf' if high is None else high}]"
        raise ValueError(f"For '{prim}', '{name}' must be in {bounds}, got {value}")
    return float(value)


def check_str(value: Any, name: str, prim: str, choices: Sequence[str]) -> str:
    """One of choices, compared without case; returned in the spelling of choices."""
    if not isinstance(value, str):
        raise TypeError(f"For '{prim}', '{name}' must be a str, got {type(value).__name__}")
    for choice in choices:
        if value.lower() == choice.lower():
            return choice
    raise ValueError(f"For '{prim}', '{name}' must be one of {list(choices)}, got '{value}'")


def check_ints(value: Any, name: str, prim: str, lengths: Sequence[int] | None = None,
               minimum: int | None = 0) -> tuple[int, ...]:
    """An int or a tuple/list of ints (of one of the allowed lengths), each at least minimum."""
    items = value if isinstance(value, (tuple, list)) else (value,)
    if any(isinstance(v, bool) or not isinstance(v, numbers.Integral) for v in items) or \
            (lengths is not None and len(items) not in lengths):
        count = "" if lengths is None else " " + " or ".join(map(str, lengths))
        raise TypeError(f"For '{prim}', '{name}' must be an int or a tuple of{count} ints, got {value!r}")
    if minimum is not None and any(v < minimum for v in items):
        raise ValueError(f"For '{prim}', each entry of '{name}' must be at least {minimum}, got {value!r}")
    return tuple(int(v) for v in items)
