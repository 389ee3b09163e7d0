"""Whole-model gradients through mindc's Python API, against central finite differences in float64.

Each model is a loss of (parameters, data). Its gradient comes from mindc.value_and_grad (over
Parameters passed as `weights`, or over parameter arguments by grad_position); the reference is
the directional derivative of the model's own compiled forward (mindc.jit) along a random
direction for each parameter, as helpers.check_vjp does for single ops. Tolerances: helpers.EPS
and helpers.GRAD_TOL (central differences in float64 agree to about 1e-8 relative).
"""
from __future__ import annotations

import math
from typing import Callable

import numpy as np
import pytest
from helpers import EPS, GRAD_TOL

import mindc
from mindc import ops

T = mindc.Tensor
VALUE_TOL = dict(rtol=1e-12, atol=1e-12)


def check_model_gradient(loss: Callable, params: dict[str, np.ndarray], data: tuple, *, use_weights: bool,
                         seed: int = 0, directions: int = 2) -> None:
    """value_and_grad of loss(params, *data) over every parameter against central differences of
    the jitted loss along random directions, one parameter at a time (so a wrong gradient is
    named); the loss value must equal the forward's."""
    names, values = list(params), list(params.values())
    data = tuple(T(d) for d in data)
    n = len(values)
    forward = mindc.jit(lambda *args: loss(dict(zip(names, args[:n])), *args[n:]))
    if use_weights:
        weights = [mindc.Parameter(v, name=k) for k, v in params.items()]
        by_name = dict(zip(names, weights))
        value, grads = mindc.value_and_grad(lambda *d: loss(by_name, *d), grad_position=None, weights=weights)(*data)
    else:
        value, grads = mindc.value_and_grad(lambda *args: loss(dict(zip(names, args[:n])), *args[n:]),
                                            grad_position=tuple(range(n)))(*map(T, values), *data)
    assert len(grads) == n
    np.testing.assert_allclose(value.asnumpy(), forward(*map(T, values), *data).asnumpy(), **VALUE_TOL)

    def along(i, u, t):
        moved = [v + t * u if j == i else v for j, v in enumerate(values)]
        return float(forward(*map(T, moved), *data).asnumpy())

    rng = np.random.default_rng(seed)
    for i, (name, g) in enumerate(zip(names, grads)):
        assert g.shape == values[i].shape, f"gradient of {name} has shape {g.shape}, expected {values[i].shape}"
        for _ in range(directions):
            u = rng.standard_normal(values[i].shape)
            numeric = (along(i, u, EPS) - along(i, u, -EPS)) / (2 * EPS)
            analytic = float(np.sum(g.asnumpy() * u))
            np.testing.assert_allclose(analytic, numeric, **GRAD_TOL,
                                       err_msg=f"gradient of {name} disagrees with central differences")


def init(shapes: dict[str, tuple[int, ...]], seed: int, scale: float = 0.5) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {k: scale * rng.standard_normal(s) for k, s in shapes.items()}


def one_hot(labels, classes: int) -> np.ndarray:
    return np.eye(classes)[labels]


def cross_entropy(logits, labels):
    """Mean over the batch of -sum(one-hot labels * log_softmax(logits))."""
    return -ops.mean(ops.sum(labels * ops.log_softmax(logits, axis=-1), -1))


# ---- MLP: dense, relu, dense, log_softmax cross-entropy

def mlp_loss(p, x, labels):
    h = ops.relu(ops.matmul(x, p["w1"]) + p["b1"])
    return cross_entropy(ops.matmul(h, p["w2"]) + p["b2"], labels)


@pytest.mark.parametrize("use_weights", [True, False], ids=["weights", "positions"])
def test_mlp_gradient_matches_finite_differences(use_weights):
    params = init({"w1": (6, 8), "b1": (8,), "w2": (8, 3), "b2": (3,)}, seed=0)
    rng = np.random.default_rng(1)
    data = (rng.standard_normal((4, 6)), one_hot(rng.integers(0, 3, 4), 3))
    check_model_gradient(mlp_loss, params, data, use_weights=use_weights)


# ---- LeNet-like CNN: conv2d, relu, max_pool, conv2d, relu, avg_pool, flatten, dense

