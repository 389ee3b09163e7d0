"""scf.if from converted branches (frontend/control.py decides when), and MindSpore's
switch_layer (a tuple or CellList of cells indexed by a tensor) as a chain of them.

Each branch is a function traced into one region of the op; the values of the variables it
returns are joined across the branches (region.join): tensors and numbers that differ become
results of the op, the rest must agree. Parameters assigned in any branch become results too
and are rebound after the op.
"""
from __future__ import annotations

from typing import Callable, Sequence

from mlir import ir
from mlir.dialects import scf

from mindc.frontend.convert import GraphTypeError, converted_callable
from mindc.frontend.liveness import RETURN
from mindc.frontend.region import (Mismatch, RegionTrace, Template, Undefined, condition, describe, differ, in_region,
                                   join, joined_sig, label, placeholder, syntax_error, tensor_like, wrap)
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import current_trace, location, user_frame_position


def graph_if(cond: Tensor, then_fn: Callable, else_fn: Callable, names: Sequence[str], where, what: str) -> tuple:
    """An scf.if on cond whose branches trace then_fn/else_fn (each returning the values of
    names); returns the values after the if."""
    outer = current_trace()
    c = condition(outer, cond, what, where)
    with ir.InsertionPoint(outer.block), location(where):
        # Result types are known once both branches are traced: trace into a placeholder
        # without results, then move its blocks into the real op.
        scratch = scf.IfOp(c, [], has_else=True)
    branches = [RegionTrace(scratch.then_block, outer), RegionTrace(scratch.else_block, outer)]
    outs = [in_region(t, fn) for t, fn in zip(branches, (then_fn, else_fn))]
    # Functions or cells that differ between the branches join as one chosen by cond.
    templates, tuples, owners = _join_branches(names, outs, where, what, lambda fns: Switch(fns, cond, condition=True))
    yields: list[list[ir.Value]] = [[], []]
    for values, name in zip(tuples, owners):
        sig = joined_sig(values)
        if any(isinstance(v, Tensor) and joined_sig([v]) != sig for v in values):
            raise GraphTypeError(f"{label(name)} differs between the branches of this {what}: {differ(values)}", where)
        for k, (t, v) in enumerate(zip(branches, values)):
            yields[k].append(t.value_of(in_region(t, tensor_like, v, sig), where))
    params = {}
    for t in branches:
        params.update(t.updates)
    for k, t in enumerate(branches):
        yields[k] += [t.value_of(p, where) for p in params.values()]
        with ir.InsertionPoint(t.block), location(where):
            scf.YieldOp(yields[k])
    op = ir.Operation.create("scf.if", results=[v.type for v in yields[0]], operands=[c], regions=2,
                             loc=location(where), ip=ir.InsertionPoint(scratch))
    scratch.then_block.append_to(op.regions[0])
    scratch.else_block.append_to(op.regions[1])
    scratch.operation.erase()
    results = wrap(list(op.results), outer)
    leaves = iter(results[:len(tuples)])
    values = tuple(t.build(leaves) for t in templates)
    for p, r in zip(params.values(), results[len(tuples):]):
        outer.bind(p, r._value)
        outer.updates[id(p)] = p
    return values


def graph_switch(key: Tensor, case_fns: Sequence[Callable], names: Sequence[str], where, what: str) -> tuple:
    """MindSpore's switch_layer: case_fns[key]() (each returning the values of names) for a
    one-element integer tensor key; a negative key counts from the end (key + n), and a key
    outside [-n, n) runs the last case (the compiled program cannot raise).

    A chain of scf.if rather than one scf.index_switch: one-shot bufferization (MLIR 22) was seen
    to let an index_switch case write into a buffer a later op still reads (the gradient of two
    switches in a row came out zero), and mind-autodiff differentiates scf.if already."""
    from mindc import ops

    if not isinstance(key, Tensor) or key.size != 1 or not key.dtype.is_int:
        raise GraphTypeError(f"the index of this {what} must be one integer; got {describe(key)}", where)
    n = len(case_fns)
    key = ops.reshape(key, ())
    key = ops.select(key < 0, key + n, key)

    def cases_from(k: int) -> tuple:
        if k == n - 1:
            return case_fns[k]()
        return graph_if(ops.equal(key, k), case_fns[k], lambda: cases_from(k + 1), names, where, what)

    return cases_from(0)


class Switch:
    """Callables chosen by a traced tensor: calling it calls the chosen one, as a branch op
    whose case k calls callables[k]. key is a one-element integer tensor (MindSpore's
    switch_layer: a tuple or CellList indexed by a tensor; graph_switch), or with condition, a
    condition choosing callables[0] if true, else callables[1] (functions that differ between
    the branches of an if)."""

    def __init__(self, callables: Sequence[Callable], key: Tensor, condition: bool = False):
        self.callables, self.key, self.condition = list(callables), key, condition

    def __call__(self, *args, **kwargs):
        cases = [lambda f=f: (converted_callable(f)(*args, **kwargs),) for f in self.callables]
        where = user_frame_position()
        if self.condition:
            return graph_if(self.key, *cases, ["the result"], where, "call of a function chosen by a tensor")[0]
        return graph_switch(self.key, cases, ["the result"], where, "call of a cell chosen by a tensor")[0]


def _join_branches(names, outs, where, what, choose):
    """Templates of the branch results and the tuples of their tensors (one per branch), each
    with its variable's name."""
    templates, tuples, owners = [], [], []
    for name, *values in zip(names, *outs):
        defined = [v for v in values if not isinstance(v, Undefined)]
        if name == RETURN and defined and len(defined) < len(values):
            # Some branches returned, the others have not yet: their value is never read (jumps.py).
            values = [placeholder(defined[0]) if isinstance(v, Undefined) else v for v in values]
        elif defined and len(defined) < len(values):
            some = "one branch" if len(values) == 2 else "some branches"
            raise syntax_error(f"{label(name)} is assigned in only {some} of this {what} but used after it; "
                               "assign it in every branch or before it", where)
        if not defined:
            templates.append(Template("static", values[0]))
            continue
        found: list = []
        try:
            templates.append(join(values, found, choose))
        except Mismatch as e:
            raise GraphTypeError(f"{label(name)} differs between the branches of this {what}: {e}", where) from None
        tuples += found
        owners += [name] * len(found)
    return templates, tuples, owners
