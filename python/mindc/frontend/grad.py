"""MindSpore's gradient API: grad, value_and_grad, vjp, jvp, jacrev, jacfwd.

Each call traces the function into a func.func of mind ops, requests its derivative with one
derivative op (mind.grad, mind.value_and_grad, mind.vjp or mind.jvp) and calls the result; the
mind-autodiff pass generates the adjoint when the program is compiled. Inside mindc.jit this
all becomes part of the jitted program (jit of grad, grad of grad); outside it, the call is
traced and compiled as its own program (PyNative; frontend/derived_run.py). What is asked
for (grad_position, weights, ...) and the structure of the answer: frontend/grad_request.py.

Parameters given as `weights` become arguments of the traced function, so their gradients are
computed; tensors the function captures (closures, globals, Parameters) become arguments too.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np
from mlir import ir
from mlir.dialects import func

from mindc import emit, ops
from mindc.frontend.derived_run import run
from mindc.frontend.grad_request import (ALL, FIRST, Request, checked_position, checked_weights, get_grad, in_range,
                                         request, weights_kind, where_text)
from mindc.frontend.jit import flatten, symbol_for, trace_into, unflatten
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import Trace, Tracer, current_trace, location, user_frame_position
from mindc.ir import fresh_symbol
from mindc.rules.base import Scalar, Sig, numpy_dtype

__all__ = ["grad", "value_and_grad", "vjp", "jvp", "jacrev", "jacfwd", "GradOperation", "get_grad"]


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
                raise TypeError(f"{where_text(self.where)}a function given to {op_name.replace('mind.', 'mindc.')} "
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


def _grad_program(fn, req: Request):
    """The traced program of a gradient function: program(*args[, sens]) -> req's structure."""
    def program(*args):
        sens = None
        if req.sens_param:
            if not args:
                raise TypeError(f"{where_text(user_frame_position())}sens_param=True: the gradient function "
                                "takes the inputs, then the sensitivity of the outputs")
            args, sens = args[:-1], args[-1]
        positions = req.positions_for(len(args))
        staged = Staged(current_trace(), fn, args, req.params, None)
        diff = _differentiated(staged.out_sigs, req.has_aux)
        seeds = _sensitivities(staged, sens, diff) if req.sens_param else None
        spans = _spans(args)
        # As in MindSpore, arguments that hold no tensor (Python numbers) have no gradient.
        positions = tuple(p for p in positions if spans[p])
        wrt = [*(i for p in positions for i in spans[p]), *range(len(staged.args), len(staged.args) + len(req.params))]
        count = len(staged.out_sigs)
        if not count:
            # No tensor output (MindSpore: a constant): every gradient is zero.
            inputs = [*staged.args, *req.params]
            values, grads = [], [staged.fill(Sig(inputs[i].shape, inputs[i].dtype.mlir), 0) for i in wrt]
        elif staged.updates:
            values, grads = _grad_with_updates(staged, diff, wrt, seeds)
        else:
            # MindSpore's sensitivity for outputs that are not scalars: ones.
            if seeds is None and not _scalar_outputs(diff):
                seeds = [staged.fill(s, 1.0) for s in diff]
            staged.derive("mind.value_and_grad" if req.with_values else "mind.grad",
                          {"grad_position": wrt, "has_aux": req.has_aux, "sens_param": seeds is not None})
            results = staged.call(seeds or [])
            if req.with_values:
                values, grads = results[:count], results[count:]
            else:
                # mind.grad returns the aux outputs after the gradients, not the first output.
                grads, values = results[:len(wrt)], [None, *results[len(wrt):]]
        grads = iter(grads)
        by_position = [_unflatten_span(args[p], spans[p], grads) for p in positions]
        structured = req.structure(positions, by_position, list(grads))
        if req.with_values:
            return unflatten(staged.out_spec, iter(values)), structured
        if req.has_aux:
            aux = unflatten(staged.out_spec, iter(values))
            return structured, tuple(aux[1:]) if isinstance(aux, (tuple, list)) else aux
        return structured

    return program


def _spans(args: Sequence) -> list[range]:
    """The indices among the tensors of args of each argument's tensors."""
    spans, start = [], 0
    for a in args:
        leaves: list[Tensor] = []
        flatten(a, leaves)
        spans.append(range(start, start + len(leaves)))
        start += len(leaves)
    return spans


def _unflatten_span(arg, span: range, grads) -> Any:
    """The gradient of arg, a tensor or a structure of tensors, in its structure."""
    if isinstance(arg, Tensor):
        return next(grads)
    return unflatten(flatten(arg, []), iter([next(grads) for _ in span]))


