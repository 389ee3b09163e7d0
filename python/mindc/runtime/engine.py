"""Execute compiled modules on the CPU: ExecutionEngine, memref descriptors, numpy in and out.

Public functions are called through their C interface (`llvm.emit_c_interface`): the result
descriptor pointer first, then one descriptor pointer per input. Returned buffers are fresh
allocations the caller owns (see pipelines.LINALG_TO_LLVM), so they become numpy arrays without
a copy and are freed when the last array viewing them dies.

A memref descriptor of rank r is 3 + 2r int64 words: allocated, aligned, offset, sizes[r],
strides[r] (in elements).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

import mlir
import numpy as np
from mlir import ir
from mlir.execution_engine import ExecutionEngine

from mindc import diag
from mindc.compiler import CompileError, run
from mindc.ir import mind_ops
from mindc.passes.c_interface import ENTRY_POINTS
from mindc.pipelines import STAGES
from mindc.rules.base import Sig, numpy_dtype

_LIBC = ctypes.CDLL(ctypes.util.find_library("c"))
_LIBC.free.argtypes = [ctypes.c_void_p]


def runtime_library(name: str) -> str:
    """Path of one of MLIR's runtime libraries shipped in the `mlir` package."""
    for root in mlir.__path__:
        path = Path(root) / "lib" / name
        if path.exists():
            return str(path)
    raise FileNotFoundError(f"{name} not found under {list(mlir.__path__)}")


@functools.cache
def load_async_runtime() -> None:
    """Load MLIR's async runtime into the process once, for the code of parallel loops.

    Not as an ExecutionEngine shared library: an engine calls the library's
    `__mlir_execution_engine_destroy` when it dies, which tears down the process-wide runtime
    and its thread pool under every other engine still using it (the eager kernel cache drops
    engines all the time). Loaded globally instead, the JIT finds its functions in the process,
    and the one runtime, with its one pool of worker threads, lives as long as the process.
    """
    ctypes.CDLL(runtime_library("libmlir_async_runtime.so"), mode=ctypes.RTLD_GLOBAL)


@dataclass(frozen=True)
class Signature:
    inputs: tuple[Sig, ...]
    outputs: tuple[Sig, ...]

    @staticmethod
    def of(function_type: ir.FunctionType) -> "Signature":
        return Signature(tuple(Sig.of(t) for t in function_type.inputs), tuple(Sig.of(t) for t in function_type.results))


class ArgumentError(ValueError):
    """Inputs that do not match a function's signature."""


class Executable:
    """A module compiled for the CPU; call(name, *arrays) runs one of its public functions."""

    def __init__(self, module: ir.Module, collector: diag.Collector, opt_level: int = 2):
        if _needs_lowering(module):
            run(module, STAGES["llvm"], collector, "lowering to LLVM")
        if ENTRY_POINTS not in module.operation.attributes:
            raise CompileError(f"the module has no '{ENTRY_POINTS}': lower it with mind-c-interface")
        entries = ir.DictAttr(module.operation.attributes[ENTRY_POINTS])
        self.signatures = {a.name: Signature.of(ir.FunctionType(ir.TypeAttr(a.attr).value)) for a in entries}
        load_async_runtime()
        self.engine = ExecutionEngine(module, opt_level=opt_level,
                                      shared_libs=[runtime_library("libmlir_c_runner_utils.so"), *_mpi_libraries(module)])
        self._functions = {}

    def function(self, name: str) -> "Function":
        if name not in self.signatures:
            raise ArgumentError(f"no public function @{name}; the module has {', '.join('@' + n for n in self.signatures)}")
        if name not in self._functions:
            self._functions[name] = Function(self, name, self.signatures[name])
        return self._functions[name]

    def call(self, name: str, *arrays: np.ndarray) -> list[np.ndarray]:
        return self.function(name)(*arrays)


