"""mindc.jit: trace a Python function into a func.func of mind ops, compile it once per input
signature, and call it natively.

    step = mindc.jit(fn)
    print(step.lower(x, y).as_text("mind"))   # or "linalg", "llvm"
    out = step(x, y)                           # compiled once per shapes/dtypes/static args

Tensor arguments (also inside tuples, lists and dicts) become the function's arguments; every
other argument is static: part of the cache key, baked into the trace. Results mirror the
function's: tensors come back as Tensors, other (static) values as they were returned.
"""
from __future__ import annotations

import functools
import re
from typing import Any, Callable, Sequence

import numpy as np
from mlir import ir
from mlir.dialects import func

from mindc import diag
from mindc.frontend import eager
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import Trace, Tracer, current_trace, location, tracing
from mindc.passes.c_interface import UPDATES
from mindc.pipelines import codegen_options
from mindc.rules.base import Sig
from mindc.sharding import annotations

# ---- argument structure: specs are hashable descriptions with the tensors taken out.
_TENSOR = "tensor"


def flatten(value: Any, leaves: list[Tensor]):
    """The spec of value; its tensors (numpy arrays included) are appended to leaves."""
    if isinstance(value, Tensor):
        leaves.append(value)
        return _TENSOR
    if isinstance(value, np.ndarray):
        leaves.append(Tensor.from_numpy(value))
        return _TENSOR
    if isinstance(value, (tuple, list)):
        return (type(value).__name__, tuple(flatten(v, leaves) for v in value))
    if isinstance(value, dict):
        keys = tuple(value)
        return ("dict", keys, tuple(flatten(value[k], leaves) for k in keys))
    try:
        hash(value)
    except TypeError:
        raise TypeError(f"a mindc.jit argument or result of type {type(value).__name__} is neither a tensor "
                        "nor a hashable static value") from None
    # The type is part of the key: 1, 1.0 and True are equal but trace differently.
    return ("static", type(value), value)


def unflatten(spec, leaves) -> Any:
    """Rebuild the value of a spec, taking its tensors from the iterator leaves."""
    if spec == _TENSOR:
        return next(leaves)
    kind = spec[0]
    if kind == "static":
        return spec[2]
    if kind == "dict":
        return {k: unflatten(s, leaves) for k, s in zip(spec[1], spec[2])}
    items = [unflatten(s, leaves) for s in spec[1]]
    return tuple(items) if kind == "tuple" else items


def signature(args: tuple, kwargs: dict) -> tuple[Any, list[Tensor], tuple[Sig, ...]]:
    """The spec of (args, kwargs), their tensors, and the tensors' signatures: the cache key."""
    leaves: list[Tensor] = []
    spec = flatten((args, kwargs), leaves)
    for x in leaves:
        if isinstance(x, Tracer):
            raise TypeError("a traced tensor was passed to mindc.jit outside its trace")
    return spec, leaves, tuple(Sig(x.shape, x.dtype.mlir) for x in leaves)


def symbol_for(fn: Callable) -> str:
    name = re.sub(r"\W", "_", getattr(fn, "__name__", "") or "main")
    return name if name and not name[0].isdigit() else "_" + name


def trace_function(fn: Callable, spec, sigs: list[Sig], name: str, lift_tensors: bool = False) -> "Traced":
    """A module with one public function `name` recording fn on tracers of sigs.

    Its arguments are the tensors of spec, then the tensors fn captured (Parameters always;
    every tensor with lift_tensors). Parameters fn assigned come back as extra results marked
    `mind.updates = <argument index>`: mind-update-in-place writes them into those arguments.
    """
    with eager.context(), ir.Location.unknown():
        module = ir.Module.create()
        f, traced = trace_into(module.body, fn, spec, sigs, name, None, lift_tensors=lift_tensors)
        del f.attributes["sym_visibility"]
        if traced.updates:
            users = len(f.type.results) - len(traced.updates)
            marks = [{} for _ in range(users)]
            marks += [{UPDATES: ir.IntegerAttr.get(ir.IntegerType.get_signless(64), i)} for i in traced.update_args]
            f.attributes["res_attrs"] = ir.ArrayAttr.get([ir.DictAttr.get(m) for m in marks])
        # Parameters with a layout from Cell.shard's parameter_plan (parallel/_shard.py).
        planned = {len(sigs) + i: x._strategy for i, x in enumerate(traced.captured)
                   if getattr(x, "_strategy", None) is not None}
        if planned:
            annotations.set_arg_strategies(f, planned)
    traced.module = module
    return traced


