"""Running derivative programs (frontend/grad.py) outside mindc.jit: trace, compile, call.

`run(program, *args)` calls program inside the current trace, or traces it into a module of its
own, compiles it (cached by its IR text, so a fresh grad(f) on the same shapes reuses the
compile) and calls it. Tracing costs more than the compiled call itself for a training step, so
`run(..., cell=...)` also reuses the last trace of a gradient of a Cell (a PyNative training
loop: TrainOneStepCell takes value_and_grad of its network at every step) while the trace is
known to repeat: the call has the same request, argument signature and Cell modes; tracing left
every Cell's attributes as they were (construct has no Python side effects); the only Parameters
the trace read are the weights and attributes of its Cells (not, say, ops.dropout's global key,
which set_seed replaces); and every Cell's attributes are still the objects they were when it was
traced (an attribute rebound since then means a retrace). Other tensors the trace read (made by
construct, or globals) are passed again as they were, as a GRAPH_MODE Cell keeps them.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

from mindc import diag
from mindc.frontend import eager
from mindc.frontend.jit import flatten, trace_function, unflatten
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import current_trace
from mindc.pipelines import codegen_options
from mindc.rules.base import Sig

PROGRAMS = eager.KernelCache(maxsize=256)
REPLAYS = eager.KernelCache(maxsize=64)


class Program:
    """A traced and compiled program: the native function, the tensors it captured (its
    trailing arguments) and the structure of its outputs."""

    def __init__(self, program: Callable, spec, leaves: Sequence[Tensor]):
        from mindc.runtime.engine import Executable

        traced = trace_function(program, spec, [Sig(x.shape, x.dtype.mlir) for x in leaves], "main",
                                lift_tensors=True)
        ctx = eager.context()
        with ctx:
            key = (traced.module.operation.get_asm(enable_debug_info=False), codegen_options())
        self.fn = PROGRAMS.get(key)
        if self.fn is None:
            with ctx, diag.Collector(ctx) as collector:
                self.fn = Executable(traced.module, collector).function("main")
            PROGRAMS.put(key, self.fn)
        self.captured, self.out_spec = traced.captured, traced.out_spec

    def __call__(self, leaves: Sequence[Tensor]) -> Any:
        # Parameters the program assigns are updated in place, in the buffers passed here.
        arrays = self.fn(*[x.asnumpy() for x in [*leaves, *self.captured]])
        return unflatten(self.out_spec, iter([Tensor._wrap(a) for a in arrays]))


def run(program: Callable, *args, cell=None, request=None) -> Any:
    """program(*args) in the current trace, or compiled and run; with cell (the Cell program
    differentiates) and request (the grad_request.Request program computes: hashable, with the
    weights as its params), a trace of the same call is reused while it is known to repeat (see
    the module docstring)."""
    if current_trace() is not None:
        return program(*args)
    leaves: list[Tensor] = []
    spec = flatten((tuple(args), {}), leaves)
    if cell is None:
        return Program(program, spec, leaves)(leaves)
    key = (cell, request, spec, tuple(Sig(x.shape, x.dtype.mlir) for x in leaves), cell._mode_key(),
           codegen_options())
    state = _state(cell)
    entry = REPLAYS.peek(key)
    if entry is not None and entry[0] == state:
        REPLAYS.touch(key)
        return entry[1](leaves)
    REPLAYS.misses += 1
    compiled = Program(program, spec, leaves)
    if _state(cell) == state and _reads_own_parameters(compiled.captured, cell, request.params):
        REPLAYS.put(key, (state, compiled))
    return compiled(leaves)


def _state(cell) -> tuple:
    """The identity of every attribute of every Cell in cell (Parameters and child Cells too)."""
    return tuple((id(c), tuple((k, id(v)) for k, v in c.__dict__.items() if k != "_mode_cache"),
                  tuple(map(id, c._params.values())), tuple(map(id, c._cells.values())))
                 for _, c in cell.cells_and_names())


def _reads_own_parameters(captured: Sequence[Tensor], cell, weights: Sequence[Parameter]) -> bool:
    """Whether every Parameter in captured is a weight or an attribute of a Cell in cell
    (registered, or plain as nn.Dropout's key)."""
    own = {id(w) for w in weights}
    for _, c in cell.cells_and_names():
        own.update(map(id, (*c.__dict__.values(), *c._params.values())))
    return all(id(x) in own for x in captured if isinstance(x, Parameter))
