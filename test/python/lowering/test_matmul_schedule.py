"""The CPU matmul schedule (lowering/matmul-cpu.mlir) against float64 numpy: every transpose flag,
shapes that divide its 8x32 register tiles and shapes that leave remainders in every dimension
(1, primes, non-multiples of 16), f32 and f64, for mind.matmul and mind.batch_matmul."""
import numpy as np
import pytest

from helpers import run_op, tol

FLAGS = [(False, False), (True, False), (False, True), (True, True)]
DTYPES = [np.float32, np.float64]
# (m, n, k): full tiles, remainders of every size, and a bit of everything at once.
SHAPES = [(1, 1, 1), (3, 7, 17), (31, 64, 100), (129, 3, 31), (7, 129, 64), (100, 17, 3), (64, 64, 64),
          (257, 130, 67)]


def _operands(shape_x, shape_y, dtype, seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal(shape_x).astype(dtype), rng.standard_normal(shape_y).astype(dtype)


def _tol(dtype, k):
    # Sums of k products: the rounding error grows with k (f32 ~ k * 2^-24 relative).
    t = tol(dtype)
    return dict(rtol=t["rtol"] * max(1, k / 16), atol=t["atol"] * max(1, k))


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("ta,tb", FLAGS)
@pytest.mark.parametrize("m,n,k", SHAPES)
def test_matmul_matches_float64_numpy(m, n, k, ta, tb, dtype):
    x, y = _operands((k, m) if ta else (m, k), (n, k) if tb else (k, n), dtype)
    got = run_op("mind.matmul", x, y, transpose_a=ta, transpose_b=tb)
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    want = (x64.T if ta else x64) @ (y64.T if tb else y64)
    assert got.dtype == dtype and got.shape == (m, n)
    np.testing.assert_allclose(got, want, **_tol(dtype, k))


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("ta,tb", FLAGS)
@pytest.mark.parametrize("b,m,n,k", [(2, 1, 1, 1), (3, 17, 31, 7), (2, 100, 129, 64)])
def test_batch_matmul_matches_float64_numpy(b, m, n, k, ta, tb, dtype):
    x, y = _operands((b, k, m) if ta else (b, m, k), (b, n, k) if tb else (b, k, n), dtype)
    got = run_op("mind.batch_matmul", x, y, transpose_a=ta, transpose_b=tb)
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    want = np.matmul(np.swapaxes(x64, -1, -2) if ta else x64, np.swapaxes(y64, -1, -2) if tb else y64)
    assert got.dtype == dtype and got.shape == (b, m, n)
    np.testing.assert_allclose(got, want, **_tol(dtype, k))


@pytest.mark.parametrize("shape", [(1, 1), (16, 16), (20, 16), (17, 33), (784, 512)])
def test_transpose_tiles_match_numpy(shape):
    x = np.random.default_rng(0).standard_normal(shape).astype(np.float32)
    np.testing.assert_array_equal(run_op("mind.transpose", x, perm=(1, 0)), x.T)


# The rows kernel (few rows of x, transposed y read in place): m up to its limit and one past it,
# n and k primes or non-multiples of 16 (remainder tiles of n and of the k loop), f32 and f64.
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("m,n,k", [(1, 1, 1), (1, 13, 37), (2, 7, 16), (3, 29, 53), (1, 512, 784), (2, 10, 100),
                                   (3, 4, 15), (8, 17, 33), (9, 17, 33)])
def test_rows_kernel_matches_float64_numpy(m, n, k, dtype):
    x, y = _operands((m, k), (n, k), dtype)
    got = run_op("mind.matmul", x, y, transpose_a=False, transpose_b=True)
    want = x.astype(np.float64) @ y.astype(np.float64).T
    assert got.dtype == dtype and got.shape == (m, n)
    np.testing.assert_allclose(got, want, **_tol(dtype, k))


@pytest.mark.parametrize("batch,rows", [(1, True), (8, True), (9, False)])
def test_dense_weight_is_read_in_place_at_small_batch(batch, rows):
    # nn.Dense's x @ transpose(W): at few rows the transpose is not materialized, the product
    # reads W's rows through its indexing map and is tagged for the rows kernel.
    import mindc
    from mindc import ops

    f = mindc.jit(lambda x, w: ops.matmul(x, ops.transpose(w, (1, 0))))
    x, w = _operands((batch, 20), (12, 20), np.float32)
    text = f.lower(mindc.Tensor(x), mindc.Tensor(w)).as_text("linalg")
    assert ('mindc.kernel = "rows"' in text) == rows
    assert ("linalg.transpose" in text) != rows
    np.testing.assert_allclose(f(mindc.Tensor(x), mindc.Tensor(w)).asnumpy(), x @ w.T, rtol=1e-5, atol=1e-5)
