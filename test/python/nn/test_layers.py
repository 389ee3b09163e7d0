"""nn layers against float64 numpy references, in graph mode (calling the Cell compiles its
construct): constructor defaults, parameter names and shapes, forward values on random inputs,
gradients against central differences in float64, MindSpore's moving statistics, and errors."""
from __future__ import annotations

import math

import numpy as np
import pytest
from helpers import EPS, GRAD_TOL, conv2d_reference

import mindc
from mindc import nn, ops

T = mindc.Tensor
F32 = dict(rtol=2e-5, atol=2e-6)
F64 = dict(rtol=1e-12, atol=1e-12)


def rand(*shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape)


def run(cell, *inputs):
    return cell(*[T(x) for x in inputs]).asnumpy()


def check_gradients(net, *inputs, seed: int = 0, directions: int = 2):
    """mindc.grad of <net(*inputs), c> (c a random cotangent) over its float inputs and trainable
    parameters against central differences of the jitted forward along random directions,
    one input or parameter at a time; everything in float64."""
    rng = np.random.default_rng(seed)
    xs = [T(x) for x in inputs]
    cot = T(rng.standard_normal(net(*xs).shape))

    def loss(*args):
        return ops.sum(net(*args) * cot)

    params = net.trainable_params()
    positions = tuple(i for i, x in enumerate(inputs) if np.issubdtype(x.dtype, np.floating))
    grads = mindc.grad(loss, grad_position=positions or None, weights=params)(*xs)
    # MindSpore's structure with weights given (a list, maybe empty): (input grads, weight grads),
    # or the weight grads alone for grad_position=None.
    by_input, by_param = grads if positions else ((), grads)
    forward = mindc.jit(loss)

    def along(point, u, t):
        if isinstance(point, int):
            moved = list(xs)
            moved[point] = T(inputs[point] + t * u)
            return float(forward(*moved).asnumpy())
        original = point.asnumpy().copy()
        point.set_data(original + t * u)
        try:
            return float(forward(*xs).asnumpy())
        finally:
            point.set_data(original)

    named = [(f"input {i}", i, g) for i, g in zip(positions, by_input)]
    named += [(p.name, p, g) for p, g in zip(params, by_param)]
    assert len(named) == len(positions) + len(params)
    for name, point, g in named:
        shape = inputs[point].shape if isinstance(point, int) else point.shape
        assert g.shape == shape, f"gradient of {name} has shape {g.shape}, expected {shape}"
        for _ in range(directions):
            u = rng.standard_normal(shape)
            numeric = (along(point, u, EPS) - along(point, u, -EPS)) / (2 * EPS)
            np.testing.assert_allclose(float(np.sum(g.asnumpy() * u)), numeric, **GRAD_TOL,
                                       err_msg=f"gradient of {name} disagrees with central differences")


def params_of(cell) -> dict[str, tuple]:
    return {name: p.shape for name, p in cell.parameters_dict().items()}


# ---- Dense


def test_dense_defaults_and_init_bounds():
    mindc.set_seed(0)
    d = nn.Dense(36, 5)
    assert params_of(d) == {"weight": (5, 36), "bias": (5,)}
    assert d.weight.dtype == mindc.float32 and d.has_bias and d.activation is None
    # HeUniform(sqrt(5)) and the bias both are U(-1/sqrt(in), 1/sqrt(in)).
    assert np.abs(d.weight.asnumpy()).max() <= 1 / 6 and np.abs(d.bias.asnumpy()).max() <= 1 / 6
    assert np.abs(d.weight.asnumpy()).max() > 0.8 / 6
    assert repr(d) == "Dense<input_channels=36, output_channels=5, has_bias=True>"
    assert params_of(nn.Dense(3, 2, has_bias=False)) == {"weight": (2, 3)}


def test_dense_matches_numpy():
    d = nn.Dense(4, 3, weight_init=T(rand(3, 4, seed=1), mindc.float32), bias_init="normal")
    w, b = d.weight.asnumpy().astype(np.float64), d.bias.asnumpy().astype(np.float64)
    x = rand(5, 4, seed=2).astype(np.float32)
    np.testing.assert_allclose(run(d, x), x @ w.T + b, **F32)
    x3 = rand(2, 3, 4, seed=3).astype(np.float32)
    np.testing.assert_allclose(run(d, x3), x3 @ w.T + b, **F32)


