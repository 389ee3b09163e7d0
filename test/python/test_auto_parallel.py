"""The auto-parallel cost model and strategy search (sharding/cost.py, sharding/search.py).

The search is checked against brute force over every assignment of small random graphs, on
several grids; the cost model against α–β times worked out by hand; the GPT simulation's claim
(the search at least as cheap as Megatron's hand strategy) on a 2-layer model at 64 devices.
"""
from __future__ import annotations

import importlib.util
import itertools
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from mindc.rules.base import Sig
from mindc.sharding import Grid, Layout, einsum
from mindc.sharding.cost import Link, Machine, op_time, parse_bytes, redistribution_time
from mindc.sharding.search import (CostTables, Graph, InfeasibleError, IntractableError, eliminate, evaluate,
                                   search)
from mindc.sharding.spec import Assignment

# Round numbers, so that expected times can be worked out by hand.
MACHINE = Machine(flop_rate=1e9, memory_bandwidth=1e9, links=(Link(alpha=1e-5, beta=1e-9),))
COMPUTE_ONLY = Machine(flop_rate=1e9, memory_bandwidth=math.inf, links=(Link(alpha=1e-5, beta=1e-9),))
TWO_LINKS = Machine(flop_rate=1e9, memory_bandwidth=1e9,
                    links=(Link(alpha=1e-4, beta=1e-8), Link(alpha=1e-6, beta=1e-10)))
REL = 1e-12


# ---- cost model

def test_splitting_a_product_over_two_devices_halves_its_compute():
    x, w, y = Sig((64, 32), "f32"), Sig((32, 16), "f32"), Sig((64, 16), "f32")
    spec = einsum("mk,kn->mn", [x, w], [y])
    flops = 2 * 64 * 32 * 16
    whole = op_time(spec, Assignment(), flops, [x, w], [y], Grid((2,)), COMPUTE_ONLY)
    assert whole == pytest.approx(flops / 1e9, rel=REL)
    for factor in ("m", "n", "k"):
        half = op_time(spec, Assignment.of({factor: (0,)}), flops, [x, w], [y], Grid((2,)), COMPUTE_ONLY)
        assert half == pytest.approx(whole / 2, rel=REL)


def test_memory_traffic_counts_local_operands_and_results():
    x, y = Sig((64, 32), "f32"), Sig((64, 32), "f32")
    spec = einsum("ab->ab", [x], [y])
    no_compute = Machine(flop_rate=math.inf, memory_bandwidth=1e9, links=MACHINE.links)
    split = op_time(spec, Assignment.of({"a": (0,)}), 0, [x], [y], Grid((4,)), no_compute)
    assert split == pytest.approx(2 * 16 * 32 * 4 / 1e9, rel=REL)


# (source layout, target layout, rounds, bytes each device sends) for a 16x8 f32 tensor
# (512 bytes) over the 4 devices of one grid axis: log2(4) rounds of recursive halving or
# doubling, twice for an all-reduce; n-1 pairwise exchanges for an all-to-all.
COLLECTIVES = {
    "all_reduce": ("[{}, {}] sum{0}", "[{}, {}]", 4, 2 * 3 / 4 * 512),
    "all_gather": ("[{0}, {}]", "[{}, {}]", 2, 3 * 128),
    "reduce_scatter": ("[{}, {}] sum{0}", "[{0}, {}]", 2, 3 / 4 * 512),
    "all_to_all": ("[{0}, {}]", "[{}, {0}]", 3, 3 / 4 * 128),
    "shard_slice": ("[{}, {}]", "[{0}, {}]", 0, 0),
}


@pytest.mark.parametrize("collective", sorted(COLLECTIVES))
def test_each_collective_costs_its_rounds_of_alpha_and_its_bytes_of_beta(collective):
    src, dst, rounds, sent = COLLECTIVES[collective]
    t = redistribution_time(Layout.parse(src), Layout.parse(dst), Sig((16, 8), "f32"), Grid((4,)), MACHINE)
    assert t == pytest.approx(rounds * 1e-5 + sent * 1e-9, rel=REL)