class Traced:
    """What tracing a function produced besides its func.func: the structure of its outputs,
    the tensors it captured (its trailing arguments), and the Parameters it assigned (its
    trailing results, in order), with the index of each one's argument."""

    def __init__(self, out_spec, captured: list[Tensor], updates: list[Tensor], update_args: list[int]):
        self.out_spec, self.captured, self.updates, self.update_args = out_spec, captured, updates, update_args
        self.module: ir.Module | None = None


def trace_into(body: ir.Block, fn: Callable, spec, sigs: list[Sig], name: str, parent: Trace | None,
               bound: Sequence[tuple[Tensor, Sig]] = (), lift_tensors: bool = False):
    """Trace fn into a new private func.func `name` at the end of the module `body`.

    Its arguments: the tensors of spec (sigs), then one per `bound` tensor (a Parameter the
    function reads, standing for itself), then the tensors it captured. Its results: fn's
    output tensors, then the final value of each Parameter it assigned. Returns the function
    and its Traced.
    """
    from mindc.frontend.convert import convert

    code = getattr(fn, "__code__", None)
    fn_loc = (code.co_filename, code.co_firstlineno, 1) if code else None
    # Python control flow on tensors becomes scf ops (a no-op for converted functions).
    fn = convert(fn)
    with location(fn_loc):
        with ir.InsertionPoint(body):
            f = func.FuncOp(name, ([s.to_type() for s in [*sigs, *(b for _, b in bound)]], []), visibility="private")
            block = f.add_entry_block()
        t = Trace(block, parent, lift_tensors=lift_tensors)
        for (x, _), arg in zip(bound, list(block.arguments)[len(sigs):]):
            t.bind(x, arg)
        args, kwargs = unflatten(spec, iter([Tracer(a, t) for a in list(block.arguments)[:len(sigs)]]))
        with tracing(t):
            out = fn(*args, **kwargs)
            leaves: list[Tensor] = []
            out_spec = flatten(out, leaves)
            updates = list(t.updates.values())
            results = [t.value_of(x, fn_loc) for x in [*leaves, *updates]]
        with ir.InsertionPoint(block):
            func.ReturnOp(results)
        f.attributes["function_type"] = ir.TypeAttr.get(
            ir.FunctionType.get([a.type for a in block.arguments], [r.type for r in results]))
    return f, Traced(out_spec, t.captured, updates, [t.arguments[id(p)].arg_number for p in updates])


class Lowered:
    """A traced function: its mind IR, printable at each stage, and compilable."""

    def __init__(self, traced: Traced, name: str, in_spec, in_sigs: tuple[Sig, ...]):
        self.module, self.name = traced.module, name
        self.in_spec, self.in_sigs, self.out_spec = in_spec, in_sigs, traced.out_spec
        # Tensors passed after the arguments at every call; the Parameters among them that the
        # function assigns are updated in place.
        self.captured = traced.captured
        # The Parameters it assigns, in place.
        self.updates = traced.updates

    def as_text(self, stage: str = "mind", *, debug_info: bool = False) -> str:
        """The module at stage "mind" (as traced), "linalg" or "llvm"; text mind-opt reads back.
        debug_info prints locations: each op's Python file:line:col."""
        from mindc.compiler import run
        from mindc.pipelines import STAGES

        if stage not in STAGES:
            raise ValueError(f"unknown stage '{stage}'; stages are {', '.join(STAGES)}")
        ctx = eager.context()
        with ctx, diag.Collector(ctx) as collector:
            module = self._clone()
            if STAGES[stage]:
                run(module, STAGES[stage], collector, f"lowering to {stage}")
            return module.operation.get_asm(enable_debug_info=debug_info)

    def compile(self) -> "Compiled":
        return Compiled(self)

    def _clone(self) -> ir.Module:
        # Lowering rewrites a module in place; the traced one stays as it is. Printing with debug
        # info keeps each op's location for the diagnostics of later stages.
        return ir.Module.parse(self.module.operation.get_asm(enable_debug_info=True), eager.context())


