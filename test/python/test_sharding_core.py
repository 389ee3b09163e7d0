"""The sharding core (mindc/sharding): grids, layouts, factor-notation specs, assignments and
MindSpore strategies, and redistribution plans simulated step by step on per-device numpy pieces."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from mindc.rules.base import Sig
from mindc.sharding.layout import Grid, Layout, ShardingError
from mindc.sharding.redistribute import bytes_moved, plan
from mindc.sharding.spec import PARALLEL, REDUCTION, WHOLE, Assignment, einsum


def sigs(*shapes):
    return [Sig(s, "f32") for s in shapes]


def matmul_spec(m=4, k=6, n=8):
    return einsum("mk,kn->mn", sigs((m, k), (k, n)), sigs((m, n)))


# -- grids -------------------------------------------------------------------------------------


def test_grid_coordinates_are_row_major():
    grid = Grid((2, 3))
    assert [grid.coordinates(r) for r in range(grid.size)] == list(itertools.product(range(2), range(3)))
    assert (grid.rank, grid.size, str(grid), grid.devices([1])) == (2, 6, "2x3", 3)


@pytest.mark.parametrize("devices,shape", [(1, (1,)), (2, (2,)), (8, (2, 2, 2)), (12, (2, 2, 3)), (7, (7,)),
                                           (36, (2, 2, 3, 3))])
def test_grid_for_devices_has_one_axis_per_prime_factor(devices, shape):
    assert Grid.for_devices(devices).shape == shape


@pytest.mark.parametrize("make,message", [(lambda: Grid(()), "one or more axes"), (lambda: Grid((2, 0)), "at least 1"),
                                          (lambda: Grid.for_devices(0), "device_num must be at least 1")])
def test_bad_grids_are_rejected(make, message):
    with pytest.raises(ShardingError, match=message):
        make()


def test_grid_axes_are_checked():
    grid = Grid((2, 2))
    with pytest.raises(ShardingError, match=r"names grid axis 2, but the grid 2x2 has axes 0..1"):
        grid.check_axes([0, 2], "the split")
    with pytest.raises(ShardingError, match=r"names a grid axis twice: \[1, 1\]"):
        grid.check_axes([1, 1], "the split")


# -- layouts -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text,layout", [
    ("[{0}, {}]", Layout(((0,), ()))),
    ("[{0, 1}, {}]", Layout(((0, 1), ()))),
    ("[{}, {}] sum{1}", Layout(((), ()), (1,))),
    ("[{1}] max{0, 2}", Layout(((1,),), (0, 2), "max")),
    ("[]", Layout(())),
])
def test_layout_text_round_trips(text, layout):
    assert Layout.parse(text) == layout
    assert str(layout) == text
    assert Layout.parse(str(layout)) == layout


def test_layout_parse_tolerates_spaces_and_sorts_partial_axes():
    assert Layout.parse(" [ {1} ,{ 0 } ] mean{2, 0}") == Layout(((1,), (0,)), (0, 2), "mean")


@pytest.mark.parametrize("text", ["[{0}", "{0}", "[{a}]", "[{0}] foo{1}", "[{0}]sum{1}", "[(0)]", ""])
def test_layout_parse_rejects_malformed_text(text):
    with pytest.raises(ShardingError, match="is not a layout"):
        Layout.parse(text)


def test_layout_rejects_unknown_reduction():
    with pytest.raises(ShardingError, match="unknown reduction 'avg'"):
        Layout(((),), (0,), "avg")


def test_layout_properties():
    layout = Layout(((0,), (2, 1)), (3,))
    assert layout.rank == 2 and layout.axes == (0, 2, 1, 3) and not layout.is_replicated
    assert Layout.replicated(3).is_replicated and Layout.replicated(3).rank == 3
    assert layout.local_shape((4, 8), Grid((2, 2, 2, 2))) == (2, 2)
    assert layout.with_dims([(), (1,)]) == Layout(((), (1,)), (3,))


@pytest.mark.parametrize("layout,shape,message", [
    ("[{0}]", (4, 4), r"layout \[\{0\}\] of value has 1 dimensions, but the value has 2"),
    ("[{2}, {}]", (4, 4), r"names grid axis 2, but the grid 2x2 has axes 0..1"),
    ("[{0}, {0}]", (4, 4), r"names a grid axis twice"),
    ("[{0}, {}] sum{0}", (4, 4), r"names a grid axis twice"),
    ("[{0, 1}, {}]", (6, 4), r"dimension 0 of value \(size 6\) does not divide over grid axis 0 \(2 devices\) and "
                             r"grid axis 1 \(2 devices\)"),
])
def test_layout_check_errors_name_the_dimension_and_axes(layout, shape, message):
    with pytest.raises(ShardingError, match=message):
        Layout.parse(layout).check(Grid((2, 2)), shape)


def test_layout_check_accepts_dividing_splits():
    Layout.parse("[{0, 1}, {}] sum{2}").check(Grid((2, 2, 2)), (8, 3))


# -- einsum notation ---------------------------------------------------------------------------


def test_einsum_kinds_and_sizes():
    spec = einsum("b1mk,kN->bmN", sigs((3, 1, 4, 6), (6, 5)), sigs((3, 4, 5)), reduce="max")
    assert [(f.name, f.size, f.kind) for f in spec.factors] == [
        ("b", 3, PARALLEL), ("m", 4, PARALLEL), ("k", 6, REDUCTION), ("N", 5, WHOLE)]
    assert spec.operands == ((("b",), (), ("m",), ("k",)), (("k",), ("N",)))
    assert spec.reduce == "max" and [f.name for f in spec.splittable()] == ["b", "m", "k"]


def test_einsum_merged_dims_take_sizes_from_elsewhere_or_from_sizes():
    spec = einsum("(ab)c->a(bc)", sigs((4, 6)), sigs((2, 12)))
    assert [(f.name, f.size) for f in spec.factors] == [("a", 2), ("b", 2), ("c", 6)]
    spec = einsum("(ab)->ab", sigs((6,)), sigs((2, 3)))
    assert [f.size for f in spec.factors] == [2, 3]
    spec = einsum("(gc)->(gc)", sigs((6,)), sigs((6,)), sizes={"g": 3})
    assert [f.size for f in spec.factors] == [3, 2]


def test_einsum_scalars_and_operand_free_ops():
    spec = einsum("ab->", sigs((2, 3)), sigs(()))
    assert spec.results == ((),) and all(f.kind == REDUCTION for f in spec.factors)
    spec = einsum("->ab", [], sigs((2, 3)))
    assert spec.operands == () and all(f.kind == PARALLEL for f in spec.factors)
    assert einsum(",ab->ab", sigs((), (2, 3)), sigs((2, 3))).operands[0] == ()


@pytest.mark.parametrize("notation,ins,outs,message", [
    ("mk,kn", [(2, 3), (3, 4)], [(2, 4)], "has no '->'"),
    ("mk->mk", [(2, 3), (3, 4)], [(2, 3)], "names 1 tensors, the op has 2"),
    ("mk,kn->mn", [(2, 3), (3, 4)], [(2, 4), (2, 4)], "names 1 tensors, the op has 2"),
    ("mk->m", [(2, 3)], [(2, 3)], r"1 dimensions for a tensor of shape \[2, 3\]"),
    ("mk,kn->mn", [(2, 3), (4, 4)], [(2, 4)], "factor k is 3 and 4"),
    ("m-k->mk", [(2, 3)], [(2, 3)], "use letters, 1, and"),
    ("m2->m2", [(2, 3)], [(2, 3)], "use letters, 1, and"),
])
def test_einsum_rejects_bad_notation(notation, ins, outs, message):
    with pytest.raises(ValueError, match=message):
        einsum(notation, sigs(*ins), sigs(*outs))


# -- assignments and candidates ----------------------------------------------------------------


def test_layouts_of_an_assignment():
    spec = matmul_spec()
    split = Assignment.of({"m": [0], "k": [1], "n": []})
    assert str(split) == "k={1} m={0}" and split["n"] == ()
    assert str(spec.operand_layout(0, split)) == "[{0}, {1}]"
    assert str(spec.operand_layout(1, split)) == "[{1}, {}]"
    assert str(spec.result_layout(0, split)) == "[{0}, {}] sum{1}"
    assert spec.splits(split, Grid((2, 4))) == {"m": 2, "k": 4, "n": 1}


def test_candidates_split_each_grid_axis_over_one_factor_or_none():
    spec = matmul_spec(m=4, k=6, n=8)
    found = {str(a) for a in spec.candidates(Grid((2, 2)))}
    # k (6) does not divide over both axes; m and n (4, 8) do.
    assert found == {"replicated", "m={0}", "m={1}", "k={0}", "k={1}", "n={0}", "n={1}", "m={0, 1}", "n={0, 1}",
                     "k={1} m={0}", "k={0} m={1}", "m={0} n={1}", "m={1} n={0}", "k={0} n={1}", "k={1} n={0}"}


def test_candidates_never_split_whole_or_unit_factors():
    spec = einsum("aBc->aBc", sigs((4, 4, 1)), sigs((4, 4, 1)))
    assert {str(a) for a in spec.candidates(Grid((2,)))} == {"replicated", "a={0}"}


def test_candidates_keep_merged_dims_contiguous():
    # c may only be split once b, the major part of its dim, is split whole.
    spec = einsum("(bc)->bc", sigs((8,)), sigs((2, 4)))
    assert {str(a) for a in spec.candidates(Grid((2, 2)))} == {"replicated", "b={0}", "b={1}", "b={0} c={1}",
                                                               "b={1} c={0}"}


@pytest.mark.parametrize("split,message", [
    ({"x": [0]}, r"no factor 'x' in this op \(factors: k, m, n\)"),
    ({"m": [0], "n": [0]}, "names a grid axis twice"),
    ({"m": [3]}, "names grid axis 3"),
])
def test_check_rejects_bad_assignments(split, message):
    with pytest.raises(ShardingError, match=message):
        matmul_spec().check(Assignment.of(split), Grid((2, 2)))


def test_check_names_the_dimension_that_does_not_divide_or_must_stay_whole():
    spec = einsum("aB->aB", sigs((6, 4)), sigs((6, 4)))
    with pytest.raises(ShardingError, match=r"dimension 0 of operand 0 \(size 6\) does not divide over grid axis 0 "
                                            r"\(4 devices\)"):
        spec.check(Assignment.of({"a": [0]}), Grid((4,)))
    with pytest.raises(ShardingError, match="dimension 1 of operand 0 cannot be split: the op needs it whole"):
        spec.check(Assignment.of({"B": [0]}), Grid((2,)))
    merged = einsum("(bc)->bc", sigs((8,)), sigs((2, 4)))
    with pytest.raises(ShardingError, match="factor c is split but b, the major part of the same dimension"):
        merged.check(Assignment.of({"c": [0]}), Grid((2,)))


def test_assignment_of_reads_the_split_from_layouts():
    spec, grid = matmul_spec(), Grid((2, 2))
    for assignment in spec.candidates(grid):
        layouts = [spec.operand_layout(i, assignment) for i in range(2)], [spec.result_layout(0, assignment)]
        assert spec.assignment_of(*layouts, grid) == assignment
    merged = einsum("(bc)->bc", sigs((8,)), sigs((2, 4)))
    split = merged.assignment_of([Layout.parse("[{0, 1}]")], [Layout.parse("[{0}, {1}]")], grid)
    assert str(split) == "b={0} c={1}"


@pytest.mark.parametrize("operands,results,message", [
    (["[{0}, {}]"], ["[{0}, {}]"], "expected 2 operand layouts, found 1"),
    (["[{0}]", "[{}, {}]"], ["[{0}, {}]"], r"layout \[\{0\}\] of operand 0 has 1 dimensions, the operand has 2"),
    (["[{0}, {}] sum{1}", "[{}, {}]"], ["[{0}, {}]"], "operand 0 has partial results"),
    (["[{}, {0}]", "[{1}, {}]"], ["[{}, {}] sum{0}"], r"dimension 0 of operand 1 splits factor k over grid axes \{1\}, "
                                                      r"elsewhere it is split over grid axes \{0\}"),
    (["[{0}, {}]", "[{}, {}]"], ["[{}, {}]"], r"result 0 has layout \[\{\}, \{\}\], but the operands' splits give "
                                              r"\[\{0\}, \{\}\]"),
    (["[{2}, {}]", "[{}, {}]"], ["[{2}, {}]"], r"layout \[\{2\}, \{\}\] of operand 0 names grid axis 2"),
    (["[{}, {0}]", "[{0}, {}]"], ["[{}, {}]"], r"but the operands' splits give \[\{\}, \{\}\] sum\{0\}"),
])
def test_assignment_of_names_the_first_disagreement(operands, results, message):
    with pytest.raises(ShardingError, match=message):
        matmul_spec().assignment_of([Layout.parse(t) for t in operands], [Layout.parse(t) for t in results],
                                    Grid((2, 2)))


def test_assignment_of_rejects_splitting_an_unsplittable_dim():
    spec = einsum("a1->a", sigs((4, 1)), sigs((4,)))
    with pytest.raises(ShardingError, match=r"dimension 1 of operand 0 cannot be split \(found grid axes \{0\}\)"):
        spec.assignment_of([Layout.parse("[{}, {0}]")], [Layout.parse("[{}]")], Grid((2,)))


# -- MindSpore strategies ----------------------------------------------------------------------


@pytest.mark.parametrize("strategy,devices,expected", [
    (((2, 1), (1, 1)), 2, "m={0}"),                    # data parallel
    (((1, 1), (1, 2)), 2, "n={0}"),                    # column parallel (Megatron's first Dense)
    (((1, 2), (2, 1)), 2, "k={0}"),                    # row parallel: partial sums
    (((2, 2), (2, 1)), 4, "k={1} m={0}"),              # mixed 2x2
    (((4, 1), (1, 1)), 4, "m={0, 1}"),                 # one split over two grid axes
    (((1, 1), (1, 1)), 4, "replicated"),
])
def test_from_strategy_maps_mindspore_tuples_onto_grid_axes(strategy, devices, expected):
    assert str(matmul_spec(m=8, k=8, n=8).from_strategy(strategy, Grid.for_devices(devices))) == expected


def test_from_strategy_takes_preferred_axes_when_they_fit():
    spec = matmul_spec(m=8, k=8, n=8)
    assert str(spec.from_strategy(((2, 1), (1, 1)), Grid((2, 2)), prefer={"m": (1,)})) == "m={1}"
    assert str(spec.from_strategy(((2, 1), (1, 1)), Grid((2, 2)), prefer={"m": (0, 1)})) == "m={0}"


@pytest.mark.parametrize("strategy,message", [
    (((2, 1),), "the strategy has 1 entries, the op has 2 operands"),
    (((2,), (1, 1)), "the strategy for operand 0 has 1 dimensions, the operand has 2"),
    (((0, 1), (1, 1)), "splits dimension 0 of operand 0 into 0 pieces"),
    (((1, 2), (4, 1)), "splits dimension 0 of operand 1 into 4 pieces, but dimension 1 of operand 0 into 2: "
                       "they are the same loop"),
    (((1, 2), (1, 1)), "splits dimension 0 of operand 1 into 1 pieces, but dimension 1 of operand 0 into 2"),
    (((8, 1), (1, 1)), r"dimension 0 of operand 0: no set of free grid axes of the 2x2 grid has 8 devices"),
    (((2, 2), (2, 2)), r"dimension 1 of operand 1: no set of free grid axes of the 2x2 grid has 2 devices"),
])
def test_from_strategy_errors_name_operand_and_dimension(strategy, message):
    with pytest.raises(ShardingError, match=message):
        matmul_spec(m=8, k=8, n=8).from_strategy(strategy, Grid((2, 2)))


def test_from_strategy_rejects_splits_of_unsplittable_dims():
    spec = einsum("aB->aB", sigs((4, 4)), sigs((4, 4)))
    with pytest.raises(ShardingError, match="dimension 1 of operand 0 cannot be split: the op needs it whole"):
        spec.from_strategy(((1, 2),), Grid((2,)))
    spec = einsum("1b,ab->ab", sigs((1, 4), (4, 4)), sigs((4, 4)))
    with pytest.raises(ShardingError, match=r"dimension 0 of operand 0 cannot be split \(the strategy asks for 2\)"):
        spec.from_strategy(((2, 1), (2, 1)), Grid((2,)))


# -- redistribution, simulated -----------------------------------------------------------------


def index_over(axes, coords, grid: Grid) -> int:
    """A device's piece index over grid axes, major first (as layouts order a dim's axes)."""
    at = 0
    for a in axes:
        at = at * grid.shape[a] + coords[a]
    return at


def piece(array: np.ndarray, layout: Layout, grid: Grid, coords) -> np.ndarray:
    index = []
    for size, axes in zip(array.shape, layout.dims):
        step, at = size // grid.devices(axes), index_over(axes, coords, grid)
        index.append(slice(at * step, (at + 1) * step))
    return array[tuple(index)]


def group(coords, axes, grid: Grid) -> list[tuple[int, ...]]:
    """The devices that differ from `coords` only along `axes`, in their index order over them."""
    members = []
    for values in itertools.product(*(range(grid.shape[a]) for a in axes)):
        c = list(coords)
        for a, v in zip(axes, values):
            c[a] = v
        members.append(tuple(c))
    return members


COMBINE = {"sum": np.sum, "mean": np.mean, "max": np.max, "min": np.min, "prod": np.prod}


def simulate(step, pieces: dict, grid: Grid) -> dict:
    """One collective on every device's piece, as MPI would run it."""
    at, axes = step.attrs, list(step.attrs["axes"])
    n = grid.devices(axes)
    out = {}
    for c, mine in pieces.items():
        assert mine.shape == step.local_in, f"{step.op}: device {c} holds {mine.shape}, the plan says {step.local_in}"
        members, k = [pieces[m] for m in group(c, axes, grid)], index_over(axes, c, grid)
        if step.op == "mind.all_reduce":
            out[c] = COMBINE[at["reduce"]](np.stack(members), axis=0)
        elif step.op == "mind.reduce_scatter":
            out[c] = np.split(COMBINE[at["reduce"]](np.stack(members), axis=0), n, axis=at["dim"])[k]
        elif step.op == "mind.all_gather":
            out[c] = np.concatenate(members, axis=at["dim"])
        elif step.op == "mind.all_to_all":
            out[c] = np.concatenate([np.split(m, n, axis=at["split_dim"])[k] for m in members], axis=at["concat_dim"])
        elif step.op == "mind.shard_slice":
            out[c] = np.split(mine, n, axis=at["dim"])[k]
        else:
            raise AssertionError(f"unknown step {step.op}")
        assert out[c].shape == step.local_out, \
            f"{step.op}: device {c} gets {out[c].shape}, the plan says {step.local_out}"
    return out


