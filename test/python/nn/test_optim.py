"""Optimizers against float64 numpy re-implementations of MindSpore's update formulas.

Each test makes fresh random parameters (float32) and a fresh random gradient per step, runs
the optimizer eagerly (each call one compiled graph), and compares every parameter and state
with the reference computed in float64 from the same float32 starting values.
"""
from __future__ import annotations

import numpy as np
import pytest

import mindc
from mindc import Parameter, Tensor, nn

TOL = dict(rtol=2e-5, atol=2e-6)
# Names chosen to exercise MindSpore's default weight-decay filter (no 'beta'/'gamma').
SHAPES = {"fc.weight": (3, 4), "fc.bias": (4,), "bn.gamma": (4,), "bn.beta": (4,), "scale": ()}


def make_params(seed: int) -> list[Parameter]:
    rng = np.random.default_rng(seed)
    return [Parameter(rng.standard_normal(s).astype(np.float32), name=n) for n, s in SHAPES.items()]


def make_grads(seed: int, steps: int) -> list[list[np.ndarray]]:
    rng = np.random.default_rng(seed + 1000)
    return [[rng.standard_normal(s).astype(np.float32) for s in SHAPES.values()] for _ in range(steps)]


def run(opt, grads) -> None:
    for step in grads:
        opt(tuple(Tensor(g) for g in step))


def decays(names, weight_decay: float) -> list[float]:
    """MindSpore's default filter: weight decay for names without 'beta' or 'gamma'."""
    return [weight_decay if "beta" not in n and "gamma" not in n else 0.0 for n in names]


# ---- float64 references, one per formula

def sgd_ref(w, grads, lr, momentum, dampening, weight_decay, nesterov, loss_scale):
    accum, stat = np.zeros_like(w), np.ones_like(w)
    for g in grads:
        g = g / loss_scale + weight_decay * w
        if momentum > 0:
            accum = np.where(stat > 0, g, momentum * accum + (1 - dampening) * g)
            stat = np.zeros_like(stat)
            g = g + momentum * accum if nesterov else accum
        w = w - lr * g
    return w, accum, stat


def momentum_ref(w, grads, lrs, momentum, weight_decay, nesterov, loss_scale):
    moment = np.zeros_like(w)
    for g, lr in zip(grads, lrs):
        g = (g + weight_decay * loss_scale * w) / loss_scale
        moment = momentum * moment + g
        w = w - (lr * g + lr * momentum * moment if nesterov else lr * moment)
    return w, moment


def adam_ref(w, grads, lr, beta1, beta2, eps, nesterov, weight_decay, loss_scale):
    m, v, b1p, b2p = np.zeros_like(w), np.zeros_like(w), 1.0, 1.0
    for g in grads:
        g = (g + weight_decay * loss_scale * w) / loss_scale
        b1p, b2p = b1p * beta1, b2p * beta2
        m = m + (g - m) * (1 - beta1)
        v = v + (g * g - v) * (1 - beta2)
        lr_t = lr * np.sqrt(1 - b2p) / (1 - b1p)
        direction = m * beta1 + g * (1 - beta1) if nesterov else m
        w = w - lr_t * direction / (np.sqrt(v) + eps)
    return w, m, v, b1p, b2p


def adamw_ref(w, grads, lr, beta1, beta2, eps, weight_decay):
    m, v = np.zeros_like(w), np.zeros_like(w)
    for g in grads:
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        w = w - lr * (m / (np.sqrt(v) + eps) + weight_decay * w)
    return w, m, v


def f64(x) -> np.ndarray:
    return np.asarray(x.asnumpy() if isinstance(x, Tensor) else x, dtype=np.float64)


def per_param_grads(grads, i):
    return [f64(step[i]) for step in grads]


# ---- SGD

