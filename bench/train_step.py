"""Training-step benchmark: MLP 784-512-512-10 and LeNet5, mindc against PyTorch, JAX and MindSpore.

    python bench/train_step.py --out bench/RESULTS.md     # replaces its "## Training steps" section
    python bench/train_step.py --quick --peers mindc --out -

One training step is forward, softmax cross-entropy, backward and a plain SGD update (lr 0.01),
written the way each library's users write it: mindc and MindSpore with nn.TrainOneStepCell in
graph mode, PyTorch eager with an optimizer, JAX with one jitted update function. Every peer
starts from the same numpy weights and batch, runs in a process of its own (idle thread pools
of one library slow the next), and its first loss is checked against float64 numpy before it
is timed. "first call" is compile plus one step; "step" is the median after two warm-up steps.
Each training process also reports its memory: its peak RSS (ru_maxrss: imports and compiling
included), the peak RSS during the timed steps alone, and how much RSS grew over them (a leak
shows there). A second kind of process times the MLP's forward pass at batch 1 (eval mode, no
gradients), where dispatch overhead is most of the time.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import machine, write_section  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PEERS = ["mindc", "torch", "jax", "mindspore"]
MODELS = ["mlp", "lenet"]
LR = 0.01
SECTION = "## Training steps"


# ---- the models, as numpy weights in (out, in) / (out, in, kh, kw) layout

def layers(model: str) -> list[tuple[str, tuple[int, ...]]]:
    if model == "mlp":
        return [("dense", (512, 784)), ("dense", (512, 512)), ("dense", (10, 512))]
    return [("conv", (6, 1, 5, 5)), ("conv", (16, 6, 5, 5)), ("dense", (120, 400)), ("dense", (84, 120)),
            ("dense", (10, 84))]


def input_shape(model: str, batch: int) -> tuple[int, ...]:
    return (batch, 784) if model == "mlp" else (batch, 1, 32, 32)


def make_data(model: str, batch: int):
    rng = np.random.default_rng(0)
    weights = []
    for _, shape in layers(model):
        fan_in = int(np.prod(shape[1:]))
        bound = 1 / np.sqrt(fan_in)
        weights += [rng.uniform(-bound, bound, shape).astype(np.float32),
                    rng.uniform(-bound, bound, shape[0]).astype(np.float32)]
    x = rng.standard_normal(input_shape(model, batch)).astype(np.float32)
    labels = rng.integers(0, 10, batch).astype(np.int32)
    return weights, x, labels


def numpy_logits(model: str, weights, x) -> np.ndarray:
    """The model's output in float64: the reference every peer's forward pass must agree with."""
    h = x.astype(np.float64)
    for (kind, _), w, b in zip(layers(model), weights[::2], weights[1::2]):
        w, b = w.astype(np.float64), b.astype(np.float64)
        if kind == "conv":
            h = _max_pool2(np.maximum(_conv_valid(h, w) + b[:, None, None], 0))
            continue
        h = h.reshape(len(h), -1) @ w.T + b
        if w.shape[0] != 10:
            h = np.maximum(h, 0)
    return h


def numpy_loss(model: str, weights, x, labels) -> float:
    """The first step's loss in float64: the reference every peer must agree with."""
    h = numpy_logits(model, weights, x)
    h = h - h.max(axis=1, keepdims=True)
    logp = h - np.log(np.exp(h).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())


def _conv_valid(x, w):
    n, c, hh, ww = x.shape
    o, _, kh, kw = w.shape
    out = np.zeros((n, o, hh - kh + 1, ww - kw + 1))
    for i in range(kh):
        for j in range(kw):
            out += np.einsum("nchw,oc->nohw", x[:, :, i:i + out.shape[2], j:j + out.shape[3]], w[:, :, i, j])
    return out


def _max_pool2(x):
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).max(axis=(3, 5))


# ---- one step per library: build(model, weights) -> step(x, labels) -> loss (a float)