def _sensitivities(staged: Staged, sens, diff: Sequence[Sig]) -> list[Tensor]:
    """The tensors of sens (sens_param=True), checked against the outputs differentiated."""
    where = where_text(user_frame_position())
    leaves: list[Tensor] = []
    flatten(sens, leaves)
    if len(leaves) != len(diff):
        raise ValueError(f"{where}sens_param=True: the sensitivity holds {len(leaves)} tensor(s) for "
                         f"{len(diff)} output(s) of the function")
    for i, (x, s) in enumerate(zip(leaves, diff)):
        if Sig(x.shape, x.dtype.mlir) != s:
            raise ValueError(f"{where}sens_param=True: sensitivity {i} is tensor<{Sig(x.shape, x.dtype.mlir)}>, "
                             f"the output is tensor<{s}>")
    return leaves


def _grad_with_updates(staged: Staged, diff: Sequence[Sig], wrt: Sequence[int], seeds):
    """(outputs, gradients) of a function that assigns Parameters (BatchNorm's moving averages):
    a vjp with the sensitivities (ones without seeds) for the differentiated outputs and zeros
    for the rest; the Parameters' new values are assigned in the calling trace."""
    staged.derive("mind.vjp", {})
    count = len(staged.out_sigs)
    all_sigs = [Sig.of(t) for t in staged.ftype.results]
    cots = [staged.fill(s, 0.0) for s in all_sigs]
    cots[:len(diff)] = seeds or [staged.fill(s, 1.0) for s in diff]
    results = staged.call(cots)
    for param, value in zip(staged.updates, results[count:len(all_sigs)]):
        staged.trace.assign(param, value)
    return results[:count], [results[len(all_sigs) + i] for i in wrt]


def _gradient_function(fn: Callable, req: Request) -> Callable:
    program = _grad_program(fn, req)

    def gradient_function(*args, **kwargs):
        if req.sens_param and "sens" in kwargs:
            args = (*args, kwargs.pop("sens"))
        if kwargs:
            raise TypeError(f"{where_text(user_frame_position())}a gradient function takes positional inputs "
                            f"only, got keyword argument(s) {sorted(kwargs)}")
        from mindc.nn.cell import Cell

        if isinstance(fn, Cell):
            return run(program, *args, cell=fn, request=req)
        return run(program, *args)

    return gradient_function


def grad(fn: Callable, grad_position=0, weights=None, has_aux: bool = False, return_ids: bool = False) -> Callable:
    """The gradient of fn with respect to the arguments at grad_position (an int: one gradient;
    a tuple: a tuple of them; None: none) and the Parameters in weights (a Parameter: one
    gradient; a ParameterTuple or a list: a tuple), as (positions' gradients, weights'
    gradients) when both are asked for. Outputs that are not scalars get a sensitivity of ones,
    as in MindSpore. With has_aux, only fn's first output is differentiated and the call returns
    (gradients, the other outputs as a tuple); with return_ids each gradient comes as (position
    or Parameter name, gradient), which ops.get_grad looks up."""
    return _gradient_function(fn, request(grad_position, weights, has_aux, return_ids, with_values=False))


def value_and_grad(fn: Callable, grad_position=0, weights=None, has_aux: bool = False,
                   return_ids: bool = False) -> Callable:
    """Like grad, returning (fn's outputs, gradients); with has_aux all outputs are returned and
    only the first is differentiated."""
    return _gradient_function(fn, request(grad_position, weights, has_aux, return_ids, with_values=True))


class GradOperation:
    """GradOperation(get_all=False, get_by_list=False, sens_param=False)(fn, weights=None): the
    gradient function of fn (MindSpore's `ops.GradOperation`).

    It returns the gradient of the first input (get_all=False; () without inputs), a tuple of
    the gradients of all inputs (get_all=True), the gradients of the Parameters in weights
    (get_by_list=True: one for a Parameter, a tuple for a ParameterTuple or list, () for None),
    or (inputs' gradients, weights' gradients) with both. Every output is differentiated, with a
    sensitivity of ones, or with sens_param=True the last input (or the keyword `sens`), shaped
    as the outputs."""

    def __init__(self, get_all: bool = False, get_by_list: bool = False, sens_param: bool = False):
        for name, value in (("get_all", get_all), ("get_by_list", get_by_list), ("sens_param", sens_param)):
            if not isinstance(value, bool):
                raise TypeError(f"{where_text(user_frame_position())}GradOperation's {name} must be a bool, "
                                f"got {type(value).__name__}")
        self.get_all, self.get_by_list, self.sens_param = get_all, get_by_list, sens_param

    def __call__(self, fn: Callable, weights=None) -> Callable:
        where = user_frame_position()
        if self.get_by_list:
            # No weights: an empty tuple of weight gradients.
            params, kind = checked_weights(weights, where), "many" if weights is None else weights_kind(weights)
        else:
            params, kind = (), "none"
        req = Request(ALL if self.get_all else FIRST, single_position=not self.get_all,
                      with_positions=self.get_all or not self.get_by_list, weights_kind=kind, params=params,
                      sens_param=self.sens_param)
        return _gradient_function(fn, req)