def distribute(whole: np.ndarray, layout: Layout, grid: Grid, rng) -> dict:
    """Each device's piece of `whole` under `layout`; partial results are random pieces that
    combine (by the layout's reduce over its partial axes) to the device's slice."""
    devices = [grid.coordinates(r) for r in range(grid.size)]
    noise = {c: rng.standard_normal(layout.local_shape(whole.shape, grid)) for c in devices}
    pieces = {}
    for c in devices:
        true = piece(whole, layout, grid, c)
        members = group(c, layout.partial, grid)
        if not layout.partial:
            pieces[c] = true.copy()
        elif layout.reduce in ("sum", "mean"):
            centered = noise[c] - np.mean([noise[m] for m in members], axis=0)
            pieces[c] = (true / len(members) if layout.reduce == "sum" else true) + centered
        else:   # max or min: one member holds the value, the others something smaller (larger)
            sign = -1 if layout.reduce == "max" else 1
            pieces[c] = true if members[0] == c else true + sign * np.abs(noise[c])
    return pieces


def random_layout(rank: int, grid: Grid, rng, partial_of: Layout | None = None) -> Layout:
    """Each grid axis (in random order) unused, appended to a random dim, or partial (only axes
    already partial in `partial_of`, with its reduce: a plan cannot create partial results)."""
    dims, partial = [[] for _ in range(rank)], []
    for a in rng.permutation(grid.rank):
        choice = int(rng.integers(-2, rank))
        if choice == -2 and (partial_of is None or a in partial_of.partial):
            partial.append(int(a))
        elif choice >= 0:
            dims[choice].append(int(a))
    reduce = partial_of.reduce if partial_of else str(rng.choice(["sum", "mean", "max", "min"]))
    return Layout(tuple(map(tuple, dims)), tuple(partial), reduce)


