"""Parallel outer loops (passes/parallel.py, the schedules' mindc.parallel tags, MLIR's async
runtime): products and convolutions on 1 and 2 threads against float64 numpy, on shapes that
leave remainders everywhere; the context's runtime_num_threads reaching the compile caches; and
many compiled functions called many times, from several Python threads, without leaking
threads or crashing.

Kernels are compiled with min-work=1, so that small shapes (fast to compile) take the parallel
path too; the real threshold only decides which ops are worth it.
"""
import gc
import os
import threading

import numpy as np
import pytest

from helpers import conv2d_reference, tol
from mindc import compiler, diag, emit
from mindc.frontend import eager
from mindc.rules.base import Sig
from mindc.runtime.engine import Executable

F32 = np.float32


def compiled(op_name: str, shapes, threads: int, **attrs):
    """One op as a function compiled by mind-cpu-pipeline{threads=N min-work=1}, and whether
    its code dispatches to the async runtime."""
    # The frontend's one context: every fresh MLIR context starts a pool of its own for
    # multithreaded pass runs, which would hide the threads counted below.
    ctx = eager.context()
    with ctx, diag.Collector(ctx) as collector:
        module = emit.single_op_module(op_name, [Sig(s, "f32") for s in shapes], attrs)
        compiler.run(module, compiler.expand([f"mind-cpu-pipeline{{threads={threads} min-work=1}}"]), collector)
        parallel = "mlirAsyncRuntimeExecute" in str(module)
        return Executable(module, collector).function("main"), parallel


def operands(*shapes, seed=0):
    rng = np.random.default_rng(seed)
    return [rng.standard_normal(s).astype(F32) for s in shapes]


def matmul_tol(k):
    # Sums of k products in f32: the rounding error grows with k.
    t = tol(F32)
    return dict(rtol=t["rtol"] * max(1, k / 16), atol=t["atol"] * max(1, k))


# (m, n, k): primes, 1, non-multiples of 16; n of 2+ panels of 32 (so there is something to
# share out) with a remainder panel; k past one block of 256 (blocks stay in order around the
# parallel loop); and n of a single panel, which stays serial.
MATMULS = [(37, 67, 300), (1, 97, 5), (129, 64, 257), (8, 331, 17), (13, 31, 29)]


@pytest.mark.parametrize("threads", [1, 2, 4])
@pytest.mark.parametrize("m,n,k", MATMULS)
def test_matmul_matches_float64_numpy(m, n, k, threads):
    # 4 threads (on any machine: the option is not capped) split 10 panels as 3+3+3+1.
    f, parallel = compiled("mind.matmul", [(m, k), (k, n)], threads, transpose_a=False, transpose_b=False)
    assert parallel == (threads > 1 and n >= 64)
    x, y = operands((m, k), (k, n))
    np.testing.assert_allclose(f(x, y)[0], x.astype(np.float64) @ y, **matmul_tol(k))


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("b,m,n,k", [(3, 17, 31, 7), (5, 9, 70, 33), (1, 8, 40, 3)])
def test_batch_matmul_matches_float64_numpy(b, m, n, k, threads):
    f, parallel = compiled("mind.batch_matmul", [(b, m, k), (b, k, n)], threads, transpose_a=False, transpose_b=False)
    assert parallel == (threads > 1 and b > 1)
    x, y = operands((b, m, k), (b, k, n))
    np.testing.assert_allclose(f(x, y)[0], np.matmul(x.astype(np.float64), y), **matmul_tol(k))


# Both convolution kernels of the schedule (several input channels; one), images shared out.
@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("xs,ws", [((3, 5, 11, 10), (7, 5, 3, 3)), ((5, 1, 13, 9), (6, 1, 5, 5))])
def test_conv2d_matches_float64_numpy(xs, ws, threads):
    attrs = dict(stride=(1, 1), pad=(0, 0, 0, 0), dilation=(1, 1), group=1)
    f, parallel = compiled("mind.conv2d", [xs, ws], threads, **attrs)
    assert parallel == (threads > 1)
    x, w = operands(xs, ws)
    np.testing.assert_allclose(f(x, w)[0], conv2d_reference(x.astype(np.float64), w.astype(np.float64)), **tol(F32))


