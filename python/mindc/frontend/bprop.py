"""Cells with a user-written gradient: `bprop(self, *inputs, out, dout)` (MindSpore's custom
Cell bprop), returning a tuple with one gradient per input.

Inside a trace, such a Cell's construct is traced into a private function and its bprop into
another, and the first is called with `{mind.bprop = @second}`; mind-autodiff differentiates
that call with the user's bprop (autodiff/bprop.py). The bprop function takes the Cell's
tensor inputs, construct's outputs, their cotangents, then the tensors either function captured
(Parameters, closures), which get no gradient: as in MindSpore, the Parameters of a Cell with a
bprop get zero gradients. Gradients of inputs that are not tensors (static values) are ignored.
"""
from __future__ import annotations

from typing import Any, Sequence

from mlir import ir
from mlir.dialects import func

from mindc.autodiff.bprop import BPROP
from mindc.frontend.grad_request import where_text
from mindc.frontend.jit import flatten, trace_into, unflatten
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import Tracer, current_trace, location, user_frame_position
from mindc.ir import fresh_symbol
from mindc.rules.base import Sig

_TENSOR = "tensor"


def has_bprop(cell) -> bool:
    return callable(getattr(type(cell), "bprop", None))


def call_with_bprop(cell, args: tuple, kwargs: dict) -> Any:
    """cell(*args) recorded in the current trace as a call differentiated by cell.bprop."""
    from mindc.frontend.convert import convert

    trace, where = current_trace(), user_frame_position()
    cls = type(cell).__name__
    if kwargs:
        raise TypeError(f"{where_text(where)}{cls} defines bprop, so it takes positional inputs only, got keyword "
                        f"argument(s) {sorted(kwargs)}")
    leaves: list[Tensor] = []
    _, specs = flatten(tuple(args), leaves)
    for i, spec in enumerate(specs):
        if spec != _TENSOR and _holds_tensors(spec):
            raise TypeError(f"{where_text(where)}{cls} defines bprop, so each input must be a tensor or a static value; "
                            f"input {i} is a {type(args[i]).__name__} holding tensors")
    sigs = [Sig(x.shape, x.dtype.mlir) for x in leaves]
    body = trace.module_body
    name = fresh_symbol(body, f"{cls}_construct")
    f, forward = trace_into(body, cell._traced_construct(), _spec(specs), sigs, name, trace)
    if forward.updates:
        raise TypeError(f"{where_text(where)}{cls} defines bprop and assigns Parameter '{forward.updates[0].name}' in "
                        "construct; a Cell with a custom bprop may only read its Parameters")
    results = list(ir.FunctionType(f.type).results)
    out_sigs = [Sig.of(t) for t in results]
    user_bprop = convert(type(cell).bprop).__get__(cell, type(cell))
    code = type(cell).bprop.__code__
    at = (code.co_filename, code.co_firstlineno, 1)

    def bprop_of_tensors(*inputs):
        grads = user_bprop(*inputs)
        return _checked(grads, args, specs, f"{where_text(at)}{cls}.bprop")

    bprop_name = fresh_symbol(body, f"{cls}_bprop")
    _, backward = trace_into(body, bprop_of_tensors, _spec([*specs, forward.out_spec, forward.out_spec]),
                             [*sigs, *out_sigs, *out_sigs], bprop_name, trace,
                             bound=[(c, Sig(c.shape, c.dtype.mlir)) for c in forward.captured])
    _append_arguments(f, backward.captured, where)
    operands = [trace.value_of(x, where) for x in [*leaves, *forward.captured, *backward.captured]]
    with ir.InsertionPoint(trace.block), location(where):
        call = func.CallOp(results, name, operands)
    call.attributes[BPROP] = ir.FlatSymbolRefAttr.get(bprop_name)
    return unflatten(forward.out_spec, iter([Tracer(r, trace) for r in call.results]))


def _checked(grads, args: tuple, specs: Sequence, who: str) -> tuple:
    """The gradients of the tensor inputs, after checking grads against all inputs."""
    if not isinstance(grads, (tuple, list)):
        raise TypeError(f"{who} must return a tuple of gradients, one per input, got {_type_name(grads)}")
    if len(grads) != len(args):
        raise ValueError(f"{who} returned {len(grads)} gradient(s) for {len(args)} input(s)")
    tensor_grads = []
    for i, (g, x, spec) in enumerate(zip(grads, args, specs)):
        if spec != _TENSOR:
            continue
        if not isinstance(g, Tensor):
            raise TypeError(f"{who} returned a gradient of type {_type_name(g)} for input {i}, a tensor")
        if g.shape != x.shape:
            raise ValueError(f"{who} returned a gradient of shape {list(g.shape)} for input {i} of shape "
                             f"{list(x.shape)}")
        if g.dtype != x.dtype:
            raise TypeError(f"{who} returned a gradient of dtype {g.dtype} for input {i} of dtype {x.dtype}")
        tensor_grads.append(g)
    return tuple(tensor_grads)


def _type_name(value) -> str:
    # Traced tensors are Tensors to the user.
    return "Tensor" if isinstance(value, Tensor) else type(value).__name__


def _spec(items: Sequence) -> tuple:
    """The spec `flatten` gives the call arguments (items as a tuple, no keywords)."""
    return ("tuple", (("tuple", tuple(items)), ("dict", (), ())))


def _holds_tensors(spec) -> bool:
    if spec == _TENSOR:
        return True
    return spec[0] != "static" and any(_holds_tensors(s) for s in spec[-1])


def _append_arguments(f: func.FuncOp, tensors: Sequence[Tensor], where) -> None:
    """Add unused trailing arguments to f: the tensors its bprop captured, which the call passes."""
    block = f.regions[0].blocks[0]
    for x in tensors:
        block.add_argument(Sig(x.shape, x.dtype.mlir).to_type(), location(where))
    t = ir.FunctionType(f.type)
    f.attributes["function_type"] = ir.TypeAttr.get(
        ir.FunctionType.get([a.type for a in block.arguments], list(t.results)))
