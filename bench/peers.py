"""The libraries bench/run.py compares, one class each, behind one small interface.

A peer prepares a computation once and hands back a zero-argument callable that runs it and
returns when its result can be read on the host (numpy array, CPU tensor, or a JAX array after
`block_until_ready`). Preparation (conversion of inputs, compilation) is never timed by the
steady-state benchmarks; `compile_mlp` times it on purpose.

Importing a peer's library happens in its constructor: a missing library raises Unavailable
with the reason, and the harness prints that reason instead of a number.
"""
from __future__ import annotations

import importlib.metadata
import os
import time
import warnings
from typing import Callable, Sequence

import numpy as np

Params = Sequence[np.ndarray]  # MLP parameters: w1, b1, w2, b2, ... with w of shape [in, out]
Run = Callable[[], object]


class Unavailable(Exception):
    """The peer cannot run here; str() is the reason shown in the results."""


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _import(module: str, dist: str):
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise Unavailable(f"not installed: `import {module}` failed ({e.msg}); it is in bench/requirements.txt ({dist})") from None


class NumPy:
    name = "numpy"

    def __init__(self):
        self.np = np

    def version(self) -> str:
        return np.__version__

    def threads(self) -> str:
        try:
            from threadpoolctl import threadpool_info
        except ImportError:
            return "BLAS default (threadpoolctl not installed to read it)"
        # Other libraries may bring their own BLAS: report the one numpy links.
        blas = [i for i in threadpool_info() if i["user_api"] == "blas" and "numpy" in i["filepath"]]
        return ", ".join(f"{i['internal_api']} {i['version']} ({i.get('architecture', '?')} kernels), "
                         f"{i['num_threads']} threads" for i in blas) or "no BLAS found"

    def gemm(self, a: np.ndarray, b: np.ndarray) -> Run:
        return lambda: a @ b

    def mlp(self, params: Params, x: np.ndarray) -> Run:
        def forward():
            h = x
            for i in range(0, len(params), 2):
                h = h @ params[i] + params[i + 1]
                if i + 2 < len(params):
                    h = np.maximum(h, 0)
            return h
        return forward


class Mindc:
    """mindc: GEMM as one mind.matmul built with mindc.emit; the MLP written with mindc.ops and
    compiled by mindc.jit, as a user would. Both lower through the MLIR CPU pipeline."""

    name = "mindc"

    def __init__(self):
        import mindc
        from mindc import compiler, diag, emit, ops
        from mindc.ir import make_context
        from mindc.rules.base import Sig
        from mindc.runtime.engine import Executable
        self.mindc, self.ops, self.compiler, self.diag, self.emit = mindc, ops, compiler, diag, emit
        self.make_context, self.Sig, self.Executable = make_context, Sig, Executable

    def version(self) -> str:
        return f"{_version('mindc')} (MLIR {_version('xtc-mlir-python-bindings')}, opt level 2)"

    def threads(self) -> str:
        threads = self.mindc.get_context("runtime_num_threads")
        return f"runtime_num_threads={threads}: big products and convolutions split over {threads} thread(s)"

    def gemm(self, a: np.ndarray, b: np.ndarray) -> Run:
        sigs = [self.Sig(a.shape, "f32"), self.Sig(b.shape, "f32")]
        ctx = self.make_context()
        with ctx, self.diag.Collector(ctx) as c:
            module = self.emit.single_op_module("mind.matmul", sigs, {"transpose_a": False, "transpose_b": False})
            main = self.Executable(module, c).function("main")
        # The context must outlive the compiled function: the closure keeps it.
        return lambda ctx=ctx: main(a, b)[0]

    def _forward(self):
        ops = self.ops

        def forward(x, *params):
            h = x
            for i in range(0, len(params), 2):
                h = ops.add(ops.matmul(h, params[i]), params[i + 1])
                if i + 2 < len(params):
                    h = ops.relu(h)
            return h
        return forward

    def mlp(self, params: Params, x: np.ndarray) -> Run:
        f = self.mindc.jit(self._forward())
        tensors = [self.mindc.Tensor(a) for a in (x, *params)]
        f(*tensors)  # compile here, not in the checked first call
        return lambda: f(*tensors)

    def compile_mlp(self, params: Params, x: np.ndarray) -> dict[str, float]:
        """Seconds for mindc.jit's first call, and from the traced IR's text to a callable."""
        tensors = [self.mindc.Tensor(a) for a in (x, *params)]
        f = self.mindc.jit(self._forward())  # a new function each time: its compile cache is empty
        start = time.perf_counter()
        f(*tensors)
        out = {"mindc: mindc.jit first call (trace, lower, LLVM JIT, run)": time.perf_counter() - start}
        text = self.mindc.jit(self._forward()).lower(*tensors).as_text("mind")
        ctx = self.make_context()
        with ctx, self.diag.Collector(ctx) as c:
            start = time.perf_counter()
            self.Executable(self.compiler.parse(text, ctx, c), c).function("forward")
            out["mindc: mind IR text → callable (parse, verify, lower, LLVM JIT)"] = time.perf_counter() - start
        return out