def same_api_net(lib, model, weights):
    """The model written once against MindSpore's API, for `lib` = mindc or mindspore (that the
    same code runs on both is the point of mindc), with the given weights."""
    nn = lib.nn
    if model == "mlp":
        net = nn.SequentialCell(nn.Dense(784, 512), nn.ReLU(), nn.Dense(512, 512), nn.ReLU(), nn.Dense(512, 10))
    else:
        net = nn.SequentialCell(
            nn.Conv2d(1, 6, 5, pad_mode="valid", has_bias=True), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Conv2d(6, 16, 5, pad_mode="valid", has_bias=True), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Flatten(),
            nn.Dense(400, 120), nn.ReLU(), nn.Dense(120, 84), nn.ReLU(), nn.Dense(84, 10))
    for p, w in zip(net.trainable_params(), weights):
        p.set_data(lib.Tensor(w))
    return net


def same_api_step(lib, model, weights):
    """nn.TrainOneStepCell over the model and the loss, the same code for mindc and mindspore."""
    nn = lib.nn
    net = same_api_net(lib, model, weights)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss), nn.SGD(net.trainable_params(), learning_rate=LR))
    step.set_train()
    return lambda x, y: float(step(lib.Tensor(x), lib.Tensor(y)).asnumpy())


def graph_mode(lib):
    """lib (mindc or mindspore) set to compile whole Cells, as both are benchmarked."""
    lib.set_context(mode=lib.GRAPH_MODE, device_target="CPU")
    return lib


def graph_mode_mindc():
    import mindc

    return graph_mode(mindc)


def mindc_net(model, weights):
    return same_api_net(graph_mode_mindc(), model, weights)


def build_mindc(model, weights):
    return same_api_step(graph_mode_mindc(), model, weights)


def torch_net(model, weights):
    import torch

    torch.set_num_threads(os.cpu_count() or 1)
    if model == "mlp":
        net = torch.nn.Sequential(torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 512),
                                  torch.nn.ReLU(), torch.nn.Linear(512, 10))
    else:
        net = torch.nn.Sequential(
            torch.nn.Conv2d(1, 6, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2), torch.nn.Conv2d(6, 16, 5),
            torch.nn.ReLU(), torch.nn.MaxPool2d(2), torch.nn.Flatten(), torch.nn.Linear(400, 120), torch.nn.ReLU(),
            torch.nn.Linear(120, 84), torch.nn.ReLU(), torch.nn.Linear(84, 10))
    with torch.no_grad():
        for p, w in zip(net.parameters(), weights):
            p.copy_(torch.from_numpy(w))
    return net


def build_torch(model, weights):
    import torch

    net = torch_net(model, weights)
    opt = torch.optim.SGD(net.parameters(), lr=LR)
    loss_fn = torch.nn.CrossEntropyLoss()

    def step(x, y):
        opt.zero_grad()
        loss = loss_fn(net(torch.from_numpy(x)), torch.from_numpy(y).long())
        loss.backward()
        opt.step()
        return float(loss)

    return step


def jax_forward(model):
    import jax
    import jax.numpy as jnp

    kinds = [kind for kind, _ in layers(model)]

    def forward(params, x):
        h = x
        for i, kind in enumerate(kinds):
            w, b = params[2 * i], params[2 * i + 1]
            if kind == "conv":
                h = jax.lax.conv_general_dilated(h, w, (1, 1), "VALID") + b[None, :, None, None]
                h = jax.lax.reduce_window(jax.nn.relu(h), -jnp.inf, jax.lax.max, (1, 1, 2, 2), (1, 1, 2, 2), "VALID")
            else:
                h = h.reshape(h.shape[0], -1) @ w.T + b
                if i < len(kinds) - 1:
                    h = jax.nn.relu(h)
        return h

    return forward


def build_jax(model, weights):
    import jax
    import jax.numpy as jnp

    forward = jax_forward(model)

    def loss_fn(params, x, y):
        logp = jax.nn.log_softmax(forward(params, x))
        return -jnp.mean(jnp.take_along_axis(logp, y[:, None], axis=1))

    @jax.jit
    def update(params, x, y):
        loss, grads = jax.value_and_grad(loss_fn)(params, x, y)
        return loss, [p - LR * g for p, g in zip(params, grads)]

    state = {"params": [jnp.asarray(w) for w in weights]}

    def step(x, y):
        loss, state["params"] = update(state["params"], x, y)
        return float(loss.block_until_ready())

    return step


def graph_mode_mindspore():
    import mindspore as ms

    return graph_mode(ms)