class Function:
    """One public function: checks and converts inputs, calls the packed C interface.

    A call costs about a microsecond plus ~0.1 µs per input when the inputs already are
    C-contiguous arrays of the declared shapes and dtypes: descriptors are filled once per
    function (shapes are static) and an input's address is only looked up again when a
    different array object comes in that slot. Anything else goes through `convert`.
    """

    def __init__(self, exe: Executable, name: str, sig: Signature):
        self.exe, self.name, self.sig = exe, name, sig
        self._packed = exe.engine.lookup(name)
        # Per input: (shape, dtype, strides of a C-contiguous array, index of its descriptor's
        # `allocated` word in an _ArgBlock's input words).
        self._inputs, at = [], 0
        for s in sig.inputs:
            dtype = numpy_dtype(s.dtype)
            self._inputs.append((s.shape, dtype, _contiguous_strides(s.shape, dtype.itemsize), at))
            at += _words(s.rank)
        # Per result: (index of its `allocated` word in the result words, shape, dtype, owner type).
        self._outputs, at = [], 0
        for s in sig.outputs:
            dtype = numpy_dtype(s.dtype)
            self._outputs.append((at, s.shape, dtype, _owner_type(max(s.size, 1) * dtype.itemsize)))
            at += _words(s.rank)
        self._block = _ArgBlock(sig)
        # ctypes releases the GIL during the call: a second thread inside this function at the
        # same time gets an _ArgBlock of its own instead of overwriting the shared one.
        self._lock = threading.Lock()

    def __call__(self, *arrays) -> list[np.ndarray]:
        if len(arrays) != len(self._inputs):
            raise ArgumentError(f"@{self.name} takes {len(self._inputs)} inputs, got {len(arrays)}")
        if not self._lock.acquire(blocking=False):
            return self._run(arrays, _ArgBlock(self.sig))
        try:
            return self._run(arrays, self._block)
        finally:
            self._lock.release()

    def _run(self, arrays, block: "_ArgBlock") -> list[np.ndarray]:
        words, seen = block.inputs, block.seen
        converted = []  # arrays made by convert_one: they must live until the call returns
        for i, (array, (shape, dtype, strides, at)) in enumerate(zip(arrays, self._inputs)):
            if (type(array) is not np.ndarray or array.shape != shape or array.strides != strides
                    or (array.dtype is not dtype and array.dtype != dtype)):
                array = self.convert_one(i, array)
                converted.append(array)
            ref = seen[i]
            if ref is None or ref() is not array:
                # A live array's data never moves, so its address stays valid while the same
                # object comes back (Parameters every step); a weak reference cannot be fooled by
                # a new array at a dead one's id.
                words[at] = words[at + 1] = _address(array)
                seen[i] = weakref.ref(array)
        self._packed(block.packed)
        return self._adopt(block.results)

    def _adopt(self, words) -> list[np.ndarray]:
        """numpy arrays over the result buffers, each freed when the last array viewing it dies."""
        out, owners = [], {}
        for at, shape, dtype, owner_type in self._outputs:
            allocated, aligned, offset = words[at], words[at + 1], words[at + 2]
            buffer = owner_type.from_address(aligned + offset * dtype.itemsize)
            if allocated in owners:
                # Two results in one allocation (a value returned twice): free it once.
                buffer._owner = owners[allocated]
            else:
                buffer._frees = allocated
                owners[allocated] = buffer
            out.append(np.ndarray(shape, dtype, buffer))
        return out

    def convert(self, arrays) -> list[np.ndarray]:
        """Contiguous arrays of the declared dtypes; ArgumentError on count, shape or dtype mismatch."""
        if len(arrays) != len(self.sig.inputs):
            raise ArgumentError(f"@{self.name} takes {len(self.sig.inputs)} inputs, got {len(arrays)}")
        return [self.convert_one(i, value) for i, value in enumerate(arrays)]

    def convert_one(self, i: int, value) -> np.ndarray:
        """Input i as a C-contiguous array of its declared dtype (a copy if it must be cast or
        made contiguous); ArgumentError on a shape or dtype mismatch."""
        want = self.sig.inputs[i]
        array = np.asarray(value)
        if array.shape != want.shape:
            raise ArgumentError(f"input {i} of @{self.name} must have shape {list(want.shape)}, got {list(array.shape)}")
        dtype = numpy_dtype(want.dtype)
        if array.dtype != dtype and not np.can_cast(array.dtype, dtype, "same_kind"):
            raise ArgumentError(f"input {i} of @{self.name} must be {want.dtype}, got {array.dtype}")
        return np.ascontiguousarray(array, dtype=dtype)


