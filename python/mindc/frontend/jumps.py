"""`break`, `continue` and `return` inside branches and loops, rewritten into flags (part of the
graph-mode rewrite, frontend/transform.py), so that every if and loop body has a single exit
and may become an scf op whatever its conditions are (MindSpore's graph mode does the same).

    while c:                      _mindc_flag_break_1 = False
        y = f(y)                  while _mindc_rt.loop_test(lambda: c, _mindc_flag_break_1):
        if y.sum() > 9:    ->         y = f(y)
            break                     if y.sum() > 9:
        y = g(y)                          _mindc_flag_break_1 = True
                                      if _mindc_rt.proceed(_mindc_flag_break_1):
                                          y = g(y)

`continue` sets a flag reset at the start of each iteration; `return v` assigns v to the return
variable and sets the function's returned flag, which also ends every enclosing loop; the
statements after one that may set a flag run under `if proceed(flags)`. On Python values the
flags stay Python bools and the runtime (control.py) runs this as plain Python; under a tensor
condition they become boolean tensors carried through the scf ops.
"""
from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass

from mindc.frontend.liveness import FLAG, RETURN, RUNTIME, SCOPES, THUNK

RETURNED = FLAG + "returned"
# The attribute of a rewritten For node that names the flags ending it (control.for_stmt's stop).
STOP = "_mindc_stop"


@dataclass(frozen=True)
class _Loop:
    """The flags of the innermost loop: set by its break / continue (None: it has none)."""

    brk: str | None = None
    cont: str | None = None


def _own(node: ast.AST, kinds: tuple, loops: bool) -> bool:
    """Whether node (nested scopes aside; nested loops too unless `loops`) contains a node of kinds."""
    if isinstance(node, kinds):
        return True
    for field, value in ast.iter_fields(node):
        for child in value if isinstance(value, list) else [value]:
            if not isinstance(child, ast.AST) or isinstance(child, SCOPES):
                continue
            if not loops and isinstance(node, (ast.For, ast.While)) and field == "body":
                continue
            if _own(child, kinds, loops):
                return True
    return False


def _any(stmts: list[ast.stmt], kinds: tuple, loops: bool) -> bool:
    return any(_own(s, kinds, loops) for s in stmts)


def _early_returns(body: list[ast.stmt]) -> bool:
    """Whether body returns anywhere but in its last statement."""
    rest = body[:-1] if body and isinstance(body[-1], ast.Return) else body
    return _any(rest, (ast.Return,), True)


def needs_lowering(body: list[ast.stmt]) -> bool:
    """Whether body has a break/continue, or a return other than its last statement."""
    return _early_returns(body) or _any(body, (ast.Break, ast.Continue), True)


def _falls_through(body: list[ast.stmt]) -> bool:
    """Whether the end of body may be reached (False for a final return, an if returning in both
    branches, or a `while True` without break)."""
    if not body:
        return True
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise)):
        return False
    if isinstance(last, ast.If):
        return _falls_through(last.body) or _falls_through(last.orelse)
    if isinstance(last, ast.While) and isinstance(last.test, ast.Constant) and last.test.value:
        return _any(last.body, (ast.Break,), False)
    return True


def rt(attr: str, *args: ast.expr) -> ast.Call:
    """A call of the graph-mode runtime's `attr`."""
    return ast.Call(ast.Attribute(ast.Name(RUNTIME, ast.Load()), attr, ast.Load()), list(args), [])


def _set(name: str, value: ast.expr) -> ast.Assign:
    return ast.Assign([ast.Name(name, ast.Store())], value)


def _flags(names) -> list[ast.expr]:
    return [ast.Name(n, ast.Load()) for n in sorted(names)]


def located(nodes: list, origin: ast.AST) -> list:
    """nodes, their generated parts placed at the start of origin. A point, not origin's span:
    CPython 3.11 places a method call that spans lines at the end of its callee's span, and
    user_frame_position() must find the runtime call on the statement's first line."""
    for n in nodes:
        for sub in ast.walk(n):
            if "lineno" in sub._attributes and not hasattr(sub, "lineno"):
                sub.lineno = sub.end_lineno = origin.lineno
                sub.col_offset = sub.end_col_offset = origin.col_offset
    return nodes


