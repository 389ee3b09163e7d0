"""mind-schedule: apply a transform-dialect schedule from `lowering/` to the module.

Schedules (tiling, packing, vectorization, unrolling) are MLIR files that can be read, diffed
and tuned without touching Python: `lowering/<name>.mlir`, whose `@__transform_main` named
sequence is interpreted on the module. Upstream's transform-preload-library cannot be used in a
long-lived context: it adds the library to the context, and the second compile fails with a
doubly defined symbol, so the script is parsed and applied here, once per run.
"""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from mlir import ir
from mlir.dialects.transform import interpreter

from mindc import diag
from mindc.passes.base import Pass, dataclass_pass

SCHEDULES = Path(__file__).resolve().parents[3] / "lowering"
ENTRY = "__transform_main"


def schedule_path(name: str) -> Path:
    return SCHEDULES / f"{name}.mlir"


@dataclass_pass
class Schedule(Pass):
    """Apply the transform schedule lowering/<name>.mlir (its @__transform_main) to the module."""

    argument: ClassVar[str] = "mind-schedule"
    name: str = ""

    def run(self, module_op, pass_) -> None:
        path = schedule_path(self.name)
        if not path.is_file():
            known = ", ".join(sorted(p.stem for p in SCHEDULES.glob("*.mlir"))) or "none"
            diag.error(module_op, f"no schedule '{self.name}' in {SCHEDULES} (schedules: {known})")
            pass_.signal_pass_failure()
            return
        script = ir.Module.parse(path.read_text(), module_op.context)
        entry = next((op for op in script.body.operations
                      if op.operation.name == "transform.named_sequence"
                      and ir.StringAttr(op.attributes["sym_name"]).value == ENTRY), None)
        if entry is None:
            diag.error(module_op, f"schedule {path} has no @{ENTRY}")
            pass_.signal_pass_failure()
            return
        try:
            interpreter.apply_named_sequence(module_op, entry, script)
        except ir.MLIRError as e:
            for d in e.error_diagnostics:
                d.location.emit_error(d.message)
            pass_.signal_pass_failure()
