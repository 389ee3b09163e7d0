"""The functional ops behind the primitive classes that compose existing mind ops (sign, floor_div,
softplus, tile, split, ...) or use the new ones (floor, cumsum, atan2, ...): eager results against
float64 numpy, gradients against central differences of the same compiled function in float64."""
import numpy as np
import pytest
from helpers import tol

import mindc
from mindc import ops
from mindc.ops import operations as P
from mindc.frontend.trace import OpError

T = mindc.Tensor
SHAPE = (3, 4)
EPS = 1e-6


def rand(shape=SHAPE, seed=0, scale=1.0, dtype=np.float32):
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(dtype)


def nonzero_ints(shape=SHAPE, seed=0, high=9):
    rng = np.random.default_rng(seed)
    return (rng.integers(1, high + 1, shape) * rng.choice([-1, 1], shape)).astype(np.int32)


def check(got, want, dtype=np.float32):
    assert isinstance(got, mindc.Tensor) and got.shape == np.shape(want), (type(got), got.shape)
    np.testing.assert_allclose(got.asnumpy().astype(np.float64), want, **tol(dtype))


def softplus64(x, beta=1.0, threshold=20.0):
    return np.where(beta * x > threshold, x, np.log1p(np.exp(beta * x)) / beta)


def elu64(x, alpha=1.0):
    return np.where(x > 0, x, alpha * np.expm1(x))


UNARY = {
    "floor": (ops.floor, np.floor),
    "ceil": (ops.ceil, np.ceil),
    "sign": (ops.sign, np.sign),
    "reciprocal": (ops.reciprocal, lambda x: 1 / x),
    "log1p": (ops.log1p, lambda x: np.log1p(np.abs(x))),
    "expm1": (ops.expm1, np.expm1),
    "relu6": (ops.relu6, lambda x: np.clip(x, 0, 6)),
    "elu": (lambda x: ops.elu(x, 0.7), lambda x: elu64(x, 0.7)),
    "leaky_relu": (lambda x: ops.leaky_relu(x, 0.1), lambda x: np.where(x > 0, x, 0.1 * x)),
    "softplus": (lambda x: ops.softplus(x, 2.0, 10.0), lambda x: softplus64(x, 2.0, 10.0)),
}


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_matches_float64_numpy(name):
    fn, reference = UNARY[name]
    x = rand(scale=4.0, seed=1)
    if name == "log1p":
        x = np.abs(x)
    check(fn(T(x)), reference(x.astype(np.float64)))


def test_floor_and_ceil_of_integers_are_the_integers():
    x = nonzero_ints()
    np.testing.assert_array_equal(ops.floor(T(x)).asnumpy(), x)
    np.testing.assert_array_equal(ops.ceil(T(x)).asnumpy(), x)


def test_sign_of_integers_and_zero():
    x = np.array([-3, 0, 5, -1], np.int32)
    got = ops.sign(T(x))
    assert got.dtype == mindc.int32
    np.testing.assert_array_equal(got.asnumpy(), np.sign(x))


DIVISIONS = {
    "floor_div": (ops.floor_div, np.floor_divide),
    "floor_mod": (ops.floor_mod, np.mod),
    "remainder": (ops.remainder, np.mod),
    "fmod": (ops.fmod, np.fmod),
}


@pytest.mark.parametrize("name", sorted(DIVISIONS))
def test_divisions_of_floats_match_float64_numpy(name):
    fn, reference = DIVISIONS[name]
    x, y = rand(scale=5.0, seed=2), rand(seed=3)
    check(fn(T(x), T(y)), reference(x.astype(np.float64), y.astype(np.float64)))


@pytest.mark.parametrize("name", sorted(DIVISIONS))
def test_divisions_of_integers_are_exact_with_python_or_c_signs(name):
    fn, reference = DIVISIONS[name]
    x, y = nonzero_ints(seed=4, high=40), nonzero_ints(seed=5, high=7)
    got = fn(T(x), T(y))
    assert got.dtype == mindc.int32
    np.testing.assert_array_equal(got.asnumpy(), reference(x, y))


def test_atan2_broadcasts_and_promotes_integers_to_float32():
    x, y = rand(seed=6), rand((4,), seed=7)
    check(ops.atan2(T(x), T(y)), np.arctan2(x.astype(np.float64), y.astype(np.float64)))
    got = ops.atan2(T(np.array([1, -1], np.int32)), T(np.array([-1, -1], np.int32)))
    assert got.dtype == mindc.float32
    np.testing.assert_allclose(got.asnumpy(), [3 * np.pi / 4, -3 * np.pi / 4], rtol=1e-6)


def test_addn_sums_a_tuple():
    xs = [rand(seed=s) for s in range(3)]
    check(ops.addn(tuple(T(x) for x in xs)), sum(x.astype(np.float64) for x in xs))


def test_addn_rejects_shapes_that_differ():
    with pytest.raises(OpError, match="addn needs tensors of one shape"):
        ops.addn([T(rand()), T(rand((4,)))])


