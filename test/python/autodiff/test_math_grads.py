"""VJP rules of the elementwise, reduction and matmul ops: against central differences in float64
(check_vjp), casts and float32 gradients against exact or float64 references, how max and min
share their gradient among ties, and second derivatives through the adjoints the rules build."""
import numpy as np
import pytest
from helpers import add_vjp, check_module_vjp, check_vjp, tol
from mlir import ir

from mindc import diag, emit
from mindc.ir import make_context
from mindc.rules.base import Sig, dtype_of_numpy
from mindc.runtime.engine import Executable


# ---- inputs: float64, never zero, inside each op's domain and away from its kinks

def normal(shape, seed=0) -> np.ndarray:
    """Standard normal values, nudged at least 0.1 away from zero (abs, relu and sign kink there)."""
    x = np.random.default_rng(seed).standard_normal(shape)
    return np.where(np.abs(x) < 0.1, np.copysign(0.1, x) + x, x)


def positive(shape, seed=0) -> np.ndarray:
    return np.random.default_rng(seed).uniform(0.5, 2.0, shape)


def unit(shape, seed=0) -> np.ndarray:
    """Magnitudes near 1 with random signs: products of many of them neither vanish nor blow up."""
    rng = np.random.default_rng(seed)
    return rng.uniform(0.6, 1.4, shape) * rng.choice([-1.0, 1.0], shape)


def separated(shape, seed=0, offset=0.0) -> np.ndarray:
    """Distinct values on a grid of step 1 (plus offset), jittered by at most 0.1: no two values
    of one array, nor of two arrays with offsets 0 and 0.5, come closer than 0.3, so max and min
    never switch under a finite-difference step."""
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape, dtype=np.int64))
    grid = rng.permutation(size) - size / 2 + offset
    return (grid + rng.uniform(-0.1, 0.1, size)).reshape(shape)


# ---- elementwise

UNARY = {
    "neg": normal, "abs": normal, "exp": normal, "log": positive, "sqrt": positive, "rsqrt": positive,
    "tanh": normal, "sigmoid": normal, "relu": normal, "sin": normal, "cos": normal, "erf": normal,
}


@pytest.mark.parametrize("shape", [(3, 4), (), (2, 1, 3)])
@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_vjp_matches_finite_differences(name, shape):
    check_vjp(f"mind.{name}", UNARY[name](shape, seed=1), seed=2)


@pytest.mark.parametrize("approximate", ["none", "tanh"])
@pytest.mark.parametrize("shape", [(3, 4), ()])
def test_gelu_vjp_matches_finite_differences(approximate, shape):
    check_vjp("mind.gelu", 2 * normal(shape, seed=3), seed=4, approximate=approximate)


BINARY = {
    "add": (normal, normal), "sub": (normal, normal), "mul": (normal, normal), "div": (normal, unit),
    "pow": (positive, normal),
    "maximum": (separated, lambda shape, seed: separated(shape, seed, offset=0.5)),
    "minimum": (separated, lambda shape, seed: separated(shape, seed, offset=0.5)),
}
# Same shapes, then broadcasting: stretched unit dims, added leading dims, a 1-element and a 0-d
# operand on either side. Each gradient must come back in its operand's own shape: mind-autodiff
# rejects a cotangent of another type, so a rule that forgets to sum fails to compile here.
BROADCASTS = [((3, 4), (3, 4)), ((3, 1, 4), (5, 4)), ((5, 4), (3, 1, 4)), ((1,), (2, 3)), ((2, 3), (1,)),
              ((), (2, 3, 4)), ((2, 3, 4), ()), ((4, 1), (1, 3))]


@pytest.mark.parametrize("shapes", BROADCASTS, ids=str)
@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_vjp_matches_finite_differences(name, shapes):
    (sx, sy), (fx, fy) = shapes, BINARY[name]
    check_vjp(f"mind.{name}", fx(sx, seed=5), fy(sy, seed=6), seed=7)


@pytest.mark.parametrize("shapes", [((3, 4), (3, 4), (3, 4)), ((3, 1), (3, 4), (4,)), ((4,), (), (2, 4)),
                                    ((), (2, 3), (2, 3))], ids=str)
def test_select_vjp_matches_finite_differences(shapes):
    sc, sx, sy = shapes
    cond = np.random.default_rng(8).random(sc) < 0.5
    check_vjp("mind.select", cond, normal(sx, seed=9), normal(sy, seed=10), seed=11)


def vjp_of(op_name: str, arrays: list[np.ndarray], cots, **attrs):
    """(results, cotangents, gradients) of mind.vjp of a one-op function at arrays; cots is a
    list, or a function of the forward results that makes one."""
    sigs = [Sig(a.shape, dtype_of_numpy(a.dtype)) for a in arrays]
    ctx = make_context()
    with ctx, diag.Collector(ctx) as collector:
        module = emit.single_op_module(op_name, sigs, attrs, name="forward")
        add_vjp(module)
        exe = Executable(module, collector)
        forward, vjp = exe.function("forward"), exe.function("vjp")
    outs = forward(*arrays)
    cots = cots(outs) if callable(cots) else cots
    results = vjp(*arrays, *cots)
    for r, o in zip(results, outs):
        np.testing.assert_array_equal(r, o)
    grads = results[len(outs):]
    for g, a in zip(grads, arrays):
        assert g.shape == a.shape and g.dtype == a.dtype
    return outs, cots, grads


