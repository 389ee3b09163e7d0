"""The gradient of each collective against central differences of the job's total loss
sum_r <w_r, op(x)_r> (float64), on 2 ranks: sum_r <grad_r, v_r> must equal its derivative along
the directions v_r. Prints one `ok` line per rank."""
import numpy as np

import mindc
from mindc import Tensor
from mindc.communication import get_group_size, get_rank
from mindc.compiler import CompileError
from mindc.ops._base import one
from mindc.runtime.mpi import initialize

GROUP = {"grid": (2,), "axes": (0,)}
CASES = [
    ("mind.all_reduce", {"reduce": "sum"}), ("mind.all_reduce", {"reduce": "mean"}),
    ("mind.all_gather", {"dim": 0}), ("mind.all_gather", {"dim": 1}),
    ("mind.reduce_scatter", {"dim": 1, "reduce": "sum"}), ("mind.reduce_scatter", {"dim": 0, "reduce": "mean"}),
    ("mind.all_to_all", {"split_dim": 0, "concat_dim": 1}), ("mind.broadcast", {"root": 1}),
    ("mind.shard_slice", {"dim": 1}),
]


def main():
    MPI = initialize()
    rank, world = get_rank(), get_group_size()
    assert world == 2
    rng = np.random.default_rng(7)
    for op, attrs in CASES:
        attrs = {**attrs, **GROUP}
        x, v = (rng.standard_normal((world, 4, 6)) for _ in range(2))
        out_shape = one(op, [Tensor(x[rank])], attrs).shape
        w = rng.standard_normal((world, *out_shape))
        weight = Tensor(w[rank])

        def loss(t):
            return (one(op, [t], attrs) * weight).sum()

        def total(t: np.ndarray) -> float:
            return MPI.COMM_WORLD.allreduce(float(loss(Tensor(t)).asnumpy()))

        grad = mindc.grad(loss)(Tensor(x[rank])).asnumpy()
        eps = 1e-6
        want = (total(x[rank] + eps * v[rank]) - total(x[rank] - eps * v[rank])) / (2 * eps)
        got = MPI.COMM_WORLD.allreduce(float(np.sum(grad * v[rank])))
        assert abs(got - want) <= 1e-7 * max(1.0, abs(want)), f"{op} {attrs}: <grad, v> = {got}, differences {want}"
    try:
        mindc.grad(lambda t: one("mind.all_reduce", [t], {"reduce": "max", **GROUP}).sum())(Tensor(x[rank]))
    except CompileError as e:
        assert "reduce 'max' is not differentiable" in str(e), e
    else:
        raise AssertionError("the gradient of all_reduce max did not fail")
    print(f"ok {len(CASES)} gradients on rank {rank}")


if __name__ == "__main__":
    main()