def vjp(fn: Callable, *inputs, weights=None, has_aux: bool = False):
    """(outputs, vjp_fn), or (first output, vjp_fn, aux) with has_aux. vjp_fn(*v), v shaped as
    the (first) output (one tensor per output), returns the tuple of the inputs' cotangents, or
    (that tuple, the weights' cotangents: one for a Parameter, else a tuple) with weights."""
    inputs = tuple(inputs)
    params = checked_weights(weights, user_frame_position())
    primary, aux = _split_aux(fn(*inputs), has_aux)

    def program(v, *args):
        trace = current_trace()
        staged = Staged(trace, fn, args, params, "mind.vjp")
        out_leaves: list[Tensor] = []
        flatten(v, out_leaves)
        count = len(staged.out_sigs)
        cots = list(out_leaves) + [staged.fill(s, 0.0) for s in staged.out_sigs[len(out_leaves):]]
        if len(cots) != count:
            raise ValueError(f"{where_text(user_frame_position())}vjp_fn expects {count} cotangent(s), "
                             f"got {len(out_leaves)}")
        grads = staged.call(cots)[count:]
        by_input, by_weight = tuple(grads[:len(staged.args)]), tuple(grads[len(staged.args):])
        if weights is None:
            return by_input
        return by_input, by_weight[0] if isinstance(weights, Parameter) else by_weight

    def vjp_fn(*v):
        return run(program, v[0] if len(v) == 1 else v, *inputs)

    return (primary, vjp_fn, aux) if has_aux else (primary, vjp_fn)


def jvp(fn: Callable, inputs, v, has_aux: bool = False):
    """(outputs, tangents of the outputs) for tangents v of inputs (each a tensor, or a tuple or
    list of them), or (first output, its tangent, aux) with has_aux."""
    where = where_text(user_frame_position())
    for name, value in (("inputs", inputs), ("v", v)):
        if not isinstance(value, (Tensor, tuple, list)):
            raise TypeError(f"{where}jvp's {name} must be a Tensor, or a tuple or list of Tensors, "
                            f"got {type(value).__name__}")
    inputs = (inputs,) if isinstance(inputs, Tensor) else tuple(inputs)
    tangents = (v,) if isinstance(v, Tensor) else tuple(v)
    if len(tangents) != len(inputs):
        raise ValueError(f"{where}jvp got {len(tangents)} tangent(s) for {len(inputs)} input(s)")

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

    return run(program, *inputs, *tangents)


def jacrev(fn: Callable, grad_position=0, has_aux: bool = False) -> Callable:
    """The Jacobian of fn's output (its first with has_aux) with respect to the inputs at
    grad_position, by reverse mode: one vjp per output element. Its shape is output.shape +
    input.shape; a function with several outputs gets a tuple, one per output. With has_aux the
    call returns (Jacobian, aux)."""
    checked = checked_position(grad_position, user_frame_position())

    def program(*args):
        positions = in_range(checked, len(args), ValueError)
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
            jacobians.append([ops.reshape(ops.stack(row, axis=0), tuple(out.shape) + tuple(args[p].shape))
                              for row, p in zip(rows, positions)])
        return _jacobians_and_aux(jacobians, staged, values, has_aux)

    return lambda *args: run(program, *args)


def jacfwd(fn: Callable, grad_position=0, has_aux: bool = False) -> Callable:
    """The Jacobian by forward mode: one jvp per input element; structured as jacrev's."""
    checked = checked_position(grad_position, user_frame_position())

    def program(*args):
        positions = in_range(checked, len(args), ValueError)
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
            jacobians.append([ops.reshape(ops.stack(column, axis=-1), tuple(out.shape) + tuple(args[p].shape))
                              for column, p in zip(by_position, positions)])
        return _jacobians_and_aux(jacobians, staged, values, has_aux)

    return lambda *args: run(program, *args)


def _jacobians_and_aux(jacobians: list[list], staged: Staged, values, has_aux: bool):
    """MindSpore's structure of jacobians[output][input]: one tensor for one output and one input,
    a tuple when either count is one, else a tuple (per output) of tuples (per input); with aux
    from fn's values."""
    flat = [j for per_output in jacobians for j in per_output]
    if len(flat) == 1:
        result = flat[0]
    elif len(jacobians) == 1 or len(jacobians[0]) == 1:
        result = tuple(flat)
    else:
        result = tuple(tuple(per_output) for per_output in jacobians)
    if not has_aux:
        return result
    return result, _split_aux(unflatten(staged.out_spec, iter(values)), True)[1]
