"""mindc.Tensor: construction with MindSpore's default dtypes, dtype objects, operators with
implicit promotion, indexing and methods, each against numpy (float64 references)."""
import pickle

import numpy as np
import pytest
from helpers import tol

import mindc
from mindc.frontend.dtype import as_dtype, promote_types

T = mindc.Tensor


def rand(shape, dtype=np.float32, seed=0):
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


@pytest.mark.parametrize("data,dtype", [
    (1.5, mindc.float32), (3, mindc.int64), (True, mindc.bool_), ([1, 2], mindc.int64),
    ([1.0, 2], mindc.float32), ([[True], [False]], mindc.bool_), (np.zeros(2), mindc.float64),
    (np.zeros(2, np.int32), mindc.int32), (np.float16(1), mindc.float16),
])
def test_tensor_defaults_to_mindspore_dtypes(data, dtype):
    assert T(data).dtype is dtype


def test_tensor_converts_to_an_explicit_dtype_and_copies_its_input():
    source = np.arange(4, dtype=np.float64)
    t = T(source, mindc.float16)
    assert t.dtype is mindc.float16 and t.asnumpy().dtype == np.float16
    kept = T(source)
    source[0] = 99
    assert kept.asnumpy()[0] == 0
    shared = T.from_numpy(source)
    assert shared.asnumpy()[0] == 99
    assert T(kept, mindc.int32).dtype is mindc.int32


def test_tensor_rejects_unsupported_data():
    with pytest.raises(TypeError, match="unsupported data type uint8"):
        T(np.zeros(2, np.uint8))
    with pytest.raises(TypeError):
        T({"a": 1})
    with pytest.raises(TypeError, match="needs input_data"):
        T()
    with pytest.raises(TypeError, match="not both"):
        T([1.0], shape=(1,))
    with pytest.raises(ValueError, match="CPU"):
        T([1.0], device="Ascend")


def test_tensor_from_shape_dtype_and_init():
    from mindc.common.initializer import Normal, One

    ones = T(shape=(2, 3), dtype=mindc.float32, init=One())
    assert ones.shape == (2, 3) and ones.dtype is mindc.float32 and not ones.has_init
    np.testing.assert_array_equal(ones.init_data().asnumpy(), np.ones((2, 3)))
    np.testing.assert_array_equal(T(shape=[4], dtype=mindc.int32).asnumpy(), np.zeros(4))
    drawn = T(shape=(200, 50), dtype=mindc.float64, init=Normal(sigma=2.0)).asnumpy()
    assert abs(drawn.std() - 2.0) < 0.05 and abs(drawn.mean()) < 0.05
    np.testing.assert_array_equal(T(shape=(2,), dtype=mindc.float16, init=3).asnumpy(), [3, 3])
    assert T([1.0], const_arg=True).const_arg and not T([1.0]).const_arg
    assert mindc.tensor([[1, 2]], mindc.float32).dtype is mindc.float32


def test_tensor_of_tuples_nested_tensors_and_numpy_scalars():
    assert T((1, 2.5)).dtype is mindc.float32 and T((1, 2)).dtype is mindc.int64
    stacked = T([T(np.float32([1, 2])), T(np.float32([3, 4]))])
    np.testing.assert_array_equal(stacked.asnumpy(), [[1, 2], [3, 4]])
    assert T(np.float64(1.5)).dtype is mindc.float64 and T(np.int32(3)).dtype is mindc.int32
    assert T(2.7, mindc.int32).item() == 2 and T(True, mindc.float32).item() == 1.0


def test_tensor_properties_and_repr():
    t = T(np.arange(6, dtype=np.float32).reshape(2, 3))
    assert (t.shape, t.ndim, t.size, len(t), t.itemsize, t.nbytes) == ((2, 3), 2, 6, 2, 4, 24)
    assert (t.strides, t.stride(), t.stride(0), t.dim(), t.numel(), t.is_contiguous()) == ((12, 4), (3, 1), 3, 2, 6, True)
    assert repr(t) == "Tensor(shape=[2, 3], dtype=Float32, value=\n[[0., 1., 2.],\n [3., 4., 5.]])"
    assert repr(T([1, 2])) == "Tensor(shape=[2], dtype=Int64, value= [1, 2])"
    assert repr(T(2.0)) == "Tensor(shape=[], dtype=Float32, value= 2.0)"
    assert repr(T(True)) == "Tensor(shape=[], dtype=Bool, value= True)"
    assert str(t) == str(t.asnumpy())
    assert f"{T(np.float32([2.5])):.3f}" == "2.500" and f"{T(7)}" == "7" and f"{t}" == str(t.asnumpy())
    assert T(2.5).item() == 2.5 and float(T([3.0])) == 3.0 and int(T(7)) == 7
    assert t.tolist() == [[0, 1, 2], [3, 4, 5]]
    np.testing.assert_array_equal(np.asarray(t), t.asnumpy())


