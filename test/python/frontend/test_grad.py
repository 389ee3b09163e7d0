"""mindc's gradient API (grad, value_and_grad, vjp, jvp, jacrev, jacfwd, Parameter, stop_gradient)
against float64 numpy: analytic derivatives, or central differences of a numpy forward.

Tolerances: analytic references differ from mindc's float64 results only by rounding (EXACT);
central differences with step EPS = 1e-6 carry a truncation error ~EPS^2 f''' and a rounding
error ~1e-16 / EPS, about 1e-10 relative here (FD, with margin).
"""
from __future__ import annotations


import numpy as np
import pytest

import mindc
from mindc import ops
from mindc.frontend import derived_run

T = mindc.Tensor
EXACT = dict(rtol=1e-10, atol=1e-12)
EPS = 1e-6
FD = dict(rtol=1e-6, atol=1e-8)


def rand(*shape, seed=0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


def close(got, want, tol=EXACT):
    np.testing.assert_allclose(np.asarray(got.asnumpy() if isinstance(got, mindc.Tensor) else got), want, **tol)


def directional_fd(f, xs, us):
    """d/dt f(xs + t us) at t=0 by central differences; f maps numpy arrays to a numpy array."""
    plus = f(*[x + EPS * u for x, u in zip(xs, us)])
    minus = f(*[x - EPS * u for x, u in zip(xs, us)])
    return (np.asarray(plus) - np.asarray(minus)) / (2 * EPS)


def numpy_jacobian(f, x):
    """The Jacobian of numpy f at x by central differences, shaped f(x).shape + x.shape."""
    out = np.asarray(f(x))
    jac = np.zeros(out.shape + x.shape)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = EPS
        jac[(...,) + i] = (np.asarray(f(x + step)) - np.asarray(f(x - step))) / (2 * EPS)
    return jac


# f(x, y) = sum(sin(x) * y): df/dx = cos(x) * y, df/dy = sin(x).
def sin_times(x, y):
    return ops.sum(ops.sin(x) * y)


X, Y, Z = rand(3, 4, seed=1), rand(3, 4, seed=2), rand(3, 4, seed=3)


# ---- grad: positions, weights, aux, sensitivities

@pytest.mark.parametrize("position,want", [(0, np.cos(X) * Y), (1, np.sin(X))])
def test_grad_int_position_matches_analytic(position, want):
    got = mindc.grad(sin_times, grad_position=position)(T(X), T(Y))
    assert isinstance(got, mindc.Tensor) and got.shape == (3, 4)
    close(got, want)


def test_grad_tuple_position_returns_a_tuple():
    f = lambda x, y, z: ops.sum(ops.sin(x) * y * ops.exp(z))  # noqa: E731
    dx, dz = mindc.grad(f, grad_position=(0, 2))(T(X), T(Y), T(Z))
    close(dx, np.cos(X) * Y * np.exp(Z))
    close(dz, np.sin(X) * Y * np.exp(Z))
    (only,) = mindc.grad(f, grad_position=(1,))(T(X), T(Y), T(Z))
    close(only, np.sin(X) * np.exp(Z))


def test_grad_weights_only_with_grad_position_none():
    w = mindc.Parameter(rand(4, seed=4), name="w")
    b = mindc.Parameter(rand(4, seed=5), name="b")
    f = lambda x: ops.sum(ops.tanh(x * w + b))  # noqa: E731
    grads = mindc.grad(f, grad_position=None, weights=[w, b])(T(X))
    sech2 = 1 - np.tanh(X * w.asnumpy() + b.asnumpy()) ** 2
    assert isinstance(grads, tuple) and len(grads) == 2
    close(grads[0], (sech2 * X).sum(0))
    close(grads[1], sech2.sum(0))


@pytest.mark.parametrize("position", [0, (0, 1)])
def test_grad_positions_and_weights_returns_both(position):
    w = mindc.Parameter(rand(4, seed=6), name="w")
    f = lambda x, y: ops.sum(ops.sin(x * w) * y)  # noqa: E731
    by_position, by_weight = mindc.grad(f, grad_position=position, weights=[w])(T(X), T(Y))
    c = np.cos(X * w.asnumpy()) * Y
    if isinstance(position, int):
        close(by_position, c * w.asnumpy())
    else:
        close(by_position[0], c * w.asnumpy())
        close(by_position[1], np.sin(X * w.asnumpy()))
    (dw,) = by_weight
    close(dw, (c * X).sum(0))


def test_grad_unused_weight_gets_zeros():
    w = mindc.Parameter(rand(4, seed=7), name="w")
    unused = mindc.Parameter(rand(2, seed=8), name="unused")
    dw, du = mindc.grad(lambda x: ops.sum(x * w), grad_position=None, weights=[w, unused])(T(X))
    close(dw, X.sum(0))
    close(du, np.zeros(2))


def test_grad_closure_tensor_is_read_but_not_differentiated():
    c = T(rand(3, 4, seed=9))
    got = mindc.grad(lambda x: ops.sum(ops.sin(x) * c))(T(X))
    close(got, np.cos(X) * c.asnumpy())


def test_grad_has_aux_returns_grads_and_an_aux_tuple():
    f = lambda x, y: (sin_times(x, y), x * y, ops.exp(x))  # noqa: E731
    (dx, dy), aux = mindc.grad(f, grad_position=(0, 1), has_aux=True)(T(X), T(Y))
    close(dx, np.cos(X) * Y)          # only the first output is differentiated
    close(dy, np.sin(X))
    assert isinstance(aux, tuple) and len(aux) == 2
    close(aux[0], X * Y)
    close(aux[1], np.exp(X))
    grads, (one_aux,) = mindc.grad(lambda x: (ops.sum(x * x), x + 1), has_aux=True)(T(X))
    close(grads, 2 * X)
    close(one_aux, X + 1)


def test_grad_non_scalar_output_gets_a_sensitivity_of_ones():
    # MindSpore: d/dx of a tensor output is the gradient of its sum.
    close(mindc.grad(lambda x, y: ops.sin(x) * y)(T(X), T(Y)), np.cos(X) * Y)


def test_grad_multiple_outputs_add_their_gradients():
    f = lambda x: (ops.sum(x * x), ops.sin(x), ops.mean(ops.exp(x), 0))  # noqa: E731
    close(mindc.grad(f)(T(X)), 2 * X + np.cos(X) + np.exp(X) / 3)


def test_grad_float32_matches_float64_reference():
    x = X.astype(np.float32)
    got = mindc.grad(lambda x: ops.sum(ops.tanh(x)))(T(x))
    assert got.dtype is mindc.float32
    close(got, 1 - np.tanh(X) ** 2, dict(rtol=1e-5, atol=1e-6))


def test_grad_of_integer_input_is_the_integer_gradient():
    # As in MindSpore, integer tensors are differentiated too: Cast's VJP casts the float
    # cotangent back to int32 (truncating toward zero, as numpy's astype does).
    n = np.array([[1, 2, 3, 4]] * 3, dtype=np.int32)
    dx, dn = mindc.grad(lambda x, n: ops.sum(x * ops.cast(n, mindc.float64)), grad_position=(0, 1))(T(X), T(n))
    close(dx, n.astype(np.float64))
    assert dn.dtype is mindc.int32
    np.testing.assert_array_equal(dn.asnumpy(), X.astype(np.int32))


def test_stop_gradient_blocks_the_gradient():
    # d/dx sum(stop(x^2) * x) = x^2 (only the unstopped factor); a fully stopped output gives 0.
    close(mindc.grad(lambda x: ops.sum(ops.stop_gradient(x * x) * x))(T(X)), X ** 2)
    close(mindc.grad(lambda x: ops.sum(ops.stop_gradient(ops.sin(x))))(T(X)), np.zeros_like(X))


# ---- value_and_grad

def test_value_and_grad_returns_values_and_grads():
    value, (dx, dy) = mindc.value_and_grad(sin_times, grad_position=(0, 1))(T(X), T(Y))
    close(value, (np.sin(X) * Y).sum())
    close(dx, np.cos(X) * Y)
    close(dy, np.sin(X))


def test_value_and_grad_with_weights_and_aux():
    w = mindc.Parameter(rand(4, seed=10), name="w")
    f = lambda x: (ops.sum(ops.sin(x * w)), x * w)  # noqa: E731
    (loss, aux), (dx, (dw,)) = mindc.value_and_grad(f, 0, weights=[w], has_aux=True)(T(X))
    wv = w.asnumpy()
    close(loss, np.sin(X * wv).sum())
    close(aux, X * wv)
    close(dx, np.cos(X * wv) * wv)
    close(dw, (np.cos(X * wv) * X).sum(0))


# ---- vjp and jvp

def test_vjp_single_input():
    v = rand(3, 4, seed=11)
    out, vjp_fn = mindc.vjp(ops.tanh, T(X))
    close(out, np.tanh(X))
    (dx,) = vjp_fn(T(v))     # MindSpore: a tuple of input cotangents, even for one input
    close(dx, v * (1 - np.tanh(X) ** 2))


def test_vjp_several_inputs_returns_a_tuple():
    v = rand(3, 4, seed=12)
    out, vjp_fn = mindc.vjp(lambda x, y: ops.sin(x) * y, T(X), T(Y))
    close(out, np.sin(X) * Y)
    dx, dy = vjp_fn(T(v))
    close(dx, v * np.cos(X) * Y)
    close(dy, v * np.sin(X))


def test_vjp_with_weights_and_aux():
    w = mindc.Parameter(rand(4, seed=13), name="w")
    v = rand(3, 4, seed=14)
    out, vjp_fn, aux = mindc.vjp(lambda x: (ops.sin(x * w), x + w), T(X), weights=[w], has_aux=True)
    wv = w.asnumpy()
    close(out, np.sin(X * wv))
    close(aux, X + wv)     # one aux output comes back bare, as in MindSpore
    (dx,), (dw,) = vjp_fn(T(v))
    close(dx, v * np.cos(X * wv) * wv)
    close(dw, (v * np.cos(X * wv) * X).sum(0))


def test_jvp_matches_directional_finite_differences():
    u, w = rand(3, 4, seed=15), rand(3, 4, seed=16)

    def f(x, y):
        return ops.sin(x) * ops.exp(y), ops.sum(x * y, 1)

    def f_np(x, y):
        return np.concatenate([(np.sin(x) * np.exp(y)).ravel(), (x * y).sum(1)])

    (a, b), (da, db) = mindc.jvp(f, (T(X), T(Y)), (T(u), T(w)))
    close(a, np.sin(X) * np.exp(Y))
    close(b, (X * Y).sum(1))
    want = directional_fd(f_np, [X, Y], [u, w])
    close(np.concatenate([da.asnumpy().ravel(), db.asnumpy()]), want, FD)


def test_jvp_single_input_and_aux():
    u = rand(3, 4, seed=17)
    out, tangent = mindc.jvp(ops.tanh, T(X), T(u))
    close(out, np.tanh(X))
    close(tangent, directional_fd(np.tanh, [X], [u]), FD)
    out, tangent, aux = mindc.jvp(lambda x: (ops.sin(x), x * 2), T(X), T(u), has_aux=True)
    close(out, np.sin(X))
    close(tangent, np.cos(X) * u)
    close(aux, 2 * X)


# ---- Jacobians

A, B = rand(2, 3, seed=18), rand(3, 2, seed=19)


def tanh_matmul(a, b):
    return ops.tanh(ops.matmul(a, b))


@pytest.mark.parametrize("jacobian", [mindc.jacrev, mindc.jacfwd], ids=["jacrev", "jacfwd"])
def test_jacobian_matches_numpy_jacobian(jacobian):
    ja, jb = jacobian(tanh_matmul, grad_position=(0, 1))(T(A), T(B))
    assert ja.shape == (2, 2, 2, 3) and jb.shape == (2, 2, 3, 2)
    close(ja, numpy_jacobian(lambda a: np.tanh(a @ B), A), FD)
    close(jb, numpy_jacobian(lambda b: np.tanh(A @ b), B), FD)
    single = jacobian(tanh_matmul, grad_position=1)(T(A), T(B))
    assert isinstance(single, mindc.Tensor)
    close(single, jb)


@pytest.mark.parametrize("jacobian", [mindc.jacrev, mindc.jacfwd], ids=["jacrev", "jacfwd"])
def test_jacobian_of_several_outputs_and_aux(jacobian):
    f = lambda a: (ops.sin(a), ops.sum(a * a, 1))  # noqa: E731
    j_sin, j_sq = jacobian(f)(T(A))
    assert j_sin.shape == (2, 3, 2, 3) and j_sq.shape == (2, 2, 3)
    close(j_sin, numpy_jacobian(np.sin, A), FD)
    close(j_sq, numpy_jacobian(lambda a: (a * a).sum(1), A), FD)
    jac, aux = jacobian(f, has_aux=True)(T(A))
    close(jac, j_sin)
    close(aux, (A * A).sum(1))


# ---- composition with mindc.jit, Python control flow, caching

def test_jit_of_grad():
    step = mindc.jit(mindc.grad(sin_times, grad_position=(0, 1)))
    dx, dy = step(T(X), T(Y))
    close(dx, np.cos(X) * Y)
    close(dy, np.sin(X))
    step(T(Y), T(X))
    assert step.cache_info().misses == 1


def test_grad_inside_jit_closes_over_jit_arguments():
    # The inner function captures y and x, traced arguments of the jitted function.
    @mindc.jit
    def inner_grad(x, y):
        return mindc.grad(lambda a: ops.sum(ops.sin(a * y) * x))(x)

    close(inner_grad(T(X), T(Y)), Y * np.cos(X * Y) * X)


def test_grad_of_function_calling_jit():
    g = mindc.jit(lambda x, y: ops.sin(x) * y)
    close(mindc.grad(lambda x, y: ops.sum(g(x, y) * x))(T(X), T(Y)), np.cos(X) * Y * X + np.sin(X) * Y)


def test_grad_of_python_loop_rnn_is_unrolled():
    # h_{t+1} = tanh(h_t W + x_t U), loss = sum(h_5); the reference is a hand-written numpy BPTT.
    w, u, xs = 0.5 * rand(4, 4, seed=20), rand(3, 4, seed=21), rand(5, 2, 3, seed=22)

    def rnn(w, u, xs):
        h = ops.zeros((2, 4), mindc.float64)
        for t in range(5):
            h = ops.tanh(ops.matmul(h, w) + ops.matmul(xs[t], u))
        return ops.sum(h)

    hs = [np.zeros((2, 4))]
    for t in range(5):
        hs.append(np.tanh(hs[-1] @ w + xs[t] @ u))
    dw, du, dh = np.zeros_like(w), np.zeros_like(u), np.ones((2, 4))
    for t in reversed(range(5)):
        dpre = dh * (1 - hs[t + 1] ** 2)
        dw += hs[t].T @ dpre
        du += xs[t].T @ dpre
        dh = dpre @ w.T
    got_w, got_u = mindc.grad(rnn, grad_position=(0, 1))(T(w), T(u), T(xs))
    close(got_w, dw)
    close(got_u, du)


def test_eager_grad_compiles_once_per_signature():
    # The cache is keyed by the traced IR: a fresh grad(f) on the same shapes reuses the program.
    f = lambda x: ops.sum(ops.exp(x) * x)  # noqa: E731
    x = rand(7, seed=23)
    before = derived_run.PROGRAMS.info()
    first = mindc.grad(f)(T(x))
    second = mindc.grad(f)(T(x + 1))        # a fresh grad(f), same shapes: the cached program
    after = derived_run.PROGRAMS.info()
    assert (after.misses - before.misses, after.hits - before.hits) == (1, 1)
    close(first, np.exp(x) * (1 + x))
    close(second, np.exp(x + 1) * (2 + x))
    mindc.grad(f)(T(rand(8, seed=24)))
    assert derived_run.PROGRAMS.info().misses - after.misses == 1


def test_eager_grad_passes_captured_tensors_as_arguments():
    # Closures over tensors of other values share one compiled program: the captured tensor is
    # an argument, not a baked-in constant.
    def scaled(w):
        return lambda x: ops.sum(ops.sin(x) * w)

    before = derived_run.PROGRAMS.info()
    close(mindc.grad(scaled(mindc.Parameter(np.full(4, 2.0))))(T(X)), 2 * np.cos(X))
    close(mindc.grad(scaled(mindc.Parameter(np.full(4, 3.0))))(T(X)), 3 * np.cos(X))
    assert derived_run.PROGRAMS.info().misses - before.misses == 1


# ---- second derivatives: d2/dx2 sin(x) x = 2 cos(x) - x sin(x).

SECOND_DERIVATIVES = {
    "eager": lambda f: mindc.grad(lambda x: ops.sum(mindc.grad(f)(x))),
    "jit": lambda f: mindc.jit(mindc.grad(mindc.grad(f))),
}


@pytest.mark.parametrize("how", sorted(SECOND_DERIVATIVES))
def test_grad_of_grad_matches_analytic_second_derivative(how):
    x = np.linspace(-2.0, 2.0, 5)
    got = SECOND_DERIVATIVES[how](lambda v: ops.sin(v) * v)(mindc.Tensor(x)).asnumpy()
    np.testing.assert_allclose(got, 2 * np.cos(x) - x * np.sin(x), rtol=1e-10, atol=1e-12)


# ---- bad input

@pytest.mark.parametrize("position", [2, (0, 5)])
def test_grad_position_out_of_range_raises_index_error(position):
    # MindSpore raises IndexError for a position past the arguments, at the call.
    with pytest.raises(IndexError, match=r"test_grad.py:\d+:\d+: grad_position \d+ is out of range for a function "
                                         "called with 2 arguments"):
        mindc.grad(sin_times, grad_position=position)(T(X), T(Y))


@pytest.mark.parametrize("call", [
    lambda f: mindc.grad(f, has_aux=True)(T(X)),
    lambda f: mindc.value_and_grad(f, has_aux=True)(T(X)),
    lambda f: mindc.vjp(f, T(X), has_aux=True),
    lambda f: mindc.jvp(f, T(X), T(X), has_aux=True),
    lambda f: mindc.jacrev(f, has_aux=True)(T(X)),
    lambda f: mindc.jacfwd(f, has_aux=True)(T(X)),
], ids=["grad", "value_and_grad", "vjp", "jvp", "jacrev", "jacfwd"])
def test_has_aux_with_a_single_output_raises_value_error(call):
    with pytest.raises(ValueError, match="has_aux=True needs a function with more than one output"):
        call(lambda x: ops.sum(ops.sin(x)))
