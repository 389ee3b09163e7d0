"""mind-verify: the semantic verifier of mind ops (IRDL checks kinds, rules check shapes)."""
from __future__ import annotations

from typing import ClassVar

from mindc.passes.base import Pass, checked_op, dataclass_pass, run_rules


@dataclass_pass
class Verify(Pass):
    """Check every mind op's operands, attributes and result types against its rule."""

    argument: ClassVar[str] = "mind-verify"

    def run(self, module_op, pass_) -> None:
        if not run_rules(module_op, checked_op):
            pass_.signal_pass_failure()
