"""mind-autodiff benchmarks: the pass's time on a large graph, and the cheap gradient principle
(run time of the gradient over the forward's, both compiled by mindc in one process).

    python bench/autodiff.py --out bench/RESULTS.md    # replaces its section there (make.py bench)
    python bench/autodiff.py --ops 200 --repeat 3      # prints the section
"""
from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import replace_section  # noqa: E402


def chain_module(steps: int) -> str:
    """f(x, w) = sum(h_steps), h_{i+1} = h_i * w + sin(h_i) (3 mind ops a step), and @main, its
    gradient through mind.grad."""
    t = "tensor<64xf32>"
    lines = [f"func.func private @f(%h0: {t}, %w: {t}) -> tensor<f32> {{"]
    for i in range(steps):
        lines += [f'  %m{i} = "mind.mul"(%h{i}, %w) : ({t}, {t}) -> {t}',
                  f'  %s{i} = "mind.sin"(%h{i}) : ({t}) -> {t}',
                  f'  %h{i + 1} = "mind.add"(%m{i}, %s{i}) : ({t}, {t}) -> {t}']
    lines += [f'  %r = "mind.reduce_sum"(%h{steps}) {{axis = array<i64>, keep_dims = false}} : ({t}) -> tensor<f32>',
              "  return %r : tensor<f32>", "}",
              f"func.func @main(%x: {t}, %w: {t}) -> ({t}, {t}) {{",
              f"  %f = func.constant @f : ({t}, {t}) -> tensor<f32>",
              f'  %g = "mind.grad"(%f) {{grad_position = array<i64: 0, 1>, has_aux = false, sens_param = false}} : '
              f"(({t}, {t}) -> tensor<f32>) -> (({t}, {t}) -> ({t}, {t}))",
              f"  %r:2 = func.call_indirect %g(%x, %w) : ({t}, {t}) -> ({t}, {t})",
              f"  return %r#0, %r#1 : {t}, {t}", "}"]
    return "\n".join(lines)


def pass_time(steps: int, repeat: int) -> tuple[int, float]:
    """(mind ops in @f, median seconds of mind-autodiff alone on the parsed module)."""
    from mlir import ir, passmanager

    from mindc.ir import make_context
    from mindc.passes.base import pass_class

    text = chain_module(steps)
    times = []
    for _ in range(repeat):
        ctx = make_context()
        with ctx:
            module = ir.Module.parse(text)
            pm = passmanager.PassManager()
            pass_class("mind-autodiff")().add_to(pm)
            start = time.perf_counter()
            pm.run(module.operation)
            times.append(time.perf_counter() - start)
    return 3 * steps + 1, statistics.median(times)


def median_time(fn, args, budget: float = 1.0) -> float:
    fn(*args)
    times, start = [], time.perf_counter()
    while time.perf_counter() - start < budget or len(times) < 5:
        t = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def mlp_ratio(batch: int) -> tuple[float, float]:
    """(forward ms, value_and_grad ms) of the 784-512-512-10 MLP's softmax cross-entropy loss."""
    import mindc
    from mindc import Tensor, ops

    rng = np.random.default_rng(0)
    dims = [784, 512, 512, 10]
    params = [Tensor((rng.standard_normal((i, o)) / np.sqrt(i)).astype(np.float32)) for i, o in zip(dims, dims[1:])]
    x = Tensor(rng.standard_normal((batch, 784)).astype(np.float32))
    labels = Tensor(np.eye(10, dtype=np.float32)[rng.integers(0, 10, batch)])

    def loss(w0, w1, w2, x, labels):
        h = ops.relu(ops.matmul(x, w0))
        h = ops.relu(ops.matmul(h, w1))
        return -ops.mean(ops.sum(ops.log_softmax(ops.matmul(h, w2), -1) * labels, -1))

    forward = mindc.jit(loss)
    gradient = mindc.jit(mindc.value_and_grad(loss, grad_position=(0, 1, 2)))
    args = (*params, x, labels)
    return median_time(forward, args) * 1e3, median_time(gradient, args) * 1e3


def chain_ratio(steps: int) -> tuple[float, float]:
    """(forward ms, gradient ms) of the chain function, compiled from the same IR."""
    from mindc import diag
    from mindc.ir import make_context
    from mindc.runtime.engine import Executable

    from mlir import ir

    text = chain_module(steps).replace("func.func private @f", "func.func @f")
    ctx = make_context()
    with ctx, diag.Collector(ctx) as collector:
        exe = Executable(ir.Module.parse(text), collector)
        forward, gradient = exe.function("f"), exe.function("main")
    rng = np.random.default_rng(0)
    args = (rng.standard_normal(64).astype(np.float32), (0.5 * rng.standard_normal(64)).astype(np.float32))
    return median_time(forward, args) * 1e3, median_time(gradient, args) * 1e3


def main(argv=None) -> str:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ops", type=int, default=2000, help="mind ops in the graph mind-autodiff differentiates")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--batches", default="64,512")
    p.add_argument("--out", help="a markdown file whose '## Autodiff' section (to its end) this run replaces")
    args = p.parse_args(argv)
    steps = max(1, args.ops // 3)
    count, seconds = pass_time(steps, args.repeat)
    rows = [f"| mind-autodiff on a {count}-op function (ops: mul, sin, add chain) | {seconds * 1e3:.0f} ms |"]
    fwd, grad = chain_ratio(steps)
    rows.append(f"| same function compiled: forward / gradient | {fwd:.3f} ms / {grad:.3f} ms = {grad / fwd:.2f}x |")
    for batch in [int(b) for b in args.batches.split(",")]:
        fwd, grad = mlp_ratio(batch)
        rows.append(f"| MLP 784-512-512-10 loss, batch {batch}: forward / value_and_grad | "
                    f"{fwd:.2f} ms / {grad:.2f} ms = {grad / fwd:.2f}x |")
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    text = "\n".join([SECTION, "", f"Written by `python bench/autodiff.py` on {when}, mindc alone in one process "
                      "(the machine is the one above). The pass time excludes parsing; run times are medians.",
                      "", "| measurement | result |", "|---|---|", *rows, ""])
    print(text)
    if args.out:
        replace_section(args.out, SECTION, text)
    return text


SECTION = "## Autodiff"


if __name__ == "__main__":
    main()
