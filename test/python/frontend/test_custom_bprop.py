"""Cells with a user-written bprop(self, *inputs, out, dout) are differentiated by it (MindSpore's
custom Cell gradients): in PyNative and graph mode, nested in other Cells, with Parameters (which
get zero gradients), with grad inside the bprop, to second order, and with jvp; bad bprops are
reported at the bprop's file:line.

The bprops here deliberately differ from the true gradient where possible, so a test tells the
user's bprop from the generated adjoint; references are float64 numpy.
"""
from __future__ import annotations

import numpy as np
import pytest

import mindc
from mindc import nn, ops
from mindc.ops import GradOperation

T = mindc.Tensor
EXACT = dict(rtol=1e-12, atol=1e-12)


def rand(*shape, seed=0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


def close(got, want):
    assert isinstance(got, mindc.Tensor), type(got)
    np.testing.assert_allclose(got.asnumpy(), want, **EXACT)


X, Y = rand(2, 3, seed=1), rand(2, 3, seed=2)


class MulAdd(nn.Cell):
    """2x + y, whose bprop claims dy = 2y (MindSpore's test_grad_mul_add)."""

    def construct(self, x, y):
        return 2 * x + y

    def bprop(self, x, y, out, dout):
        return 2 * dout, 2 * y


class Outer(nn.Cell):
    """sum(MulAdd(x w, y) * y): the custom bprop sits inside ordinary differentiated code."""

    def __init__(self):
        super().__init__()
        self.inner = MulAdd()
        self.w = mindc.Parameter(rand(3, seed=3), name="w")

    def construct(self, x, y):
        return ops.sum(self.inner(x * self.w, y) * y)


def test_bprop_replaces_the_cells_gradient(either_mode):
    dx, dy = mindc.grad(MulAdd(), (0, 1))(T(X), T(Y))
    close(dx, 2 * np.ones_like(X))     # dout is ones: the output is not a scalar
    close(dy, 2 * Y)


class GradNet(nn.Cell):
    """MindSpore's pattern: the gradient taken in a Cell's construct (compiled in graph mode)."""

    def __init__(self, net):
        super().__init__()
        self.net, self.weights = net, net.trainable_params()
        self.grad_op = GradOperation(get_all=True, get_by_list=True)

    def construct(self, x, y):
        return self.grad_op(self.net, self.weights)(x, y)


@pytest.mark.parametrize("inside_a_cell", [False, True], ids=["function", "GradNet"])
def test_bprop_inside_a_differentiated_network(inside_a_cell, either_mode):
    net = Outer()
    w = net.w.asnumpy()
    grad_fn = GradNet(net) if inside_a_cell else GradOperation(get_all=True, get_by_list=True)(net, net.trainable_params())
    (dx, dy), (dw,) = grad_fn(T(X), T(Y))
    # dout = y; the bprop gives d(x w) = 2 dout and dy_inner = 2 y; the outer product adds out.
    close(dx, 2 * Y * w)
    close(dy, (2 * X * w + Y) + 2 * Y)
    close(dw, (2 * Y * X).sum(0))


class Scaled(nn.Cell):
    """x * z with a Parameter z; its bprop also reads z and another Parameter only it uses."""

    def __init__(self):
        super().__init__()
        self.z = mindc.Parameter(rand(3, seed=4), name="z")
        self.k = mindc.Parameter(rand(3, seed=5), name="k")

    def construct(self, x):
        return x * self.z

    def bprop(self, x, out, dout):
        return (dout * self.z + self.k,)


def test_parameters_of_a_bprop_cell_get_zero_gradients(either_mode):
    net = Scaled()
    z, k = net.z.asnumpy(), net.k.asnumpy()
    loss = lambda x: ops.sum(net(x) * x)  # noqa: E731
    (dx,), (dz, dk) = mindc.grad(loss, (0,), [net.z, net.k])(T(X))
    close(dx, X * z + k + X * z)       # bprop's part with dout = x, plus d/dx of the outer product
    close(dz, np.zeros(3))
    close(dk, np.zeros(3))


class WithGradInside(nn.Cell):
    """A bprop that itself takes a gradient (MindSpore's test_grad_in_bprop)."""

    def construct(self, x, y):
        return ops.sin(x) * y

    def bprop(self, x, y, out, dout):
        dx, dy = mindc.grad(lambda a, b: ops.sum(ops.sin(a) * b * dout), (0, 1))(x, y)
        return 3 * dx, dy


def test_grad_inside_a_bprop(either_mode):
    dx, dy = mindc.grad(lambda x, y: ops.sum(WithGradInside()(x, y)), (0, 1))(T(X), T(Y))
    close(dx, 3 * np.cos(X) * Y)
    close(dy, np.sin(X))


class Cube(nn.Cell):
    """x^3 with its true gradient written by hand, so higher derivatives go through the bprop."""

    def construct(self, x):
        return x * x * x

    def bprop(self, x, out, dout):
        return (3 * x * x * dout,)


def test_second_derivative_differentiates_the_bprop():
    x = rand(4, seed=6)
    first = lambda v: ops.sum(mindc.grad(lambda u: ops.sum(Cube()(u)))(v))  # noqa: E731
    close(mindc.grad(first)(T(x)), 6 * x)
    close(mindc.jit(mindc.grad(first))(T(x)), 6 * x)


def test_bprop_cell_called_in_a_branch_and_a_loop(graph_mode):
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.cube = Cube()

        def construct(self, x):
            y = x
            if ops.sum(x) > 0:
                y = self.cube(x)
            for _ in range(2):
                y = self.cube(y) * 0.5
            return ops.sum(y)

    x = np.abs(rand(3, seed=10))
    # d/dx sum(((x^3)^3 / 2)^3 / 2) = 27/16 x^26
    close(mindc.grad(Net())(T(x)), 27 / 16 * x ** 26)


def test_jvp_through_a_bprop_cell():
    # Forward mode transposes the adjoint, so it is the bprop's linear map too.
    x, v = rand(4, seed=7), rand(4, seed=8)
    out, tangent = mindc.jvp(Cube(), T(x), T(v))
    close(out, x ** 3)
    close(tangent, 3 * x * x * v)


def test_forward_of_a_bprop_cell_in_graph_mode_runs_construct(graph_mode):
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.cube = Cube()

        def construct(self, x):
            return self.cube(x) + 1

    x = rand(4, seed=9)
    close(Net()(T(x)), x ** 3 + 1)
    close(mindc.jit(lambda v: Cube()(v))(T(x)), x ** 3)


def test_static_inputs_get_no_gradient():
    class Power(nn.Cell):
        def construct(self, x, n):
            return x ** n

        def bprop(self, x, n, out, dout):
            return n * x ** (n - 1) * dout, 0

    close(mindc.grad(lambda x: ops.sum(Power()(x, 3)))(T(X)), 3 * X ** 2)


# ---- bad bprops, reported at the bprop's definition

def bad(returns):
    class Bad(nn.Cell):
        def construct(self, x, y):
            return x * y

        def bprop(self, x, y, out, dout):
            return returns(x, y, dout)

    return Bad()


@pytest.mark.parametrize("returns,error,message", [
    (lambda x, y, d: (d * y,), ValueError, r"Bad.bprop returned 1 gradient\(s\) for 2 input\(s\)"),
    (lambda x, y, d: d * y, TypeError, "Bad.bprop must return a tuple of gradients, one per input, got Tensor"),
    (lambda x, y, d: (d * y, 2), TypeError, "Bad.bprop returned a gradient of type int for input 1, a tensor"),
    (lambda x, y, d: (d * y, ops.sum(d)), ValueError,
     r"Bad.bprop returned a gradient of shape \[\] for input 1 of shape \[2, 3\]"),
], ids=["count", "not-a-tuple", "type", "shape"])
def test_bad_bprop_raises_at_its_definition(returns, error, message):
    with pytest.raises(error, match=r"test_custom_bprop.py:\d+:1: " + message):
        mindc.grad(bad(returns), (0, 1))(T(X), T(Y))
