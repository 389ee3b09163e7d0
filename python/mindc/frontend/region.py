"""Tracing into the regions of scf ops, and the values that cross them.

A RegionTrace records ops into one block of an scf op (a branch, a loop's condition or body).
Blocks see the values of the blocks around them (SSA dominance), so a Tracer of an enclosing
trace is used as it is. Tensors that are not traced resolve through the function's trace (a
Parameter or captured tensor becomes an argument of the func entry block, which dominates
everything); plain tensors become a mind.constant in the region itself. Nothing is ever added
to an enclosing block while a region is traced: the scf op already stands there.

Variables that cross a region boundary (an if's results, a loop's carried values) may be
tensors, Python values, or tuples, lists and dicts of them. `Template`s describe such a value
with its tensors taken out, so the tensors can become scf operands and results.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Callable, Sequence

import numpy as np
from mlir import ir
from mlir.dialects import arith
from mlir.dialects import tensor as tensor_d

from mindc import emit
from mindc.frontend import dtype as mdt
from mindc.frontend.convert import GraphSyntaxError, GraphTypeError
from mindc.frontend.liveness import RETURN
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import ConcretizationError, Trace, Tracer, location
from mindc.rules.base import Sig


class RegionTrace(Trace):
    """Ops recorded into `block`, a block of an scf op built inside the trace `outer`."""

    is_region = True

    def __init__(self, block: ir.Block, outer: Trace):
        super().__init__(block, None)
        self.outer = outer
        self.function: Trace = outer.function if isinstance(outer, RegionTrace) else outer
        # This trace and the traces around it, up to and including the function's.
        self.chain: list[Trace] = [self, *(outer.chain if isinstance(outer, RegionTrace) else [outer])]

    @property
    def module_body(self) -> ir.Block:
        return self.function.module_body

    def value_of(self, x: Tensor, where) -> ir.Value:
        if isinstance(x, Tracer):
            if any(x._trace is t for t in self.chain):
                return x._value
            if not self._encloses(x._trace):
                raise ConcretizationError(
                    f"a tensor ({x._sig}) computed inside another branch or loop body was used here; "
                    "graph-mode branches and loop bodies pass values on only through the variables they assign")
            # A tensor of a function this one is nested in: the function trace captures it.
            return self.function.value_of(x, where)
        for t in self.chain:
            known = t._known.get(id(x))
            if known is not None:
                return known[1]
        f = self.function
        if isinstance(x, Parameter) or f.parent is not None or f.lift_tensors:
            return f.value_of(x, where)
        with ir.InsertionPoint(self.block), location(where):
            (value,) = emit.create("mind.constant", [], {"value": x.asnumpy()})
        self.bind(x, value)
        return value

    def _encloses(self, trace: Trace) -> bool:
        t = self.function.parent
        while t is not None:
            if t is trace:
                return True
            if isinstance(t, RegionTrace):
                if any(trace is c for c in t.chain):
                    return True
                t = t.function
            t = t.parent
        return False


def label(name: str) -> str:
    """How messages name a variable (the converter's return variable is the returned value)."""
    return "the returned value" if name == RETURN else f"'{name}'"


def syntax_error(message: str, where) -> GraphSyntaxError:
    return GraphSyntaxError(message, *(where[:2] if where else (None, None)))


# ---- scalars for scf operands
def condition(trace: Trace, cond: Tensor, what: str, where) -> ir.Value:
    """The i1 of a one-element tensor condition (nonzero is true), in trace's block."""
    from mindc import ops

    if cond.size != 1:
        raise GraphTypeError(f"the condition of this {what} is a tensor of shape {list(cond.shape)}; "
                             "a graph-mode condition must have exactly one element", where)
    if cond.shape:
        cond = ops.reshape(cond, ())
    if cond.dtype is not mdt.bool_:
        cond = ops.not_equal(cond, 0)
    value = trace.value_of(cond, where)
    with ir.InsertionPoint(trace.block), location(where):
        return tensor_d.extract(value, [])


def index(trace: Trace, bound: Any, where) -> ir.Value:
    """An index value of a Python int or a one-element integer tensor, in trace's block."""
    from mindc import ops

    with ir.InsertionPoint(trace.block), location(where):
        if not isinstance(bound, Tensor):
            return arith.constant(ir.IndexType.get(), int(bound))
    if bound.size != 1 or not bound.dtype.is_int:
        raise GraphTypeError(f"range() bounds must be integers; got a {bound.dtype} tensor of shape "
                             f"{list(bound.shape)}", where)
    if bound.shape:
        bound = ops.reshape(bound, ())
    value = trace.value_of(bound, where)
    with ir.InsertionPoint(trace.block), location(where):
        return arith.index_cast(ir.IndexType.get(), tensor_d.extract(value, []))


def index_tensor(trace: Trace, value: ir.Value, dtype: mdt.DType, where) -> Tracer:
    """A 0-d tensor of dtype holding the index value."""
    element = ir.IntegerType.get_signless(int(dtype.mlir[1:]))
    with ir.InsertionPoint(trace.block), location(where):
        scalar = arith.index_cast(element, value)
        return Tracer(tensor_d.from_elements(ir.RankedTensorType.get([], element), [scalar]), trace)


# ---- structured values
class Undefined:
    """The value of a variable not (yet) assigned on this path; any use of it is an error."""

    def __init__(self, name: str):
        self.name = name

    def _fail(self, *args, **kwargs):
        raise UnboundLocalError(f"local variable '{self.name}' is not assigned on this path")

    __bool__ = __call__ = __iter__ = __len__ = __getitem__ = __add__ = __radd__ = __sub__ = __rsub__ = _fail
    __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __matmul__ = __neg__ = __index__ = __float__ = _fail

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        self._fail()

    def __repr__(self) -> str:
        return f"<unassigned '{self.name}'>"


@dataclasses.dataclass
class Template:
    """A value with its tensors taken out. kind: 'tensor' (sig), 'static' (value),
    'seq' (value: the sequence type, children) or 'dict' (value: the keys, children)."""

    kind: str
    value: Any = None
    children: list["Template"] = dataclasses.field(default_factory=list)
    sig: Sig | None = None

    def build(self, leaves) -> Any:
        """The value, its tensors taken in order from the iterator leaves."""
        if self.kind == "tensor":
            return next(leaves)
        if self.kind == "static":
            return self.value
        items = [c.build(leaves) for c in self.children]
        if self.kind == "dict":
            return dict(zip(self.value, items))
        if hasattr(self.value, "_fields"):
            return self.value(*items)
        return self.value(items)


def is_number(x: Any) -> bool:
    return mdt.scalar_kind(x) is not None and not isinstance(x, np.ndarray)


def same(a: Any, b: Any) -> bool:
    """Whether two Python values are interchangeable in a graph (equal, and of one type)."""
    if a is b:
        return True
    if type(a) is not type(b) or isinstance(a, (Undefined, Tensor)):
        return False
    if isinstance(a, np.ndarray):
        return a.shape == b.shape and a.dtype == b.dtype and bool(np.array_equal(a, b))
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


def sig_text(x: Tensor) -> str:
    return f"a {x.dtype} tensor of shape {list(x.shape)}"


def describe(x: Any) -> str:
    if isinstance(x, Tensor):
        return sig_text(x)
    if isinstance(x, Undefined):
        return "unassigned"
    if isinstance(x, (tuple, list)):
        return f"a {type(x).__name__} of {len(x)}"
    return repr(x)


class Mismatch(Exception):
    """Two values of one variable that cannot be joined; the message says how they differ."""


def join(values: Sequence[Any], found: list, choose: Callable[[list], Any] | None = None) -> Template:
    """The template of a variable whose value is values[k] on path k; appends a tuple of the
    values' leaves to found for each tensor (some may be Python numbers to broadcast; numbers
    that differ become a 0-d tensor, as in a loop). Callables that differ join as choose(values)
    where given. Raises Mismatch."""
    first = values[0]
    if any(isinstance(v, Tensor) for v in values) or \
            all(is_number(v) for v in values) and not all(same(first, v) for v in values):
        if all(isinstance(v, Tensor) or is_number(v) for v in values):
            found.append(tuple(values))
            return Template("tensor")
        raise Mismatch(differ(values))
    if isinstance(first, (tuple, list)) and all(type(v) is type(first) and len(v) == len(first) for v in values):
        return Template("seq", type(first), [join([v[i] for v in values], found, choose) for i in range(len(first))])
    if isinstance(first, dict) and all(isinstance(v, dict) and list(v) == list(first) for v in values):
        return Template("dict", list(first), [join([v[k] for v in values], found, choose) for k in first])
    if all(same(first, v) for v in values):
        return Template("static", first)
    if choose is not None and all(callable(v) for v in values):
        return Template("static", choose(list(values)))
    raise Mismatch(differ(values) + "; only tensors and numbers may differ")


def differ(values: Sequence[Any]) -> str:
    """How the values of one variable on the paths of a branch op differ, in words."""
    if len(values) == 2:
        return f"{describe(values[0])} in the first branch and {describe(values[1])} in the second"
    return ", ".join(f"{describe(v)} in case {k}" for k, v in enumerate(values))


def number_dtype(*numbers: Any) -> mdt.DType:
    """The dtype of a 0-d tensor holding any of the Python numbers."""
    order = ["bool", "int", "float"]
    return mdt.default_dtype(max((mdt.scalar_kind(x) for x in numbers), key=order.index))


def joined_sig(values: Sequence[Any]) -> Sig:
    """The shape and dtype of joined tensors or numbers (join): the first tensor's."""
    for x in values:
        if isinstance(x, Tensor):
            return Sig(x.shape, x.dtype.mlir)
    return Sig((), number_dtype(*values).mlir)


def tensor_like(value: Any, sig: Sig) -> Tensor:
    """value, a tensor or a Python number, as a tensor; a number is broadcast to sig's shape
    and dtype (in the current trace)."""
    from mindc import ops

    return value if isinstance(value, Tensor) else ops.fill(mdt.as_dtype(sig.dtype), sig.shape, value)


def placeholder(value: Any) -> Any:
    """value with its tensors replaced by 0: what the returned value is on a path that has not
    returned yet (jumps.py), where the returned flag guarantees nobody reads it."""
    if isinstance(value, Tensor):
        return 0
    if isinstance(value, (tuple, list)):
        items = [placeholder(x) for x in value]
        return value._make(items) if hasattr(value, "_fields") else type(value)(items)
    if isinstance(value, dict):
        return {k: placeholder(v) for k, v in value.items()}
    return value


def zeros(template: Template) -> Any:
    """The value of template (with sigs, from leaves_of) with zero tensors."""
    from mindc import ops

    leaves = [ops.fill(mdt.as_dtype(t.sig.dtype), t.sig.shape, 0) for t in _tensor_templates(template)]
    return template.build(iter(leaves))


def _tensor_templates(template: Template) -> list[Template]:
    if template.kind == "tensor":
        return [template]
    return [t for c in template.children for t in _tensor_templates(c)]


def leaves_of(value: Any, template_out: list) -> list[Tensor]:
    """The tensors of value in order; template_out gets its Template."""
    leaves: list[Tensor] = []

    def walk(v):
        if isinstance(v, Tensor):
            leaves.append(v)
            return Template("tensor", sig=Sig(v.shape, v.dtype.mlir))
        if isinstance(v, (tuple, list)):
            return Template("seq", type(v), [walk(x) for x in v])
        if isinstance(v, dict):
            return Template("dict", list(v), [walk(v[k]) for k in v])
        return Template("static", v)

    template_out.append(walk(value))
    return leaves


def wrap(values: list[ir.Value], trace: Trace) -> list[Tracer]:
    return [Tracer(v, trace) for v in values]


def in_region(trace: Trace, fn: Callable, *args) -> Any:
    from mindc.frontend.trace import tracing

    with tracing(trace):
        return fn(*args)
