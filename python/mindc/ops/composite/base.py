"""mindc.ops.composite.base (MindSpore's `mindspore.ops.composite.base`): functions over
functions. `MultitypeFuncGraph` dispatches on the kinds of its arguments, `HyperMap` and `Map`
apply a function across tuples and lists (MindSpore's optimizers update parameter tuples with
them), and `GradOperation` builds gradient functions (mindc.frontend.grad).

In a graph these run while tracing: dispatch and mapping are Python, the ops they call are traced.
"""
from __future__ import annotations

import numbers
from typing import Any, Callable

from mindc.frontend.tensor import Tensor

# GradOperation is served by __getattr__ below, so it is not in __all__ (a star import would load it).
__all__ = ["MultitypeFuncGraph", "HyperMap", "Map"]


def __getattr__(name: str):
    # GradOperation lives with the other gradient functions; imported on use, as they load MLIR.
    if name == "GradOperation":
        from mindc.frontend.grad import GradOperation

        return GradOperation
    raise AttributeError(f"module '{__name__}' has no attribute '{name}'")


def _is_number(x: Any) -> bool:
    return isinstance(x, numbers.Number) and not isinstance(x, Tensor)


# MindSpore's type names in MultitypeFuncGraph.register, as tests on a Python value.
_KINDS: dict[str, Callable[[Any], bool]] = {
    "Tensor": lambda x: isinstance(x, Tensor),
    "Number": _is_number,
    "Bool": lambda x: isinstance(x, bool),
    "Int": lambda x: isinstance(x, numbers.Integral) and not isinstance(x, bool),
    "Float": lambda x: isinstance(x, numbers.Real) and not isinstance(x, numbers.Integral),
    "String": lambda x: isinstance(x, str),
    "Tuple": lambda x: isinstance(x, tuple),
    "List": lambda x: isinstance(x, list),
    "Dictionary": lambda x: isinstance(x, dict),
    "None": lambda x: x is None,
    "Function": lambda x: callable(x) and not isinstance(x, (Tensor, type)),
}


# MindSpore type names of values mindc has no kind of (sparse tensors, monads, ...): programs
# register overloads for them (MindSpore's own optimizers do), which then never match.
_ABSENT_KINDS = ("RowTensor", "COOTensor", "CSRTensor", "MapTensor", "Slice", "Ellipsis", "TypeType", "UMonad",
                 "IOMonad", "EnvType", "Keyword")


def _kind_test(kind: str | type) -> Callable[[Any], bool]:
    if isinstance(kind, type):
        return lambda x: isinstance(x, kind)
    if kind in _ABSENT_KINDS:
        return lambda x: False
    try:
        return _KINDS[kind]
    except KeyError:
        raise ValueError(f"MultitypeFuncGraph: unknown type name '{kind}'; use one of {sorted(_KINDS)} "
                         f"or a Python class") from None


def _kind_of(x: Any) -> str:
    return next((name for name, test in _KINDS.items() if test(x)), type(x).__name__)


class MultitypeFuncGraph:
    """MultitypeFuncGraph(name, read_value=False): one function with an implementation per
    combination of argument kinds, added with `@f.register("Tensor", "Number", ...)`. A call
    runs the first registered implementation whose kinds all match (Bool before Number, so an
    implementation for the narrower kind should be registered first)."""

    def __init__(self, name: str, read_value: bool = False):
        self.name, self.read_value = name, read_value
        self.entries: list[tuple[tuple[Callable[[Any], bool], ...], tuple, Callable]] = []

    def register(self, *type_names: str | type) -> Callable[[Callable], Callable]:
        tests = tuple(_kind_test(t) for t in type_names)

        def add(fn: Callable) -> Callable:
            self.entries.append((tests, type_names, fn))
            return fn

        return add

    def __call__(self, *args):
        for tests, _, fn in self.entries:
            if len(tests) == len(args) and all(test(a) for test, a in zip(tests, args)):
                return fn(*args)
        registered = "; ".join(f"({', '.join(map(str, names))})" for _, names, _ in self.entries) or "none"
        raise TypeError(f"MultitypeFuncGraph '{self.name}' has no implementation for arguments of kinds "
                        f"({', '.join(_kind_of(a) for a in args)}); registered: {registered}")

    def __repr__(self) -> str:
        return f"MultitypeFuncGraph({self.name!r})"


def _sequences(args: tuple, what: str) -> tuple[type, int] | None:
    """(tuple or list, length) when the arguments are sequences of one length, None when none is a
    sequence; TypeError when they are mixed or their lengths differ."""
    kinds = {type(a) for a in args if isinstance(a, (tuple, list))}
    if not kinds:
        return None
    lengths = {len(a) for a in args if isinstance(a, (tuple, list))}
    if len(kinds) > 1 or len(lengths) > 1 or any(not isinstance(a, (tuple, list)) for a in args):
        shapes = ", ".join(f"{type(a).__name__}[{len(a)}]" if isinstance(a, (tuple, list)) else _kind_of(a)
                           for a in args)
        raise TypeError(f"{what} needs arguments that are all tuples or all lists of one length, got ({shapes})")
    return kinds.pop(), lengths.pop()


class _MapBase:
    """Map(ops=None, reverse=False) and HyperMap: called as (fn, *sequences) when built without
    ops, else as (*sequences)."""

    recursive: bool

    def __init__(self, ops: Callable | None = None, reverse: bool = False):
        self.ops, self.reverse = ops, reverse

    def __call__(self, *args):
        fn, args = (self.ops, args) if self.ops is not None else (args[0], args[1:])
        return self._apply(fn, args)

    def _apply(self, fn: Callable, args: tuple):
        found = _sequences(args, type(self).__name__)
        if found is None:
            if self.recursive or not args:
                return fn(*args)
            raise TypeError(f"Map needs tuple or list arguments, got ({', '.join(_kind_of(a) for a in args)})")
        kind, length = found
        order = range(length - 1, -1, -1) if self.reverse else range(length)
        # Elements are visited in `order` (reverse only changes the order of side effects) and
        # returned in their own places.
        results = {i: (self._apply if self.recursive else lambda f, xs: f(*xs))(fn, tuple(a[i] for a in args))
                   for i in order}
        return kind(results[i] for i in range(length))


class HyperMap(_MapBase):
    """Apply a function to the leaves of (nested) tuples and lists of one structure."""

    recursive = True


class Map(_MapBase):
    """Apply a function to the elements of tuples or lists of one length (one level)."""

    recursive = False
