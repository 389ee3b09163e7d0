"""The CPU schedules of lowering/elementwise-cpu.mlir against float64 numpy, on shapes that reach
their edge handling: channel, filter and column counts that are not multiples of the tiles (8
channels, 8 filters, 16 columns), so the peeled remainders run, single images, single input
channels (their own vectorized path), and strided cases that the schedule leaves to the naive loops."""
import numpy as np
import pytest
from helpers import conv2d_reference, run_op, tol

DTYPES = [np.float32, np.float64]


# (x shape, weight shape, stride, pad, dilation): the vectorized path (stride 1, several input
# channels) with remainders in every tiled dim, and the cases left to the naive loops.
CONVS = [
    ((1, 10, 6, 23), (11, 10, 3, 2), (1, 1), (0, 0, 0, 0), (1, 1)),   # 8+2 channels, 8+3 filters, 16+6 columns
    ((2, 3, 9, 37), (5, 3, 2, 3), (1, 1), (1, 0, 2, 1), (2, 1)),      # 16+16+4 columns, padding, row dilation
    ((1, 9, 6, 20), (2, 9, 2, 3), (1, 1), (0, 1, 1, 0), (1, 2)),      # column dilation
    ((3, 17, 5, 5), (1, 17, 5, 5), (1, 1), (0, 0, 0, 0), (1, 1)),     # one output cell, one filter
    ((2, 6, 14, 14), (16, 6, 5, 5), (1, 1), (0, 0, 0, 0), (1, 1)),    # LeNet's second convolution
    ((2, 1, 8, 19), (6, 1, 5, 5), (1, 1), (2, 2, 2, 2), (1, 1)),      # one input channel: 6 filters, 16+3 columns
    ((3, 1, 7, 37), (11, 1, 3, 2), (1, 1), (0, 0, 0, 0), (1, 1)),     # one input channel: 8+3 filters, 16+16+4 columns
    ((1, 1, 9, 12), (1, 1, 2, 3), (1, 1), (1, 0, 0, 2), (2, 2)),      # one channel, one filter, dilation, 10 columns
    ((2, 1, 32, 32), (6, 1, 5, 5), (1, 1), (0, 0, 0, 0), (1, 1)),     # LeNet's first convolution
    ((1, 4, 11, 13), (3, 4, 3, 3), (2, 2), (1, 1, 1, 1), (1, 1)),     # strided: naive loops
]


def case(shapes, dtype, seed=0):
    xs, ws, stride, pad, dilation = shapes
    rng = np.random.default_rng(seed)
    x, w = rng.standard_normal(xs).astype(dtype), rng.standard_normal(ws).astype(dtype)
    conv = dict(stride=list(stride), pad=list(pad), dilation=list(dilation), group=1)
    dout = rng.standard_normal(conv2d_reference(x, w, stride, pad, dilation).shape).astype(dtype)
    return x, w, dout, conv


def accumulated(dtype, terms: int) -> dict:
    """The dtype's tolerance, widened for float32 sums of `terms` products."""
    t = tol(dtype)
    return dict(rtol=t["rtol"] * max(1, terms ** 0.5 / 4), atol=t["atol"] * max(1, terms ** 0.5))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shapes", CONVS)
def test_conv2d_schedule_matches_float64_numpy(dtype, shapes):
    x, w, _, conv = case(shapes, dtype)
    got = run_op("mind.conv2d", x, w, **conv)
    want = conv2d_reference(x, w, conv["stride"], conv["pad"], conv["dilation"])
    np.testing.assert_allclose(got, want, **accumulated(dtype, w[0].size))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shapes", CONVS)
def test_conv2d_backprop_input_schedule_matches_float64_numpy(dtype, shapes):
    # dx is the transpose of x -> conv2d(x, w): <conv2d(e_k, w), dout> for each cell k of x.
    x, w, dout, conv = case(shapes, dtype)
    got = run_op("mind.conv2d_backprop_input", dout, w, **conv, input_size=list(x.shape))
    cells = np.eye(x[0].size).reshape(-1, *x.shape[1:])
    columns = conv2d_reference(cells, w, conv["stride"], conv["pad"], conv["dilation"])
    want = np.einsum("kfhw,nfhw->nk", columns, dout.astype(np.float64)).reshape(x.shape)
    np.testing.assert_allclose(got, want, **accumulated(dtype, w.shape[0] * w[0, 0].size))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shapes", CONVS)
