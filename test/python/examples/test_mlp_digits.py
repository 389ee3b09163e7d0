"""The demo's compiled training step against a float64 numpy step, and its training to accuracy."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")
sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "examples"))
import mlp_digits  # noqa: E402

import mindc  # noqa: E402


def numpy_step(x, labels, w1, b1, w2, b2, lr):
    hidden = x @ w1 + b1
    logits = np.maximum(hidden, 0) @ w2 + b2
    shifted = logits - logits.max(-1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(-1, keepdims=True))
    loss = -(labels * log_p).sum(-1).mean()
    d_logits = (np.exp(log_p) - labels) / len(x)
    d_hidden = d_logits @ w2.T * (hidden > 0)
    return [loss, w1 - lr * x.T @ d_hidden, b1 - lr * d_hidden.sum(0),
            w2 - lr * np.maximum(hidden, 0).T @ d_logits, b2 - lr * d_logits.sum(0)]


def test_compiled_step_matches_float64_numpy():
    rng = np.random.default_rng(1)
    x = rng.random((32, 64)).astype(np.float32)
    labels = np.eye(10, dtype=np.float32)[rng.integers(0, 10, 32)]
    params = [p.asnumpy() for p in mlp_digits.init_params(rng)]
    params[1] = rng.standard_normal(128).astype(np.float32) * 0.1  # nonzero biases
    params[3] = rng.standard_normal(10).astype(np.float32) * 0.1
    got = mlp_digits.train_step(mindc.Tensor(x), mindc.Tensor(labels), *map(mindc.Tensor, params), 0.5)
    want = numpy_step(x.astype(np.float64), labels.astype(np.float64), *[p.astype(np.float64) for p in params], 0.5)
    for g, w in zip(got, want):
        np.testing.assert_allclose(g.asnumpy(), w, rtol=1e-4, atol=1e-5)


def test_training_reaches_high_test_accuracy(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["mlp_digits.py", "--epochs", "15"])
    mlp_digits.main()
    accuracy = float(capsys.readouterr().out.split("test accuracy ")[1].split("%")[0])
    assert accuracy > 95.0
