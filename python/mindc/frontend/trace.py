"""Tracing: while `mindc.jit` runs a function, every op call becomes a mind op in a func.func.

`apply(op_name, inputs, attrs)` is the one door every mindc.ops function goes through. Inside a
trace it builds the op with `mindc.emit.create` at the user's source location and returns Tracers;
outside, it runs the op eagerly through a compiled single-op kernel (frontend/eager.py). Either
way a rule's RuleError comes out as an OpError naming the user's file:line:col and the op.
"""
from __future__ import annotations

import contextlib
import itertools
import sys
from typing import Any, Mapping, Sequence

import numpy as np
from mlir import ir

from mindc import emit
from mindc.frontend import dtype as mdt
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.rules.base import RuleError, Sig
from mindc.sharding import annotations


class OpError(ValueError):
    """An op was called with operands or attributes its rule rejects.

    str() is `file:line:col: 'mind.op' message`, at the user's call; the parts are attributes.
    """

    def __init__(self, op_name: str, message: str, where: tuple[str, int, int] | None):
        self.op_name, self.message = op_name, message
        self.file, self.line, self.col = where or (None, 0, 0)
        prefix = f"{self.file}:{self.line}:{self.col}: " if self.file else ""
        super().__init__(f"{prefix}'{op_name}' {message}")


class ConcretizationError(TypeError):
    """A traced tensor's value was asked for (bool(), asnumpy(), ...) inside mindc.jit."""


