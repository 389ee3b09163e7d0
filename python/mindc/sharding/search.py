"""The strategy search: an assignment for every op of a graph, of least predicted step time.

The graph: a node per op, with its sharding spec and its candidate assignments on the grid
(spec.candidates); a node per function argument, which chooses its layout too (a parameter is laid
out the way its consumers want it: no redistribution at the start); a node per function result,
its layout (a scalar, the loss, can only be replicated, so its partial sums are combined). Edges
are values, from a producer's result to a consumer's operand, or to the argument whose new value
a result is (a parameter's update lands in the parameter's layout). A strategy costs the times of
its nodes plus the redistribution time of its edges (cost.py); its memory per device is the sum
of its nodes' local bytes.

Two algorithms, both deterministic (candidates in spec.candidates' order, ties to the first;
elimination ties to the lower node):

- "dp", exact. MindSpore's dynamic programming eliminates the graph: a node with one neighbour
  merges into it (the node's best choice for each choice of the neighbour's), a node with two
  into an edge between them, parallel edges merge. That is variable elimination restricted to
  degrees 1 and 2; here every node is eliminated that way, the one whose table (its neighbours'
  candidates multiplied) is least first, which is exact on any graph. A table over `max_entries`
  makes the graph intractable (IntractableError).
- "recursive", MindSpore's recursive programming, which cuts the grid one axis at a time: each
  axis, largest first, is decided for every node at once (which factor it splits, or none) with
  the exact elimination above over those few choices, given the axes decided so far; then rounds
  over the axes again, each re-decided with the others fixed, until none changes. Each step is
  exact for its axis (its current choice is among the options), so without a memory limit the
  cost never rises; the result is a local optimum.

Under a memory limit the search minimises time + λ·memory with the least λ (bisection) whose
strategy fits: Lagrangian relaxation, which finds the best strategies on the convex hull of
(time, memory), so one within the limit but not always the fastest one. It is infeasible when
even the least-memory strategy (found exactly: memory is a sum over nodes) does not fit.
"""
from __future__ import annotations

import heapq
import itertools
import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from mindc.rules.base import Sig
from mindc.sharding.cost import CPU, Machine, local_bytes, op_time, redistribution_time
from mindc.sharding.layout import Grid, Layout, ShardingError
from mindc.sharding.spec import Assignment, ShardingSpec, value_spec

ALGORITHMS = ("dp", "recursive")
# Largest table the exact elimination builds (float64 entries: 128 MiB).
MAX_ENTRIES = 1 << 24


class IntractableError(ShardingError):
    """The exact search would build a table too large for memory."""


class InfeasibleError(ShardingError):
    """No strategy fits the memory limit."""


@dataclass
class Node:
    """An op of the graph (or an argument, or a result): its spec, signatures and flops.
    `resident[i]` says whether result i takes memory of its own (a parameter's new value written
    into the parameter's buffer does not)."""

    label: str
    spec: ShardingSpec
    ins: tuple[Sig, ...]
    outs: tuple[Sig, ...]
    flops: int = 0
    resident: tuple[bool, ...] = ()
    # An argument whose layout is given (each rank passes its shard of a batch): its one candidate.
    pinned: Layout | None = None

    def __post_init__(self):
        self.resident = tuple(self.resident) or (True,) * len(self.outs)


@dataclass(frozen=True)
class Edge:
    """A value from result `result` of node `src` into operand `port` of node `dst`, or, with
    into_result, into the layout of dst's result `port` (a parameter's new value)."""

    src: int
    result: int
    dst: int
    port: int
    into_result: bool = False


@dataclass
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def add_op(self, label: str, spec: ShardingSpec, ins: Sequence[Sig], outs: Sequence[Sig], flops: int = 0,
               resident: Sequence[bool] = ()) -> int:
        self.nodes.append(Node(label, spec, tuple(ins), tuple(outs), flops, tuple(resident)))
        return len(self.nodes) - 1

    def add_argument(self, label: str, sig: Sig, pinned: Layout | None = None) -> int:
        """A function argument: it holds its value in the layout it chooses, or in `pinned`."""
        i = self.add_op(label, value_spec(sig, 0, 1), (), (sig,))
        self.nodes[i].pinned = pinned
        return i

    def add_result(self, label: str, sig: Sig) -> int:
        """A function result: the layout it is returned in (its memory is its producer's)."""
        return self.add_op(label, value_spec(sig, 1, 1), (sig,), (sig,),
                           resident=(False,))

    def connect(self, src: int, result: int, dst: int, operand: int) -> None:
        self.edges.append(Edge(src, result, dst, operand))

    def tie(self, src: int, result: int, argument: int) -> None:
        """Result `result` of src is the new value of `argument`: it ends in the argument's layout."""
        self.edges.append(Edge(src, result, argument, 0, into_result=True))


