"""bench/RESULTS.md from the peers' measurements: machine, versions, one table per benchmark."""
from __future__ import annotations

import datetime
import os
import platform
import statistics
import subprocess
from typing import Callable

MLP_DIMS = (784, 512, 512, 10)


def machine() -> dict[str, str]:
    """What the numbers depend on, from lscpu (the CPU model varies between machines of a kind)."""
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        lscpu = ""
    fields = {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lscpu.splitlines())}
    flags = fields.get("Flags", "").split()
    model = fields.get("Model name") or platform.processor() or "unknown"
    if "CPU family" in fields:
        model += f" (family {fields['CPU family']}, model {fields.get('Model', '?')})"
    return {
        "CPU": model,
        "cores": f"{os.cpu_count()} logical CPUs, {fields.get('Thread(s) per core', '?')} thread(s) per core",
        "vector ISA": "AVX-512" if "avx512f" in flags else ("AVX2" if "avx2" in flags else "no AVX2"),
        "caches": ", ".join(f"{k.split()[0]} {fields[k]}" for k in ("L1d cache", "L2 cache", "L3 cache") if fields.get(k)),
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
    }


def cell_text(cell: dict | None, base: dict | None, fmt: Callable[[float], str]) -> str:
    """`value (speed relative to numpy)`; † marks a median of fewer than 3 calls."""
    if cell is None:
        return ""
    if cell["seconds"] is None:
        return cell["note"]
    text = fmt(cell["seconds"]) + ("†" if cell["calls"] < 3 else "")
    if base is not None and base["seconds"]:
        ratio = base["seconds"] / cell["seconds"]
        text += f" ({ratio:.2f}×)" if ratio >= 0.1 else f" ({ratio:.3f}×)"
    return text


def table(peers: dict, bench: str, key: str, fmt: Callable[[int, float], str]) -> list[str]:
    ran = [p for p in peers.values() if bench in p]
    keys = sorted({int(k) for p in ran for k in p[bench]})
    lines = [f"| {key} | " + " | ".join(p["name"] for p in ran) + " |", "|" + " --- |" * (len(ran) + 1)]
    base = peers.get("numpy", {}).get(bench, {})
    for k in keys:
        cells = [cell_text(p[bench].get(str(k)), base.get(str(k)), lambda s, k=k: fmt(k, s)) for p in ran]
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    return lines


