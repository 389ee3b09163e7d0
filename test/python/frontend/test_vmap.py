"""mindc.vmap (MindSpore's vmap): fn mapped over an axis, against a Python loop over the rows in
numpy float64, eagerly and inside graphs, with gradients by central differences."""
import numpy as np
import pytest
from graph_helpers import check_grads

import mindc
from mindc import nn, ops
from mindc.ops import functional as F

T = mindc.Tensor


def rand(*shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape)


def affine(row, w, b):
    return ops.tanh(ops.matmul(ops.reshape(row, (1, -1)), w))[0] + b


def test_maps_over_the_rows_of_some_arguments_and_passes_the_others(either_mode):
    x, w, b = rand(5, 3, seed=1), rand(3, 2, seed=2), rand(2, seed=3)
    want = np.stack([np.tanh(row @ w) + b for row in x])
    for mapped in (mindc.vmap(affine, in_axes=(0, None, None)), mindc.jit(F.vmap(affine, (0, None, None)))):
        np.testing.assert_allclose(mapped(T(x), T(w), T(b)).asnumpy(), want, rtol=1e-12)


def test_axes_nested_arguments_and_several_outputs():
    x, y = rand(4, 6, seed=4), rand(6, seed=5)

    def pair(args, scale):
        a, c = args
        return a * scale + c, ops.sum(a)

    mapped = ops.vmap(pair, in_axes=((1, 0), None), out_axes=(1, 0))
    out, sums = mapped((T(x), T(y)), T(np.float64(2.0)))
    np.testing.assert_allclose(out.asnumpy(), x * 2 + y, rtol=1e-12)
    np.testing.assert_allclose(sums.asnumpy(), x.sum(0), rtol=1e-12)
    # vmap of vmap: an outer product of rows, then one unmapped output (the same in every row).
    outer = mindc.vmap(mindc.vmap(lambda a, c: a * c, in_axes=(None, 0)), in_axes=(0, None))
    np.testing.assert_allclose(outer(T(x[:, 0]), T(y)).asnumpy(), np.outer(x[:, 0], y), rtol=1e-12)
    first = mindc.vmap(lambda a: (a + 1, ops.ones((2,), mindc.float64)), out_axes=(0, None))(T(x))
    np.testing.assert_allclose(first[1].asnumpy(), np.ones(2))


def test_a_cell_maps_and_gradients_flow_through_the_loop():
    cell = nn.Dense(3, 2, dtype=mindc.float64)
    x = rand(4, 3, seed=6)
    want = x @ cell.weight.asnumpy().T + cell.bias.asnumpy()
    np.testing.assert_allclose(mindc.vmap(cell)(T(x)).asnumpy(), want, rtol=1e-12)

    def loss(a, w):
        return ops.sum(mindc.vmap(lambda row, m: ops.sin(row * m) * row, in_axes=(0, None))(a, w))

    check_grads(loss, [rand(4, 3, seed=7), rand(3, seed=8)], [0, 1])


def test_bad_axes_and_sizes_are_errors():
    x, y = T(rand(4, 3, seed=9)), T(rand(5, 3, seed=10))
    with pytest.raises(ValueError, match=r"mapped axes of the arguments must have one size, got \[4, 5\]"):
        mindc.vmap(lambda a, c: a + c)(x, y)
    with pytest.raises(ValueError, match="at least one argument must be mapped"):
        mindc.vmap(lambda a: a, in_axes=None)(x)
    with pytest.raises(ValueError, match="in_axes has 1 entries for 2 arguments"):
        mindc.vmap(lambda a, c: a, in_axes=(0,))(x, x)
    with pytest.raises(ValueError, match="not a Tensor \\(int\\) must have in_axes None"):
        mindc.vmap(lambda a, n: a * n)(x, 3)
    with pytest.raises(TypeError, match="'in_axes' must be an int, None"):
        mindc.vmap(lambda a: a, in_axes="0")