@dataclass(frozen=True)
class Strategy:
    """An assignment per node and what the cost model predicts for it. node_time[i]: node i's
    op time plus the redistribution of the values it receives."""

    assignments: tuple[Assignment, ...]
    node_time: tuple[float, ...]
    compute: float
    communication: float
    memory: int

    @property
    def time(self) -> float:
        return self.compute + self.communication


class CostTables:
    """The graph's costs on one grid and machine, tabulated for lists of candidates. Nodes of one
    kind (same spec, signatures and flops: the ops of a model's repeated layers) share their
    costs, and edges between nodes of the same kinds their tables, so each is computed once;
    candidate lists are interned, their number naming them in those caches."""

    def __init__(self, graph: Graph, grid: Grid, machine: Machine):
        self.graph, self.grid, self.machine = graph, grid, machine
        kinds: dict[tuple, int] = {}
        self.kind = [kinds.setdefault((n.spec, n.ins, n.outs, n.flops, n.resident, n.pinned), len(kinds))
                     for n in graph.nodes]
        self.lists: list[tuple[Assignment, ...]] = []
        self._list_ids: dict[tuple[Assignment, ...], int] = {}
        self._candidates: dict[int, int] = {}
        self._options: dict[tuple[int, Assignment, int], int] = {}
        self._nodes: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
        self._edges: dict[tuple, np.ndarray] = {}

    def intern(self, cands: Sequence[Assignment]) -> int:
        key = tuple(cands)
        if key not in self._list_ids:
            self._list_ids[key] = len(self.lists)
            self.lists.append(key)
        return self._list_ids[key]

    def candidates(self, i: int) -> int:
        """Node i's every candidate (spec.candidates; a pinned argument's one), as an interned list."""
        kind = self.kind[i]
        if kind not in self._candidates:
            pinned = self.pinned(i)
            cands = [pinned] if pinned is not None else list(self.graph.nodes[i].spec.candidates(self.grid))
            self._candidates[kind] = self.intern(cands)
        return self._candidates[kind]

    def pinned(self, i: int) -> Assignment | None:
        """The assignment of a pinned argument's layout (None for every other node)."""
        n = self.graph.nodes[i]
        return None if n.pinned is None else n.spec.assignment_of((), (n.pinned,), self.grid)

    def axis_options(self, i: int, a: Assignment, axis: int) -> int:
        """axis_options of node i, as an interned list."""
        key = (self.kind[i], a, axis)
        if key not in self._options:
            pinned = self.pinned(i)
            options = [pinned] if pinned is not None else axis_options(self.graph.nodes[i].spec, a, axis, self.grid)
            self._options[key] = self.intern(options)
        return self._options[key]

    def node(self, i: int, cands: int) -> tuple[np.ndarray, np.ndarray]:
        """Time and memory of node i under each candidate of the list `cands`."""
        key = (self.kind[i], cands)
        if key not in self._nodes:
            n, g = self.graph.nodes[i], self.grid
            time, memory = [], []
            for a in self.lists[cands]:
                time.append(op_time(n.spec, a, n.flops, n.ins, n.outs, g, self.machine))
                memory.append(sum(local_bytes(s, n.spec.result_layout(r, a), g)
                                  for r, s in enumerate(n.outs) if n.resident[r]))
            self._nodes[key] = (np.array(time, dtype=np.float64), np.array(memory, dtype=np.float64))
        return self._nodes[key]

    def edge(self, e: Edge, src_cands: int, dst_cands: int) -> np.ndarray:
        """Redistribution time of edge e for each pair (src candidate, dst candidate)."""
        key = (self.kind[e.src], e.result, self.kind[e.dst], e.port, e.into_result, src_cands, dst_cands)
        if key not in self._edges:
            src, dst = self.graph.nodes[e.src], self.graph.nodes[e.dst]
            sig = src.outs[e.result]
            src_layouts, src_index = _unique([src.spec.result_layout(e.result, a) for a in self.lists[src_cands]])
            into = dst.spec.result_layout if e.into_result else dst.spec.operand_layout
            dst_layouts, dst_index = _unique([into(e.port, a) for a in self.lists[dst_cands]])
            table = np.array([[redistribution_time(x, y, sig, self.grid, self.machine) for y in dst_layouts]
                              for x in src_layouts], dtype=np.float64)
            self._edges[key] = table[np.ix_(src_index, dst_index)]
        return self._edges[key]


