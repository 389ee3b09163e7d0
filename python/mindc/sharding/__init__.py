"""Sharding: device grids, layouts, the factor notation of op sharding rules, and redistribution.

The passes (sharding propagation, auto-parallel search, SPMD partition) are generic drivers over
these and over each op rule's `sharding` method (rules/base.py).
"""
from mindc.sharding.layout import REDUCTIONS, Grid, Layout, ShardingError
from mindc.sharding.spec import PARALLEL, REDUCTION, WHOLE, Assignment, Factor, NotShardable, ShardingSpec, einsum

__all__ = ["REDUCTIONS", "Grid", "Layout", "ShardingError", "PARALLEL", "REDUCTION", "WHOLE", "Assignment",
           "Factor", "NotShardable", "ShardingSpec", "einsum"]
