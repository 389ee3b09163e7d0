"""Every op's sharding rule (rules/*.py `sharding`, `local_attrs`), proved by running it.

For each shardable op and example operands: the spec agrees with `infer` (ranks and factor sizes),
and for every candidate assignment on the grids 2 and 2x2, running the op's local form on each
device's pieces, combining partial results by the spec's reduce and comparing each device's piece
with the same slice of the whole op's result, gives the whole result. Ops run compiled by mindc
(one compile per distinct local signature), never through numpy.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pytest

from mindc import diag, emit
from mindc.ir import make_context
from mindc.rules.base import Attrs, Scalar, Sig, all_rules, dtype_of_numpy
from mindc.runtime.engine import Executable
from mindc.sharding.layout import Grid, Layout
from mindc.sharding.spec import NotShardable, ShardingSpec

GRIDS = [Grid((2,)), Grid((2, 2))]
# Pieces are computed in another order than the whole (sums of partial sums, means of means).
FLOAT_TOL = dict(rtol=1e-4, atol=1e-5)


def normal(*shape):
    return lambda rng: rng.standard_normal(shape).astype(np.float32)


def positive(*shape):
    return lambda rng: rng.uniform(0.5, 2.0, shape).astype(np.float32)


def ints(*shape, low=-5, high=6, dtype=np.int32):
    return lambda rng: rng.integers(low, high, shape).astype(dtype)


def bools(*shape):
    return lambda rng: rng.random(shape) < 0.5


@dataclass(frozen=True)
class Example:
    operands: tuple[Callable, ...]
    attrs: dict = field(default_factory=dict)


def ex(*operands, **attrs) -> Example:
    return Example(operands, attrs)


CONV = dict(stride=(1, 1), pad=(1, 1, 1, 1), dilation=(1, 1))
CONV_STRIDED = dict(stride=(2, 1), pad=(0, 1, 1, 0), dilation=(1, 2))
SLICE = dict(begin=(0, 1, 0), end=(6, 4, 2), strides=(1, 2, 1))   # dims 0 and 2 read whole, dim 1 not

# Per op, operands (functions of an rng) and attributes. Sizes are small and divide by 2 and 4
# where a dim should be splittable; broadcasting, transposes and groups each get a case.
EXAMPLES: dict[str, list[Example]] = {
    **{f"mind.{name}": [ex(normal(6, 4)), ex(normal(2, 6, 4))]
       for name in ("neg", "abs", "exp", "tanh", "sigmoid", "relu", "sin", "cos", "erf", "floor", "ceil", "expm1")},
    **{f"mind.{name}": [ex(positive(6, 4))] for name in ("log", "sqrt", "rsqrt", "log1p")},
    "mind.gelu": [ex(normal(6, 4), approximate="none"), ex(normal(4, 2), approximate="tanh")],
    "mind.logical_not": [ex(bools(6, 4))],
    "mind.invert": [ex(ints(6, 4))],
    "mind.stop_gradient": [ex(normal(6, 4))],
    "mind.cast": [ex(normal(6, 4), dtype="i32"), ex(ints(4, 2), dtype="f64")],
    **{f"mind.{name}": [ex(normal(6, 4), normal(4)), ex(normal(2, 6, 1), normal(6, 4))]
       for name in ("add", "sub", "mul", "maximum", "minimum", "atan2")},
    "mind.div": [ex(normal(6, 4), positive(6, 1))],
    "mind.pow": [ex(positive(6, 4), normal(4))],
    **{f"mind.{name}": [ex(bools(6, 4), bools(4))] for name in ("logical_and", "logical_or")},
    **{f"mind.{name}": [ex(ints(6, 4), ints(1, 4))] for name in ("bitwise_and", "bitwise_or", "bitwise_xor")},
    # Integers from a small range, so that equal pairs occur.
    **{f"mind.{name}": [ex(ints(6, 4, low=0, high=3), ints(6, 4, low=0, high=3))]
       for name in ("equal", "not_equal", "less", "less_equal", "greater", "greater_equal")},
    "mind.select": [ex(bools(6, 4), normal(6, 4), normal(4)), ex(bools(6, 1), normal(2, 1, 4), normal(6, 4))],
    "mind.matmul": [ex(normal(6, 4), normal(4, 2), transpose_a=False, transpose_b=False),
                    ex(normal(4, 6), normal(2, 4), transpose_a=True, transpose_b=True)],
    "mind.batch_matmul": [ex(normal(2, 6, 4), normal(4, 2), transpose_a=False, transpose_b=False),
                          ex(normal(2, 1, 4, 6), normal(4, 2, 4), transpose_a=True, transpose_b=True)],
    "mind.conv2d": [ex(normal(2, 4, 5, 5), normal(6, 4, 3, 3), **CONV, group=1),
                    ex(normal(2, 4, 5, 4), normal(4, 2, 2, 2), **CONV_STRIDED, group=2)],
    "mind.conv2d_backprop_input": [
        ex(normal(2, 6, 5, 5), normal(6, 4, 3, 3), **CONV, group=1, input_size=(2, 4, 5, 5)),
        ex(normal(2, 4, 3, 3), normal(4, 2, 2, 2), **CONV_STRIDED, group=2, input_size=(2, 4, 5, 4))],
    "mind.conv2d_backprop_filter": [
        ex(normal(2, 6, 5, 5), normal(2, 4, 5, 5), **CONV, group=1, filter_size=(6, 4, 3, 3)),
        ex(normal(2, 4, 3, 3), normal(2, 4, 5, 4), **CONV_STRIDED, group=2, filter_size=(4, 2, 2, 2))],
    "mind.max_pool": [ex(normal(2, 4, 6, 6), kernel_size=(2, 2), strides=(2, 2), pad=(0, 0, 0, 0)),
                      ex(normal(2, 4, 5, 5), kernel_size=(3, 3), strides=(2, 2), pad=(1, 1, 1, 1))],
    "mind.avg_pool": [ex(normal(2, 4, 5, 5), kernel_size=(3, 3), strides=(2, 2), pad=(1, 1, 1, 1),
                         count_include_pad=False)],
    "mind.max_pool_grad": [ex(normal(2, 4, 6, 6), normal(2, 4, 3, 3), kernel_size=(2, 2), strides=(2, 2),
                              pad=(0, 0, 0, 0)),
                           ex(normal(2, 4, 5, 5), normal(2, 4, 3, 3), kernel_size=(3, 3), strides=(2, 2),
                              pad=(1, 1, 1, 1))],
    "mind.softmax": [ex(normal(6, 4), axis=-1), ex(normal(2, 6, 4), axis=1)],
    "mind.log_softmax": [ex(normal(6, 4), axis=0)],
    "mind.reduce_sum": [ex(normal(6, 4, 2), axis=(1,), keep_dims=False), ex(normal(6, 4), axis=(), keep_dims=True)],
    "mind.reduce_mean": [ex(normal(6, 4, 2), axis=(0, 2), keep_dims=True), ex(normal(6, 4), axis=(), keep_dims=False),
                         ex(ints(6, 4), axis=(0,), keep_dims=False)],
    "mind.reduce_max": [ex(normal(6, 4, 2), axis=(0, 1), keep_dims=False), ex(ints(6, 4), axis=(1,), keep_dims=True)],
    "mind.reduce_min": [ex(normal(6, 4), axis=(-1,), keep_dims=False)],
    "mind.reduce_prod": [ex(positive(6, 4), axis=(0,), keep_dims=False)],
    "mind.argmax": [ex(normal(6, 4), axis=1)],
    "mind.argmin": [ex(normal(6, 4, 2), axis=0)],
    "mind.cumsum": [ex(normal(6, 4), axis=0, exclusive=False, reverse=True),
                    ex(normal(2, 6), axis=-1, exclusive=True, reverse=False)],
    "mind.top_k": [ex(normal(6, 4), k=2)],
    "mind.reshape": [ex(normal(6, 4), shape=(2, 12)), ex(normal(6, 4), shape=(4, 6)), ex(normal(2, 3, 4), shape=(6, 4)),
                     ex(normal(4, 6), shape=(2, 2, 1, 6)), ex(normal(4, 1, 6), shape=(24,)),
                     ex(normal(3, 4), shape=(2, 6)), ex(normal(2, 3, 4), shape=(3, 2, 4))],
    "mind.transpose": [ex(normal(6, 4, 2), perm=(2, 0, 1))],
    "mind.broadcast_to": [ex(normal(4), shape=(6, 4)), ex(normal(6, 1), shape=(2, 6, 4))],
    "mind.concat": [ex(normal(6, 4), normal(6, 2), axis=1), ex(normal(2, 4), normal(4, 4), axis=0)],
    "mind.strided_slice": [ex(normal(6, 4, 2), **SLICE),
                           ex(normal(6, 4, 2), begin=(-1, 0, 0), end=(-7, 4, 2), strides=(-1, 1, 1))],
    "mind.strided_slice_grad": [ex(normal(6, 2, 2), shape=(6, 4, 2), **SLICE)],
    "mind.strided_slice_update": [ex(normal(6, 4, 2), normal(6, 2, 2), **SLICE)],
    "mind.gather": [ex(normal(6, 4), ints(2, 4, low=0, high=6), axis=0), ex(normal(6, 4), ints(2, low=0, high=4), axis=1)],
    "mind.one_hot": [ex(ints(6, 4, low=-1, high=5), normal(), normal(), depth=4, axis=-1),
                     ex(ints(6, 2, low=0, high=3), normal(), normal(), depth=3, axis=1)],
    "mind.unsorted_segment_sum": [ex(normal(6, 4), ints(6, low=-1, high=4), num_segments=3),
                                  ex(normal(2, 6, 4), ints(2, 6, low=0, high=4), num_segments=4)],
    "mind.scatter_update": [ex(normal(6, 4), ints(4, low=-6, high=6), normal(4, 4))],
    "mind.constant": [ex(value=np.random.default_rng(1).standard_normal((6, 4)).astype(np.float32))],
    "mind.fill": [ex(shape=(6, 4), value=Scalar(1.5, "f32")), ex(shape=(2, 4), value=Scalar(7, "i64"))],
    "mind.random_uniform": [ex(lambda rng: np.array(3, np.int64), shape=(6, 4), seed=5, dtype="f32")],
}

SHARDABLE = sorted(name for name, rule in all_rules().items() if not isinstance(rule.sharding, NotShardable))
CASES = [pytest.param(name, i, id=f"{name}-{i}") for name in SHARDABLE for i in range(len(EXAMPLES.get(name, [])))]


@pytest.mark.parametrize("name", SHARDABLE)
def test_every_shardable_op_has_an_example(name):
    assert EXAMPLES.get(name), f"{name} has a sharding rule but no example here to prove it"


def spec_of(name: str, example: Example, rng) -> tuple[list[np.ndarray], Attrs, list[Sig], ShardingSpec]:
    arrays = [np.asarray(make(rng)) for make in example.operands]
    sigs = [Sig(x.shape, dtype_of_numpy(x.dtype)) for x in arrays]
    rule, a = all_rules()[name], Attrs(example.attrs)
    outs = rule.infer(a, *sigs)
    return arrays, a, outs, rule.sharding(a, sigs, outs)


@pytest.mark.parametrize("name,index", CASES)
def test_spec_agrees_with_infer(name, index):
    """Ranks match, each dim's factors multiply to its size, and a dim with no factor has size 1
    (these rules leave no dim of size > 1 unaccounted for, even ones they never split)."""
    arrays, a, outs, spec = spec_of(name, EXAMPLES[name][index], np.random.default_rng(0))
    sigs = [Sig(x.shape, "f32") for x in arrays]
    for kind, tensors, dims_list in (("operand", sigs, spec.operands), ("result", outs, spec.results)):
        assert len(tensors) == len(dims_list), f"{kind} count differs"
        for i, (sig, dims) in enumerate(zip(tensors, dims_list)):
            assert len(dims) == sig.rank, f"{kind} {i}: notation rank {len(dims)}, tensor {sig.shape}"
            for d, (dim, n) in enumerate(zip(dims, sig.shape)):
                assert math.prod(spec.factor(f).size for f in dim) == n, f"{kind} {i} dim {d}: {dim} for size {n}"


# -- running ops -------------------------------------------------------------------------------

_COMPILED: dict[str, Executable] = {}


def run(name: str, attrs, arrays: list[np.ndarray]) -> list[np.ndarray]:
    """The op compiled by mindc on these arrays; one compile per distinct module."""
    ctx = make_context()
    sigs = [Sig(x.shape, dtype_of_numpy(x.dtype)) for x in arrays]
    with ctx, diag.Collector(ctx) as collector:
        module = emit.single_op_module(name, sigs, dict(attrs))
        key = str(module)
        if key not in _COMPILED:
            _COMPILED[key] = Executable(module, collector)
        return _COMPILED[key].call("main", *arrays)


def piece(array: np.ndarray, layout: Layout, grid: Grid, coords: tuple[int, ...]) -> np.ndarray:
    """The piece of `array` the device at `coords` holds under `layout` (partial sums aside)."""
    index = []
    for size, axes in zip(array.shape, layout.dims):
        at = 0
        for axis in axes:   # major first
            at = at * grid.shape[axis] + coords[axis]
        step = size // grid.devices(axes)
        index.append(slice(at * step, (at + 1) * step))
    return array[tuple(index)]


COMBINE = {"sum": np.sum, "mean": np.mean, "max": np.max, "min": np.min, "prod": np.prod}


def combined(pieces: list[np.ndarray], reduce: str) -> np.ndarray:
    """The partial results of one group combined as an all-reduce would; floats in float64,
    integers in their own type (wrapping as the device's arithmetic does)."""
    stack = np.stack(pieces)
    if np.issubdtype(stack.dtype, np.floating):
        return COMBINE[reduce](stack.astype(np.float64), axis=0)
    return COMBINE[reduce](stack, axis=0).astype(stack.dtype) if reduce in ("max", "min") else \
        COMBINE[reduce](stack, axis=0, dtype=stack.dtype)


def check_assignment(name, a, spec, assignment, grid, arrays, whole) -> None:
    rule = all_rules()[name]
    local_a = rule.local_attrs(a, spec, spec.splits(assignment, grid))
    ranks = [grid.coordinates(r) for r in range(grid.size)]
    outs = {}
    for coords in ranks:
        pieces = [piece(x, spec.operand_layout(i, assignment), grid, coords) for i, x in enumerate(arrays)]
        outs[coords] = run(name, local_a, pieces)
    for i, full in enumerate(whole):
        layout = spec.result_layout(i, assignment)
        for coords in ranks:
            group = [c for c in ranks if all(c[x] == coords[x] for x in range(grid.rank) if x not in layout.partial)]
            local = [outs[c][i] for c in group]
            assert local[0].shape == layout.local_shape(full.shape, grid), f"result {i}: local shape"
            got = combined(local, layout.reduce) if layout.partial else local[0]
            want = piece(full, layout, grid, coords)
            where = f"{name} {assignment} on {grid}: result {i} ({layout}) on device {coords}"
            if np.issubdtype(full.dtype, np.floating):
                np.testing.assert_allclose(got, want, **FLOAT_TOL, err_msg=where)
            else:
                np.testing.assert_array_equal(got, want, err_msg=where)


@pytest.mark.parametrize("name,index", CASES)
def test_local_form_on_pieces_gives_the_whole_result(name, index):
    arrays, a, outs, spec = spec_of(name, EXAMPLES[name][index], np.random.default_rng(index))
    whole = run(name, a, arrays)
    tried = 0
    for grid in GRIDS:
        for assignment in spec.candidates(grid):
            check_assignment(name, a, spec, assignment, grid, arrays, whole)
            tried += 1
    assert tried >= 1
