"""PyNative execution: one mind op on concrete arrays, through a compiled single-op kernel.

Kernels are cached by (op name, attributes, input shapes and dtypes): the first call of a new
signature compiles (tens of milliseconds), later ones are a native call. Nothing here computes
an op's result itself.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any, Mapping, NamedTuple, Sequence

import numpy as np
from mlir import ir

from mindc import diag, emit
from mindc.ir import make_context
from mindc.pipelines import codegen_options
from mindc.rules.base import Sig, dtype_of_numpy

_CONTEXT: ir.Context | None = None


def context() -> ir.Context:
    """The MLIR context the frontend builds and compiles in (one per process)."""
    global _CONTEXT
    if _CONTEXT is None:
        _CONTEXT = make_context()
    return _CONTEXT


class CacheInfo(NamedTuple):
    """Like functools' cache_info(): hits, misses, maxsize and current size of a compile cache."""

    hits: int
    misses: int
    maxsize: int | None
    currsize: int


class KernelCache:
    """An LRU map from kernel keys to compiled functions (each holds a JIT-ed module)."""

    def __init__(self, maxsize: int):
        self.maxsize = maxsize
        self._entries: OrderedDict = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key):
        fn = self._entries.get(key)
        if fn is None:
            self.misses += 1
        else:
            self.hits += 1
            self._entries.move_to_end(key)
        return fn

    def peek(self, key):
        """The entry for key, or None, without counting a hit or a miss."""
        return self._entries.get(key)

    def touch(self, key) -> None:
        """Count a hit on key, found by the caller by other means, and mark it recently used."""
        self.hits += 1
        self._entries.move_to_end(key)

    def put(self, key, fn) -> bool:
        """Add an entry; True if the least recently used one was evicted to make room."""
        self._entries[key] = fn
        if len(self._entries) > self.maxsize:
            self._entries.popitem(last=False)
            return True
        return False

    def info(self) -> CacheInfo:
        return CacheInfo(self.hits, self.misses, self.maxsize, len(self._entries))

    def clear(self) -> None:
        self._entries.clear()
        self.hits = self.misses = 0


KERNELS = KernelCache(maxsize=1024)


def freeze(value: Any):
    """A hashable stand-in for an attribute value (arrays by bytes, lists as tuples)."""
    if isinstance(value, np.ndarray):
        return ("ndarray", value.shape, value.dtype.str, value.tobytes())
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    return value


def run(op_name: str, arrays: Sequence[np.ndarray], attrs: Mapping[str, Any]) -> list[np.ndarray]:
    """op_name applied to arrays; RuleError if the op's rule rejects them."""
    # Keyed by numpy shapes and dtypes: Sigs cost more to build than the kernel takes to run.
    key = (op_name, tuple(sorted((k, freeze(v)) for k, v in attrs.items())) if attrs else (),
           tuple([(a.shape, a.dtype) for a in arrays]), codegen_options())
    fn = KERNELS.get(key)
    if fn is None:
        sigs = tuple(Sig(a.shape, dtype_of_numpy(a.dtype)) for a in arrays)
        fn = compile_kernel(op_name, sigs, attrs)
        KERNELS.put(key, fn)
    return fn(*arrays)


def compile_kernel(op_name: str, sigs: Sequence[Sig], attrs: Mapping[str, Any]):
    from mindc.runtime.engine import Executable

    ctx = context()
    with ctx, diag.Collector(ctx) as collector:
        module = emit.single_op_module(op_name, sigs, attrs)
        return Executable(module, collector).function("main")


def kernel_cache_info() -> CacheInfo:
    """Hits and misses of the eager kernel cache."""
    return KERNELS.info()
