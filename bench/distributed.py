"""Distributed benchmark: a data-parallel MLP training step on 2 processes against 1, and the cost
of an all-reduce by message size.

    python bench/distributed.py --out bench/RESULTS.md     # replaces its "## Data parallel" section
    python bench/distributed.py --out -

The MLP is train_step.py's (784-512-512-10, softmax cross-entropy, SGD lr 0.01) at a global batch
of 64: one process on the whole batch, or each of N processes (`mpiexec -n N`) on 64/N rows with
set_auto_parallel_context(DATA_PARALLEL, gradients_mean=True), graph-mode TrainOneStepCell (the
gradients' all-reduce is inside the compiled step), each process with its share of the host's
cores as its runtime_num_threads (communication.init's default). "step" is the median of 30 steps after 3
warm-up steps; scaling efficiency is N-process throughput over N times one process's. The
all-reduce rows time one compiled mind.all_reduce (sum, float32) over 2 processes per size, and
count the bytes each process sends: a gradient all-reduce moves each parameter's bytes once.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import machine, write_section  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Data parallel"
BATCH, WARMUP, STEPS = 64, 3, 30
SIZES = [1 << k for k in (10, 14, 18, 20, 22)]  # bytes


def median_seconds(fn, warmup: int, runs: int) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def worker_train() -> dict:
    import mindc
    from mindc import Tensor, nn
    from mindc.communication import get_group_size, get_rank, init

    init()
    rank, world = get_rank(), get_group_size()
    # init() gave each process its share of the host's cores.
    threads = mindc.get_context("runtime_num_threads")
    mindc.set_context(mode=mindc.GRAPH_MODE)
    if world > 1:
        mindc.set_auto_parallel_context(parallel_mode=mindc.ParallelMode.DATA_PARALLEL, gradients_mean=True)
    rng = np.random.default_rng(0)
    net = nn.SequentialCell([nn.Dense(784, 512), nn.ReLU(), nn.Dense(512, 512), nn.ReLU(), nn.Dense(512, 10)])
    for p in net.trainable_params():
        p.set_data(Tensor((rng.standard_normal(p.shape) * 0.05).astype(np.float32)))
    x = rng.standard_normal((BATCH, 784)).astype(np.float32)
    labels = rng.integers(0, 10, BATCH).astype(np.int32)
    rows = slice(rank * BATCH // world, (rank + 1) * BATCH // world)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")),
                               nn.SGD(net.trainable_params(), learning_rate=0.01))
    xs, ys = Tensor(x[rows]), Tensor(labels[rows])
    seconds = median_seconds(lambda: step(xs, ys).asnumpy(), WARMUP, STEPS)
    grad_bytes = sum(p.asnumpy().nbytes for p in net.trainable_params())
    return {"world": world, "threads": threads, "step_ms": seconds * 1e3, "grad_bytes": grad_bytes}


def worker_allreduce() -> list[dict]:
    import mindc
    from mindc import Tensor, ops
    from mindc.communication import init

    init()
    reduce = mindc.jit(lambda t: ops.AllReduce()(t))
    rows = []
    for size in SIZES:
        x = Tensor(np.ones(size // 4, np.float32))
        seconds = median_seconds(lambda: reduce(x), 5, 50)
        rows.append({"bytes": size, "us": seconds * 1e6})
    return rows


def run_job(ranks: int, what: str) -> object:
    """What rank 0 of an N-process job of the worker reports (the ranks run in lockstep)."""
    mpiexec = Path(sys.executable).parent / "mpiexec"
    out = subprocess.run([str(mpiexec), "-n", str(ranks), sys.executable, __file__, "--worker", what],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "python")}).stdout
    return json.loads(out)


def predicted_all_reduce(size: int, ranks: int) -> tuple[float, float]:
    """The cost model's bytes sent per process and time for an all-reduce of `size` bytes."""
    from mindc.sharding.cost import CPU, collective_time
    from mindc.sharding.layout import Grid
    from mindc.sharding.redistribute import Step, bytes_moved

    step = Step("mind.all_reduce", {"reduce": "sum", "axes": [0]}, (size // 4,), (size // 4,))
    grid = Grid((ranks,))
    return bytes_moved(step, grid, 4), collective_time(step, grid, CPU, 4)


def render(train: list[dict], allreduce: list[dict], load: float) -> str:
    one = train[0]
    # MPI waits spin: with other work on the host, a waiting process takes a core from the one it
    # waits for, and times grow by orders of magnitude. The load shows whether that happened.
    lines = [SECTION, "", f"Machine: {machine()['CPU']}, {os.cpu_count()} cores, load average {load:.1f} during the "
             f"run; MLP 784-512-512-10, global batch {BATCH}, {one['grad_bytes'] / 2**20:.2f} MiB of gradients "
             f"all-reduced per step.", "",
             "| processes | threads each | rows each | step (ms) | samples/s | scaling efficiency |",
             "| --- | --- | --- | --- | --- | --- |"]
    for r in train:
        rate = BATCH / (r["step_ms"] / 1e3)
        efficiency = rate / (r["world"] * BATCH / (one["step_ms"] / 1e3))
        lines.append(f"| {r['world']} | {r['threads']} | {BATCH // r['world']} | {r['step_ms']:.2f} | {rate:.0f} | "
                     f"{efficiency:.2f} |")
    lines += ["", "All-reduce (sum, float32) over 2 processes, one compiled op, against mind-auto-parallel's "
              "cost model (sharding/cost.py: the bytes each process sends, and α–β time on its CPU machine):", "",
              "| bytes per process | time (µs) | bytes/s | model: bytes sent | model: time (µs) | measured / model |",
              "| --- | --- | --- | --- | --- | --- |"]
    for r in allreduce:
        sent, predicted = predicted_all_reduce(r["bytes"], 2)
        lines.append(f"| {r['bytes']} | {r['us']:.1f} | {r['bytes'] / (r['us'] / 1e6) / 1e9:.2f} GB/s | {sent:.0f} | "
                     f"{predicted * 1e6:.1f} | {r['us'] / (predicted * 1e6):.2f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="-", help="results file to update, or - to print")
    parser.add_argument("--worker", choices=["train", "allreduce"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        result = worker_train() if args.worker == "train" else worker_allreduce()
        from mindc.communication import get_rank

        if get_rank() == 0:
            print(json.dumps(result), flush=True)
        return
    train = [run_job(n, "train") for n in (1, 2)]
    allreduce = run_job(2, "allreduce")
    write_section(args.out, SECTION, render(train, allreduce, os.getloadavg()[0]))


if __name__ == "__main__":
    main()
