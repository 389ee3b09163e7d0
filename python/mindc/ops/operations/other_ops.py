"""MindSpore's state primitives (mindspore.ops.operations.other_ops): assignment, ordering and
partial application."""
from __future__ import annotations

import functools

from mindc.ops import state
from mindc.ops.operations._define import define

__all__ = ["Assign", "AssignAdd", "AssignSub", "Depend", "Partial"]

Assign = define("Assign", state.assign, __name__)
AssignAdd = define("AssignAdd", state.assign_add, __name__)
AssignSub = define("AssignSub", state.assign_sub, __name__)
Depend = define("Depend", state.depend, __name__)
Partial = define("Partial", functools.partial, __name__)