def test_cumsum_with_dtype():
    x = nonzero_ints(seed=8)
    got = ops.cumsum(T(x), 1, mindc.float32)
    assert got.dtype == mindc.float32
    check(got, np.cumsum(x.astype(np.float64), 1))


@pytest.mark.parametrize("dims", [(2, 3), (2, 1, 3), (2,)], ids=str)
def test_tile_matches_numpy(dims):
    x = rand(seed=9)
    check(ops.tile(T(x), dims), np.tile(x.astype(np.float64), dims))


@pytest.mark.parametrize("sections,axis", [(3, 1), ([1, 3], 1), (2, 0), ([3], 0)], ids=str)
def test_split_matches_numpy(sections, axis):
    x = rand(seed=10)
    got = ops.split(T(x), sections, axis)
    n = x.shape[axis]
    cuts = list(range(sections, n, sections)) if isinstance(sections, int) else list(np.cumsum(sections)[:-1])
    want = np.split(x.astype(np.float64), cuts, axis)
    assert isinstance(got, tuple) and len(got) == len(want)
    for g, w in zip(got, want):
        check(g, w)


def test_split_rejects_sizes_that_do_not_add_up():
    with pytest.raises(OpError, match=r"split sizes \[1, 2\] do not add up to dimension 1 of size 4"):
        ops.split(T(rand()), [1, 2], 1)


def test_slice_with_minus_one_size_reaches_the_end():
    x = rand(seed=11)
    check(ops.slice(T(x), (1, 1), (2, -1)), x[1:3, 1:].astype(np.float64))


def test_bias_add_adds_along_dimension_one():
    x, b = rand((2, 3, 4, 5), seed=12), rand((3,), seed=13)
    check(ops.bias_add(T(x), T(b)), x.astype(np.float64) + b.astype(np.float64).reshape(1, 3, 1, 1))


def test_bool_reductions_flip_unstack_masked_fill():
    x = rand(seed=15)
    np.testing.assert_array_equal(ops.all(T(x > -1), 0).asnumpy(), (x > -1).all(0))
    np.testing.assert_array_equal(ops.any(T(x), keep_dims=True).asnumpy(), np.array([[True]]))
    check(ops.flip(T(x), (0, 1)), x[::-1, ::-1].astype(np.float64))
    check(ops.unstack(T(x), 0)[2], x[2].astype(np.float64))
    check(ops.masked_fill(T(x), T(x > 0), -1.0), np.where(x > 0, -1.0, x))


@pytest.mark.parametrize("dim,largest", [(None, True), (0, False)])
def test_topk_matches_a_stable_argsort(dim, largest):
    x = np.random.default_rng(16).integers(-3, 3, SHAPE).astype(np.float32)
    axis = -1 if dim is None else dim
    order = np.take(np.argsort(-x if largest else x, axis, kind="stable"), range(2), axis)
    values, indices = ops.topk(T(x), 2, dim, largest)
    assert indices.dtype == mindc.int32
    np.testing.assert_array_equal(indices.asnumpy(), order)
    np.testing.assert_array_equal(values.asnumpy(), np.take_along_axis(x, order, axis))


@pytest.mark.parametrize("descending", [False, True])
def test_sort_matches_a_stable_argsort(descending):
    x = np.random.default_rng(17).integers(-3, 3, (2, 3, 5)).astype(np.int32)
    values, indices = ops.sort(T(x), 1, descending)
    order = np.argsort(-x if descending else x, 1, kind="stable")
    np.testing.assert_array_equal(indices.asnumpy(), order)
    np.testing.assert_array_equal(values.asnumpy(), np.take_along_axis(x, order, 1))


def test_tensor_properties_are_python_values():
    x = T(rand())
    assert ops.shape(x) == SHAPE and ops.rank(x) == 2 and ops.size(x) == 12 and ops.dtype(x) == mindc.float32


# ---- gradients: mindc.grad against central differences of the same function, in float64

