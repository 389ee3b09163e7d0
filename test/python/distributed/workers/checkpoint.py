"""Worker: checkpoints of a model trained split over the ranks hold whole tensors, so training
moves between N ranks and one process either way with the same numbers.

argv[1]: a directory for the checkpoint files. Megatron's MLP on 2 ranks (semi_auto.py's
strategies): 2 steps split, saved, 2 more split; the save loaded into one process, 2 steps there,
must give the last 2 split steps. Then the other way: 2 steps in one process, saved, loaded into
the split program, 2 more there, against 2 more in one process.
"""
import sys
from pathlib import Path

import numpy as np

import mindc
from mindc import nn
from mindc.communication import get_rank, init
from semi_auto import STRATEGIES, Net

RTOL, ATOL = 1e-5, 1e-6


def step_cell(strategies):
    net = Net(strategies)
    loss = nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"))
    return nn.TrainOneStepCell(loss, nn.Momentum(net.trainable_params(), 0.1, 0.9))


def run(cell, x, y, steps):
    return [float(cell(mindc.Tensor(x), mindc.Tensor(y)).asnumpy()) for _ in range(steps)]


def split(parallel: bool):
    if parallel:
        mindc.set_auto_parallel_context(parallel_mode=mindc.ParallelMode.SEMI_AUTO_PARALLEL, full_batch=True)
    else:
        mindc.reset_auto_parallel_context()


def main():
    folder = Path(sys.argv[1])
    init()
    rank = get_rank()
    mindc.set_context(mode=mindc.GRAPH_MODE)
    rng = np.random.default_rng(3)
    x = rng.standard_normal((8, 12)).astype(np.float32)
    y = rng.integers(0, 4, 8).astype(np.int32)

    # N ranks -> 1 process.
    split(True)
    mindc.set_seed(1)
    cell = step_cell(STRATEGIES["megatron"])
    run(cell, x, y, 2)
    mindc.save_checkpoint(cell, str(folder / f"split_rank{rank}.ckpt"))
    split_losses = run(cell, x, y, 2)
    split(False)
    whole = step_cell({})
    mindc.load_checkpoint(str(folder / f"split_rank{rank}.ckpt"), whole)
    np.testing.assert_allclose(run(whole, x, y, 2), split_losses, rtol=RTOL, atol=ATOL)

    # 1 process -> N ranks.
    mindc.set_seed(2)
    whole = step_cell({})
    run(whole, x, y, 2)
    mindc.save_checkpoint(whole, str(folder / f"whole_rank{rank}.ckpt"))
    whole_losses = run(whole, x, y, 2)
    split(True)
    cell = step_cell(STRATEGIES["megatron"])
    mindc.load_checkpoint(str(folder / f"whole_rank{rank}.ckpt"), cell)
    np.testing.assert_allclose(run(cell, x, y, 2), whole_losses, rtol=RTOL, atol=ATOL)
    print(f"rank {rank} ok")


if __name__ == "__main__":
    main()
