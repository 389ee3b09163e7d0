"""mind-opt: run mind and upstream MLIR passes on an IR file, with mlir-opt's command line.

    mind-opt in.mlir --mind-to-linalg --cse -o out.mlir
    mind-opt in.mlir --pass-pipeline='builtin.module(mind-verify,mind-cpu-pipeline)'
    mind-opt in.mlir --split-input-file --verify-diagnostics --mind-verify

Pass flags and --pass-pipeline apply in command-line order. Parsing always runs mind-verify.
"""
from __future__ import annotations

import dataclasses
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Sequence

from mlir import ir, passmanager

from mindc import compiler, diag
from mindc.compiler import CompileError
from mindc.ir import make_context
from mindc.passes.base import PASSES, pass_class
from mindc.pipelines import PIPELINES
from mindc.tools.common import (ToolError, debugging, internal_error_lines, print_lines, read_input, run_tool,
                                write_output)
from mindc.tools.verify_diagnostics import Verifier

PROG = "mind-opt"
SPLIT_MARKER = "// -----"

# Boolean options: flag -> (Options field, --help text).
FLAGS = {
    "split-input-file": ("split_input_file", f"Split the input on '{SPLIT_MARKER}' lines; process each chunk alone"),
    "verify-diagnostics": ("verify_diagnostics", "Check diagnostics against expected-* comments in the input"),
    "mlir-print-ir-after-all": ("print_ir_after_all", "Print the IR after each pass (to stderr)"),
    "mlir-timing": ("timing", "Report the time of each pass (to stderr)"),
    "mlir-print-debuginfo": ("debuginfo", "Print locations in the output IR"),
    "mlir-print-op-generic": ("generic", "Print every op in generic form"),
    "allow-unregistered-dialect": ("allow_unregistered", "Accept ops of dialects that are not registered"),
}


@dataclass
class Options:
    input: str | None = None
    output: str | None = None
    # Pipeline items in command-line order, each with the flag that gave it (None: --pass-pipeline).
    items: list[tuple[str, str | None]] = field(default_factory=list)
    help: bool = False
    split_input_file: bool = False
    verify_diagnostics: bool = False
    print_ir_after_all: bool = False
    timing: bool = False
    debuginfo: bool = False
    generic: bool = False
    allow_unregistered: bool = False

    @property
    def pipeline(self) -> str:
        """The whole pipeline as one --pass-pipeline value (mind aliases left unexpanded)."""
        return f"builtin.module({','.join(item for item, _ in self.items)})"


def parse_args(argv: Sequence[str]) -> Options:
    """mlir-opt's conventions: `-x` or `--x`, values as `--x=v` (or `-o v`, `--pass-pipeline v`)."""
    opts, positional, args = Options(), [], list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--":
            positional += args
            break
        if arg == "-" or not arg.startswith("-"):
            positional.append(arg)
            continue
        name, eq, value = arg.lstrip("-").partition("=")
        if name in ("o", "pass-pipeline") and not eq:
            if not args:
                raise ToolError(f"error: {arg} needs a value")
            value = args.pop(0)
        if name == "o":
            opts.output = value
        elif name == "pass-pipeline":
            try:
                opts.items += [(item, None) for item in compiler.split_items(_strip_module(value))]
            except ValueError as e:
                raise ToolError(f"error: bad --pass-pipeline: {e}") from None
        elif name in ("h", "help", "help-hidden"):
            opts.help = True
        elif name in FLAGS:
            if value not in ("", "true", "1", "false", "0"):
                raise ToolError(f"error: {arg}: expected true or false")
            setattr(opts, FLAGS[name][0], value not in ("false", "0"))
        else:
            # A pass flag, as mlir-opt has one per registered pass: --cse, --mind-x='a=1 b=2'.
            opts.items.append((f"{name}{{{value}}}" if eq else name, arg))
    if len(positional) > 1:
        raise ToolError(f"error: too many input files: {' '.join(positional)}")
    opts.input = positional[0] if positional else None
    return opts