GRADS = {
    "sign_times_x": lambda x: ops.sum(ops.mul(ops.sign(x), x)),
    "reciprocal": lambda x: ops.sum(ops.reciprocal(x)),
    "log1p_expm1": lambda x: ops.sum(ops.mul(ops.log1p(ops.abs(x)), ops.expm1(x))),
    "atan2": lambda x: ops.sum(ops.atan2(x, ops.add(ops.mul(x, x), 0.5))),
    "relu6": lambda x: ops.sum(ops.mul(ops.relu6(ops.mul(x, 4.0)), x)),
    "elu": lambda x: ops.sum(ops.mul(ops.elu(x, 0.7), x)),
    "leaky_relu": lambda x: ops.sum(ops.mul(ops.leaky_relu(x, 0.1), x)),
    "softplus": lambda x: ops.sum(ops.mul(ops.softplus(ops.mul(x, 8.0), 2.0, 10.0), x)),
    "fmod": lambda x: ops.sum(ops.mul(ops.fmod(ops.mul(x, 5.0), 1.3), x)),
    "floor_mod": lambda x: ops.sum(ops.mul(ops.floor_mod(ops.mul(x, 5.0), 1.3), x)),
    "cumsum": lambda x: ops.sum(ops.mul(ops.cumsum(x, 1), ops.cumsum(x, 0))),
    "tile": lambda x: ops.sum(ops.mul(ops.tile(x, (2, 1, 3)), ops.tile(x, (2, 1, 3)))),
    "split": lambda x: ops.sum(ops.mul(ops.split(x, [1, 3], 1)[1], ops.split(x, 2, 1)[1][:, :1])),
    "bias_add": lambda x: ops.sum(ops.square(ops.bias_add(ops.reshape(x, (1, 3, 4)), ops.sum(x, 1)))),
    "hardswish": lambda x: ops.sum(ops.mul(ops.hardswish(ops.mul(x, 4.0)), x)),
    "selu_mish_celu": lambda x: ops.sum(ops.mul(ops.mul(ops.selu(x), ops.mish(x)), ops.celu(x, 0.5))),
    "softsign_erfc": lambda x: ops.sum(ops.mul(ops.softsign(x), ops.erfc(x))),
    "xlogy_div_no_nan": lambda x: ops.sum(ops.add(ops.xlogy(x, ops.abs(x)), ops.div_no_nan(x, ops.add(x, 2.0)))),
    "lerp": lambda x: ops.sum(ops.square(ops.lerp(x, ops.sin(x), ops.cos(x)))),
    "bce_with_logits": lambda x: ops.binary_cross_entropy_with_logits(
        x, ops.sigmoid(ops.flip(x, 0)), ops.abs(x), ops.exp(x), reduction="sum"),
    "smooth_l1": lambda x: ops.smooth_l1_loss(ops.mul(x, 3.0), ops.flip(x, 1), 0.5, "mean"),
    "unstack_masked_fill": lambda x: ops.sum(ops.mul(ops.unstack(x, 1)[2],
                                                     ops.masked_fill(x, ops.greater(x, 0), 0.5)[:, 0])),
    "topk": lambda x: ops.sum(ops.mul(ops.topk(x, 2, dim=0)[0], ops.topk(x, 2, dim=0, largest=False)[0])),
    "topk_unsorted": lambda x: ops.sum(ops.mul(ops.topk(x, 3, sorted=False)[0], ops.cos(ops.topk(x, 3)[0]))),
    "sort": lambda x: ops.sum(ops.mul(ops.sort(x, 1)[0], ops.cos(ops.sort(x, 1, descending=True)[0]))),
    "unsorted_segment_sum": lambda x: ops.sum(ops.square(ops.unsorted_segment_sum(x, mindc.Tensor(
        np.array([1, 0, 1], np.int32)), 2))),
}


@pytest.mark.parametrize("name", sorted(GRADS))
def test_gradient_matches_central_differences(name):
    fn = GRADS[name]
    rng = np.random.default_rng(14)
    # Away from the kinks of sign, relu6, fmod, ...: the differences must not straddle one.
    x = rng.uniform(0.2, 1.0, SHAPE) * rng.choice([-1, 1], SHAPE)
    u = rng.standard_normal(SHAPE)
    analytic = float(np.sum(mindc.grad(fn)(T(x)).asnumpy() * u))
    numeric = (float(fn(T(x + EPS * u)).asnumpy()) - float(fn(T(x - EPS * u)).asnumpy())) / (2 * EPS)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-7)


def test_bitwise_ops_of_integers_and_bools_match_numpy():
    rng = np.random.default_rng(40)
    for dtype in (np.int8, np.int32, np.int64):
        x, y = (rng.integers(-100, 100, 7).astype(dtype) for _ in range(2))
        a, b = mindc.Tensor(x), mindc.Tensor(y)
        for got, want in [(a & b, x & y), (a | b, x | y), (a ^ b, x ^ y), (~a, ~x), (a & 6, x & 6),
                          (ops.bitwise_xor(a, b), x ^ y), (P.Invert()(a), ~x)]:
            assert got.dtype == a.dtype
            np.testing.assert_array_equal(got.asnumpy(), want)
    m, n = rng.random(5) > 0.5, rng.random(5) > 0.5
    np.testing.assert_array_equal((~mindc.Tensor(m) ^ mindc.Tensor(n)).asnumpy(), ~m ^ n)
    np.testing.assert_array_equal(mindc.jit(lambda u, v: (u & v) | ~u)(mindc.Tensor(x), mindc.Tensor(y)).asnumpy(),
                                  (x & y) | ~x)
    with pytest.raises(mindc.OpError, match=r"test_functional_extras.py:\d+:\d+: 'mind.bitwise_and' operands must be "
                                            "integer or bool tensors, got Float32"):
        mindc.Tensor(np.ones(2, np.float32)) & 1
    with pytest.raises(TypeError, match=r"operator \| works on integer and bool tensors"):
        mindc.Tensor(np.ones(2, np.int32)) | 1.5
