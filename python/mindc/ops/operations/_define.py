"""The one way most primitives are made: a class without attributes that calls a functional op."""
from __future__ import annotations

from typing import Callable

from mindc.ops.primitive import Primitive


class FunctionPrimitive(Primitive):
    """A primitive without constructor attributes: calling it calls `function` on its inputs."""

    function: Callable

    def __init__(self):
        super().__init__(type(self).__name__)

    def __call__(self, *args):
        return type(self).function(*args)


def define(name: str, function: Callable, module: str) -> type:
    """The primitive class `name` (MindSpore's spelling) whose call is `function`."""
    doc = f"MindSpore's {name}: {name}()(*inputs) is {function.__module__}.{function.__name__}(*inputs)."
    return type(name, (FunctionPrimitive,), {"function": staticmethod(function), "__doc__": doc, "__module__": module})
