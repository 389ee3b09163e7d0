"""The cost model of the strategy search: time and memory per device of one SPMD step.

- An op under an assignment (spec.py) computes its flops over the pieces its iteration space is cut
  into, at the device's flop rate, and reads and writes its local operands and results at the
  device's memory bandwidth. The two add up (no overlap assumed, as MindSpore's cost model adds
  its computation terms).
- A redistribution (redistribute.plan) costs each collective's α–β time: per message round a
  latency α, per byte a device sends β, with the α and β of the slowest grid axis the collective
  spans (its messages cross that link). A pending partial result is combined by the
  redistribution after it (plan's first phase), so combines are costed where values flow.
- Memory per device: the local bytes of what it holds, from local shapes: arguments (parameters,
  optimizer state, data) and op results (activations, gradients), counted without reuse, so an
  upper bound. A strategy over the search's memory limit is infeasible.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Sequence

from mindc.rules.base import Sig, numpy_dtype
from mindc.sharding.layout import Grid, Layout
from mindc.sharding.redistribute import Step, bytes_moved, plan
from mindc.sharding.spec import Assignment, ShardingSpec


@dataclass(frozen=True)
class Link:
    """A grid axis's interconnect: α seconds per message round, β seconds per byte sent."""

    alpha: float
    beta: float


@dataclass(frozen=True)
class Machine:
    """The rates of one device and of the links between devices, one Link per grid axis (the last
    one serves the axes beyond: a single Link is a uniform machine)."""

    flop_rate: float
    memory_bandwidth: float
    links: tuple[Link, ...]

    def link(self, axis: int) -> Link:
        return self.links[min(axis, len(self.links) - 1)]


# This machine kind, measured on the 2-core AMD EPYC (2026-11-25): numpy float32 matmul 1024^3 at
# 255 GFLOP/s (the CPU pipeline reaches numpy's rate) and a float32 add of 128 MiB operands at
# 40 GB/s read + written (bench/cost_calibration.py); the link from compiled mind.all_reduce ops
# between two processes (bench/distributed.py: 17 µs at 16 KiB, 254 µs at 1 MiB, the α–β line
# through them with 2 rounds): α 6.8 µs, 4.4 GB/s. A ping-pong of raw bytes (cost_calibration.py)
# gives 24.8 GB/s, which no reducing collective reaches here.
CPU = Machine(flop_rate=255e9, memory_bandwidth=40e9, links=(Link(alpha=6.8e-6, beta=1 / 4.4e9),))

# Message rounds of each collective over n devices, as MPICH runs large messages: recursive
# halving and doubling (Rabenseifner's all-reduce: a reduce-scatter then an all-gather, log2 n
# rounds each), pairwise exchange for all-to-all; bytes_moved gives the same algorithms' volume.
# shard_slice is local.
_ROUNDS = {"mind.all_reduce": lambda n: 2 * math.ceil(math.log2(n)),
           "mind.all_gather": lambda n: math.ceil(math.log2(n)),
           "mind.reduce_scatter": lambda n: math.ceil(math.log2(n)),
           "mind.all_to_all": lambda n: n - 1,
           "mind.shard_slice": lambda n: 0}


def itemsize(dtype: str) -> int:
    return numpy_dtype(dtype).itemsize


def local_bytes(sig: Sig, layout: Layout, grid: Grid) -> int:
    """Bytes one device holds of a value of this signature and layout."""
    return math.prod(layout.local_shape(sig.shape, grid)) * itemsize(sig.dtype)


def collective_time(step: Step, grid: Grid, machine: Machine, size: int) -> float:
    """Seconds of one redistribution step on elements of `size` bytes."""
    n = grid.devices(step.axes)
    if n == 1:
        return 0.0
    slowest = max((machine.link(a) for a in step.axes), key=lambda link: (link.beta, link.alpha))
    return _ROUNDS[step.op](n) * slowest.alpha + bytes_moved(step, grid, size) * slowest.beta


@functools.lru_cache(maxsize=1 << 16)
def redistribution_time(src: Layout, dst: Layout, sig: Sig, grid: Grid, machine: Machine) -> float:
    """Seconds to turn a value of layout src into dst (0 when they are equal)."""
    if src == dst:
        return 0.0
    size = itemsize(sig.dtype)
    return sum(collective_time(step, grid, machine, size) for step in plan(src, dst, sig.shape, grid))


def op_time(spec: ShardingSpec, assignment: Assignment, flops: int, ins: Sequence[Sig], outs: Sequence[Sig],
            grid: Grid, machine: Machine) -> float:
    """Seconds of one op on one device: its share of the flops, and its local bytes in and out."""
    pieces = math.prod(spec.splits(assignment, grid).values())
    moved = sum(local_bytes(s, spec.operand_layout(i, assignment), grid) for i, s in enumerate(ins))
    moved += sum(local_bytes(s, spec.result_layout(i, assignment), grid) for i, s in enumerate(outs))
    return flops / pieces / machine.flop_rate + moved / machine.memory_bandwidth


_UNITS = {"": 1, "b": 1, "kb": 10 ** 3, "mb": 10 ** 6, "gb": 10 ** 9, "tb": 10 ** 12,
          "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40}


def parse_bytes(text: str) -> int:
    """A memory size as written in options: `1000000`, `512MiB`, `16GB`, `1.5GiB`; ValueError else."""
    body = text.strip().lower()
    number = body.rstrip("kmgtib")
    unit = body[len(number):]
    try:
        value = float(number) * _UNITS[unit]
    except (KeyError, ValueError):
        raise ValueError(f"'{text}' is not a memory size; expected e.g. 1000000, 512MiB or 16GB") from None
    if value <= 0:
        raise ValueError(f"a memory size must be positive, found '{text}'")
    return int(value)
