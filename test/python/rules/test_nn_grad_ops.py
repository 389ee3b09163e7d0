"""conv2d_backprop_input, conv2d_backprop_filter and max_pool_grad, compiled and folded, against
float64 numpy references written here from the forward ops' definitions; their own VJPs."""
import numpy as np
import pytest
from helpers import check_vjp, conv2d_reference, run_op, tol

from mindc.compiler import CompileError
from mindc.rules.base import Attrs, Sig, rule_for

DTYPES = [np.float32, np.float64]


def backprop_input_ref(dout, w, input_size, **conv):
    """J^T dout for J the Jacobian of x -> conv2d(x, w): one column per cell of one sample of x."""
    n, *cell = input_size
    columns = conv2d_reference(np.eye(np.prod(cell)).reshape(-1, *cell), w, **conv)
    return np.einsum("kfhw,nfhw->nk", columns, dout).reshape(input_size)


def backprop_filter_ref(dout, x, filter_size, **conv):
    """J^T dout for J the Jacobian of w -> conv2d(x, w), one weight cell at a time."""
    dw = np.zeros(filter_size)
    for cell in np.ndindex(*filter_size):
        e = np.zeros(filter_size)
        e[cell] = 1
        dw[cell] = np.sum(conv2d_reference(x, e, **conv) * dout)
    return dw


def max_pool_grad_ref(x, dout, kernel_size, strides, pad):
    """Each window's dout added to the first maximum of its real cells in row-major order."""
    dx = np.zeros(x.shape)
    h, w = x.shape[2:]
    for n, c, oh, ow in np.ndindex(*dout.shape):
        top, left = oh * strides[0] - pad[0], ow * strides[1] - pad[2]
        r0, c0 = max(top, 0), max(left, 0)
        window = x[n, c, r0:min(top + kernel_size[0], h), c0:min(left + kernel_size[1], w)]
        i, j = np.unravel_index(np.argmax(window), window.shape)
        dx[n, c, r0 + i, c0 + j] += dout[n, c, oh, ow]
    return dx


def normal(shape, seed):
    return np.random.default_rng(seed).standard_normal(shape)


# (x shape, weight shape, stride, pad, dilation, group), odd sizes throughout.
CONVS = [
    ((2, 3, 7, 5), (5, 3, 3, 3), (1, 1), (0, 0, 0, 0), (1, 1), 1),
    ((1, 3, 11, 7), (4, 3, 3, 2), (2, 3), (1, 2, 0, 1), (2, 1), 1),
    ((1, 4, 7, 6), (6, 2, 3, 2), (2, 1), (1, 0, 2, 1), (1, 2), 2),
    ((2, 3, 5, 5), (3, 1, 3, 3), (1, 1), (1, 1, 1, 1), (1, 1), 3),    # depthwise
    ((1, 2, 9, 8), (2, 2, 1, 1), (3, 2), (0, 0, 0, 0), (1, 1), 1),    # 1x1 kernel, rows the stride skips
    ((1, 2, 5, 5), (3, 2, 2, 2), (2, 2), (4, 3, 0, 0), (1, 1), 1),    # windows that lie entirely in padding
]


