"""How sharding is written in the IR, read and written in one place.

- module: `mind.grid = array<i64: 2, 2>`, the device grid;
- op: `mind.strategy = [array<i64: 2, 1>, array<i64: 1, 1>]`, a user's MindSpore strategy (pieces
  per dimension of each operand), and `mind.sharding = "([{0}, {}], [{}, {}]) -> ([{0}, {}])"`, the
  layouts of its operands and results once chosen (by hand, propagation or the search);
- function argument and result: `mind.layout = "[{0}, {}]"`; an argument may instead carry a
  `mind.strategy = array<i64: 2, 1>` (a Parameter's from Cell.shard's parameter_plan).
"""
from __future__ import annotations

import re
from typing import Sequence

from mlir import ir

from mindc.passes.c_interface import UPDATES
from mindc.rules.base import Sig
from mindc.sharding.layout import Grid, Layout, ShardingError
from mindc.sharding.spec import einsum

GRID, STRATEGY, SHARDING, LAYOUT = "mind.grid", "mind.strategy", "mind.sharding", "mind.layout"

_ONE_LAYOUT = r"\[[^\]]*\](?:\s+[a-z]+\{[^}]*\})?"
_SHARDING = re.compile(r"\((?P<ins>.*)\)\s*->\s*\((?P<outs>.*)\)")


def grid_of(module: ir.Operation) -> Grid | None:
    if GRID not in module.attributes:
        return None
    try:
        return Grid(tuple(ir.DenseI64ArrayAttr(module.attributes[GRID])))
    except ValueError:
        raise ShardingError(f"'{GRID}' must be an array<i64: ...> of grid axis sizes, "
                            f"found {module.attributes[GRID]}") from None


def set_grid(module: ir.Operation, grid: Grid) -> None:
    module.attributes[GRID] = ir.DenseI64ArrayAttr.get(list(grid.shape))


def strategy_of(op: ir.Operation) -> tuple[tuple[int, ...], ...] | None:
    if STRATEGY not in op.attributes:
        return None
    attr = op.attributes[STRATEGY]
    try:
        return tuple(tuple(ir.DenseI64ArrayAttr(a)) for a in ir.ArrayAttr(attr))
    except ValueError:
        raise ShardingError(f"'{STRATEGY}' must be an array of array<i64: ...>, one per operand, "
                            f"found {attr}") from None


def set_strategy(op: ir.Operation, strategy: Sequence[Sequence[int]]) -> None:
    op.attributes[STRATEGY] = ir.ArrayAttr.get([ir.DenseI64ArrayAttr.get(list(s)) for s in strategy])


def sharding_of(op: ir.Operation) -> tuple[list[Layout], list[Layout]] | None:
    """The operand and result layouts of `mind.sharding`, or None if the op has none."""
    if SHARDING not in op.attributes:
        return None
    text = _string(op.attributes[SHARDING], SHARDING)
    match = _SHARDING.fullmatch(text.strip())
    if not match:
        raise ShardingError(f"'{SHARDING}' must read '(<layouts>) -> (<layouts>)', found '{text}'")
    return _layouts(match["ins"]), _layouts(match["outs"])


def set_sharding(op: ir.Operation, operands: Sequence[Layout], results: Sequence[Layout]) -> None:
    text = f"({', '.join(map(str, operands))}) -> ({', '.join(map(str, results))})"
    op.attributes[SHARDING] = ir.StringAttr.get(text)


def _layouts(text: str) -> list[Layout]:
    found = re.findall(_ONE_LAYOUT, text)
    if re.sub(_ONE_LAYOUT, "", text).replace(",", "").strip():
        raise ShardingError(f"'{text}' is not a comma-separated list of layouts")
    return [Layout.parse(t) for t in found]


def _string(attr: ir.Attribute, name: str) -> str:
    try:
        return ir.StringAttr(attr).value
    except ValueError:
        raise ShardingError(f"'{name}' must be a string, found {attr}") from None


def arg_layout(func: ir.Operation, i: int) -> Layout | None:
    return _entry_layout(func, "arg_attrs", i)


