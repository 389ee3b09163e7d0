"""PyNative (eager) benchmark: mindc's op dispatch and training step against PyTorch eager.

    python bench/pynative.py --out bench/RESULTS.md     # replaces its "## PyNative" section
    python bench/pynative.py --quick --peers mindc --out -

Two measurements, each peer in a process of its own:
- dispatch: one eager add of two 4-element float32 tensors already in the library's tensor
  type, result not read back: the cost of calling a cached kernel (mindc's target: <= 10 µs);
- step: the MLP 784-512-512-10 SGD training step of bench/train_step.py at batch 64, written
  with MindSpore's API for mindc and MindSpore in PYNATIVE_MODE (nn.TrainOneStepCell run
  eagerly), with torch.optim for PyTorch eager (mindc's target: within 1.5x of PyTorch's).
Both check their result against numpy before timing.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_step  # noqa: E402
from report import machine, write_section  # noqa: E402

PEERS = ["mindc", "torch", "mindspore", "numpy"]
SECTION = "## PyNative"


def pynative(lib):
    lib.set_context(mode=lib.PYNATIVE_MODE, device_target="CPU")
    return lib


def adder(peer: str, a: np.ndarray, b: np.ndarray):
    """() -> the sum of a and b in the peer's eager tensors, and how to read it back."""
    if peer == "numpy":
        return (lambda: np.add(a, b)), np.asarray
    if peer == "torch":
        import torch

        ta, tb = torch.from_numpy(a), torch.from_numpy(b)
        return (lambda: ta + tb), (lambda out: out.numpy())
    lib = pynative(__import__("mindspore" if peer == "mindspore" else "mindc"))
    ta, tb = lib.Tensor(a), lib.Tensor(b)
    return (lambda: lib.ops.add(ta, tb)), (lambda out: out.asnumpy())


def dispatch_worker(peer: str, calls: int) -> dict:
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal(4).astype(np.float32), rng.standard_normal(4).astype(np.float32)
    call, to_numpy = adder(peer, a, b)
    if not np.allclose(to_numpy(call()), a.astype(np.float64) + b, rtol=1e-6):
        return {"error": "wrong sum"}
    for _ in range(100):
        call()
    times = []
    for _ in range(calls):
        tick = time.perf_counter()
        call()
        times.append(time.perf_counter() - tick)
    return {"call_s": statistics.median(times)}


def step_worker(peer: str, steps: int) -> dict:
    weights, x, labels = train_step.make_data("mlp", 64)
    if peer == "torch":
        step = train_step.build_torch("mlp", weights)
    else:
        step = train_step.same_api_step(pynative(__import__(peer)), "mlp", weights)
    start = time.perf_counter()
    loss0 = step(x, labels)
    first = time.perf_counter() - start
    want = train_step.numpy_loss("mlp", weights, x, labels)
    if abs(loss0 - want) > 1e-3 * max(1.0, abs(want)):
        return {"error": f"wrong first loss {loss0:.6f}, float64 numpy says {want:.6f}"}
    for _ in range(2):
        step(x, labels)
    times = []
    for _ in range(steps):
        tick = time.perf_counter()
        step(x, labels)
        times.append(time.perf_counter() - tick)
    return {"first_s": first, "step_s": statistics.median(times)}


def render(dispatch: dict, steps: dict, quick: bool) -> str:
    info = machine()
    lines = [SECTION, "",
             f"Machine: {info['CPU']}, {info['cores']}; Python {info['Python']}."
             + (" Quick run: indicative only." if quick else ""),
             "Eager execution, each peer in its own process, medians. *dispatch*: one add of two "
             "4-element float32 tensors (target <= 10 µs). *MLP step*: 784-512-512-10 SGD step at batch 64, "
             "mindc and MindSpore in PYNATIVE_MODE with nn.TrainOneStepCell, PyTorch eager with torch.optim "
             "(target: within 1.5x of PyTorch); first call includes compiling.", "",
             "| peer | dispatch | MLP step (b64) | MLP first call |", "| --- | --- | --- | --- |"]
    for peer in dict.fromkeys([*dispatch, *steps]):
        d, s = dispatch.get(peer, {}), steps.get(peer, {})
        lines.append(f"| {peer} | {_cell(d, 'call_s', 1e6, 'µs')} | {_cell(s, 'step_s', 1e3, 'ms')} | "
                     f"{_cell(s, 'first_s', 1, 's')} |")
    mine = steps.get("mindc", {})
    torch = steps.get("torch", {})
    if "step_s" in mine and "step_s" in torch:
        lines += ["", f"mindc PyNative step / PyTorch eager step: {mine['step_s'] / torch['step_s']:.2f}x"]
    return "\n".join(lines) + "\n"


def _cell(result: dict, field: str, scale: float, unit: str) -> str:
    if "error" in result:
        return f"failed: {result['error']}"
    return f"{result[field] * scale:.2f} {unit}" if field in result else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=3, metavar=("KIND", "PEER", "COUNT"), help=argparse.SUPPRESS)
    parser.add_argument("--peers", default=",".join(PEERS))
    parser.add_argument("--quick", action="store_true", help="few calls and steps")
    parser.add_argument("--out", default="-", help="results file whose section to replace, or - for stdout")
    args = parser.parse_args()
    if args.worker:
        kind, peer, count = args.worker
        print(json.dumps((dispatch_worker if kind == "dispatch" else step_worker)(peer, int(count))))
        return
    peers = args.peers.split(",")
    dispatch = {p: train_step.run_worker(["--worker", "dispatch", p,
                                          "1000" if args.quick else "20000"], script=__file__) for p in peers}
    steps = {p: train_step.run_worker(["--worker", "step", p, "3" if args.quick else "20"], script=__file__)
             for p in peers if p != "numpy"}
    text = render(dispatch, steps, args.quick)
    print(text, file=sys.stderr)
    write_section(args.out, SECTION, text)


if __name__ == "__main__":
    main()
