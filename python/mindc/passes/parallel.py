"""mind-mark-parallel and mind-parallel-loops: run the outer loops of big linalg ops on threads.

The schedules (lowering/*.mlir) tile each op into loops of static-shaped tiles, peeling the
remainders; an scf.forall would give its last tile a dynamic shape. So parallelism is added
around them instead, in two steps:

1. mind-mark-parallel (before the schedules) tags the linalg ops with work enough to pay for a
   dispatch to the thread pool (their static iteration space, weighed) with `mindc.parallel`.
   The schedules then tag one outer tile loop of each tagged op `mindc.parallel` too: one whose
   iterations write disjoint parts of the result.
2. mind-parallel-loops (after bufferization, when the loops carry no tensors) turns each tagged
   scf.for into an scf.parallel over `threads` equal chunks of its iterations, each chunk an
   scf.for over its share. mind-async-parallel (passes/async_parallel.py) then makes each
   chunk a task for the async runtime's process-wide thread pool (runtime/engine.py loads it
   once), the first one run by the calling thread itself.

threads=0 reads MindSpore's context key `runtime_num_threads`; threads=1 changes nothing, so
the single-threaded code is exactly what it was.
"""
from __future__ import annotations

import math
import os
from typing import ClassVar

from mlir import ir
from mlir.dialects import arith, linalg, scf

from mindc.context import get_context
from mindc.passes.base import Pass, dataclass_pass

TAG = "mindc.parallel"

# Work (in multiply-adds of a scheduled product) below which an op stays on one thread. Measured
# on the 2-core AMD EPYC machine (2026-11-25): a dispatch to the async runtime's pool costs ~6 µs
# (a tiny product: 2.5 µs a call on one thread, 9 µs on two); one core runs the products' register
# tiles at ~125 multiply-adds/ns, so 2^23 of them take ~70 µs: two threads pay off with margin.
MIN_PARALLEL_WORK = 1 << 23
# Work per iteration-space point of ops that are not products or convolutions (elementwise ops,
# reductions): memory-bound, one core runs them at ~8 points/ns (an add of 512x1024 floats).
MEMORY_BOUND_POINT = 16


def thread_count(threads: int) -> int:
    """The option's value; for 0, the context's `runtime_num_threads`, which MindSpore caps at
    the number of cores (ccsrc/common/runtime_conf/runtime_conf.cc) and 0 or 1 make serial."""
    if threads > 0:
        return threads
    return max(1, min(int(get_context("runtime_num_threads")), os.cpu_count() or 1))


def iteration_space(op: ir.OpView) -> int:
    """The number of points of a linalg op's loop nest (its static loop ranges multiplied); 0 for
    an op that has no loop nest (linalg.yield, linalg.index)."""
    maps = linalg.get_indexing_maps(op)
    if maps is None:
        return 0
    sizes = {}
    for operand, amap in zip(op.operands, maps):
        shape = ir.ShapedType(operand.type).shape if isinstance(operand.type, ir.ShapedType) else []
        for expr, size in zip(amap.value.results, shape):
            if isinstance(expr, ir.AffineDimExpr):
                sizes[expr.position] = size
    return math.prod(sizes.values())


def _ops(root: ir.Operation, keep) -> list[ir.Operation]:
    found = []

    def visit(op):
        if keep(op.operation):
            found.append(op.operation)
        return ir.WalkResult.ADVANCE

    root.walk(visit, walk_order=ir.WalkOrder.POST_ORDER)
    return found


@dataclass_pass
class MarkParallel(Pass):
    """Tag linalg ops big enough to run on several threads mindc.parallel (threads=0: the context's)."""

    argument: ClassVar[str] = "mind-mark-parallel"
    threads: int = 0
    min_work: int = MIN_PARALLEL_WORK

    def run(self, module_op, pass_) -> None:
        if thread_count(self.threads) == 1:
            return
        for op in _ops(module_op, lambda op: op.name.startswith("linalg.")):
            if work(op.opview) >= self.min_work:
                op.attributes[TAG] = ir.UnitAttr.get()


