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
from mindc.sharding.spec import value_spec

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
    attr = _entry(func, "arg_attrs", i, LAYOUT)
    return None if attr is None else Layout.parse(_string(attr, LAYOUT))


def result_layout(func: ir.Operation, i: int) -> Layout | None:
    attr = _entry(func, "res_attrs", i, LAYOUT)
    return None if attr is None else Layout.parse(_string(attr, LAYOUT))


def arg_strategy(func: ir.Operation, i: int) -> tuple[int, ...] | None:
    attr = _entry(func, "arg_attrs", i, STRATEGY)
    if attr is None:
        return None
    try:
        return tuple(ir.DenseI64ArrayAttr(attr))
    except ValueError:
        raise ShardingError(f"'{STRATEGY}' of argument {i} must be an array<i64: ...>, found {attr}") from None


def given_arg_layout(func: ir.Operation, i: int, grid: Grid) -> Layout | None:
    """Argument i's layout as the program gives it: its `mind.layout`, or its `mind.strategy`'s
    splits on grid axes (as an op's strategy takes them); None if it has neither."""
    layout = arg_layout(func, i)
    pieces = arg_strategy(func, i)
    if layout is not None or pieces is None:
        return layout
    spec = value_spec(Sig.of(func.regions[0].blocks[0].arguments[i]), 1, 0)
    try:
        return spec.operand_layout(0, spec.from_strategy((pieces,), grid))
    except ShardingError as e:
        raise ShardingError(f"the strategy {pieces} of argument {i}: {e}") from None


def updated_argument(func: ir.Operation, i: int) -> int | None:
    """The argument whose new value result i is (`mind.updates`, see passes/c_interface.py)."""
    attr = _entry(func, "res_attrs", i, UPDATES)
    return None if attr is None else ir.IntegerAttr(attr).value


def set_arg_strategies(func: ir.Operation, strategies: dict[int, Sequence[int]]) -> None:
    _set_entries(func, "arg_attrs", STRATEGY, {i: ir.DenseI64ArrayAttr.get(list(s)) for i, s in strategies.items()})


def set_arg_layouts(func: ir.Operation, layouts: Sequence[Layout]) -> None:
    _set_entries(func, "arg_attrs", LAYOUT, {i: ir.StringAttr.get(str(x)) for i, x in enumerate(layouts)})


def set_result_layouts(func: ir.Operation, layouts: Sequence[Layout]) -> None:
    _set_entries(func, "res_attrs", LAYOUT, {i: ir.StringAttr.get(str(x)) for i, x in enumerate(layouts)})


def _entry(func: ir.Operation, key: str, i: int, name: str) -> ir.Attribute | None:
    """Attribute `name` of argument or result i (key "arg_attrs" or "res_attrs"), if it has one."""
    if key not in func.attributes:
        return None
    entry = ir.DictAttr(ir.ArrayAttr(func.attributes[key])[i])
    return entry[name] if name in entry else None


def _set_entries(func: ir.Operation, key: str, name: str, values: dict[int, ir.Attribute]) -> None:
    """Set attribute `name` of the arguments or results in `values` (index: attribute), keeping
    their other attributes."""
    if key in func.attributes:
        old = [ir.DictAttr(a) for a in ir.ArrayAttr(func.attributes[key])]
    else:
        function_type = ir.FunctionType(ir.TypeAttr(func.attributes["function_type"]).value)
        old = [ir.DictAttr.get({})] * len(function_type.inputs if key == "arg_attrs" else function_type.results)
    entries = []
    for i, entry in enumerate(old):
        items = {entry[k].name: entry[k].attr for k in range(len(entry))}
        if i in values:
            items[name] = values[i]
        entries.append(ir.DictAttr.get(items))
    func.attributes[key] = ir.ArrayAttr.get(entries)
