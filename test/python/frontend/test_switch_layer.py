"""Cells and functions chosen by a tensor in graph mode (frontend/branches.py Switch): MindSpore's
switch_layer (a tuple or CellList indexed by a tensor and called), and functions or cells that
differ between the branches of an if. Results against the same cells picked in Python and
against float64 numpy; gradients against central differences."""
import numpy as np
import pytest
from graph_helpers import EPS, GRAD_TOL, T, close, rand

import mindc
from mindc import Parameter, nn, ops


class Scale(nn.Cell):
    def __init__(self, seed):
        super().__init__()
        self.w = Parameter(rand(4, dtype=np.float64, seed=seed), name=f"w{seed}")

    def construct(self, x):
        return ops.tanh(x * self.w)


class Switched(nn.Cell):
    """A tuple of cells and a function, indexed by a tensor."""

    def __init__(self):
        super().__init__()
        self.a, self.b = Scale(1), Scale(2)
        self.layers = (self.a, self.b, ops.sin)

    def construct(self, x, i):
        return self.layers[i](x) * 2.0


def switched_reference(net, x, i):
    cases = [lambda: np.tanh(x * net.a.w.asnumpy()), lambda: np.tanh(x * net.b.w.asnumpy()), lambda: np.sin(x)]
    return cases[i]() * 2.0


@pytest.mark.parametrize("i", [-3, -1, 0, 1, 2])
def test_a_tuple_of_cells_indexed_by_a_tensor(either_mode, i):
    net, x = Switched(), rand(4, dtype=np.float64, seed=3)
    close(net(T(x), T(np.int32(i))), switched_reference(net, x, i), np.float64)


def test_the_switch_is_a_chain_of_scf_if_on_the_index(graph_mode):
    net, x = Switched(), rand(4, dtype=np.float64, seed=3)
    text = mindc.jit(net.construct).lower(T(x), T(np.int32(1))).as_text()
    assert text.count("scf.if") == 2 and "mind.tanh" in text and "mind.sin" in text


class CellInList(nn.Cell):
    """MindSpore's tests/st/compiler/control/test_switch_layer.py::test_cell_in_list."""

    def __init__(self):
        super().__init__()
        self.cell_list = nn.CellList()
        for k in (4.0, 5.0, 6.0):
            self.cell_list.append(Times(k))

    def construct(self, t, x):
        out = t
        while x < 3:
            out = out + self.cell_list[x](t)
            x += 1
        return out


class Times(nn.Cell):
    def __init__(self, k):
        super().__init__()
        self.k = k

    def construct(self, x):
        return self.k * x


def test_a_cell_list_indexed_by_a_loop_counter_and_its_gradient(graph_mode):
    net = CellInList()
    t = rand(1, dtype=np.float64, seed=4)[0]
    for start, factor in ((0, 16.0), (1, 12.0), (3, 1.0)):
        x = T(np.int32(start))
        close(net(T(t), x), factor * t, np.float64)
        close(mindc.grad(net)(T(t), x), factor, np.float64)


@pytest.mark.parametrize("i", [0, 2])
def test_gradients_through_a_switch_match_finite_differences(graph_mode, i):
    net, x = Switched(), rand(4, dtype=np.float64, seed=5)
    index = T(np.int32(i))

    def loss(x):
        return ops.sum(net(x, index) ** 2)

    grads = mindc.grad(loss, 0, net.trainable_params())(T(x))
    rng = np.random.default_rng(6)
    u = rng.standard_normal(x.shape)
    fd = (np.sum(switched_reference(net, x + EPS * u, i) ** 2) - np.sum(switched_reference(net, x - EPS * u, i) ** 2))
    np.testing.assert_allclose(np.sum(grads[0].asnumpy() * u), fd / (2 * EPS), **GRAD_TOL)
    for param, g in zip(net.trainable_params(), grads[1]):
        base = param.asnumpy().copy()
        v = rng.standard_normal(base.shape)
        values = []
        for sign in (1, -1):
            param.set_data(base + sign * EPS * v)
            values.append(np.sum(switched_reference(net, x, i) ** 2))
        param.set_data(base)
        np.testing.assert_allclose(np.sum(g.asnumpy() * v), (values[0] - values[1]) / (2 * EPS), **GRAD_TOL)


# ---- functions and cells that differ between the branches of an if
class Chooser(nn.Cell):
    def __init__(self):
        super().__init__()
        self.a, self.b = Scale(1), Scale(2)

    def construct(self, x):
        if x.sum() > 0:
            layer = self.a
        else:
            layer = self.b
        return layer(x) + x


def chooser_reference(net, x):
    w = (net.a if x.sum() > 0 else net.b).w.asnumpy()
    return np.tanh(x * w) + x


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_a_cell_chosen_in_a_branch_is_called_after_it(either_mode, sign):
    net, x = Chooser(), np.abs(rand(4, dtype=np.float64, seed=11)) * sign
    close(net(T(x)), chooser_reference(net, x), np.float64)


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_gradient_of_a_cell_chosen_in_a_branch(graph_mode, sign):
    net, x = Chooser(), np.abs(rand(4, dtype=np.float64, seed=12)) * sign
    grads = mindc.grad(lambda x: ops.sum(net(x) ** 2), None, net.trainable_params())(T(x))
    rng = np.random.default_rng(13)
    for param, g in zip(net.trainable_params(), grads):
        base = param.asnumpy().copy()
        v = rng.standard_normal(base.shape)
        values = []
        for s in (1, -1):
            param.set_data(base + s * EPS * v)
            values.append(np.sum(chooser_reference(net, x) ** 2))
        param.set_data(base)
        np.testing.assert_allclose(np.sum(g.asnumpy() * v), (values[0] - values[1]) / (2 * EPS), **GRAD_TOL)


def test_a_function_returned_from_a_branch():
    # MindSpore's tests/st/compiler/control/test_fun_fun.py.
    def hof(x):
        def f(x):
            return x + 3.0

        def k(x):
            return x - 1.0

        def g(x):
            if x.sum() < 5.0:
                return f
            return k

        return g(x)(x)

    for x in (rand(2, seed=14), rand(2, seed=14) + 10.0):
        close(mindc.jit(hof)(T(x)), hof(x.astype(np.float64)))