def mindspore_net(model, weights):
    return same_api_net(graph_mode_mindspore(), model, weights)


def build_mindspore(model, weights):
    return same_api_step(graph_mode_mindspore(), model, weights)


# ---- forward passes: build(model, weights, x) -> (call, to_numpy). The input is converted to the
# library's tensor once; call() runs one forward pass and returns when its result is readable.

def forward_mindc(model, weights, x):
    import mindc

    net = mindc_net(model, weights).set_train(False)
    xt = mindc.Tensor(x)
    return (lambda: net(xt)), (lambda out: out.asnumpy())


def forward_torch(model, weights, x):
    import torch

    net = torch_net(model, weights).eval()
    xt = torch.from_numpy(x)

    def call():
        with torch.no_grad():
            return net(xt)

    return call, (lambda out: out.numpy())


def forward_jax(model, weights, x):
    import jax
    import jax.numpy as jnp

    fn = jax.jit(jax_forward(model))
    params, xt = [jnp.asarray(w) for w in weights], jnp.asarray(x)
    return (lambda: fn(params, xt).block_until_ready()), np.asarray


def forward_mindspore(model, weights, x):
    import mindspore as ms

    net = mindspore_net(model, weights)
    net.set_train(False)
    xt = ms.Tensor(x)
    return (lambda: net(xt).asnumpy()), (lambda out: out)


FORWARDS = {"mindc": forward_mindc, "torch": forward_torch, "jax": forward_jax, "mindspore": forward_mindspore}


BUILDERS = {"mindc": build_mindc, "torch": build_torch, "jax": build_jax, "mindspore": build_mindspore}


# ---- memory of this process (Linux)

def rss_mib() -> float:
    """Resident set size now."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def max_rss_mib() -> float:
    """Peak resident set size so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> bool:
    """Restart the kernel's peak-RSS mark (VmHWM, which ru_maxrss also reads) from the current
    RSS; False where the kernel does not let this process do it."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def worker(peer: str, model: str, batch: int, steps: int) -> dict:
    """Run in a fresh process: first call, then the median of `steps` steps, in seconds; the
    process's peak RSS, the peak during the timed steps and the RSS growth over them, in MiB."""
    weights, x, labels = make_data(model, batch)
    start = time.perf_counter()
    step = BUILDERS[peer](model, weights)
    loss0 = step(x, labels)
    first = time.perf_counter() - start
    for _ in range(2):
        step(x, labels)
    peak_before = max_rss_mib()  # imports, compiling and warm-up: read before the reset
    steps_peak_known = reset_peak_rss()
    rss_before = rss_mib()
    times = []
    for _ in range(steps):
        tick = time.perf_counter()
        step(x, labels)
        times.append(time.perf_counter() - tick)
    return {"first_s": first, "step_s": statistics.median(times), "loss0": loss0,
            "peak_rss_mib": max(peak_before, max_rss_mib()), "rss_growth_mib": rss_mib() - rss_before,
            "steps_peak_rss_mib": max_rss_mib() if steps_peak_known else None}


def forward_worker(peer: str, model: str, batch: int, calls: int, budget_s: float = 5.0) -> dict:
    """Run in a fresh process: first call (build, compile, one forward pass) and the median time
    of up to `calls` more (fewer if they take over budget_s), in seconds, and the first output."""
    weights, x, _ = make_data(model, batch)
    start = time.perf_counter()
    call, to_numpy = FORWARDS[peer](model, weights, x)
    out = to_numpy(call())
    first = time.perf_counter() - start
    for _ in range(10):
        call()
    times = []
    deadline = time.perf_counter() + budget_s
    while len(times) < calls and (len(times) < 3 or time.perf_counter() < deadline):
        tick = time.perf_counter()
        call()
        times.append(time.perf_counter() - tick)
    return {"first_s": first, "call_s": statistics.median(times), "calls": len(times),
            "out": np.asarray(out, np.float64).tolist()}


