"""IR plumbing the adjoint generator shares: cloning ops under a value map, free values of a
region op, trip counts, and tapes (the per-iteration store of a loop's carried values)."""
from __future__ import annotations

from mlir import ir
from mlir.dialects import arith, tensor

from mindc.autodiff.activity import all_ops

DYNAMIC = ir.ShapedType.get_dynamic_size()
Env = dict  # original value -> the value standing for it where code is being built


def clone_op(op: ir.Operation, env: Env) -> ir.Operation:
    """Clone op at the current insertion point, its operands (also those used inside its regions)
    read through env; env then maps op's results to the clone's."""
    new = op.clone(ip=ir.InsertionPoint.current)
    for o in [new, *all_ops(new)]:
        for i, v in enumerate(o.operands):
            if v in env:
                o.operands[i] = env[v]
    for old, result in zip(op.results, new.results):
        env[old] = result
    return new


def free_values(op: ir.Operation) -> list[ir.Value]:
    """Values used inside op's regions but defined outside op, in order of first use."""
    inner = set()
    nested = all_ops(op)
    for o in [op, *nested]:
        for region in o.regions:
            for block in region.blocks:
                inner.update(block.arguments)
    for o in nested:
        inner.update(o.results)
    free = {}
    for o in nested:
        for v in o.operands:
            if v not in inner:
                free[v] = None
    return list(free)


def index(value: int) -> ir.Value:
    return arith.constant(ir.IndexType.get(), value)


def constant_index(v: ir.Value) -> int | None:
    owner = v.owner
    if isinstance(owner, ir.OpView) and owner.operation.name == "arith.constant":
        return ir.IntegerAttr(owner.attributes["value"]).value
    return None


def trip_count(lb: ir.Value, ub: ir.Value, step: ir.Value) -> tuple[ir.Value, int | None]:
    """The number of iterations of scf.for lb to ub step step (step > 0), and it if static."""
    bounds = [constant_index(v) for v in (lb, ub, step)]
    if None not in bounds:
        n = max(0, -(-(bounds[1] - bounds[0]) // bounds[2]))
        return index(n), n
    span = arith.maxsi(arith.subi(ub, lb), index(0))
    return arith.ceildivsi(span, step), None


class Tape:
    """tensor<n x T> holding one carried value of type T per loop iteration (T a tensor or scalar)."""

    def __init__(self, t: ir.Type, n: ir.Value, static_n: int | None):
        self.item = t
        shape, element = ([*ir.RankedTensorType(t).shape], ir.RankedTensorType(t).element_type) \
            if isinstance(t, ir.RankedTensorType) else ([], t)
        self.shape = shape
        lead = static_n if static_n is not None else DYNAMIC
        self.type = ir.RankedTensorType.get([lead, *shape], element)
        self.n, self.static_n = n, static_n

    def empty(self) -> ir.Value:
        return tensor.EmptyOp([self.static_n if self.static_n is not None else self.n, *self.shape],
                              ir.RankedTensorType(self.type).element_type).result

    def write(self, tape: ir.Value, value: ir.Value, k: ir.Value) -> ir.Value:
        if not self.shape and not isinstance(self.item, ir.RankedTensorType):
            return tensor.insert(value, tape, [k])
        offsets, sizes, strides = self._slice()
        return tensor.InsertSliceOp(value, tape, [k], [], [], offsets, sizes, strides).result

    def read(self, tape: ir.Value, k: ir.Value) -> ir.Value:
        if not self.shape and not isinstance(self.item, ir.RankedTensorType):
            return tensor.extract(tape, [k])
        offsets, sizes, strides = self._slice()
        return tensor.ExtractSliceOp(self.item, tape, [k], [], [], offsets, sizes, strides).result

    def _slice(self):
        rank = len(self.shape)
        return [DYNAMIC] + [0] * rank, [1, *self.shape], [1] * (rank + 1)
