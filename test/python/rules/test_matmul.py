"""mind.matmul compiled through the CPU pipeline against float64 numpy, and its shape errors."""
import numpy as np
import pytest
from helpers import run_op, tol

from mindc import emit
from mindc.ir import make_context
from mindc.rules.base import RuleError, Sig


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("ta,tb", [(False, False), (True, False), (False, True), (True, True)])
def test_matmul_matches_float64_numpy(dtype, ta, tb):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((7, 5) if ta else (5, 7)).astype(dtype)
    y = rng.standard_normal((3, 7) if tb else (7, 3)).astype(dtype)
    got = run_op("mind.matmul", x, y, transpose_a=ta, transpose_b=tb)
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    want = (x64.T if ta else x64) @ (y64.T if tb else y64)
    np.testing.assert_allclose(got, want, **tol(dtype))


def test_matmul_rejects_contracting_mismatch():
    with make_context(), pytest.raises(RuleError, match=r"contracting dimensions differ: x is 4x3xf32 \(k=3\), "
                                                          r"y is 2x5xf32 \(k=2\)"):
        emit.single_op_module("mind.matmul", [Sig((4, 3), "f32"), Sig((2, 5), "f32")],
                              dict(transpose_a=False, transpose_b=False))