def random_pair(grid: Grid, rng):
    shape = tuple(int(rng.choice([4, 8, 12, 16])) for _ in range(int(rng.integers(1, 4))))
    while True:
        src = random_layout(len(shape), grid, rng)
        dst = random_layout(len(shape), grid, rng, partial_of=src)
        try:
            src.check(grid, shape)
            dst.check(grid, shape)
            return shape, src, dst
        except ShardingError:
            continue


@pytest.mark.parametrize("grid", [Grid((2, 2)), Grid((2, 2, 2)), Grid((4, 2))], ids=str)
def test_redistribution_plans_move_every_piece_where_the_target_wants_it(grid):
    rng = np.random.default_rng(grid.size)
    seen = set()
    for _ in range(400):
        shape, src, dst = random_pair(grid, rng)
        whole = rng.standard_normal(shape)
        pieces = distribute(whole, src, grid, rng)
        steps = plan(src, dst, shape, grid)
        for step in steps:
            pieces = simulate(step, pieces, grid)
            seen.add(step.op)
        for c, mine in pieces.items():
            members = [pieces[m] for m in group(c, dst.partial, grid)]
            got = COMBINE[dst.reduce](np.stack(members), axis=0) if dst.partial else mine
            np.testing.assert_allclose(got, piece(whole, dst, grid, c), rtol=1e-12, atol=1e-12,
                                       err_msg=f"{src} -> {dst} on {grid} by {[s.op for s in steps]}, device {c}")
    assert seen == {"mind.all_reduce", "mind.reduce_scatter", "mind.all_gather", "mind.all_to_all", "mind.shard_slice"}