def test_dtypes_have_mindspore_names_and_our_element_types():
    assert str(mindc.float32) == "Float32" and mindc.float32.mlir == "f32"
    assert mindc.dtype.float32 is mindc.float32 and mindc.dtype.int64.mlir == "i64"
    assert as_dtype("bf16") is mindc.bfloat16 and as_dtype(np.float64) is mindc.float64
    assert as_dtype(float) is mindc.float32 and as_dtype(int) is mindc.int64 and as_dtype(bool) is mindc.bool_
    assert mindc.bool_.numpy == np.bool_ and mindc.bfloat16.numpy.name == "bfloat16"
    assert pickle.loads(pickle.dumps(mindc.int8)) is mindc.int8
    assert (mindc.half, mindc.single, mindc.double) == (mindc.float16, mindc.float32, mindc.float64)


@pytest.mark.parametrize("a,b,want", [
    (mindc.float32, mindc.float64, mindc.float64), (mindc.int32, mindc.float16, mindc.float16),
    (mindc.int8, mindc.int64, mindc.int64), (mindc.bool_, mindc.int32, mindc.int32),
    (mindc.float16, mindc.bfloat16, mindc.float32),
])
def test_tensor_dtypes_promote_to_the_higher(a, b, want):
    assert promote_types(a, b) is want and promote_types(b, a) is want


def test_operators_match_float64_numpy():
    x, y = rand((3, 4), seed=1), rand((4,), seed=2)
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    a, b = T(x), T(y)
    for got, want in [(a + b, x64 + y64), (a - b, x64 - y64), (a * b, x64 * y64), (a / b, x64 / y64),
                      (-a, -x64), (abs(a), np.abs(x64)), (a @ T(rand((4, 2), seed=3)), x64 @ rand((4, 2), seed=3))]:
        np.testing.assert_allclose(got.asnumpy(), want, **tol(np.float32) if got.shape != (3, 2) else dict(rtol=1e-5, atol=1e-6))
    np.testing.assert_allclose((abs(a) ** 0.5).asnumpy(), np.abs(x64) ** 0.5, **tol(np.float32))


def test_reflected_operators_with_numbers_and_numpy_arrays():
    x = rand((2, 3), seed=4)
    a = T(x)
    np.testing.assert_allclose((2.0 - a).asnumpy(), 2.0 - x.astype(np.float64), **tol(np.float32))
    np.testing.assert_allclose((1 / a).asnumpy(), 1 / x.astype(np.float64), **tol(np.float32))
    out = np.ones(3, np.float32) + a
    assert isinstance(out, mindc.Tensor)
    np.testing.assert_allclose(out.asnumpy(), 1 + x.astype(np.float64), **tol(np.float32))
    np.testing.assert_allclose((2 ** T(np.float32([1, 2]))).asnumpy(), [2.0, 4.0], **tol(np.float32))


def test_comparison_operators_give_bool_tensors():
    x = np.array([1.0, 2.0, 3.0], np.float32)
    a = T(x)
    for got, want in [(a < 2, x < 2), (a <= 2, x <= 2), (a > 2, x > 2), (a >= 2, x >= 2),
                      (a == 2, x == 2), (a != 2, x != 2)]:
        assert got.dtype is mindc.bool_
        np.testing.assert_array_equal(got.asnumpy(), want)
    np.testing.assert_array_equal(((a > 1) & (a < 3)).asnumpy(), [False, True, False])
    np.testing.assert_array_equal((~(a > 1) | (a > 2)).asnumpy(), [True, False, True])


