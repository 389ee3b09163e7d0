"""Tensor indexing against numpy: x[index] and x[index] = value for ints, slices (negative steps
too), None, Ellipsis, integer index tensors/lists/arrays and boolean masks, in PyNative and
inside mindc.jit (same answers), their gradients against central differences, and errors."""
import numpy as np
import pytest
from helpers import check_vjp, run_op

import mindc
from mindc import nn

T = mindc.Tensor
X = np.random.default_rng(0).standard_normal((4, 3, 5)).astype(np.float32)


def eager_and_jit(fn, *arrays):
    """fn's results on fresh Tensors of arrays, run eagerly and compiled by mindc.jit."""
    eager = fn(*[T(a.copy()) for a in arrays])
    compiled = mindc.jit(fn)(*[T(a.copy()) for a in arrays])
    return [eager, compiled]


GETITEMS = [
    1, -1, slice(1, 3), slice(None, None, 2), (Ellipsis, 1), None, (1, None, slice(None, 2)),
    (slice(None), -2, slice(1, None)), slice(None, None, -1), (slice(3, 0, -2), Ellipsis, None), Ellipsis,
    slice(5, 9), (0, 0, 0), True, [2, 0, -1], (slice(None), [2, 0]), (slice(1, 3), Ellipsis, np.array([4, -5])),
    (None, 1, [1, 2], slice(None, None, -2)), (slice(None), np.array([[0, 1], [2, 2]])),
    # ints beside index arrays are index arrays too: separated by a slice, their dims go first
    (1, slice(None), [0, 2]), ([0, 2], slice(None), 1), (slice(None), 1, [0, -2]),
    ([[0, 1], [2, 3]], [0, 2], slice(1, 4)), (slice(0, 3), [[2], [1]], [4, 0, -1]), ([3, 0], Ellipsis, [4, 1]),
]


@pytest.mark.parametrize("index", GETITEMS, ids=[repr(i) for i in GETITEMS])
def test_getitem_matches_numpy(index):
    for got in eager_and_jit(lambda t: t[index], X):
        np.testing.assert_array_equal(got.asnumpy(), X[index])


@pytest.mark.parametrize("dtype", [np.int8, np.int32, np.int64])
def test_getitem_with_an_index_tensor_argument_wraps_negative_indices(dtype):
    index = np.array([[3, -4], [0, -1]], dtype)
    for got in eager_and_jit(lambda t, i: t[i], X[:, 0], index):
        np.testing.assert_array_equal(got.asnumpy(), X[:, 0][index])


def test_getitem_with_a_boolean_mask_in_pynative():
    mask = X[:, 0, 0] > 0
    np.testing.assert_array_equal(T(X)[T(mask)].asnumpy(), X[mask])
    full = X > 0.5
    np.testing.assert_array_equal(T(X)[T(full)].asnumpy(), X[full])
    np.testing.assert_array_equal(T(X)[full[:, :, 0]].asnumpy(), X[full[:, :, 0]])


def test_boolean_mask_read_inside_a_graph_is_a_located_error():
    @mindc.jit
    def f(t):
        return t[t > 0]

    with pytest.raises(mindc.OpError) as info:
        f(T(X))
    assert info.value.file.endswith("test_tensor_index.py")
    assert info.value.line == test_boolean_mask_read_inside_a_graph_is_a_located_error.__code__.co_firstlineno + 3
    assert "depends on the mask's values" in str(info.value)

    @mindc.jit
    def g(t):
        t[t > 0] = T(np.float32([1.0, 2.0]))
        return t

    with pytest.raises(mindc.OpError, match="assign a value that broadcasts"):
        g(T(X))


SETITEMS = [
    (1, 2.5), (-1, np.arange(5, dtype=np.float32)), (slice(1, 3), 7), ((slice(None), -2, slice(1, None)), -3.0),
    (slice(None, None, -2), np.ones((2, 3, 1), np.float32)), ((slice(3, 0, -2), Ellipsis, 4), 9.0),
    ((Ellipsis, slice(None, None, 2)), np.float64(0.5)), (Ellipsis, 1.0), ((0, None, 1), np.ones((1, 1, 5))),
    ([2, 0, -1], 4.0), ((slice(None), [2, 0]), np.arange(10, dtype=np.float32).reshape(2, 5)),
    ((Ellipsis, np.array([4, -5])), -1.5), (1, np.ones((1, 3, 5), np.float32)),
    (([3, 0, 3], [1, 2, 1]), np.arange(15, dtype=np.float32).reshape(3, 5)), ((2, slice(None), [0, 4]), 8.0),
    (([[1], [2]], slice(None), [0, 4, 1]), np.arange(6, dtype=np.float32).reshape(2, 3, 1)),
]


