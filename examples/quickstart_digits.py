"""MindSpore's beginner quick start, as its users write it, on scikit-learn's digits: PyNative mode
(the default), a training step written with `value_and_grad(..., has_aux=True)` over the
optimizer's parameters, train and test loops over dataset iterators, a checkpoint round trip.

Every op runs eagerly through its own compiled kernel; the gradient of `forward_fn` is traced
and differentiated by the mind-autodiff pass (reused while the trace provably repeats); the
optimizer's `construct` is a `jit` function, so each update is one compiled call.

    python examples/quickstart_digits.py [--epochs N] [--graph]
"""
from __future__ import annotations

import argparse
import os
import tempfile

import numpy as np
from digits_data import batches, splits

import mindc
from mindc import nn


class Network(nn.Cell):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.dense_relu_sequential = nn.SequentialCell(
            nn.Dense(64, 256), nn.ReLU(), nn.Dense(256, 256), nn.ReLU(), nn.Dense(256, 10))

    def construct(self, x):
        return self.dense_relu_sequential(self.flatten(x))


def trainer(model: nn.Cell, loss_fn: nn.Cell, optimizer: nn.Optimizer):
    """train_step(data, label) -> loss: the quick start's functional training step."""
    def forward_fn(data, label):
        logits = model(data)
        return loss_fn(logits, label), logits

    grad_fn = mindc.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)

    def train_step(data, label):
        (loss, _), grads = grad_fn(data, label)
        optimizer(grads)
        return loss

    return train_step


def train_epoch(model, train_step, dataset) -> float:
    model.set_train()
    losses = [float(train_step(data, label).asnumpy()) for data, label in dataset.create_tuple_iterator()]
    return float(np.mean(losses))


def evaluate(model, dataset, loss_fn) -> tuple[float, float]:
    """(accuracy in %, mean loss) over the dataset."""
    model.set_train(False)
    total = correct = 0
    losses = []
    for data, label in dataset.create_tuple_iterator():
        pred = model(data)
        losses.append(float(loss_fn(pred, label).asnumpy()))
        correct += int((pred.argmax(1) == label).asnumpy().sum())
        total += len(data)
    return 100.0 * correct / total, float(np.mean(losses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--graph", action="store_true", help="GRAPH_MODE instead of the default PYNATIVE_MODE")
    args = parser.parse_args()

    mindc.set_context(mode=mindc.GRAPH_MODE if args.graph else mindc.PYNATIVE_MODE)
    mindc.set_seed(args.seed)
    (x_train, y_train), (x_test, y_test) = splits(args.seed)
    train_dataset = batches(x_train, y_train, args.batch, shuffle=True)
    test_dataset = batches(x_test, y_test, len(x_test), shuffle=False)

    model = Network()
    loss_fn = nn.CrossEntropyLoss()
    optimizer = nn.SGD(model.trainable_params(), args.lr)
    train_step = trainer(model, loss_fn, optimizer)
    for epoch in range(args.epochs):
        loss = train_epoch(model, train_step, train_dataset)
        accuracy, test_loss = evaluate(model, test_dataset, loss_fn)
        print(f"epoch {epoch + 1}: train loss {loss:.4f}, test loss {test_loss:.4f}, accuracy {accuracy:.1f}%")

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "model.ckpt")
        mindc.save_checkpoint(model, path)
        restored = Network()
        not_loaded, _ = mindc.load_param_into_net(restored, mindc.load_checkpoint(path))
    assert not not_loaded, not_loaded
    restored_accuracy, _ = evaluate(restored, test_dataset, loss_fn)
    print(f"test accuracy {accuracy:.1f}% ({'graph' if args.graph else 'pynative'} mode); "
          f"restored from the checkpoint: {restored_accuracy:.1f}%")


if __name__ == "__main__":
    main()
