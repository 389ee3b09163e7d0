"""Auto-parallel at scale, by simulation: the strategy search on a GPT training step, 8 to 4,096 devices.

    python bench/auto_parallel_scale.py --out bench/RESULTS.md   # replaces its "## Auto-parallel at scale" section
    python bench/auto_parallel_scale.py --layers 2 --devices 64 --out -

Nothing runs on the devices: the cost model (python/mindc/sharding/cost.py) predicts, and the
search (sharding/search.py, the code mind-auto-parallel runs) chooses. The model is a GPT-style
Transformer (pre-LayerNorm, fused attention, GELU MLP, no biases) of hidden 4096, MLP 16384,
32 heads, sequence 2048, 24 layers, with a final LayerNorm, the LM head (vocabulary 51200) and
the cross-entropy loss; the embedding lookup is left out (its input is the step's argument).
One training step on the global batch: forward, backward (derived below from each op's factor
notation) and an Adam update per parameter, with bf16 weights, activations and gradients and
float32 Adam moments and master weights.

Devices are A100-class, 8 to a node: the grid is [nodes, 2, 2, 2], axis 0 across nodes
(InfiniBand, slow), axes 1-3 within a node (NVLink), so the search can choose any split of a
node. The hand strategy is Megatron-LM's: tensor parallel over the node (QKV and the first MLP
matmul split by columns, attention by heads, the output and second MLP matmul by rows, the LM
head by vocabulary) and data parallel across nodes, every other op following. Both are costed by
the same model; the search must be at least as cheap.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))
from report import machine, write_section  # noqa: E402

from mindc.rules.base import Sig  # noqa: E402
from mindc.sharding.cost import Link, Machine  # noqa: E402
from mindc.sharding.layout import Grid  # noqa: E402
from mindc.sharding.search import Graph, InfeasibleError, Strategy, evaluate, search  # noqa: E402
from mindc.sharding.spec import Assignment, einsum  # noqa: E402

SECTION = "## Auto-parallel at scale"
DEVICES = (8, 64, 256, 1024, 4096)

# A100-class devices in nodes of 8: bf16 tensor cores at half their 312 TFLOP/s peak, HBM2e at
# 2 TB/s; NVLink 300 GB/s per direction within a node; one 200 Gb/s InfiniBand port per device
# across nodes. Nominal figures, not measured here (no such machine).
A100_NODES = Machine(flop_rate=156e12, memory_bandwidth=2.0e12,
                     links=(Link(alpha=10e-6, beta=1 / 25e9), Link(alpha=3e-6, beta=1 / 300e9)))
MEMORY_LIMIT = 80 * 2 ** 30


@dataclass(frozen=True)
class Config:
    layers: int = 24
    batch: int = 512     # sequences per step (GPT-3 and Megatron-LM train at 512-1536)
    seq: int = 2048
    hidden: int = 4096
    heads: int = 32
    mlp: int = 16384
    vocab: int = 51200

    def sizes(self) -> dict[str, int]:
        """Each factor letter's size; an uppercase letter is the same loop, kept whole."""
        s = {"b": self.batch, "s": self.seq, "m": self.hidden, "h": self.heads, "d": self.hidden // self.heads,
             "f": self.mlp, "v": self.vocab}
        s.update({"t": self.seq, **{k.upper(): v for k, v in s.items()}, "T": self.seq})
        return s


@dataclass(frozen=True)
class Value:
    node: int
    result: int
    dims: str   # its factor letters, one per dimension
    dtype: str


