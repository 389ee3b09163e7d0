"""runtime.engine.Function: the call path (descriptors reused between calls, results adopted by
numpy) must check and convert like a fresh call, and own result memory exactly once."""
from __future__ import annotations

import threading

import numpy as np
import pytest

from mindc import diag, emit
from mindc.ir import make_context
from mindc.rules.base import Sig
from mindc.runtime.engine import ArgumentError, Executable


def compiled(op_name: str, sigs: list[Sig], **attrs):
    ctx = make_context()
    with ctx, diag.Collector(ctx) as collector:
        return Executable(emit.single_op_module(op_name, sigs, attrs), collector).function("main")


@pytest.fixture(scope="module")
def add():
    return compiled("mind.add", [Sig((2, 3), "f32"), Sig((2, 3), "f32")])


def rand(shape, seed, dtype=np.float32):
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


def test_new_arrays_and_the_same_array_changed_in_place_give_fresh_results(add):
    x, y = rand((2, 3), 0), rand((2, 3), 1)
    np.testing.assert_array_equal(add(x, y)[0], x + y)
    z = rand((2, 3), 2)
    np.testing.assert_array_equal(add(x, z)[0], x + z)     # a new array in the second slot
    x += 1                                                  # the same array, new values
    np.testing.assert_array_equal(add(x, z)[0], x + z)
    np.testing.assert_array_equal(add(z, x)[0], z + x)     # arrays swap slots


def test_inputs_that_are_not_contiguous_arrays_of_the_dtype_are_converted(add):
    x = rand((3, 2), 3).T                                   # a transposed view
    y = rand((2, 3), 4, np.float64)                         # cast (same kind)
    ints = np.arange(6, dtype=np.int64).reshape(2, 3)       # cast (int to float)
    read_only = np.broadcast_to(np.float32(2), (2, 3))      # no writable buffer, zero strides
    np.testing.assert_allclose(add(x, y)[0], x + y.astype(np.float32), rtol=1e-6)
    np.testing.assert_array_equal(add(ints, read_only)[0], ints + 2)
    np.testing.assert_array_equal(add([[1, 2, 3], [4, 5, 6]], ints)[0], 2 * ints + 1)


def test_argument_errors_name_the_input_and_what_was_expected(add):
    x = rand((2, 3), 5)
    with pytest.raises(ArgumentError, match=r"@main takes 2 inputs, got 1"):
        add(x)
    with pytest.raises(ArgumentError, match=r"input 1 of @main must have shape \[2, 3\], got \[3, 2\]"):
        add(x, x.T.copy())
    with pytest.raises(ArgumentError, match=r"input 0 of @main must be f32, got complex64"):
        add(x.astype(np.complex64), x)
    # A failed call leaves nothing behind: the next one is right.
    np.testing.assert_array_equal(add(x, x)[0], 2 * x)


def test_rank_0_and_empty_inputs():
    scalar = compiled("mind.mul", [Sig((), "f64"), Sig((), "f64")])
    assert scalar(np.float64(3), np.array(4.0))[0].shape == ()
    assert scalar(3.0, 4.0)[0] == 12.0
    empty = compiled("mind.neg", [Sig((0, 4), "f32")])
    assert empty(np.zeros((0, 4), np.float32))[0].shape == (0, 4)


def test_results_outlive_later_calls_and_their_views(add):
    x = rand((2, 3), 6)
    first = add(x, x)[0]
    row = add(x, np.zeros_like(x))[0][1]                    # only a view of the result survives
    for _ in range(200):
        add(x, x)
    np.testing.assert_array_equal(first, 2 * x)
    np.testing.assert_array_equal(row, x[1])
    assert first.flags.writeable and first.flags.c_contiguous


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


def test_result_buffers_are_freed_with_their_arrays():
    # 1 MiB per result: 400 leaked calls would add 400 MiB.
    neg = compiled("mind.neg", [Sig((512, 512), "f32")])
    x = np.ones((512, 512), np.float32)
    for _ in range(20):
        neg(x)
    before = rss_mib()
    for _ in range(400):
        neg(x)
    assert rss_mib() - before < 50


def test_threads_calling_one_function_at_once_get_their_own_results(add):
    failures = []

    def work(seed):
        x, y = rand((2, 3), seed), rand((2, 3), seed + 100)
        for _ in range(300):
            if not np.array_equal(add(x, y)[0], x + y):
                failures.append(seed)
                return

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_a_call_while_another_holds_the_shared_descriptors_uses_its_own(add):
    x, y = rand((2, 3), 7), rand((2, 3), 8)
    add(x, y)
    with add._lock:                 # as if another thread were inside the compiled code
        np.testing.assert_array_equal(add(y, y)[0], y + y)
    np.testing.assert_array_equal(add(x, y)[0], x + y)
