"""What mind-opt and mind-run share: reading the input, parsing it, and reporting failures LLVM style.

A tool's main() goes through run_tool: user errors come back as `file:line:col: error: ...` lines
on stderr and exit status 1, never as a Python traceback.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, NoReturn, Sequence

from mlir import ir

from mindc import diag
from mindc.compiler import CompileError, parse

STDIN_NAME = "<stdin>"


class ToolError(Exception):
    """A failure the user can act on; its lines are printed to stderr as they are."""

    def __init__(self, *lines: str):
        super().__init__("\n".join(lines))
        self.lines = list(lines)


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a bad command line is a ToolError (exit 1, as LLVM tools do), not exit 2."""

    def error(self, message: str) -> NoReturn:
        raise ToolError(f"error: {message}", f"note: see '{self.prog} --help'")


def read_input(path: str | None) -> tuple[str, str]:
    """(text, name shown in diagnostics) of an IR file; '-' or None reads stdin."""
    if path in (None, "-"):
        return sys.stdin.read(), STDIN_NAME
    try:
        return Path(path).read_text(), path
    except OSError as e:
        raise ToolError(f"error: could not open input file '{path}': {e.strerror}") from None
    except UnicodeDecodeError:
        raise ToolError(f"error: input file '{path}' is not UTF-8 text") from None


def parse_module(text: str, filename: str, ctx: ir.Context, collector: diag.Collector) -> ir.Module:
    """Parse and verify (IRDL, then mind-verify); ToolError with the located diagnostics if invalid."""
    try:
        return parse(text, ctx, collector, filename)
    except CompileError as e:
        raise ToolError(*compile_error_lines(e, filename)) from None


def compile_error_lines(e: CompileError, filename: str | None) -> list[str]:
    return [d.render(filename) for d in e.diags] or [f"error: {e.summary}"]


def internal_error_lines(e: BaseException) -> list[str]:
    """The report of a bug in mindc: one line naming the exception, and how to see the traceback."""
    message = str(e).strip().splitlines()
    return [f"error: internal error: {type(e).__name__}: {message[0] if message else ''}".rstrip(),
            "note: this is a bug in mindc; set MINDC_DEBUG=1 to see the Python traceback"]


def debugging() -> bool:
    return os.environ.get("MINDC_DEBUG", "") not in ("", "0")


def run_tool(body: Callable[[Sequence[str]], int], argv: Sequence[str] | None) -> int:
    """Run a tool's body and turn every failure into stderr lines and exit status 1."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        return body(argv)
    except ToolError as e:
        print_lines(e.lines)
    except CompileError as e:
        print_lines(compile_error_lines(e, e.filename))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`mind-opt ... | head`): point stdout at /dev/null so that Python's
        # final flush does not fail again, as the Python docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    # A bug, not a user error: the user gets one line instead of a traceback (MINDC_DEBUG=1 re-raises).
    except Exception as e:  # noqa: BLE001
        if debugging():
            raise
        print_lines(internal_error_lines(e))
    return 1


def print_lines(lines: Sequence[str]) -> None:
    sys.stdout.flush()
    for line in lines:
        print(line, file=sys.stderr)
    sys.stderr.flush()


def write_output(path: str | None, text: str) -> None:
    """Write text to path, or stdout for None or '-'."""
    if path in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        Path(path).write_text(text)
    except OSError as e:
        raise ToolError(f"error: could not write output file '{path}': {e.strerror}") from None
