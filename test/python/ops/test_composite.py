"""MindSpore's F and C modules: F's primitive instances and conversions, C.MultitypeFuncGraph
dispatch, HyperMap/Map over parameter tuples (an optimizer written the MindSpore way, eagerly and
compiled), and C.GradOperation."""
import numpy as np
import pytest
from helpers import tol

import mindc
from mindc import nn
from mindc.ops import composite as C
from mindc.ops import functional as F
from mindc.ops import operations as P

T = mindc.Tensor


def rand(shape=(3, 4), seed=0):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def test_functional_names_are_mindspores():
    x, y = rand(), rand(seed=1)
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    np.testing.assert_allclose(F.tensor_add(T(x), T(y)).asnumpy(), x64 + y64, **tol(np.float32))
    np.testing.assert_allclose(F.tensor_sub(T(x), T(y)).asnumpy(), x64 - y64, **tol(np.float32))
    np.testing.assert_allclose(F.tensor_mul(T(x), T(y)).asnumpy(), x64 * y64, **tol(np.float32))
    np.testing.assert_allclose(F.tensor_div(T(x), T(y)).asnumpy(), x64 / y64, **tol(np.float32))
    np.testing.assert_allclose(F.square(T(x)).asnumpy(), x64 ** 2, **tol(np.float32))
    np.testing.assert_allclose(F.reduce_sum(T(x), 1).asnumpy(), x64.sum(1), rtol=1e-5, atol=1e-6)
    assert isinstance(F.tensor_add, P.Add)
    assert F.shape(T(x)) == (3, 4) and F.rank(T(x)) == 2 and F.size(T(x)) == 12 and F.dtype(T(x)) == mindc.float32
    assert F.depend(T(x), T(y)).shape == (3, 4)
    np.testing.assert_array_equal(F.select(T(x > 0), T(x), T(y)).asnumpy(), np.where(x > 0, x, y))
    np.testing.assert_array_equal(F.zeros_like(T(x)).asnumpy(), np.zeros_like(x))


def test_tuple_to_array_and_scalar_to_tensor():
    ints, floats = F.tuple_to_array((1, 2, 3)), F.tuple_to_array((1, 2.5))
    assert ints.dtype == mindc.int64 and ints.asnumpy().tolist() == [1, 2, 3]
    assert floats.dtype == mindc.float32 and floats.asnumpy().tolist() == [1.0, 2.5]
    s = F.scalar_to_tensor(3)
    assert s.dtype == mindc.float32 and s.shape == () and float(s.asnumpy()) == 3.0
    with pytest.raises(TypeError, match="tuple_to_array needs a non-empty tuple of numbers"):
        F.tuple_to_array([1, 2])


def test_multitype_func_graph_dispatches_on_argument_kinds():
    add = C.MultitypeFuncGraph("add")

    @add.register("Number", "Number")
    def _(x, y):
        return ("numbers", x + y)

    @add.register("Tensor", "Tensor")
    def _(x, y):
        return ("tensors", F.tensor_add(x, y))

    @add.register("Tensor", "Number")
    def _(x, y):
        return ("tensor and number", F.tensor_add(x, y))

    x = rand()
    assert add(1, 2.5) == ("numbers", 3.5)
    kind, value = add(T(x), T(x))
    assert kind == "tensors"
    np.testing.assert_allclose(value.asnumpy(), 2 * x.astype(np.float64), **tol(np.float32))
    assert add(T(x), 2)[0] == "tensor and number"
    with pytest.raises(TypeError, match=r"MultitypeFuncGraph 'add' has no implementation for arguments of kinds "
                                        r"\(Number, Tensor\); registered: \(Number, Number\)"):
        add(2, T(x))


def test_multitype_func_graph_rejects_unknown_type_names_and_accepts_mindspores_sparse_ones():
    with pytest.raises(ValueError, match="unknown type name 'Tensr'"):
        C.MultitypeFuncGraph("f").register("Tensr")
    f = C.MultitypeFuncGraph("f")
    f.register("RowTensor")(lambda x: "sparse")
    f.register("Tensor")(lambda x: "dense")
    assert f(T(rand())) == "dense"


