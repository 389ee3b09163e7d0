"""MindSpore's state primitives (mindspore.ops.operations.other_ops): assignment and ordering."""
from __future__ import annotations

from mindc.ops import state
from mindc.ops.operations._define import define

__all__ = ["Assign", "AssignAdd", "AssignSub", "Depend"]

Assign = define("Assign", state.assign, __name__)
AssignAdd = define("AssignAdd", state.assign_add, __name__)
AssignSub = define("AssignSub", state.assign_sub, __name__)
Depend = define("Depend", state.depend, __name__)
