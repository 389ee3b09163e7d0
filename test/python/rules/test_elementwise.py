"""Elementwise ops compiled through the CPU pipeline against float64 numpy, their numpy folds, and
the errors of their infer rules."""
import math

import numpy as np
import pytest
from helpers import check_vjp, run_op, tol

from mindc import emit
from mindc.ir import make_context
from mindc.rules.base import Attrs, RuleError, Sig, numpy_dtype, rule_for

FLOATS = [np.float32, np.float64]
INTS = [np.int8, np.int32, np.int64]
ODD_SHAPES = [(3, 5), (7,), (2, 3, 5), ()]


def normal(shape, dtype, seed=0) -> np.ndarray:
    """Standard normals; zero has probability 0, and a drawn zero would fail loudly below."""
    x = np.random.default_rng(seed).standard_normal(shape).astype(dtype)
    assert np.all(x != 0)
    return x


def positive(shape, dtype, seed=0) -> np.ndarray:
    return np.random.default_rng(seed).uniform(0.1, 4.0, shape).astype(dtype)


def integers(shape, dtype, seed=0, high=10) -> np.ndarray:
    """Nonzero integers in +-[1, high]."""
    rng = np.random.default_rng(seed)
    return (rng.integers(1, high + 1, shape) * rng.choice([-1, 1], shape)).astype(dtype)


def booleans(shape, seed=0) -> np.ndarray:
    return np.random.default_rng(seed).random(shape) < 0.5


def assert_close(got: np.ndarray, want: np.ndarray, dtype) -> None:
    """got (in dtype) against a float64 or exact reference, with the dtype's tolerance."""
    assert got.dtype == np.dtype(dtype) and got.shape == np.shape(want), (got.dtype, got.shape)
    if np.issubdtype(dtype, np.floating):
        np.testing.assert_allclose(got.astype(np.float64), want, **tol(dtype))
    else:
        np.testing.assert_array_equal(got, np.asarray(want).astype(dtype))


def rejects(op_name: str, sigs: list[Sig], match: str, **attrs) -> None:
    with make_context(), pytest.raises(RuleError, match=match):
        emit.single_op_module(op_name, sigs, attrs)


def fold(op_name: str, *arrays, **attrs):
    result = rule_for(op_name).fold(Attrs(attrs), *arrays)
    return None if result is None else result[0]


# -- unary -------------------------------------------------------------------------------------

def erf64(x):
    return np.vectorize(math.erf)(x)


# op -> (float64 reference, input generator); generators avoid zeros and keep log/sqrt positive.
UNARY = {
    "neg": (np.negative, normal),
    "abs": (np.abs, normal),
    "relu": (lambda x: np.maximum(x, 0), normal),
    "exp": (np.exp, normal),
    "log": (np.log, positive),
    "sqrt": (np.sqrt, positive),
    "rsqrt": (lambda x: 1 / np.sqrt(x), positive),
    "tanh": (np.tanh, normal),
    "sigmoid": (lambda x: 1 / (1 + np.exp(-x)), normal),
    "sin": (np.sin, normal),
    "cos": (np.cos, normal),
    "erf": (erf64, normal),
    "floor": (np.floor, lambda shape, dtype, seed: normal(shape, dtype, seed) * dtype(3)),
    "ceil": (np.ceil, lambda shape, dtype, seed: normal(shape, dtype, seed) * dtype(3)),
    "log1p": (np.log1p, lambda shape, dtype, seed: positive(shape, dtype, seed) * dtype(1e-3)),
    "expm1": (np.expm1, lambda shape, dtype, seed: normal(shape, dtype, seed) * dtype(1e-3)),
}


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_matches_float64_numpy(name, dtype):
    reference, generate = UNARY[name]
    shape = ODD_SHAPES[sorted(UNARY).index(name) % len(ODD_SHAPES)]
    x = generate(shape, dtype, seed=1)
    want = reference(x.astype(np.float64))
    assert_close(run_op(f"mind.{name}", x), want, dtype)
    folded = fold(f"mind.{name}", x)
    if folded is not None:
        assert_close(folded, want, dtype)


@pytest.mark.parametrize("name", ["exp", "log", "tanh", "sigmoid", "rsqrt", "erf"])
def test_unary_float16_matches_float64_numpy(name):
    reference, generate = UNARY[name]
    x = generate((4, 7), np.float16, seed=2)
    assert_close(run_op(f"mind.{name}", x), reference(x.astype(np.float64)), np.float16)


