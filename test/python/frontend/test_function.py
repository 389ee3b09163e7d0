"""mindc._Function (MindSpore's custom autograd function): forward runs as written, gradients
come from backward, with what forward saved on ctx."""
import numpy as np
import pytest

import mindc
from mindc import ops

T = mindc.Tensor


class ScaledSquare(mindc._Function):
    """forward x*x*s; backward deliberately 3x the true gradient, so it is seen to be used."""

    @staticmethod
    def forward(ctx, x, s):
        ctx.save_for_backward(x)
        ctx.scale = s
        return x * x * s

    @staticmethod
    def backward(ctx, dout):
        (x,) = ctx.saved_tensors
        return 3 * (2 * x * ctx.scale * dout), ops.zeros_like(ctx.scale)


class Wrong(mindc._Function):
    @staticmethod
    def forward(ctx, x, y):
        return x + y

    @staticmethod
    def backward(ctx, dout):
        return dout


def test_forward_runs_as_written_and_backward_gives_the_gradients(either_mode):
    x, s = np.random.default_rng(1).standard_normal(4), np.float64(1.5)
    np.testing.assert_allclose(ScaledSquare.apply(T(x), T(s)).asnumpy(), x * x * s, rtol=1e-12)
    dx, ds = mindc.grad(lambda a, b: ops.sum(ScaledSquare.apply(a, b)), grad_position=(0, 1))(T(x), T(s))
    np.testing.assert_allclose(dx.asnumpy(), 3 * 2 * x * s, rtol=1e-12)
    assert float(ds.asnumpy()) == 0.0


def test_backward_must_give_one_gradient_per_input():
    x = T(np.ones(3))
    with pytest.raises(RuntimeError, match="Function backward return a wrong number of gradients"):
        mindc.grad(lambda a, b: ops.sum(Wrong.apply(a, b)), grad_position=(0, 1))(x, x)