def _strip_module(text: str) -> str:
    text = text.strip()
    if text.startswith("builtin.module(") and text.endswith(")"):
        return text[len("builtin.module("):-1]
    return text


def check_pipeline(opts: Options, ctx: ir.Context) -> list[str]:
    """The expanded pipeline items; ToolError for an unknown flag, pass or option."""
    for item, flag in opts.items:
        name, brace, _ = item.partition("{")
        name = name.strip()
        if flag is not None and name not in PASSES and name not in PIPELINES and not _upstream_pass(name, ctx):
            raise ToolError(f"error: unknown command line argument '{flag}'", f"note: see '{PROG} --help'")
    try:
        items = compiler.expand(item for item, _ in opts.items)
        compiler.pass_manager(items, ctx=ctx)
    except ValueError as e:
        raise ToolError(f"error: {e}") from None
    return items


def _upstream_pass(name: str, ctx: ir.Context) -> bool:
    try:
        passmanager.PassManager("builtin.module", context=ctx).add(name)
    except ValueError:
        return False
    return True


def split_input(text: str) -> list[str]:
    """Chunks between `// -----` lines, each padded with newlines so its line numbers are the file's."""
    chunks, current, start = [], [], 0
    for index, line in enumerate(text.split("\n")):
        if line.rstrip() == SPLIT_MARKER:
            chunks.append("\n" * start + "\n".join(current))
            current, start = [], index + 1
        else:
            current.append(line)
    chunks.append("\n" * start + "\n".join(current))
    return chunks


@dataclass
class Result:
    asm: str | None  # the output IR; None if the chunk failed
    lines: list[str]  # what to print on stderr
    ok: bool


class Driver:
    """Runs the pipeline on each chunk of one input in one context."""

    def __init__(self, opts: Options, filename: str, ctx: ir.Context, collector: diag.Collector, items: list[str]):
        self.opts, self.filename, self.ctx, self.collector, self.items = opts, filename, ctx, collector, items

    def process(self, chunk: str) -> Result:
        verifier = Verifier(chunk, self.filename) if self.opts.verify_diagnostics else None
        try:
            module = compiler.parse(chunk, self.ctx, self.collector, self.filename)
        except CompileError as e:
            return self._failed(e.summary, e.diags, verifier, [])
        pm = compiler.pass_manager(self.items, ctx=self.ctx)
        if self.opts.print_ir_after_all:
            pm.enable_ir_printing(print_after_all=True, enable_debug_info=self.opts.debuginfo)
        if self.opts.timing:
            pm.enable_timing()
        try:
            pm.run(module.operation)
        except ir.MLIRError as e:
            diags = compiler.collected(e, self.collector)
            return self._failed("pipeline failed", diags, verifier, [] if verifier else [self.repro_note(chunk)])
        finally:
            # The timing report is printed when the pass manager is destroyed: now, before the output.
            del pm
        asm = module.operation.get_asm(enable_debug_info=self.opts.debuginfo, print_generic_op_form=self.opts.generic)
        if self.opts.debuginfo:
            asm = diag.with_filename(asm, self.filename)
        # Warnings and remarks of a successful run.
        diags = self.collector.take()
        if verifier is not None:
            problems = verifier.check(diags)
            return Result(asm, problems, not problems)
        return Result(asm, [d.render(self.filename) for d in diags], True)

    def _failed(self, summary: str, diags: list[diag.Diag], verifier: Verifier | None, notes: list[str]) -> Result:
        if verifier is not None:
            problems = verifier.check(diags)
            return Result(None, problems, not problems)
        lines = [d.render(self.filename) for d in diags] or [f"error: {summary}"]
        return Result(None, lines + notes, False)

    def repro_note(self, chunk: str) -> str:
        """Save the input of the pipeline (with locations) and say how to rerun it (torch-mlir style)."""
        try:
            # The passes changed the module in place; parsing the chunk again gives back their input.
            asm = ir.Module.parse(chunk, self.ctx).operation.get_asm(enable_debug_info=True)
            asm = diag.with_filename(asm, self.filename)
        except ir.MLIRError:
            asm = chunk
        self.collector.take()
        with tempfile.NamedTemporaryFile("w", prefix="mindc-repro-", suffix=".mlir", delete=False) as f:
            f.write(asm)
        pipeline = f" --pass-pipeline='{self.opts.pipeline}'" if self.opts.items else ""
        return f"note: reproduce with: {PROG}{pipeline} {f.name}"


