"""scf.while and scf.for from converted loops (frontend/control.py decides when).

The loop-carried values are the tensors of the variables the body assigns that exist before
the loop, then the Parameters the body assigns. Their shapes and dtypes must not change across
an iteration. A Python number that the body changes (a counter `i += 1`) is carried as a 0-d
tensor, and a Parameter first assigned in the body is carried too: both are found by tracing
the body, which is then traced again with the new carried set (the Python side effects of the
body, if any, run again).
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

from mlir import ir
from mlir.dialects import arith, scf

from mindc.frontend import dtype as mdt
from mindc.frontend.convert import GraphTypeError
from mindc.frontend.liveness import RETURN
from mindc.frontend.region import (RegionTrace, Template, Undefined, condition, describe, in_region, index,
                                   index_tensor, is_number, label, leaves_of, number_dtype, same, syntax_error, wrap,
                                   zeros)
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import Trace, constant, current_trace, location
from mindc.rules.base import Sig

# Each retry carries strictly more values; this bounds pathological bodies.
MAX_ATTEMPTS = 32


class Carry:
    """The carried values of one attempt at tracing a loop: the templates of the carried
    variables (numbers and tensors at paths in `promote` made tensors of a Sig's dtype; an
    unassigned returned value made zeros of a Template), their initial tensors, and the carried
    Parameters. Tracing the body fills `requests` with the values that must be promoted."""

    def __init__(self, names: Sequence[str], values: dict, promote: dict, params: list, what: str, where):
        self.names, self.params, self.promote, self.what, self.where = list(names), list(params), promote, what, where
        self.inits: list[Tensor] = []
        self.requests: dict[tuple, Sig] = {}
        self.templates = {n: self._flatten(n, (), values[n]) for n in self.names}

    def _flatten(self, name: str, path: tuple, v: Any) -> Template:
        from mindc import ops

        sig = self.promote.get((name, path))
        if isinstance(sig, Template) and isinstance(v, Undefined):
            v = zeros(sig)
        elif sig is not None and is_number(v):
            v = ops.fill(mdt.as_dtype(sig.dtype), sig.shape, v)
        elif sig is not None and isinstance(v, Tensor):
            v = ops.cast(v, mdt.as_dtype(sig.dtype))
        if isinstance(v, Tensor):
            self.inits.append(v)
            return Template("tensor", sig=Sig(v.shape, v.dtype.mlir))
        if isinstance(v, (tuple, list)):
            return Template("seq", type(v), [self._flatten(name, path + (i,), x) for i, x in enumerate(v)])
        if isinstance(v, dict):
            return Template("dict", list(v), [self._flatten(name, path + (k,), v[k]) for k in v])
        return Template("static", v)

    def types(self) -> list[ir.Type]:
        return [Sig(x.shape, x.dtype.mlir).to_type() for x in [*self.inits, *self.params]]

    def init_values(self, outer: Trace) -> list[ir.Value]:
        return [outer.value_of(x, self.where) for x in [*self.inits, *self.params]]

    def enter(self, trace: RegionTrace, args: Sequence[ir.Value]) -> dict:
        """The carried variables' values in a region whose block arguments are args."""
        args = list(args)
        leaves = iter(wrap(args[:len(self.inits)], trace))
        values = {n: self.templates[n].build(leaves) for n in self.names}
        for p, a in zip(self.params, args[len(self.inits):]):
            trace.bind(p, a)
        return values

    def exit(self, trace: RegionTrace, out: dict) -> list[ir.Value]:
        """The values to yield for the carried variables' values `out` at the end of the body."""
        values: list[ir.Value] = []
        for n in self.names:
            self._match(n, (), self.templates[n], out[n], trace, values)
        return values + [trace.value_of(p, self.where) for p in self.params]

    def _match(self, name: str, path: tuple, tpl: Template, v: Any, trace: RegionTrace, values: list) -> None:
        if tpl.kind == "tensor":
            if is_number(v):
                from mindc import ops

                v = in_region(trace, ops.fill, mdt.as_dtype(tpl.sig.dtype), tpl.sig.shape, v)
            if isinstance(v, Tensor) and v.shape == tpl.sig.shape:
                # A dtype the body changes is carried in the wider of the two (MindSpore joins them).
                wider = mdt.promote_types(mdt.as_dtype(tpl.sig.dtype), v.dtype)
                if wider.mlir != tpl.sig.dtype:
                    self.requests[(name, path)] = Sig(v.shape, wider.mlir)
                    return
                if v.dtype is not wider:
                    from mindc import ops

                    v = in_region(trace, ops.cast, v, wider)
                values.append(trace.value_of(v, self.where))
                return
            raise self._error(name, f"is a {mdt.as_dtype(tpl.sig.dtype)} tensor of shape {list(tpl.sig.shape)} "
                                    f"before an iteration and {describe(v)} after it; graph-mode loops need "
                                    "loop-invariant shapes and dtypes")
        if tpl.kind == "static":
            if same(tpl.value, v):
                return
            if name == RETURN and isinstance(tpl.value, Undefined):
                # Returned in the body: carry zeros of its structure until then (jumps.py).
                self.requests[(name, path)] = leaves_of_template(v)
                return
            if is_number(tpl.value) and (is_number(v) or isinstance(v, Tensor)):
                self.requests[(name, path)] = Sig(v.shape, v.dtype.mlir) if isinstance(v, Tensor) else \
                    Sig((), number_dtype(tpl.value, v).mlir)
                return
            raise self._error(name, f"changes from {describe(tpl.value)} to {describe(v)} in the loop body; only "
                                    "tensors and numbers may change in a graph-mode loop")
        keys = range(len(tpl.children)) if tpl.kind == "seq" else tpl.value
        if tpl.kind == "seq" and not (type(v) is tpl.value and len(v) == len(tpl.children)) or \
                tpl.kind == "dict" and not (isinstance(v, dict) and list(v) == tpl.value):
            raise self._error(name, f"changes structure in the loop body (now {describe(v)})")
        for k, child in zip(keys, tpl.children):
            self._match(name, path + (k,), child, v[k], trace, values)

    def _error(self, name: str, message: str) -> GraphTypeError:
        return GraphTypeError(f"loop variable {label(name)} of this {self.what} {message}", self.where)

    def results(self, outer: Trace, op_results: Sequence[ir.Value], values: dict) -> dict:
        """values updated with the loop's results; the carried Parameters rebound in outer."""
        results = wrap(list(op_results), outer)
        leaves = iter(results[:len(self.inits)])
        values = dict(values)
        for n in self.names:
            values[n] = self.templates[n].build(leaves)
        for p, r in zip(self.params, results[len(self.inits):]):
            outer.bind(p, r._value)
            outer.updates[id(p)] = p
        return values


