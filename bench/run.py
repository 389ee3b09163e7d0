"""Benchmarks of mindc against numpy, PyTorch, JAX and MindSpore, side by side in one run.

    python3 make.py bench                       # every peer, full sizes; writes bench/RESULTS.md
    python3 make.py bench --quick               # a smoke run: short budgets, no compile repeats
    python bench/run.py --quick --peers numpy --sizes 8 --batches 2 --out -

mindc and numpy always run (numpy is the baseline every ratio refers to); `--peers` picks the
others. mindc runs once per thread count of `--mindc-threads` (its `runtime_num_threads`; by
default 1 and all cores), and `--rounds R` measures every peer R times, taking each cell's
median over the rounds: on a machine shared with other work, the rounds interleave the peers in
time, so that a busy moment does not land on one peer alone. Each peer is measured in a process of its own, one after another: on 2 cores, the idle
thread pools of four libraries in one process (OpenBLAS and XLA spin-wait, torch's OpenMP
barriers) slowed whichever library ran next by up to 30x. A peer whose library does not import
is listed with the reason instead of numbers. Every result is checked against float64 numpy
before it is timed: a wrong mindc kernel stops the run, a wrong peer gets "wrong result".
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peers import PEERS, Unavailable, to_numpy  # noqa: E402
from report import MLP_DIMS, render  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ORDER = ["numpy", "mindc", "torch", "jax", "mindspore"]
ALWAYS = ("numpy", "mindc")
COMPILE_BATCH = 64


@dataclass(frozen=True)
class Config:
    """How long to measure: each timing takes about budget_s, split into `samples` samples;
    a call slower than budget_s / 3 is timed alone, up to 3 times within slow_cap_s."""
    budget_s: float = 0.5
    samples: int = 10
    slow_cap_s: float = 20.0
    max_call_s: float = 60.0
    compile_repeats: int = 3

    @staticmethod
    def quick() -> "Config":
        return Config(budget_s=0.05, samples=5, slow_cap_s=2.0, max_call_s=10.0, compile_repeats=0)


@dataclass
class Cell:
    """One table entry: a median time in seconds over `calls` timed calls, or why there is none."""
    seconds: float | None = None
    calls: int = 0
    note: str = ""


# ---------------------------------------------------------------------------------------------
# Timing


def timed(run: Callable[[], object], number: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(number):
        run()
    return time.perf_counter() - start


def measure(run: Callable[[], object], cfg: Config) -> Cell:
    """The median seconds per call of run() (already warmed up by the caller's checked call)."""
    gc.collect()
    gc.disable()  # as timeit does: a collection inside a sample is noise, not the kernel
    try:
        probe = timed(run)
        if probe * 3 > cfg.budget_s:
            samples = [probe]
            while len(samples) < 3 and sum(samples) + probe <= cfg.slow_cap_s:
                samples.append(timed(run))
            return Cell(statistics.median(samples), len(samples))
        number = max(1, int(cfg.budget_s / cfg.samples / probe))
        samples = [timed(run, number) / number for _ in range(cfg.samples)]
        return Cell(statistics.median(samples), number * cfg.samples)
    finally:
        gc.enable()


def checked(peer, prepare: Callable[[], Callable[[], object]], want: np.ndarray, atol: float,
            cfg: Config) -> Cell:
    """Prepare a peer's computation, check one result against want, then time it.

    mindc and numpy must be right (AssertionError stops the run); another peer that fails or
    computes a wrong result gets a cell saying so: its bugs are reported, not ours to stop on."""
    strict = peer.name in ALWAYS
    got = None
    try:
        run = prepare()
        start = time.perf_counter()
        got = to_numpy(run())
        first = time.perf_counter() - start
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=atol, err_msg=f"{peer.name} result")
    except AssertionError:
        if strict or got is None:
            raise
        if got.shape != want.shape:
            return Cell(note=f"wrong result shape {list(got.shape)}, expected {list(want.shape)}")
        return Cell(note=f"wrong result (max abs error {float(np.max(np.abs(got - want))):.3g})")
    except Exception as e:  # noqa: BLE001 - a peer's failure is shown in its cell, not hidden
        if strict:
            raise
        return Cell(note=f"failed: {type(e).__name__}: {(str(e).splitlines() or [''])[0][:80]}")
    if first > cfg.max_call_s:
        return Cell(first, 1, note=f"one call took {first:.0f} s (> {cfg.max_call_s:.0f} s): not repeated")
    return measure(run, cfg)