def user_frame_position() -> tuple[str, int, int] | None:
    """(file, line, col) of the innermost Python frame outside the mindc package; col is 1-based."""
    frame = sys._getframe(1)
    while frame is not None and _in_package(frame):
        frame = frame.f_back
    if frame is None:
        return None
    code, line, col = frame.f_code, frame.f_lineno, 1
    # co_positions() has one entry per 2-byte instruction; f_lasti is the current one's offset.
    position = next(itertools.islice(code.co_positions(), frame.f_lasti // 2, None), None)
    if position is not None and position[2] is not None:
        line = position[0] or line
        col = position[2] + 1
    return code.co_filename, line, col


def _in_package(frame) -> bool:
    # By module name, not file path: paths may be relative or symlinked, names are not.
    name = frame.f_globals.get("__name__", "")
    return name == "mindc" or name.startswith("mindc.")


def location(where: tuple[str, int, int] | None) -> ir.Location:
    return ir.Location.file(*where) if where else ir.Location.unknown()


class Tracer(Tensor):
    """A tensor inside a trace: an ir.Value of a static shape and dtype, with Tensor's API."""

    def __init__(self, value: ir.Value, trace: "Trace"):
        self._value, self._trace = value, trace
        self._sig = Sig.of(value)

    @property
    def shape(self) -> tuple[int, ...]:
        return self._sig.shape

    @property
    def dtype(self) -> mdt.DType:
        return mdt.as_dtype(self._sig.dtype)

    def asnumpy(self):
        raise ConcretizationError(
            f"a traced tensor ({self._sig}) has no value inside mindc.jit; return it from the function instead")

    numpy = asnumpy

    def __bool__(self):
        # Converted code (frontend/convert.py) never gets here for if/while/for/and/or/not.
        raise ConcretizationError(
            f"Python control flow on a traced tensor ({self._sig}) needs graph-mode conversion: mindc.jit "
            "functions, Cell.construct and the functions they call are converted when their source is "
            "available; elsewhere use ops.select, or pass the value as a static Python argument")

    def __repr__(self) -> str:
        return f"Tracer(shape={list(self.shape)}, dtype={self.dtype})"

    __str__ = __repr__


class Trace:
    """A function body being recorded: ops go at the end of `block`, a func.func's entry block.

    Tensors the function uses but did not receive (closures, globals, Parameters) are:
    - in a nested trace (a function traced for mindc.grad inside another trace): captured, i.e.
      added as arguments, which the enclosing trace passes (lambda lifting);
    - at the root with `lift_tensors` (eager derivatives): captured too, so the compiled
      function reads their current values at every call instead of baking them in;
    - otherwise (the root of mindc.jit): mind.constant, once per trace; but a Parameter is
      always captured, so the compiled function reads and updates its current buffer.

    Assigning a Parameter (`ops.assign`, `set_data`) rebinds it: later reads in this trace see
    the new value, and `updates` lists the Parameters to write back when the function returns.
    """

    # Whether this trace records a region of an scf op (frontend/region.py) rather than a function.
    is_region = False

    def __init__(self, block: ir.Block, parent: "Trace | None" = None, lift_tensors: bool = False):
        self.block, self.parent, self.lift_tensors = block, parent, lift_tensors
        self._known: dict[int, tuple[Tensor, ir.Value]] = {}
        self.captured: list[Tensor] = []
        self.updates: dict[int, Parameter] = {}
        # The block argument each bound or captured tensor entered as, by id.
        self.arguments: dict[int, ir.BlockArgument] = {}

    @property
    def module_body(self) -> ir.Block:
        """The module's body: where functions traced inside this one go."""
        return self.block.owner.parent.regions[0].blocks[0]

    def bind(self, x: Tensor, value: ir.Value) -> None:
        """Make `value` stand for tensor x inside this trace (a Parameter's argument, say)."""
        self._known[id(x)] = (x, value)
        if isinstance(value, ir.BlockArgument):
            self.arguments.setdefault(id(x), value)

    def read(self, x: Tensor) -> "Tracer":
        """x's current value in this trace."""
        return Tracer(self.value_of(x, user_frame_position()), self)

    def assign(self, param: Parameter, value: Any) -> None:
        """Record `param = value` (cast to param's dtype; shapes must be equal, or both hold one
        element: MindSpore assigns a [1] value to a [] Parameter and the other way round)."""
        where = user_frame_position()
        if not isinstance(param, Parameter):
            raise OpError("assign", f"needs a Parameter to assign to, got {type(param).__name__}", where)
        value = value if isinstance(value, Tensor) else constant(value, param.dtype)
        if value.shape != param.shape and value.size == param.size == 1:
            value = apply("mind.reshape", [value], {"shape": param.shape})[0]
        if value.shape != param.shape:
            raise OpError("assign", f"Parameter '{param.name}' has shape {list(param.shape)}, "
                          f"the value has shape {list(value.shape)}", where)
        if value.dtype != param.dtype:
            value = apply("mind.cast", [value], {"dtype": param.dtype.mlir})[0]
        self.value_of(param, where)  # enter it as an argument first: that is the buffer to update
        self.bind(param, self.value_of(value, where))
        self.updates[id(param)] = param

    def value_of(self, x: Tensor, where) -> ir.Value:
        if isinstance(x, Tracer) and x._trace is self:
            return x._value
        known = self._known.get(id(x))
        if known is not None:
            return known[1]
        # Parameters and a Cell's buffers are state: arguments, read at every call, not constants.
        if self.parent is not None or self.lift_tensors or isinstance(x, Parameter) or getattr(x, "_is_buffer", False):
            if isinstance(x, Tracer) and self.parent is None:
                raise self._leak(x)
            value = self.block.add_argument(Sig(x.shape, x.dtype.mlir).to_type(), location(where))
            self.captured.append(x)
        elif isinstance(x, Tracer):
            raise self._leak(x)
        else:
            with ir.InsertionPoint(self.block), location(where):
                (value,) = emit.create("mind.constant", [], {"value": x.asnumpy()})
        self.bind(x, value)
        return value

    @staticmethod
    def _leak(x: "Tracer") -> ConcretizationError:
        if x._trace.is_region:
            return ConcretizationError(f"a tensor ({x._sig}) computed inside a graph-mode branch or loop body was "
                                       "used outside it; pass it on through a variable the branch or body assigns")
        return ConcretizationError(f"a tensor ({x._sig}) traced by another mindc.jit call leaked into this one; "
                                   "pass it as an argument instead")

    def emit(self, op_name: str, inputs: Sequence[Tensor], attrs: Mapping[str, Any], where) -> list[Tracer]:
        operands = [self.value_of(x, where) for x in inputs]
        with ir.InsertionPoint(self.block), location(where):
            results = emit.create(op_name, operands, attrs)
        if _STRATEGIES and _STRATEGIES[-1].fits(inputs):
            annotations.set_strategy(results[0].owner, _STRATEGIES[-1].take())
        return [Tracer(r, self) for r in results]


class _Strategy:
    """A primitive's sharding strategy (`P.MatMul().shard(...)`), waiting for the op it is for:
    the first op the primitive emits whose operands' ranks fit it."""

    def __init__(self, strategy: tuple[tuple[int, ...], ...]):
        self.strategy: tuple | None = strategy

    def fits(self, inputs: Sequence[Tensor]) -> bool:
        return self.strategy is not None and len(self.strategy) == len(inputs) and all(
            len(s) == len(x.shape) for s, x in zip(self.strategy, inputs))

    def take(self) -> tuple[tuple[int, ...], ...]:
        strategy, self.strategy = self.strategy, None
        return strategy


_STRATEGIES: list[_Strategy] = []


@contextlib.contextmanager
def op_strategy(strategy: tuple[tuple[int, ...], ...]):
    """The first fitting op traced inside the block carries `mind.strategy` (sharding/annotations.py)."""
    pending = _Strategy(strategy)
    _STRATEGIES.append(pending)
    try:
        yield pending
    finally:
        _STRATEGIES.pop()


_STACK: list[Trace] = []


def current_trace() -> Trace | None:
    return _STACK[-1] if _STACK else None


@contextlib.contextmanager
def tracing(trace: Trace):
    """Ops called inside the block are recorded into trace."""
    _STACK.append(trace)
    try:
        yield trace
    finally:
        _STACK.pop()


def apply(op_name: str, inputs: Sequence[Tensor], attrs: Mapping[str, Any] | None = None) -> list[Tensor]:
    """Apply a mind op to tensors: recorded inside a trace, else run as a compiled kernel.

    Raises OpError (a ValueError) at the caller's file:line:col if the op's rule rejects it.
    """
    attrs = dict(attrs or {})
    trace = current_trace()
    if trace is not None:
        where = user_frame_position()
        try:
            return trace.emit(op_name, inputs, attrs, where)
        except RuleError as e:
            raise OpError(op_name, str(e), where) from None
    for x in inputs:
        if isinstance(x, Tracer):
            raise ConcretizationError(f"a tensor ({x._sig}) traced by mindc.jit was used after its trace ended")
    from mindc.frontend import eager

    try:
        arrays = eager.run(op_name, [x.asnumpy() for x in inputs], attrs)
    except RuleError as e:
        raise OpError(op_name, str(e), user_frame_position()) from None
    return [Tensor._wrap(a) for a in arrays]


def constant(value: Any, dtype: mdt.DType) -> Tensor:
    """A concrete tensor of `value` in `dtype` (inside a trace it becomes a mind.constant)."""
    return Tensor._wrap(np.asarray(value, dtype=dtype.numpy))