@pytest.mark.parametrize("momentum,dampening,weight_decay,nesterov,loss_scale", [
    (0.0, 0.0, 0.0, False, 1.0),
    (0.9, 0.0, 0.0, False, 1.0),
    (0.9, 0.0, 0.01, True, 1.0),
    (0.8, 0.3, 0.05, False, 4.0),
], ids=["plain", "momentum", "nesterov-decay", "dampening-decay-scale"])
def test_sgd_matches_float64_numpy(momentum, dampening, weight_decay, nesterov, loss_scale):
    params = make_params(0)
    start = [f64(p) for p in params]
    grads = make_grads(0, steps=3)
    opt = nn.SGD(params, learning_rate=0.05, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                 nesterov=nesterov, loss_scale=loss_scale)
    run(opt, grads)
    for i, p in enumerate(params):
        # The SGD kernel decays every parameter, whatever its name.
        w, accum, stat = sgd_ref(start[i], per_param_grads(grads, i), 0.05, momentum, dampening, weight_decay,
                                 nesterov, loss_scale)
        np.testing.assert_allclose(f64(p), w, **TOL, err_msg=p.name)
        np.testing.assert_allclose(f64(opt.accum[i]), accum, **TOL, err_msg=p.name)
        np.testing.assert_array_equal(f64(opt.stat[i]), stat)
    assert opt.global_step.asnumpy().tolist() == [3]


def test_sgd_rejects_nesterov_without_momentum():
    with pytest.raises(ValueError, match="'nesterov' is true, 'momentum' must be > 0.0"):
        nn.SGD(make_params(0), nesterov=True)


# ---- Momentum

@pytest.mark.parametrize("weight_decay,nesterov,loss_scale", [
    (0.0, False, 1.0), (0.0, True, 1.0), (0.1, False, 8.0), (0.05, True, 2.0)])
def test_momentum_matches_float64_numpy(weight_decay, nesterov, loss_scale):
    params = make_params(1)
    start = [f64(p) for p in params]
    grads = make_grads(1, steps=3)
    opt = nn.Momentum(params, learning_rate=0.1, momentum=0.9, weight_decay=weight_decay, loss_scale=loss_scale,
                      use_nesterov=nesterov)
    run(opt, grads)
    for i, (p, wd) in enumerate(zip(params, decays(SHAPES, weight_decay))):
        w, moment = momentum_ref(start[i], per_param_grads(grads, i), [0.1] * 3, 0.9, wd, nesterov, loss_scale)
        np.testing.assert_allclose(f64(p), w, **TOL, err_msg=p.name)
        np.testing.assert_allclose(f64(opt.moments[i]), moment, **TOL, err_msg=p.name)


@pytest.mark.usefixtures("graph_mode")
def test_momentum_dynamic_learning_rate_takes_one_value_per_step():
    params = make_params(2)
    start = [f64(p) for p in params]
    grads = make_grads(2, steps=4)
    schedule = [0.1, 0.05, 0.01]
    opt = nn.Momentum(params, learning_rate=schedule, momentum=0.5)
    run(opt, grads)
    for i, p in enumerate(params):
        # Past the end of the schedule the last value stays.
        w, _ = momentum_ref(start[i], per_param_grads(grads, i), [0.1, 0.05, 0.01, 0.01], 0.5, 0.0, False, 1.0)
        np.testing.assert_allclose(f64(p), w, **TOL, err_msg=p.name)
    assert opt.compile_cache_info().misses == 1


def test_group_params_set_lr_and_weight_decay_per_group_in_order():
    params = make_params(3)
    start = [f64(p) for p in params]
    grads = make_grads(3, steps=2)
    first, rest = params[:2], params[2:]
    groups = [{"params": rest, "lr": 0.01}, {"params": first, "weight_decay": 0.1}, {"order_params": params}]
    opt = nn.Momentum(groups, learning_rate=0.1, momentum=0.9)
    assert list(opt.parameters) == params
    run(opt, grads)
    for i, p in enumerate(params):
        # With groups, a group's weight decay applies to all its parameters (gamma, beta too).
        lr, wd = (0.1, 0.1) if i < 2 else (0.01, 0.0)
        w, _ = momentum_ref(start[i], per_param_grads(grads, i), [lr] * 2, 0.9, wd, False, 1.0)
        np.testing.assert_allclose(f64(p), w, **TOL, err_msg=p.name)
    assert float(opt.get_lr_parameter(params[3]).asnumpy()) == pytest.approx(0.01)


