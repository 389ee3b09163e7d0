"""MindSpore's `vmap(fn, in_axes=0, out_axes=0)`: fn mapped over an axis of its arguments.

The mapped function is one `scf.for` over the batch: each iteration reads the i-th slice of the
mapped arguments (a gather at a traced index), calls fn on them (traced once, as the loop body),
and writes fn's outputs into the i-th row of outputs allocated before the loop (a scatter
update). It is the loop MindSpore falls back to for ops without a batching rule, here for every
op; the program stays the size of fn whatever the batch, and gradients flow through it as
through any graph-mode loop. Outside a graph, the mapped function is compiled with `mindc.jit`
(once per signature of the arguments).
"""
from __future__ import annotations

from typing import Any, Callable

from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import current_trace, user_frame_position

__all__ = ["vmap"]


def vmap(fn: Callable, in_axes=0, out_axes=0) -> Callable:
    """fn vectorized over axis in_axes of its arguments (an int, None for unmapped arguments, or
    a tuple with one entry per argument, nested for tuple arguments); its outputs gain the batch
    axis at out_axes (likewise per output)."""
    if not callable(fn):
        raise TypeError(f"For 'vmap', 'fn' must be a function or a Cell, got {type(fn).__name__}")
    _check_axes(in_axes, "in_axes")
    _check_axes(out_axes, "out_axes")
    compiled = None

    def mapped(*args):
        if current_trace() is not None:
            return _mapped(fn, in_axes, out_axes, args)
        nonlocal compiled
        if compiled is None:
            from mindc.frontend.jit import jit

            compiled = jit(lambda *xs: _mapped(fn, in_axes, out_axes, xs))
        return compiled(*args)

    return mapped


def _check_axes(axes, what: str) -> None:
    if axes is None or (isinstance(axes, int) and not isinstance(axes, bool)):
        return
    if isinstance(axes, (tuple, list)):
        for a in axes:
            _check_axes(a, what)
        return
    raise TypeError(f"For 'vmap', '{what}' must be an int, None, or a tuple or list of them, got {axes!r}")


def _leaves(value: Any, axes: Any, found: list) -> None:
    """(tensor, axis) for each tensor in value, axes matching value's nesting (or one for all)."""
    if isinstance(value, (tuple, list)):
        if isinstance(axes, (tuple, list)) and len(axes) != len(value):
            raise ValueError(f"For 'vmap', in_axes {axes!r} has {len(axes)} entries for a sequence of {len(value)}")
        for i, v in enumerate(value):
            _leaves(v, axes[i] if isinstance(axes, (tuple, list)) else axes, found)
    elif isinstance(value, Tensor):
        if isinstance(axes, (tuple, list)):
            raise ValueError(f"For 'vmap', in_axes {axes!r} is a sequence for a Tensor argument")
        found.append((value, axes))
    elif axes is not None:
        raise ValueError(f"For 'vmap', an argument that is not a Tensor ({type(value).__name__}) must have "
                         f"in_axes None, got {axes!r}")


def _rebuild(value: Any, leaves) -> Any:
    if isinstance(value, (tuple, list)):
        return type(value)(_rebuild(v, leaves) for v in value)
    return next(leaves) if isinstance(value, Tensor) else value


def _move_axis(x: Tensor, source: int, destination: int) -> Tensor:
    """x with its axis `source` moved to position `destination` (numpy's moveaxis)."""
    from mindc import ops

    if x.ndim == 0:
        raise ValueError("For 'vmap', a 0-d tensor has no axis to map over")
    source, destination = source % x.ndim, destination % x.ndim
    if source == destination:
        return x
    order = [d for d in range(x.ndim) if d != source]
    order.insert(destination, source)
    return ops.transpose(x, tuple(order))


def _mapped(fn: Callable, in_axes, out_axes, args: tuple):
    from mindc import ops
    from mindc.frontend.control import _scratch
    from mindc.frontend.loops import graph_for

    where = user_frame_position()
    arg_axes = in_axes if isinstance(in_axes, (tuple, list)) else (in_axes,) * len(args)
    if len(arg_axes) != len(args):
        raise ValueError(f"For 'vmap', in_axes has {len(arg_axes)} entries for {len(args)} arguments")
    leaves: list = []
    _leaves(list(args), list(arg_axes), leaves)
    mapped = [(_move_axis(x, axis, 0) if axis is not None else x) for x, axis in leaves]
    sizes = {x.shape[0] for x, (_, axis) in zip(mapped, leaves) if axis is not None}
    if not sizes:
        raise ValueError("For 'vmap', at least one argument must be mapped (in_axes not all None)")
    if len(sizes) > 1:
        raise ValueError(f"For 'vmap', the mapped axes of the arguments must have one size, got {sorted(sizes)}")
    batch = sizes.pop()

    def call(i) -> Any:
        slices = iter([ops.indexing.getitem(x, i) if axis is not None else x for x, (_, axis) in zip(mapped, leaves)])
        return fn(*_rebuild(list(args), slices))

    trace = current_trace()
    template = _scratch(trace, call, Tensor(0))      # fn's output structure, shapes and dtypes
    outs: list = []
    _leaves(template, None, outs)
    rows = tuple(ops.zeros((batch, *y.shape), y.dtype) for y, _ in outs)

    def body(i, rows):
        produced: list = []
        _leaves(call(i), None, produced)
        return (tuple(ops.indexing.setitem(r, i, y) for r, (y, _) in zip(rows, produced)),)

    (rows,) = graph_for((Tensor(batch),), body, ("rows",), [rows], ("rows",), ("rows",), where)
    out_leaves = iter(rows)
    result = _rebuild(template, out_leaves) if isinstance(template, (tuple, list)) else next(out_leaves)
    return _place_outputs(result, out_axes)


def _place_outputs(result: Any, out_axes) -> Any:
    from mindc import ops

    if isinstance(result, (tuple, list)):
        axes = out_axes if isinstance(out_axes, (tuple, list)) else (out_axes,) * len(result)
        if len(axes) != len(result):
            raise ValueError(f"For 'vmap', out_axes has {len(axes)} entries for {len(result)} outputs")
        return type(result)(_place_outputs(r, a) for r, a in zip(result, axes))
    if out_axes is None:
        # MindSpore: an unmapped output must be the same in every row; it is the first.
        return ops.indexing.getitem(result, 0)
    return _move_axis(result, 0, out_axes)