def _softmax64(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


# Elementwise ops and reductions of rank 2+ whose first loop is parallel get a loop over rows;
# a sum over the first dimension (no independent rows) stays serial.
@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("op,attrs,reference,rows", [
    ("mind.add", {}, lambda x, y: x + y, True),
    ("mind.reduce_sum", dict(axis=(1,), keep_dims=False), lambda x: x.sum(axis=1), True),
    ("mind.reduce_sum", dict(axis=(0,), keep_dims=True), lambda x: x.sum(axis=0, keepdims=True), False),
    ("mind.softmax", dict(axis=-1), _softmax64, True),
], ids=["add", "sum-rows", "sum-columns", "softmax"])
def test_elementwise_and_reductions_match_float64_numpy(op, attrs, reference, rows, threads):
    arrays = operands(*[(37, 301)] * (2 if op == "mind.add" else 1))
    f, parallel = compiled(op, [a.shape for a in arrays], threads, **attrs)
    assert parallel == (threads > 1 and rows)
    want = reference(*[a.astype(np.float64) for a in arrays])
    np.testing.assert_allclose(f(*arrays)[0], want, **matmul_tol(301))


def test_runtime_num_threads_defaults_to_the_cpu_count_and_keys_the_kernel_cache():
    import mindc
    from mindc import ops
    from mindc.frontend.eager import kernel_cache_info

    assert mindc.get_context("runtime_num_threads") == os.cpu_count()
    x, y = operands((256, 300), (300, 128))   # 9.8M multiply-adds: past the real threshold
    before, compiles = mindc.get_context("runtime_num_threads"), []
    try:
        for threads in (1, 2, 1):
            mindc.set_context(runtime_num_threads=threads)
            misses = kernel_cache_info().misses
            got = ops.matmul(mindc.Tensor(x), mindc.Tensor(y)).asnumpy()
            compiles.append(kernel_cache_info().misses - misses)
            np.testing.assert_allclose(got, x.astype(np.float64) @ y, **matmul_tol(300))
    finally:
        mindc.set_context(runtime_num_threads=before)
    # A new thread count compiles anew; going back to one thread reuses its kernel.
    assert compiles[1:] == [1, 0]


def test_jit_compiles_anew_for_a_new_thread_count():
    import mindc
    from mindc import ops

    f = mindc.jit(lambda a, b: ops.relu(ops.matmul(a, b)))
    x, y = operands((256, 300), (300, 128))
    before = mindc.get_context("runtime_num_threads")
    try:
        for threads in (1, 2, 2, 1):
            mindc.set_context(runtime_num_threads=threads)
            got = f(mindc.Tensor(x), mindc.Tensor(y)).asnumpy()
            np.testing.assert_allclose(got, np.maximum(x.astype(np.float64) @ y, 0), **matmul_tol(300))
    finally:
        mindc.set_context(runtime_num_threads=before)
    assert (f.cache_info().misses, f.cache_info().hits) == (2, 2)


def _pool_threads() -> int:
    """Threads of LLVM thread pools in this process (the Python threads that have just been
    joined may still be listed for a moment: they are not counted)."""
    names = []
    for task in os.listdir("/proc/self/task"):
        try:
            names.append(open(f"/proc/self/task/{task}/comm").read())
        except FileNotFoundError:   # a thread that ended since the listing
            pass
    return sum(name.startswith("llvm-worker") for name in names)


def test_many_functions_called_many_times_from_threads_share_one_pool():
    # Every engine resolves the async runtime from the process (runtime/engine.py): engines that
    # die must not take the pool down under the others, and calls add no threads past the pool.
    shapes = [(m, 67 + m, 40) for m in range(1, 9)]
    x_y = [operands((m, k), (k, n), seed=m) for m, n, k in shapes]
    fns = [compiled("mind.matmul", [(m, k), (k, n)], 2, transpose_a=False, transpose_b=False)[0]
           for m, n, k in shapes]
    del fns[::2], x_y[::2]   # half the engines die while the others keep running
    gc.collect()
    errors = []

    def work():
        for _ in range(30):
            for f, (x, y) in zip(fns, x_y):
                if not np.allclose(f(x, y)[0], x.astype(np.float64) @ y, **matmul_tol(40)):
                    errors.append(f)

    def in_threads():
        workers = [threading.Thread(target=work) for _ in range(3)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()

    in_threads()   # the pools (the context's for passes, the async runtime's) reach their size
    settled = _pool_threads()
    in_threads()
    assert not errors
    # The async runtime's one pool serves every engine: calls start no threads.
    assert _pool_threads() == settled


def _rss_kib() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def test_parallel_calls_release_their_runtime_objects():
    # Each call creates a group and a token per task (mind-async-parallel); a reference left
    # behind keeps ~0.2 KiB per call alive (a token: 4 MiB over these calls). Warm-up calls first: the
    # allocator and the pool settle.
    f, parallel = compiled("mind.matmul", [(2, 3), (3, 64)], 2, transpose_a=False, transpose_b=False)
    assert parallel
    x, y = operands((2, 3), (3, 64))
    for _ in range(2000):
        f(x, y)
    before = _rss_kib()
    for _ in range(20000):
        f(x, y)
    assert _rss_kib() - before < 2048