def _unique(layouts: Sequence[Layout]) -> tuple[list[Layout], np.ndarray]:
    index: dict[Layout, int] = {}
    positions = np.array([index.setdefault(x, len(index)) for x in layouts], dtype=np.intp)
    return list(index), positions


def search(graph: Graph, grid: Grid, machine: Machine = CPU, algorithm: str = "dp",
           memory_limit: float | None = None, max_entries: int = MAX_ENTRIES) -> Strategy:
    """The strategy of least predicted time (exact for "dp") whose memory per device fits
    memory_limit; IntractableError or InfeasibleError if there is none to give."""
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown algorithm '{algorithm}'; expected one of {', '.join(ALGORITHMS)}")
    tables = CostTables(graph, grid, machine)
    if algorithm == "dp":
        cands = [tables.candidates(i) for i in range(len(graph.nodes))]
        choice = _solve(tables, cands, memory_limit, max_entries)
        assignments = [tables.lists[c][k] for c, k in zip(cands, choice)]
    else:
        assignments = _recursive(tables, memory_limit, max_entries)
    return evaluate(graph, grid, machine, assignments)


def _recursive(tables: CostTables, memory_limit: float | None, max_entries: int) -> list[Assignment]:
    graph, grid = tables.graph, tables.grid
    current = [tables.pinned(i) or Assignment() for i in range(len(graph.nodes))]
    axes = sorted(range(grid.rank), key=lambda a: (-grid.shape[a], a))
    settled = 0  # axes re-decided in a row, under the limit, without a change
    for sweep in range(2 * grid.rank + 1):
        for k, axis in enumerate(axes):
            # The first sweep decides the axes one by one: the memory limit applies once all are.
            limit = memory_limit if sweep or k == len(axes) - 1 else None
            cands = [tables.axis_options(i, a, axis) for i, a in enumerate(current)]
            choice = _solve(tables, cands, limit, max_entries)
            chosen = [tables.lists[c][k] for c, k in zip(cands, choice)]
            settled = settled + 1 if chosen == current and limit == memory_limit else 0
            current = chosen
            if settled == len(axes):
                return current  # each axis is best given all the others
    return current


def axis_options(spec: ShardingSpec, assignment: Assignment, axis: int, grid: Grid) -> list[Assignment]:
    """The assignment with `axis` taken off its factor, then given to each splittable factor
    (valid ones only; the assignment itself is always among them)."""
    base = {f: tuple(a for a in axes if a != axis) for f, axes in assignment.axes}
    options = [Assignment.of(base)]
    for f in spec.splittable():
        mapping = dict(base)
        mapping[f.name] = tuple(sorted((*mapping.get(f.name, ()), axis)))
        options.append(Assignment.of(mapping))
    valid = []
    for a in options:
        try:
            spec.check(a, grid)
        except ShardingError:
            continue
        if a not in valid:
            valid.append(a)
    return valid


def _solve(tables: CostTables, cands: list[int], memory_limit: float | None, max_entries: int) -> list[int]:
    """Index of the chosen candidate per node (in its interned list `cands[i]`): least time,
    within memory_limit."""
    times, memories = zip(*(tables.node(i, c) for i, c in enumerate(cands)))
    pairs: dict[tuple[int, int], np.ndarray] = {}
    for e in tables.graph.edges:
        table = tables.edge(e, cands[e.src], cands[e.dst])
        key, table = ((e.src, e.dst), table) if e.src < e.dst else ((e.dst, e.src), table.T)
        pairs[key] = pairs[key] + table if key in pairs else table  # parallel edges merge
    sizes = [len(tables.lists[c]) for c in cands]

    def solve(unary):
        return eliminate(sizes, unary, pairs, max_entries)

    def memory(choice):
        return sum(m[k] for m, k in zip(memories, choice))

    choice = solve(list(times))
    if memory_limit is None or memory(choice) <= memory_limit:
        return choice
    smallest = solve(list(memories))
    if memory(smallest) > memory_limit:
        raise InfeasibleError(f"no strategy fits {memory_limit:.4g} bytes per device: the least memory "
                              f"one takes {memory(smallest):.4g}")
    # Candidates that cannot fit whatever the others choose are dropped (exact), then the least
    # λ whose strategy fits: doubled until one fits, then bisected. The least-memory strategy is
    # what is left should no λ in range fit (time differences below float resolution).
    floor = sum(m.min() for m in memories)
    times = [np.where(m + floor - m.min() > memory_limit, np.inf, t) for t, m in zip(times, memories)]
    lo, hi = 0.0, sum(t[np.isfinite(t)].max(initial=0.0) for t in times) / max(memory(smallest), 1.0)
    for _ in range(64):
        fit = solve([t + hi * m for t, m in zip(times, memories)])
        if memory(fit) <= memory_limit:
            break
        lo, hi = hi, 2 * hi
    else:
        return smallest
    for _ in range(30):
        mid = (lo + hi) / 2
        trial = solve([t + mid * m for t, m in zip(times, memories)])
        if memory(trial) <= memory_limit:
            hi, fit = mid, trial
        else:
            lo = mid
    return fit


