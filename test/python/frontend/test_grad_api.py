"""MindSpore's gradient API, form by form: grad/value_and_grad with every grad_position and weights
combination, has_aux, return_ids and ops.get_grad; ops.GradOperation (get_all, get_by_list,
sens_param) in PyNative and inside a GRAPH_MODE Cell; vjp/jvp/jacobian structures; grad of grad
through control flow; Parameters read inside control flow and through helper methods; errors.

Every gradient is compared with central differences of a float64 numpy forward on random
inputs (FD tolerances as in test_grad.py); structures are compared with MindSpore's.
"""
from __future__ import annotations

import numpy as np
import pytest

import mindc
from mindc import nn, ops
from mindc.ops import GradOperation, get_grad

T = mindc.Tensor
EPS = 1e-6
FD = dict(rtol=1e-6, atol=1e-8)


def rand(*shape, seed=0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


def fd_grad(f, arrays, i) -> np.ndarray:
    """d f(*arrays) / d arrays[i] by central differences; f maps numpy arrays to a scalar."""
    x = arrays[i]
    g = np.zeros_like(x)
    for k in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[k] = EPS
        plus = list(arrays)
        minus = list(arrays)
        plus[i], minus[i] = x + step, x - step
        g[k] = (f(*plus) - f(*minus)) / (2 * EPS)
    return g


def close(got, want):
    assert isinstance(got, mindc.Tensor), type(got)
    np.testing.assert_allclose(got.asnumpy(), want, **FD)


X, Y, W0, B0 = rand(3, 4, seed=1), rand(3, 4, seed=2), rand(4, seed=3), rand(4, seed=4)


class Net(nn.Cell):
    """sum(tanh(w x) y + b y^2), with Parameters w and b."""

    def __init__(self):
        super().__init__()
        self.w = mindc.Parameter(W0.copy(), name="w")
        self.b = mindc.Parameter(B0.copy(), name="b")

    def construct(self, x, y):
        return ops.sum(ops.tanh(self.w * x) * y + self.b * y * y)


def net_np(x, y, w, b):
    return np.sum(np.tanh(w * x) * y + b * y * y)


def want(name):
    """The float64 finite-difference gradient of net_np in x, y, w or b."""
    return fd_grad(net_np, [X, Y, W0, B0], "xywb".index(name))


# ---- grad: every grad_position x weights combination, in MindSpore's structures.

def weights_of(net, kind):
    return {"none": None, "param": net.w, "list": [net.w, net.b],
            "tuple": mindc.ParameterTuple(net.trainable_params()), "empty": []}[kind]


def expected(position, kind):
    """The structure grad returns, with names standing for the gradients."""
    by_position = None if position is None else "xy"[position] if isinstance(position, int) else \
        tuple("xy"[p] for p in position)
    by_weight = {"none": None, "param": "w", "list": ("w", "b"), "tuple": ("w", "b"), "empty": ()}[kind]
    if kind == "none":
        return by_position
    return by_weight if position is None else (by_position, by_weight)


def assert_structure(got, names):
    if isinstance(names, str):
        close(got, want(names))
    else:
        assert isinstance(got, tuple) and len(got) == len(names), got
        for g, n in zip(got, names):
            assert_structure(g, n)


@pytest.mark.parametrize("kind", ["none", "param", "list", "tuple", "empty"])
@pytest.mark.parametrize("position", [0, 1, (1,), (0, 1), None], ids=["0", "1", "(1,)", "(0,1)", "None"])
def test_grad_structures_match_mindspore(position, kind):
    if position is None and kind == "none":
        return  # an error: test_grad_of_nothing_raises_value_error
    net = Net()
    got = mindc.grad(net, grad_position=position, weights=weights_of(net, kind))(T(X), T(Y))
    assert_structure(got, expected(position, kind))


def test_value_and_grad_returns_outputs_then_grads():
    net = Net()
    value, (dx, (dw,)) = mindc.value_and_grad(net, 0, [net.w])(T(X), T(Y))
    np.testing.assert_allclose(value.asnumpy(), net_np(X, Y, W0, B0), rtol=1e-12)
    close(dx, want("x"))
    close(dw, want("w"))


def test_grad_has_aux_returns_the_other_outputs_as_a_tuple():
    def f(x, y):
        return ops.sum(ops.tanh(x) * y), x * 2

    grads, aux = mindc.grad(f, (0, 1), has_aux=True)(T(X), T(Y))
    assert isinstance(aux, tuple) and len(aux) == 1       # (out2,), as MindSpore returns it
    np.testing.assert_allclose(aux[0].asnumpy(), X * 2)
    close(grads[0], fd_grad(lambda x, y: np.sum(np.tanh(x) * y), [X, Y], 0))
    (value, out2), dx = mindc.value_and_grad(f, 0, has_aux=True)(T(X), T(Y))
    np.testing.assert_allclose(out2.asnumpy(), X * 2)
    close(dx, grads[0])


# ---- return_ids and get_grad

def test_return_ids_pairs_each_gradient_with_its_position_or_name():
    net = Net()
    (by_position, by_weight) = mindc.grad(net, (0, 1), [net.w, net.b], return_ids=True)(T(X), T(Y))
    assert [p for p, _ in by_position] == [0, 1] and [n for n, _ in by_weight] == ["w", "b"]
    single = mindc.grad(net, 1, net.b, return_ids=True)(T(X), T(Y))
    assert single[0][0] == 1 and single[1][0] == "b"
    close(single[1][1], want("b"))
    _, grads = mindc.value_and_grad(net, 0, return_ids=True)(T(X), T(Y))
    assert grads[0] == 0
    for identifier, name in [(0, "x"), (1, "y"), (net.w, "w"), (net.b, "b")]:
        close(get_grad((by_position, by_weight), identifier), want(name))


def test_get_grad_of_an_identifier_not_there_raises_runtime_error():
    net = Net()
    grads = mindc.grad(net, 0, return_ids=True)(T(X), T(Y))
    with pytest.raises(RuntimeError, match=r"test_grad_api.py:\d+:\d+: get_grad found no gradient for 1"):
        get_grad(grads, 1)
    with pytest.raises(RuntimeError, match="no gradient for Parameter"):
        get_grad(grads, net.w)


# ---- GradOperation, called eagerly and inside a GRAPH_MODE Cell

class GradNet(nn.Cell):
    """MindSpore's common pattern: the gradient taken inside another Cell's construct."""

    def __init__(self, net, grad_op, weights=None):
        super().__init__()
        self.net, self.grad_op, self.weights = net, grad_op, weights

    def construct(self, *args):
        return self.grad_op(self.net, self.weights)(*args)


GRAD_OPERATIONS = [
    (dict(), "x"),
    (dict(get_all=True), ("x", "y")),
    (dict(get_by_list=True), ("w", "b")),
    (dict(get_all=True, get_by_list=True), (("x", "y"), ("w", "b"))),
]


@pytest.mark.parametrize("flags,names", GRAD_OPERATIONS, ids=["default", "get_all", "get_by_list", "both"])
def test_grad_operation_structures(flags, names, either_mode):
    net = Net()
    weights = mindc.ParameterTuple(net.trainable_params())
    assert_structure(GradNet(net, GradOperation(**flags), weights)(T(X), T(Y)), names)
    assert_structure(GradOperation(**flags)(net, weights)(T(X), T(Y)), names)


def test_grad_operation_single_parameter_and_none(either_mode):
    net = Net()
    assert_structure(GradNet(net, GradOperation(get_all=True, get_by_list=True), net.w)(T(X), T(Y)),
                     (("x", "y"), "w"))
    assert GradNet(net, GradOperation(get_by_list=True), None)(T(X), T(Y)) == ()


def test_grad_operation_of_no_input_is_empty(either_mode):
    class Const(nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = mindc.Parameter(W0.copy(), name="w")

        def construct(self):
            return ops.sum(self.w * self.w)

    const = Const()
    assert GradNet(const, GradOperation())() == ()
    (dw,) = GradOperation(get_by_list=True)(const, [const.w])()
    close(dw, 2 * W0)


def test_grad_operation_sens_param_weights_each_output(either_mode):
    class TwoOutputs(nn.Cell):
        def construct(self, x, y):
            return ops.sin(x) * y, ops.exp(y)

    s1, s2 = rand(3, 4, seed=5), rand(3, 4, seed=6)

    def weighted(x, y):
        return np.sum(np.sin(x) * y * s1) + np.sum(np.exp(y) * s2)

    dx, dy = GradNet(TwoOutputs(), GradOperation(get_all=True, sens_param=True))(T(X), T(Y), (T(s1), T(s2)))
    close(dx, fd_grad(weighted, [X, Y], 0))
    close(dy, fd_grad(weighted, [X, Y], 1))
    dx = GradOperation(sens_param=True)(TwoOutputs())(T(X), T(Y), sens=(T(s1), T(s2)))
    close(dx, fd_grad(weighted, [X, Y], 0))


def test_grad_operation_without_sens_uses_ones_for_every_output():
    def two(x, y):
        return ops.sin(x) * y, x * x

    dx = GradOperation()(two)(T(X), T(Y))
    close(dx, fd_grad(lambda x, y: np.sum(np.sin(x) * y) + np.sum(x * x), [X, Y], 0))


def test_grad_operation_sens_of_the_wrong_shape_raises_value_error():
    with pytest.raises(ValueError, match=r"test_grad_api.py:\d+:\d+: sens_param=True: sensitivity 0 is "
                                         r"tensor<3x4xf64>, the output is tensor<f64>"):
        GradOperation(sens_param=True)(Net())(T(X), T(Y), T(X))


def test_grad_operation_flags_must_be_bools():
    with pytest.raises(TypeError, match="GradOperation's get_all must be a bool, got int"):
        GradOperation(get_all=1)


def test_integer_tensors_get_integer_gradients(either_mode):
    # MindSpore's test_grad_return_type nets: integer inputs and Parameters are differentiated
    # like floats, their gradients integers (sensitivity: integer ones).
    class Affine(nn.Cell):
        def __init__(self, w, b):
            super().__init__()
            self.w, self.b = mindc.Parameter(w, name="w"), mindc.Parameter(b, name="b")

        def construct(self, x, y):
            return self.w * x + self.b * y

    rng = np.random.default_rng(20)
    x, y, w, b = (rng.integers(-9, 10, 3).astype(np.int32) for _ in range(4))
    net = Affine(w, b)
    (dx, dy), (dw, db) = GradNet(net, GradOperation(get_all=True, get_by_list=True), net.trainable_params())(
        T(x), T(y))
    for got, want_ in ((dx, w), (dy, b), (dw, x), (db, y)):
        assert got.dtype is mindc.int32
        np.testing.assert_array_equal(got.asnumpy(), want_)


def test_arguments_that_are_not_tensors_have_no_gradient(either_mode):
    class Add(nn.Cell):
        def construct(self, x, y):
            return x + y

    assert mindc.grad(Add())(1, 2) == ()                  # MindSpore's test_grad_constant_tensor
    dx, = mindc.grad(lambda x, n: ops.sum(ops.sin(x) * n), (0, 1))(T(X), 3)
    close(dx, fd_grad(lambda x: np.sum(np.sin(x) * 3), [X], 0))


# ---- vjp, jvp and Jacobian structures

def test_vjp_takes_one_cotangent_per_output_and_returns_a_tuple():
    def two(x, y):
        return ops.sin(x) * y, y * y * y

    v1, v2 = rand(3, 4, seed=7), rand(3, 4, seed=8)
    (o1, o2), vjp_fn = mindc.vjp(two, T(X), T(Y))
    dx, dy = vjp_fn(T(v1), T(v2))
    f = lambda x, y: np.sum(np.sin(x) * y * v1) + np.sum(y ** 3 * v2)  # noqa: E731
    close(dx, fd_grad(f, [X, Y], 0))
    close(dy, fd_grad(f, [X, Y], 1))


def test_vjp_with_a_single_parameter_returns_its_gradient_bare():
    net = Net()
    out, vjp_fn = mindc.vjp(net, T(X), T(Y), weights=net.b)
    (dx, dy), db = vjp_fn(T(np.array(1.0)))
    close(db, want("b"))
    close(dy, want("y"))


def test_jvp_returns_outputs_and_their_tangents_in_the_outputs_structure():
    u, v = rand(3, 4, seed=9), rand(3, 4, seed=10)

    def two(x, y):
        return ops.sin(x) * y, ops.exp(x)

    (o1, o2), (t1, t2) = mindc.jvp(two, (T(X), T(Y)), (T(u), T(v)))
    t1_want = (np.sin(X + EPS * u) * (Y + EPS * v) - np.sin(X - EPS * u) * (Y - EPS * v)) / (2 * EPS)
    np.testing.assert_allclose(t1.asnumpy(), t1_want, **FD)
    np.testing.assert_allclose(t2.asnumpy(), (np.exp(X + EPS * u) - np.exp(X - EPS * u)) / (2 * EPS), **FD)


def test_jvp_of_bad_inputs_raises_at_the_call():
    with pytest.raises(TypeError, match=r"test_grad_api.py:\d+:\d+: jvp's v must be a Tensor, or a tuple or list of "
                                        "Tensors, got float"):
        mindc.jvp(ops.sin, T(X), 1.0)
    with pytest.raises(ValueError, match=r"test_grad_api.py:\d+:\d+: jvp got 1 tangent\(s\) for 2 input\(s\)"):
        mindc.jvp(ops.mul, (T(X), T(Y)), [T(X)])


@pytest.mark.parametrize("jacobian", [mindc.jacrev, mindc.jacfwd], ids=["jacrev", "jacfwd"])
def test_jacobian_structures_match_mindspore(jacobian):
    a, b = rand(2, seed=11), rand(2, seed=12)
    one = lambda x, y: ops.sin(x) * y  # noqa: E731
    two = lambda x, y: (ops.sin(x) * y, x * x)  # noqa: E731
    assert isinstance(jacobian(one, (0,))(T(a), T(b)), mindc.Tensor)   # one output, one input: bare
    assert len(jacobian(one, (0, 1))(T(a), T(b))) == 2
    assert len(jacobian(two, 1)(T(a), T(b))) == 2
    table = jacobian(two, (0, 1))(T(a), T(b))                           # [output][input]
    assert len(table) == 2 and all(len(row) == 2 for row in table)
    np.testing.assert_allclose(table[1][0].asnumpy(), np.diag(2 * a), **FD)
    np.testing.assert_allclose(table[0][1].asnumpy(), np.diag(np.sin(a)), **FD)


# ---- higher order through control flow; Parameters in control flow and helper methods

def test_grad_of_grad_through_a_branch_and_a_loop(graph_mode):
    class Poly(nn.Cell):
        def construct(self, x):
            y = x
            for _ in range(3):
                y = y * x              # x^4
            if ops.sum(x) > 0:
                y = y + ops.sin(x)
            return ops.sum(y)

    second = mindc.jit(mindc.grad(lambda x: ops.sum(mindc.grad(Poly())(x))))
    for x in (np.abs(rand(5, seed=13)), -np.abs(rand(5, seed=14))):
        got = second(T(x)).asnumpy()
        np.testing.assert_allclose(got, 12 * x ** 2 - (np.sin(x) if x.sum() > 0 else 0), rtol=1e-10)


class Gated(nn.Cell):
    """Reads its Parameters inside a tensor-dependent branch, a loop, and a helper method."""

    def __init__(self):
        super().__init__()
        self.w = mindc.Parameter(W0.copy(), name="w")
        self.b = mindc.Parameter(B0.copy(), name="b")

    def scaled(self, x):
        return x * self.w

    def construct(self, x):
        h = self.scaled(x)
        if ops.sum(h) > 0:
            h = ops.tanh(h) + self.b
        else:
            h = h * self.b
        i = 0
        while i < 2:
            h = ops.sin(h * self.w)
            i += 1
        return ops.sum(h)


def gated_np(x, w, b):
    h = x * w
    h = np.tanh(h) + b if h.sum() > 0 else h * b
    for _ in range(2):
        h = np.sin(h * w)
    return np.sum(h)


@pytest.mark.parametrize("sign", [1, -1])
def test_parameter_gradients_through_control_flow_and_helpers(sign, either_mode):
    x = sign * np.abs(X) / W0                  # h = x w has the sign `sign` everywhere
    net = Gated()
    dw, db = mindc.grad(net, None, net.trainable_params())(T(x))
    close(dw, fd_grad(gated_np, [x, W0, B0], 1))
    close(db, fd_grad(gated_np, [x, W0, B0], 2))
    dw2, db2 = GradNet(net, GradOperation(get_by_list=True), net.trainable_params())(T(x))
    close(dw2, dw.asnumpy())
    close(db2, db.asnumpy())


# ---- bad input, reported at the user's line

@pytest.mark.parametrize("position,error,message", [
    (-1, ValueError, "grad_position must be >= 0, got -1"),
    ((0, 0), ValueError, r"grad_position \(0, 0\) repeats a position"),
    ([0], TypeError, r"grad_position must be an int, a tuple of ints or None, got \[0\]"),
    ((0, "1"), TypeError, "grad_position must be an int, a tuple of ints or None"),
])
def test_bad_grad_position_raises_at_the_grad_call(position, error, message):
    with pytest.raises(error, match=r"test_grad_api.py:\d+:\d+: " + message):
        mindc.grad(Net(), grad_position=position)


def test_grad_of_nothing_raises_value_error():
    with pytest.raises(ValueError, match=r"test_grad_api.py:\d+:\d+: grad_position and weights cannot both be None"):
        mindc.grad(Net(), grad_position=None, weights=None)


def test_empty_grad_position_raises_runtime_error_at_the_call():
    net = Net()
    grad_fn = mindc.grad(net, grad_position=(), weights=net.trainable_params())
    with pytest.raises(RuntimeError, match=r"test_grad_api.py:\d+:\d+: grad_position is an empty tuple"):
        grad_fn(T(X), T(Y))


@pytest.mark.parametrize("weights", [T(W0), [mindc.Parameter(W0), T(B0)], "w"], ids=["tensor", "list", "str"])
def test_weights_that_are_not_parameters_raise_type_error(weights):
    with pytest.raises(TypeError, match=r"test_grad_api.py:\d+:\d+: weights must be a Parameter, a ParameterTuple "
                                        "or a list of Parameters, got (Tensor|str)"):
        mindc.grad(Net(), weights=weights)
