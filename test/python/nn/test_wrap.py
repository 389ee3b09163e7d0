"""Training wrappers: WithLossCell, WithEvalCell, TrainOneStepCell.

TrainOneStepCell is checked against a float64 numpy step (gradients derived by hand), for its
compile cache (one function per input signature) and for updating parameters in place.
"""
from __future__ import annotations

import numpy as np
import pytest

from mindc import Parameter, ParameterTuple, Tensor, nn, ops

TOL = dict(rtol=2e-5, atol=2e-6)


class Affine(nn.Cell):
    """MindSpore Dense's layout: weight [out, in], y = x @ weight.T + bias (no layers needed)."""

    def __init__(self, n_in: int, n_out: int, rng):
        super().__init__()
        self.weight = Parameter(rng.standard_normal((n_out, n_in)).astype(np.float32) * 0.5, name="weight")
        self.bias = Parameter(rng.standard_normal(n_out).astype(np.float32) * 0.1, name="bias")

    def construct(self, x):
        return ops.matmul(x, ops.transpose(self.weight, (1, 0))) + self.bias


class TanhNet(nn.Cell):
    def __init__(self, seed: int = 0):
        super().__init__()
        rng = np.random.default_rng(seed)
        self.fc1 = Affine(4, 6, rng)
        self.fc2 = Affine(6, 2, rng)

    def construct(self, x):
        return self.fc2(ops.tanh(self.fc1(x)))


class MSE(nn.Cell):
    def construct(self, logits, labels):
        return ops.mean(ops.square(logits - labels))


def data(batch: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    return Tensor(rng.standard_normal((batch, 4)).astype(np.float32)), \
        Tensor(rng.standard_normal((batch, 2)).astype(np.float32))


def reference_loss_and_grads(net: TanhNet, x: Tensor, t: Tensor):
    """The MSE loss of TanhNet and its gradients by hand, in float64, in trainable_params order."""
    w1, b1, w2, b2 = (np.asarray(p.asnumpy(), np.float64) for p in net.trainable_params())
    x, t = np.asarray(x.asnumpy(), np.float64), np.asarray(t.asnumpy(), np.float64)
    h = np.tanh(x @ w1.T + b1)
    y = h @ w2.T + b2
    loss = np.mean((y - t) ** 2)
    dy = 2 * (y - t) / y.size
    dz = (dy @ w2) * (1 - h ** 2)
    return loss, [dz.T @ x, dz.sum(0), dy.T @ h, dy.sum(0)]


def test_with_loss_cell_keeps_parameter_names():
    net = TanhNet()
    with_loss = nn.WithLossCell(net, MSE())
    assert list(with_loss.parameters_dict()) == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
    assert with_loss.backbone_network is net
    x, t = data(3)
    np.testing.assert_allclose(float(with_loss(x, t).asnumpy()), reference_loss_and_grads(net, x, t)[0], **TOL)


def test_with_eval_cell_returns_loss_outputs_and_label():
    net = TanhNet()
    x, t = data(3)
    loss, outputs, label = nn.WithEvalCell(net, MSE(), add_cast_fp32=True)(x, t)
    np.testing.assert_allclose(float(loss.asnumpy()), reference_loss_and_grads(net, x, t)[0], **TOL)
    assert outputs.shape == (3, 2)
    np.testing.assert_array_equal(label.asnumpy(), t.asnumpy())


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_train_one_step_matches_float64_numpy(optimizer):
    net = TanhNet()
    x, t = data(5)
    loss_ref, grads = reference_loss_and_grads(net, x, t)
    start = [np.asarray(p.asnumpy(), np.float64) for p in net.trainable_params()]
    if optimizer == "sgd":
        opt = nn.SGD(net.trainable_params(), learning_rate=0.1)
        want = [w - 0.1 * g for w, g in zip(start, grads)]
    else:
        opt = nn.Adam(net.trainable_params(), learning_rate=0.01)
        # First Adam step: m = 0.1 g, v = 0.001 g^2, lr_t = lr * sqrt(0.001) / 0.1.
        lr_t = 0.01 * np.sqrt(1 - 0.999) / (1 - 0.9)
        want = [w - lr_t * (0.1 * g) / (np.sqrt(0.001 * g * g) + 1e-8) for w, g in zip(start, grads)]
    step = nn.TrainOneStepCell(nn.WithLossCell(net, MSE()), opt)
    loss = step(x, t)
    np.testing.assert_allclose(float(loss.asnumpy()), loss_ref, **TOL)
    for p, w in zip(net.trainable_params(), want):
        np.testing.assert_allclose(np.asarray(p.asnumpy(), np.float64), w, rtol=1e-4, atol=1e-5, err_msg=p.name)


def test_train_one_step_sens_scales_gradients():
    net = TanhNet()
    x, t = data(4)
    _, grads = reference_loss_and_grads(net, x, t)
    start = [np.asarray(p.asnumpy(), np.float64) for p in net.trainable_params()]
    step = nn.TrainOneStepCell(nn.WithLossCell(net, MSE()), nn.SGD(net.trainable_params(), 0.1), sens=2.0)
    step(x, t)
    for p, w, g in zip(net.trainable_params(), start, grads):
        np.testing.assert_allclose(np.asarray(p.asnumpy(), np.float64), w - 0.2 * g, **TOL, err_msg=p.name)


def test_train_one_step_return_grad_gives_gradients_by_name():
    net = TanhNet()
    x, t = data(4)
    _, grads = reference_loss_and_grads(net, x, t)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, MSE()), nn.SGD(net.trainable_params(), 0.0), return_grad=True)
    _, by_name = step(x, t)
    assert list(by_name) == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
    for g, want in zip(by_name.values(), grads):
        np.testing.assert_allclose(np.asarray(g.asnumpy(), np.float64), want, **TOL)


