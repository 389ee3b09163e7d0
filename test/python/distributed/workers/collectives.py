"""Every collective on every dimension and dtype, on each grid and axes the world's size allows,
against numpy (float64) computed from the inputs of all ranks (each rank draws them all from one
seed). argv[1]: "pynative" (one compiled kernel per op) or "graph" (one jit per grid, axes and
dtype, holding every op). Prints one `ok` line per rank."""
import sys

import numpy as np

import mindc
from mindc import Tensor
from mindc.communication import get_group_size, get_rank, init
from mindc.ops._base import one

SHAPE = (4, 4, 4)
REDUCES = {"sum": np.sum, "mean": np.mean, "max": np.max, "min": np.min, "prod": np.prod}


DTYPES = ["float32", "float64", "int32", "bool"]


def plan(world: int, mode: str):
    """(grid, axes, dtype) to test. On 4 ranks, float32 on every layout and the other dtypes on
    the one whose group order is not the world's (each compile costs, 4 processes on 2 cores)."""
    if world != 4:
        return [((world,), (0,), dtype) for dtype in DTYPES]
    if mode == "pynative":
        return [((2, 2), (1, 0), "float32"), ((2, 2), (1,), "int32")]
    layouts = [((4,), (0,)), ((2, 2), (0,)), ((2, 2), (1,)), ((2, 2), (0, 1)), ((2, 2), (1, 0))]
    return [(grid, axes, "float32") for grid, axes in layouts] + [((2, 2), (1, 0), d) for d in DTYPES[1:]]


def group(rank, grid, axes):
    """The world ranks of rank's group in group-rank order, and rank's group rank."""
    coords = np.unravel_index(rank, grid)
    members = []
    for g in range(int(np.prod([grid[a] for a in axes]))):
        c = list(coords)
        for a, v in zip(axes, np.unravel_index(g, [grid[a] for a in axes])):
            c[a] = v
        members.append(int(np.ravel_multi_index(c, grid)))
    return members, members.index(rank)


def cases(dtype):
    """(op, attrs, reference(inputs of the members, group rank) -> expected)."""
    n_dims = range(len(SHAPE))
    found = []
    reduces = ["sum", "max", "min", "prod"] + (["mean"] if dtype.startswith("float") else [])
    if dtype == "bool":
        reduces = ["max", "min"]
    for r in reduces:
        found.append(("mind.all_reduce", {"reduce": r}, lambda xs, g, r=r: REDUCES[r](np.stack(xs), axis=0)))
    for d in n_dims:
        found.append(("mind.all_gather", {"dim": d}, lambda xs, g, d=d: np.concatenate(xs, axis=d)))
        found.append(("mind.shard_slice", {"dim": d}, lambda xs, g, d=d: np.split(xs[g], len(xs), axis=d)[g]))
        if dtype != "bool":
            r = "sum" if d != 1 else "max"
            found.append(("mind.reduce_scatter", {"dim": d, "reduce": r},
                          lambda xs, g, d=d, r=r: np.split(REDUCES[r](np.stack(xs), axis=0), len(xs), axis=d)[g]))
        for c in n_dims:
            found.append(("mind.all_to_all", {"split_dim": d, "concat_dim": c},
                          lambda xs, g, d=d, c=c: np.concatenate([np.split(x, len(xs), axis=d)[g] for x in xs], axis=c)))
    for root in (0, 1):
        found.append(("mind.broadcast", {"root": root}, lambda xs, g, root=root: xs[root]))
    return found


def inputs(world, dtype, seed):
    rng = np.random.default_rng(seed)
    if dtype == "bool":
        return [rng.random(SHAPE) < 0.5 for _ in range(world)]
    if dtype == "int32":
        return [rng.integers(-3, 4, SHAPE).astype(np.int32) for _ in range(world)]
    return [(rng.random(SHAPE) + 0.5).astype(dtype) for _ in range(world)]


def check(got, want, dtype, what):
    tol = {"float32": 1e-6, "float64": 1e-12}.get(dtype, 0)
    got = np.asarray(got)
    assert got.shape == want.shape, f"{what}: shape {got.shape}, want {want.shape}"
    np.testing.assert_allclose(got.astype(np.float64), want.astype(np.float64), rtol=tol, atol=tol, err_msg=what)


def main(mode):
    init()
    rank, world = get_rank(), get_group_size()
    count = 0
    for i, (grid, axes, dtype) in enumerate(plan(world, mode)):
        members, g = group(rank, grid, axes)
        xs = inputs(world, dtype, seed=i)
        mine, theirs = Tensor(xs[rank]), [xs[m].astype(np.float64) if dtype != "bool" else xs[m] for m in members]
        # PyNative compiles a kernel per op: every op in float32, all_reduce in the other dtypes.
        todo = [c for c in cases(dtype) if mode == "graph" or dtype == "float32" or c[0] == "mind.all_reduce"]
        attrs = [{**a, "grid": grid, "axes": axes} for _, a, _ in todo]
        if mode == "graph":
            results = mindc.jit(lambda x: tuple(one(op, [x], a) for (op, _, _), a in zip(todo, attrs)))(mine)
        else:
            results = [one(op, [mine], a) for (op, _, _), a in zip(todo, attrs)]
        for (op, a, reference), result in zip(todo, results):
            check(result.asnumpy(), reference(theirs, g), dtype, f"{op} {a} {dtype} grid {grid} axes {axes}")
            count += 1
    print(f"ok {count} cases on rank {rank} of {world}")


if __name__ == "__main__":
    main(sys.argv[1])