@pytest.mark.parametrize("index,value", SETITEMS, ids=[repr(i) for i, _ in SETITEMS])
def test_setitem_matches_numpy(index, value):
    def assign(t):
        t[index] = value
        return t

    want = X.copy()
    want[index] = value
    for got in eager_and_jit(assign, X):
        assert got.dtype is mindc.float32
        np.testing.assert_array_equal(got.asnumpy(), want)


def test_setitem_with_tensors_for_index_and_value():
    index, value = np.array([1, -1], np.int32), np.random.default_rng(1).standard_normal((2, 4)).astype(np.float32)

    def assign(t, i, v):
        t[:, i] = v
        return t

    want = X[:, :, 0].copy()
    want[:, index] = value.T
    for got in eager_and_jit(lambda t, i, v: assign(t, i, v.T), X[:, :, 0], index, value):
        np.testing.assert_array_equal(got.asnumpy(), want)


def test_setitem_with_a_boolean_mask_in_both_modes():
    def assign(t, m):
        t[m] = 0.0
        t[m[:, 0, 0]] = T(np.float32([1, 2, 3, 4, 5]))
        return t

    mask = X > 0
    want = X.copy()
    want[mask] = 0.0
    want[mask[:, 0, 0]] = [1, 2, 3, 4, 5]
    for got in eager_and_jit(assign, X, mask):
        np.testing.assert_array_equal(got.asnumpy(), want)
    # Reading through a mask is PyNative only (its shape depends on the values), so is `+=`.
    t = T(X)
    t[T(mask)] += 1.0
    want = X.copy()
    want[mask] += 1.0
    np.testing.assert_array_equal(t.asnumpy(), want)


def test_setitem_with_a_tuple_of_tensors_stacks_them():
    rows = [np.random.default_rng(k).standard_normal(5).astype(np.float32) for k in range(2)]

    def assign(t, r0, r1):
        t[:, [2, 0]] = (r0, r1)
        return t

    want = X.copy()
    want[:, [2, 0]] = rows
    for got in eager_and_jit(assign, X, *rows):
        np.testing.assert_array_equal(got.asnumpy(), want)


def test_repeated_indices_keep_the_last_write():
    t = T(np.zeros(4, np.float32))
    t[[1, 3, 1]] = T(np.float32([1, 2, 3]))
    np.testing.assert_array_equal(t.asnumpy(), [0, 3, 0, 2])


def test_setitem_casts_the_value_to_the_tensors_dtype():
    t = T(np.arange(6, dtype=np.int32).reshape(2, 3))
    t[0] = 2.7
    t[1, 1:] = T(np.float32([-1.5, 8.9]))
    assert t.dtype is mindc.int32
    np.testing.assert_array_equal(t.asnumpy(), [[2, 2, 2], [3, -1, 8]])


def test_augmented_assignment_through_an_index_matches_numpy():
    def update(t):
        t[1:] += 3
        t[..., 0] *= T(np.float32([2.0]))
        t[[0, 2]] -= t[[1, 3]]
        t[0, 0, 0] /= 4
        return t

    want = X.copy()
    want[1:] += 3
    want[..., 0] *= 2.0
    want[[0, 2]] -= want[[1, 3]]
    want[0, 0, 0] /= 4
    for got in eager_and_jit(update, X):
        np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-6)


def test_setitem_updates_the_tensor_in_place_and_copies_stay_apart():
    t = T(X)
    alias, twin = t, t.copy()
    t[0] = 0.0
    assert alias is t and not alias.asnumpy()[0].any()
    np.testing.assert_array_equal(twin.asnumpy(), X)


def test_setitem_on_a_parameter_updates_it_in_both_modes(either_mode):
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = mindc.Parameter(T(np.zeros((3, 4), np.float32)), "w")

        def construct(self, v):
            self.w[1] = v
            self.w[:, ::3] += 1.0
            return self.w * 2

    net, v = Net(), np.random.default_rng(2).standard_normal(4).astype(np.float32)
    want = np.zeros((3, 4), np.float32)
    want[1] = v
    want[:, ::3] += 1.0
    np.testing.assert_array_equal(net(T(v)).asnumpy(), want * 2)
    np.testing.assert_array_equal(net.w.asnumpy(), want)


