"""Name analysis for the graph-mode converter (frontend/transform.py): which names a block
assigns, which it reads, whether it leaves its block by return/break/continue, and which
names are live (may be read later) after each if/while/for statement.

Liveness decides which variables an scf op must produce: a variable assigned in a branch but
never read after the branch is the branch's own temporary, not a result.
"""
from __future__ import annotations

import ast
from typing import Iterable

# Names the converter generates start with this; they are never user variables.
PREFIX = "_mindc_"
# The name converted code calls the graph-mode runtime (control.py) by.
RUNTIME = PREFIX + "rt"
# The variable that `return`s in both branches of a final `if` are rewritten to assign.
RETURN = PREFIX + "ret"
# Generated variables that are carried like the user's: the break/continue/returned flags (jumps.py).
FLAG = PREFIX + "flag_"
# Marks a lambda the converter generates and calls on the spot (jumps.py's loop conditions):
# the names it reads are read there, not at any later time as in a user's closure.
THUNK = "_mindc_thunk"
# Scopes of their own: names bound inside them are not bound in the enclosing function.
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
          ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
# Builtins that read the calling frame's variables: with them, every variable is live.
FRAME_READERS = {"locals", "vars", "eval", "exec", "dir"}


def _children_in_scope(node: ast.AST):
    """node's children, without the bodies of nested scopes (their names are not ours)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, SCOPES):
            continue
        yield child


def assigned(nodes: Iterable[ast.AST]) -> list[str]:
    """The names that nodes bind in the current scope, in order of first binding."""
    found: dict[str, None] = {}

    def visit(node):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            found[node.id] = None
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found[node.name] = None
            for part in [*node.decorator_list, *getattr(node, "bases", [])]:
                visit(part)
            return
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                found[(alias.asname or alias.name).split(".")[0]] = None
        elif isinstance(node, ast.NamedExpr):
            found[node.target.id] = None
        for child in _children_in_scope(node):
            visit(child)

    for n in nodes:
        visit(n)
    return [name for name in found if not name.startswith(PREFIX) or name == RETURN or name.startswith(FLAG)]


def loaded(node: ast.AST | None) -> set[str]:
    """Every name node reads, nested scopes included (a closure reads when it is called)."""
    if node is None:
        return set()
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def nested_reads(fn: ast.AST) -> set[str]:
    """Names read inside the functions and lambdas nested in fn: such a closure may run at any
    later time, so these names are always live."""
    names: set[str] = set()
    for node in ast.walk(fn):
        if getattr(node, THUNK, False):
            continue  # the converter's own, called where it stands
        if node is not fn and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            names |= loaded(node)
    return names


def first_raise(stmts: list[ast.stmt]) -> ast.Raise | None:
    """The first `raise` in stmts (nested scopes aside): a branch or loop body with one stays
    plain Python, since tracing both branches would raise whatever the condition. (break,
    continue and return are rewritten into flags before this is asked; jumps.py.)"""
    for s in stmts:
        for node in _walk_in_scope(s):
            if isinstance(node, ast.Raise):
                return node
    return None


def _walk_in_scope(node: ast.AST):
    yield node
    for child in _children_in_scope(node):
        yield from _walk_in_scope(child)


class Liveness:
    """For each if/while/for in fn's body (not in nested functions): `after[id(stmt)]`, the names
    that may be read after it; for loops also `head[id(stmt)]`, the names that may be read at
    the start of an iteration. A backward may-analysis: sound to over-approximate."""

    def __init__(self, fn: ast.FunctionDef | ast.Lambda):
        self.after: dict[int, set[str]] = {}
        self.head: dict[int, set[str]] = {}
        self.always = nested_reads(fn)
        self.everything = bool(loaded(fn) & FRAME_READERS)
        if isinstance(fn, ast.FunctionDef):
            self.block(fn.body, set(), None)

    def live(self, names: Iterable[str], table: dict, stmt: ast.stmt) -> list[str]:
        """Those of names that are live in table (after or head) of stmt."""
        live = table.get(id(stmt), set())
        return [n for n in names if self.everything or n in live or n in self.always]

    def block(self, stmts: list[ast.stmt], live: set[str], loop: set[str] | None) -> set[str]:
        for s in reversed(stmts):
            live = self.stmt(s, live, loop)
        return live

    def stmt(self, s: ast.stmt, out: set[str], loop: set[str] | None) -> set[str]:
        if isinstance(s, ast.If):
            self.after[id(s)] = set(out)
            return loaded(s.test) | self.block(s.body, out, loop) | self.block(s.orelse, out, loop)
        if isinstance(s, (ast.While, ast.For)):
            return self.loop(s, out)
        if isinstance(s, ast.Return):
            return loaded(s.value)
        if isinstance(s, (ast.Break, ast.Continue)):
            return set(loop or ())
        if isinstance(s, ast.Raise):
            return loaded(s)
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            reads = set().union(*(loaded(d) for d in s.decorator_list))
            if isinstance(s, ast.ClassDef):
                reads |= set().union(*(loaded(b) for b in s.bases)) | loaded(s)
            else:
                reads |= set().union(*(loaded(d) for d in [*s.args.defaults, *s.args.kw_defaults] if d))
            return (out - {s.name}) | reads
        if isinstance(s, ast.AugAssign):
            return out | loaded(s) | set(assigned([s.target]))
        return (out - set(assigned([s]))) | loaded(s)

    def loop(self, s: ast.While | ast.For, out: set[str]) -> set[str]:
        exit_live = self.block(s.orelse, out, None)
        test = loaded(s.test) if isinstance(s, ast.While) else set()
        targets = set(assigned([s.target])) if isinstance(s, ast.For) else set()
        head = exit_live | test
        while True:
            body_in = self.block(s.body, head, head)
            new = exit_live | test | (body_in - targets)
            if new == head:
                break
            head = new
        self.head[id(s)] = head
        self.after[id(s)] = exit_live
        return head | (loaded(s.iter) if isinstance(s, ast.For) else set())