class Torch:
    """PyTorch eager on CPU tensors sharing numpy's memory; torch.compile only in compile_mlp."""

    name = "torch"

    def __init__(self):
        # Inductor caches compiled kernels on disk across runs: without this, a second bench run
        # would report a cache hit as torch.compile's compile time.
        os.environ.setdefault("TORCHINDUCTOR_FORCE_DISABLE_CACHES", "1")
        warnings.filterwarnings("ignore", message=".*force disabled by torch.compiler.config.force_disable_caches")
        self.torch = _import("torch", "torch")

    def version(self) -> str:
        return self.torch.__version__

    def threads(self) -> str:
        t = self.torch
        return f"{t.get_num_threads()} intra-op threads, {t.get_num_interop_threads()} inter-op (defaults)"

    def gemm(self, a: np.ndarray, b: np.ndarray) -> Run:
        ta, tb = self.torch.from_numpy(a), self.torch.from_numpy(b)
        return lambda: self.torch.matmul(ta, tb)

    def _forward(self, params):
        torch = self.torch

        def forward(h):
            for i in range(0, len(params), 2):
                h = torch.addmm(params[i + 1], h, params[i])
                if i + 2 < len(params):
                    h = torch.relu(h)
            return h
        return forward

    def mlp(self, params: Params, x: np.ndarray) -> Run:
        tp = [self.torch.from_numpy(p) for p in params]
        tx = self.torch.from_numpy(x)
        forward = self._forward(tp)

        def run():
            with self.torch.inference_mode():
                return forward(tx)
        return run

    def compile_mlp(self, params: Params, x: np.ndarray) -> dict[str, float]:
        # Dynamo caches traced graphs per function in the process: start from nothing each time.
        self.torch._dynamo.reset()
        forward = self.torch.compile(self._forward([self.torch.from_numpy(p) for p in params]))
        tx = self.torch.from_numpy(x)
        start = time.perf_counter()
        with self.torch.inference_mode():
            forward(tx)
        return {"torch.compile: first call (trace, Inductor C++ codegen, run)": time.perf_counter() - start}


class Jax:
    """JAX with jax.jit (XLA CPU); inputs are device arrays made once."""

    name = "jax"

    def __init__(self):
        self.jax = _import("jax", "jax[cpu]")
        self.jnp = _import("jax.numpy", "jax[cpu]")

    def version(self) -> str:
        return f"{self.jax.__version__} (jaxlib {_version('jaxlib')}, {self.jax.devices()[0].platform})"

    def threads(self) -> str:
        return f"XLA CPU default: its intra-op pool spans all {os.cpu_count()} cores"

    def gemm(self, a: np.ndarray, b: np.ndarray) -> Run:
        f = self.jax.jit(self.jnp.matmul)
        ja, jb = self.jax.device_put(a), self.jax.device_put(b)
        return lambda: f(ja, jb).block_until_ready()

    def _forward(self, layers: int):
        jnp, relu = self.jnp, self.jax.nn.relu

        def forward(x, *params):
            h = x
            for i in range(0, 2 * layers, 2):
                h = jnp.matmul(h, params[i]) + params[i + 1]
                if i + 2 < 2 * layers:
                    h = relu(h)
            return h
        return forward

    def mlp(self, params: Params, x: np.ndarray) -> Run:
        f = self.jax.jit(self._forward(len(params) // 2))
        args = [self.jax.device_put(a) for a in (x, *params)]
        return lambda: f(*args).block_until_ready()

    def compile_mlp(self, params: Params, x: np.ndarray) -> dict[str, float]:
        # A new Python function each time, so jit's cache (keyed by the function) cannot answer.
        f = self.jax.jit(self._forward(len(params) // 2))
        args = [self.jax.device_put(a) for a in (x, *params)]
        start = time.perf_counter()
        f(*args).block_until_ready()
        return {"JAX: jax.jit first call (trace, XLA compile, run)": time.perf_counter() - start}


class MindSpore:
    """MindSpore graph mode: functions compiled with mindspore.jit on the CPU backend."""

    name = "mindspore"

    def __init__(self):
        self.ms = _import("mindspore", "mindspore")
        self.ops = _import("mindspore.ops", "mindspore")
        self.ms.set_device("CPU")

    def version(self) -> str:
        return f"{self.ms.__version__} (mindspore.jit, CPU backend)"

    def threads(self) -> str:
        return f"runtime_num_threads={self.ms.get_context('runtime_num_threads')} (default)"

    def gemm(self, a: np.ndarray, b: np.ndarray) -> Run:
        matmul = self.ops.matmul

        # mindspore.jit parses the function's source: a named function, not a lambda.
        def mm(x, y):
            return matmul(x, y)
        f = self.ms.jit(mm)
        ta, tb = self.ms.Tensor(a), self.ms.Tensor(b)
        return lambda: f(ta, tb).asnumpy()

    def _forward(self, layers: int):
        ops = self.ops
        if layers != 3:
            raise ValueError(f"the MindSpore MLP is written for 3 layers, got {layers}")

        # Unrolled by hand: graph mode compiles Python loops over *params less reliably.
        def mlp3(x, w1, b1, w2, b2, w3, b3):
            h = ops.relu(ops.matmul(x, w1) + b1)
            h = ops.relu(ops.matmul(h, w2) + b2)
            return ops.matmul(h, w3) + b3
        return mlp3

    def mlp(self, params: Params, x: np.ndarray) -> Run:
        f = self.ms.jit(self._forward(len(params) // 2))
        args = [self.ms.Tensor(a) for a in (x, *params)]
        return lambda: f(*args).asnumpy()

    def compile_mlp(self, params: Params, x: np.ndarray) -> dict[str, float]:
        f = self.ms.jit(self._forward(len(params) // 2))
        args = [self.ms.Tensor(a) for a in (x, *params)]
        start = time.perf_counter()
        f(*args).asnumpy()
        return {"MindSpore: mindspore.jit first call (parse, compile graph, run)": time.perf_counter() - start}


PEERS = {p.name: p for p in (NumPy, Mindc, Torch, Jax, MindSpore)}


def to_numpy(result) -> np.ndarray:
    """A peer's result as a numpy array (CPU tensors and arrays convert without a copy)."""
    if hasattr(result, "detach"):
        result = result.detach()
    if hasattr(result, "asnumpy"):
        result = result.asnumpy()
    return np.asarray(result)
