"""MindSpore's custom autograd function (`mindspore._Function`): a class with static
`forward(ctx, *inputs)` and `backward(ctx, *output_grads)`, used as `MyFunction.apply(*inputs)`.

`apply` runs forward; under a gradient it is a Cell with a custom bprop (frontend/bprop.py):
the bprop runs forward again on the same inputs to fill a fresh ctx (what forward saved with
`ctx.save_for_backward` or as attributes), then backward with the output gradients.
"""
from __future__ import annotations

from typing import Any

from mindc.frontend.tensor import Tensor
from mindc.nn.cell import Cell

__all__ = ["_Function"]


class FunctionCtx:
    """What forward leaves for backward: saved tensors and any attributes it sets."""

    def __init__(self, inputs: tuple):
        self.saved_tensors: tuple = ()
        self.needs_input_grad = tuple(isinstance(x, Tensor) for x in inputs)

    def save_for_backward(self, *tensors) -> None:
        self.saved_tensors = tensors


class _Function:
    """Subclass with `forward(ctx, *inputs)` and `backward(ctx, *grads)` static methods; call
    `apply(*inputs)`. backward returns one gradient per input (a tensor for a single input)."""

    @staticmethod
    def forward(ctx, *inputs):
        raise NotImplementedError("a _Function subclass must define forward(ctx, *inputs)")

    @staticmethod
    def backward(ctx, *grads):
        raise NotImplementedError("a _Function subclass must define backward(ctx, *grads)")

    @classmethod
    def apply(cls, *inputs) -> Any:
        return FunctionCell(cls)(*inputs)


class FunctionCell(Cell):
    """A _Function as a Cell whose bprop is the function's backward."""

    def __init__(self, function: type):
        super().__init__()
        self.function = function

    def construct(self, *inputs):
        return self.function.forward(FunctionCtx(inputs), *inputs)

    def bprop(self, *inputs_out_dout):
        *inputs, _, dout = inputs_out_dout
        ctx = FunctionCtx(tuple(inputs))
        self.function.forward(ctx, *inputs)
        grads = self.function.backward(ctx, *(dout if isinstance(dout, tuple) else (dout,)))
        grads = grads if isinstance(grads, tuple) else (grads,)
        if len(grads) != len(inputs):
            raise RuntimeError(f"Function backward return a wrong number of gradients: {self.function.__name__} "
                               f"has {len(inputs)} inputs, its backward returned {len(grads)} gradients")
        return grads
