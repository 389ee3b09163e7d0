"""Source conversion for graph mode (MindSpore's static-graph semantics): `convert(fn)` returns
fn with its Python control flow rewritten (frontend/transform.py) into calls of the runtime in
frontend/control.py, which builds scf.if / scf.while / scf.for where a condition or a loop bound
is a traced tensor and runs plain Python where it is a Python value.

The converted function is a new function object over the original's globals, closure cells,
defaults and keyword defaults, compiled from the original file and lines: tracebacks and op
locations point at the user's source. Functions it calls that are defined outside mindc (plain
functions and methods) are converted in turn when called. Conversions are cached per code object.

`convert` returns fn unchanged when there is nothing to convert (no control flow and no calls
that may reach user code) and when the source is unavailable (a REPL lambda, a builtin).
"""
from __future__ import annotations

import ast
import builtins
import inspect
import linecache
import sysconfig
import textwrap
import types
import weakref
from typing import Any, Callable

from mindc.frontend.transform import (RUNTIME, Rewriter, Unsupported, check_supported, has_control_flow, mangle)

__all__ = ["convert", "GraphSyntaxError", "GraphTypeError", "GraphRecursionError", "GraphModeError"]


class GraphModeError(Exception):
    """Base of the errors about Python code that graph mode cannot compile."""


class GraphSyntaxError(GraphModeError, SyntaxError):
    """A construct graph mode does not support; str() is `file:line: message`."""

    def __init__(self, message: str, filename: str | None, lineno: int | None):
        text = f"{filename}:{lineno}: {message}" if filename else message
        super().__init__(text)
        self.message = message
        self.filename, self.lineno = filename, lineno
        # Tracebacks of SyntaxErrors show this line of the user's source.
        self.text = linecache.getline(filename, lineno) if filename and lineno else None

    def __str__(self) -> str:
        return self.msg


class _Located(GraphModeError):
    """An error at a (file, line, col) of the user's code; str() is `file:line: message`."""

    def __init__(self, message: str, where: tuple[str, int, int] | None):
        self.message = message
        self.filename, self.lineno = (where[0], where[1]) if where else (None, None)
        super().__init__(f"{where[0]}:{where[1]}: {message}" if where else message)


class GraphTypeError(_Located, TypeError):
    """Values graph mode cannot join: branches or loop iterations that disagree on a variable's
    structure, shape or dtype."""


class GraphRecursionError(_Located, RuntimeError):
    """A recursion that does not end while tracing (MindSpore raises a RuntimeError too)."""


# ---- which callables are converted
_SKIP_PREFIXES = tuple({sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")})


def _is_library(fn: types.FunctionType) -> bool:
    module = fn.__globals__.get("__name__", "") or ""
    if module == "mindc" or module.startswith("mindc."):
        return True
    return fn.__code__.co_filename.startswith(_SKIP_PREFIXES)


def wants_conversion(f: Any) -> bool:
    """Whether calling f from converted code should call its converted version: a function or
    bound method defined outside mindc, the standard library and installed packages."""
    if isinstance(f, types.MethodType):
        f = f.__func__
    return isinstance(f, types.FunctionType) and not _is_library(f) and not getattr(f, "_mindc_converted", False)


def converted_callable(f: Any) -> Any:
    """f, converted if it is user code (control.call uses this for every call)."""
    if isinstance(f, types.MethodType):
        if wants_conversion(f.__func__):
            return types.MethodType(convert(f.__func__), f.__self__)
        return f
    if isinstance(f, types.FunctionType) and wants_conversion(f):
        return convert(f)
    return f


# ---- convert
_BY_FUNCTION: "weakref.WeakKeyDictionary[Callable, Callable]" = weakref.WeakKeyDictionary()
# code object -> converted code object, or None when fn is used as it is.
_BY_CODE: dict[types.CodeType, types.CodeType | None] = {}
INNER = "_mindc_fn"


def convert(fn: Callable) -> Callable:
    """fn with its control flow converted for graph mode (see the module docstring).

    Raises GraphSyntaxError at the user's file:line for constructs graph mode does not support
    (try, with, yield, global, nonlocal, async, match, del of a variable in a branch).
    """
    if isinstance(fn, types.MethodType):
        return types.MethodType(convert(fn.__func__), fn.__self__)
    if not isinstance(fn, types.FunctionType) or getattr(fn, "_mindc_converted", False) or _is_library(fn):
        return fn
    done = _BY_FUNCTION.get(fn)
    if done is not None:
        return done
    code = fn.__code__
    if code not in _BY_CODE:
        _BY_CODE[code] = _convert_code(fn)
    new_code = _BY_CODE[code]
    result = fn if new_code is None else _rebuild(fn, new_code)
    _BY_FUNCTION[fn] = result
    return result


def _rebuild(fn: types.FunctionType, code: types.CodeType) -> types.FunctionType:
    """A function of code over fn's globals, closure cells (shared, not copied) and defaults."""
    from mindc.frontend import control

    cells = dict(zip(fn.__code__.co_freevars, fn.__closure__ or ()))
    closure = tuple(types.CellType(control) if name == RUNTIME else cells[name] for name in code.co_freevars)
    new = types.FunctionType(code, fn.__globals__, fn.__name__, fn.__defaults__, closure)
    new.__kwdefaults__ = fn.__kwdefaults__
    new.__dict__.update(fn.__dict__)
    new.__qualname__, new.__doc__, new.__module__ = fn.__qualname__, fn.__doc__, fn.__module__
    new.__annotations__ = fn.__annotations__
    new._mindc_converted = True
    new.__wrapped__ = fn
    return new


def _convert_code(fn: types.FunctionType) -> types.CodeType | None:
    node, filename = _parse(fn)
    if node is None:
        return None
    if not has_control_flow(node) and not _calls_user_code(node, fn):
        return None
    try:
        check_supported(node)
    except Unsupported as e:
        if not has_control_flow(node):
            # Nothing to convert but calls: leave it as it is rather than reject it.
            return None
        raise _located(e, filename) from None
    class_name = _class_of(fn)
    if class_name:
        mangle(node, class_name)
    positional = [a.arg for a in [*node.args.posonlyargs, *node.args.args]] if isinstance(node, ast.FunctionDef) else []
    super_self = positional[0] if positional and "__class__" in fn.__code__.co_freevars else None
    try:
        node = Rewriter(filename, super_self).visit(node)
    except Unsupported as e:
        raise _located(e, filename) from None
    return _compile(fn, node, filename)


def _located(e: Unsupported, filename: str) -> GraphSyntaxError:
    return GraphSyntaxError(e.message, filename, getattr(e.node, "lineno", None))


def _parse(fn: types.FunctionType) -> tuple[ast.AST | None, str]:
    """fn's FunctionDef (or Lambda) with the line and column numbers of its file, or None."""
    code = fn.__code__
    try:
        lines, first = inspect.getsourcelines(fn)
    except (OSError, TypeError):
        return None, code.co_filename
    source = "".join(lines)
    dedented = textwrap.dedent(source)
    indent = _indent_removed(source, dedented)
    try:
        tree = ast.parse(dedented)
    except SyntaxError:
        return None, code.co_filename
    ast.increment_lineno(tree, first - 1)
    for node in ast.walk(tree):
        # dedent removed the same prefix from every line: restore the columns of the file.
        if hasattr(node, "col_offset"):
            node.col_offset += indent
            if getattr(node, "end_col_offset", None) is not None:
                node.end_col_offset += indent
    if code.co_name == "<lambda>":
        found = [n for n in ast.walk(tree) if isinstance(n, ast.Lambda) and n.lineno == code.co_firstlineno]
    else:
        found = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == code.co_name]
    if len(found) != 1:
        return None, code.co_filename
    node = found[0]
    if isinstance(node, ast.FunctionDef):
        node.decorator_list = []
    return node, code.co_filename


def _indent_removed(source: str, dedented: str) -> int:
    for before, after in zip(source.splitlines(), dedented.splitlines()):
        if after.strip():
            return len(before) - len(after)
    return 0


def _class_of(fn: types.FunctionType) -> str | None:
    """The innermost class fn was defined in (Python mangles private names in all code nested
    in a class), from its qualified name: `C.m.<locals>.g` was defined in C."""
    parts = fn.__qualname__.split(".")
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] != "<locals>" and parts[i + 1] != "<locals>":
            return parts[i]
    return None


