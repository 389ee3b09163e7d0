"""MindSpore's switch_layer in graph mode: a tuple or CellList of cells (or functions) indexed by
a tensor and called (frontend/control.py Switch, branches.graph_switch). Results against the
same cells picked in Python and against float64 numpy; gradients against central differences."""
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