@pytest.mark.usefixtures("graph_mode")
def test_learning_rate_parameter_change_needs_no_recompile():
    params = make_params(4)
    start = [f64(p) for p in params]
    grads = make_grads(4, steps=2)
    opt = nn.SGD(params, learning_rate=0.1)
    opt(tuple(Tensor(g) for g in grads[0]))
    opt.learning_rate.set_data(Tensor(np.float32(0.01)))
    opt(tuple(Tensor(g) for g in grads[1]))
    info = opt.compile_cache_info()
    assert (info.misses, info.hits) == (1, 1)
    want = start[0] - 0.1 * f64(grads[0][0]) - 0.01 * f64(grads[1][0])
    np.testing.assert_allclose(f64(params[0]), want, **TOL)


# ---- Adam

@pytest.mark.parametrize("nesterov,weight_decay,loss_scale", [(False, 0.0, 1.0), (True, 0.0, 1.0), (False, 0.01, 1024.0)])
def test_adam_matches_float64_numpy(nesterov, weight_decay, loss_scale):
    params = make_params(5)
    start = [f64(p) for p in params]
    grads = make_grads(5, steps=3)
    opt = nn.Adam(params, learning_rate=0.01, beta1=0.8, beta2=0.95, eps=1e-6, use_nesterov=nesterov,
                  weight_decay=weight_decay, loss_scale=loss_scale)
    run(opt, grads)
    for i, (p, wd) in enumerate(zip(params, decays(SHAPES, weight_decay))):
        w, m, v, b1p, b2p = adam_ref(start[i], per_param_grads(grads, i), 0.01, 0.8, 0.95, 1e-6, nesterov, wd,
                                     loss_scale)
        np.testing.assert_allclose(f64(p), w, **TOL, err_msg=p.name)
        np.testing.assert_allclose(f64(opt.moment1[i]), m, **TOL, err_msg=p.name)
        np.testing.assert_allclose(f64(opt.moment2[i]), v, **TOL, err_msg=p.name)
    np.testing.assert_allclose(f64(opt.beta1_power), [b1p], **TOL)
    np.testing.assert_allclose(f64(opt.beta2_power), [b2p], **TOL)


def test_adam_state_is_named_as_mindspore():
    opt = nn.Adam(make_params(6))
    names = list(opt.parameters_dict())
    for n in SHAPES:
        assert f"moment1.{n}" in names and f"moment2.{n}" in names
    assert {"beta1_power", "beta2_power", "global_step", "learning_rate"} <= set(names)
    assert opt.beta1_power.shape == (1,) and opt.global_step.dtype == mindc.int32


def test_adam_rejects_beta_out_of_range():
    with pytest.raises(ValueError, match="'beta1' must be in"):
        nn.Adam(make_params(0), beta1=1.0)


# ---- AdamWeightDecay

@pytest.mark.parametrize("weight_decay", [0.0, 0.1])
def test_adam_weight_decay_matches_float64_numpy(weight_decay):
    params = make_params(7)
    start = [f64(p) for p in params]
    grads = make_grads(7, steps=3)
    opt = nn.AdamWeightDecay(params, learning_rate=0.01, weight_decay=weight_decay)
    run(opt, grads)
    for i, (p, wd) in enumerate(zip(params, decays(SHAPES, weight_decay))):
        w, m, v = adamw_ref(start[i], per_param_grads(grads, i), 0.01, 0.9, 0.999, 1e-6, wd)
        np.testing.assert_allclose(f64(p), w, **TOL, err_msg=p.name)
        np.testing.assert_allclose(f64(opt.moments1[i]), m, **TOL, err_msg=p.name)
        np.testing.assert_allclose(f64(opt.moments2[i]), v, **TOL, err_msg=p.name)
    assert "adam_m.fc.weight" in opt.parameters_dict() and "adam_v.scale" in opt.parameters_dict()


# ---- RMSProp and Adagrad

def rmsprop_ref(w, grads, lr, decay, momentum, epsilon, centered, weight_decay):
    ms, moment, mg = np.ones_like(w), np.zeros_like(w), np.zeros_like(w)
    for g in grads:
        g = g + weight_decay * w
        ms = decay * ms + (1 - decay) * g * g
        mg = decay * mg + (1 - decay) * g
        moment = momentum * moment + lr * g / np.sqrt(ms - (mg * mg if centered else 0) + epsilon)
        w = w - moment
    return w, ms, moment, mg


