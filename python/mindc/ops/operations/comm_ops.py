"""MindSpore's communication primitives (mindspore.ops.operations.comm_ops) on the world group:
each builds one mind collective (rules/collective.py) over the grid [world size], so it runs
eagerly (a compiled kernel per shape) and inside a compiled graph alike."""
from __future__ import annotations

from mindc.communication.management import GlobalComm, check_group
from mindc.ops._base import fail, one, tensor
from mindc.ops.primitive import Primitive, check_int, check_str, prim_attr_register

__all__ = ["ReduceOp", "AllReduce", "AllGather", "ReduceScatter", "Broadcast", "AlltoAll"]


class ReduceOp:
    """How AllReduce and ReduceScatter combine the processes' values."""

    SUM = "sum"
    MAX = "max"
    MIN = "min"
    PROD = "prod"


REDUCE_OPS = (ReduceOp.SUM, ReduceOp.MAX, ReduceOp.MIN, ReduceOp.PROD)


def _world_attrs(group: str) -> dict:
    """The grid and axes attributes of a collective over the world group."""
    from mindc.runtime import mpi

    check_group(group)
    return {"grid": (mpi.world()[1],), "axes": (0,)}


class _Collective(Primitive):
    def _size(self) -> int:
        return _world_attrs(self.group)["grid"][0]


class AllReduce(_Collective):
    """AllReduce(op=ReduceOp.SUM, group=world)(x): x combined elementwise over every process."""

    @prim_attr_register
    def __init__(self, op=ReduceOp.SUM, group=GlobalComm.WORLD_COMM_GROUP):
        check_str(op, "op", self.name, REDUCE_OPS)
        check_group(group)

    def __call__(self, x):
        return one("mind.all_reduce", [tensor(x)], {"reduce": self.op, **_world_attrs(self.group)})


class AllGather(_Collective):
    """AllGather(group=world)(x): every process's x joined along dimension 0, in rank order."""

    @prim_attr_register
    def __init__(self, group=GlobalComm.WORLD_COMM_GROUP):
        check_group(group)

    def __call__(self, x):
        return one("mind.all_gather", [tensor(x)], {"dim": 0, **_world_attrs(self.group)})


class ReduceScatter(_Collective):
    """ReduceScatter(op=ReduceOp.SUM, group=world)(x): x combined over every process, then split
    along dimension 0; process r gets piece r."""

    @prim_attr_register
    def __init__(self, op=ReduceOp.SUM, group=GlobalComm.WORLD_COMM_GROUP):
        check_str(op, "op", self.name, REDUCE_OPS)
        check_group(group)

    def __call__(self, x):
        return one("mind.reduce_scatter", [tensor(x)], {"dim": 0, "reduce": self.op, **_world_attrs(self.group)})


class Broadcast(_Collective):
    """Broadcast(root_rank, group=world)(input_x): the tensors of tuple input_x as process root_rank
    has them, on every process (a tuple)."""

    @prim_attr_register
    def __init__(self, root_rank, group=GlobalComm.WORLD_COMM_GROUP):
        check_int(root_rank, "root_rank", self.name, minimum=0)
        check_group(group)

    def __call__(self, input_x):
        if not isinstance(input_x, (tuple, list)):
            raise TypeError(f"For 'Broadcast', the input must be a tuple of tensors, got {type(input_x).__name__}")
        attrs = {"root": self.root_rank, **_world_attrs(self.group)}
        return tuple(one("mind.broadcast", [tensor(x)], attrs) for x in input_x)


class AlltoAll(_Collective):
    """AlltoAll(split_count, split_dim, concat_dim, group=world)(x): x split along split_dim into
    split_count pieces (one per process), piece j sent to process j; the pieces received are
    joined along concat_dim in rank order."""

    @prim_attr_register
    def __init__(self, split_count, split_dim, concat_dim, group=GlobalComm.WORLD_COMM_GROUP):
        check_int(split_count, "split_count", self.name, minimum=1)
        check_int(split_dim, "split_dim", self.name)
        check_int(concat_dim, "concat_dim", self.name)
        check_group(group)

    def __call__(self, x):
        x = tensor(x)
        if self.split_count != self._size():
            fail("mind.all_to_all", f"split_count {self.split_count} must equal the group size {self._size()}")
        dims = {name: (d + x.ndim if d < 0 else d) for name, d in (("split_dim", self.split_dim),
                                                                  ("concat_dim", self.concat_dim))}
        return one("mind.all_to_all", [x], {**dims, **_world_attrs(self.group)})