# check_vjp's finite differences would run in the float32 side's precision, so casts are checked
# exactly instead: the VJP of a cast is the cotangent cast back to the operand's type.
@pytest.mark.parametrize("src,dst", [(np.float32, np.float64), (np.float64, np.float32), (np.float64, np.float64)])
def test_float_cast_vjp_casts_the_cotangent_back(src, dst):
    x = normal((3, 4), seed=12).astype(src)
    cot = normal((3, 4), seed=13).astype(dst)
    (out,), _, (dx,) = vjp_of("mind.cast", [x], [cot], dtype=dtype_of_numpy(np.dtype(dst)))
    assert out.dtype == dst and dx.dtype == src
    np.testing.assert_array_equal(dx, cot.astype(src))


def test_cast_to_integer_casts_the_cotangent_back():
    # MindSpore's Cast bprop, not the derivative of a step function (zero): integer tensors are
    # differentiated too, and the cotangent of the integer result is cast back to x's dtype.
    x = 10 * normal((3, 4), seed=14).astype(np.float32)
    dout = np.random.default_rng(15).integers(-5, 6, (3, 4)).astype(np.int32)
    (out,), _, (dx,) = vjp_of("mind.cast", [x], [dout], dtype="i32")
    np.testing.assert_array_equal(out, x.astype(np.int32))
    assert dx.dtype == np.float32
    np.testing.assert_array_equal(dx, dout.astype(np.float32))


# ---- reductions

REDUCE = {"reduce_sum": normal, "reduce_mean": normal, "reduce_max": separated, "reduce_min": separated,
          "reduce_prod": unit}
# Empty means every dim; negative axes count from the end; dim 1 of (3, 1, 4, 2) has size 1.
AXES = [(), (0,), (-1,), (1,), (0, 2), (-3, -1), (2, 0, 3), (0, 1, 2, 3)]


@pytest.mark.parametrize("keep_dims", [False, True])
@pytest.mark.parametrize("axis", AXES, ids=str)
@pytest.mark.parametrize("name", sorted(REDUCE))
def test_reduce_vjp_matches_finite_differences(name, axis, keep_dims):
    x = REDUCE[name]((3, 1, 4, 2), seed=16)
    check_vjp(f"mind.{name}", x, seed=17, axis=axis, keep_dims=keep_dims)


@pytest.mark.parametrize("shape,axis", [((), ()), ((5,), (0,)), ((5,), ()), ((1, 1), (0, 1))], ids=str)
@pytest.mark.parametrize("name", sorted(REDUCE))
def test_reduce_vjp_of_small_shapes_matches_finite_differences(name, shape, axis):
    check_vjp(f"mind.{name}", REDUCE[name](shape, seed=18), seed=19, axis=axis, keep_dims=False)


@pytest.mark.parametrize("keep_dims", [False, True])
def test_reduce_max_shares_the_gradient_among_tied_maxima(keep_dims):
    x = np.array([[1.0, 3.0, 3.0, 2.0], [5.0, 5.0, 5.0, -1.0], [0.0, -2.0, 4.0, 1.0]])
    cot = np.array([6.0, 3.0, 2.0]).reshape((3, 1) if keep_dims else (3,))
    _, _, (dx,) = vjp_of("mind.reduce_max", [x], [cot], axis=(1,), keep_dims=keep_dims)
    np.testing.assert_array_equal(dx, [[0, 3, 3, 0], [1, 1, 1, 0], [0, 0, 2, 0]])


def test_reduce_min_over_all_dims_shares_the_gradient_among_tied_minima():
    x = np.array([[1.0, -3.0], [-3.0, 2.0]])
    _, _, (dx,) = vjp_of("mind.reduce_min", [x], [np.array(4.0)], axis=(), keep_dims=False)
    np.testing.assert_array_equal(dx, [[0, 2], [2, 0]])


# x and y tie at elements 0 and 2: MindSpore's MaximumGrad and MinimumGrad send those to x.
@pytest.mark.parametrize("name,want_dx,want_dy", [("maximum", [1, 2, 3, 0], [0, 0, 0, 4]),
                                                  ("minimum", [1, 0, 3, 4], [0, 2, 0, 0])])
def test_maximum_minimum_send_the_gradient_of_ties_to_x(name, want_dx, want_dy):
    x, y = np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.0, 0.0, 3.0, 9.0])
    _, _, (dx, dy) = vjp_of(f"mind.{name}", [x, y], [np.array([1.0, 2.0, 3.0, 4.0])])
    np.testing.assert_array_equal(dx, want_dx)
    np.testing.assert_array_equal(dy, want_dy)


# ---- matmul

TRANSPOSES = [(False, False), (True, False), (False, True), (True, True)]


def operand(rows: int, cols: int, transposed: bool, lead=(), seed=0) -> np.ndarray:
    """A [..., rows, cols] operand stored as [..., cols, rows] when transposed."""
    return normal((*lead, cols, rows) if transposed else (*lead, rows, cols), seed=seed)