class Compiled:
    """A lowered function compiled for the CPU; calling it takes and returns the tensors' structure."""

    def __init__(self, lowered: Lowered):
        from mindc.compiler import run
        from mindc.parallel._partition import partition_plan
        from mindc.runtime.engine import Executable
        from mindc.runtime.sharded import ShardedFunction

        self.lowered = lowered
        self._fast: tuple | None = None  # _fast_key of arguments that passed the signature check
        ctx = eager.context()
        with ctx, diag.Collector(ctx) as collector:
            module = lowered._clone()
            plan = partition_plan()
            if plan is not None:
                # Split over the job's devices: each rank runs its piece (runtime/sharded.py).
                f = _public_function(module, lowered.name)
                whole = f.type
                pieces = [plan.input_strategy(s) for s in lowered.in_sigs]
                local = {i: p for i, p in enumerate(pieces) if p is not None}
                annotations.set_arg_strategies(f, local)
                run(module, list(plan.passes), collector, "partitioning for the devices")
                sharded = ShardedFunction(_public_function(module, lowered.name), whole, plan.grid, set(local))
            self._fn = Executable(module, collector).function(lowered.name)
            if plan is not None:
                sharded.fn, self._fn = self._fn, sharded
        self._sharded = plan is not None
        self._updated = [x for x in lowered.updates if isinstance(x, Parameter)]

    def __call__(self, *args, **kwargs) -> Any:
        """Run on arguments of the signature it was lowered for; TypeError for any other."""
        fast = _fast_key(args) if not kwargs else None
        if fast is not None and fast == self._fast:
            return self.call_flat(args)
        spec, leaves, sigs = signature(args, kwargs)
        if (spec, sigs) != (self.lowered.in_spec, self.lowered.in_sigs):
            raise TypeError(f"@{self.lowered.name} was compiled for other arguments: tensors "
                            f"{', '.join(map(str, self.lowered.in_sigs)) or 'none'}, got {', '.join(map(str, sigs)) or 'none'}")
        # Plain tensors of these shapes and dtypes always pass the check above.
        self._fast = fast
        return self.call_flat(leaves)

    def call_flat(self, leaves: Sequence[Tensor]) -> Any:
        """Run on the argument tensors in flattened order (their signature already checked)."""
        if self._sharded:
            arrays = self._fn([x._array for x in leaves], self.lowered.captured)
        else:
            arrays = self._fn(*[x._array for x in leaves], *[x._array for x in self.lowered.captured])
            for p in self._updated:
                # Written in place whole: a piece a partitioned program kept is out of date.
                p.__dict__["_pieces"] = None
        if self.lowered.out_spec == _TENSOR:
            return Tensor._wrap(arrays[0])
        return unflatten(self.lowered.out_spec, iter([Tensor._wrap(a) for a in arrays]))


def _traced_sigs(sigs: tuple[Sig, ...]) -> tuple[Sig, ...]:
    """The signature a function is traced for: its arguments', or in a parallel program whose
    ranks each pass a shard of the batch, the whole batch's (parallel/_partition.py)."""
    from mindc.parallel._partition import partition_plan

    plan = partition_plan()
    return sigs if plan is None else plan.global_sigs(sigs)


def _public_function(module: ir.Module, name: str) -> func.FuncOp:
    return next(op for op in module.body.operations if isinstance(op, func.FuncOp) and op.sym_name.value == name)


