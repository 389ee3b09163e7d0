"""The AST rewrite behind mindc.frontend.convert: Python control flow becomes calls of the
graph-mode runtime (frontend/control.py, bound to the name `_mindc_rt`), which decides at trace
time whether a condition is a Python value (run one branch, plain Python) or a traced tensor
(build scf.if / scf.while / scf.for).

    if c:               def _mindc_then_1(y, z):        def _mindc_else_1(y, z):
        y = f(x)            y = f(x)                        z = g(x)
    else:          ->       return (y,)                     return (y,)
        z = g(x)        (y,) = _mindc_rt.if_stmt(c, _mindc_then_1, _mindc_else_1, ('y', 'z'), ('y',))
    use(y)              use(y)

Branch and loop bodies become nested functions whose parameters are the variables the body
assigns (the runtime reads their current values from the caller's frame) and whose results are
the ones live afterwards (liveness.py). `break`, `continue` and `return` inside them are first
rewritten into flags (jumps.py), so each body has a single exit. Every generated node carries the location of the
statement it came from, so tracebacks and MLIR locations point at the user's lines.
"""
from __future__ import annotations

import ast
import itertools

from mindc.frontend.jumps import STOP, JumpLowering, located, needs_lowering, rt
from mindc.frontend.liveness import PREFIX, RETURN, RUNTIME, Liveness, assigned, first_raise

ITEM = PREFIX + "item"

# What each unsupported node is called in error messages.
UNSUPPORTED = {ast.Try: "try", ast.With: "with", ast.AsyncWith: "async with", ast.AsyncFor: "async for",
               ast.AsyncFunctionDef: "async def", ast.Await: "await", ast.Yield: "yield",
               ast.YieldFrom: "yield from", ast.Global: "global", ast.Nonlocal: "nonlocal", ast.Match: "match"}
if hasattr(ast, "TryStar"):
    UNSUPPORTED[ast.TryStar] = "try"

# Nodes that make a function worth converting.
CONTROL = (ast.If, ast.While, ast.For, ast.IfExp, ast.BoolOp)


class Unsupported(Exception):
    """Raised by the rewrite: `message` at AST `node` (convert.py adds the file and line)."""

    def __init__(self, message: str, node: ast.AST):
        super().__init__(message)
        self.message, self.node = message, node


def has_control_flow(fn: ast.AST) -> bool:
    for node in ast.walk(fn):
        if isinstance(node, CONTROL) or (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)):
            return True
        if isinstance(node, ast.Compare) and len(node.ops) > 1:
            return True
    return False


def check_supported(fn: ast.AST) -> None:
    """Raise Unsupported at the first construct graph mode does not support."""
    for node in ast.walk(fn):
        kind = UNSUPPORTED.get(type(node))
        if kind is not None:
            raise Unsupported(f"'{kind}' is not supported in graph mode", node)


# ---- small AST builders
def _const(value) -> ast.Constant:
    return ast.Constant(value)


def _names(names, ctx=ast.Load) -> ast.Tuple:
    return ast.Tuple([ast.Name(n, ctx()) for n in names], ctx())


def _strings(names) -> ast.Tuple:
    return ast.Tuple([_const(n) for n in names], ast.Load())


def _thunk(expr: ast.expr) -> ast.Lambda:
    return ast.Lambda(ast.arguments([], [], None, [], [], None, []), expr)


def _function(name: str, params: list[str], body: list[ast.stmt]) -> ast.FunctionDef:
    args = ast.arguments([], [ast.arg(p) for p in params], None, [], [], None, [])
    return ast.FunctionDef(name, args, body or [ast.Pass()], [], None)


def _assign_results(live: list[str], call: ast.expr) -> ast.stmt:
    if not live:
        return ast.Expr(call)
    return ast.Assign([_names(live, ast.Store)], call)


def _at(node: ast.expr, origin: ast.AST) -> ast.expr:
    return located([node], origin)[0]


# ---- `return` in both branches of a final if
def _always_returns(stmts: list[ast.stmt]) -> bool:
    if not stmts:
        return False
    last = stmts[-1]
    if isinstance(last, ast.Return):
        return True
    return isinstance(last, ast.If) and _always_returns(last.body) and _always_returns(last.orelse)


