"""Worker: ranks that set different strategies for the same network must not run it: the job
fails on every rank before any collective, instead of exchanging mismatched pieces."""
import numpy as np

import mindc
from mindc import nn
from mindc.communication import get_rank, init
from mindc.sharding.layout import ShardingError

init()
mindc.set_context(mode=mindc.GRAPH_MODE)
mindc.set_auto_parallel_context(parallel_mode=mindc.ParallelMode.SEMI_AUTO_PARALLEL, full_batch=True)
dense = nn.Dense(4, 6)
dense.matmul.shard(((2, 1), (1, 1)) if get_rank() == 0 else ((1, 1), (2, 1)))
try:
    dense(mindc.Tensor(np.ones((8, 4), np.float32)))
except ShardingError as e:
    print(f"rank {get_rank()} refused: {e}")