class _ArgBlock:
    """The memory one call passes: input and result descriptors as int64 words, the pointers
    to them (emit_c_interface takes descriptors by pointer, the result's first), and the packed
    array of the addresses of those pointers (the packed wrapper takes each argument by address)."""

    def __init__(self, sig: Signature):
        self.inputs = (ctypes.c_int64 * max(sum(_words(s.rank) for s in sig.inputs), 1))()
        self.results = (ctypes.c_int64 * max(sum(_words(s.rank) for s in sig.outputs), 1))()
        descriptors = [ctypes.addressof(self.results)] if sig.outputs else []
        at = 0
        for s in sig.inputs:
            # Shapes are static: sizes and strides are written once, only the addresses change.
            self.inputs[at + 3:at + 3 + 2 * s.rank] = [*s.shape, *_contiguous_strides(s.shape, 1)]
            descriptors.append(ctypes.addressof(self.inputs) + 8 * at)
            at += _words(s.rank)
        self.pointers = (ctypes.c_void_p * max(len(descriptors), 1))(*descriptors)
        base = ctypes.addressof(self.pointers)
        self.packed = (ctypes.c_void_p * max(len(descriptors), 1))(*[base + 8 * i for i in range(len(descriptors))])
        # Per input, a weak reference to the array whose address its descriptor holds.
        self.seen: list[weakref.ref | None] = [None] * len(sig.inputs)


def _words(rank: int) -> int:
    return 3 + 2 * rank


def _contiguous_strides(shape: tuple[int, ...], itemsize: int) -> tuple[int, ...]:
    strides, step = [], itemsize
    for d in reversed(shape):
        strides.append(step)
        step *= max(d, 1)
    return tuple(reversed(strides))


def _address(array: np.ndarray) -> int:
    """The address of a contiguous array's first element."""
    try:
        # A quarter of the cost of array.ctypes.data; needs a writable, non-empty buffer.
        return ctypes.addressof(ctypes.c_char.from_buffer(array))
    except (TypeError, ValueError):
        return array.ctypes.data


@functools.cache
def _owner_type(nbytes: int) -> type:
    """A ctypes byte array type over result buffers. The instance given the allocation (its
    `_frees` attribute) frees it when it dies: with the last numpy array viewing it (numpy keeps
    the buffer as the array's base). Cheaper per result than weakref.finalize."""
    return type(f"Owned{nbytes}", (ctypes.c_char * nbytes,), {"__del__": _free_allocation})


def _free_allocation(buffer, free=_LIBC.free) -> None:
    # `free` is bound at definition: module globals may already be gone when the last arrays
    # die at interpreter exit.
    allocated = buffer.__dict__.get("_frees")
    if allocated is not None:
        free(allocated)


def _mpi_libraries(module: ir.Module) -> list[str]:
    """libmpi for a module with collectives, MPI initialized and the job's size checked first."""
    from mindc.lowering.mpi import grid_sizes

    sizes = grid_sizes(module.operation)
    if not sizes:
        return []
    from mindc.runtime import mpi

    mpi.check_world(sizes)
    return [mpi.library()]


def _needs_lowering(module: ir.Module) -> bool:
    """True unless the module is already in the LLVM dialect."""
    return any(not op.operation.name.startswith("llvm.") for op in module.body.operations) or bool(mind_ops(module.operation))