def eliminate(sizes: Sequence[int], unary: Sequence[np.ndarray], pairs: dict[tuple[int, int], np.ndarray],
              max_entries: int = MAX_ENTRIES) -> list[int]:
    """argmin over x of sum_i unary[i][x_i] + sum_(i,j) pairs[i, j][x_i, x_j], by variable
    elimination (exact); IntractableError if a table would exceed max_entries."""
    factors: dict[int, tuple[tuple[int, ...], np.ndarray]] = {}
    touching: list[set[int]] = [set() for _ in sizes]  # the factors over each variable
    adjacent: list[set[int]] = [set() for _ in sizes]  # the variables sharing a factor with each
    ids = itertools.count()

    def add(scope: tuple[int, ...], table: np.ndarray) -> None:
        if not scope:
            return  # a constant: it moves no argmin
        for f in set.intersection(*(touching[v] for v in scope)):
            if factors[f][0] == scope:  # parallel edges merge
                factors[f] = (scope, factors[f][1] + table)
                return
        fid = next(ids)
        factors[fid] = (scope, table)
        for v in scope:
            touching[v].add(fid)
            adjacent[v].update(scope)
            adjacent[v].discard(v)

    for v, u in enumerate(unary):
        add((v,), np.asarray(u, dtype=np.float64))
    for (i, j), table in sorted(pairs.items()):
        add((i, j), table)

    def weight(v: int) -> int:
        return math.prod(sizes[w] for w in adjacent[v])

    heap = [(weight(v), v) for v in range(len(sizes))]
    heapq.heapify(heap)
    done = [False] * len(sizes)
    eliminated: list[tuple[int, tuple[int, ...], np.ndarray]] = []
    while heap:
        w, v = heapq.heappop(heap)
        if done[v]:
            continue
        if weight(v) != w:  # stale: its neighbours changed since it was pushed
            heapq.heappush(heap, (weight(v), v))
            continue
        if w * sizes[v] > max_entries:
            raise IntractableError(f"the exact search needs a table of {w * sizes[v]} entries "
                                   f"(limit {max_entries}): the graph is too interconnected")
        scope = tuple(sorted(adjacent[v]))
        position = {x: k for k, x in enumerate((*scope, v))}
        combined = np.zeros([sizes[x] for x in (*scope, v)])
        for f in touching[v]:
            fscope, table = factors.pop(f)
            for x in fscope:
                if x != v:
                    touching[x].discard(f)
            order = sorted(range(len(fscope)), key=lambda k: position[fscope[k]])
            shape = [1] * len(position)
            for k in order:
                shape[position[fscope[k]]] = sizes[fscope[k]]
            combined = combined + np.transpose(table, order).reshape(shape)
        for x in scope:
            adjacent[x].discard(v)
        done[v] = True
        best = np.argmin(combined, axis=-1)
        eliminated.append((v, scope, best))
        add(scope, np.take_along_axis(combined, best[..., None], axis=-1)[..., 0])
        for x in scope:
            heapq.heappush(heap, (weight(x), x))
    choice = [0] * len(sizes)
    for v, scope, best in reversed(eliminated):
        choice[v] = int(best[tuple(choice[x] for x in scope)])
    return choice


def evaluate(graph: Graph, grid: Grid, machine: Machine, assignments: Sequence[Assignment]) -> Strategy:
    """What the cost model predicts for one assignment per node (each checked on the grid)."""
    node_time, memory = [], 0
    for n, a in zip(graph.nodes, assignments):
        n.spec.check(a, grid)
        node_time.append(op_time(n.spec, a, n.flops, n.ins, n.outs, grid, machine))
        memory += sum(local_bytes(s, n.spec.result_layout(r, a), grid) for r, s in enumerate(n.outs) if n.resident[r])
    compute = sum(node_time)
    for e in graph.edges:
        src, dst = graph.nodes[e.src], graph.nodes[e.dst]
        a_src, a_dst = assignments[e.src], assignments[e.dst]
        into = dst.spec.result_layout(e.port, a_dst) if e.into_result else dst.spec.operand_layout(e.port, a_dst)
        node_time[e.dst] += redistribution_time(src.spec.result_layout(e.result, a_src), into, src.outs[e.result],
                                                grid, machine)
    return Strategy(tuple(assignments), tuple(node_time), compute, sum(node_time) - compute, memory)
