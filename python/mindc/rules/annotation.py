"""Rules for mind.shard: x itself, marked with the layout a program asks for.

`mindc.parallel.shard` and `Cell.shard` put one on a value with a `mind.strategy` (the pieces of
each dimension), which mind-sharding-propagation takes as fixed, like an op's strategy. Nothing
else sees it: its gradient is the cotangent, and after partitioning it is a local identity.
"""
from __future__ import annotations

from mindc.rules.base import Rule, register
from mindc.rules.factors import elementwise_sharding


@register("mind.shard")
class Shard(Rule):
    sharding = elementwise_sharding

    def infer(self, a, x):
        return [x]

    def lower(self, b, a, ins, outs):
        return [ins[0]]

    def vjp(self, m, a, ins, outs, couts):
        return [couts[0]]