def _finite_difference_check(fn, arrays, seed=0):
    """mindc.grad of sum(fn(*arrays) * w) against central differences of the same function, in
    float64, along a random direction."""
    rng = np.random.default_rng(seed)
    arrays = [a.astype(np.float64) for a in arrays]
    w = rng.standard_normal(np.shape(fn(*[T(a) for a in arrays]))).astype(np.float64)

    def f(*xs):
        return (fn(*xs) * T(w)).sum()

    grads = mindc.grad(f, grad_position=tuple(range(len(arrays))))(*[T(a) for a in arrays])
    us = [rng.standard_normal(a.shape) for a in arrays]
    eps = 1e-5
    plus = f(*[T(a + eps * u) for a, u in zip(arrays, us)]).item()
    minus = f(*[T(a - eps * u) for a, u in zip(arrays, us)]).item()
    analytic = sum(float(np.sum(g.asnumpy() * u)) for g, u in zip(grads, us))
    np.testing.assert_allclose(analytic, (plus - minus) / (2 * eps), rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("index", [(slice(3, 0, -2), Ellipsis, 1), (slice(None), [2, 0, 2]), (None, -1),
                                   ([0, 2, 0], slice(None), [4, 1, 4])],
                         ids=["slices", "index-list", "new-axis", "two-index-lists"])
def test_getitem_gradient_matches_finite_differences(index):
    _finite_difference_check(lambda t: t[index] * t[index], [X])


@pytest.mark.parametrize("index,shape", [((slice(None), slice(2, None, -2)), (4, 2, 5)), ([1, -1, 1], (3, 3, 5)),
                                         ((Ellipsis, [4, 0]), (4, 3, 2)), (([3, 0, 3], [1, 2, 1]), (3, 5))],
                         ids=["slices", "repeated-rows", "last-axis", "two-index-lists"])
def test_setitem_gradient_matches_finite_differences(index, shape):
    value = np.random.default_rng(4).standard_normal(shape)

    def assign(t, v):
        t = t * 1.0
        t[index] = v * v
        return t * t

    _finite_difference_check(assign, [X, value])


def test_update_ops_match_numpy_and_their_vjps_finite_differences():
    x, v = X[:, :, 0].astype(np.float64), np.random.default_rng(5).standard_normal((2, 3))
    got = run_op("mind.strided_slice_update", x, v, begin=[3, 0], end=[0, 3], strides=[-2, 1])
    want = x.copy()
    want[3:0:-2, 0:3:1] = v
    np.testing.assert_array_equal(got, want)
    check_vjp("mind.strided_slice_update", x, v, begin=[3, 0], end=[0, 3], strides=[-2, 1])
    indices, updates = np.array([[1, -1], [1, 9]], np.int64), np.random.default_rng(6).standard_normal((2, 2, 3))
    want = x.copy()
    for j in [(0, 0), (0, 1), (1, 0)]:
        want[indices[j]] = updates[j]
    np.testing.assert_array_equal(run_op("mind.scatter_update", x, indices, updates), want)
    check_vjp("mind.scatter_update", x, indices, updates)


def test_indexing_errors():
    t = T(X)
    with pytest.raises(IndexError, match="index 4 is out of bounds for dimension 0 with size 4"):
        t[4]
    with pytest.raises(IndexError, match="index -6 is out of bounds for dimension 2 with size 5"):
        t[:, :, [0, -6]]
    with pytest.raises(IndexError, match="too many indices"):
        t[0, 0, 0, 0]
    with pytest.raises(IndexError, match="index 3 is out of bounds for dimension 1 with size 3"):
        t[[0, 1], [0, 3]]
    with pytest.raises(IndexError, match="unsupported index 1.5"):
        t[1.5]
    with pytest.raises(IndexError, match="False"):
        t[False] = 1.0
    with pytest.raises(IndexError, match="does not match the leading dimensions"):
        t[T(np.ones(3, bool))]
    with pytest.raises(IndexError, match="full slices"):
        t[1:, [0, 1]] = 0.0
    with pytest.raises(IndexError, match="only index"):
        t[T(np.ones(4, bool)), 0]


def test_updating_a_tensor_from_before_a_graph_branch_names_the_line():
    @mindc.jit
    def f(t):
        if t.sum() > 0:
            t[0] = 1.0
        return t

    with pytest.raises(mindc.OpError) as info:
        f(T(X))
    assert info.value.line == test_updating_a_tensor_from_before_a_graph_branch_names_the_line.__code__.co_firstlineno + 4
    assert "cannot be updated in place inside it" in str(info.value)


def test_a_value_of_the_wrong_shape_names_the_assignment():
    t = T(X)
    with pytest.raises(mindc.OpError) as info:
        t[0] = T(np.ones((2, 5), np.float32))
    assert info.value.file.endswith("test_tensor_index.py")
    assert info.value.line == test_a_value_of_the_wrong_shape_names_the_assignment.__code__.co_firstlineno + 3
