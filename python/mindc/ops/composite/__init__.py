"""mindc.ops.composite (MindSpore's `from mindspore.ops import composite as C`): MultitypeFuncGraph,
HyperMap, Map and GradOperation, from `composite.base` as in MindSpore."""
from mindc.ops.composite import base
from mindc.ops.composite.base import *  # noqa: F401,F403

__all__ = [*base.__all__]


def __getattr__(name: str):
    # GradOperation: loaded on use, as it loads MLIR (see base.py).
    return getattr(base, name)
