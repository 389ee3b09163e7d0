"""Worker: LeNet and a Transformer encoder layer trained over the job's ranks with AutoParallel
(the strategies searched by mind-auto-parallel, or set on LeNet's primitives), against the whole
program in this process: the same losses and final parameters.

argv: lenet|transformer, the AutoParallel mode (semi_auto|recursive_programming|sharding_propagation).
With semi_auto, LeNet's classifier is split Megatron's way on 2 ranks and mixed on 4 (2x2); the
Transformer mixed on 4: its batch over one grid axis, its classifier's outputs over the other.
"""
import sys

import numpy as np

import mindc
from mindc import nn, ops
from mindc.communication import get_group_size, get_rank, init
from mindc.parallel.auto_parallel import AutoParallel
from mindc.runtime.sharded import ShardedFunction

STEPS = 3
# float32 sums in other orders (pieces, then across ranks) over convolutions and attention.
RTOL, ATOL = 2e-5, 2e-6


class LeNet(nn.Cell):
    def __init__(self, strategies: bool):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 5, pad_mode="valid")
        self.conv2 = nn.Conv2d(4, 8, 5, pad_mode="valid")
        self.pool = nn.MaxPool2d(kernel_size=2, stride=2)
        self.flatten = nn.Flatten()
        self.fc1, self.fc2 = nn.Dense(8 * 4 * 4, 32), nn.Dense(32, 10)
        if strategies and get_group_size() == 2:
            # Megatron on the classifier: fc1 by output columns, fc2 by input rows.
            self.fc1.matmul.shard(((1, 1), (2, 1)))
            self.fc2.matmul.shard(((1, 2), (1, 2)))
        elif strategies:
            # Mixed on a 2x2 grid: the batch over one axis, the classifier's hidden units over the other.
            self.fc1.matmul.shard(((2, 1), (2, 1)))
            self.fc2.matmul.shard(((2, 2), (1, 2)))

    def construct(self, x):
        x = self.pool(ops.relu(self.conv1(x)))
        x = self.pool(ops.relu(self.conv2(x)))
        return self.fc2(ops.relu(self.fc1(self.flatten(x))))


class Encoder(nn.Cell):
    def __init__(self, strategies: bool):
        super().__init__()
        self.layer = nn.TransformerEncoderLayer(64, 4, dim_feedforward=256, dropout=0.0, batch_first=True)
        self.head = nn.Dense(64, 6)
        if strategies:
            # Mixed on a 2x2 grid: the layer's batch over one axis (propagated through attention),
            # the classifier's outputs over the other.
            self.layer.shard(((2, 1, 1),))
            self.head.matmul.shard(((2, 1), (2, 1)))

    def construct(self, x):
        return self.head(self.layer(x).mean(1))


# Sizes at which the search splits ops (on tiny ones communication costs more than it saves).
NETWORKS = {"lenet": (LeNet, (64, 1, 28, 28), 10), "transformer": (Encoder, (8, 16, 64), 6)}


def train(name, mode, x, y, params):
    build, _, _ = NETWORKS[name]
    net = build(mode == "semi_auto")
    for p, value in zip(net.trainable_params(), params):
        p.set_data(mindc.Tensor(value))
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    optimizer = nn.Momentum(net.trainable_params(), 0.05, 0.9)
    grad_fn = mindc.value_and_grad(lambda a, b: loss_fn(net(a), b), None, optimizer.parameters)

    def step(a, b):
        loss, grads = grad_fn(a, b)
        optimizer(grads)
        return loss

    if mode is None:
        run = mindc.jit(step)
    else:
        run = AutoParallel(step, parallel_mode=mode)
        run.dataset_strategy("full_batch")
    losses = [float(run(mindc.Tensor(x), mindc.Tensor(y)).asnumpy()) for _ in range(STEPS)]
    if mode is not None:
        (compiled,) = run._graph._cache._entries.values()
        assert isinstance(compiled._fn, ShardedFunction), "the step was not partitioned"
        assert any(not layout.is_replicated for layout in compiled._fn.arg_layouts), "nothing was split"
    return losses, [p.asnumpy() for p in net.trainable_params()]


def main():
    name, mode = sys.argv[1], sys.argv[2]
    init()
    mindc.set_context(mode=mindc.GRAPH_MODE)
    mindc.set_seed(5)
    build, shape, classes = NETWORKS[name]
    rng = np.random.default_rng(11)
    x = rng.standard_normal(shape).astype(np.float32)
    y = rng.integers(0, classes, shape[0]).astype(np.int32)
    params = [p.asnumpy() for p in build(False).trainable_params()]
    whole_losses, whole_params = train(name, None, x, y, params)
    losses, trained = train(name, mode, x, y, params)
    np.testing.assert_allclose(losses, whole_losses, rtol=RTOL, atol=ATOL)
    for a, b in zip(trained, whole_params):
        np.testing.assert_allclose(a, b, rtol=RTOL, atol=ATOL)
    print(f"rank {get_rank()} ok losses {' '.join(f'{v:.6f}' for v in losses)}")


if __name__ == "__main__":
    main()
