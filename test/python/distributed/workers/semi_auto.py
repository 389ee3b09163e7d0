"""Worker: an MLP trained with MindSpore's semi-auto parallel API (strategies on Dense's matmul and
bias_add primitives), against the same program run whole in this process and against numpy.

argv: megatron (2 ranks: first Dense split by output columns, second by input rows) or mixed (4
ranks, a 2x2 grid: the batch over one axis, the hidden columns over the other).
"""
import sys

import numpy as np

import mindc
from mindc import nn, ops
from mindc.communication import get_rank, init

STRATEGIES = {
    "megatron": {"d1.matmul": ((1, 1), (2, 1)), "d1.bias_add": ((1, 2), (2,)), "d2.matmul": ((1, 2), (1, 2))},
    "mixed": {"d1.matmul": ((2, 1), (2, 1)), "d1.bias_add": ((2, 2), (2,)), "d2.matmul": ((2, 2), (1, 2))},
}
STEPS, LR, MOMENTUM = 4, 0.1, 0.9


class Net(nn.Cell):
    def __init__(self, strategies):
        super().__init__()
        self.d1, self.d2 = nn.Dense(12, 16), nn.Dense(16, 4)
        for name, strategy in strategies.items():
            cell, prim = name.split(".")
            getattr(getattr(self, cell), prim).shard(strategy)

    def construct(self, x):
        return self.d2(ops.relu(self.d1(x)))


def train(strategies, x, y, init_params):
    net = Net(strategies)
    for p, value in zip(net.trainable_params(), init_params):
        p.set_data(mindc.Tensor(value))
    loss = nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"))
    step = nn.TrainOneStepCell(loss, nn.Momentum(net.trainable_params(), LR, MOMENTUM))
    losses = [float(step(mindc.Tensor(x), mindc.Tensor(y)).asnumpy()) for _ in range(STEPS)]
    return losses, [p.asnumpy() for p in net.trainable_params()]


def numpy_reference(x, y, params):
    w1, b1, w2, b2 = (p.astype(np.float64) for p in params)
    velocity = [np.zeros_like(p) for p in (w1, b1, w2, b2)]
    losses = []
    for _ in range(STEPS):
        h = np.maximum(x @ w1.T + b1, 0)
        logits = h @ w2.T + b2
        e = np.exp(logits - logits.max(1, keepdims=True))
        p = e / e.sum(1, keepdims=True)
        losses.append(-np.log(p[np.arange(len(y)), y]).mean())
        g = p.copy()
        g[np.arange(len(y)), y] -= 1
        g /= len(y)
        gh = (g @ w2) * (h > 0)
        grads = [gh.T @ x, gh.sum(0), g.T @ h, g.sum(0)]
        for i, (param, grad) in enumerate(zip((w1, b1, w2, b2), grads)):
            velocity[i] = MOMENTUM * velocity[i] + grad
            param -= LR * velocity[i]
    return losses, [w1, b1, w2, b2]


def main():
    layout = sys.argv[1]
    init()
    mindc.set_context(mode=mindc.GRAPH_MODE)
    rng = np.random.default_rng(7)  # the same data and parameters on every rank
    x = rng.standard_normal((8, 12)).astype(np.float32)
    y = rng.integers(0, 4, 8).astype(np.int32)
    params = [rng.standard_normal(s).astype(np.float32) * 0.5 for s in ((16, 12), (16,), (4, 16), (4,))]

    whole_losses, whole_params = train({}, x, y, params)
    mindc.set_auto_parallel_context(parallel_mode=mindc.ParallelMode.SEMI_AUTO_PARALLEL, full_batch=True)
    losses, trained = train(STRATEGIES[layout], x, y, params)
    ref_losses, ref_params = numpy_reference(x.astype(np.float64), y, params)

    np.testing.assert_allclose(losses, whole_losses, rtol=1e-5, atol=1e-6)
    for a, b in zip(trained, whole_params):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(losses, ref_losses, rtol=1e-4, atol=1e-5)
    for a, b in zip(trained, ref_params):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-5)
    print(f"rank {get_rank()} ok losses {' '.join(f'{v:.6f}' for v in losses)}")


if __name__ == "__main__":
    main()