@pytest.mark.parametrize("ta,tb", TRANSPOSES)
def test_matmul_vjp_matches_finite_differences(ta, tb):
    x, y = operand(3, 4, ta, seed=20), operand(4, 5, tb, seed=21)
    check_vjp("mind.matmul", x, y, seed=22, transpose_a=ta, transpose_b=tb)


# Batch dims: equal, broadcast both ways, and a 2-d operand against a 3-d one on either side.
BATCHES = [((2,), (2,)), ((2, 1), (3,)), ((1, 3), (2, 1)), ((), (2,)), ((2,), ()), ((), ())]


@pytest.mark.parametrize("batches", BATCHES, ids=str)
@pytest.mark.parametrize("ta,tb", TRANSPOSES)
def test_batch_matmul_vjp_matches_finite_differences(ta, tb, batches):
    x, y = operand(3, 4, ta, batches[0], seed=23), operand(4, 5, tb, batches[1], seed=24)
    check_vjp("mind.batch_matmul", x, y, seed=25, transpose_a=ta, transpose_b=tb)


# ---- one case per op (broadcasting where the op has it): float32, and differentiating twice

ONE_PER_OP = [
    *((f"mind.{n}", [f((3, 4), 30)], {}) for n, f in sorted(UNARY.items())),
    ("mind.gelu", [normal((3, 4), 30)], {"approximate": "none"}),
    ("mind.gelu", [normal((3, 4), 30)], {"approximate": "tanh"}),
    *((f"mind.{n}", [fx((3, 1, 4), 31), fy((5, 4), 32)], {}) for n, (fx, fy) in sorted(BINARY.items())),
    ("mind.select", [np.random.default_rng(33).random((3, 1)) < 0.5, normal((3, 4), 34), normal((4,), 35)], {}),
    *((f"mind.{n}", [f((3, 1, 4, 2), 36)], {"axis": (0, -1), "keep_dims": False}) for n, f in sorted(REDUCE.items())),
    ("mind.matmul", [normal((4, 3), 37), normal((5, 4), 38)], {"transpose_a": True, "transpose_b": True}),
    ("mind.batch_matmul", [normal((2, 1, 3, 4), 39), normal((3, 4, 5), 40)], {"transpose_a": False,
                                                                                "transpose_b": False}),
    ("mind.batch_matmul", [normal((4, 3), 41), normal((2, 5, 4), 42)], {"transpose_a": True, "transpose_b": True}),
]


def case_id(name: str, arrays: list[np.ndarray], attrs: dict) -> str:
    """The op's name, gelu's approximation, and batch_matmul's operand ranks."""
    suffix = {"mind.gelu": f"-{attrs.get('approximate')}",
              "mind.batch_matmul": "".join(f"-{a.ndim}d" for a in arrays)}.get(name, "")
    return name[5:] + suffix


ONE_PER_OP_IDS = [case_id(*case) for case in ONE_PER_OP]


def floats_as(arrays: list[np.ndarray], dtype) -> list[np.ndarray]:
    return [a.astype(dtype) if np.issubdtype(a.dtype, np.floating) else a for a in arrays]


@pytest.mark.parametrize("op_name,arrays,attrs", ONE_PER_OP, ids=ONE_PER_OP_IDS)
def test_float32_vjp_matches_float64_vjp(op_name, arrays, attrs):
    # The float64 run takes the float32 inputs and cotangents widened, so the two differ only in
    # the precision of the VJP's arithmetic: float32 must land within float32 rounding.
    rng = np.random.default_rng(43)
    x32 = floats_as(arrays, np.float32)
    _, cots32, grads32 = vjp_of(op_name, x32, lambda outs: [rng.standard_normal(o.shape).astype(np.float32)
                                                            for o in outs], **attrs)
    _, _, grads64 = vjp_of(op_name, floats_as(x32, np.float64), floats_as(cots32, np.float64), **attrs)
    for g32, g64 in zip(grads32, grads64):
        np.testing.assert_allclose(g32, g64, **tol(np.float32))


@pytest.mark.parametrize("op_name,arrays,attrs", ONE_PER_OP, ids=ONE_PER_OP_IDS)
def test_vjp_is_differentiable_again(op_name, arrays, attrs):
    # Rules emit mind ops only so that their adjoints can be differentiated again (grad of grad;
    # mind.jvp transposes the adjoint). Check the VJP of the first-order @vjp itself, in both the
    # primal inputs and the cotangents.
    sigs = [Sig(a.shape, dtype_of_numpy(a.dtype)) for a in arrays]
    with make_context():
        module = emit.single_op_module(op_name, sigs, attrs, name="forward")
        results = [Sig.of(t) for t in module.body.operations[0].type.results]
        add_vjp(module)
        module.body.operations[1].attributes["sym_name"] = ir.StringAttr.get("first_order")
        text = str(module)
    rng = np.random.default_rng(44)
    cots = [rng.standard_normal(r.shape) for r in results]
    check_module_vjp(text, *arrays, *cots, name="first_order", seed=45)