def test_dense_activation_by_name_and_by_cell():
    x = rand(6, 4, seed=4).astype(np.float32)
    d = nn.Dense(4, 3, activation="relu")
    w, b = d.weight.asnumpy().astype(np.float64), d.bias.asnumpy().astype(np.float64)
    np.testing.assert_allclose(run(d, x), np.maximum(x @ w.T + b, 0), **F32)
    assert isinstance(d.activation, nn.ReLU) and "activation=ReLU" in repr(d)
    t = nn.Dense(4, 3, has_bias=False, activation=nn.Tanh())
    np.testing.assert_allclose(run(t, x), np.tanh(x @ t.weight.asnumpy().astype(np.float64).T), **F32)


def test_dense_gradient_matches_finite_differences():
    mindc.set_seed(1)
    check_gradients(nn.Dense(4, 3, activation="tanh", dtype=mindc.float64), rand(5, 4, seed=5))


@pytest.mark.parametrize("kwargs,error,match", [
    (dict(in_channels=0, out_channels=2), ValueError, "'in_channels' must be a positive int"),
    (dict(in_channels=2, out_channels=2.0), TypeError, "'out_channels' must be an int"),
    (dict(in_channels=2, out_channels=2, has_bias=1), TypeError, "'has_bias' must be a bool"),
    (dict(in_channels=2, out_channels=2, activation="swish"), ValueError, "'activation'"),
    (dict(in_channels=2, out_channels=2, activation=3), TypeError, "'activation' must be a Cell or a str"),
    (dict(in_channels=2, out_channels=2, weight_init=np.ones((2, 3))), ValueError, "shape"),
])
def test_dense_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        nn.Dense(**kwargs)


def test_dense_wrong_input_width():
    with pytest.raises(ValueError, match="in_channels=3"):
        nn.Dense(3, 2)(T(np.ones((2, 4), np.float32)))


# ---- Conv2d


