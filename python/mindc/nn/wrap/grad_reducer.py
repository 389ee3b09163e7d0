"""Data parallelism's gradient reduction (MindSpore's nn.DistributedGradReducer).

Each process computes the gradients of its own shard of the batch; summing them over the
processes (and dividing by their number when the loss is a mean) gives every process the
gradients of the whole batch, so all of them apply the same update and stay identical. Inside a
compiled step the reduction is one mind.all_reduce per gradient, lowered to MPI_Allreduce.
"""
from __future__ import annotations

from mindc import ops
from mindc.communication.management import GlobalComm, get_group_size
from mindc.frontend import dtype as mdt
from mindc.nn.cell import Cell
from mindc.ops.operations.comm_ops import AllReduce, ReduceOp

__all__ = ["DistributedGradReducer"]


class DistributedGradReducer(Cell):
    """DistributedGradReducer(parameters, mean=True, degree=None, fusion_type=1, group=world):
    construct(grads) all-reduces (sums) each gradient over group, times 1/degree with mean
    (degree: the group's size by default). Gradients of Parameters marked layerwise_parallel
    (each process owns its own) are left alone, as in MindSpore."""

    def __init__(self, parameters, mean: bool = True, degree: int | None = None, fusion_type: int = 1,
                 group: str = GlobalComm.WORLD_COMM_GROUP):
        super().__init__(auto_prefix=False)
        if degree is None:
            degree = get_group_size(group)
        elif isinstance(degree, bool) or not isinstance(degree, int) or degree <= 0:
            raise ValueError(f"For 'DistributedGradReducer', parameter 'degree' in DistributedGradReducer should "
                             f"large than 0 and be int, degree: {degree}.")
        self.degree, self.mean = degree, mean
        self.allreduce_filter = tuple(not getattr(p, "layerwise_parallel", False) for p in parameters)
        self.allreduce = AllReduce(ReduceOp.SUM, group)

    def construct(self, grads):
        return tuple(self._reduce(g) if reduce else g for g, reduce in zip(grads, self.allreduce_filter))

    def _reduce(self, grad):
        # 16-bit gradients are summed in float32 and cast back (MindSpore casts every gradient to
        # float32: its gradients may mix float16 and float32); float64 stays float64.
        dtype = grad.dtype
        wide = dtype in (mdt.float16, mdt.bfloat16)
        total = self.allreduce(ops.cast(grad, mdt.float32) if wide else grad)
        if self.mean:
            total = total * (1.0 / self.degree)
        return ops.cast(total, dtype) if wide else total