def reference_blas():
    """Float64 references run numpy's BLAS on one thread: a multithreaded call would leave
    OpenBLAS workers spin-waiting beside the peer timed next."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(1, user_api="blas")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# One peer's benchmarks (run inside its worker process)


def too_slow(done: dict[int, Cell], n: int, cfg: Config) -> str:
    """A reason to skip size n when its call is predicted to take over max_call_s; "" to go ahead.

    The prediction extrapolates the growth between the two largest measured sizes (n³ from one):
    naive loops slow down as the matrices outgrow the caches, faster than n³ (mindc measured
    0.18 s, 3.8 s and 78 s at n = 512, 1024, 2048)."""
    measured = sorted((m, c.seconds) for m, c in done.items() if m < n and c.seconds)
    if not measured:
        return ""
    m, seconds = measured[-1]
    growth = 3.0
    if len(measured) > 1:
        m0, seconds0 = measured[-2]
        growth = max(3.0, math.log(seconds / seconds0) / math.log(m / m0))
    estimate = seconds * (n / m) ** growth
    if estimate <= cfg.max_call_s:
        return ""
    return (f"skipped: one call would take ~{estimate:.0f} s (time grew as n^{growth:.1f} up to n={m}; "
            f"limit {cfg.max_call_s:.0f} s, --max-call-s)")


def bench_gemm(peer, sizes: list[int], cfg: Config) -> dict[int, Cell]:
    rng = np.random.default_rng(0)
    out: dict[int, Cell] = {}
    for n in sizes:
        a = rng.uniform(-1, 1, (n, n)).astype(np.float32)
        b = rng.uniform(-1, 1, (n, n)).astype(np.float32)
        skip = too_slow(out, n, cfg)
        if skip:
            out[n] = Cell(note=skip)
        else:
            with reference_blas():
                want = a.astype(np.float64) @ b.astype(np.float64)
            out[n] = checked(peer, lambda: peer.gemm(a, b), want, 1e-6 * n, cfg)
        log(f"gemm n={n} {peer.name}: {describe(out[n], lambda s: f'{2 * n**3 / s / 1e9:.2f} GFLOP/s')}")
    return out


def mlp_params(rng: np.random.Generator, dims=MLP_DIMS) -> list[np.ndarray]:
    params = []
    for d_in, d_out in zip(dims, dims[1:]):
        params.append((rng.uniform(-1, 1, (d_in, d_out)) / np.sqrt(d_in)).astype(np.float32))
        params.append(rng.uniform(-0.1, 0.1, (d_out,)).astype(np.float32))
    return params


def mlp_reference(params: list[np.ndarray], x: np.ndarray) -> np.ndarray:
    h = x.astype(np.float64)
    with reference_blas():
        for i in range(0, len(params), 2):
            h = h @ params[i].astype(np.float64) + params[i + 1]
            if i + 2 < len(params):
                h = np.maximum(h, 0)
    return h


def bench_mlp(peer, batches: list[int], cfg: Config) -> dict[int, Cell]:
    rng = np.random.default_rng(1)
    params = mlp_params(rng)
    out = {}
    for batch in batches:
        x = rng.uniform(-1, 1, (batch, MLP_DIMS[0])).astype(np.float32)
        out[batch] = checked(peer, lambda: peer.mlp(params, x), mlp_reference(params, x), 1e-4, cfg)
        log(f"mlp batch={batch} {peer.name}: {describe(out[batch], lambda s: f'{s * 1e3:.3f} ms')}")
    return out


def bench_compile(peer, cfg: Config) -> dict[str, list[float]]:
    """Compile time of the MLP forward: label -> seconds, the first compile in the process first.

    Runs before the other benchmarks, so that the first includes the library's one-time setup,
    as a user's first call would."""
    if not hasattr(peer, "compile_mlp"):
        return {}
    rng = np.random.default_rng(2)
    params = mlp_params(rng)
    x = rng.uniform(-1, 1, (COMPILE_BATCH, MLP_DIMS[0])).astype(np.float32)
    out: dict[str, list[float]] = {}
    for _ in range(1 + cfg.compile_repeats):
        for label, seconds in peer.compile_mlp(params, x).items():
            out.setdefault(label, []).append(seconds)
    log(f"compile {peer.name}: " + ", ".join(f"{s[0]:.3f} s" for s in out.values()))
    return out


def describe(cell: Cell, fmt: Callable[[float], str]) -> str:
    return cell.note if cell.seconds is None else fmt(cell.seconds) + (f" ({cell.note})" if cell.note else "")


def run_peer(name: str, cfg: Config, sizes: list[int], batches: list[int], threads: int | None = None) -> dict:
    """Every benchmark of one peer in this process, as JSON-ready data; `threads` sets mindc's
    runtime_num_threads."""
    try:
        peer = PEERS[name]()
    except Unavailable as e:
        log(f"{name}: {e}")
        return {"name": name, "unavailable": str(e)}
    if threads is not None:
        peer.mindc.set_context(runtime_num_threads=threads)
    log(f"{name} {peer.version()}: {peer.threads()}")
    compile_times = bench_compile(peer, cfg)
    gemm = bench_gemm(peer, sizes, cfg)
    mlp = bench_mlp(peer, batches, cfg)
    return {"name": name, "version": peer.version(), "threads": peer.threads(), "compile": compile_times,
            "gemm": {n: asdict(c) for n, c in gemm.items()}, "mlp": {b: asdict(c) for b, c in mlp.items()}}