def fold_returns(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """`if c: ...return a` followed by code that returns becomes `if c: ...return a else: ...`,
    so that a final if returns in both branches (recursively in the branches of a final if)."""
    for i, s in enumerate(stmts):
        if isinstance(s, ast.If) and not s.orelse and _always_returns(s.body) and i + 1 < len(stmts):
            rest = fold_returns(stmts[i + 1:])
            if _always_returns(rest):
                s.orelse = rest
                stmts = stmts[:i + 1]
                break
    if stmts and isinstance(stmts[-1], ast.If):
        last = stmts[-1]
        last.body, last.orelse = fold_returns(last.body), fold_returns(last.orelse)
    return stmts


def _tail_returns(stmts: list[ast.stmt]) -> list[ast.Return]:
    last = stmts[-1]
    if isinstance(last, ast.Return):
        return [last]
    return _tail_returns(last.body) + _tail_returns(last.orelse)


def _returns(node: ast.AST) -> list[ast.Return]:
    """The returns in node, not those of functions nested in it."""
    if isinstance(node, ast.Return):
        return [node]
    found = []
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            found += _returns(child)
    return found


def returns_to_assignments(body: list[ast.stmt]) -> list[ast.stmt]:
    """A function body ending in an if whose branches all end in `return` (and return nowhere
    else) assigns the value to RETURN in each branch and returns it after the if."""
    body = fold_returns(body)
    if not body or not isinstance(body[-1], ast.If):
        return body
    last = body[-1]
    if not (_always_returns(last.body) and _always_returns(last.orelse)):
        return body
    if len(_returns(last)) != len(_tail_returns([last])):
        return body
    _ReturnsToAssignments().visit(last)
    return [*body, *located([ast.Return(ast.Name(RETURN, ast.Load()))], last)]


class _ReturnsToAssignments(ast.NodeTransformer):
    def visit_Return(self, node: ast.Return):
        value = node.value if node.value is not None else _const(None)
        return located([ast.Assign([ast.Name(RETURN, ast.Store())], value)], node)[0]

    def _own_scope(self, node):
        return node  # a nested function keeps its own returns

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = visit_ClassDef = _own_scope


class Rewriter(ast.NodeTransformer):
    """Rewrites one function (and the functions nested in it) for the graph-mode runtime.

    filename is for the runtime's error messages; super_self, the first parameter's name where
    zero-argument super() must become super(__class__, self) (the function is recompiled
    outside its class, where super() would find no __class__)."""

    def __init__(self, filename: str, super_self: str | None):
        self.filename, self.super_self = filename, super_self
        self._ids = itertools.count(1)
        self._live: Liveness | None = None

    def _fresh(self, kind: str) -> str:
        return f"{PREFIX}{kind}_{next(self._ids)}"

    # ---- functions
    def visit_FunctionDef(self, node: ast.FunctionDef):
        node.body = returns_to_assignments(node.body)
        if needs_lowering(node.body):
            JumpLowering().function(node)
        outer, self._live = self._live, Liveness(node)
        try:
            self.generic_visit(node)
        finally:
            self._live = outer
        return node

    # ---- statements
    def visit_If(self, node: ast.If):
        live = self._live
        raise_ = first_raise(node.body + node.orelse)
        if raise_ is not None:
            # Plain Python if: fine for a Python condition, an error at raise_ for a tensor one.
            self.generic_visit(node)
            node.test = self._static_test(node.test, raise_, "an 'if'")
            return node
        self._no_del(node.body + node.orelse)
        names = assigned(node.body + node.orelse)
        results = live.live(names, live.after, node)
        self.generic_visit(node)
        then_name, else_name = self._fresh("then"), self._fresh("else")
        ret = [ast.Return(_names(results))]
        call = rt("if_stmt", node.test, ast.Name(then_name, ast.Load()), ast.Name(else_name, ast.Load()),
                   _strings(names), _strings(results))
        out = [_function(then_name, names, node.body + ret), _function(else_name, names, node.orelse + ret),
               _assign_results(results, call)]
        return located(out, node)

    def visit_While(self, node: ast.While):
        live = self._live
        raise_ = first_raise(node.body)
        if raise_ is not None:
            self.generic_visit(node)
            node.test = self._static_test(node.test, raise_, "a 'while' loop")
            return node
        if any(isinstance(n, ast.NamedExpr) for n in ast.walk(node.test)):
            raise Unsupported("':=' in a 'while' condition is not supported in graph mode", node.test)
        self._no_del(node.body)
        names = assigned(node.body)
        carried = live.live(names, live.head, node)
        results = live.live(names, live.after, node)
        self.generic_visit(node)
        cond_name, body_name = self._fresh("cond"), self._fresh("body")
        call = rt("while_stmt", ast.Name(cond_name, ast.Load()), ast.Name(body_name, ast.Load()),
                   _strings(names), _strings(carried), _strings(results))
        out = [_function(cond_name, names, [ast.Return(node.test)]),
               _function(body_name, names, node.body + [ast.Return(_names(names))]),
               _assign_results(results, call)]
        # Without a break the else block always runs, right after the loop.
        return located(out, node) + node.orelse

    def visit_For(self, node: ast.For):
        live = self._live
        raise_ = first_raise(node.body)
        node.iter = self._iterable(node.iter)
        if raise_ is not None:
            self.generic_visit(node)
            node.iter = rt("static_iter", node.iter, _const("a 'for' loop"), _const(self.filename),
                            _const(raise_.lineno))
            return node
        self._no_del(node.body)
        names = assigned([node.target] + node.body)
        carried = live.live(names, live.head, node)
        results = live.live(names, live.after, node)
        self.generic_visit(node)
        body_name = self._fresh("body")
        bind = ast.copy_location(ast.Assign([node.target], ast.Name(ITEM, ast.Load())), node.target)
        call = rt("for_stmt", node.iter, ast.Name(body_name, ast.Load()),
                   _strings(names), _strings(carried), _strings(results), _strings(getattr(node, STOP, ())))
        body = _function(body_name, [ITEM, *names], [bind, *node.body, ast.Return(_names(names))])
        return located([body, _assign_results(results, call)], node) + node.orelse

    def _iterable(self, expr: ast.expr) -> ast.expr:
        # range() with a tensor bound is an scf.for; the runtime needs the unevaluated call.
        if (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "range"
                and not expr.keywords and not any(isinstance(a, ast.Starred) for a in expr.args)):
            return _at(rt("range_of", ast.Name("range", ast.Load()), *expr.args), expr)
        return expr

    def _static_test(self, test: ast.expr, raise_: ast.stmt, where: str) -> ast.expr:
        return _at(rt("test", test, _const(where), _const(self.filename), _const(raise_.lineno)), test)

    @staticmethod
    def _no_del(stmts: list[ast.stmt]) -> None:
        for s in stmts:
            for n in ast.walk(s):
                if isinstance(n, ast.Delete) and any(isinstance(t, ast.Name) for t in n.targets):
                    raise Unsupported("'del' of a variable inside a branch or loop body is not supported in graph mode", n)

    # ---- expressions
    def visit_IfExp(self, node: ast.IfExp):
        self.generic_visit(node)
        return _at(rt("ifexp", node.test, _thunk(node.body), _thunk(node.orelse)), node)

    def visit_BoolOp(self, node: ast.BoolOp):
        self.generic_visit(node)
        name = "and_" if isinstance(node.op, ast.And) else "or_"
        return _at(rt(name, *[_thunk(v) for v in node.values]), node)

    def visit_UnaryOp(self, node: ast.UnaryOp):
        self.generic_visit(node)
        if isinstance(node.op, ast.Not):
            return _at(rt("not_", node.operand), node)
        return node

    def visit_Compare(self, node: ast.Compare):
        self.generic_visit(node)
        if len(node.ops) == 1:
            return node
        # a < b < c evaluates b once and short-circuits: the runtime does the same on thunks.
        pairs = [ast.Tuple([_const(type(op).__name__), _thunk(c)], ast.Load()) for op, c in zip(node.ops, node.comparators)]
        return _at(rt("compare", _thunk(node.left), *pairs), node)

    def visit_Call(self, node: ast.Call):
        self.generic_visit(node)
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == RUNTIME:
            return node
        if isinstance(func, ast.Name) and func.id == "super" and not node.args and self.super_self:
            node.args = [ast.Name("__class__", ast.Load()), ast.Name(self.super_self, ast.Load())]
            return node
        if isinstance(func, ast.Subscript):
            # cells[i](x) with a tensor i is MindSpore's switch_layer.
            func = _at(rt("item", func.value, func.slice), func)
        node.func = _at(rt("call", func), func)
        return node


def mangle(tree: ast.AST, class_name: str) -> None:
    """Private name mangling, which compiling a method outside its class would skip: `self.__x`
    in class C means `self._C__x`."""
    prefix = "_" + class_name.lstrip("_")

    def mangled(name: str) -> str:
        return prefix + name if name.startswith("__") and not name.endswith("__") else name

    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            node.id = mangled(node.id)
        elif isinstance(node, ast.Attribute):
            node.attr = mangled(node.attr)
        elif isinstance(node, ast.arg):
            node.arg = mangled(node.arg)