@pytest.mark.parametrize("src,dst,ops", [
    ("[{0}, {}]", "[{0}, {}]", []),
    ("[{}, {}] sum{0}", "[{}, {}]", ["mind.all_reduce"]),
    ("[{}, {}] sum{0}", "[{0}, {}]", ["mind.reduce_scatter"]),
    ("[{0}, {}]", "[{}, {}]", ["mind.all_gather"]),
    ("[{0}, {}]", "[{}, {0}]", ["mind.all_to_all"]),
    ("[{}, {}]", "[{}, {0, 1}]", ["mind.shard_slice"]),
    ("[{0, 1}, {}]", "[{}, {}]", ["mind.all_gather"]),     # one gather over both axes
])
def test_redistribution_uses_one_collective_where_one_suffices(src, dst, ops):
    steps = plan(Layout.parse(src), Layout.parse(dst), (8, 8), Grid((2, 2)))
    assert [s.op for s in steps] == ops


@pytest.mark.parametrize("src,dst,message", [
    ("[{0}]", "[{0}, {}]", "different ranks"),
    ("[{}, {}]", "[{}, {}] sum{0}", "partial results cannot be made"),
    ("[{}, {}] sum{0}", "[{}, {}] max{0}", "partial results cannot be made"),
])
def test_redistribution_rejects_impossible_targets(src, dst, message):
    with pytest.raises(ShardingError, match=message):
        plan(Layout.parse(src), Layout.parse(dst), (8, 8), Grid((2, 2)))


def test_bytes_moved_per_device():
    grid = Grid((4,))
    reduce, gather = plan(Layout.parse("[{}] sum{0}"), Layout.parse("[{}]"), (8,), grid)[0], \
        plan(Layout.parse("[{0}]"), Layout.parse("[{}]"), (8,), grid)[0]
    assert bytes_moved(reduce, grid, 4) == 2 * 3 / 4 * 8 * 4     # ring all-reduce of 8 floats
    assert bytes_moved(gather, grid, 4) == 3 * 2 * 4              # 3 pieces of 2 floats
    assert bytes_moved(plan(Layout.parse("[{}]"), Layout.parse("[{0}]"), (8,), grid)[0], grid, 4) == 0