class Jitted:
    """fn, compiled once per input signature (tensor shapes and dtypes plus static arguments).

    Its Python control flow on tensors is converted to graph form first (frontend/convert.py).
    `key`, if given, is called at each call for more of the cache key (a Cell's training mode);
    `name` is the compiled function's symbol (fn's name by default).
    """

    def __init__(self, fn: Callable, maxsize: int = 128, key: Callable[[], Any] | None = None,
                 name: str | None = None):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self._key, self._name = key, symbol_for(fn) if name is None else name
        self._graph_fn: Callable | None = None
        self._cache = eager.KernelCache(maxsize)
        # Calls whose arguments are all plain tensors, positionally: {(shape, dtype of each, more
        # key): (cache key, Compiled)}. Such a call's full key follows from these alone, so it
        # skips flattening and building Sigs. Holds only entries of _cache (cleared when it evicts).
        self._fast: dict = {}

    def __call__(self, *args, **kwargs):
        if current_trace() is not None:
            # Inside another jit's trace: inline, the outer function is compiled as a whole.
            return self._graph()(*args, **kwargs)
        return self.call(args, kwargs)

    def call(self, args: tuple, kwargs: dict) -> Any:
        """Run on args and kwargs outside any trace, compiling first for a new signature."""
        fast = _fast_key(args) if not kwargs else None
        if fast is not None:
            fast = (fast, codegen_options(), self._key() if self._key is not None else None)
            hit = self._fast.get(fast)
            if hit is not None:
                self._cache.touch(hit[0])
                return hit[1].call_flat(args)
        spec, leaves, sigs = signature(args, kwargs)
        key = self._cache_key(spec, sigs)
        compiled = self._cache.get(key)
        if compiled is None:
            compiled = self._lower(spec, _traced_sigs(sigs)).compile()
            if self._cache.put(key, compiled):
                self._fast.clear()
        if fast is not None:
            self._fast[fast] = (key, compiled)
        return compiled.call_flat(leaves)

    def _cache_key(self, spec, sigs) -> "_Key":
        return _Key((spec, sigs, codegen_options(), self._key() if self._key is not None else None))

    def _graph(self) -> Callable:
        if self._graph_fn is None:
            from mindc.frontend.convert import convert

            self._graph_fn = convert(self.fn)
        return self._graph_fn

    def lower(self, *args, **kwargs) -> Lowered:
        """The traced function for these arguments (not compiled, and not counted in cache_info)."""
        spec, _, sigs = signature(args, kwargs)
        cached = self._cache.peek(self._cache_key(spec, sigs))
        return cached.lowered if cached is not None else self._lower(spec, _traced_sigs(sigs))

    def _lower(self, spec, sigs) -> Lowered:
        return Lowered(trace_function(self._graph(), spec, list(sigs), self._name), self._name, spec, sigs)

    def cache_info(self) -> eager.CacheInfo:
        """hits, misses, maxsize, currsize of the compile cache (as functools.lru_cache reports)."""
        return self._cache.info()

    def cache_clear(self) -> None:
        self._cache.clear()
        self._fast.clear()

    def __get__(self, instance, owner=None):
        # Decorating a method: bind the instance, which is then a static argument.
        return self if instance is None else functools.partial(self, instance)


# Tensor types whose values are their `_array` (Tracers, which also subclass Tensor, are not).
_PLAIN = frozenset({Tensor, Parameter})


def _fast_key(args: tuple) -> tuple | None:
    """The shapes and dtypes of args if all are plain tensors, else None."""
    key = []
    for x in args:
        if type(x) not in _PLAIN:
            return None
        array = x._array
        key += (array.shape, array.dtype)
    return tuple(key)


class _Key:
    """A compile-cache key that hashes once: its Sigs hash in Python, and a hit on the fast path
    touches the cache by key."""

    __slots__ = ("value", "_hash")

    def __init__(self, value: tuple):
        self.value, self._hash = value, hash(value)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other) -> bool:
        return isinstance(other, _Key) and self.value == other.value


# MindSpore's jit settings. They choose between MindSpore's own graph capturers and backends;
# mindc has one of each (source conversion, then tracing; the MLIR CPU pipeline), so a program
# may name any valid value and gets that.
_JIT_CHOICES = {"capture_mode": ("ast", "bytecode", "trace"), "jit_level": ("O0", "O1", "O2"), "dynamic": (0, 1),
                "fullgraph": (False, True), "backend": ("", "ms_backend", "GE")}
_BACKEND_OPTIONS = ("ge_options", "infer_boost", "exec_order")


def jit(function: Callable | None = None, *, capture_mode: str = "ast", jit_level: str = "O0", dynamic: int = 0,
        fullgraph: bool = False, backend: str = "", **options) -> Jitted | Callable[[Callable], Jitted]:
    """Compile `function` with mindc (`mindc.jit(fn)`, `@mindc.jit` or `@mindc.jit(...)` with
    MindSpore's keyword arguments)."""
    chosen = {"capture_mode": capture_mode, "jit_level": jit_level, "dynamic": dynamic, "fullgraph": fullgraph,
              "backend": backend}
    for name, value in chosen.items():
        if value not in _JIT_CHOICES[name]:
            raise ValueError(f"For 'jit', '{name}' must be one of {_JIT_CHOICES[name]}, got {value!r}")
    unknown = sorted(set(options) - set(_BACKEND_OPTIONS))
    if unknown:
        raise TypeError(f"mindc.jit got unsupported options: {', '.join(unknown)}")
    if function is None:
        return jit
    return Jitted(function)
