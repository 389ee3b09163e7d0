"""The graph-mode runtime: what converted code (frontend/transform.py) calls in place of Python
control flow.

Each entry point looks at the condition (or the range bounds) when the code runs. A Python
value, or a tensor outside any trace, is resolved there and then: one branch runs, a loop runs
as a Python loop (unrolled into the trace). A tensor inside a trace becomes an scf op whose
regions trace the branch or body functions (frontend/region.py); the variables those assign
become its results. The scf ops carry the location of the user's if/while/for statement.

Branch and loop-body functions take the variables they assign as parameters; their initial
values are read from the calling frame (unassigned ones are `Undefined`).
"""
from __future__ import annotations

import builtins
import functools
import operator
import sys
from typing import Any, Callable, Sequence

from mlir import ir

from mindc.frontend import dtype as mdt
from mindc.frontend.convert import GraphRecursionError, GraphSyntaxError, converted_callable
from mindc.frontend.branches import Switch, graph_if
from mindc.frontend.jit import Jitted
from mindc.frontend.loops import graph_for, graph_while
from mindc.frontend.region import RegionTrace, Undefined, in_region
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import current_trace, user_frame_position

# Nested calls of one function while tracing beyond which its recursion is taken not to end:
# on a tensor condition both branches are traced, so a recursion must end on Python values.
MAX_RECURSION = 64
_depth: dict = {}


def call(f: Any) -> Any:
    """f as converted code calls it: converted if it is user code (convert.converted_callable),
    and, while tracing, checked for recursion that does not end."""
    if current_trace() is None:
        return converted_callable(f)
    # A jit function called in a trace runs inline (Jitted.__call__): the same converted code.
    g = converted_callable(f.fn if isinstance(f, Jitted) else f)
    if g is f:
        return g
    return functools.partial(_traced_call, g, user_frame_position())


def _traced_call(fn: Callable, where, *args, **kwargs) -> Any:
    code = getattr(fn, "__func__", fn).__code__
    if _depth.get(code, 0) >= MAX_RECURSION:
        raise GraphRecursionError(f"the recursion of '{code.co_name}' did not end after {MAX_RECURSION} nested calls "
                                  "while tracing: in graph mode a recursion must end on Python values; on a tensor "
                                  "condition both branches are traced, and the recursion becomes an endless loop",
                                  where)
    _depth[code] = _depth.get(code, 0) + 1
    try:
        return fn(*args, **kwargs)
    finally:
        _depth[code] -= 1


def traced(x: Any) -> bool:
    """Whether x is a tensor whose value is only known when the compiled program runs."""
    return isinstance(x, Tensor) and current_trace() is not None


def _frame_values(names: Sequence[str]) -> list[Any]:
    # Two frames up: the converted function that called the entry point calling this.
    local = sys._getframe(2).f_locals
    return [local[n] if n in local else Undefined(n) for n in names]


# ---- if
def if_stmt(test: Any, then_fn: Callable, else_fn: Callable, names: tuple, results: tuple) -> tuple:
    """`if test:` with branches then_fn/else_fn of the variables `names`; returns `results`."""
    args = _frame_values(names)
    if not traced(test):
        return (then_fn if test else else_fn)(*args)
    return graph_if(test, lambda: then_fn(*args), lambda: else_fn(*args), results, user_frame_position(), "'if'")


# ---- loops
def while_stmt(cond_fn: Callable, body_fn: Callable, names: tuple, carried: tuple, results: tuple) -> tuple:
    """`while cond_fn(*vars): vars = body_fn(*vars)`; a Python loop while the condition is a
    Python value, an scf.while from the first time it is a traced tensor."""
    state = _frame_values(names)
    trace = current_trace()
    while True:
        c = cond_fn(*state) if trace is None else _scratch(trace, cond_fn, *state)
        if isinstance(c, Tensor) and trace is not None:
            return graph_while(cond_fn, body_fn, names, state, carried, results, user_frame_position())
        if not c:
            return tuple(state[names.index(r)] for r in results)
        state = list(body_fn(*state))


def _scratch(trace, fn: Callable, *args) -> Any:
    """fn(*args) traced into a block that is then thrown away: tells whether a loop condition
    is a tensor without leaving its ops behind."""
    with ir.InsertionPoint(trace.block), ir.Location.unknown():
        op = ir.Operation.create("scf.execute_region", results=[], regions=1)
    block = op.regions[0].blocks.append()
    try:
        return in_region(RegionTrace(block, trace), fn, *args)
    finally:
        op.erase()


class RangeSpec:
    """range(*args) whose bounds include a traced tensor: an scf.for."""

    def __init__(self, args: tuple):
        if not 1 <= len(args) <= 3:
            raise TypeError(f"range expected 1 to 3 arguments, got {len(args)}")
        self.args = args


def range_of(callee: Callable, *args) -> Any:
    """What `range(*args)` in a for statement iterates: a RangeSpec for tensor bounds in a trace."""
    if callee is not builtins.range:
        return callee(*args)
    if any(isinstance(a, Tensor) for a in args):
        if current_trace() is not None:
            return RangeSpec(args)
        args = tuple(operator.index(int(a)) if isinstance(a, Tensor) else a for a in args)
    return range(*args)