def test_a_collective_over_two_axes_runs_at_the_slower_links_rates():
    grid, sig = Grid((2, 2)), Sig((16, 8), "f32")
    both = redistribution_time(Layout.parse("[{}, {}] sum{0, 1}"), Layout.parse("[{}, {}]"), sig, grid, TWO_LINKS)
    assert both == pytest.approx(4 * 1e-4 + 2 * 3 / 4 * 512 * 1e-8, rel=REL)
    fast = redistribution_time(Layout.parse("[{}, {}] sum{1}"), Layout.parse("[{}, {}]"), sig, grid, TWO_LINKS)
    assert fast == pytest.approx(2 * 1e-6 + 2 * 1 / 2 * 512 * 1e-10, rel=REL)


@pytest.mark.parametrize("text,size", [("1000000", 10 ** 6), ("512MiB", 512 << 20), ("16GB", 16 * 10 ** 9),
                                       ("1.5GiB", 3 << 29)])
def test_memory_sizes_parse_with_units(text, size):
    assert parse_bytes(text) == size


@pytest.mark.parametrize("text", ["lots", "12XB", "-5", "0"])
def test_memory_sizes_that_are_not_sizes_are_rejected(text):
    with pytest.raises(ValueError, match="memory size"):
        parse_bytes(text)


# ---- the exact elimination and the search against brute force

def test_elimination_is_exact_on_random_graphs_with_cycles():
    rng = np.random.default_rng(0)
    for trial in range(20):
        sizes = list(rng.integers(1, 5, size=6))
        unary = [rng.standard_normal(k) for k in sizes]
        edges = [(i, j) for i, j in itertools.combinations(range(6), 2) if rng.random() < 0.5]
        pairs = {(i, j): rng.standard_normal((sizes[i], sizes[j])) for i, j in edges}

        def total(x):
            return sum(u[k] for u, k in zip(unary, x)) + sum(t[x[i], x[j]] for (i, j), t in pairs.items())

        best = min(total(x) for x in itertools.product(*(range(k) for k in sizes)))
        assert total(eliminate(sizes, unary, pairs)) == pytest.approx(best, abs=1e-12), trial


def test_a_table_over_the_limit_makes_the_graph_intractable():
    sizes = [4] * 4
    pairs = {(i, j): np.zeros((4, 4)) for i, j in itertools.combinations(range(4), 2)}
    with pytest.raises(IntractableError, match="table of 256 entries"):
        eliminate(sizes, [np.zeros(4)] * 4, pairs, max_entries=100)


# Ops of random graphs: notation, and how many operands of the graph's one shape it takes.
MENU = [("mk,kn->mn", 2), ("ab,ab->ab", 2), ("ab->ab", 1), ("ab->ba", 1), ("aB->aB", 1)]


def random_graph(rng, ops: int, n: int = 8) -> Graph:
    """Arguments and ops on n x n f32 values, each op reading random earlier values; the last
    value returned, the sum of all of it as a scalar result too."""
    g, sig = Graph(), Sig((n, n), "f32")
    values = [g.add_argument(f"argument {i}", sig) for i in range(2)]
    for _ in range(ops):
        notation, arity = MENU[rng.integers(len(MENU))]
        flops = int(rng.integers(1, 10 ** 6))
        node = g.add_op(notation, einsum(notation, [sig] * arity, [sig]), [sig] * arity, [sig], flops)
        for k in range(arity):
            g.connect(values[rng.integers(len(values))], 0, node, k)
        values.append(node)
    loss = g.add_op("sum", einsum("ab->", [sig], [Sig((), "f32")]), [sig], [Sig((), "f32")], n * n)
    g.connect(values[-1], 0, loss, 0)
    for src, label in ((values[-1], "result 0"), (loss, "result 1")):
        result = g.add_result(label, g.nodes[src].outs[0])
        g.connect(src, 0, result, 0)
    return g


def brute_force(g: Graph, grid: Grid, machine: Machine, memory_limit=None) -> tuple[float, float]:
    """(least time, least memory) over every assignment, time among those within memory_limit:
    each node's and edge's costs broadcast to one array over all combinations of candidates."""
    tables = CostTables(g, grid, machine)
    cands = [tables.candidates(i) for i in range(len(g.nodes))]
    shape = [len(tables.lists[c]) for c in cands]

    def spread(table, axes):
        return np.asarray(table).reshape([shape[a] if a in axes else 1 for a in range(len(shape))])

    time, memory = np.zeros(shape), np.zeros(shape)
    for i, c in enumerate(cands):
        assert tables.lists[c] == tuple(g.nodes[i].spec.candidates(grid))
        t, m = tables.node(i, c)
        time, memory = time + spread(t, (i,)), memory + spread(m, (i,))
    for e in g.edges:
        table = tables.edge(e, cands[e.src], cands[e.dst])
        time = time + spread(table if e.src < e.dst else table.T, (e.src, e.dst))
    feasible = time if memory_limit is None else np.where(memory <= memory_limit, time, np.inf)
    return feasible.min(), memory.min()