class JumpLowering:
    """Rewrites the body of one function (not the functions nested in it)."""

    def __init__(self):
        self._ids = itertools.count(1)

    def function(self, fn: ast.FunctionDef) -> None:
        body = fn.body
        returns = _early_returns(body)
        if returns and _falls_through(body):
            body = body + located([ast.Return(None)], body[-1])
        if not returns:
            # Only break/continue: a final return stays as it is.
            tail = body[-1:] if body and isinstance(body[-1], ast.Return) else []
            fn.body = self._block(body[:len(body) - len(tail)], _Loop())[0] + tail
            return
        head = located([_set(RETURNED, ast.Constant(False))], body[0])
        fn.body = head + self._block(body, _Loop())[0] + located([ast.Return(ast.Name(RETURN, ast.Load()))], body[-1])

    def _block(self, stmts: list[ast.stmt], loop: _Loop) -> tuple[list[ast.stmt], set[str]]:
        """stmts rewritten, and the flags they may set that matter after them."""
        out: list[ast.stmt] = []
        for i, s in enumerate(stmts):
            new, sets = self._stmt(s, loop)
            out += new
            if sets:
                rest, more = self._block(stmts[i + 1:], loop)
                if rest:
                    out += located([ast.If(rt("proceed", *_flags(sets)), rest, [])], stmts[i + 1])
                return out, sets | more
        return out, set()

    def _stmt(self, s: ast.stmt, loop: _Loop) -> tuple[list[ast.stmt], set[str]]:
        if isinstance(s, ast.Break):
            return located([_set(loop.brk, ast.Constant(True))], s), {loop.brk}
        if isinstance(s, ast.Continue):
            return located([_set(loop.cont, ast.Constant(True))], s), {loop.cont}
        if isinstance(s, ast.Return):
            value = s.value if s.value is not None else ast.Constant(None)
            return located([_set(RETURN, value), _set(RETURNED, ast.Constant(True))], s), {RETURNED}
        if isinstance(s, ast.If):
            s.body, then_sets = self._block(s.body, loop)
            s.orelse, else_sets = self._block(s.orelse, loop)
            s.body = s.body or located([ast.Pass()], s)
            return [s], then_sets | else_sets
        if isinstance(s, (ast.While, ast.For)):
            return self._loop(s, loop)
        return [s], set()

    def _loop(self, s: ast.While | ast.For, outer: _Loop) -> tuple[list[ast.stmt], set[str]]:
        n = next(self._ids)
        inner = _Loop(f"{FLAG}break_{n}" if _any(s.body, (ast.Break,), False) else None,
                      f"{FLAG}continue_{n}" if _any(s.body, (ast.Continue,), False) else None)
        returns = _any(s.body, (ast.Return,), True)
        body, _ = self._block(s.body, inner)
        if inner.cont:
            body = located([_set(inner.cont, ast.Constant(False))], s) + body
        stop = [f for f in (inner.brk, RETURNED if returns else None) if f]
        if stop and isinstance(s, ast.While):
            thunk = ast.Lambda(ast.arguments([], [], None, [], [], None, []), s.test)
            setattr(thunk, THUNK, True)
            s.test = located([rt("loop_test", thunk, *_flags(stop))], s.test)[0]
        elif stop:
            # An unrolled for stops once a flag is a Python True; under a tensor flag the
            # remaining iterations (of an scf.for, or unrolled) run guarded.
            body = located([ast.If(rt("proceed", *_flags(stop)), body, [])], s)
            setattr(s, STOP, stop)
        s.body = body or located([ast.Pass()], s)
        orelse, else_sets = self._block(s.orelse, outer)
        s.orelse = []
        if stop and orelse:
            orelse = located([ast.If(rt("proceed", *_flags(stop)), orelse, [])], orelse[0])
        before = located([_set(inner.brk, ast.Constant(False))], s) if inner.brk else []
        return before + [s] + orelse, ({RETURNED} if returns else set()) | else_sets