def conv_case(case, seed=0):
    xs, ws, stride, pad, dilation, group = case
    conv = dict(stride=stride, pad=pad, dilation=dilation, group=group)
    x, w = normal(xs, seed), normal(ws, seed + 1)
    return x, w, normal(conv2d_reference(x, w, **conv).shape, seed + 2), conv


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("case", CONVS)
def test_conv2d_backprop_input_matches_float64_numpy(dtype, case):
    x, w, dout, conv = conv_case(case)
    got = run_op("mind.conv2d_backprop_input", dout.astype(dtype), w.astype(dtype), **conv, input_size=x.shape)
    want = backprop_input_ref(dout.astype(dtype).astype(np.float64), w.astype(dtype).astype(np.float64), x.shape,
                              **conv)
    np.testing.assert_allclose(got, want, **tol(dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("case", CONVS)
def test_conv2d_backprop_filter_matches_float64_numpy(dtype, case):
    x, w, dout, conv = conv_case(case)
    got = run_op("mind.conv2d_backprop_filter", dout.astype(dtype), x.astype(dtype), **conv, filter_size=w.shape)
    want = backprop_filter_ref(dout.astype(dtype).astype(np.float64), x.astype(dtype).astype(np.float64), w.shape,
                               **conv)
    np.testing.assert_allclose(got, want, **tol(dtype))


@pytest.mark.parametrize("case", CONVS)
def test_conv_grad_folds_match_float64_numpy(case):
    x, w, dout, conv = conv_case(case)
    (dx,) = rule_for("mind.conv2d_backprop_input").fold(Attrs(dict(conv, input_size=x.shape)), dout, w)
    (dw,) = rule_for("mind.conv2d_backprop_filter").fold(Attrs(dict(conv, filter_size=w.shape)), dout, x)
    np.testing.assert_allclose(dx, backprop_input_ref(dout, w, x.shape, **conv), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dw, backprop_filter_ref(dout, x, w.shape, **conv), rtol=1e-12, atol=1e-12)


POOLS = [
    dict(kernel_size=(3, 2), strides=(2, 1), pad=(1, 1, 0, 1)),
    dict(kernel_size=(2, 2), strides=(2, 2), pad=(0, 0, 0, 0)),
    dict(kernel_size=(3, 3), strides=(1, 2), pad=(2, 1, 1, 2)),
    dict(kernel_size=(2, 2), strides=(3, 3), pad=(1, 0, 1, 1)),   # cells no window reaches
]


def pooled(pool, x) -> tuple[int, ...]:
    """max_pool's result shape for x: the shape of dout."""
    (out,) = rule_for("mind.max_pool").infer(Attrs(pool), Sig(x.shape, "f64"))
    return out.shape


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("pool", POOLS)
def test_max_pool_grad_matches_float64_numpy(dtype, pool):
    x = normal((2, 3, 7, 6), 4).astype(dtype)
    dout = normal(pooled(pool, x), 5).astype(dtype)
    got = run_op("mind.max_pool_grad", x, dout, **pool)
    np.testing.assert_allclose(got, max_pool_grad_ref(x, dout.astype(np.float64), **pool), **tol(dtype))


def ties(shape):
    """A ReLU output: many equal zeros, and equal positive values too."""
    return np.maximum(np.round(normal(shape, 6)), 0)


@pytest.mark.parametrize("pool", POOLS)
def test_max_pool_grad_ties_go_to_the_first_maximum(pool):
    x = ties((2, 3, 7, 6))
    # Distinct integers: sums are exact in any order, and each shows where it was routed.
    shape = pooled(pool, x)
    dout = np.random.default_rng(6).permutation(np.prod(shape)).reshape(shape) + 1.0
    want = max_pool_grad_ref(x, dout, **pool)
    np.testing.assert_array_equal(run_op("mind.max_pool_grad", x, dout, **pool), want)
    np.testing.assert_array_equal(rule_for("mind.max_pool_grad").fold(Attrs(pool), x, dout)[0], want)


@pytest.mark.parametrize("value", [0.0, -np.inf])
def test_max_pool_grad_equal_windows_route_to_their_first_real_cell(value):
    # Padding before the first real cell must never win a tie, not even one at -inf.
    x = np.full((1, 1, 4, 4), value)
    pool = dict(kernel_size=(2, 2), strides=(2, 2), pad=(1, 1, 1, 1))
    dout = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    want = np.zeros((4, 4))
    want[np.ix_([0, 1, 3], [0, 1, 3])] = dout[0, 0]
    np.testing.assert_array_equal(run_op("mind.max_pool_grad", x, dout, **pool)[0, 0], want)
    np.testing.assert_array_equal(rule_for("mind.max_pool_grad").fold(Attrs(pool), x, dout)[0][0, 0], want)


@pytest.mark.parametrize("pool", POOLS)
def test_max_pool_grad_fold_matches_float64_numpy(pool):
    x = normal((2, 3, 7, 6), 7)
    dout = normal(pooled(pool, x), 5)
    (got,) = rule_for("mind.max_pool_grad").fold(Attrs(pool), x, dout)
    np.testing.assert_allclose(got, max_pool_grad_ref(x, dout, **pool), rtol=1e-12, atol=1e-12)


# ---- the gradient ops' own VJPs (second derivatives of conv2d and max_pool)

@pytest.mark.parametrize("case", [CONVS[1], CONVS[2], CONVS[3], CONVS[5]])
def test_conv2d_backprop_input_vjp_matches_finite_differences(case):
    x, w, dout, conv = conv_case(case, seed=8)
    check_vjp("mind.conv2d_backprop_input", dout, w, **conv, input_size=x.shape, seed=8)


@pytest.mark.parametrize("case", [CONVS[1], CONVS[2], CONVS[3], CONVS[5]])
def test_conv2d_backprop_filter_vjp_matches_finite_differences(case):
    x, w, dout, conv = conv_case(case, seed=9)
    check_vjp("mind.conv2d_backprop_filter", dout, x, **conv, filter_size=w.shape, seed=9)


@pytest.mark.parametrize("pool", [POOLS[1], POOLS[3]])
def test_max_pool_grad_vjp_matches_finite_differences(pool):
    # Windows that do not overlap: the transpose reads g at each window's maximum.
    x = normal((2, 3, 7, 6), 10)
    check_vjp("mind.max_pool_grad", x, normal(pooled(pool, x), 5), **pool, seed=10)


def test_max_pool_grad_vjp_with_overlapping_windows_is_an_error():
    pool = POOLS[0]
    x = normal((2, 3, 7, 6), 11)
    with pytest.raises(CompileError, match="second derivatives through max_pool are not implemented"):
        check_vjp("mind.max_pool_grad", x, normal(pooled(pool, x), 5), **pool)

