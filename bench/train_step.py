"""Training-step benchmark: MLP 784-512-512-10 and LeNet5, mindc against PyTorch, JAX and MindSpore.

    python bench/train_step.py --out bench/RESULTS.md     # replaces its "## Training steps" section
    python bench/train_step.py --quick --peers mindc --out -

One training step is forward, softmax cross-entropy, backward and a plain SGD update (lr 0.01),
written the way each library's users write it: mindc and MindSpore with nn.TrainOneStepCell in
graph mode, PyTorch eager with an optimizer, JAX with one jitted update function. Every peer
starts from the same numpy weights and batch, runs in a process of its own (idle thread pools
of one library slow the next), and its first loss is checked against float64 numpy before it
is timed. "first call" is compile plus one step; "step" is the median after two warm-up steps.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import machine, replace_section  # noqa: E402

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


def numpy_loss(model: str, weights, x, labels) -> float:
    """The first step's loss in float64: the reference every peer must agree with."""
    h = x.astype(np.float64)
    for (kind, _), w, b in zip(layers(model), weights[::2], weights[1::2]):
        w, b = w.astype(np.float64), b.astype(np.float64)
        if kind == "conv":
            h = _max_pool2(np.maximum(_conv_valid(h, w) + b[:, None, None], 0))
            continue
        h = h.reshape(len(h), -1) @ w.T + b
        if w.shape[0] != 10:
            h = np.maximum(h, 0)
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

def build_mindc(model, weights):
    import mindc
    from mindc import nn

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            if model == "mlp":
                self.body = nn.SequentialCell(nn.Dense(784, 512), nn.ReLU(), nn.Dense(512, 512), nn.ReLU(),
                                              nn.Dense(512, 10))
            else:
                self.body = nn.SequentialCell(
                    nn.Conv2d(1, 6, 5, pad_mode="valid", has_bias=True), nn.ReLU(), nn.MaxPool2d(2, 2),
                    nn.Conv2d(6, 16, 5, pad_mode="valid", has_bias=True), nn.ReLU(), nn.MaxPool2d(2, 2),
                    nn.Flatten(), nn.Dense(400, 120), nn.ReLU(), nn.Dense(120, 84), nn.ReLU(), nn.Dense(84, 10))

        def construct(self, x):
            return self.body(x)

    net = Net()
    for p, w in zip(net.trainable_params(), weights):
        p.set_data(w)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss), nn.SGD(net.trainable_params(), learning_rate=LR))
    step.set_train()
    return lambda x, y: float(step(mindc.Tensor(x), mindc.Tensor(y)).asnumpy())


def build_torch(model, weights):
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
    opt = torch.optim.SGD(net.parameters(), lr=LR)
    loss_fn = torch.nn.CrossEntropyLoss()

    def step(x, y):
        opt.zero_grad()
        loss = loss_fn(net(torch.from_numpy(x)), torch.from_numpy(y).long())
        loss.backward()
        opt.step()
        return float(loss)

    return step


def build_jax(model, weights):
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


def build_mindspore(model, weights):
    import mindspore as ms
    from mindspore import nn

    ms.set_context(mode=ms.GRAPH_MODE, device_target="CPU")
    if model == "mlp":
        net = nn.SequentialCell(nn.Dense(784, 512), nn.ReLU(), nn.Dense(512, 512), nn.ReLU(), nn.Dense(512, 10))
    else:
        net = nn.SequentialCell(
            nn.Conv2d(1, 6, 5, pad_mode="valid", has_bias=True), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Conv2d(6, 16, 5, pad_mode="valid", has_bias=True), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Flatten(),
            nn.Dense(400, 120), nn.ReLU(), nn.Dense(120, 84), nn.ReLU(), nn.Dense(84, 10))
    for p, w in zip(net.trainable_params(), weights):
        p.set_data(ms.Tensor(w))
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss), nn.SGD(net.trainable_params(), learning_rate=LR))
    step.set_train()
    return lambda x, y: float(step(ms.Tensor(x), ms.Tensor(y)).asnumpy())


BUILDERS = {"mindc": build_mindc, "torch": build_torch, "jax": build_jax, "mindspore": build_mindspore}