def test_conv2d_backprop_filter_schedule_matches_float64_numpy(dtype, shapes):
    # dw[f, c, i, j] = sum over n, oh, ow of dout[n, f, oh, ow] * (padded, dilated) x under tap (i, j).
    x, w, dout, conv = case(shapes, dtype)
    got = run_op("mind.conv2d_backprop_filter", dout, x, **conv, filter_size=list(w.shape))
    (sh, sw), (dh, dw), pad = conv["stride"], conv["dilation"], conv["pad"]
    xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), tuple(pad[:2]), tuple(pad[2:])))
    ho, wo = dout.shape[2:]
    want = np.zeros(w.shape)
    for i, j in np.ndindex(*w.shape[2:]):
        taps = xp[:, :, i * dh:i * dh + sh * (ho - 1) + 1:sh, j * dw:j * dw + sw * (wo - 1) + 1:sw]
        want[:, :, i, j] = np.einsum("nfhw,nchw->fc", dout.astype(np.float64), taps)
    np.testing.assert_allclose(got, want, **accumulated(dtype, dout[:, 0].size))


def max_pool_grad_ref(x, dout, k):
    """Each window's dout to the first maximum of its k x k window, in float64."""
    dx = np.zeros(x.shape)
    for n, c, oh, ow in np.ndindex(*dout.shape):
        window = x[n, c, oh * k:(oh + 1) * k, ow * k:(ow + 1) * k]
        i, j = np.unravel_index(np.argmax(window), window.shape)
        dx[n, c, oh * k + i, ow * k + j] += dout[n, c, oh, ow]
    return dx


# (x shape, kernel = stride): windows that tile x, with rows and columns past the last window.
TILED_POOLS = [((2, 3, 7, 6), 2), ((1, 1, 9, 10), 3), ((3, 2, 28, 29), 2), ((1, 4, 1, 5), 1)]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape,k", TILED_POOLS)
def test_tiled_max_pool_matches_float64_numpy(dtype, shape, k):
    x = np.random.default_rng(1).standard_normal(shape).astype(dtype)
    pool = dict(kernel_size=[k, k], strides=[k, k], pad=[0, 0, 0, 0])
    got = run_op("mind.max_pool", x, **pool)
    ho, wo = shape[2] // k, shape[3] // k
    want = x[:, :, :ho * k, :wo * k].reshape(*shape[:2], ho, k, wo, k).max(axis=(3, 5))
    np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape,k", TILED_POOLS)
def test_tiled_max_pool_grad_routes_to_first_maximum(dtype, shape, k):
    # A ReLU-like x: ties (zeros, equal integers) everywhere, so the first maximum must win.
    rng = np.random.default_rng(2)
    x = np.maximum(np.round(rng.standard_normal(shape)), 0).astype(dtype)
    dout = rng.standard_normal((*shape[:2], shape[2] // k, shape[3] // k)).astype(dtype)
    got = run_op("mind.max_pool_grad", x, dout, kernel_size=[k, k], strides=[k, k], pad=[0, 0, 0, 0])
    np.testing.assert_array_equal(got, max_pool_grad_ref(x, dout.astype(np.float64), k).astype(dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape,k", [((2, 3, 7, 9), 2), ((1, 2, 9, 11), 3), ((1, 1, 17, 17), 5)])
def test_tiled_max_pool_propagates_nan_and_ties(dtype, shape, k):
    # Ties (zeros, equal integers) and NaNs in a few windows: a NaN anywhere in a window is its max,
    # in any tap; 5 x 5 windows take the reduction path, smaller ones the unrolled taps.
    rng = np.random.default_rng(3)
    x = np.maximum(np.round(rng.standard_normal(shape)), 0).astype(dtype)
    x.reshape(-1)[rng.choice(x.size, 5, replace=False)] = np.nan
    pool = dict(kernel_size=[k, k], strides=[k, k], pad=[0, 0, 0, 0])
    got = run_op("mind.max_pool", x, **pool)
    ho, wo = shape[2] // k, shape[3] // k
    want = x[:, :, :ho * k, :wo * k].reshape(*shape[:2], ho, k, wo, k).max(axis=(3, 5))
    np.testing.assert_array_equal(got, want)
