"""Passes: the Pass base class, the table of mind passes and pipelines, and the rule driver."""
from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from typing import Callable, ClassVar

from mlir import ir, passmanager

from mindc import diag
from mindc.ir import mind_ops
from mindc.rules.base import Attrs, Rule, RuleError, Sig, rule_for, signature_of

# Every mind pass, imported only when used: argument -> "module:Class".
PASSES = {
    "mind-verify": "mindc.passes.verify:Verify",
    "mind-autodiff": "mindc.passes.autodiff:Autodiff",
    "mind-canonicalize": "mindc.passes.canonicalize:Canonicalize",
    "mind-to-linalg": "mindc.passes.to_linalg:MindToLinalg",
    "mind-c-interface": "mindc.passes.c_interface:CInterface",
    "mind-update-in-place": "mindc.passes.in_place:UpdateInPlace",
    "mind-schedule": "mindc.passes.schedule:Schedule",
    "mind-mark-parallel": "mindc.passes.parallel:MarkParallel",
    "mind-parallel-loops": "mindc.passes.parallel:ParallelLoops",
    "mind-async-parallel": "mindc.passes.async_parallel:AsyncParallel",
    "mind-hoist-scalar-reads": "mindc.passes.hoist_scalars:HoistScalarReads",
    "mind-bool-to-i8": "mindc.passes.bool_storage:BoolToI8",
    "mind-bool-memref-to-i8": "mindc.passes.bool_storage:BoolMemrefToI8",
    "mind-inline": "mindc.passes.inline:Inline",
    "mind-sharding-propagation": "mindc.passes.sharding_propagation:ShardingPropagation",
    "mind-auto-parallel": "mindc.passes.auto_parallel:AutoParallel",
    "mind-spmd-partition": "mindc.passes.spmd_partition:SpmdPartition",
}


class Pass:
    """A mind pass: a frozen dataclass whose fields are its options (xDSL's ModulePass).

    The first line of the subclass docstring is its --help description.
    """

    argument: ClassVar[str] = ""

    def run(self, module_op: ir.Operation, pass_) -> None:
        raise NotImplementedError

    @classmethod
    def description(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def options(cls) -> list[dataclasses.Field]:
        return list(dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else []

    @classmethod
    def from_options(cls, text: str) -> "Pass":
        """Build from mlir-opt option syntax: `a=1 b=x,y` (dashes or underscores in names)."""
        fields = {f.name: f for f in cls.options()}
        values = {}
        for item in text.split():
            name, _, raw = item.partition("=")
            key = name.replace("-", "_")
            if key not in fields:
                known = ", ".join(f.name.replace("_", "-") for f in fields.values()) or "none"
                raise ValueError(f"unknown option '{name}' for {cls.argument} (options: {known})")
            values[key] = _parse_option(fields[key], raw, cls.argument)
        return cls(**values)

    def add_to(self, pm: passmanager.PassManager) -> None:
        pm.add(self.run, name=type(self).__name__, argument=self.argument, description=self.description())


def _parse_option(field: dataclasses.Field, raw: str, argument: str):
    kind = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", str(field.type))
    try:
        if kind == "bool":
            if raw not in ("true", "false", "1", "0", ""):
                raise ValueError
            return raw in ("true", "1", "")
        if kind == "int":
            return int(raw)
        if kind.startswith("tuple"):
            return tuple(int(v) for v in raw.split(",") if v)
        return raw
    except ValueError:
        raise ValueError(f"option '{field.name}' of {argument} expects {kind}, found '{raw}'") from None


def register_pass(cls):
    """Class decorator: checks the class is listed in PASSES under its argument."""
    assert PASSES.get(cls.argument, "").endswith(":" + cls.__name__), f"add {cls.argument} to PASSES"
    return cls


def pass_class(argument: str) -> type[Pass]:
    module, _, name = PASSES[argument].partition(":")
    return getattr(importlib.import_module(module), name)


def checked_op(op: ir.Operation) -> tuple[Rule, Attrs, list]:
    """The op's rule, attributes and inferred result signatures, after checking the declared ones."""
    rule = rule_for(op.name)
    if rule.arity is not None and len(op.operands) != rule.arity:
        raise RuleError(f"expected {rule.arity} operands, found {len(op.operands)}")
    a = Attrs.of_op(op, rule)
    outs = rule.infer(a, *[signature_of(v) for v in op.operands])
    if len(outs) != len(op.results):
        raise RuleError(f"expected {len(outs)} results, found {len(op.results)}")
    for i, (want, result) in enumerate(zip(outs, op.results)):
        found = signature_of(result)
        if found != want:
            raise RuleError(f"result {i} should be {spelled(want)}, found {spelled(found)}")
    return rule, a, outs


def spelled(sig) -> str:
    """A Sig as MLIR spells its tensor type; an FnSig as a function type."""
    return f"tensor<{sig}>" if isinstance(sig, Sig) else str(sig)


def run_rules(root: ir.Operation, apply: Callable[[ir.Operation], None]) -> bool:
    """Call apply(op) on every mind op, post-order; report RuleErrors at the op. False if any failed."""
    ok = True
    for op in mind_ops(root):
        try:
            apply(op)
        except RuleError as e:
            diag.error(op, str(e))
            ok = False
    return ok


def dataclass_pass(cls):
    """frozen dataclass + register_pass, the one way a mind pass is declared."""
    return register_pass(dataclass(frozen=True)(cls))