def worker(peer: str, model: str, batch: int, steps: int) -> dict:
    """Run in a fresh process: first call, then the median of `steps` steps, in seconds."""
    weights, x, labels = make_data(model, batch)
    start = time.perf_counter()
    step = BUILDERS[peer](model, weights)
    loss0 = step(x, labels)
    first = time.perf_counter() - start
    for _ in range(2):
        step(x, labels)
    times = []
    for _ in range(steps):
        tick = time.perf_counter()
        step(x, labels)
        times.append(time.perf_counter() - tick)
    return {"first_s": first, "step_s": statistics.median(times), "loss0": loss0}


def measure(peer: str, model: str, batch: int, steps: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", peer, model, str(batch), str(steps)]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": reason[:160]}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    weights, x, labels = make_data(model, batch)
    want = numpy_loss(model, weights, x, labels)
    if abs(result["loss0"] - want) > 1e-3 * max(1.0, abs(want)):
        result["error"] = f"wrong first loss {result['loss0']:.6f}, float64 numpy says {want:.6f}"
    return result


def render(results: dict, quick: bool) -> str:
    info = machine()
    lines = [SECTION, "",
             f"Machine: {info['CPU']}, {info['cores']}, {info['vector ISA']}; Python {info['Python']}."
             + (" Quick run (few steps): indicative only." if quick else ""),
             "One SGD training step (forward, softmax cross-entropy, backward, update), float32; "
             "first call = compile + one step; step = median after warm-up; each peer in its own process; "
             "ratios are mindc's time over the peer's (lower is better for mindc).", "",
             "| model | batch | " + " | ".join(f"{p} first call | {p} step" for p in PEERS) + " |",
             "| --- | --- | " + " | ".join("--- | ---" for _ in PEERS) + " |"]
    for (model, batch), by_peer in results.items():
        cells = []
        for peer in PEERS:
            r = by_peer.get(peer)
            if r is None:
                cells += ["-", "-"]
            elif "error" in r:
                cells += [f"failed: {r['error']}", "-"]
            else:
                cells += [f"{r['first_s']:.2f} s", f"{1e3 * r['step_s']:.2f} ms"]
        name = "MLP 784-512-512-10" if model == "mlp" else "LeNet5 (1x32x32)"
        lines.append(f"| {name} | {batch} | " + " | ".join(cells) + " |")
    lines += ["", "mindc step time relative to each peer (mindc / peer):", ""]
    for (model, batch), by_peer in results.items():
        mine = by_peer.get("mindc", {})
        ratios = [f"{p} {mine['step_s'] / r['step_s']:.2f}x" for p, r in by_peer.items()
                  if p != "mindc" and "step_s" in r and "error" not in r and "step_s" in mine and "error" not in mine]
        lines.append(f"- {model} batch {batch}: " + (", ".join(ratios) or "no comparison"))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=4, metavar=("PEER", "MODEL", "BATCH", "STEPS"), help=argparse.SUPPRESS)
    parser.add_argument("--peers", default=",".join(PEERS))
    parser.add_argument("--models", default=",".join(MODELS))
    parser.add_argument("--batches", default="64,512")
    parser.add_argument("--quick", action="store_true", help="3 timed steps instead of 20")
    parser.add_argument("--out", default="-", help="results file whose section to replace, or - for stdout")
    args = parser.parse_args()
    if args.worker:
        peer, model, batch, steps = args.worker
        print(json.dumps(worker(peer, model, int(batch), int(steps))))
        return
    peers = args.peers.split(",")
    results = {}
    for model in args.models.split(","):
        for batch in map(int, args.batches.split(",")):
            results[(model, batch)] = {p: measure(p, model, batch, 3 if args.quick else 20) for p in peers}
            print(f"{model} b{batch}: " + ", ".join(
                f"{p} {r['step_s'] * 1e3:.2f} ms" if "error" not in r else f"{p} failed ({r['error']})"
                for p, r in results[(model, batch)].items()), file=sys.stderr)
    text = render(results, args.quick)
    if args.out == "-":
        print(text)
    else:
        replace_section(args.out, SECTION, text)


if __name__ == "__main__":
    main()
