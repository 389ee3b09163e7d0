"""Execute compiled modules on the CPU: ExecutionEngine, memref descriptors, numpy in and out.

Public functions are called through their C interface (`llvm.emit_c_interface`): the result
descriptor pointer first, then one descriptor pointer per input. Returned buffers are fresh
allocations the caller owns (see pipelines.LINALG_TO_LLVM), so they become numpy arrays without
a copy and are freed when the last array viewing them dies.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
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
def descriptor_type(rank: int) -> type[ctypes.Structure]:
    """The C struct of a ranked memref descriptor: allocated, aligned, offset, sizes, strides."""
    fields = [("allocated", ctypes.c_void_p), ("aligned", ctypes.c_void_p), ("offset", ctypes.c_int64)]
    if rank:
        fields += [("sizes", ctypes.c_int64 * rank), ("strides", ctypes.c_int64 * rank)]
    return type(f"MemRef{rank}D", (ctypes.Structure,), {"_fields_": fields})


def descriptor_of(array: np.ndarray) -> ctypes.Structure:
    """A descriptor viewing a C-contiguous array (the array must outlive it)."""
    d = descriptor_type(array.ndim)()
    d.allocated = d.aligned = array.ctypes.data
    d.offset = 0
    if array.ndim:
        d.sizes[:] = array.shape
        d.strides[:] = [s // array.itemsize for s in array.strides]
    return d


def adopt(d: ctypes.Structure, sig: Sig) -> np.ndarray:
    """A numpy array over a buffer returned by compiled code; the buffer is freed with the array."""
    dtype = numpy_dtype(sig.dtype)
    nbytes = max(sig.size, 1) * dtype.itemsize
    buffer = (ctypes.c_char * nbytes).from_address(d.aligned + d.offset * dtype.itemsize)
    weakref.finalize(buffer, _LIBC.free, d.allocated)
    return np.frombuffer(buffer, dtype=dtype, count=sig.size).reshape(sig.shape)


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
        self.engine = ExecutionEngine(module, opt_level=opt_level, shared_libs=[runtime_library("libmlir_c_runner_utils.so")])
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
    """One public function: checks and converts inputs, calls the packed C interface."""

    def __init__(self, exe: Executable, name: str, sig: Signature):
        self.exe, self.name, self.sig = exe, name, sig
        self._packed = exe.engine.lookup(name)
        # Multiple results come back as a struct of descriptors, one result as one descriptor.
        if len(sig.outputs) == 1:
            self._result_type = descriptor_type(sig.outputs[0].rank)
        else:
            fields = [(f"r{i}", descriptor_type(s.rank)) for i, s in enumerate(sig.outputs)]
            self._result_type = type("Results", (ctypes.Structure,), {"_fields_": fields})

    def __call__(self, *arrays) -> list[np.ndarray]:
        inputs = self.convert(arrays)
        holders = [ctypes.pointer(descriptor_of(a)) for a in inputs]
        slots = []
        result = self._result_type() if self.sig.outputs else None
        if result is not None:
            slots.append(ctypes.pointer(result))
        slots += holders
        packed = (ctypes.c_void_p * len(slots))(*[ctypes.addressof(p) for p in slots])
        self._packed(packed)
        if result is None:
            return []
        if len(self.sig.outputs) == 1:
            return [adopt(result, self.sig.outputs[0])]
        return [adopt(getattr(result, f"r{i}"), s) for i, s in enumerate(self.sig.outputs)]

    def convert(self, arrays) -> list[np.ndarray]:
        """Contiguous arrays of the declared dtypes; ArgumentError on count, shape or dtype mismatch."""
        if len(arrays) != len(self.sig.inputs):
            raise ArgumentError(f"@{self.name} takes {len(self.sig.inputs)} inputs, got {len(arrays)}")
        out = []
        for i, (value, want) in enumerate(zip(arrays, self.sig.inputs)):
            array = np.asarray(value)
            if array.shape != want.shape:
                raise ArgumentError(f"input {i} of @{self.name} must have shape {list(want.shape)}, got {list(array.shape)}")
            dtype = numpy_dtype(want.dtype)
            if array.dtype != dtype and not np.can_cast(array.dtype, dtype, "same_kind"):
                raise ArgumentError(f"input {i} of @{self.name} must be {want.dtype}, got {array.dtype}")
            out.append(np.ascontiguousarray(array, dtype=dtype))
        return out


def _needs_lowering(module: ir.Module) -> bool:
    """True unless the module is already in the LLVM dialect."""
    return any(not op.operation.name.startswith("llvm.") for op in module.body.operations) or bool(mind_ops(module.operation))
