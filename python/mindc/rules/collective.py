"""Rules for the collectives: all_reduce, all_gather, reduce_scatter, all_to_all, broadcast and
shard_slice (MindSpore's AllReduce, AllGather, ReduceScatter, AlltoAll, Broadcast).

SPMD semantics: every process runs the same program on its own values, and a collective combines
the values of the processes of one group (lowering/mpi.py: Group, from the `grid` and `axes`
attributes). n is the group's size. Each op lowers to one MPI call on buffers; MPI splits and
joins buffers along their flat layout, so a piece along a dimension other than the first is moved
to the front first (blocks_first) or back after (blocks_joined).

Gradients are MindSpore's bprops: the gradient of a sum over the group is a sum over the group of
the cotangents (the loss being the sum of every process's loss), and moving data moves the
cotangents back.
"""
from __future__ import annotations

import math

import numpy as np
from mlir import ir
from mlir.dialects import arith, linalg, memref, tensor

from mindc.lowering.mpi import BYTE, DATATYPES, MAX_COUNT, REDUCTIONS, Group, Mpi, i32
from mindc.rules.base import Kind, Rule, RuleError, Sig, numpy_dtype, register
from mindc.rules.shape import reshaped

REDUCES = ("sum", "mean", "max", "min", "prod")
GROUP_ATTRS = {"axes": Kind.INTS, "grid": Kind.INTS}


def group_of(a) -> Group:
    return Group.checked(a["grid"], a["axes"])


def _dim(a, name: str, x: Sig) -> int:
    d = a[name]
    if not 0 <= d < x.rank:
        raise RuleError(f"{name} {d} is out of range for x of rank {x.rank} ({x})")
    return d


def _divides(x: Sig, dim: int, group: Group, what: str) -> None:
    if x.shape[dim] % group.size:
        raise RuleError(f"{what} {dim} of x ({x}) has size {x.shape[dim]}, which the {group.size} members of "
                        f"the group on {group} do not divide")


def _reduce(a, x: Sig) -> str:
    r = a["reduce"]
    if r not in REDUCES:
        raise RuleError(f"reduce must be one of {', '.join(REDUCES)}, found '{r}'")
    if r == "mean" and not x.is_float:
        raise RuleError(f"reduce 'mean' needs a float type, found {x}")
    if r == "sum" and x.dtype == "i1":
        raise RuleError(f"reduce 'sum' of booleans is not a boolean; cast x ({x}) to an integer type first")
    return r


def _counted(sig: Sig, group: Group) -> Sig:
    # MPI counts are C ints; a message is counted in bytes for the ops that only move data.
    if sig.size * group.size * 8 > MAX_COUNT:
        raise RuleError(f"x ({sig}) is too large for one MPI message on {group}")
    return sig


def _with_dim(shape, dim: int, size: int) -> tuple[int, ...]:
    return (*shape[:dim], size, *shape[dim + 1:])


# -- lowering helpers -----------------------------------------------------------------------------


def _work_dtype(dtype: str, reducing: bool) -> str:
    """The element type MPI sees: booleans as bytes; 16-bit floats reduce in f32."""
    if dtype == "i1":
        return "i8"
    if reducing and dtype in ("f16", "bf16"):
        return "f32"
    return dtype


def _cast(b, x: ir.Value, dtype: str) -> ir.Value:
    sig = Sig.of(x)
    if sig.dtype == dtype:
        return x
    target = sig.with_dtype(dtype)
    return b.map([x], target, lambda s, v: s.cast(v, target.to_type().element_type))


def _transpose(b, x: ir.Value, perm: list[int]) -> ir.Value:
    sig = Sig.of(x)
    out = b.empty(sig.with_shape([sig.shape[p] for p in perm]))
    return linalg.transpose(x, outs=[out], permutation=perm).results[0]