def test_hyper_map_recurses_into_nested_tuples_and_map_does_not():
    add = lambda x, y: x + y  # noqa: E731
    assert C.HyperMap()(add, (1, (2, 3)), (10, (20, 30))) == (11, (22, 33))
    assert C.HyperMap(add)([1, 2], [3, 4]) == [4, 6]
    assert C.Map()(add, (1, 2), (3, 4)) == (4, 6)
    assert C.Map(lambda t: len(t))(((1, 2), (3,))) == (2, 1)
    with pytest.raises(TypeError, match=r"HyperMap needs arguments that are all tuples or all lists of one length, "
                                        r"got \(tuple\[2\], tuple\[3\]\)"):
        C.HyperMap()(add, (1, 2), (1, 2, 3))


def test_hyper_map_reverse_visits_from_the_end_and_keeps_places():
    seen = []
    out = C.HyperMap(reverse=True)(lambda x: seen.append(x) or -x, (1, 2, 3))
    assert seen == [3, 2, 1] and out == (-1, -2, -3)


_momentum_opt = C.MultitypeFuncGraph("momentum_opt")


@_momentum_opt.register("Function", "Tensor", "Tensor", "Tensor", "Tensor", "Tensor")
def _tensor_run_opt(opt, momentum, learning_rate, gradient, weight, moment):
    return F.depend(True, opt(weight, moment, learning_rate, gradient, momentum))


class UserMomentum(nn.Cell):
    """A Momentum optimizer written as MindSpore's own is (hyper_map over a partial)."""

    def __init__(self, params, learning_rate, momentum):
        super().__init__()
        self.params = params
        self.moments = [mindc.Parameter(np.zeros(p.shape, np.float32), name=f"moment.{p.name}") for p in params]
        self.learning_rate = T(np.float32(learning_rate))
        self.momentum = T(np.float32(momentum))
        self.hyper_map = C.HyperMap()
        self.opt = P.ApplyMomentum()

    def construct(self, gradients):
        return self.hyper_map(F.partial(_momentum_opt, self.opt, self.momentum, self.learning_rate),
                              gradients, tuple(self.params), tuple(self.moments))


@pytest.mark.parametrize("compiled", [False, True])
def test_user_momentum_optimizer_with_hyper_map(compiled, either_mode):
    # Called as a Cell (eagerly in PyNative, one graph in GRAPH_MODE) or inside mindc.jit.
    w0, b0 = rand((2, 3), seed=2), rand((3,), seed=3)
    params = [mindc.Parameter(w0.copy(), name="w"), mindc.Parameter(b0.copy(), name="b")]
    opt = UserMomentum(params, 0.1, 0.9)
    step = mindc.jit(opt.construct) if compiled else opt
    grads = [(rand((2, 3), seed=4), rand((3,), seed=5)), (rand((2, 3), seed=6), rand((3,), seed=7))]
    want = [w0.astype(np.float64), b0.astype(np.float64)]
    moments = [np.zeros_like(w) for w in want]
    for g in grads:
        assert step(tuple(T(x) for x in g)) == (True, True)
        for i, gi in enumerate(g):
            moments[i] = moments[i] * 0.9 + gi
            want[i] = want[i] - 0.1 * moments[i]
    for p, w in zip(params, want):
        np.testing.assert_allclose(p.asnumpy(), w, rtol=1e-5, atol=1e-6)


def test_partial_binds_leading_arguments():
    x = rand()
    np.testing.assert_allclose(F.partial(F.tensor_add, T(x))(T(x)).asnumpy(), 2 * x.astype(np.float64),
                               **tol(np.float32))


def test_grad_operation_is_re_exported():
    from mindc import ops
    from mindc.frontend.grad import GradOperation

    assert C.GradOperation is GradOperation and ops.GradOperation is GradOperation
    x = rand(seed=8).astype(np.float64)
    grad = C.GradOperation()(lambda v: F.reduce_sum(F.square(v)))(T(x))
    np.testing.assert_allclose(grad.asnumpy(), 2 * x, rtol=1e-12)
