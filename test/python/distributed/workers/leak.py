"""Calls of a compiled step with collectives must not leak: the buffers MPI reads and writes are
freed, and communicators are made once (not per call). Runs 200 calls of a jit with an all_gather,
an all_to_all and an all_reduce over a sub-grid on 256 KiB inputs and checks the resident size."""
import resource

import numpy as np

import mindc
from mindc import Tensor
from mindc.communication import get_group_size, init
from mindc.ops._base import one

init()
world = get_group_size()
group = {"grid": (world // 2, 2), "axes": (1,)}


@mindc.jit
def step(x):
    g = one("mind.all_gather", [x], {"dim": 1, **group})
    t = one("mind.all_to_all", [g], {"split_dim": 0, "concat_dim": 1, **group})
    return one("mind.all_reduce", [t], {"reduce": "mean", **group})


x = Tensor(np.random.default_rng(0).standard_normal((256, 256)).astype(np.float32))
for _ in range(20):
    step(x)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for _ in range(200):
    step(x)
grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
# 200 leaked results alone would be 100 MiB.
assert grown_mib < 8, f"the resident size grew by {grown_mib:.1f} MiB over 200 calls"
print(f"ok: grew {grown_mib:.1f} MiB over 200 calls")