def blocks_first(b, x: ir.Value, dim: int, n: int) -> ir.Value:
    """x of shape S as [n, *P] (P: S with S[dim] / n), block j the j-th piece of x along dim."""
    sig = Sig.of(x)
    shape = sig.shape
    split = sig.with_shape((*shape[:dim], n, shape[dim] // n, *shape[dim + 1:]))
    blocks = sig.with_shape((n, *_with_dim(shape, dim, shape[dim] // n)))
    if math.prod(shape[:dim]) == 1:
        return reshaped(b, x, blocks)
    return _transpose(b, reshaped(b, x, split), [dim, *range(dim), *range(dim + 1, split.rank)])


def blocks_joined(b, y: ir.Value, dim: int) -> ir.Value:
    """y of shape [n, *P] joined along dim of P, block j at the j-th place (blocks_first's inverse)."""
    sig = Sig.of(y)
    n, piece = sig.shape[0], sig.shape[1:]
    joined = sig.with_shape(_with_dim(piece, dim, piece[dim] * n))
    if math.prod(piece[:dim]) == 1:
        return reshaped(b, y, joined)
    return reshaped(b, _transpose(b, y, [*range(1, dim + 1), 0, *range(dim + 1, sig.rank)]), joined)


def _scaled(b, x: ir.Value, factor: float) -> ir.Value:
    sig = Sig.of(x)
    return b.map([x], sig, lambda s, v: s.mul(v, s.like(factor, v)))


def _nbytes(sig: Sig) -> int:
    return sig.size * numpy_dtype(sig.dtype).itemsize


def _reduction_call(b, name: str, send: ir.Value, recv_sig: Sig, reduce: str, group: Group) -> ir.Value:
    """recv = MPI_<name>(send) with the MPI op of `reduce` (mean sums, then scales by 1/n)."""
    mpi = Mpi()
    op = REDUCTIONS["sum" if reduce == "mean" else reduce]

    def calls(ins, out):
        mpi.call(name, mpi.pointer(ins[0]), mpi.pointer(out), i32(recv_sig.size), i32(DATATYPES[recv_sig.dtype]),
                 i32(op), mpi.communicator(group))

    y = mpi.exchange([send], recv_sig, calls)
    return _scaled(b, y, 1.0 / group.size) if reduce == "mean" else y


def _exchange_call(name: str, send: ir.Value, recv_sig: Sig, group: Group) -> ir.Value:
    """recv = MPI_<name>(send) for Allgather and Alltoall, moving bytes: each member's block
    of recv is recv_sig's size over n."""
    mpi = Mpi()
    block = _nbytes(recv_sig) // group.size

    def calls(ins, out):
        mpi.call(name, mpi.pointer(ins[0]), i32(block), i32(BYTE), mpi.pointer(out), i32(block), i32(BYTE),
                 mpi.communicator(group))

    return mpi.exchange([send], recv_sig, calls)


# -- the rules ------------------------------------------------------------------------------------


@register("mind.all_reduce")
class AllReduce(Rule):
    """AllReduce(x, reduce, axes, grid): x combined elementwise over the group, on every member."""

    attrs = {"reduce": Kind.STR, **GROUP_ATTRS}

    def infer(self, a, x):
        _reduce(a, x)
        return [_counted(x, group_of(a))]

    def lower(self, b, a, ins, outs):
        group, (x,) = group_of(a), ins
        if group.size == 1:
            return [x]
        work = _work_dtype(outs[0].dtype, reducing=True)
        y = _reduction_call(b, "MPI_Allreduce", _cast(b, x, work), outs[0].with_dtype(work), a["reduce"], group)
        return [_cast(b, y, outs[0].dtype)]

    def vjp(self, m, a, ins, outs, couts):
        if a["reduce"] not in ("sum", "mean"):
            raise RuleError(f"reduce '{a['reduce']}' is not differentiable: only sum and mean have a gradient")
        return [m.all_reduce(couts[0], reduce=a["reduce"], axes=a["axes"], grid=a["grid"])]


@register("mind.all_gather")
class AllGather(Rule):
    """AllGather(x, dim, axes, grid): the members' x joined along dim in group-rank order."""

    attrs = {"dim": Kind.INT, **GROUP_ATTRS}

    def infer(self, a, x):
        group, dim = group_of(a), _dim(a, "dim", x)
        return [_counted(x.with_shape(_with_dim(x.shape, dim, x.shape[dim] * group.size)), group)]

    def lower(self, b, a, ins, outs):
        group, (x,), (out,) = group_of(a), ins, outs
        if group.size == 1:
            return [x]
        xw = _cast(b, x, _work_dtype(out.dtype, reducing=False))
        xs = Sig.of(xw)
        gathered = _exchange_call("MPI_Allgather", xw, xs.with_shape((group.size, *xs.shape)), group)
        return [_cast(b, blocks_joined(b, gathered, a["dim"]), out.dtype)]

    def vjp(self, m, a, ins, outs, couts):
        return [m.reduce_scatter(couts[0], dim=a["dim"], reduce="sum", axes=a["axes"], grid=a["grid"])]


@register("mind.reduce_scatter")
class ReduceScatter(Rule):
    """ReduceScatter(x, dim, reduce, axes, grid): x combined over the group, then split along
    dim into n pieces, piece g on group rank g."""

    attrs = {"dim": Kind.INT, "reduce": Kind.STR, **GROUP_ATTRS}

    def infer(self, a, x):
        group, dim = group_of(a), _dim(a, "dim", x)
        _reduce(a, x)
        _divides(x, dim, group, "dim")
        return [_counted(x.with_shape(_with_dim(x.shape, dim, x.shape[dim] // group.size)), group)]

    def lower(self, b, a, ins, outs):
        group, (x,), (out,) = group_of(a), ins, outs
        if group.size == 1:
            return [x]
        work = _work_dtype(out.dtype, reducing=True)
        send = blocks_first(b, _cast(b, x, work), a["dim"], group.size)
        piece = Sig(Sig.of(send).shape[1:], work)
        y = _reduction_call(b, "MPI_Reduce_scatter_block", send, piece, a["reduce"], group)
        return [_cast(b, reshaped(b, y, out.with_dtype(work)), out.dtype)]

    def vjp(self, m, a, ins, outs, couts):
        if a["reduce"] not in ("sum", "mean"):
            raise RuleError(f"reduce '{a['reduce']}' is not differentiable: only sum and mean have a gradient")
        g = m.all_gather(couts[0], dim=a["dim"], axes=a["axes"], grid=a["grid"])
        return [m.mul(g, m.scalar(1.0 / group_of(a).size, g)) if a["reduce"] == "mean" else g]


@register("mind.all_to_all")
class AllToAll(Rule):
    """AllToAll(x, split_dim, concat_dim, axes, grid): piece j of x along split_dim goes to group
    rank j; the pieces received are joined along concat_dim in group-rank order."""

    attrs = {"split_dim": Kind.INT, "concat_dim": Kind.INT, **GROUP_ATTRS}

    def infer(self, a, x):
        group = group_of(a)
        split, concat = _dim(a, "split_dim", x), _dim(a, "concat_dim", x)
        _divides(x, split, group, "split_dim")
        shape = _with_dim(x.shape, split, x.shape[split] // group.size)
        return [_counted(x.with_shape(_with_dim(shape, concat, shape[concat] * group.size)), group)]

    def lower(self, b, a, ins, outs):
        group, (x,), (out,) = group_of(a), ins, outs
        if group.size == 1:
            return [x]
        send = blocks_first(b, _cast(b, x, _work_dtype(out.dtype, reducing=False)), a["split_dim"], group.size)
        received = _exchange_call("MPI_Alltoall", send, Sig.of(send), group)
        return [_cast(b, blocks_joined(b, received, a["concat_dim"]), out.dtype)]

    def vjp(self, m, a, ins, outs, couts):
        return [m.all_to_all(couts[0], split_dim=a["concat_dim"], concat_dim=a["split_dim"], axes=a["axes"],
                             grid=a["grid"])]


@register("mind.broadcast")
class Broadcast(Rule):
    """Broadcast(x, root, axes, grid): the x of group rank `root` on every member."""

    attrs = {"root": Kind.INT, **GROUP_ATTRS}

    def infer(self, a, x):
        group = group_of(a)
        if not 0 <= a["root"] < group.size:
            raise RuleError(f"root {a['root']} is out of range for the {group.size} members of the group on {group}")
        return [_counted(x, group)]

    def lower(self, b, a, ins, outs):
        group, (x,), (out,) = group_of(a), ins, outs
        if group.size == 1:
            return [x]
        xw = _cast(b, x, _work_dtype(out.dtype, reducing=False))
        mpi, sig = Mpi(), Sig.of(xw)

        def calls(ins, buffer):
            # MPI_Bcast works in place: the root's buffer is sent, every other member's overwritten.
            memref.copy(ins[0], buffer)
            mpi.call("MPI_Bcast", mpi.pointer(buffer), i32(_nbytes(sig)), i32(BYTE), i32(a["root"]),
                     mpi.communicator(group))

        return [_cast(b, mpi.exchange([xw], sig, calls), out.dtype)]

    def vjp(self, m, a, ins, outs, couts):
        # Every member's result is the root's x: the root's gradient is the sum of all cotangents,
        # the others' zero.
        total = m.all_reduce(couts[0], reduce="sum", axes=a["axes"], grid=a["grid"])
        on_root = np.eye(group_of(a).size)[a["root"]]
        return [m.mul(total, _rank_mask(m, a, on_root, total, [1] * m.sig(total).rank))]


@register("mind.shard_slice")
class ShardSlice(Rule):
    """ShardSlice(x, dim, axes, grid): piece g of x along dim (of n) on group rank g; no
    communication, the rank's coordinates are read at run time."""

    attrs = {"dim": Kind.INT, **GROUP_ATTRS}

    def infer(self, a, x):
        group, dim = group_of(a), _dim(a, "dim", x)
        _divides(x, dim, group, "dim")
        return [x.with_shape(_with_dim(x.shape, dim, x.shape[dim] // group.size))]

    def lower(self, b, a, ins, outs):
        group, (x,), (out,) = group_of(a), ins, outs
        if group.size == 1:
            return [x]
        dim, piece = a["dim"], out.shape[a["dim"]]
        index = ir.IndexType.get()
        start = arith.muli(arith.index_cast(index, Mpi().group_rank(group)), arith.constant(index, piece))
        dynamic = ir.ShapedType.get_dynamic_stride_or_offset()
        offsets = [dynamic if d == dim else 0 for d in range(out.rank)]
        return [tensor.extract_slice(out.to_type(), x, [start], [], [], offsets, list(out.shape), [1] * out.rank)]

    def vjp(self, m, a, ins, outs, couts):
        # x's gradient is the cotangent at this rank's piece and zero elsewhere: the cotangent
        # stretched over all n pieces, times the one-hot row of this rank's group rank.
        (g,), n, dim = couts, group_of(a).size, a["dim"]
        shape = m.sig(g).shape
        pieces = m.broadcast_to(m.reshape(g, shape=[*shape[:dim], 1, *shape[dim:]]),
                                shape=[*shape[:dim], n, *shape[dim:]])
        mask_shape = [1] * dim + [n] + [1] * (len(shape) - dim)
        masked = m.mul(pieces, _rank_mask(m, a, np.eye(n), g, mask_shape))
        return [m.reshape(masked, shape=_with_dim(shape, dim, shape[dim] * n))]


def _rank_mask(m, a, table: np.ndarray, like: ir.Value, shape) -> ir.Value:
    """Row g of `table` (one row per group rank) on group rank g, in like's dtype, as `shape`."""
    values = m.constant(value=table.astype(numpy_dtype(m.sig(like).dtype)))
    return m.reshape(m.shard_slice(values, dim=0, axes=a["axes"], grid=a["grid"]), shape=list(shape))
