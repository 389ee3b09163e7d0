"""mind-verify: the semantic verifier of mind ops (IRDL checks kinds, rules check shapes), and of
their sharding annotations (sharding/annotations.py) where a module has them."""
from __future__ import annotations

from typing import ClassVar

from mindc import diag
from mindc.passes.base import Pass, checked_op, dataclass_pass, run_rules
from mindc.rules.base import RuleError, signature_of
from mindc.sharding import annotations
from mindc.sharding.graph import LocatedError, module_grid
from mindc.sharding.layout import ShardingError
from mindc.sharding.spec import NotShardable


@dataclass_pass
class Verify(Pass):
    """Check every mind op's operands, attributes and result types against its rule, and its layouts against the grid."""

    argument: ClassVar[str] = "mind-verify"

    def run(self, module_op, pass_) -> None:
        try:
            grid = module_grid(module_op)
        except LocatedError as e:
            diag.error(e.op, str(e))
            return pass_.signal_pass_failure()

        def check(op):
            rule, a, outs = checked_op(op)
            try:
                layouts = annotations.sharding_of(op)
                if layouts is None:
                    return
                if grid is None:
                    raise ShardingError(f"has '{annotations.SHARDING}' but the module has no '{annotations.GRID}'")
                if isinstance(rule.sharding, NotShardable):
                    raise ShardingError(f"has '{annotations.SHARDING}' but cannot be split: {rule.sharding.reason}")
                rule.sharding(a, [signature_of(v) for v in op.operands], outs).assignment_of(*layouts, grid)
            except ShardingError as e:
                raise RuleError(str(e)) from None

        if not run_rules(module_op, check):
            pass_.signal_pass_failure()