def _compile(fn: types.FunctionType, node: ast.AST, filename: str) -> types.CodeType:
    """Compile node inside a factory whose parameters are the runtime and fn's free variables,
    so the converted code reads them as closure cells; return the converted function's code."""
    freevars = [RUNTIME, *(v for v in fn.__code__.co_freevars if v != RUNTIME)]
    factory_args = ast.arguments([], [ast.arg(v) for v in freevars], None, [], [], None, [])
    if isinstance(node, ast.FunctionDef):
        # Under its own name the function would be a local of the factory, and a recursive
        # call would become a closure reference instead of a global one.
        node.name = INNER
    inner = node if isinstance(node, ast.FunctionDef) else ast.Return(node)
    factory = ast.FunctionDef("_mindc_factory", factory_args, [inner], [], None)
    module = ast.Module([factory], [])
    for n in ast.walk(module):
        if "lineno" in n._attributes and not hasattr(n, "lineno"):
            ast.copy_location(n, node)
    namespace: dict[str, Any] = {"__builtins__": builtins}
    exec(compile(module, filename, "exec"), namespace)
    original = fn.__code__
    code = next(c for c in namespace["_mindc_factory"].__code__.co_consts
                if isinstance(c, types.CodeType) and c.co_name in (INNER, "<lambda>"))
    return code.replace(co_name=original.co_name, co_qualname=original.co_qualname)


def _calls_user_code(node: ast.AST, fn: types.FunctionType) -> bool:
    """Whether node calls anything that may be user code: a callee that is not a name (or a
    dotted name through modules and classes) bound to something wants_conversion rejects."""
    cells = dict(zip(fn.__code__.co_freevars, fn.__closure__ or ()))
    for call in ast.walk(node):
        if not isinstance(call, ast.Call):
            continue
        try:
            callee = _resolve(call.func, fn, cells)
        except LookupError:
            return True
        if wants_conversion(callee):
            return True
    return False


def _resolve(expr: ast.expr, fn: types.FunctionType, cells: dict) -> Any:
    if isinstance(expr, ast.Name):
        if expr.id in fn.__code__.co_varnames or expr.id in fn.__code__.co_cellvars:
            raise LookupError(expr.id)
        if expr.id in cells:
            try:
                return cells[expr.id].cell_contents
            except ValueError:
                raise LookupError(expr.id) from None
        if expr.id in fn.__globals__:
            return fn.__globals__[expr.id]
        if hasattr(builtins, expr.id):
            return getattr(builtins, expr.id)
        raise LookupError(expr.id)
    if isinstance(expr, ast.Attribute):
        base = _resolve(expr.value, fn, cells)
        # Only through modules and classes: getattr on other objects may run properties.
        if isinstance(base, (types.ModuleType, type)) and hasattr(base, expr.attr):
            return getattr(base, expr.attr)
    raise LookupError(ast.dump(expr))