def leaves_of_template(value: Any) -> Template:
    found: list = []
    leaves_of(value, found)
    return found[0]


def _carried(names, state, carried, results, what: str, where) -> tuple[dict, list[str]]:
    values = dict(zip(names, state))
    for r in results:
        if isinstance(values[r], Undefined) and r != RETURN:
            raise syntax_error(f"{label(r)} is first assigned inside this {what} and used after it; a graph-mode "
                               "loop needs it assigned before the loop", where)
    return values, [n for n in carried if not isinstance(values[n], Undefined) or n == RETURN]


def _traced_loop(what: str, names, state, carried, results, where, build: Callable) -> tuple:
    """Trace a loop with build(carry, outer) -> (op, body trace, body outputs, cond trace or
    None), widening the carried set until the body agrees with it; returns results' values."""
    outer = current_trace()
    values, carry_names = _carried(names, state, carried, results, what, where)
    promote: dict = {}
    params: list = []
    for _ in range(MAX_ATTEMPTS):
        carry = Carry(carry_names, values, promote, params, what, where)
        op, body, out, cond = build(carry, outer, values)
        yields = carry.exit(body, dict(zip(names, out)))
        if cond is not None and cond.updates:
            op.operation.erase()
            raise syntax_error(f"a {what} condition that assigns a Parameter is not supported in graph mode", where)
        new = [p for p in body.updates.values() if all(p is not q for q in params)]
        if new or carry.requests:
            op.operation.erase()
            params += new
            promote.update(carry.requests)
            continue
        with ir.InsertionPoint(body.block), location(where):
            scf.YieldOp(yields)
        final = carry.results(outer, op.results, values)
        return tuple(final[r] for r in results)
    raise RuntimeError(f"the carried values of this {what} did not settle after {MAX_ATTEMPTS} attempts")