@pytest.mark.parametrize("momentum,centered,weight_decay", [(0.0, False, 0.0), (0.9, False, 0.01), (0.5, True, 0.0)])
def test_rmsprop_matches_float64_numpy(momentum, centered, weight_decay):
    params = make_params(8)
    start = [f64(p) for p in params]
    grads = make_grads(8, steps=3)
    opt = nn.RMSProp(params, learning_rate=0.01, decay=0.8, momentum=momentum, epsilon=1e-6, centered=centered,
                     weight_decay=weight_decay)
    run(opt, grads)
    for i, (p, wd) in enumerate(zip(params, decays(SHAPES, weight_decay))):
        w, ms, moment, mg = rmsprop_ref(start[i], per_param_grads(grads, i), 0.01, 0.8, momentum, 1e-6, centered, wd)
        np.testing.assert_allclose(f64(p), w, **TOL, err_msg=p.name)
        np.testing.assert_allclose(f64(opt.ms[i]), ms, **TOL, err_msg=p.name)
        np.testing.assert_allclose(f64(opt.moment[i]), moment, **TOL, err_msg=p.name)
        if centered:
            np.testing.assert_allclose(f64(opt.mg[i]), mg, **TOL, err_msg=p.name)
    names = opt.parameters_dict()
    assert "mean_square.fc.weight" in names and "moment.scale" in names
    assert ("mean_grad.fc.bias" in names) == centered


@pytest.mark.parametrize("update_slots", [True, False])
def test_adagrad_matches_float64_numpy(update_slots):
    params = make_params(9)
    start = [f64(p) for p in params]
    grads = make_grads(9, steps=3)
    opt = nn.Adagrad(params, accum=0.2, learning_rate=0.05, update_slots=update_slots, weight_decay=0.01)
    run(opt, grads)
    for i, (p, wd) in enumerate(zip(params, decays(SHAPES, 0.01))):
        w, accum = start[i], np.full_like(start[i], 0.2)
        for g in per_param_grads(grads, i):
            g = g + wd * w
            accum = accum + g * g if update_slots else accum
            w = w - 0.05 * g / np.sqrt(accum)
        np.testing.assert_allclose(f64(p), w, **TOL, err_msg=p.name)
        np.testing.assert_allclose(f64(opt.accum[i]), accum, **TOL, err_msg=p.name)


def test_rmsprop_and_adagrad_check_their_arguments():
    with pytest.raises(TypeError, match="'decay' must be a float"):
        nn.RMSProp(make_params(0), decay=1)
    with pytest.raises(ValueError, match="'epsilon' must be > 0"):
        nn.RMSProp(make_params(0), epsilon=0.0)
    with pytest.raises(TypeError, match="'update_slots' must be a bool"):
        nn.Adagrad(make_params(0), update_slots=1)


# ---- argument checks

def test_optimizer_rejects_empty_and_mixed_params():
    with pytest.raises(ValueError, match="empty"):
        nn.SGD([])
    with pytest.raises(TypeError, match="must be Parameters, or all dicts"):
        nn.SGD([make_params(0)[0], {"params": make_params(1)}])


def test_optimizer_rejects_gradients_of_the_wrong_shape():
    params = make_params(0)
    opt = nn.SGD(params)
    grads = [Tensor(np.zeros(p.shape, np.float32)) for p in params]
    grads[1] = Tensor(np.zeros((5,), np.float32))
    with pytest.raises(ValueError, match=r"gradient of 'fc.bias' has shape \[5\], the parameter has shape \[4\]"):
        opt(tuple(grads))


def test_parameters_of_the_same_name_are_all_trained():
    a, b = Parameter(np.ones(2, np.float32), name="weight"), Parameter(np.ones(3, np.float32), name="weight")
    opt = nn.SGD([a, b], learning_rate=0.5)
    assert sum(p is a or p is b for p in opt.get_parameters()) == 2
    opt((Tensor(np.ones(2, np.float32)), Tensor(np.ones(3, np.float32))))
    assert a.asnumpy().tolist() == [0.5, 0.5] and b.asnumpy().tolist() == [0.5, 0.5, 0.5]