def same_pads(size, kernel, stride, dilation=(1, 1)):
    pads = []
    for n, k, s, d in zip(size, kernel, stride, dilation):
        total = max(0, (math.ceil(n / s) - 1) * s + (k - 1) * d + 1 - n)
        pads += [total // 2, total - total // 2]
    return tuple(pads)


def test_conv2d_defaults():
    c = nn.Conv2d(4, 6, 3)
    assert params_of(c) == {"weight": (6, 4, 3, 3)}
    assert (c.kernel_size, c.stride, c.pad_mode, c.padding, c.dilation, c.group, c.has_bias) == \
        ((3, 3), (1, 1), "same", (0,), (1, 1), 1, False)
    assert np.abs(c.weight.asnumpy()).max() <= 1 / 6   # 1/sqrt(fan_in = 4*3*3)
    assert repr(c).startswith("Conv2d<input_channels=4, output_channels=6, kernel_size=(3, 3), stride=(1, 1), "
                              "pad_mode=same, padding=0, dilation=(1, 1), group=1, has_bias=False")
    b = nn.Conv2d(4, 6, (3, 1), group=2, has_bias=True)
    assert params_of(b) == {"weight": (6, 2, 3, 1), "bias": (6,)}
    assert np.abs(b.bias.asnumpy()).max() <= 1 / math.sqrt(6)


@pytest.mark.parametrize("kwargs,shape", [
    (dict(kernel_size=3), (2, 4, 6, 5)),                                             # same, stride 1
    (dict(kernel_size=3, stride=2), (1, 4, 7, 6)),                                   # same, odd totals
    (dict(kernel_size=(2, 3), pad_mode="valid", stride=(1, 2)), (2, 4, 5, 7)),
    (dict(kernel_size=3, pad_mode="pad", padding=(1, 2, 0, 1), has_bias=True), (1, 4, 5, 5)),
    (dict(kernel_size=3, pad_mode="pad", padding=1, dilation=2), (1, 4, 7, 7)),
    (dict(kernel_size=3, group=2, has_bias=True, stride=2), (2, 4, 6, 6)),
])
def test_conv2d_matches_numpy(kwargs, shape):
    c = nn.Conv2d(4, 6, bias_init="normal", **kwargs)
    x = rand(*shape, seed=6).astype(np.float32)
    w = c.weight.asnumpy()
    if c.pad_mode == "same":
        pad = same_pads(shape[2:], c.kernel_size, c.stride, c.dilation)
    elif c.pad_mode == "pad":
        pad = c.padding * 4 if len(c.padding) == 1 else c.padding
    else:
        pad = (0, 0, 0, 0)
    want = conv2d_reference(x, w, c.stride, pad, c.dilation, c.group)
    if c.has_bias:
        want += c.bias.asnumpy().astype(np.float64).reshape(1, -1, 1, 1)
    if c.pad_mode == "same":
        assert want.shape[2:] == tuple(math.ceil(n / s) for n, s in zip(shape[2:], c.stride))
    np.testing.assert_allclose(run(c, x), want, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("kwargs", [
    dict(kernel_size=3, pad_mode="pad", padding=1, has_bias=True),
    dict(kernel_size=2, stride=2, group=2, has_bias=True),
])
def test_conv2d_gradient_matches_finite_differences(kwargs):
    mindc.set_seed(2)
    check_gradients(nn.Conv2d(2, 4, dtype=mindc.float64, **kwargs), rand(2, 2, 5, 5, seed=7))


@pytest.mark.parametrize("kwargs,error,match", [
    (dict(group=3), ValueError, "'group' \\(3\\) must divide"),
    (dict(padding=1), ValueError, "'padding' must be 0 when 'pad_mode' is 'same'"),
    (dict(pad_mode="full"), ValueError, "'pad_mode' must be 'same', 'valid' or 'pad'"),
    (dict(data_format="NHWC"), ValueError, "'data_format' must be 'NCHW'"),
    (dict(kernel_size=0), ValueError, "'kernel_size' entries must be >= 1"),
    (dict(kernel_size=(1, 2, 3)), TypeError, "'kernel_size' must be an int or a tuple of two ints"),
    (dict(pad_mode="pad", padding=-1), ValueError, "'padding' entries must be >= 0"),
])
def test_conv2d_bad_arguments(kwargs, error, match):
    args = dict(in_channels=4, out_channels=6, kernel_size=3)
    with pytest.raises(error, match=match):
        nn.Conv2d(**{**args, **kwargs})


# ---- pooling


def pool_ref(x, kernel, stride, pad, kind, count_include_pad=True):
    value = -np.inf if kind == "max" else 0.0
    padded = np.pad(x.astype(np.float64), ((0, 0), (0, 0), pad[:2], pad[2:]), constant_values=value)
    real = np.pad(np.ones(x.shape[2:]), (pad[:2], pad[2:]))
    h, w = padded.shape[2:]
    ho, wo = (h - kernel[0]) // stride[0] + 1, (w - kernel[1]) // stride[1] + 1
    out = np.zeros(x.shape[:2] + (ho, wo))
    for i in range(ho):
        for j in range(wo):
            rows = slice(i * stride[0], i * stride[0] + kernel[0])
            cols = slice(j * stride[1], j * stride[1] + kernel[1])
            window = padded[:, :, rows, cols]
            if kind == "max":
                out[:, :, i, j] = window.max(axis=(2, 3))
            else:
                count = kernel[0] * kernel[1] if count_include_pad else real[rows, cols].sum()
                out[:, :, i, j] = window.sum(axis=(2, 3)) / count
    return out


def test_pool_defaults():
    for cls in (nn.MaxPool2d, nn.AvgPool2d):
        p = cls()
        assert (p.kernel_size, p.stride, p.pad_mode) == ((1, 1), (1, 1), "valid")
        assert params_of(p) == {}
    assert repr(nn.MaxPool2d(2, 2)) == "MaxPool2d<kernel_size=(2, 2), stride=(2, 2), pad_mode=valid, padding=0, " \
                                       "ceil_mode=False>"


@pytest.mark.parametrize("kind", ["max", "avg"])
@pytest.mark.parametrize("kwargs,shape", [
    (dict(kernel_size=2, stride=2), (2, 3, 6, 7)),
    (dict(kernel_size=3, stride=2, pad_mode="same"), (1, 2, 5, 6)),
    (dict(kernel_size=(2, 3), stride=1, pad_mode="same"), (1, 2, 4, 4)),
    (dict(kernel_size=3, stride=2, pad_mode="pad", padding=1), (1, 2, 6, 5)),
    (dict(kernel_size=2, stride=1), (3, 5, 4)),                                      # CHW input
])
def test_pool_matches_numpy(kind, kwargs, shape):
    p = (nn.MaxPool2d if kind == "max" else nn.AvgPool2d)(**kwargs)
    x = rand(*shape, seed=8).astype(np.float32)
    x4 = x if x.ndim == 4 else x[None]
    if p.pad_mode == "same":
        pad = same_pads(x4.shape[2:], p.kernel_size, p.stride)
    else:
        pad = p.padding * 4 if p.pad_mode == "pad" else (0, 0, 0, 0)
    # MindSpore's 'same' average counts only the real cells (TensorFlow's rule); 'pad' counts padding.
    want = pool_ref(x4, p.kernel_size, p.stride, pad, kind, count_include_pad=p.pad_mode == "pad")
    got = run(p, x)
    assert got.shape == (want if x.ndim == 4 else want[0]).shape
    np.testing.assert_allclose(got, want if x.ndim == 4 else want[0], **F32)


def test_avg_pool_pad_mode_options():
    x = rand(1, 2, 5, 5, seed=9).astype(np.float32)
    p = nn.AvgPool2d(3, 2, pad_mode="pad", padding=1, count_include_pad=False)
    np.testing.assert_allclose(run(p, x), pool_ref(x, (3, 3), (2, 2), (1, 1, 1, 1), "avg", False), **F32)
    d = nn.AvgPool2d(2, 2, pad_mode="pad", divisor_override=3)
    np.testing.assert_allclose(run(d, x), pool_ref(x, (2, 2), (2, 2), (0,) * 4, "avg") * 4 / 3, **F32)


@pytest.mark.parametrize("cls,kwargs,error,match", [
    (nn.MaxPool2d, dict(kernel_size=0), ValueError, "'kernel_size' entries must be >= 1"),
    (nn.AvgPool2d, dict(pad_mode="full"), ValueError, "'pad_mode'"),
    (nn.AvgPool2d, dict(padding=1), ValueError, "'padding' must be 0 when 'pad_mode' is 'valid'"),
    (nn.MaxPool2d, dict(ceil_mode=True), ValueError, "'ceil_mode' needs 'pad_mode' 'pad'"),
    (nn.AvgPool2d, dict(divisor_override=0), ValueError, "'divisor_override' must be a positive int"),
    (nn.MaxPool2d, dict(data_format="NHWC"), ValueError, "'data_format'"),
])
def test_pool_bad_arguments(cls, kwargs, error, match):
    with pytest.raises(error, match=match):
        cls(**kwargs)


def test_pool_rejects_2d_input():
    with pytest.raises(ValueError, match="3-d \\(C, H, W\\) or 4-d"):
        nn.MaxPool2d(2)(T(np.ones((4, 4), np.float32)))


# ---- Flatten and activations


def test_identity_returns_its_input():
    x = T(rand(2, 3, seed=9))
    assert nn.Identity()(x) is x


def test_flatten():
    x = rand(2, 3, 4, 5, seed=10).astype(np.float32)
    assert (nn.Flatten().start_dim, nn.Flatten().end_dim) == (1, -1)
    np.testing.assert_array_equal(run(nn.Flatten(), x), x.reshape(2, 60))
    np.testing.assert_array_equal(run(nn.Flatten(0, 2), x), x.reshape(24, 5))
    assert repr(nn.Flatten()) == "Flatten<start_dim=1, end_dim=-1>"
    with pytest.raises(TypeError, match="'start_dim' must be an int"):
        nn.Flatten(start_dim=1.0)


def gelu_tanh(x):
    return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))