@pytest.mark.parametrize("grid,ops", [((2,), 4), ((4,), 4), ((8,), 3), ((2, 2), 3), ((2, 1), 2)])
def test_dp_finds_the_least_time_of_all_assignments(grid, ops):
    grid = Grid(grid)
    rng = np.random.default_rng(sum(grid.shape) + ops)
    for trial in range(3):
        g = random_graph(rng, ops)
        best, _ = brute_force(g, grid, MACHINE)
        found = search(g, grid, MACHINE, "dp")
        assert found.time == pytest.approx(best, rel=1e-9), trial
        # evaluate() costs the strategy on its own, without the search's tables.
        assert evaluate(g, grid, MACHINE, found.assignments).time == pytest.approx(found.time, rel=1e-12)


@pytest.mark.parametrize("grid", [(2, 2), (4, 2)])
def test_recursive_finds_a_valid_strategy_no_better_than_the_optimum(grid):
    grid = Grid(grid)
    rng = np.random.default_rng(7)
    for _ in range(3):
        g = random_graph(rng, 3)
        exact, found = search(g, grid, MACHINE, "dp"), search(g, grid, MACHINE, "recursive")
        assert found.time >= exact.time * (1 - 1e-12)
        assert found.time <= evaluate(g, grid, MACHINE, [Assignment()] * len(g.nodes)).time  # no worse than replicated


@pytest.mark.parametrize("algorithm", ["dp", "recursive"])
def test_the_search_is_deterministic(algorithm):
    rng = np.random.default_rng(3)
    g = random_graph(rng, 6)
    first = search(g, Grid((2, 2)), MACHINE, algorithm)
    for _ in range(2):
        again = search(g, Grid((2, 2)), MACHINE, algorithm)
        assert again.assignments == first.assignments and again.time == first.time


def test_a_memory_limit_gives_a_strategy_within_it_and_none_below_the_least_memory():
    g, grid = random_graph(np.random.default_rng(5), 4, n=16), Grid((4,))
    fastest = search(g, grid, MACHINE)
    best, least = brute_force(g, grid, MACHINE)
    assert fastest.memory > least  # the limit below has something to do
    limit = (fastest.memory + least) / 2
    fit = search(g, grid, MACHINE, memory_limit=limit)
    assert fit.memory <= limit and fit.time >= fastest.time
    feasible_best, _ = brute_force(g, grid, MACHINE, memory_limit=limit)
    assert fit.time >= feasible_best * (1 - 1e-12)
    assert search(g, grid, MACHINE, memory_limit=least).memory == least
    with pytest.raises(InfeasibleError, match="no strategy fits"):
        search(g, grid, MACHINE, memory_limit=least - 1)


def test_an_unknown_algorithm_is_rejected():
    with pytest.raises(ValueError, match="unknown algorithm 'greedy'"):
        search(random_graph(np.random.default_rng(0), 1), Grid((2,)), MACHINE, "greedy")


# ---- the simulation (bench/auto_parallel_scale.py)

def load_scale_bench():
    path = Path(__file__).resolve().parents[2] / "bench" / "auto_parallel_scale.py"
    spec = importlib.util.spec_from_file_location("auto_parallel_scale", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["auto_parallel_scale"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_search_is_at_least_as_cheap_as_megatron_on_a_2_layer_gpt_at_64_devices():
    bench = load_scale_bench()
    row = bench.simulate(bench.Config(layers=2), 64)
    assert row.grid == Grid((8, 2, 2, 2))
    assert row.found.time <= row.hand.time
    # Megatron's strategy as the bench writes it: 8-way data parallel, 8-way tensor parallel.
    assert "q b8 h8" in row.hand_summary and "mlp2 b8 f8" in row.hand_summary
    # The hand strategy redistributes only where Megatron communicates: after the row-parallel
    # products, and the data-parallel gradients; the cost model sees those and nothing else.
    assert 0 < row.hand.communication < row.hand.time