class StepBuilder:
    """A training step as a search Graph. Ops are einsums over named factors (sharding/spec.py's
    notation; uppercase: needed whole). Each forward op is recorded with how it differentiates:
    "product" (multilinear: the cotangent of an operand is the einsum of the other operands and
    the result's cotangent), "sum" (of its operands: the cotangent, reduced to the operand's
    factors) or "pointwise" (nonlinear: an op of the same factors over the operands and the
    result's cotangent, `cost` flops per point)."""

    def __init__(self, cfg: Config):
        self.sizes, self.graph = cfg.sizes(), Graph()
        self.tape: list[tuple[str, str, list[Value], list[str], Value, float]] = []
        self.params: list[Value] = []

    def sig(self, dims: str, dtype: str) -> Sig:
        return Sig(tuple(self.sizes[c] for c in dims), dtype)

    def argument(self, label: str, dims: str, dtype: str = "bf16") -> Value:
        return Value(self.graph.add_argument(label, self.sig(dims, dtype)), 0, dims, dtype)

    def parameter(self, label: str, dims: str) -> Value:
        p = self.argument(label, dims)
        self.params.append(p)
        return p

    def einsum(self, label: str, notation: str, ins: list[Value], flops: float, dtype: str = "bf16",
               outs: int = 1, resident: tuple[bool, ...] = ()) -> list[Value]:
        lhs, _, rhs = notation.partition("->")
        out_dims = rhs.split(",")[:outs] if outs > 1 else [rhs]
        in_sigs = [self.sig(d, v.dtype) for d, v in zip(lhs.split(","), ins)]
        out_sigs = [self.sig(d, dtype if i == 0 or outs == 1 else "f32") for i, d in enumerate(out_dims)]
        node = self.graph.add_op(label, einsum(notation, in_sigs, out_sigs), in_sigs, out_sigs, int(flops), resident)
        for k, v in enumerate(ins):
            self.graph.connect(v.node, v.result, node, k)
        return [Value(node, r, d, s.dtype) for r, (d, s) in enumerate(zip(out_dims, out_sigs))]

    def op(self, label: str, kind: str, ins_dims: str, out_dims: str, ins: list[Value], cost: float = 1) -> Value:
        """A forward op, recorded for the backward pass."""
        notation = f"{ins_dims}->{out_dims}"
        out = self.einsum(label, notation, ins, self.flops(kind, notation, cost))[0]
        self.tape.append((label, kind, ins, ins_dims.split(","), out, cost))
        return out

    def flops(self, kind: str, notation: str, cost: float) -> float:
        lhs, _, rhs = notation.partition("->")
        if kind == "product":
            return 2 * math.prod(self.sizes[c] for c in dict.fromkeys(lhs.replace(",", "") + rhs))
        return cost * math.prod(self.sizes[c] for c in rhs)

    def backward(self, loss: Value) -> dict[Value, Value]:
        """Cotangents of every parameter, from loss (a scalar), by the recorded ops in reverse.
        A cotangent is built in the letters of the op it comes from (each op names its own factors)."""
        cot: dict[Value, list[Value]] = {loss: [self.argument("dloss", "", "f32")]}
        for label, kind, ins, dims, out, cost in reversed(self.tape):
            if out not in cot:
                continue
            g = self.total(cot[out])
            for i, x in enumerate(ins):
                if x.dtype == "i32":
                    continue  # labels: no gradient
                if kind == "sum":
                    notation, operands, flops = f"{out.dims}->{dims[i]}", [g], 0
                elif kind == "product":
                    others = [j for j in range(len(ins)) if j != i]
                    notation = ",".join([dims[j] for j in others] + [out.dims]) + f"->{dims[i]}"
                    operands, flops = [*(ins[j] for j in others), g], self.flops("product", notation, 1)
                else:
                    notation = ",".join([*dims, out.dims]) + f"->{dims[i]}"
                    operands, flops = [*ins, g], cost * math.prod(self.sizes[c] for c in dims[i])
                dx = self.einsum(f"d{label}/{i}", notation, operands, flops)[0]
                cot.setdefault(x, []).append(dx)
        return {p: self.total(cot[p]) for p in self.params}

    def total(self, parts: list[Value]) -> Value:
        """The sum of a value's cotangents (a value used twice has two)."""
        g = parts[0]
        for part in parts[1:]:
            d = g.dims.lower()
            g = self.einsum("accumulate", f"{d},{d}->{d}", [g, part], math.prod(self.sizes[c] for c in d))[0]
        return g

    def adam(self, p: Value, g: Value) -> None:
        """One Adam update: new weight, moments and master weight, in place of the arguments."""
        label = self.graph.nodes[p.node].label
        state = [self.argument(f"{label}.{k}", p.dims, "f32") for k in ("m", "v", "master")]
        d = p.dims
        outs = self.einsum(f"adam {label}", f"{d},{d},{d},{d},{d}->{d},{d},{d},{d}", [p, g, *state],
                           12 * math.prod(self.sizes[c] for c in d), outs=4, resident=(False,) * 4)
        for new, old in zip(outs, [p, *state]):
            self.graph.tie(new.node, new.result, old.node)