def test_python_scalars_take_the_tensors_dtype_unless_wider():
    i32 = T(np.array([1, 2, 3], np.int32))
    assert (i32 + 2).dtype is mindc.int32
    out = i32 + 0.5
    assert out.dtype is mindc.float32
    np.testing.assert_array_equal(out.asnumpy(), [1.5, 2.5, 3.5])
    assert (T(np.float16([1.0])) * 3.0).dtype is mindc.float16
    assert (T([True, False]) + 1).dtype is mindc.int64
    mixed = T(np.float32([1.5])) + T(np.float64([0.25]))
    assert mixed.dtype is mindc.float64 and mixed.item() == 1.75


def test_iteration_yields_rows():
    x = rand((3, 2), seed=6)
    rows = [r.asnumpy() for r in T(x)]
    np.testing.assert_array_equal(np.stack(rows), x)


def test_methods_match_numpy():
    x = rand((2, 3, 4), seed=7)
    t = T(x)
    np.testing.assert_array_equal(t.reshape(4, 6).asnumpy(), x.reshape(4, 6))
    np.testing.assert_array_equal(t.view((-1, 2)).asnumpy(), x.reshape(-1, 2))
    np.testing.assert_array_equal(t.transpose().asnumpy(), x.transpose())
    np.testing.assert_array_equal(t.transpose(1, 0, 2).asnumpy(), x.transpose(1, 0, 2))
    np.testing.assert_array_equal(t.permute(2, 1, 0).asnumpy(), x.transpose(2, 1, 0))
    np.testing.assert_array_equal(T(x[0]).T.asnumpy(), x[0].T)
    np.testing.assert_array_equal(t.flatten().asnumpy(), x.reshape(-1))
    np.testing.assert_array_equal(t.expand_dims(1).squeeze().asnumpy(), x)
    np.testing.assert_array_equal(t.broadcast_to((2, 2, 3, 4)).asnumpy(), np.broadcast_to(x, (2, 2, 3, 4)))
    x64 = x.astype(np.float64)
    acc = dict(rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(t.sum().asnumpy(), x64.sum(), **acc)
    np.testing.assert_allclose(t.sum(1, keepdims=True).asnumpy(), x64.sum(1, keepdims=True), **acc)
    np.testing.assert_allclose(t.mean((0, 2)).asnumpy(), x64.mean((0, 2)), **acc)
    np.testing.assert_array_equal(t.max(axis=-1).asnumpy(), x.max(-1))
    np.testing.assert_array_equal(t.min().asnumpy(), x.min())
    np.testing.assert_array_equal(t.argmax(1).asnumpy(), x.argmax(1))
    np.testing.assert_array_equal(t.argmin().asnumpy(), x.argmin())
    assert t.astype(mindc.int32).dtype is mindc.int32
    np.testing.assert_allclose(t.exp().asnumpy(), np.exp(x64), **tol(np.float32))
    np.testing.assert_allclose(t.softmax(-1).sum(-1).asnumpy(), np.ones((2, 3)), **acc)


def test_shape_error_in_an_operator_names_this_line():
    a, b = T(rand((2, 3))), T(rand((4, 5)))
    with pytest.raises(mindc.OpError) as info:
        a @ b
    assert info.value.file.endswith("test_tensor.py") and info.value.op_name == "mind.matmul"
    assert info.value.line == test_shape_error_in_an_operator_names_this_line.__code__.co_firstlineno + 3
    assert "contracting dimensions differ" in str(info.value)


# ---- methods and operators: PyNative and mindc.jit give numpy's answers

XM = np.random.default_rng(11).standard_normal((3, 4)).astype(np.float32) + 0.5
YM = np.random.default_rng(12).standard_normal((3, 4)).astype(np.float32)
IM = np.random.default_rng(13).integers(-9, 9, (3, 4)).astype(np.int32)

# name: (method on Tensors, the same on float64 numpy arrays); arguments are XM, YM, IM.
METHODS = {
    "square": (lambda x, y, i: x.square(), lambda x, y, i: x * x),
    "pow": (lambda x, y, i: x.abs().pow(1.5), lambda x, y, i: np.abs(x) ** 1.5),
    "add-alpha": (lambda x, y, i: x.add(y, alpha=2), lambda x, y, i: x + 2 * y),
    "sub-mul-div": (lambda x, y, i: x.sub(y).mul(y).div(2.0), lambda x, y, i: (x - y) * y / 2),
    "maximum-minimum": (lambda x, y, i: x.maximum(y) - x.minimum(y), lambda x, y, i: np.abs(x - y)),
    "clamp": (lambda x, y, i: x.clamp(-0.5, 0.7), lambda x, y, i: np.clip(x, -0.5, 0.7)),
    "clip-min-only": (lambda x, y, i: x.clip(0.1), lambda x, y, i: np.maximum(x, 0.1)),
    "clamp-int": (lambda x, y, i: i.clamp(-2, 3), lambda x, y, i: np.clip(i, -2, 3)),
    "var": (lambda x, y, i: x.var(), lambda x, y, i: x.var()),
    "var-axis-ddof": (lambda x, y, i: x.var(1, ddof=1, keepdims=True), lambda x, y, i: x.var(1, ddof=1, keepdims=True)),
    "var-dim-correction": (lambda x, y, i: x.var(dim=0), lambda x, y, i: x.var(0, ddof=1)),
    "std": (lambda x, y, i: x.std(0), lambda x, y, i: x.std(0)),
    "std-correction": (lambda x, y, i: x.std(dim=1, correction=1, keepdim=True),
                       lambda x, y, i: x.std(1, ddof=1, keepdims=True)),
    "sum-dim-keepdim": (lambda x, y, i: x.sum(dim=1, keepdim=True), lambda x, y, i: x.sum(1, keepdims=True)),
    "sum-initial": (lambda x, y, i: x.sum(0, initial=2.0), lambda x, y, i: x.sum(0) + 2),
    "mean-keepdim": (lambda x, y, i: x.mean(dim=0, keepdim=True), lambda x, y, i: x.mean(0, keepdims=True)),
    "max-values": (lambda x, y, i: x.max(), lambda x, y, i: x.max()),
    "max-dim": (lambda x, y, i: x.max(1)[0] + x.max(1)[1], lambda x, y, i: x.max(1) + x.argmax(1)),
    "min-axis-indices": (lambda x, y, i: x.min(axis=0, return_indices=True)[1], lambda x, y, i: x.argmin(0)),
    "max-positional-numpy": (lambda x, y, i: x.max(0, True, initial=None), lambda x, y, i: x.max(0, keepdims=True)),
    "sum-positional-keepdim": (lambda x, y, i: x.sum(1, True, dtype=mindc.float64), lambda x, y, i: x.sum(1, keepdims=True)),
    "mean-dtype": (lambda x, y, i: i.mean(0, True, dtype=mindc.float32), lambda x, y, i: i.mean(0, keepdims=True)),
    "all-any": (lambda x, y, i: (x > 0).all(1).int() + (x > 1).any(axis=0, keep_dims=True).int().sum(),
                lambda x, y, i: (x > 0).all(1) + (x > 1).any(0, keepdims=True).sum()),
    "all-of-numbers": (lambda x, y, i: i.all(), lambda x, y, i: i.all()),
    "norm": (lambda x, y, i: x.norm(), lambda x, y, i: np.linalg.norm(x)),
    "norm-vector-p": (lambda x, y, i: x.norm(3, dim=1, keepdim=True), lambda x, y, i: np.linalg.norm(x, 3, 1, True)),
    "norm-vector-inf": (lambda x, y, i: x.norm(float("-inf"), 0) + x.norm(0, dim=1).sum(),
                        lambda x, y, i: np.linalg.norm(x, -np.inf, 0) + np.linalg.norm(x, 0, 1).sum()),
    "norm-matrix": (lambda x, y, i: x.norm(1) + x.norm(float("inf")) + x.norm("fro", dim=(0, 1)) - x.norm(-1),
                    lambda x, y, i: sum(np.linalg.norm(x, o) for o in (1, np.inf, "fro")) - np.linalg.norm(x, -1)),
    "unsqueeze-squeeze": (lambda x, y, i: x.unsqueeze(1).squeeze(1), lambda x, y, i: x),
    "ravel": (lambda x, y, i: x.ravel(), lambda x, y, i: x.ravel()),
    "swapaxes": (lambda x, y, i: x.reshape(3, 2, 2).swapaxes(0, 2), lambda x, y, i: x.reshape(3, 2, 2).swapaxes(0, 2)),
    "reshape-as-expand-as": (lambda x, y, i: x[0].reshape_as(x[1]) + x[:1, :].expand_as(y),
                             lambda x, y, i: np.broadcast_to(x[0] + x[:1], y.shape)),
    "conversions": (lambda x, y, i: x.int() + x.long() + x.half().float() + x.double(),
                    lambda x, y, i: 2 * np.trunc(x) + x.astype(np.float16) + x),
    "to-bool": (lambda x, y, i: i.bool().int() + i.to(mindc.float32), lambda x, y, i: (i != 0) + i),
    "masked_fill": (lambda x, y, i: x.masked_fill(y > 0, 9.0), lambda x, y, i: np.where(y > 0, 9, x)),
    "where": (lambda x, y, i: x.where(y > 0, y), lambda x, y, i: np.where(y > 0, x, y)),
    "rounding": (lambda x, y, i: x.floor() + x.ceil() * 2 + (x - 1).sign() * 3 + (x.abs() + 0.1).reciprocal(),
                 lambda x, y, i: np.floor(x) + np.ceil(x) * 2 + np.sign(x - 1) * 3 + 1 / (np.abs(x) + 0.1)),
    "log1p-expm1-atan2": (lambda x, y, i: (x * 0.1).log1p() + (x * 0.1).expm1() + x.atan2(y),
                          lambda x, y, i: np.log1p(x * 0.1) + np.expm1(x * 0.1) + np.arctan2(x, y)),
    "remainder-fmod": (lambda x, y, i: i.remainder(4) * 10 + i.fmod(4), lambda x, y, i: np.mod(i, 4) * 10 + np.fmod(i, 4)),
    # x / 0 is +-inf everywhere (x has no zeros); its reference says so without dividing.
    "isnan-isinf-isfinite": (lambda x, y, i: (x / 0).isinf().int() + (x - x).isnan().int() + x.isfinite().int(),
                             lambda x, y, i: np.ones_like(x) + np.isnan(x - x) + np.isfinite(x)),
    "lerp": (lambda x, y, i: x.lerp(y, 0.25), lambda x, y, i: x + 0.25 * (y - x)),
    "cumsum": (lambda x, y, i: x.cumsum(1) + x.cumsum(dim=0) + x.cumsum().reshape(3, 4),
               lambda x, y, i: np.cumsum(x, 1) + np.cumsum(x, 0) + np.cumsum(x).reshape(3, 4)),
    "flip-sort-argsort": (lambda x, y, i: x.flip(0) + x.sort(1)[0] + x.argsort(0, descending=True),
                          lambda x, y, i: np.flip(x, 0) + np.sort(x, 1) + np.argsort(-x, 0, kind="stable")),
    "topk-split": (lambda x, y, i: x.topk(2)[0] + x.split(2, 1)[1],
                   lambda x, y, i: -np.sort(-x, 1)[:, :2] + x[:, 2:]),
    "gather-index_select": (lambda x, y, i: x.gather(T(np.int32([2, 0])), 1) + x.index_select(1, T(np.int64([1, 1]))),
                            lambda x, y, i: x[:, [2, 0]] + x[:, [1, 1]]),
    "exp-log-sqrt": (lambda x, y, i: x.abs().sqrt().log().exp(), lambda x, y, i: np.sqrt(np.abs(x))),
    "in-place": (lambda x, y, i: x.add_(y).mul_(2).sub_(1).div_(4), lambda x, y, i: ((x + y) * 2 - 1) / 4),
    "in-place-operators": (lambda x, y, i: _augmented(x, y), lambda x, y, i: ((x + y) * y - 1) / 2 @ y.T),
    "fill-zero": (lambda x, y, i: x.copy().zero_() + y.copy().fill_(3.0), lambda x, y, i: np.full_like(x, 3)),
    "scalar-promotion": (lambda x, y, i: (i + 0.5) * 2 - i * 3 + (i > 0) * 1.5,
                         lambda x, y, i: (i + 0.5) * 2 - i * 3 + (i > 0) * 1.5),
    "reflected": (lambda x, y, i: 1.0 - x + 2 * y / 3.0 - 2.0 ** x + 1 / (x * x + 1),
                  lambda x, y, i: 1 - x + 2 * y / 3 - 2 ** x + 1 / (x * x + 1)),
    "comparisons-by-name": (lambda x, y, i: x.gt(y).int() + x.ge(y).int() * 2 + x.lt(0).int() * 4 + x.le(0).int()
                            + x.eq(y).int() + x.ne(y).int() * 8 + x.greater(0.5).int() + x.not_equal(x).int(),
                            lambda x, y, i: (x > y) + (x >= y) * 2 + (x < 0) * 4 + (x <= 0) + (x == y) + (x != y) * 8
                            + (x > 0.5) + 0),
    "divide": (lambda x, y, i: x.divide(y) + x.true_divide(2.0), lambda x, y, i: x / y + x / 2),
    "comparisons-xor": (lambda x, y, i: ((x > y) ^ (x > 0)).int() + (~(x <= y)).int() + (x != y).int(),
                        lambda x, y, i: ((x > y) ^ (x > 0)).astype(int) + (x > y) + (x != y)),
}


def _augmented(x, y):
    x += y
    x *= y
    x -= 1
    x /= 2
    x @= y.T
    return x


@pytest.mark.parametrize("name", sorted(METHODS))
def test_methods_match_numpy_in_pynative_and_graphs(name):
    method, reference = METHODS[name]
    want = np.asarray(reference(XM.astype(np.float64), YM.astype(np.float64), IM.astype(np.float64)))
    for run in (method, mindc.jit(method)):
        got = run(T(XM.copy()), T(YM.copy()), T(IM.copy()))
        np.testing.assert_allclose(got.asnumpy().astype(np.float64), want, rtol=2e-3 if "conversions" in name else 1e-5,
                                   atol=2e-3 if "conversions" in name else 1e-5, err_msg=name)


def test_floor_division_modulo_and_tile_match_numpy():
    x, y = XM.astype(np.float64) * 4, YM.astype(np.float64) + 3
    a, b = T(XM * 4), T(YM + 3)
    np.testing.assert_allclose((a // b).asnumpy(), x // y, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose((a % b).asnumpy(), x % y, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose((7.0 % b).asnumpy(), 7 % y, rtol=1e-4, atol=1e-4)
    np.testing.assert_array_equal((T(IM) // 4).asnumpy(), IM // 4)
    np.testing.assert_array_equal(T(IM).tile((2, 1, 3)).asnumpy(), np.tile(IM, (2, 1, 3)))


def test_in_place_operators_update_the_tensor_and_parameters():
    t = T(XM.copy())
    alias = t
    t += 1
    t.mul_(2)
    assert t is alias
    np.testing.assert_allclose(alias.asnumpy(), (XM + 1) * 2, rtol=1e-6)
    counts = T(np.int32([1, 2]))
    counts += 1.7  # the tensor keeps its dtype, as MindSpore's add_
    assert counts.dtype is mindc.int32 and counts.tolist() == [2, 3]
    p = mindc.Parameter(T(np.float32([1, 2])), "p")
    same = p
    p -= 0.5
    assert p is same and isinstance(p, mindc.Parameter)
    np.testing.assert_array_equal(same.asnumpy(), [0.5, 1.5])


def test_bitwise_operators_refuse_floats():
    assert (T(np.int32([5])) & T(np.int32([3]))).asnumpy().tolist() == [1]
    with pytest.raises(TypeError, match="integer and bool tensors"):
        T(np.int32([1])) ^ 2.5
    assert (T([1.0]) == None) is False and (T([1.0]) != "a") is True  # noqa: E711
    assert 2.0 in T(np.float32([1, 2])) and 3 not in T(np.float32([1, 2]))


def test_assign_value_and_copy():
    t = T(XM.copy())
    twin = t.copy()
    t.assign_value(T(YM))
    np.testing.assert_array_equal(t.asnumpy(), YM)
    np.testing.assert_array_equal(twin.asnumpy(), XM)
    p = mindc.Parameter(T(XM.copy()), "w")
    value = p.copy()
    p.assign_value(YM)
    assert type(value) is mindc.Tensor
    np.testing.assert_array_equal(value.asnumpy(), XM)
    np.testing.assert_array_equal(p.asnumpy(), YM)


def test_updating_a_tensor_from_outside_a_graph_names_the_line():
    outside = T(XM.copy())

    @mindc.jit
    def f(x):
        outside[0] = x[0]
        return x

    with pytest.raises(mindc.OpError) as info:
        f(T(YM))
    assert info.value.line == test_updating_a_tensor_from_outside_a_graph_names_the_line.__code__.co_firstlineno + 5
    assert "created outside the graph" in str(info.value)