def work(op: ir.OpView) -> int:
    """An estimate of a linalg op's time, in multiply-adds of a scheduled product."""
    compute_bound = linalg.isa_contraction_op(op) or linalg.infer_convolution_dimensions(op) is not None
    return iteration_space(op) * (1 if compute_bound else MEMORY_BOUND_POINT)


@dataclass_pass
class ParallelLoops(Pass):
    """Turn the scf.for loops tagged mindc.parallel into scf.parallel over `threads` chunks (threads=0: the context's)."""

    argument: ClassVar[str] = "mind-parallel-loops"
    threads: int = 0

    def run(self, module_op, pass_) -> None:
        threads = thread_count(self.threads)
        # Post-order: a nested tagged loop is seen while the loop around it still has its tag.
        for loop in _ops(module_op, lambda op: op.name == "scf.for" and TAG in op.attributes):
            if _inside_tagged_loop(loop):
                # A tile of a tagged op tiled again: one pool gains nothing from nested tasks.
                del loop.attributes[TAG]
                continue
            if loop.results:
                loop.location.emit_error(f"'scf.for' tagged {TAG} still carries values after bufferization")
                pass_.signal_pass_failure()
                return
            # The schedules tag tile loops over static shapes: constant bounds. A loop with
            # other bounds stays serial, as one with fewer iterations than two does.
            trips = _trip_count(loop.opview) or 0
            span = -(-trips // threads)
            chunks = -(-trips // span) if span else 0  # 5 iterations on 4 threads: 2+2+1, no empty chunk
            if chunks > 1:
                _chunked(loop.opview, chunks, span)
            else:
                del loop.attributes[TAG]


def _inside_tagged_loop(op: ir.Operation) -> bool:
    parent = op.parent
    while parent is not None and parent.name != "builtin.module":
        if parent.name in ("scf.for", "scf.parallel") and TAG in parent.attributes:
            return True
        parent = parent.parent
    return False


def _trip_count(loop: scf.ForOp) -> int | None:
    """The loop's number of iterations if its bounds are constants (the schedules' tile loops
    over static shapes), else None."""
    bounds = [constant_int(v) for v in (loop.lowerBound, loop.upperBound, loop.step)]
    if None in bounds:
        return None
    lb, ub, step = bounds
    return max(0, -(-(ub - lb) // step))


def constant_int(value: ir.Value) -> int | None:
    """The value of an index or integer arith.constant, else None."""
    owner = value.owner
    if isinstance(owner, ir.OpView) and owner.operation.name == "arith.constant":
        return ir.IntegerAttr(owner.attributes["value"]).value
    return None


def _chunked(loop: scf.ForOp, chunks: int, span: int) -> None:
    """Replace loop by scf.parallel over `chunks` chunks of its n iterations, each an scf.for.

    Chunk t runs iterations [t*span, min((t+1)*span, n)): contiguous, so each thread walks its
    own columns (rows) of the result as the single-threaded loop did.
    """
    index = ir.IndexType.get()
    with ir.InsertionPoint(loop), loop.location:
        lb, ub, step = loop.lowerBound, loop.upperBound, loop.step
        span = _index(span * constant_int(step))
        par = scf.ParallelOp([], [_index(0)], [_index(chunks)], [_index(1)], [])
    block = par.region.blocks.append(index, arg_locs=[loop.location])
    with ir.InsertionPoint(block), loop.location:
        start = arith.addi(lb, arith.muli(block.arguments[0], span))
        chunk = scf.ForOp(start, arith.minsi(arith.addi(start, span), ub), step)
        scf.ReduceOp([], 0)
    with ir.InsertionPoint(chunk.body), loop.location:
        end = scf.YieldOp([])
    loop.induction_variable.replace_all_uses_with(chunk.induction_variable)
    for op in list(loop.body.operations)[:-1]:  # all but its scf.yield: the chunk loop has one
        op.move_before(end)
    loop.operation.erase()


def _index(value: int) -> ir.Value:
    return arith.constant(ir.IndexType.get(), value)