@pytest.mark.parametrize("dtype", INTS)
@pytest.mark.parametrize("name", ["neg", "abs", "relu"])
def test_signed_unary_on_integers_is_exact(name, dtype):
    reference, _ = UNARY[name]
    x = integers((3, 5), dtype, high=100)
    want = reference(x.astype(np.int64))
    assert_close(run_op(f"mind.{name}", x), want, dtype)
    assert_close(fold(f"mind.{name}", x), want, dtype)


def test_abs_and_neg_wrap_at_the_integer_minimum_like_numpy():
    x = np.array([-128, -127, 127, 1], np.int8)
    np.testing.assert_array_equal(run_op("mind.abs", x), np.abs(x))
    np.testing.assert_array_equal(run_op("mind.neg", x), -x)


def gelu64(x, approximate):
    if approximate == "tanh":
        return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))
    return 0.5 * x * (1 + erf64(x / math.sqrt(2)))


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.float16])
@pytest.mark.parametrize("approximate", ["none", "tanh"])
def test_gelu_matches_float64_numpy(approximate, dtype):
    x = normal((5, 3), dtype, seed=3) * dtype(2)
    got = run_op("mind.gelu", x, approximate=approximate)
    assert_close(got, gelu64(x.astype(np.float64), approximate), dtype)


# -- binary arithmetic -------------------------------------------------------------------------

# Shape pairs: equal, trailing vector, size-1 dims on both sides, rank differences, 0-d.
BROADCASTS = [((3, 5), (3, 5)), ((3, 5), (5,)), ((4, 1, 3), (5, 1)), ((2, 1), (1, 3)), ((), (2, 3)), ((7,), (1,))]

BINARY = {
    "add": np.add,
    "sub": np.subtract,
    "mul": np.multiply,
    "div": np.divide,
    "maximum": np.maximum,
    "minimum": np.minimum,
}


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("shapes", BROADCASTS, ids=str)
@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_float_matches_float64_numpy(name, shapes, dtype):
    x, y = normal(shapes[0], dtype, seed=4), normal(shapes[1], dtype, seed=5)
    want = BINARY[name](x.astype(np.float64), y.astype(np.float64))
    assert_close(run_op(f"mind.{name}", x, y), want, dtype)
    folded = fold(f"mind.{name}", x, y)
    if folded is not None:
        assert_close(folded, want, dtype)


@pytest.mark.parametrize("name", ["add", "mul", "div", "maximum"])
def test_binary_float16_matches_float64_numpy(name):
    x, y = normal((4, 1, 3), np.float16, seed=6), normal((5, 3), np.float16, seed=7)
    assert_close(run_op(f"mind.{name}", x, y), BINARY[name](x.astype(np.float64), y.astype(np.float64)), np.float16)


def truncating_divide(x, y):
    """C division of int64 arrays: the quotient rounds toward zero."""
    return np.sign(x) * np.sign(y) * (np.abs(x) // np.abs(y))


INT_BINARY = {**BINARY, "div": truncating_divide}


@pytest.mark.parametrize("dtype", INTS)
@pytest.mark.parametrize("shapes", [((3, 5), (5,)), ((4, 1, 3), (5, 1))], ids=str)
@pytest.mark.parametrize("name", sorted(INT_BINARY))
def test_binary_integer_is_exact(name, shapes, dtype):
    # |x|, |y| <= 10: products and sums fit in i8, and no divisor is zero.
    x, y = integers(shapes[0], dtype, seed=8), integers(shapes[1], dtype, seed=9)
    want = INT_BINARY[name](x.astype(np.int64), y.astype(np.int64))
    assert_close(run_op(f"mind.{name}", x, y), want, dtype)


def test_integer_div_truncates_toward_zero():
    x = np.array([7, -7, 7, -7, 1, -1], np.int32)
    y = np.array([2, 2, -2, -2, 3, 3], np.int32)
    np.testing.assert_array_equal(run_op("mind.div", x, y), [3, -3, -3, 3, 0, 0])


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.float16])
@pytest.mark.parametrize("shapes", [((3, 5), (3, 5)), ((4, 1, 3), (5, 1)), ((), (6,))], ids=str)
def test_pow_matches_float64_numpy(shapes, dtype):
    x, y = positive(shapes[0], dtype, seed=10), normal(shapes[1], dtype, seed=11)
    want = np.power(x.astype(np.float64), y.astype(np.float64))
    assert_close(run_op("mind.pow", x, y), want, dtype)


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("shapes", [((3, 5), (3, 5)), ((4, 1, 3), (5, 1))], ids=str)
def test_atan2_matches_float64_numpy_in_every_quadrant(shapes, dtype):
    x, y = normal(shapes[0], dtype, seed=12), normal(shapes[1], dtype, seed=13)
    want = np.arctan2(x.astype(np.float64), y.astype(np.float64))
    assert_close(run_op("mind.atan2", x, y), want, dtype)
    assert_close(fold("mind.atan2", x, y), want, dtype)