def render(peers: dict, cfg, quick: bool, compile_batch: int, load: tuple[float, float]) -> str:
    """The whole report; peers maps a name to its worker's data (JSON: keys are strings), load
    is the 1-minute load average before and after the run."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    kind = "a `--quick` smoke run, not for comparison" if quick else "full run"
    out = ["# mindc benchmarks", "",
           f"Written by `python3 make.py bench` (bench/run.py, {kind}) on {now}. Each peer ran in "
           "a fresh process of its own, one after another, on the same inputs.", "",
           "## Machine", ""]
    out += [f"- {k}: {v}" for k, v in machine().items() if v]
    out.append(f"- load average (1 min): {load[0]:.2f} before the run, {load[1]:.2f} after it (the run "
               "itself keeps one or two cores busy; more means other work shared the machine and "
               "slowed every peer, the multithreaded ones most)")
    out += ["", "## Peers", "", "| peer | version | threads |", "| --- | --- | --- |"]
    for p in peers.values():
        out.append(f"| {p['name']} | {p['unavailable']} | |" if "unavailable" in p
                   else f"| {p['name']} | {p['version']} | {p['threads']} |")
    out += ["", "Each library runs with its own default threading on the 2 cores; mindc runs once per "
            "`runtime_num_threads` setting of bench/run.py's `--mindc-threads`.", ""]
    out += ["## GEMM, f32, n×n times n×n", "",
            "GFLOP/s (2n³ / median time), higher is better; in brackets the speed relative to numpy "
            "(numpy's time / the peer's time).", ""]
    out += table(peers, "gemm", "n", lambda n, s: f"{2 * n**3 / s / 1e9:.2f}") + [""]
    out += [f"## MLP forward {'-'.join(map(str, MLP_DIMS))} (ReLU hidden layers, bias adds), f32", "",
            "Milliseconds per call (median), lower is better; in brackets the speed relative to numpy.", ""]
    out += table(peers, "mlp", "batch", lambda b, s: f"{s * 1e3:.3f}") + [""]
    out += compile_table(peers, cfg, compile_batch)
    out += method(cfg) + notes(peers)
    return "\n".join(out) + "\n"


def compile_table(peers: dict, cfg, batch: int) -> list[str]:
    rows = [(label, times) for p in peers.values() for label, times in p.get("compile", {}).items()]
    again = (f"*again* is the median of {cfg.compile_repeats} more compiles, each of a new function "
             "object, so that no in-process cache answers" if cfg.compile_repeats else
             "*again* is not measured in a quick run")
    out = [f"## Compile time of the MLP forward (batch {batch})", "",
           "Seconds from the model to a callable that has run once. *First* is the first compile in "
           f"the peer's process (one-time library setup included; mindc's IR-text row runs after its jit row, "
           f"so it excludes that setup); {again}. numpy has nothing to compile.", "",
           "| what | first (s) | again (s) |", "| --- | --- | --- |"]
    for label, times in rows:
        later = f"{statistics.median(times[1:]):.3f}" if len(times) > 1 else "-"
        out.append(f"| {label} | {times[0]:.3f} | {later} |")
    return out + [""]


def method(cfg) -> list[str]:
    return [
        "## Method", "",
        "- Inputs: uniform in [-1, 1) (MLP weights scaled by 1/sqrt(fan-in), biases in [-0.1, 0.1)), "
        "fixed seeds, C-contiguous float32. Conversion into each library's array type happens once, "
        "outside the timing; a timed call returns when its result is readable on the host "
        "(`block_until_ready` for JAX, `asnumpy()` for MindSpore, a CPU tensor for torch).",
        "- Correctness first: every result is compared with a float64 numpy reference (rtol 1e-4) "
        "before it is timed; that call and one probe call are the warm-up.",
        f"- Each number is the median of {cfg.samples} samples taking about {cfg.budget_s:.2f} s in "
        f"all, a sample averaging as many calls as fit. A call slower than {cfg.budget_s / 3:.2f} s is "
        f"timed alone, up to 3 times within {cfg.slow_cap_s:.0f} s; † marks a median of fewer than 3 "
        f"calls. A GEMM size whose one call is predicted (extrapolating the smaller sizes' times) "
        f"to exceed {cfg.max_call_s:.0f} s is skipped, with the estimate in its cell.",
        "- Each peer runs in its own process: with four libraries in one process, the thread pools "
        "left spin-waiting by one (OpenBLAS, XLA's Eigen pool, torch's OpenMP, MindSpore's runtime) "
        "slowed the next one by up to 30× on these 2 cores. The float64 references use one BLAS "
        "thread for the same reason.",
        "- mindc: the GEMM is one `mind.matmul` built with `mindc.emit.single_op_module` and "
        "called through `Executable.function(\"main\")`; the MLP is written with `mindc.ops` "
        "(matmul, add, relu) and called through `mindc.jit`, as a user would. Both lower through the "
        "CPU pipeline (`mindc.pipelines.STAGES[\"llvm\"]`) and the ExecutionEngine at opt level 2; "
        "the per-call overhead (filling memref descriptors, a fresh result buffer, and for "
        "jit the cache lookup by argument shapes and dtypes) is included.",
        "- Peers: numpy `@`; torch eager (`matmul`; `addmm` + `relu` under `inference_mode`); "
        "`jax.jit`; MindSpore graph mode through `mindspore.jit` on the CPU backend. torch.compile "
        "(Inductor) appears only in the compile-time table, with its caches disabled.", "",
    ]


def notes(peers: dict) -> list[str]:
    lines = ["## Notes", "",
             "- mindc's code: transform-dialect schedules (lowering/*.mlir) tile matmuls into AVX-512 "
             "register blocks (8x32 tiles of FMAs over k-blocks of 256) and vectorize convolutions and "
             "elementwise ops; with runtime_num_threads=2 the outer tile loop of big products, "
             "convolutions and elementwise ops is split between the cores through MLIR's async runtime."]
    gemm = peers.get("mindc", {}).get("gemm", {})
    rates = [2 * int(n) ** 3 / c["seconds"] / 1e9 for n, c in gemm.items() if c["seconds"]]
    if rates:
        lines.append(f"- mindc GEMM here: {min(rates):.2f} to {max(rates):.2f} GFLOP/s. The B matrix is not "
                     "packed, so one thread's rate falls from n = 1024, where its panels outgrow the L2 cache.")
    numpy_threads = peers.get("numpy", {}).get("threads", "")
    if "Haswell" in numpy_threads and machine()["vector ISA"] == "AVX-512":
        best = best_gemm_ratio(peers)
        lines.append("- numpy's OpenBLAS runs its Haswell (AVX2) kernels on this AVX-512 CPU (it does "
                     "not map this CPU model to an AVX-512 kernel), so the numpy baseline is an AVX2 one "
                     "that a peer with AVX-512 kernels can pass by up to 2×"
                     + (f" ({best[0]} reaches {best[1]:.2f}× at n = {best[2]})." if best else "."))
    lines += ["- At batch 1 the peers' MLP times are mostly dispatch overhead (tens of µs); mindc's "
              "are its generated loops. A mindc.jit call with tensor arguments costs a few µs over the "
              "kernel (a cache lookup by the arguments' shapes and dtypes, memref descriptors filled once "
              "per compiled function and reused, results adopted by numpy without a copy); the raw "
              "ctypes call under it is ~0.2 µs (shared/DESIGN.md).",
              "- Absolute numbers vary with the CPU model, which varies between machines of this kind; "
              "compare the ratios within one run."]
    return lines


def best_gemm_ratio(peers: dict) -> tuple[str, float, int] | None:
    """The peer, ratio to numpy and size of the fastest GEMM relative to numpy, if any beat it."""
    base = peers.get("numpy", {}).get("gemm", {})
    best = None
    for p in peers.values():
        for n, c in p.get("gemm", {}).items():
            b = base.get(n)
            if p["name"] != "numpy" and c["seconds"] and b and b["seconds"]:
                ratio = b["seconds"] / c["seconds"]
                if ratio > 1 and (best is None or ratio > best[1]):
                    best = (p["name"], ratio, int(n))
    return best


def write_section(out: str, heading: str, text: str) -> None:
    """text printed (out is "-") or put in place of its section of the results file out."""
    if out == "-":
        print(text)
    else:
        replace_section(out, heading, text)


def replace_section(path: str, heading: str, text: str) -> None:
    """Put text (starting with the `## heading` line) in place of that section of the results
    file, keeping every other section; appended if absent. Written atomically."""
    old = ""
    if os.path.exists(path):
        with open(path) as f:
            old = f.read()
    if heading in old:
        head, _, rest = old.partition(heading)
        after = rest.find("\n## ")
        new = head + text.rstrip("\n") + "\n" + (rest[after:] if after >= 0 else "")
    else:
        new = (old.rstrip("\n") + "\n\n" if old else "") + text
    tmp = f"{path}.tmp"
    with open(tmp, "w") as f:
        f.write(new)
    os.replace(tmp, path)