def for_stmt(iterable: Any, body_fn: Callable, names: tuple, carried: tuple, results: tuple, stop: tuple) -> tuple:
    """`for item in iterable: vars = body_fn(item, *vars)`: unrolled, or an scf.for over a range
    with a traced bound. An unrolled loop ends early once one of the flags `stop` (break,
    returned; jumps.py) is a Python True."""
    state = _frame_values(names)
    if isinstance(iterable, RangeSpec):
        return graph_for(iterable.args, body_fn, names, state, carried, results, user_frame_position())
    for item in iterable:
        state = list(body_fn(item, *state))
        if any(state[names.index(f)] is True for f in stop):
            break
    return tuple(state[names.index(r)] for r in results)


# ---- the flags of break, continue and return (jumps.py)
def proceed(*flags: Any) -> Any:
    """Whether none of the flags is set: a Python bool, or a boolean tensor where one is traced."""
    from mindc import ops

    if any(f is True for f in flags):
        return False
    traced_flags = [f for f in flags if traced(f)]
    if not traced_flags:
        return True
    stop = traced_flags[0]
    for f in traced_flags[1:]:
        stop = ops.logical_or(stop, f)
    return ops.logical_not(stop)


def loop_test(cond: Callable, *flags: Any) -> Any:
    """The condition of a while loop with a break or return: cond() while no flag is set."""
    from mindc import ops

    go = proceed(*flags)
    if go is False:
        return False
    c = cond()
    if go is True or not traced(c) and not c:
        return c
    if not traced(c):
        return go
    return ops.logical_and(go, c if c.dtype is mdt.bool_ else ops.not_equal(c, 0))


# ---- switch_layer
def item(seq: Any, key: Any) -> Any:
    """`seq[key]` where the result is called: a Switch when key is a traced tensor and seq a
    sequence of callables (a tuple or list of Cells or functions, a CellList)."""
    if traced(key) and _callables(seq):
        return Switch(seq, key)
    return seq[key]


def _callables(seq: Any) -> bool:
    if isinstance(seq, (Tensor, str, dict)) or not hasattr(seq, "__len__") or not hasattr(seq, "__getitem__"):
        return False
    return len(seq) > 0 and all(callable(f) for f in seq)


# ---- plain Python forms (the body raises)
def test(cond: Any, where: str, filename: str, line: int) -> Any:
    """cond of an if/while whose body raises."""
    if traced(cond):
        raise GraphSyntaxError(f"'raise' inside {where} whose condition is a tensor is not supported in graph mode",
                               filename, line)
    return cond


def static_iter(iterable: Any, where: str, filename: str, line: int) -> Any:
    """iterable of a for loop whose body raises."""
    if isinstance(iterable, RangeSpec):
        raise GraphSyntaxError(f"'raise' inside {where} over a range with a tensor bound is not supported in "
                               "graph mode", filename, line)
    return iterable


# ---- expressions
def ifexp(test: Any, body: Callable, orelse: Callable) -> Any:
    """`body() if test else orelse()`."""
    if not traced(test):
        return body() if test else orelse()
    where = user_frame_position()
    return graph_if(test, lambda: (body(),), lambda: (orelse(),), ["the conditional expression"], where,
                    "conditional expression")[0]


def _is_bool(x: Any) -> bool:
    return isinstance(x, bool) or isinstance(x, Tensor) and x.dtype is mdt.bool_


def and_(*thunks: Callable) -> Any:
    """`a and b and ...`: logical_and of boolean tensors; for other tensors, `b if a else a`."""
    value = thunks[0]()
    for thunk in thunks[1:]:
        if traced(value):
            value = _logical(value, thunk(), conjunction=True)
        elif not value:
            return value
        else:
            value = thunk()
    return value


def or_(*thunks: Callable) -> Any:
    """`a or b or ...`: logical_or of boolean tensors; for other tensors, `a if a else b`."""
    value = thunks[0]()
    for thunk in thunks[1:]:
        if traced(value):
            value = _logical(value, thunk(), conjunction=False)
        elif value:
            return value
        else:
            value = thunk()
    return value


def _logical(a: Tensor, b: Any, conjunction: bool) -> Tensor:
    from mindc import ops

    if _is_bool(a) and _is_bool(b):
        return ops.logical_and(a, b) if conjunction else ops.logical_or(a, b)
    what = "'and'" if conjunction else "'or'"
    then, other = (lambda: (b,), lambda: (a,)) if conjunction else (lambda: (a,), lambda: (b,))
    return graph_if(a, then, other, [f"the value of {what}"], user_frame_position(), what)[0]


def not_(value: Any) -> Any:
    """`not value`: logical_not of a traced tensor (== 0 for tensors that are not boolean)."""
    from mindc import ops

    if not traced(value):
        return not value
    return ops.logical_not(value) if value.dtype is mdt.bool_ else ops.equal(value, 0)


_COMPARE = {"Eq": operator.eq, "NotEq": operator.ne, "Lt": operator.lt, "LtE": operator.le, "Gt": operator.gt,
            "GtE": operator.ge, "Is": operator.is_, "IsNot": operator.is_not,
            "In": lambda a, b: a in b, "NotIn": lambda a, b: a not in b}


def compare(left: Callable, *pairs: tuple[str, Callable]) -> Any:
    """A chained comparison `a < b < c`: each operand evaluated once, left to right, stopping
    at the first false Python result (a traced one is combined with the rest by and_)."""
    a, result = left(), None
    for name, right in pairs:
        b = right()
        r = _COMPARE[name](a, b)
        result = r if result is None else and_(lambda x=result: x, lambda y=r: y)
        if not traced(result) and not result:
            return result
        a = b
    return result