# Small inputs: where log1p and expm1 differ from log(1 + x) and exp(x) - 1.
@pytest.mark.parametrize("name,x", [("log1p", np.array([1e-3, 2.5, 0.3])), ("expm1", np.array([-1e-3, 0.7, -2.0])),
                                    ("atan2", (np.array([0.5, -1.2, 2.0]), np.array([-0.3, -0.8, 1.5])))])
def test_new_float_ops_vjp_matches_finite_differences(name, x):
    check_vjp(f"mind.{name}", *(x if isinstance(x, tuple) else (x,)))


@pytest.mark.parametrize("name", ["floor", "ceil"])
def test_floor_ceil_pass_no_gradient(name):
    # Flat between integers: MindSpore's bprop gives zeros, mindc's rule stops the gradient.
    assert rule_for(f"mind.{name}").vjp.reason.startswith("piecewise constant")


@pytest.mark.parametrize("name,reference", [("maximum", np.maximum), ("minimum", np.minimum)])
def test_maximum_minimum_propagate_nan_like_numpy(name, reference):
    x = np.array([np.nan, 1.0, -2.0, np.nan], np.float32)
    y = np.array([0.5, np.nan, 3.0, np.nan], np.float32)
    np.testing.assert_array_equal(run_op(f"mind.{name}", x, y), reference(x, y))


# -- comparisons, logical ops, select ------------------------------------------------------------

COMPARISONS = {
    "equal": np.equal, "not_equal": np.not_equal, "less": np.less,
    "less_equal": np.less_equal, "greater": np.greater, "greater_equal": np.greater_equal,
}


def ties(shape, dtype, seed):
    """Values from {-2, -1, 1, 2} so that equal elements occur."""
    return np.random.default_rng(seed).choice([-2, -1, 1, 2], shape).astype(dtype)


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int32, np.int8])
@pytest.mark.parametrize("name", sorted(COMPARISONS))
def test_comparison_matches_numpy(name, dtype):
    x, y = ties((4, 1, 3), dtype, seed=12), ties((5, 3), dtype, seed=13)
    want = COMPARISONS[name](x, y)
    got = run_op(f"mind.{name}", x, y)
    assert got.dtype == np.bool_
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(fold(f"mind.{name}", x, y), want)


@pytest.mark.parametrize("name", sorted(COMPARISONS))
def test_comparison_with_nan_matches_numpy(name):
    x = np.array([np.nan, 1.0, np.nan], np.float64)
    y = np.array([1.0, np.nan, np.nan], np.float64)
    np.testing.assert_array_equal(run_op(f"mind.{name}", x, y), COMPARISONS[name](x, y))


@pytest.mark.parametrize("name", sorted(COMPARISONS))
def test_bool_comparison_orders_false_before_true(name):
    x = np.array([False, False, True, True])
    y = np.array([False, True, False, True])
    np.testing.assert_array_equal(run_op(f"mind.{name}", x, y), COMPARISONS[name](x, y))


@pytest.mark.parametrize("name,reference", [("logical_and", np.logical_and), ("logical_or", np.logical_or)])
@pytest.mark.parametrize("shapes", [((3, 5), (3, 5)), ((4, 1, 3), (5, 1)), ((), (2, 3))], ids=str)
def test_bool_logical_binary_matches_numpy(name, reference, shapes):
    x, y = booleans(shapes[0], seed=14), booleans(shapes[1], seed=15)
    want = reference(x, y)
    np.testing.assert_array_equal(run_op(f"mind.{name}", x, y), want)
    np.testing.assert_array_equal(fold(f"mind.{name}", x, y), want)


def test_bool_logical_not_matches_numpy():
    x = booleans((3, 7), seed=16)
    np.testing.assert_array_equal(run_op("mind.logical_not", x), np.logical_not(x))
    np.testing.assert_array_equal(fold("mind.logical_not", x), np.logical_not(x))


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int32, np.float16])
@pytest.mark.parametrize("shapes", [((3, 5), (3, 5), (3, 5)), ((2, 1), (3,), ()), ((4, 1, 1), (1, 5), (4, 1, 5))],
                         ids=str)
