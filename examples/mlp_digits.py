"""Train an MLP on scikit-learn's digits with one compiled training step, end to end.

The whole step — forward pass, softmax cross-entropy, the backward pass and the SGD update — is
one `mindc.jit` function: traced into the `mind` dialect, lowered through linalg and LLVM, and run
as native code. The gradients are written out by hand here; `mindc.grad` (reverse-mode autodiff
as an MLIR pass) will derive them.

    python3 make.py demo              # or: python examples/mlp_digits.py [--epochs N]
"""
from __future__ import annotations

import argparse
import time

import numpy as np
from sklearn.datasets import load_digits

import mindc
from mindc import ops


def forward(x, w1, b1, w2, b2):
    hidden = ops.matmul(x, w1) + b1
    return hidden, ops.matmul(ops.relu(hidden), w2) + b2


@mindc.jit
def train_step(x, labels, w1, b1, w2, b2, lr):
    """One SGD step on a batch; returns the batch loss and the updated parameters."""
    hidden, logits = forward(x, w1, b1, w2, b2)
    loss = -ops.mean(ops.sum(labels * ops.log_softmax(logits, axis=-1), dim=-1))
    # d loss / d logits of the mean softmax cross-entropy.
    d_logits = (ops.softmax(logits, axis=-1) - labels) / x.shape[0]
    d_hidden = ops.matmul(d_logits, ops.transpose(w2, (1, 0))) * ops.cast(hidden > 0, mindc.float32)
    d_w2 = ops.matmul(ops.transpose(ops.relu(hidden), (1, 0)), d_logits)
    d_w1 = ops.matmul(ops.transpose(x, (1, 0)), d_hidden)
    return (loss, w1 - lr * d_w1, b1 - lr * ops.sum(d_hidden, dim=0),
            w2 - lr * d_w2, b2 - lr * ops.sum(d_logits, dim=0))


@mindc.jit
def predict(x, w1, b1, w2, b2):
    return ops.argmax(forward(x, w1, b1, w2, b2)[1], dim=-1)


def load(seed: int):
    digits = load_digits()
    x = (digits.data / 16.0).astype(np.float32)
    y = digits.target.astype(np.int64)
    order = np.random.default_rng(seed).permutation(len(x))
    x, y = x[order], y[order]
    split = int(0.8 * len(x))
    return (x[:split], y[:split]), (x[split:], y[split:])


def init_params(rng, sizes=(64, 128, 10)):
    params = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        bound = 1 / np.sqrt(fan_in)  # MindSpore's Dense default (HeUniform(sqrt(5))) has this bound
        params += [rng.uniform(-bound, bound, (fan_in, fan_out)).astype(np.float32), np.zeros(fan_out, np.float32)]
    return [mindc.Tensor(p) for p in params]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    rng = np.random.default_rng(args.seed)
    (x_train, y_train), (x_test, y_test) = load(args.seed)
    eye = np.eye(10, dtype=np.float32)
    params = init_params(rng)
    steps = len(x_train) // args.batch  # full batches only: one compiled signature

    start = time.perf_counter()
    train_step(mindc.Tensor(x_train[: args.batch]), mindc.Tensor(eye[y_train[: args.batch]]), *params, args.lr)
    print(f"compiled the training step in {time.perf_counter() - start:.2f} s")

    step_times = []
    for epoch in range(args.epochs):
        order = rng.permutation(len(x_train))
        losses = []
        for i in range(steps):
            batch = order[i * args.batch:(i + 1) * args.batch]
            tick = time.perf_counter()
            loss, *params = train_step(mindc.Tensor(x_train[batch]), mindc.Tensor(eye[y_train[batch]]), *params, args.lr)
            step_times.append(time.perf_counter() - tick)
            losses.append(float(loss.asnumpy()))
        if epoch % 5 == 4 or epoch == args.epochs - 1:
            print(f"epoch {epoch + 1:3d}  loss {np.mean(losses):.4f}")

    accuracy = np.mean(predict(mindc.Tensor(x_test), *params).asnumpy() == y_test)
    print(f"median step {1e3 * np.median(step_times):.3f} ms over {len(step_times)} steps; "
          f"test accuracy {100 * accuracy:.1f}% on {len(x_test)} held-out digits")


if __name__ == "__main__":
    main()
