"""Data-parallel training as MindSpore writes it: set_auto_parallel_context(DATA_PARALLEL,
gradients_mean=True), each rank its shard of the batch, TrainOneStepCell. The losses (averaged over
the ranks) and final parameters must equal one process training on the whole batch, which each
rank also runs (stand-alone) first. argv: network (mlp | lenet), mode (graph | pynative)."""
import sys

import numpy as np

import mindc
from mindc import Tensor, nn
from mindc.communication import get_group_size, get_rank, init
from mindc.runtime.mpi import initialize

STEPS = 4
BATCH = 16
# float32 sums in another order (each shard, then across ranks): a few ulps per step.
RTOL, ATOL = 1e-5, 1e-6


class LeNet(nn.Cell):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 5, pad_mode="valid")
        self.conv2 = nn.Conv2d(4, 8, 5, pad_mode="valid")
        self.pool = nn.MaxPool2d(kernel_size=2, stride=2)
        self.relu = nn.ReLU()
        self.flatten = nn.Flatten()
        self.fc = nn.Dense(8 * 4 * 4, 10)

    def construct(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        return self.fc(self.flatten(x))


class Encoder(nn.Cell):
    """A Transformer encoder layer and a classifier over the mean of its outputs."""

    def __init__(self):
        super().__init__()
        self.layer = nn.TransformerEncoderLayer(16, 4, dim_feedforward=32, dropout=0.0, batch_first=True)
        self.head = nn.Dense(16, 5)

    def construct(self, x):
        return self.head(self.layer(x).mean(1))


NETWORKS = {
    "mlp": (lambda: nn.SequentialCell([nn.Dense(8, 32), nn.ReLU(), nn.Dense(32, 4)]), (BATCH, 8), 4),
    "lenet": (LeNet, (BATCH, 1, 28, 28), 10),
    "transformer": (Encoder, (BATCH, 6, 16), 5),
}


def train(name: str, x: np.ndarray, labels: np.ndarray):
    """Losses of STEPS steps and the final parameters, from the same initial weights everywhere."""
    build, _, _ = NETWORKS[name]
    net = build()
    rng = np.random.default_rng(1)
    for p in net.trainable_params():
        p.set_data(Tensor((rng.standard_normal(p.shape) * 0.2).astype(np.float32)))
    loss_net = nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"))
    step = nn.TrainOneStepCell(loss_net, nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9))
    losses = [float(step(Tensor(x), Tensor(labels)).asnumpy()) for _ in range(STEPS)]
    return np.array(losses), [p.asnumpy().copy() for p in net.trainable_params()]


def main(name: str, mode: str):
    mindc.set_context(mode=mindc.GRAPH_MODE if mode == "graph" else mindc.PYNATIVE_MODE)
    init()
    rank, world = get_rank(), get_group_size()
    _, shape, classes = NETWORKS[name]
    rng = np.random.default_rng(0)
    x = rng.standard_normal(shape).astype(np.float32)
    labels = rng.integers(0, classes, BATCH).astype(np.int32)
    want_losses, want_params = train(name, x, labels)

    mindc.set_auto_parallel_context(parallel_mode=mindc.ParallelMode.DATA_PARALLEL, gradients_mean=True)
    shard = slice(rank * BATCH // world, (rank + 1) * BATCH // world)
    local_losses, params = train(name, x[shard], labels[shard])
    losses = initialize().COMM_WORLD.allreduce(local_losses) / world
    np.testing.assert_allclose(losses, want_losses, rtol=RTOL, atol=ATOL, err_msg="losses")
    for i, (got, want) in enumerate(zip(params, want_params)):
        np.testing.assert_allclose(got, want, rtol=RTOL, atol=ATOL, err_msg=f"parameter {i}")
    assert want_losses[-1] < want_losses[0], f"the loss did not fall: {want_losses}"
    print(f"ok {name} {mode} rank {rank} of {world}: losses {np.round(losses, 5).tolist()}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