def result_layout(func: ir.Operation, i: int) -> Layout | None:
    return _entry_layout(func, "res_attrs", i)


def _entry_layout(func: ir.Operation, key: str, i: int) -> Layout | None:
    if key not in func.attributes:
        return None
    entry = ir.DictAttr(ir.ArrayAttr(func.attributes[key])[i])
    return Layout.parse(_string(entry[LAYOUT], LAYOUT)) if LAYOUT in entry else None


def arg_strategy(func: ir.Operation, i: int) -> tuple[int, ...] | None:
    if "arg_attrs" not in func.attributes:
        return None
    entry = ir.DictAttr(ir.ArrayAttr(func.attributes["arg_attrs"])[i])
    if STRATEGY not in entry:
        return None
    try:
        return tuple(ir.DenseI64ArrayAttr(entry[STRATEGY]))
    except ValueError:
        raise ShardingError(f"'{STRATEGY}' of argument {i} must be an array<i64: ...>, found {entry[STRATEGY]}") from None


def given_arg_layout(func: ir.Operation, i: int, grid: Grid) -> Layout | None:
    """Argument i's layout as the program gives it: its `mind.layout`, or its `mind.strategy`'s
    splits on grid axes (as an op's strategy takes them); None if it has neither."""
    layout = arg_layout(func, i)
    pieces = arg_strategy(func, i)
    if layout is not None or pieces is None:
        return layout
    sig = Sig.of(func.regions[0].blocks[0].arguments[i])
    names = "abcdefghijklmnopqrstuvwxyz"[:sig.rank]
    identity = einsum(f"{names}->{names}", [sig], [sig])
    try:
        return identity.operand_layout(0, identity.from_strategy((pieces,), grid))
    except ShardingError as e:
        raise ShardingError(f"the strategy {pieces} of argument {i}: {e}") from None


def set_arg_strategies(func: ir.Operation, strategies: dict[int, Sequence[int]]) -> None:
    count = len(ir.FunctionType(ir.TypeAttr(func.attributes["function_type"]).value).inputs)
    old = list(ir.ArrayAttr(func.attributes["arg_attrs"])) if "arg_attrs" in func.attributes else [ir.DictAttr.get({})] * count
    entries = []
    for i, attr in enumerate(old):
        entry = ir.DictAttr(attr)
        items = {entry[k].name: entry[k].attr for k in range(len(entry))}
        if i in strategies:
            items[STRATEGY] = ir.DenseI64ArrayAttr.get(list(strategies[i]))
        entries.append(ir.DictAttr.get(items))
    func.attributes["arg_attrs"] = ir.ArrayAttr.get(entries)


def updated_argument(func: ir.Operation, i: int) -> int | None:
    """The argument whose new value result i is (`mind.updates`, see passes/c_interface.py)."""
    if "res_attrs" not in func.attributes:
        return None
    entry = ir.DictAttr(ir.ArrayAttr(func.attributes["res_attrs"])[i])
    return ir.IntegerAttr(entry[UPDATES]).value if UPDATES in entry else None


def set_arg_layouts(func: ir.Operation, layouts: Sequence[Layout]) -> None:
    _set_entry_layouts(func, "arg_attrs", layouts)


def set_result_layouts(func: ir.Operation, layouts: Sequence[Layout]) -> None:
    _set_entry_layouts(func, "res_attrs", layouts)


def _set_entry_layouts(func: ir.Operation, key: str, layouts: Sequence[Layout]) -> None:
    old = list(ir.ArrayAttr(func.attributes[key])) if key in func.attributes else [ir.DictAttr.get({})] * len(layouts)
    entries = []
    for attr, layout in zip(old, layouts):
        entry = ir.DictAttr(attr)
        items = {entry[k].name: entry[k].attr for k in range(len(entry))}
        items[LAYOUT] = ir.StringAttr.get(str(layout))
        entries.append(ir.DictAttr.get(items))
    func.attributes[key] = ir.ArrayAttr.get(entries)
