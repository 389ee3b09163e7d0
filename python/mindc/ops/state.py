"""Ops on program state (MindSpore's ops.assign family): updating Parameters, and ordering."""
from __future__ import annotations

from typing import Any

from mindc.frontend.parameter import Parameter
from mindc.frontend.trace import current_trace
from mindc.ops._base import fail

__all__ = ["assign", "assign_add", "assign_sub", "depend"]


def assign(variable: Parameter, value: Any) -> Parameter:
    """variable = value (cast to its dtype, same shape). Inside a compiled function the update
    lands in the Parameter's buffer when the function returns; later reads see it at once."""
    if not isinstance(variable, Parameter):
        fail("assign", f"needs a Parameter to assign to, got {type(variable).__name__}")
    trace = current_trace()
    if trace is not None:
        trace.assign(variable, value)
    else:
        variable.set_data(value)
    return variable


def assign_add(variable: Parameter, value: Any) -> Parameter:
    """variable += value."""
    return assign(variable, variable.value() + value)


def assign_sub(variable: Parameter, value: Any) -> Parameter:
    """variable -= value."""
    return assign(variable, variable.value() - value)


def depend(value: Any, expr: Any) -> Any:
    """value, after expr (MindSpore orders side effects with it). mindc traces run their ops in
    program order, so expr has already happened: this returns value."""
    return value