def gpt_step(cfg: Config) -> Graph:
    """The training step of cfg's GPT as a search Graph."""
    s = StepBuilder(cfg)
    x = s.argument("x", "bsm")
    for i in range(cfg.layers):
        x = layer(s, x, f"layer{i}.")
    x = layer_norm(s, x, "final.")
    logits = s.op("lm_head", "product", "bsm,vm", "bsv", [x, s.parameter("lm_head.w", "vm")])
    labels = s.argument("labels", "bs", "i32")
    # Cross-entropy, its vocabulary reduction as a sum (Megatron's vocab-parallel loss combines
    # partial maxima and sums of the same size).
    loss = s.op("cross_entropy", "pointwise", "bsv,bs", "", [logits, labels], cost=4)
    result = s.graph.add_result("loss", s.sig("", "bf16"))
    s.graph.connect(loss.node, loss.result, result, 0)
    for p, g in s.backward(loss).items():
        s.adam(p, g)
    return s.graph


def layer_norm(s: StepBuilder, x: Value, prefix: str) -> Value:
    gamma, beta = s.parameter(prefix + "ln.gamma", "m"), s.parameter(prefix + "ln.beta", "m")
    return s.op(prefix + "ln", "pointwise", "bsM,M,M", "bsM", [x, gamma, beta], cost=8)


def layer(s: StepBuilder, x: Value, p: str) -> Value:
    h = layer_norm(s, x, p + "attn_")
    q, k, v = (s.op(p + name, "product", "bsm,mhd", "bshd", [h, s.parameter(p + name + ".w", "mhd")])
               for name in ("q", "k", "v"))
    # Fused (flash) attention: keys whole per query block; two products, 4·t flops per output point.
    a = s.op(p + "attention", "pointwise", "bshD,bThD,bThD", "bshD", [q, k, v],
             cost=4 * s.sizes["T"])
    o = s.op(p + "out", "product", "bshd,hdm", "bsm", [a, s.parameter(p + "out.w", "hdm")])
    x = s.op(p + "residual1", "sum", "bsm,bsm", "bsm", [x, o])
    h = layer_norm(s, x, p + "mlp_")
    u = s.op(p + "mlp1", "product", "bsm,mf", "bsf", [h, s.parameter(p + "mlp1.w", "mf")])
    u = s.op(p + "gelu", "pointwise", "bsf", "bsf", [u], cost=8)
    o = s.op(p + "mlp2", "product", "bsf,fm", "bsm", [u, s.parameter(p + "mlp2.w", "fm")])
    return s.op(p + "residual2", "sum", "bsm,bsm", "bsm", [x, o])



