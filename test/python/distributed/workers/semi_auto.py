"""Worker: an MLP trained with MindSpore's semi-auto parallel API (strategies on Dense's matmul and
bias_add primitives), against the same program run whole in this process and against numpy.

argv[1], the layout: megatron (2 ranks: first Dense split by output columns, second by input
rows), mixed (4 ranks, a 2x2 grid: the batch over one axis, the hidden columns over the other) or
cell (2 ranks: Cell.shard on the second Dense, its input and weight split by hidden columns) or
functional (2 ranks: megatron's strategies, the step a function wrapped in AutoParallel), or
searched (no strategies: AutoParallel's recursive_programming, mind-auto-parallel's search).
argv[2], the dataset strategy: full_batch (every rank passes the whole batch) or data_parallel
(each rank passes its shard of the batch).
"""
import sys

import numpy as np

import mindc
from mindc import nn, ops
from mindc.communication import get_group_size, get_rank, init
from mindc.parallel.auto_parallel import AutoParallel
from mindc.runtime.sharded import ShardedFunction

STRATEGIES = {
    "megatron": {"d1.matmul": ((1, 1), (2, 1)), "d1.bias_add": ((1, 2), (2,)), "d2.matmul": ((1, 2), (1, 2))},
    "mixed": {"d1.matmul": ((2, 1), (2, 1)), "d1.bias_add": ((2, 2), (2,)), "d2.matmul": ((2, 2), (1, 2))},
    "cell": {},
    "functional": {},
    "searched": {},
}
STEPS, LR, MOMENTUM = 4, 0.1, 0.9


class Net(nn.Cell):
    def __init__(self, strategies):
        super().__init__()
        self.d1, self.d2 = nn.Dense(12, 16), nn.Dense(16, 4)
        for name, strategy in strategies.items():
            cell, prim = name.split(".")
            getattr(getattr(self, cell), prim).shard(strategy)
        if strategies is STRATEGIES["cell"]:
            self.d2.shard(((1, 2),), parameter_plan={"self.weight": (1, 2)})

    def construct(self, x):
        return self.d2(ops.relu(self.d1(x)))


def train(strategies, x, y, init_params, split=False):
    """Losses and final parameters of STEPS steps on (x, y), from the parameters init_params."""
    net = Net(strategies)
    for p, value in zip(net.trainable_params(), init_params):
        p.set_data(mindc.Tensor(value))
    loss = nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"))
    step = nn.TrainOneStepCell(loss, nn.Momentum(net.trainable_params(), LR, MOMENTUM))
    losses = [float(step(mindc.Tensor(x), mindc.Tensor(y)).asnumpy()) for _ in range(STEPS)]
    if split:
        check_held_in_pieces(net)
    return losses, [p.asnumpy() for p in net.trainable_params()]


def check_held_in_pieces(net):
    """Between steps a split Parameter is only this rank's piece, the whole array dropped."""
    split = [p for p in net.trainable_params() if p.__dict__.get("_pieces") is not None]
    assert split, "no Parameter is held split"
    for p in split:
        assert p.__dict__["_whole"] is None and p.__dict__["_pieces"].local.size < p.size, p.name


def train_functional(strategies, x, y, init_params, dataset, mode="semi_auto"):
    """train(), written as MindSpore's functional API with AutoParallel around the step."""
    net = Net(strategies)
    for p, value in zip(net.trainable_params(), init_params):
        p.set_data(mindc.Tensor(value))
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    optimizer = nn.Momentum(net.trainable_params(), LR, MOMENTUM)
    grad_fn = mindc.value_and_grad(lambda a, b: loss_fn(net(a), b), None, optimizer.parameters)

    def step(a, b):
        loss, grads = grad_fn(a, b)
        optimizer(grads)
        return loss

    parallel_step = AutoParallel(step, parallel_mode=mode)
    parallel_step.dataset_strategy(dataset)
    losses = [float(parallel_step(mindc.Tensor(x), mindc.Tensor(y)).asnumpy()) for _ in range(STEPS)]
    if strategies:
        check_held_in_pieces(net)
    (compiled,) = parallel_step._graph._cache._entries.values()
    assert isinstance(compiled._fn, ShardedFunction), "AutoParallel's step was not partitioned"
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
    layout, dataset = sys.argv[1], sys.argv[2]
    init()
    mindc.set_context(mode=mindc.GRAPH_MODE)
    rng = np.random.default_rng(7)  # the same data and parameters on every rank
    x = rng.standard_normal((8, 12)).astype(np.float32)
    y = rng.integers(0, 4, 8).astype(np.int32)
    params = [rng.standard_normal(s).astype(np.float32) * 0.5 for s in ((16, 12), (16,), (4, 16), (4,))]

    whole_losses, whole_params = train({}, x, y, params)
    rows = len(x) // get_group_size()
    mine = slice(get_rank() * rows, (get_rank() + 1) * rows) if dataset == "data_parallel" else slice(None)
    if layout == "functional":
        losses, trained = train_functional(STRATEGIES["megatron"], x[mine], y[mine], params, dataset)
    elif layout == "searched":
        losses, trained = train_functional({}, x[mine], y[mine], params, dataset, "recursive_programming")
    else:
        mindc.set_auto_parallel_context(parallel_mode=mindc.ParallelMode.SEMI_AUTO_PARALLEL,
                                        full_batch=dataset == "full_batch")
        losses, trained = train(STRATEGIES[layout], x[mine], y[mine], params, split=True)
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