def log_softmax(x, axis):
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


@pytest.mark.parametrize("cell,ref", [
    (nn.ReLU(), lambda x: np.maximum(x, 0)),
    (nn.GELU(), gelu_tanh),
    (nn.GELU(approximate=False), lambda x: x * 0.5 * (1 + np.vectorize(math.erf)(x / math.sqrt(2)))),
    (nn.Sigmoid(), lambda x: 1 / (1 + np.exp(-x))),
    (nn.Tanh(), np.tanh),
    (nn.Softmax(), lambda x: np.exp(log_softmax(x, -1))),
    (nn.Softmax(axis=0), lambda x: np.exp(log_softmax(x, 0))),
    (nn.LogSoftmax(axis=1), lambda x: log_softmax(x, 1)),
    (nn.ReLU6(), lambda x: np.clip(x, 0, 6)),
    (nn.LeakyReLU(0.1), lambda x: np.where(x > 0, x, 0.1 * x)),
    (nn.ELU(0.7), lambda x: np.where(x > 0, x, 0.7 * np.expm1(x))),
    (nn.Softplus(2.0, 3.0), lambda x: np.where(2 * x > 3, x, np.log1p(np.exp(2 * x)) / 2)),
    (nn.SiLU(), lambda x: x / (1 + np.exp(-x))),
    (nn.LogSigmoid(), lambda x: -np.logaddexp(0, -x)),
    (nn.HSigmoid(), lambda x: np.clip(x + 3, 0, 6) / 6),
    (nn.HSwish(), lambda x: x * np.clip(x + 3, 0, 6) / 6),
    (nn.Softsign(), lambda x: x / (1 + np.abs(x))),
    (nn.Tanhshrink(), lambda x: x - np.tanh(x)),
    (nn.PReLU(4, T(np.array([0.1, 0.2, 0.3, 0.4], np.float32))),
     lambda x: np.where(x > 0, x, x * np.array([0.1, 0.2, 0.3, 0.4], np.float32).reshape(1, 4, 1))),
], ids=["relu", "gelu_tanh", "gelu_erf", "sigmoid", "tanh", "softmax", "softmax_axis0", "log_softmax", "relu6",
        "leaky_relu", "elu", "softplus", "silu", "log_sigmoid", "hsigmoid", "hswish", "softsign", "tanhshrink",
        "prelu"])