# ---------------------------------------------------------------------------------------------
# Command line: the parent starts one worker per peer and writes the report


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ints = lambda text: [int(v) for v in text.split(",") if v]  # noqa: E731
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="short budgets and no compile repeats (smoke run)")
    p.add_argument("--peers", default="torch,jax,mindspore",
                   help="comma-separated peers besides mindc and numpy, which always run (default: %(default)s)")
    p.add_argument("--sizes", type=ints, default=[256, 512, 1024, 2048], help="GEMM sizes n")
    p.add_argument("--batches", type=ints, default=[1, 64, 512], help="MLP batch sizes")
    p.add_argument("--mindc-threads", type=ints, default=sorted({1, os.cpu_count() or 1}),
                   help="mindc's runtime_num_threads, one mindc column each (default: %(default)s)")
    p.add_argument("--rounds", type=int, default=1, help="measure every peer this many times; each cell is "
                   "the median over the rounds (default: %(default)s)")
    p.add_argument("--max-call-s", type=float, help="skip sizes whose one call is predicted to take longer "
                   "(default: 60, 10 with --quick)")
    p.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"), help="report path, '-' for stdout")
    p.add_argument("--worker", metavar="PEER", help=argparse.SUPPRESS)  # internal: measure one peer
    p.add_argument("--worker-json", help=argparse.SUPPRESS)
    p.add_argument("--worker-threads", type=int, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    unknown = set(args.peers.split(",")) - set(PEERS) - {"", "none"}
    if unknown:
        p.error(f"unknown peers {sorted(unknown)}; expected some of {', '.join(PEERS)}")
    return args


def run_worker(name: str, args: argparse.Namespace, threads: int | None = None) -> dict:
    """Measure one peer in a fresh Python process; a crash becomes an "unavailable" entry."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--worker-json", str(out),
                   "--sizes", ",".join(map(str, args.sizes)), "--batches", ",".join(map(str, args.batches))]
        command += ["--quick"] if args.quick else []
        command += ["--worker-threads", str(threads)] if threads is not None else []
        command += ["--max-call-s", str(args.max_call_s)] if args.max_call_s else []
        code = subprocess.call(command)
        if code or not out.exists():
            if name in ALWAYS:
                raise SystemExit(f"the {name} worker failed (exit code {code}): see its output above")
            return {"name": name, "unavailable": f"failed: its worker process exited with code {code}"}
        return json.loads(out.read_text())


def run_round(chosen: set[str], args: argparse.Namespace) -> dict:
    """Every chosen peer measured once, in ORDER; mindc once per thread count, keyed "mindc" for
    the most threads (the default setting) and "mindc-<n>" for the others."""
    peers = {}
    for name in ORDER:
        if name == "mindc":
            for threads in args.mindc_threads:
                data = run_worker(name, args, threads)
                data["name"] = f"mindc ({threads} thread{'s' if threads > 1 else ''})"
                peers["mindc" if threads == max(args.mindc_threads) else f"mindc-{threads}"] = data
        elif name in chosen:
            peers[name] = run_worker(name, args)
    return peers


def median_of_rounds(runs: list[dict]) -> dict:
    """One peer's data from several rounds: each timing cell the median of the rounds' medians
    (a cell without a time in some round keeps the first round's); compile times of the first
    round (its first compile is the process's first, as the report says)."""
    first = dict(runs[0])
    if "unavailable" in first or len(runs) == 1:
        return first
    for bench in ("gemm", "mlp"):
        for key, cell in first[bench].items():
            cells = [r[bench][key] for r in runs]
            if all(c["seconds"] is not None for c in cells):
                first[bench][key] = {"seconds": statistics.median(c["seconds"] for c in cells),
                                     "calls": sum(c["calls"] for c in cells), "note": cell["note"]}
    return first


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    cfg = Config.quick() if args.quick else Config()
    if args.max_call_s:
        cfg = dataclasses.replace(cfg, max_call_s=args.max_call_s)
    if args.worker:
        data = run_peer(args.worker, cfg, args.sizes, args.batches, args.worker_threads)
        Path(args.worker_json).write_text(json.dumps(data))
        return data
    chosen = set(ALWAYS) | set(args.peers.split(","))
    load_before = os.getloadavg()[0]
    rounds = [run_round(chosen, args) for _ in range(args.rounds)]
    peers = {key: median_of_rounds([r[key] for r in rounds]) for key in rounds[0]}
    report = render(peers, cfg, args.quick, COMPILE_BATCH, (load_before, os.getloadavg()[0]))
    if args.out == "-":
        sys.stdout.write(report)
    else:
        Path(args.out).write_text(report)
        log(f"wrote {args.out}")
    return peers


if __name__ == "__main__":
    main()