def node_grid(devices: int) -> Grid:
    """Nodes of 8 devices, each node's 8 as 2x2x2 so that any power-of-two split is some axes."""
    return Grid((max(devices // 8, 1), 2, 2, 2)) if devices >= 8 else Grid((devices,))


# Megatron-LM: which factor letters the hand strategy splits, over the data-parallel axis (across
# nodes) or the tensor-parallel axes (within a node).
HAND = {"b": "dp", "h": "tp", "f": "tp", "v": "tp"}


def hand_strategy(graph: Graph, grid: Grid) -> list[Assignment]:
    """Megatron's assignment of every op; arguments take their first consumer's layout and
    results their producer's, so the hand strategy redistributes only where Megatron does."""
    axes = {"dp": (0,), "tp": tuple(range(1, grid.rank))}
    out: list[Assignment | None] = []
    for n in graph.nodes:
        names = {f.name for f in n.spec.splittable()}
        out.append(None if n.label == "loss" or not n.ins and n.outs else
                   Assignment.of({f: axes[HAND[f]] for f in names if f in HAND}))
    for e in graph.edges:
        if out[e.src] is None and out[e.dst] is not None and not e.into_result:
            layout = graph.nodes[e.dst].spec.operand_layout(e.port, out[e.dst])
            out[e.src] = Assignment.of({f"d{i}": axes for i, axes in enumerate(layout.dims)})
        if out[e.dst] is None and graph.nodes[e.dst].label == "loss":
            out[e.dst] = Assignment()
    return [a if a is not None else Assignment() for a in out]


def describe(graph: Graph, grid: Grid, strategy: Strategy, layer: int) -> str:
    """The splits of one layer's forward ops and of its first MLP weight's Adam update."""
    prefix = f"layer{layer}."
    shown = ["attn_ln", "q", "attention", "out", "mlp1", "mlp2", f"adam {prefix}mlp1.w"]
    parts = []
    for n, a in zip(graph.nodes, strategy.assignments):
        name = n.label[len(prefix):] if n.label.startswith(prefix) else n.label
        if name in shown:
            splits = " ".join(f"{f}{grid.devices(axes)}" for f, axes in a.axes) or "replicated"
            parts.append((shown.index(name), f"{name.split()[0]} {splits}"))
    return ", ".join(text for _, text in sorted(parts))


@dataclass
class Row:
    devices: int
    grid: Grid
    found: Strategy
    hand: Strategy
    seconds: float       # CPU time of the search (the machine may be shared: wall time varies)
    wall: float
    summary: str
    hand_summary: str
    limited: bool


def simulate(cfg: Config, devices: int, algorithm: str = "recursive") -> Row:
    graph, grid = gpt_step(cfg), node_grid(devices)
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        found, limited = search(graph, grid, A100_NODES, algorithm, MEMORY_LIMIT), True
    except InfeasibleError:
        found, limited = search(graph, grid, A100_NODES, algorithm), False
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    hand = evaluate(graph, grid, A100_NODES, hand_strategy(graph, grid))
    return Row(devices, grid, found, hand, cpu, wall, describe(graph, grid, found, cfg.layers // 2),
               describe(graph, grid, hand, cfg.layers // 2), limited)


def report(cfg: Config, rows: list[Row], nodes: int) -> str:
    lines = [SECTION, "",
             f"`python bench/auto_parallel_scale.py`: {cfg.layers}-layer GPT (hidden {cfg.hidden}, MLP {cfg.mlp}, "
             f"{cfg.heads} heads, sequence {cfg.seq}, vocabulary {cfg.vocab}), global batch {cfg.batch} sequences, "
             f"one training step (forward, backward, Adam) as {nodes} ops and values. Predicted by the cost model "
             "for A100-class devices in nodes of 8 (156 TFLOP/s, 2 TB/s, NVLink 300 GB/s within a node, "
             "25 GB/s across; collectives as MPICH runs them, log2(n) rounds of α), grid [nodes, 2, 2, 2]; "
             "searched by mind-auto-parallel's recursive algorithm under "
             "80 GiB per device. Memory counts every activation and gradient of the step without reuse "
             "or recomputation (an upper bound); where no strategy fits 80 GiB the search ran without the limit (*). "
             "Splits are pieces per factor in the middle layer: b batch, s sequence, h heads, f MLP hidden, "
             "m model hidden.", "",
             f"Search run on: {machine()['CPU']}, {machine()['cores']}; search time is the search's CPU time, and its "
             "wall time on that machine (shared with other work while measured).", "",
             "| devices | grid | search: step | memory/device | search time (CPU, wall) | hand (Megatron): step "
             "| memory/device | search / hand |", "|" + " --- |" * 8]
    for r in rows:
        star = "" if r.limited else " *"
        lines.append(f"| {r.devices} | {r.grid} | {r.found.time:.3f} s | {r.found.memory / 2 ** 30:.1f} GiB{star} | "
                     f"{r.seconds:.2f} s, {r.wall:.2f} s | {r.hand.time:.3f} s | {r.hand.memory / 2 ** 30:.1f} GiB | "
                     f"{r.found.time / r.hand.time:.3f} |")
    lines += ["", "Strategies (middle layer's forward ops, and the Adam update of its first MLP weight):", ""]
    for r in rows:
        lines.append(f"- {r.devices} devices: search: {r.summary}; hand: {r.hand_summary}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=Config.layers)
    parser.add_argument("--batch", type=int, default=Config.batch)
    parser.add_argument("--devices", default=",".join(map(str, DEVICES)))
    parser.add_argument("--out", default="-", help="results file whose section to replace, or - for stdout")
    args = parser.parse_args(argv)
    cfg = Config(layers=args.layers, batch=args.batch)
    rows = [simulate(cfg, int(n)) for n in args.devices.split(",")]
    write_section(args.out, SECTION, report(cfg, rows, len(gpt_step(cfg).nodes)))
    return rows


if __name__ == "__main__":
    main()
