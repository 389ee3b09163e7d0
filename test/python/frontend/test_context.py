"""mindc.set_context / get_context / set_device, and what the mode changes: in PYNATIVE_MODE a
Cell runs construct as Python with each op an eager kernel, in GRAPH_MODE it compiles once."""
import subprocess
import sys

import numpy as np
import pytest

import mindc
from mindc import nn, ops
from mindc.frontend import eager


def rand(*shape, seed):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def test_pynative_is_the_default_mode_as_in_mindspore():
    code = "import mindc; print(mindc.get_context('mode') == mindc.PYNATIVE_MODE, mindc.get_context('device_target'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "CPU"]


def test_set_context_round_trips_and_is_reachable_as_mindspore_spells_it(graph_mode):
    assert mindc.get_context("mode") == mindc.GRAPH_MODE == mindc.context.GRAPH_MODE == 0
    mindc.context.set_context(mode=mindc.context.PYNATIVE_MODE, jit_config={"jit_level": "O0"}, save_graphs=False)
    assert mindc.context.get_context("mode") == mindc.PYNATIVE_MODE == 1
    assert mindc.get_context("jit_config") == {"jit_level": "O0"}
    mindc.set_device("CPU", 0)
    assert mindc.get_context("device_target") == "CPU" and mindc.get_context("device_id") == 0


@pytest.mark.parametrize("call, message", [
    (lambda: mindc.set_context(mode=2), "mode must be GRAPH_MODE"),
    (lambda: mindc.set_context(no_such_key=1), "'no_such_key' is not recognized"),
    (lambda: mindc.set_context(device_target="Ascend"), "'Ascend' is not supported"),
    (lambda: mindc.set_device("TPU"), "'TPU' is not supported"),
    (lambda: mindc.get_context("no_such_key"), "'no_such_key' is not a context key"),
])
def test_bad_settings_are_rejected_by_name(call, message):
    before = mindc.get_context("mode")
    with pytest.raises(ValueError, match=message):
        call()
    assert mindc.get_context("mode") == before


class Counting(nn.Cell):
    """A two-layer net whose construct counts how often Python runs it."""

    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Dense(5, 7), nn.Dense(7, 3)
        self.runs = 0

    def construct(self, x):
        self.runs += 1
        return self.fc2(ops.tanh(self.fc1(x)))


def reference(net, x):
    w1, b1, w2, b2 = (p.asnumpy().astype(np.float64) for p in net.get_parameters())
    return np.tanh(x @ w1.T + b1) @ w2.T + b2


def test_pynative_cells_run_construct_every_call_through_cached_kernels():
    net, x = Counting(), rand(4, 5, seed=1)
    first = net(mindc.Tensor(x)).asnumpy()
    before = eager.kernel_cache_info()
    second = net(mindc.Tensor(x)).asnumpy()
    after = eager.kernel_cache_info()
    assert net.runs == 2 and net.compile_cache_info().misses == 0
    assert after.misses == before.misses and after.hits > before.hits   # every op a cached kernel
    np.testing.assert_array_equal(first, second)
    np.testing.assert_allclose(second, reference(net, x), rtol=1e-5, atol=1e-5)


def test_graph_mode_traces_construct_once_per_signature(graph_mode):
    net, x = Counting(), rand(4, 5, seed=2)
    for _ in range(3):
        out = net(mindc.Tensor(x)).asnumpy()
    assert net.runs == 1 and net.compile_cache_info().misses == 1
    np.testing.assert_allclose(out, reference(net, x), rtol=1e-5, atol=1e-5)


def test_one_training_program_gives_the_same_numbers_in_both_modes(either_mode):
    mindc.set_seed(3)
    net = Counting()
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), nn.Momentum(net.trainable_params(), 0.1, 0.9))
    x, y = mindc.Tensor(rand(8, 5, seed=4)), mindc.Tensor(rand(8, 3, seed=5))
    losses = [float(step(x, y).asnumpy()) for _ in range(3)]
    # The same three steps in float64 numpy: MSE, its gradient by hand, Momentum.
    params = [p.asnumpy().astype(np.float64) for p in Counting_fresh(3).get_parameters()]
    moments = [np.zeros_like(p) for p in params]
    want = []
    for _ in range(3):
        w1, b1, w2, b2 = params
        h = np.tanh(x.asnumpy() @ w1.T + b1)
        out = h @ w2.T + b2
        diff = out - y.asnumpy()
        want.append(np.mean(diff ** 2))
        d_out = 2 * diff / diff.size
        d_h = d_out @ w2 * (1 - h ** 2)
        grads = [d_h.T @ x.asnumpy(), d_h.sum(0), d_out.T @ h, d_out.sum(0)]
        moments = [0.9 * m + g for m, g in zip(moments, grads)]
        params = [p - 0.1 * m for p, m in zip(params, moments)]
    np.testing.assert_allclose(losses, want, rtol=1e-5)
    for p, w in zip(net.get_parameters(), params):
        np.testing.assert_allclose(p.asnumpy(), w, rtol=1e-4, atol=1e-5)


def Counting_fresh(seed):
    mindc.set_seed(seed)
    return Counting()


def test_mutable_makes_numbers_graph_inputs_and_keeps_tensors():
    t = mindc.Tensor(rand(3, seed=6))
    out = mindc.mutable((2.5, [t], {"n": 3}))
    assert isinstance(out, tuple) and out[1][0] is t and out[2]["n"].dtype == mindc.int64
    assert out[0].shape == () and float(out[0].asnumpy()) == 2.5
    # A mutable number is a variable: gradients reach it, and a jit compiled once takes new values.
    assert float(mindc.grad(lambda a: a * a * a)(mindc.mutable(2.0)).asnumpy()) == 12.0
    cube = mindc.jit(lambda a: a * a * a)
    assert [float(cube(mindc.mutable(v)).asnumpy()) for v in (2.0, 3.0)] == [8.0, 27.0]
    assert cube.cache_info().misses == 1
    with pytest.raises(TypeError, match="should be a Tensor, a number"):
        mindc.mutable("text")
    with pytest.raises(ValueError, match="dynamic length"):
        mindc.mutable([t], dynamic_len=True)


def test_pynative_executor_sync_has_nothing_to_wait_for():
    from mindc.common.api import _pynative_executor

    x = mindc.ops.add(mindc.Tensor(rand(2, seed=7)), 1.0)
    _pynative_executor.sync()
    assert x.shape == (2,)