def test_activations_match_numpy(cell, ref):
    x = (4 * rand(3, 4, 5, seed=11)).astype(np.float32)
    np.testing.assert_allclose(run(cell, x), ref(x.astype(np.float64)), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", ["relu6", "leakyrelu", "elu", "softplus", "silu", "logsigmoid", "hswish", "prelu"])
def test_activation_gradients_match_finite_differences(name):
    cell = nn.PReLU(1, T(np.array([0.3]))) if name == "prelu" else nn.get_activation(name)
    check_gradients(cell, 4 * rand(3, 4, seed=12) + 0.01)


def test_activation_defaults_and_errors():
    assert nn.GELU().approximate is True and nn.Softmax().axis == -1
    assert repr(nn.GELU()) == "GELU<approximate=True>" and repr(nn.Softmax(1)) == "Softmax<axis=1>"
    assert isinstance(nn.get_activation("GELU"), nn.GELU)
    with pytest.raises(TypeError, match="'approximate' must be a bool"):
        nn.GELU(approximate="tanh")
    with pytest.raises(TypeError, match="'axis' must be an int"):
        nn.Softmax(axis=(0, 1))
    with pytest.raises(KeyError, match="unknown activation 'swish'"):
        nn.get_activation("swish")
    prelu = nn.PReLU()
    assert prelu.w.name == "a" and prelu.w.shape == (1,) and prelu.trainable_params() == [prelu.w]
    with pytest.raises(ValueError, match=r"'w' must have shape \(3,\) or \(1,\)"):
        nn.PReLU(3, T(np.ones(2, np.float32)))


# ---- BatchNorm1d, BatchNorm2d


def batch_norm_ref(x, mean, var, gamma, beta, eps):
    c = (1, -1, 1, 1)
    return (x - mean.reshape(c)) / np.sqrt(var.reshape(c) + eps) * gamma.reshape(c) + beta.reshape(c)


def test_batch_norm_defaults():
    bn = nn.BatchNorm2d(3)
    assert params_of(bn) == {"moving_mean": (3,), "moving_variance": (3,), "gamma": (3,), "beta": (3,)}
    assert [p.name for p in bn.trainable_params()] == ["gamma", "beta"]
    assert not bn.moving_mean.requires_grad and not bn.moving_variance.requires_grad
    assert (bn.eps, bn.momentum, bn.affine, bn.use_batch_statistics) == (1e-5, 0.9, True, None)
    np.testing.assert_array_equal(bn.gamma.asnumpy(), 1)
    np.testing.assert_array_equal(bn.beta.asnumpy(), 0)
    np.testing.assert_array_equal(bn.moving_mean.asnumpy(), 0)
    np.testing.assert_array_equal(bn.moving_variance.asnumpy(), 1)
    assert nn.BatchNorm2d(3, affine=False).trainable_params() == []
    assert repr(bn).startswith("BatchNorm2d<num_features=3, eps=1e-05, momentum=0.9, gamma=Parameter(name=gamma")


def test_batch_norm_train_normalizes_with_batch_statistics_and_updates_moving_ones():
    gamma, beta = rand(3, seed=12) + 1, rand(3, seed=13)
    bn = nn.BatchNorm2d(3, gamma_init=T(gamma, mindc.float32), beta_init=T(beta, mindc.float32)).set_train()
    x = (rand(4, 3, 5, 2, seed=14) * 2 + 1).astype(np.float32)
    x64 = x.astype(np.float64)
    mean, var = x64.mean(axis=(0, 2, 3)), x64.var(axis=(0, 2, 3))
    g32, b32 = bn.gamma.asnumpy().astype(np.float64), bn.beta.asnumpy().astype(np.float64)
    np.testing.assert_allclose(run(bn, x), batch_norm_ref(x64, mean, var, g32, b32, 1e-5), rtol=1e-4, atol=1e-5)
    # moving = 0.9 * moving + 0.1 * batch, with the biased batch variance (MindSpore's CPU kernel).
    np.testing.assert_allclose(bn.moving_mean.asnumpy(), 0.1 * mean, **F32)
    np.testing.assert_allclose(bn.moving_variance.asnumpy(), 0.9 + 0.1 * var, **F32)
    x2 = rand(4, 3, 5, 2, seed=15).astype(np.float32).astype(np.float64)
    run(bn, x2)
    np.testing.assert_allclose(bn.moving_mean.asnumpy(), 0.9 * 0.1 * mean + 0.1 * x2.mean(axis=(0, 2, 3)), **F32)
    np.testing.assert_allclose(bn.moving_variance.asnumpy(), 0.9 * (0.9 + 0.1 * var) + 0.1 * x2.var(axis=(0, 2, 3)),
                               **F32)


def test_batch_norm_eval_uses_moving_statistics_and_leaves_them():
    bn = nn.BatchNorm2d(3, momentum=0.5, eps=1e-3)
    mm, mv = rand(3, seed=16), np.abs(rand(3, seed=17)) + 0.5
    bn.moving_mean.set_data(mm)
    bn.moving_variance.set_data(mv)
    x = rand(2, 3, 4, 4, seed=18).astype(np.float32)
    mm32, mv32 = bn.moving_mean.asnumpy().astype(np.float64), bn.moving_variance.asnumpy().astype(np.float64)
    want = batch_norm_ref(x, mm32, mv32, np.ones(3), np.zeros(3), 1e-3)
    np.testing.assert_allclose(run(bn.set_train(False), x), want, rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(bn.moving_mean.asnumpy(), mm32.astype(np.float32))
    # A training call then moves the statistics halfway (momentum 0.5) to the batch's.
    bn.set_train()
    run(bn, x)
    np.testing.assert_allclose(bn.moving_mean.asnumpy(), 0.5 * mm32 + 0.5 * x.astype(np.float64).mean(axis=(0, 2, 3)),
                               **F32)


def test_batch_norm_use_batch_statistics_overrides_the_mode():
    x = rand(2, 2, 3, 3, seed=19).astype(np.float32)
    x64 = x.astype(np.float64)
    always = nn.BatchNorm2d(2, use_batch_statistics=True)           # eval mode, still batch statistics
    np.testing.assert_allclose(run(always, x), batch_norm_ref(x64, x64.mean(axis=(0, 2, 3)), x64.var(axis=(0, 2, 3)),
                                                              np.ones(2), np.zeros(2), 1e-5), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(always.moving_mean.asnumpy(), 0.1 * x64.mean(axis=(0, 2, 3)), **F32)
    never = nn.BatchNorm2d(2, use_batch_statistics=False).set_train()   # training mode, moving statistics
    np.testing.assert_allclose(run(never, x), x64 / np.sqrt(1 + 1e-5), **F32)
    np.testing.assert_array_equal(never.moving_mean.asnumpy(), 0)


@pytest.mark.parametrize("train", [True, False], ids=["train", "eval"])
def test_batch_norm_gradient_matches_finite_differences(train):
    bn = nn.BatchNorm2d(3, gamma_init=T(rand(3, seed=20) + 1), beta_init=T(rand(3, seed=21)),
                        moving_mean_init=T(rand(3, seed=22)), moving_var_init=T(np.abs(rand(3, seed=23)) + 1),
                        dtype=mindc.float64).set_train(train)
    check_gradients(bn, rand(3, 3, 2, 2, seed=24))


@pytest.mark.parametrize("kwargs,error,match", [
    (dict(num_features=0), ValueError, "'num_features' must be a positive int"),
    (dict(num_features=2, momentum=1.5), ValueError, r"'momentum' must be in \[0, 1\]"),
    (dict(num_features=2, eps=0), ValueError, "'eps' must be positive"),
    (dict(num_features=2, affine="yes"), TypeError, "'affine' must be a bool"),
    (dict(num_features=2, use_batch_statistics=1), TypeError, "'use_batch_statistics' must be a bool"),
    (dict(num_features=2, data_format="NHWC"), ValueError, "'data_format'"),
])
def test_batch_norm_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        nn.BatchNorm2d(**kwargs)


def test_batch_norm_wrong_channels():
    with pytest.raises(ValueError, match="num_features = 3"):
        nn.BatchNorm2d(3)(T(np.ones((2, 4, 2, 2), np.float32)))
    with pytest.raises(ValueError, match=r"'BatchNorm1d', x must be 2-d \(N, C\) or 3-d \(N, C, L\)"):
        nn.BatchNorm1d(3)(T(np.ones((2, 3, 2, 2), np.float32)))


@pytest.mark.parametrize("shape", [(6, 3), (4, 3, 5)])
def test_batch_norm_1d_normalizes_over_every_axis_but_the_channels(shape):
    bn = nn.BatchNorm1d(3, momentum=0.8, dtype=mindc.float64).set_train()
    x = rand(*shape, seed=25) * 2 + 1
    axes = (0,) if len(shape) == 2 else (0, 2)
    mean, var = x.mean(axis=axes, keepdims=True), x.var(axis=axes, keepdims=True)
    np.testing.assert_allclose(run(bn, x), (x - mean) / np.sqrt(var + 1e-5), **F64)
    np.testing.assert_allclose(bn.moving_mean.asnumpy(), 0.2 * mean.reshape(-1), **F64)
    check_gradients(bn, x)


# ---- LayerNorm


def layer_norm_ref(x, axes, gamma, beta, eps):
    mean, var = x.mean(axis=axes, keepdims=True), x.var(axis=axes, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


def test_layer_norm_defaults():
    ln = nn.LayerNorm((4,))
    assert params_of(ln) == {"gamma": (4,), "beta": (4,)}
    assert (ln.begin_norm_axis, ln.begin_params_axis, ln.epsilon) == (-1, -1, 1e-7)
    assert repr(ln).startswith("LayerNorm<normalized_shape=(4,), begin_norm_axis=-1, begin_params_axis=-1")


@pytest.mark.parametrize("shape,norm_axis,params_axis", [((4,), -1, -1), ((3, 4), 1, 1), ((4,), 1, -1)])
def test_layer_norm_matches_numpy(shape, norm_axis, params_axis):
    gamma, beta = rand(*shape, seed=25) + 1, rand(*shape, seed=26)
    ln = nn.LayerNorm(shape, norm_axis, params_axis, gamma_init=T(gamma, mindc.float32),
                      beta_init=T(beta, mindc.float32), epsilon=1e-5)
    x = (3 * rand(2, 3, 4, seed=27) + 1).astype(np.float32)
    axes = tuple(range(norm_axis % 3, 3))
    want = layer_norm_ref(x.astype(np.float64), axes, ln.gamma.asnumpy().astype(np.float64),
                          ln.beta.asnumpy().astype(np.float64), 1e-5)
    np.testing.assert_allclose(run(ln, x), want, rtol=1e-4, atol=1e-5)


def test_layer_norm_gradient_matches_finite_differences():
    ln = nn.LayerNorm((3, 4), begin_norm_axis=1, begin_params_axis=1, gamma_init=T(rand(3, 4, seed=28) + 1),
                      beta_init=T(rand(3, 4, seed=29)), dtype=mindc.float64)
    check_gradients(ln, rand(2, 3, 4, seed=30))


def test_layer_norm_errors():
    with pytest.raises(TypeError, match="'normalized_shape' must be a tuple or list"):
        nn.LayerNorm(4)
    with pytest.raises(ValueError, match="'epsilon' must be a positive float"):
        nn.LayerNorm((4,), epsilon=0)
    with pytest.raises(ValueError, match=r"x.shape\[begin_params_axis:\] must be normalized_shape \[5\]"):
        nn.LayerNorm((5,))(T(np.ones((2, 4), np.float32)))
    with pytest.raises(ValueError, match="'begin_norm_axis' 3 is out of range"):
        nn.LayerNorm((4,), begin_norm_axis=3)(T(np.ones((2, 4), np.float32)))


# ---- Embedding


def test_embedding_defaults_and_padding_row():
    mindc.set_seed(3)
    e = nn.Embedding(200, 50)
    assert params_of(e) == {"embedding_table": (200, 50)}
    assert (e.use_one_hot, e.dtype, e.padding_idx) == (False, mindc.int32, None)
    assert abs(e.embedding_table.asnumpy().std() - 0.01) < 0.001     # 'normal': N(0, 0.01^2)
    p = nn.Embedding(5, 3, padding_idx=2, embedding_table="ones")
    np.testing.assert_array_equal(p.embedding_table.asnumpy()[2], 0)
    np.testing.assert_array_equal(p.embedding_table.asnumpy()[[0, 1, 3, 4]], 1)
    assert repr(p).startswith("Embedding<vocab_size=5, embedding_size=3, use_one_hot=False")


@pytest.mark.parametrize("use_one_hot", [False, True])
@pytest.mark.parametrize("dtype", [mindc.int32, mindc.int64])
def test_embedding_matches_numpy(use_one_hot, dtype):
    table = rand(7, 4, seed=31)
    e = nn.Embedding(7, 4, use_one_hot=use_one_hot, embedding_table=T(table), dtype=dtype)
    ids = np.random.default_rng(32).integers(0, 7, (2, 3)).astype(dtype.numpy)
    np.testing.assert_allclose(run(e, ids), table.astype(np.float32)[ids].astype(np.float64), **F32)


@pytest.mark.parametrize("use_one_hot", [False, True])
def test_embedding_gradient_matches_finite_differences(use_one_hot):
    e = nn.Embedding(6, 3, use_one_hot=use_one_hot)
    e.embedding_table = mindc.Parameter(rand(6, 3, seed=33), name="embedding_table")
    check_gradients(e, np.array([[1, 4, 1], [0, 5, 4]], np.int32))


@pytest.mark.parametrize("kwargs,error,match", [
    (dict(vocab_size=0, embedding_size=2), ValueError, "'vocab_size' must be a positive int"),
    (dict(vocab_size=4, embedding_size=2, padding_idx=4), ValueError, r"'padding_idx' must be in \[0, 4\)"),
    (dict(vocab_size=4, embedding_size=2, padding_idx=1.0), TypeError, "'padding_idx' must be an int"),
    (dict(vocab_size=4, embedding_size=2, dtype=mindc.float32), TypeError, "'dtype' must be int32 or int64"),
    (dict(vocab_size=4, embedding_size=2, use_one_hot=1), TypeError, "'use_one_hot' must be a bool"),
])
def test_embedding_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        nn.Embedding(**kwargs)


def test_embedding_rejects_ids_of_another_dtype():
    with pytest.raises(TypeError, match="ids must have dtype Int32, got Int64"):
        nn.Embedding(4, 2)(T(np.zeros(3, np.int64)))


# ---- layers together


def test_small_cnn_in_a_sequential_cell_has_gradients_matching_finite_differences():
    mindc.set_seed(4)
    net = nn.SequentialCell([nn.Conv2d(1, 2, 3, has_bias=True, dtype=mindc.float64),
                             nn.BatchNorm2d(2, dtype=mindc.float64), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Flatten(),
                             nn.Dense(8, 3, dtype=mindc.float64)])
    net.set_train()
    assert net(T(rand(2, 1, 4, 4, seed=34))).shape == (2, 3)
    check_gradients(net, rand(2, 1, 4, 4, seed=35), directions=1)


# ---- 1-d convolution and pooling (rows of height 1, MindSpore's layout)

def conv1d_reference(x, w, stride, pad, dilation, group):
    return conv2d_reference(x[:, :, None, :], w, (1, stride), (0, 0, pad, pad), (1, dilation), group)[:, :, 0, :]


@pytest.mark.parametrize("kwargs", [dict(kernel_size=3), dict(kernel_size=3, stride=2, pad_mode="pad", padding=2,
                                                              dilation=2, group=2, has_bias=True),
                                    dict(kernel_size=4, pad_mode="valid", has_bias=True)], ids=["same", "pad", "valid"])
def test_conv1d_matches_the_definition_and_its_gradients(kwargs, either_mode):
    conv = nn.Conv1d(4, 6, dtype=mindc.float64, **kwargs)
    assert conv.weight.shape == (6, 4 // conv.group, 1, kwargs["kernel_size"])
    x = rand(2, 4, 11, seed=40)
    k = kwargs["kernel_size"]
    pad = conv.padding[2] if conv.pad_mode == "pad" else 0
    if conv.pad_mode == "same":
        total = max(k - 1, 0)
        want = conv2d_reference(x[:, :, None, :], conv.weight.asnumpy(), (1, 1), (0, 0, total // 2, total - total // 2))
        want = want[:, :, 0, :]
    else:
        want = conv1d_reference(x, conv.weight.asnumpy(), conv.stride[1], pad, conv.dilation[1], conv.group)
    if conv.has_bias:
        want = want + conv.bias.asnumpy()[:, None]
    np.testing.assert_allclose(run(conv, x), want, **F64)
    check_gradients(conv, x)


def test_conv1d_takes_a_3d_weight_tensor():
    w = rand(5, 2, 3, seed=41)
    conv = nn.Conv1d(2, 5, 3, pad_mode="valid", weight_init=T(w), dtype=mindc.float64)
    x = rand(1, 2, 6, seed=42)
    np.testing.assert_allclose(run(conv, x), conv1d_reference(x, w[:, :, None, :], 1, 0, 1, 1), **F64)
    with pytest.raises(TypeError, match="'kernel_size' must be an int"):
        nn.Conv1d(2, 5, (3, 3))


def test_pool1d_layers_match_numpy(either_mode):
    x = rand(2, 3, 9, seed=43).astype(np.float32)
    windows = np.lib.stride_tricks.sliding_window_view(x.astype(np.float64), 3, axis=2)
    np.testing.assert_allclose(run(nn.MaxPool1d(3, 2), x), windows[:, :, ::2].max(-1), **F32)
    np.testing.assert_allclose(run(nn.AvgPool1d(3, 1), x), windows.mean(-1), **F32)
    padded = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (1, 1)))
    np.testing.assert_allclose(run(nn.AvgPool1d(3, 2, pad_mode="pad", padding=1), x),
                               np.lib.stride_tricks.sliding_window_view(padded, 3, axis=2)[:, :, ::2].mean(-1), **F32)
    assert nn.MaxPool1d(2, 2)(T(x[0])).shape == (3, 4)   # (C, L) input
    with pytest.raises(ValueError, match=r"'MaxPool1d', x must be 2-d \(C, L\) or 3-d \(N, C, L\)"):
        nn.MaxPool1d(2)(T(rand(1, 2, 3, 4, seed=44)))