def test_train_one_step_loss_decreases():
    net = TanhNet()
    x, t = data(16)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, MSE()), nn.Momentum(net.trainable_params(), 0.05, 0.9))
    losses = [float(step(x, t).asnumpy()) for _ in range(30)]
    assert losses[-1] < 0.5 * losses[0]


@pytest.mark.usefixtures("graph_mode")
def test_train_one_step_is_one_compiled_function_updating_in_place():
    net = TanhNet()
    opt = nn.Adam(net.trainable_params(), learning_rate=0.01)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, MSE()), opt)
    buffers = [p.asnumpy() for p in net.trainable_params()]
    values = [b.copy() for b in buffers]
    moment = opt.moment1[0].asnumpy()
    step(*data(5))
    info = step.compile_cache_info()
    assert (info.misses, info.hits, info.currsize) == (1, 0, 1)
    # The network and the optimizer ran inside the step's function, never as graphs of their own.
    assert net.compile_cache_info().currsize == 0 and opt.compile_cache_info().currsize == 0
    for p, buffer, value in zip(net.trainable_params(), buffers, values):
        assert p.asnumpy() is buffer, f"{p.name} got a new buffer"
        assert not np.array_equal(buffer, value), f"{p.name} was not updated"
    assert opt.moment1[0].asnumpy() is moment and np.any(moment != 0)
    step(*data(5, seed=2))
    assert step.compile_cache_info().hits == 1
    step(*data(3))
    info = step.compile_cache_info()
    assert (info.misses, info.hits, info.currsize) == (2, 1, 2)
    assert opt.global_step.asnumpy().tolist() == [3]


def test_train_one_step_rejects_a_non_cell_optimizer():
    with pytest.raises(TypeError, match="'optimizer' must be a Cell"):
        nn.TrainOneStepCell(nn.WithLossCell(TanhNet(), MSE()), object())


def test_forward_value_and_grad_returns_loss_and_gradients(either_mode):
    net = nn.WithLossCell(TanhNet(seed=3), MSE())
    x, t = data(5, seed=4)
    weights = ParameterTuple(net.trainable_params())
    loss, (input_grads, weight_grads) = nn.ForwardValueAndGrad(net, weights, get_all=True, get_by_list=True)(x, t)
    want_loss, want_grads = reference_loss_and_grads(net._backbone, x, t)
    np.testing.assert_allclose(loss.asnumpy(), want_loss, **TOL)
    assert len(input_grads) == 2 and input_grads[0].shape == (5, 4)
    for g, w in zip(weight_grads, want_grads):
        np.testing.assert_allclose(g.asnumpy(), w, **TOL)
    # sens_param: the last input scales the gradient and is not given to the network.
    loss, first = nn.ForwardValueAndGrad(net, sens_param=True)(x, t, Tensor(np.float32(3.0)))
    np.testing.assert_allclose(loss.asnumpy(), want_loss, **TOL)
    _, single = nn.ForwardValueAndGrad(net)(x, t)
    np.testing.assert_allclose(first.asnumpy(), 3.0 * single.asnumpy(), **TOL)
    with pytest.raises(TypeError, match="'weights' must be Parameters array"):
        nn.ForwardValueAndGrad(net, get_by_list=True)