def run_worker(args: list[str], script: str = __file__) -> dict:
    """The JSON a worker process (script with args) printed last, or {"error": its last stderr line}."""
    done = subprocess.run([sys.executable, script, *args], capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": reason[:160]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(peer: str, model: str, batch: int, steps: int) -> dict:
    result = run_worker(["--worker", peer, model, str(batch), str(steps)])
    if "error" in result:
        return result
    weights, x, labels = make_data(model, batch)
    want = numpy_loss(model, weights, x, labels)
    if abs(result["loss0"] - want) > 1e-3 * max(1.0, abs(want)):
        result["error"] = f"wrong first loss {result['loss0']:.6f}, float64 numpy says {want:.6f}"
    return result


def measure_forward(peer: str, model: str, batch: int, calls: int) -> dict:
    result = run_worker(["--forward-worker", peer, model, str(batch), str(calls)])
    if "error" in result:
        return result
    weights, x, _ = make_data(model, batch)
    want = numpy_logits(model, weights, x)
    got = np.asarray(result.pop("out"))
    if got.shape != want.shape or not np.allclose(got, want, rtol=1e-3, atol=1e-4):
        result["error"] = f"output differs from float64 numpy (max error {np.max(np.abs(got - want)):.2e})" \
            if got.shape == want.shape else f"output shape {list(got.shape)}, expected {list(want.shape)}"
    return result


MODEL_NAMES = {"mlp": "MLP 784-512-512-10", "lenet": "LeNet5 (1x32x32)"}


def render(results: dict, quick: bool, forwards: dict | None = None) -> str:
    """The section: step times, memory, then batch-1 forward latency (forwards maps
    (model, batch) to {peer: result})."""
    info = machine()
    lines = [SECTION, "",
             f"Machine: {info['CPU']}, {info['cores']}, {info['vector ISA']}; Python {info['Python']}."
             + (" Quick run (few steps): indicative only." if quick else ""),
             "One SGD training step (forward, softmax cross-entropy, backward, update), float32; "
             "first call = compile + one step; step = median after warm-up; each peer in its own process; "
             "ratios are mindc's time over the peer's (lower is better for mindc).", "",
             "| model | batch | " + " | ".join(f"{p} first call | {p} step" for p in PEERS) + " |",
             "| --- | --- | " + " | ".join("--- | ---" for _ in PEERS) + " |"]
    lines += timing_rows(results, lambda r: f"{1e3 * r['step_s']:.2f} ms")
    lines += ["", "mindc step time relative to each peer (mindc / peer):", ""]
    lines += ratio_lines(results, "step_s")
    lines += ["", "### Memory of the training process", "",
              "Resident set size in MiB, read in each peer's training process: *peak* is the whole "
              "process's (ru_maxrss: library imports, compiling and warm-up included); *in steps* is the "
              "peak during the timed steps alone (the kernel's peak mark reset after warm-up); *growth* is "
              "the RSS after the timed steps minus before them (steady state: a leak shows here).", "",
              "| model | batch | " + " | ".join(f"{p} peak | {p} in steps | {p} growth" for p in PEERS) + " |",
              "| --- | --- | " + " | ".join("--- | --- | ---" for _ in PEERS) + " |"]
    for (model, batch), by_peer in results.items():
        cells = []
        for peer in PEERS:
            r = by_peer.get(peer)
            if r is None or "error" in r or "peak_rss_mib" not in r:
                cells += ["-", "-", "-"]
                continue
            steps_peak = r.get("steps_peak_rss_mib")
            cells += [f"{r['peak_rss_mib']:.0f}", f"{steps_peak:.0f}" if steps_peak is not None else "-",
                      f"{r['rss_growth_mib']:+.1f}"]
        lines.append(f"| {MODEL_NAMES[model]} | {batch} | " + " | ".join(cells) + " |")
    lines += ["", "mindc peak RSS relative to each peer (mindc / peer; the target is <= 1 against torch):", ""]
    lines += ratio_lines(results, "peak_rss_mib")
    if forwards:
        lines += forward_lines(forwards)
    return "\n".join(lines) + "\n"


def timing_rows(results: dict, timing) -> list[str]:
    """One table row per (model, batch): each peer's first call and timing(result), or why not."""
    rows = []
    for (model, batch), by_peer in results.items():
        cells = []
        for peer in PEERS:
            r = by_peer.get(peer)
            if r is None:
                cells += ["-", "-"]
            elif "error" in r:
                cells += [f"failed: {r['error']}", "-"]
            else:
                cells += [f"{r['first_s']:.2f} s", timing(r)]
        rows.append(f"| {MODEL_NAMES[model]} | {batch} | " + " | ".join(cells) + " |")
    return rows


def ratio_lines(results: dict, field: str) -> list[str]:
    lines = []
    for (model, batch), by_peer in results.items():
        mine = by_peer.get("mindc", {})
        ok = field in mine and "error" not in mine
        ratios = [f"{p} {mine[field] / r[field]:.2f}x" for p, r in by_peer.items()
                  if ok and p != "mindc" and r.get(field) and "error" not in r]
        lines.append(f"- {model} batch {batch}: " + (", ".join(ratios) or "no comparison"))
    return lines


def forward_lines(forwards: dict) -> list[str]:
    lines = ["", "### Forward pass latency", "",
             "Eval-mode forward pass, float32, on an input converted to the library's tensor once: mindc "
             "calls the Cell (its compiled graph), torch eager under no_grad, JAX a jitted function with "
             "block_until_ready, MindSpore a graph-mode Cell with asnumpy. *call* is the median of many "
             "calls (dispatch overhead included), *first call* builds, compiles and runs once; each peer in "
             "its own process. The target for mindc is within 1.5x of the best peer.", "",
             "| model | batch | " + " | ".join(f"{p} first call | {p} call" for p in PEERS) + " |",
             "| --- | --- | " + " | ".join("--- | ---" for _ in PEERS) + " |"]
    lines += timing_rows(forwards, lambda r: f"{1e6 * r['call_s']:.1f} µs")
    lines += ["", "mindc forward latency relative to each peer (mindc / peer) and to the best peer:", ""]
    for (model, batch), by_peer in forwards.items():
        line = ratio_lines({(model, batch): by_peer}, "call_s")[0]
        peers = [r["call_s"] for p, r in by_peer.items() if p != "mindc" and "error" not in r]
        mine = by_peer.get("mindc", {})
        if peers and "call_s" in mine and "error" not in mine:
            line += f"; best peer {mine['call_s'] / min(peers):.2f}x"
        lines.append(line)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=4, metavar=("PEER", "MODEL", "BATCH", "STEPS"), help=argparse.SUPPRESS)
    parser.add_argument("--forward-worker", nargs=4, metavar=("PEER", "MODEL", "BATCH", "CALLS"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--peers", default=",".join(PEERS))
    parser.add_argument("--models", default=",".join(MODELS))
    parser.add_argument("--batches", default="64,512")
    parser.add_argument("--forward", default="1", help="batch sizes of the MLP forward latency rows ('' for none)")
    parser.add_argument("--quick", action="store_true", help="3 timed steps instead of 20, 200 forward calls "
                                                             "instead of 2000")
    parser.add_argument("--out", default="-", help="results file whose section to replace, or - for stdout")
    args = parser.parse_args()
    if args.worker or args.forward_worker:
        peer, model, batch, count = args.worker or args.forward_worker
        run = worker if args.worker else forward_worker
        print(json.dumps(run(peer, model, int(batch), int(count))))
        return
    peers = args.peers.split(",")
    results, forwards = {}, {}
    for model in args.models.split(","):
        for batch in map(int, args.batches.split(",")):
            results[(model, batch)] = {p: measure(p, model, batch, 3 if args.quick else 20) for p in peers}
            print(f"{model} b{batch}: " + ", ".join(
                f"{p} {r['step_s'] * 1e3:.2f} ms" if "error" not in r else f"{p} failed ({r['error']})"
                for p, r in results[(model, batch)].items()), file=sys.stderr)
    for batch in map(int, filter(None, args.forward.split(","))):
        forwards[("mlp", batch)] = {p: measure_forward(p, "mlp", batch, 200 if args.quick else 2000) for p in peers}
        print(f"mlp forward b{batch}: " + ", ".join(
            f"{p} {r['call_s'] * 1e6:.1f} µs" if "error" not in r else f"{p} failed ({r['error']})"
            for p, r in forwards[("mlp", batch)].items()), file=sys.stderr)
    text = render(results, args.quick, forwards)
    write_section(args.out, SECTION, text)


if __name__ == "__main__":
    main()
