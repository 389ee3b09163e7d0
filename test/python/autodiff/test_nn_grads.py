"""VJP rules of conv2d, max_pool, avg_pool, softmax and log_softmax against central differences
in float64 (check_vjp), over stride, pad, dilation, group and kernel variants with odd sizes."""
import numpy as np
import pytest
from helpers import check_vjp


def normal(shape, seed=0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


def separated(shape, seed=0) -> np.ndarray:
    """Distinct values at least 0.8 apart: no window's maximum changes under a finite-difference
    step, so max_pool is smooth where it is checked."""
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape))
    return (rng.permutation(size) - size / 2 + rng.uniform(-0.1, 0.1, size)).reshape(shape)


@pytest.mark.parametrize("xs,ws,stride,pad,dilation,group", [
    ((2, 3, 7, 5), (5, 3, 3, 3), (1, 1), (0, 0, 0, 0), (1, 1), 1),
    ((1, 3, 9, 7), (4, 3, 3, 2), (2, 3), (1, 2, 0, 1), (1, 1), 1),     # strides, uneven pads
    ((1, 2, 9, 8), (3, 2, 2, 3), (1, 2), (0, 1, 2, 0), (2, 3), 1),     # dilation
    ((1, 4, 7, 6), (6, 2, 3, 2), (2, 1), (1, 0, 2, 1), (1, 2), 2),     # groups
    ((2, 3, 5, 5), (3, 1, 3, 3), (1, 1), (1, 1, 1, 1), (1, 1), 3),     # depthwise
    ((2, 3, 5, 5), (6, 1, 1, 3), (3, 2), (0, 0, 1, 1), (1, 1), 3),     # depthwise multiplier 2, rows skipped
    ((1, 2, 5, 5), (3, 2, 2, 2), (2, 2), (4, 3, 0, 0), (1, 1), 1),     # windows entirely in padding
])
def test_conv2d_vjp_matches_finite_differences(xs, ws, stride, pad, dilation, group):
    check_vjp("mind.conv2d", normal(xs, 1), normal(ws, 2), stride=stride, pad=pad, dilation=dilation, group=group,
              seed=3)


POOLS = [
    ((2, 3, 7, 5), (3, 2), (2, 1), (1, 1, 0, 1)),
    ((1, 2, 6, 6), (2, 2), (2, 2), (0, 0, 0, 0)),
    ((1, 2, 7, 9), (3, 3), (1, 2), (2, 1, 1, 2)),
    ((1, 3, 7, 7), (2, 2), (3, 3), (1, 0, 1, 1)),      # cells that no window reaches
    ((2, 1, 5, 7), (1, 3), (1, 1), (0, 0, 1, 0)),
]


@pytest.mark.parametrize("xs,kernel,strides,pad", POOLS)
def test_max_pool_vjp_matches_finite_differences(xs, kernel, strides, pad):
    check_vjp("mind.max_pool", separated(xs, 4), kernel_size=kernel, strides=strides, pad=pad, seed=5)


@pytest.mark.parametrize("count_include_pad", [True, False])
@pytest.mark.parametrize("xs,kernel,strides,pad", POOLS)
def test_avg_pool_vjp_matches_finite_differences(xs, kernel, strides, pad, count_include_pad):
    check_vjp("mind.avg_pool", normal(xs, 6), kernel_size=kernel, strides=strides, pad=pad,
              count_include_pad=count_include_pad, seed=7)


@pytest.mark.parametrize("op", ["softmax", "log_softmax"])
@pytest.mark.parametrize("shape,axis", [((3, 7, 5), -1), ((3, 7, 5), 1), ((4, 3), 0), ((6,), 0)])
def test_softmax_vjp_matches_finite_differences(op, shape, axis):
    check_vjp(f"mind.{op}", normal(shape, 8) * 2, axis=axis, seed=9)
