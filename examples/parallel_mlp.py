"""Train an MLP on scikit-learn's digits split over MPI processes, as MindSpore's parallel code.

The network is written for one device; its two Dense layers' matmul primitives get Megatron's
strategies (the first split by output columns, the second by input rows), and the functional
training step is wrapped in AutoParallel. Each process loads its own shard of every batch
(dataset strategy "data_parallel"); mind-sharding-propagation spreads the strategies to every op
of the step (forward, backward, Momentum), mind-spmd-partition makes each process's program with
its collectives, and MPI moves the bytes.

    mindc-run --worker_num=2 examples/parallel_mlp.py [--epochs N] [--mode recursive_programming]
"""
from __future__ import annotations

import argparse

import numpy as np
from digits_data import splits

import mindc
from mindc import nn, ops
from mindc.communication import get_group_size, get_rank, init
from mindc.parallel.auto_parallel import AutoParallel


class MLP(nn.Cell):
    def __init__(self, hidden: int = 128, classes: int = 10):
        super().__init__()
        self.fc1 = nn.Dense(64, hidden)
        self.fc2 = nn.Dense(hidden, classes)

    def construct(self, x):
        return self.fc2(ops.relu(self.fc1(x)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=64, help="global batch (all processes)")
    parser.add_argument("--mode", default="semi_auto", choices=["semi_auto", "recursive_programming"])
    args = parser.parse_args()

    init()
    rank, size = get_rank(), get_group_size()
    mindc.set_context(mode=mindc.GRAPH_MODE)
    mindc.set_seed(0)
    net = MLP()
    if args.mode == "semi_auto":
        net.fc1.matmul.shard(((1, 1), (size, 1)))
        net.fc2.matmul.shard(((1, size), (1, size)))
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    optimizer = nn.Momentum(net.trainable_params(), 0.05, 0.9)
    grad_fn = mindc.value_and_grad(lambda x, y: loss_fn(net(x), y), None, optimizer.parameters)

    def train_step(x, y):
        loss, grads = grad_fn(x, y)
        optimizer(grads)
        return loss

    step = AutoParallel(train_step, parallel_mode=args.mode)
    step.dataset_strategy("data_parallel")
    (x_train, y_train), (x_test, y_test) = splits(seed=0)
    rows = args.batch // size
    for epoch in range(args.epochs):
        order = np.random.default_rng(epoch).permutation(len(x_train))  # the same on every rank
        losses = []
        for start in range(0, len(order) - args.batch + 1, args.batch):
            mine = order[start + rank * rows:start + (rank + 1) * rows]
            losses.append(float(step(mindc.Tensor(x_train[mine]), mindc.Tensor(y_train[mine])).asnumpy()))
        # Reading the split Parameters assembles them on every rank: each evaluates the whole model.
        accuracy = float((net(mindc.Tensor(x_test)).asnumpy().argmax(1) == y_test).mean())
        if rank == 0:
            print(f"epoch {epoch + 1}: loss {np.mean(losses):.4f}, test accuracy {accuracy:.3f} ({size} processes)",
                  flush=True)


if __name__ == "__main__":
    main()