def graph_while(cond_fn: Callable, body_fn: Callable, names, state, carried, results, where) -> tuple:
    """An scf.while: the before region evaluates cond_fn on the carried values, the after
    region runs body_fn."""
    def build(carry: Carry, outer: Trace, values: dict):
        types = carry.types()
        with ir.InsertionPoint(outer.block), location(where):
            op = scf.WhileOp(types, carry.init_values(outer))
        before, after = op.before.blocks.append(*types), op.after.blocks.append(*types)
        cond_trace = RegionTrace(before, outer)
        inside = {**values, **carry.enter(cond_trace, before.arguments)}
        c = in_region(cond_trace, cond_fn, *[inside[n] for n in names])
        if not isinstance(c, Tensor):
            c = constant(bool(c), mdt.bool_)
        flag = in_region(cond_trace, condition, cond_trace, c, "'while' loop", where)
        with ir.InsertionPoint(before), location(where):
            scf.ConditionOp(flag, list(before.arguments))
        body = RegionTrace(after, outer)
        inside = {**values, **carry.enter(body, after.arguments)}
        return op, body, in_region(body, body_fn, *[inside[n] for n in names]), cond_trace

    return _traced_loop("'while' loop", names, state, carried, results, where, build)


def graph_for(bounds: tuple, body_fn: Callable, names, state, carried, results, where) -> tuple:
    """An scf.for over range(*bounds) (a bound is a traced integer tensor); the body sees the
    index as a 0-d tensor of the bounds' integer dtype."""
    start, stop, step = (0, bounds[0], 1) if len(bounds) == 1 else (*bounds, 1)[:3]
    tensors = [b for b in (start, stop, step) if isinstance(b, Tensor)]
    dtype = tensors[0].dtype
    for t in tensors[1:]:
        dtype = mdt.promote_types(dtype, t.dtype)
    if not isinstance(step, Tensor) and step == 0:
        raise ValueError("range() arg 3 must not be zero")
    outer = current_trace()
    lo, hi, by = (index(outer, b, where) for b in (start, stop, step))
    # scf.for needs a positive step; any other step counts iterations 0..n and computes the index.
    direct = not isinstance(step, Tensor) and step > 0
    if not direct:
        with ir.InsertionPoint(outer.block), location(where):
            zero, one = (arith.constant(ir.IndexType.get(), k) for k in (0, 1))
            trips = arith.maxsi(arith.ceildivsi(arith.subi(hi, lo), by), zero)

    def build(carry: Carry, outer: Trace, values: dict):
        with ir.InsertionPoint(outer.block), location(where):
            op = scf.ForOp(lo, hi, by, carry.init_values(outer)) if direct else \
                scf.ForOp(zero, trips, one, carry.init_values(outer))
        body = RegionTrace(op.body, outer)
        iv = op.induction_variable
        if not direct:
            with ir.InsertionPoint(op.body), location(where):
                iv = arith.addi(lo, arith.muli(iv, by))
        item = index_tensor(body, iv, dtype, where)
        inside = {**values, **carry.enter(body, list(op.body.arguments)[1:])}
        return op, body, in_region(body, body_fn, item, *[inside[n] for n in names]), None

    return _traced_loop("'for' loop", names, state, carried, results, where, build)

