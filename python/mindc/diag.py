"""Diagnostics: emitting them at an op, collecting them from MLIR, and printing them LLVM style."""
from __future__ import annotations

import re
from dataclasses import dataclass

from mlir import ir

_FILE_LOC = re.compile(r'"([^"]*)":(\d+):(\d+)')
SEVERITY = {ir.DiagnosticSeverity.ERROR: "error", ir.DiagnosticSeverity.WARNING: "warning",
            ir.DiagnosticSeverity.NOTE: "note", ir.DiagnosticSeverity.REMARK: "remark"}


def error(op: ir.Operation, message: str) -> None:
    """Report `message` at op's location, prefixed by the op name as MLIR's verifiers do."""
    op.location.emit_error(f"'{op.name}' {message}")


@dataclass(frozen=True)
class Diag:
    severity: str
    file: str | None
    line: int
    col: int
    message: str

    def render(self, filename: str | None = None) -> str:
        """`file:line:col: severity: message`; filename replaces the "-" of IR parsed from a string."""
        if self.file is None:
            return f"{self.severity}: {self.message}"
        file = filename if filename and self.file in ("-", "") else self.file
        return f"{file}:{self.line}:{self.col}: {self.severity}: {self.message}"


def _file_line_col(location: ir.Location) -> tuple[str | None, int, int]:
    m = _FILE_LOC.search(str(location))
    return (m.group(1), int(m.group(2)), int(m.group(3))) if m else (None, 0, 0)


def at(location: ir.Location, message: str, severity: str = "error") -> Diag:
    """A diagnostic raised by Python code (not MLIR) about something at location."""
    return Diag(severity, *_file_line_col(location), message)


def from_mlir(d: ir.Diagnostic) -> list[Diag]:
    """A diagnostic and its notes; the location is the first file:line:col found in it."""
    out = [Diag(SEVERITY.get(d.severity, "error"), *_file_line_col(d.location), str(d.message))]
    for note in d.notes:
        out.extend(from_mlir(note))
    return out


def with_filename(asm: str, filename: str) -> str:
    """Printed IR whose locations name filename instead of the "-" of IR parsed from a string."""
    escaped = filename.replace("\\", "\\\\").replace('"', '\\"')
    return asm.replace('loc("-":', f'loc("{escaped}":')


class Collector:
    """Collects every diagnostic of a context while active (nothing reaches stderr by itself)."""

    def __init__(self, ctx: ir.Context):
        self.ctx = ctx
        self.diags: list[Diag] = []

    def __enter__(self) -> "Collector":
        self._handler = self.ctx.attach_diagnostic_handler(self._on_diag)
        return self

    def __exit__(self, *exc) -> None:
        self._handler.detach()

    def _on_diag(self, d: ir.Diagnostic) -> bool:
        self.diags.extend(from_mlir(d))
        return True

    def take(self) -> list[Diag]:
        out, self.diags = self.diags, []
        return out

    @property
    def errors(self) -> list[Diag]:
        return [d for d in self.diags if d.severity == "error"]