def lenet_loss(p, x, labels):
    h = ops.relu(ops.conv2d(x, p["c1"], p["c1_b"]))                 # 2x4x10x10
    h = ops.max_pool2d(h, kernel_size=2)                             # 2x4x5x5
    h = ops.relu(ops.conv2d(h, p["c2"], p["c2_b"], pad_mode="pad", padding=1))   # 2x6x5x5
    h = ops.avg_pool2d(h, kernel_size=2, stride=2)                   # 2x6x2x2
    h = ops.reshape(h, (h.shape[0], -1))                             # 2x24
    return cross_entropy(ops.matmul(h, p["fc"]) + p["fc_b"], labels)


def test_lenet_gradient_matches_finite_differences():
    params = init({"c1": (4, 1, 3, 3), "c1_b": (4,), "c2": (6, 4, 3, 3), "c2_b": (6,), "fc": (24, 3), "fc_b": (3,)},
                  seed=2)
    rng = np.random.default_rng(3)
    data = (rng.standard_normal((2, 1, 12, 12)), one_hot(rng.integers(0, 3, 2), 3))
    check_model_gradient(lenet_loss, params, data, use_weights=False)


# ---- Transformer encoder layer: multi-head self-attention, layer norm, GELU feed-forward

HEADS = 2


def layer_norm(x, gamma, beta, eps=1e-5):
    mu = ops.mean(x, -1, keep_dims=True)
    var = ops.mean(ops.square(x - mu), -1, keep_dims=True)
    return (x - mu) * ops.rsqrt(var + eps) * gamma + beta


def self_attention(p, x):
    batch, seq, d = x.shape
    dh = d // HEADS

    def heads(t):   # (B, S, D) -> (B, H, S, dh)
        return ops.transpose(ops.reshape(t, (batch, seq, HEADS, dh)), (0, 2, 1, 3))

    q, k, v = (heads(ops.matmul(x, p[f"w{n}"]) + p[f"b{n}"]) for n in "qkv")
    scores = ops.bmm(q, ops.transpose(k, (0, 1, 3, 2))) / math.sqrt(dh)
    context = ops.bmm(ops.softmax(scores, axis=-1), v)
    context = ops.reshape(ops.transpose(context, (0, 2, 1, 3)), (batch, seq, d))
    return ops.matmul(context, p["wo"]) + p["bo"]


def encoder_loss(p, x, target):
    h = layer_norm(x + self_attention(p, x), p["ln1_g"], p["ln1_b"])
    f = ops.matmul(ops.gelu(ops.matmul(h, p["w1"]) + p["b1"]), p["w2"]) + p["b2"]
    out = layer_norm(h + f, p["ln2_g"], p["ln2_b"])
    return ops.mean(out * target)


def test_transformer_encoder_gradient_matches_finite_differences():
    d, hidden = 8, 16
    shapes = {**{f"w{n}": (d, d) for n in "qkvo"}, **{f"b{n}": (d,) for n in "qkvo"},
              "ln1_g": (d,), "ln1_b": (d,), "w1": (d, hidden), "b1": (hidden,), "w2": (hidden, d), "b2": (d,),
              "ln2_g": (d,), "ln2_b": (d,)}
    params = init(shapes, seed=4)
    params["ln1_g"] += 1.0
    params["ln2_g"] += 1.0
    rng = np.random.default_rng(5)
    data = (rng.standard_normal((2, 4, d)), rng.standard_normal((2, 4, d)))
    check_model_gradient(encoder_loss, params, data, use_weights=True)


# ---- RNN written with a Python loop: traced, so unrolled over its 5 steps

STEPS = 5


def rnn_loss(p, xs, target):
    h = ops.zeros((xs.shape[1], p["w_hh"].shape[0]), mindc.float64)
    for t in range(STEPS):
        h = ops.tanh(ops.matmul(h, p["w_hh"]) + ops.matmul(xs[t], p["w_xh"]) + p["b_h"])
    return ops.mean(ops.square(ops.matmul(h, p["w_out"]) - target))


def test_rnn_python_loop_gradient_matches_finite_differences():
    params = init({"w_hh": (4, 4), "w_xh": (3, 4), "b_h": (4,), "w_out": (4, 2)}, seed=6)
    rng = np.random.default_rng(7)
    data = (rng.standard_normal((STEPS, 2, 3)), rng.standard_normal((2, 2)))
    check_model_gradient(rnn_loss, params, data, use_weights=False)
