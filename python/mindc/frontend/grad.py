"""MindSpore's gradient API: grad, value_and_grad, vjp, jvp, jacrev, jacfwd.

Each call traces the function into a func.func of mind ops, requests its derivative with one
derivative op (mind.grad, mind.value_and_grad, mind.vjp or mind.jvp) and calls the result; the
mind-autodiff pass generates the adjoint when the program is compiled. Inside mindc.jit this
all becomes part of the jitted program (jit of grad, grad of grad); outside it, the call is
traced and compiled as its own program (PyNative), the compile cached by the traced IR.

Parameters given as `weights` become arguments of the traced function, so their gradients are
computed; tensors the function captures (closures, globals, Parameters) become arguments too.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np
from mlir import ir
from mlir.dialects import func

from mindc import diag, emit, ops
from mindc.frontend import eager
from mindc.frontend.jit import flatten, symbol_for, trace_into, unflatten
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import Trace, Tracer, current_trace, location, user_frame_position
from mindc.ir import fresh_symbol
from mindc.pipelines import codegen_options
from mindc.rules.base import Scalar, Sig, numpy_dtype

__all__ = ["grad", "value_and_grad", "vjp", "jvp", "jacrev", "jacfwd"]


def _positions(grad_position, count: int) -> tuple[int, ...]:
    if grad_position is None:
        return ()
    positions = (grad_position,) if isinstance(grad_position, int) else tuple(grad_position)
    for p in positions:
        if not isinstance(p, int) or not -count <= p < count:
            raise ValueError(f"grad_position {p} is out of range for a function called with {count} arguments")
    return tuple(p % count for p in positions)


def _weights(weights) -> tuple[Parameter, ...]:
    if weights is None:
        return ()
    items = (weights,) if isinstance(weights, Tensor) else tuple(weights)
    for w in items:
        if not isinstance(w, Tensor):
            raise TypeError(f"weights must be Parameters, got {type(w).__name__}")
    return items


class Staged:
    """fn traced into the current trace's module, with one derivative op over it: `call` runs
    the derived function on operands (traced or concrete tensors) and returns its Tracers.

    fn's results are its outputs (`out_sigs`), then the new values of the Parameters it assigned
    (`updates`); only a gradient (`_grad_program`) knows to pass those on to the caller."""

    def __init__(self, trace: Trace, fn: Callable, args: Sequence[Any], weights: Sequence[Tensor],
                 op_name: str | None, attrs_for: Callable[[list[Sig]], dict] = lambda out_sigs: {}):
        """attrs_for gives the derivative op's attributes from the signatures of fn's outputs;
        without op_name, call derive() to choose the op once fn is traced."""
        self.trace = trace
        self.where = user_frame_position()
        leaves: list[Tensor] = []
        spec = flatten((tuple(args), {}), leaves)
        self.args = leaves
        self.name = fresh_symbol(trace.module_body, symbol_for(fn))
        f, traced = trace_into(trace.module_body, fn, spec, [Sig(x.shape, x.dtype.mlir) for x in leaves], self.name,
                               trace, bound=[(w, Sig(w.shape, w.dtype.mlir)) for w in weights])
        self.weights, self.captured, self.updates, self.out_spec = list(weights), traced.captured, traced.updates, traced.out_spec
        self.ftype = f.type
        results = [Sig.of(t) for t in self.ftype.results]
        self.out_sigs = results[:len(results) - len(self.updates)]
        if op_name is not None:
            if self.updates:
                raise TypeError(f"{_where_text(self.where)}a function given to {op_name.replace('mind.', 'mindc.')} "
                                f"assigns Parameter '{self.updates[0].name}'; only grad and value_and_grad pass "
                                "Parameter updates on")
            self.derive(op_name, attrs_for(self.out_sigs))

    def derive(self, op_name: str, attrs: dict) -> None:
        with ir.InsertionPoint(self.trace.block), location(self.where):
            const = func.ConstantOp(self.ftype, ir.FlatSymbolRefAttr.get(self.name))
            (self.derived,) = emit.create(op_name, [const.result], attrs)

    def call(self, extra: Sequence[Tensor]) -> list[Tracer]:
        t = self.trace
        operands = [t.value_of(x, self.where) for x in [*self.args, *self.weights, *self.captured]]
        operands += [t.value_of(x, self.where) for x in extra]
        ftype = ir.FunctionType(self.derived.type)
        with ir.InsertionPoint(t.block), location(self.where):
            call = func.CallIndirectOp(list(ftype.results), self.derived, operands)
        return [Tracer(r, t) for r in call.results]

    def fill(self, sig: Sig, value: float) -> Tracer:
        return self.trace.emit("mind.fill", [], {"shape": sig.shape, "value": Scalar(value, sig.dtype)}, self.where)[0]


def _where_text(where) -> str:
    return f"{where[0]}:{where[1]}:{where[2]}: " if where else ""


def _run(program: Callable, *args) -> Any:
    """program(*args) inside the current trace, or traced, compiled (cached) and run eagerly."""
    if current_trace() is not None:
        return program(*args)
    return _eager(program, args)


_PROGRAMS = eager.KernelCache(maxsize=256)


def _eager(program: Callable, args) -> Any:
    from mindc.frontend.jit import trace_function
    from mindc.runtime.engine import Executable

    leaves: list[Tensor] = []
    spec = flatten((tuple(args), {}), leaves)
    sigs = [Sig(x.shape, x.dtype.mlir) for x in leaves]
    traced = trace_function(program, spec, sigs, "main", lift_tensors=True)
    module = traced.module
    ctx = eager.context()
    with ctx:
        key = (module.operation.get_asm(enable_debug_info=False), codegen_options())
    fn = _PROGRAMS.get(key)
    if fn is None:
        with ctx, diag.Collector(ctx) as collector:
            fn = Executable(module, collector).function("main")
        _PROGRAMS.put(key, fn)
    # Parameters the program assigns are updated in place, in the buffers passed here.
    arrays = fn(*[x.asnumpy() for x in [*leaves, *traced.captured]])
    return unflatten(traced.out_spec, iter([Tensor._wrap(a) for a in arrays]))


def _scalar_outputs(sigs: Sequence[Sig]) -> bool:
    return all(s.size == 1 for s in sigs)


def _split_aux(outputs, has_aux: bool):
    """(first output, aux) with has_aux, else (outputs, None). As in MindSpore's vjp, jvp and
    jacobians, aux is the second output alone when there are two, else the tuple of the rest."""
    if not has_aux:
        return outputs, None
    if not isinstance(outputs, (tuple, list)) or len(outputs) < 2:
        raise ValueError("has_aux=True needs a function with more than one output")
    return outputs[0], outputs[1] if len(outputs) == 2 else tuple(outputs[1:])


def _differentiated(sigs: Sequence[Sig], has_aux: bool) -> list[Sig]:
    if has_aux and len(sigs) < 2:
        raise ValueError("has_aux=True needs a function with more than one output")
    return list(sigs[:1]) if has_aux else list(sigs)


def _grad_program(fn, grad_position, weights, has_aux, with_values: bool):
    weights = _weights(weights)

    def program(*args):
        positions = _positions(grad_position, len(args))
        n = len(args)
        staged = Staged(current_trace(), fn, args, weights, None)
        diff = _differentiated(staged.out_sigs, has_aux)
        count = len(staged.out_sigs)
        wrt = [*positions, *range(n, n + len(weights))]
        if staged.updates:
            values, grads = _grad_with_updates(staged, diff, wrt)
        else:
            staged.derive("mind.value_and_grad" if with_values else "mind.grad",
                          {"grad_position": wrt, "has_aux": has_aux, "sens_param": not _scalar_outputs(diff)})
            # MindSpore's sensitivity for outputs that are not scalars: ones.
            sens = [] if _scalar_outputs(diff) else [staged.fill(s, 1.0) for s in diff]
            results = staged.call(sens)
            if with_values:
                values, grads = results[:count], results[count:]
            else:
                # mind.grad returns the aux outputs after the gradients, not the first output.
                grads, values = results[:len(wrt)], [None, *results[len(wrt):]]
        structured = _structure_grads(grads, grad_position, len(positions), len(weights))
        if with_values:
            return unflatten(staged.out_spec, iter(values)), structured
        if has_aux:
            aux = unflatten(staged.out_spec, iter(values))
            return structured, tuple(aux[1:]) if isinstance(aux, (tuple, list)) else aux
        return structured

    return program


def _grad_with_updates(staged: Staged, diff: Sequence[Sig], wrt: Sequence[int]):
    """(outputs, gradients) of a function that assigns Parameters (BatchNorm's moving averages):
    a vjp with a sensitivity of ones for the differentiated outputs and zeros for the rest; the
    Parameters' new values are assigned in the calling trace."""
    staged.derive("mind.vjp", {})
    count = len(staged.out_sigs)
    all_sigs = [Sig.of(t) for t in staged.ftype.results]
    cots = [staged.fill(s, 1.0 if i < len(diff) else 0.0) for i, s in enumerate(all_sigs)]
    results = staged.call(cots)
    for param, value in zip(staged.updates, results[count:len(all_sigs)]):
        staged.trace.assign(param, value)
    return results[:count], [results[len(all_sigs) + i] for i in wrt]


def _structure_grads(grads, grad_position, n_positions: int, n_weights: int):
    """MindSpore's return structure: a tensor for an int grad_position, a tuple for a tuple; with
    weights, (position grads, weight grads), or the weight grads alone for grad_position=None."""
    by_position, by_weight = grads[:n_positions], tuple(grads[n_positions:])
    position_part = by_position[0] if isinstance(grad_position, int) else tuple(by_position)
    if not n_weights:
        return position_part
    if grad_position is None:
        return by_weight
    return position_part, by_weight


def grad(fn: Callable, grad_position=0, weights=None, has_aux: bool = False) -> Callable:
    """The gradient of fn with respect to the arguments at grad_position (an int or a tuple; None
    with weights: the weights only) and the Parameters in weights. Outputs that are not scalars
    get a sensitivity of ones, as in MindSpore. With has_aux, only fn's first output is
    differentiated and the call returns (gradients, aux)."""
    program = _grad_program(fn, grad_position, weights, has_aux, with_values=False)
    return lambda *args: _run(program, *args)


def value_and_grad(fn: Callable, grad_position=0, weights=None, has_aux: bool = False) -> Callable:
    """Like grad, returning (fn's outputs, gradients)."""
    program = _grad_program(fn, grad_position, weights, has_aux, with_values=True)
    return lambda *args: _run(program, *args)


def vjp(fn: Callable, *inputs, weights=None, has_aux: bool = False):
    """(outputs, vjp_fn) [+ aux with has_aux]; vjp_fn(v) is the cotangent of each input (a tuple
    for several inputs), v having the structure of the (first, with has_aux) output."""
    inputs = tuple(inputs)
    weights = _weights(weights)
    primary, aux = _split_aux(fn(*inputs), has_aux)

    def program(v, *args):
        trace = current_trace()
        staged = Staged(trace, fn, args, weights, "mind.vjp")
        out_leaves: list[Tensor] = []
        flatten(v, out_leaves)
        count = len(staged.out_sigs)
        cots = list(out_leaves) + [staged.fill(s, 0.0) for s in staged.out_sigs[len(out_leaves):]]
        if len(cots) != count:
            raise ValueError(f"vjp_fn expects {count} cotangent(s), got {len(out_leaves)}")
        grads = staged.call(cots)[count:]
        by_input, by_weight = grads[:len(staged.args)], tuple(grads[len(staged.args):])
        by_input = by_input[0] if len(by_input) == 1 else tuple(by_input)
        return (by_input, by_weight) if weights else by_input

    def vjp_fn(v):
        return _run(program, v, *inputs)

    return (primary, vjp_fn, aux) if has_aux else (primary, vjp_fn)


def jvp(fn: Callable, inputs, v, has_aux: bool = False):
    """(outputs, tangents of the outputs) for tangents v of inputs (a tensor or a tuple)."""
    single = isinstance(inputs, Tensor)
    inputs = (inputs,) if single else tuple(inputs)
    tangents = (v,) if isinstance(v, Tensor) else tuple(v)
    if len(tangents) != len(inputs):
        raise ValueError(f"jvp got {len(tangents)} tangent(s) for {len(inputs)} input(s)")

    def program(*args):
        primals, ts = args[:len(inputs)], args[len(inputs):]
        staged = Staged(current_trace(), fn, primals, (), "mind.jvp")
        results = staged.call([*ts, *(staged.fill(Sig(c.shape, c.dtype.mlir), 0.0) for c in staged.captured)])
        count = len(staged.out_sigs)
        values, aux = _split_aux(unflatten(staged.out_spec, iter(results[:count])), has_aux)
        out_tangents = unflatten(staged.out_spec, iter(results[count:]))
        if has_aux:
            return values, out_tangents[0], aux
        return values, out_tangents

    return _run(program, *inputs, *tangents)


def jacrev(fn: Callable, grad_position=0, has_aux: bool = False) -> Callable:
    """The Jacobian of fn's output (its first with has_aux) with respect to the inputs at
    grad_position, by reverse mode: one vjp per output element. Its shape is output.shape +
    input.shape; a function with several outputs gets a tuple, one per output. With has_aux the
    call returns (Jacobian, aux)."""
    def program(*args):
        positions = _positions(grad_position, len(args))
        staged = Staged(current_trace(), fn, args, (), "mind.vjp")
        count = len(staged.out_sigs)
        jacobians, values = [], None
        for k, out in enumerate(_differentiated(staged.out_sigs, has_aux)):
            rows = [[] for _ in positions]
            for i in range(out.size):
                hot = np.zeros(out.size, dtype=numpy_dtype(out.dtype))
                hot[i] = 1
                cots = [staged.fill(s, 0.0) for s in staged.out_sigs]
                cots[k] = Tensor._wrap(hot.reshape(out.shape))
                results = staged.call(cots)
                values = results[:count]
                for row, p in zip(rows, positions):
                    row.append(results[count + p])
            jacobians.append(_jacobians(rows, [args[p] for p in positions], out, grad_position))
        return _jacobians_and_aux(jacobians, staged, values, has_aux)

    return lambda *args: _run(program, *args)


def jacfwd(fn: Callable, grad_position=0, has_aux: bool = False) -> Callable:
    """The Jacobian by forward mode: one jvp per input element; structured as jacrev's."""
    def program(*args):
        positions = _positions(grad_position, len(args))
        staged = Staged(current_trace(), fn, args, (), "mind.jvp")
        count = len(staged.out_sigs)
        outs = _differentiated(staged.out_sigs, has_aux)
        zeros = [staged.fill(Sig(a.shape, a.dtype.mlir), 0.0) for a in [*staged.args, *staged.captured]]
        # columns[k][j]: the tangents of output k, one per element of the input at positions[j].
        columns = [[[] for _ in positions] for _ in outs]
        values = None
        for j, p in enumerate(positions):
            x = staged.args[p]
            for i in range(x.size):
                hot = np.zeros(x.size, dtype=x.dtype.numpy)
                hot[i] = 1
                ts = list(zeros)
                ts[p] = Tensor._wrap(hot.reshape(x.shape))
                results = staged.call(ts)
                values = results[:count]
                for k in range(len(outs)):
                    columns[k][j].append(results[count + k])
        jacobians = []
        for out, by_position in zip(outs, columns):
            per_input = [ops.reshape(ops.stack(column, axis=-1), tuple(out.shape) + tuple(args[p].shape))
                         for column, p in zip(by_position, positions)]
            jacobians.append(per_input[0] if isinstance(grad_position, int) else tuple(per_input))
        return _jacobians_and_aux(jacobians, staged, values, has_aux)

    return lambda *args: _run(program, *args)


def _jacobians_and_aux(jacobians: list, staged: Staged, values, has_aux: bool):
    """One Jacobian per differentiated output (a tuple for several), with aux from fn's values."""
    result = jacobians[0] if len(jacobians) == 1 else tuple(jacobians)
    if not has_aux:
        return result
    return result, _split_aux(unflatten(staged.out_spec, iter(values)), True)[1]


def _jacobians(rows, inputs, out: Sig, grad_position):
    jacobians = [ops.reshape(ops.stack(row, axis=0), tuple(out.shape) + tuple(x.shape)) for row, x in zip(rows, inputs)]
    return jacobians[0] if isinstance(grad_position, int) else tuple(jacobians)