def main(argv: Sequence[str] | None = None) -> int:
    return run_tool(_main, argv)


def _main(argv: Sequence[str]) -> int:
    opts = parse_args(argv)
    if opts.help:
        write_output(None, help_text())
        return 0
    text, filename = read_input(opts.input)
    ctx = make_context()
    ctx.allow_unregistered_dialects = opts.allow_unregistered
    outputs, ok = [], True
    with ctx, diag.Collector(ctx) as collector:
        driver = Driver(opts, filename, ctx, collector, check_pipeline(opts, ctx))
        for chunk in split_input(text) if opts.split_input_file else [text]:
            try:
                result = driver.process(chunk)
            except Exception as e:  # a bug in mindc: report it with a reproducer, not a traceback
                if debugging():
                    raise
                raise ToolError(*internal_error_lines(e), driver.repro_note(chunk)) from None
            print_lines(result.lines)
            ok = ok and result.ok
            if result.asm is not None:
                outputs.append(result.asm)
    if ok or opts.output in (None, "-"):
        write_output(opts.output, f"{SPLIT_MARKER}\n".join(outputs))
    return 0 if ok else 1


def help_text() -> str:
    options = [("-o <file>", "Output file (default: stdout)"),
               ("--pass-pipeline=<pipeline>", "Passes to run, e.g. 'builtin.module(mind-to-linalg,cse)'")]
    options += [(f"--{name}", text) for name, (_, text) in FLAGS.items()]
    passes = [row for argument in sorted(PASSES) for row in _pass_rows(argument)]
    pipelines = [(f"--{name}", description) for name, (description, _) in PIPELINES.items()]
    sections = [
        ("OPTIONS:", options),
        ("MIND PASSES (--<pass>, --<pass>='opt=value ...', or <pass>{opt=value ...} in --pass-pipeline):", passes),
        ("MIND PIPELINES (--<pipeline>, or <pipeline> in --pass-pipeline):", pipelines),
        ("UPSTREAM PASSES: any pass mlir-opt has, as --<pass>[='opt=value ...'] (--cse, --canonicalize) or\n"
         "in --pass-pipeline (func.func(canonicalize)).", []),
    ]
    width = max(len(left) for _, rows in sections for left, _ in rows) + 2
    out = [f"OVERVIEW: {PROG}: run mind and upstream MLIR passes on an IR file", "",
           f"USAGE: {PROG} [options] [input file, '-' or none for stdin]"]
    for heading, rows in sections:
        out += ["", heading] + [f"  {left:<{width}}{text}".rstrip() for left, text in rows]
    return "\n".join(out) + "\n"


def _pass_rows(argument: str) -> list[tuple[str, str]]:
    try:
        cls = pass_class(argument)
    except (ImportError, AttributeError) as e:
        return [(f"--{argument}", f"(not available: {e})")]
    rows = [(f"--{argument}", cls.description())]
    for f in cls.options():
        default = f.default_factory() if f.default is dataclasses.MISSING else f.default
        if isinstance(default, bool):
            default = str(default).lower()
        elif isinstance(default, tuple):
            default = ",".join(map(str, default))
        kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
        help_ = f.metadata.get("help", "")
        rows.append((f"    {f.name.replace('_', '-')}=<{kind}>", f"{help_} (default: {default})".strip()))
    return rows


if __name__ == "__main__":
    sys.exit(main())
