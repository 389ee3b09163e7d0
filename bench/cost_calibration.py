"""Calibration of the auto-parallel cost model (python/mindc/sharding/cost.py) on this machine.

    python bench/cost_calibration.py            # prints the rates; cost.CPU holds the last ones

Measures what `cost.Machine` needs: the flop rate of a float32 matrix product (numpy's, which the
CPU pipeline reaches: DESIGN.md), the memory bandwidth of a large elementwise add (bytes read and
written per second), and, between two MPI processes on this machine (mpiexec from the venv), the
latency α and the seconds per byte β of a message: a ping-pong at a small and a large size, the
α–β line through the two. Medians of repeated runs.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPEATS = 9


def median_seconds(fn, repeats: int = REPEATS) -> float:
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def flop_rate(n: int = 1024) -> float:
    a, b = np.ones((n, n), np.float32), np.ones((n, n), np.float32)
    return 2 * n ** 3 / median_seconds(lambda: a @ b)


def memory_bandwidth(n: int = 1 << 25) -> float:
    a, b, out = np.ones(n, np.float32), np.ones(n, np.float32), np.empty(n, np.float32)
    return 3 * n * 4 / median_seconds(lambda: np.add(a, b, out=out))


# Run under mpiexec -n 2: rank 0 prints the one-way time of a message of each size.
_PING_PONG = """
import statistics, time, numpy as np
from mpi4py import MPI
comm = MPI.COMM_WORLD
for size in (8, 1 << 24):
    buf = np.ones(size, np.uint8)
    times = []
    for _ in range(21):
        comm.Barrier()
        start = time.perf_counter()
        if comm.rank == 0:
            comm.Send(buf, 1); comm.Recv(buf, 1)
        else:
            comm.Recv(buf, 0); comm.Send(buf, 0)
        times.append((time.perf_counter() - start) / 2)
    if comm.rank == 0:
        print(size, statistics.median(times[1:]))
"""


def alpha_beta() -> tuple[float, float] | None:
    """(α, β) of a message between two processes, or None where MPI cannot run."""
    mpiexec = Path(sys.executable).parent / "mpiexec"
    if not mpiexec.exists():
        return None
    run = subprocess.run([str(mpiexec), "-n", "2", sys.executable, "-c", _PING_PONG],
                         capture_output=True, text=True, timeout=120, env=os.environ)
    if run.returncode:
        return None
    (small, t_small), (large, t_large) = [(int(s), float(t)) for s, t in (line.split() for line in run.stdout.split("\n") if line)]
    beta = (t_large - t_small) / (large - small)
    return t_small - small * beta, beta


def main() -> None:
    print(f"flop rate (float32 matmul 1024^3): {flop_rate() / 1e9:.1f} GFLOP/s")
    print(f"memory bandwidth (float32 add, 128 MiB operands): {memory_bandwidth() / 1e9:.2f} GB/s")
    ab = alpha_beta()
    if ab is None:
        print("MPI ping-pong: mpiexec could not run")
    else:
        print(f"MPI ping-pong (2 processes): alpha {ab[0] * 1e6:.1f} us, beta {ab[1] * 1e9:.3f} ns/byte "
              f"({1 / ab[1] / 1e9:.2f} GB/s)")


if __name__ == "__main__":
    main()
