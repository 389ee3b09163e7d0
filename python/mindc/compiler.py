"""Parsing IR and running pipelines of mind and upstream passes, with located errors."""
from __future__ import annotations

import re
from typing import Iterable

from mlir import ir, passmanager

from mindc import diag
from mindc.passes.base import PASSES, Pass, pass_class
from mindc.pipelines import PIPELINES


class CompileError(Exception):
    """Compilation failed; `diags` are the located diagnostics (rendered in str())."""

    def __init__(self, summary: str, diags: Iterable[diag.Diag] = (), filename: str | None = None):
        self.summary, self.diags, self.filename = summary, list(diags), filename
        super().__init__("\n".join([d.render(filename) for d in self.diags] or [summary]))


def split_items(text: str) -> list[str]:
    """Split a comma-separated pass list at top level (commas inside {} or () belong to an item)."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "({":
            depth += 1
        elif ch in ")}":
            depth -= 1
            if depth < 0:
                raise ValueError(f"unbalanced '{ch}' in pipeline '{text}'")
        elif ch == "," and depth == 0:
            items.append(text[start:i].strip())
            start = i + 1
    if depth:
        raise ValueError(f"unbalanced brackets in pipeline '{text}'")
    items.append(text[start:].strip())
    return [item for item in items if item]


def parse_pipeline(text: str) -> list[str]:
    """`builtin.module(a,b{o=1},func.func(c))` or `a,b` -> items, with mind aliases expanded."""
    text = text.strip()
    if text.startswith("builtin.module(") and text.endswith(")"):
        text = text[len("builtin.module("):-1]
    return expand(split_items(text))


def expand(items: Iterable[str]) -> list[str]:
    """Items with mind pipeline aliases replaced by their passes; ValueError for a bad option."""
    out = []
    for item in items:
        name, brace, options = item.partition("{")
        name = name.strip()
        if name in PIPELINES:
            out.extend(with_options(name, expand(PIPELINES[name][1]), options.rstrip().removesuffix("}")))
        else:
            out.append(item)
    return out


def with_options(pipeline: str, items: list[str], options: str) -> list[str]:
    """A pipeline's options (`threads=2`) given to each of its mind passes that has that option
    and does not set it itself (the schedules' `name`s are the pipeline's, not the user's)."""
    for option in options.split():
        key = option.partition("=")[0].replace("-", "_")
        takers = [i for i, item in enumerate(items) if key in _open_options(item)]
        if not takers:
            known = sorted({o.replace("_", "-") for item in items for o in _open_options(item)})
            raise ValueError(f"unknown option '{option.partition('=')[0]}' for pipeline {pipeline} "
                             f"(options: {', '.join(known) or 'none'})")
        for i in takers:
            name, _, own = items[i].partition("{")
            items[i] = f"{name}{{{' '.join([*own.removesuffix('}').split(), option])}}}"
    return items


def _open_options(item: str) -> set[str]:
    """The options of a mind pass item that the item leaves at their defaults."""
    name, _, own = item.partition("{")
    if name.strip() not in PASSES:
        return set()
    given = {o.partition("=")[0].replace("-", "_") for o in own.removesuffix("}").split()}
    return {f.name for f in pass_class(name.strip()).options()} - given


def make_pass(item: str) -> Pass | str:
    """A mind Pass instance for a mind item, or the upstream item's text unchanged."""
    name, brace, rest = item.partition("{")
    name = name.strip()
    if name not in PASSES:
        return item
    options = rest.rstrip().removesuffix("}") if brace else ""
    return pass_class(name).from_options(options)


def pass_manager(items: Iterable[str], *, print_ir_after_all: bool = False, timing: bool = False,
                 ctx: ir.Context | None = None) -> passmanager.PassManager:
    """A module-level PassManager over items; ValueError names an item that does not parse."""
    pm = passmanager.PassManager("builtin.module", context=ctx)
    for item in items:
        p = make_pass(item)
        if isinstance(p, Pass):
            p.add_to(pm)
        else:
            try:
                pm.add(p)
            except ValueError as e:
                raise ValueError(f"unknown pass or bad options: '{item}' ({_upstream_reason(str(e))})") from None
    if print_ir_after_all:
        pm.enable_ir_printing(print_after_all=True)
    if timing:
        pm.enable_timing()
    return pm


def _upstream_reason(message: str) -> str:
    """The first line of MLIR's pipeline-parser error, without its `<parser>:line:col: error:` prefix."""
    first = next((line for line in message.splitlines() if line.strip()), message)
    return re.sub(r"^(MLIR Textual PassPipeline Parser:\d+:\d+: error: |<Pass-Options-Parser>: )", "", first.strip())


def run(module: ir.Module, items: Iterable[str], collector: diag.Collector, what: str = "pipeline") -> None:
    """Run items on module; CompileError with the collected diagnostics if any pass fails."""
    pm = pass_manager(items, ctx=module.context)
    try:
        pm.run(module.operation)
    except ir.MLIRError as e:
        raise CompileError(f"{what} failed", collected(e, collector)) from None


def parse(text: str, ctx: ir.Context, collector: diag.Collector, filename: str | None = None) -> ir.Module:
    """Parse and verify text (IRDL kinds, then mind-verify for shapes); CompileError if invalid."""
    from mindc.passes.verify import Verify

    try:
        module = ir.Module.parse(text, ctx)
    except ir.MLIRError as e:
        raise CompileError("failed to parse", collected(e, collector), filename) from None
    pm = passmanager.PassManager("builtin.module", context=ctx)
    Verify().add_to(pm)
    try:
        pm.run(module.operation)
    except ir.MLIRError as e:
        raise CompileError("verification failed", collected(e, collector), filename) from None
    return module


def collected(e: ir.MLIRError, collector: diag.Collector) -> list[diag.Diag]:
    """The diagnostics of a failure: MLIR hands those of parsing and pass runs to the exception,
    others reach the context's handler."""
    return collector.take() + [d for info in e.error_diagnostics for d in diag.from_mlir(info)]