def test_bool_select_matches_numpy_where(shapes, dtype):
    cond = booleans(shapes[0], seed=17)
    x = normal(shapes[1], dtype, seed=18) if dtype != np.int32 else integers(shapes[1], dtype, seed=18)
    y = normal(shapes[2], dtype, seed=19) if dtype != np.int32 else integers(shapes[2], dtype, seed=19)
    want = np.where(cond, x, y)
    np.testing.assert_array_equal(run_op("mind.select", cond, x, y), want)
    np.testing.assert_array_equal(fold("mind.select", cond, x, y), want)


# -- cast --------------------------------------------------------------------------------------

CAST_DTYPES = ["f16", "f32", "f64", "i8", "i32", "i64"]


def cast_input(src: str) -> np.ndarray:
    """Values every destination can hold: |x| < 100 with fractions for floats (they truncate)."""
    rng = np.random.default_rng(20)
    x = rng.uniform(-100, 100, (3, 7))
    return (x if src.startswith("f") else np.trunc(x)).astype(numpy_dtype(src))


@pytest.mark.parametrize("dst", CAST_DTYPES)
@pytest.mark.parametrize("src", CAST_DTYPES)
def test_cast_matches_numpy_astype(src, dst):
    x = cast_input(src)
    want = x.astype(numpy_dtype(dst))
    np.testing.assert_array_equal(run_op("mind.cast", x, dtype=dst), want)
    np.testing.assert_array_equal(fold("mind.cast", x, dtype=dst), want)


def test_cast_wraps_narrowing_integers_like_numpy():
    x = np.array([300, -200, 127, -129], np.int32)
    np.testing.assert_array_equal(run_op("mind.cast", x, dtype="i8"), x.astype(np.int8))


@pytest.mark.parametrize("other", ["f32", "f64", "i8", "i64"])
def test_bool_cast_matches_numpy_astype(other):
    # To bool: nonzero (NaN included) is true. From bool: 0 and 1, never -1.
    x = np.array([0.0, -0.0, 1.5, -3.0, np.nan]) if other.startswith("f") else np.array([0, 1, -1, 7, 0])
    x = x.astype(numpy_dtype(other))
    np.testing.assert_array_equal(run_op("mind.cast", x, dtype="i1"), x.astype(np.bool_))
    b = booleans((2, 5), seed=21)
    np.testing.assert_array_equal(run_op("mind.cast", b, dtype=other), b.astype(numpy_dtype(other)))


# -- infer errors ------------------------------------------------------------------------------

def test_binary_rejects_mixed_element_types():
    rejects("mind.add", [Sig((2, 3), "f32"), Sig((2, 3), "f64")],
            r"operands must have one element type, found 2x3xf32, 2x3xf64")


def test_binary_rejects_shapes_that_do_not_broadcast():
    rejects("mind.mul", [Sig((2, 3), "f32"), Sig((4, 3), "f32")],
            r"shapes \[2,3\] and \[4,3\] do not broadcast \(dimension 0\)")


def test_float_unary_rejects_integers():
    rejects("mind.exp", [Sig((4,), "i32")], r"x must have element type f16 or bf16 or f32 or f64, found 4xi32")


def test_logical_and_rejects_floats():
    rejects("mind.logical_and", [Sig((4,), "f32"), Sig((4,), "f32")],
            r"operands must have element type i1, found 4xf32")


def test_pow_rejects_integers():
    rejects("mind.pow", [Sig((4,), "i32"), Sig((4,), "i32")],
            r"operands must have element type f16 or bf16 or f32 or f64, found 4xi32")


def test_gelu_rejects_unknown_approximation():
    rejects("mind.gelu", [Sig((4,), "f32")], r'approximate must be "none" or "tanh", found "fast"', approximate="fast")


def test_select_rejects_non_bool_condition():
    rejects("mind.select", [Sig((4,), "f32"), Sig((4,), "f32"), Sig((4,), "f32")],
            r"cond must have element type i1, found 4xf32")


def test_select_rejects_mixed_branch_types():
    rejects("mind.select", [Sig((4,), "i1"), Sig((4,), "f32"), Sig((4,), "i32")],
            r"operands must have one element type, found 4xf32, 4xi32")
