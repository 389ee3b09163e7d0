"""nn losses against float64 numpy references (MindSpore's and PyTorch's formulas) in graph
mode, for every reduction, with gradients against central differences in float64."""
from __future__ import annotations

import numpy as np
import pytest
from test_layers import F32, check_gradients, rand, run

import mindc
from mindc import nn

T = mindc.Tensor
REDUCE = {"mean": np.mean, "sum": np.sum, "none": lambda x: x}


def log_softmax(x, axis):
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def test_loss_base_reductions_and_get_loss():
    assert nn.LossBase().reduction == "mean"
    x = rand(3, 4, seed=0)
    w = rand(3, 1, seed=1)
    for reduction, reduce in REDUCE.items():
        base = nn.LossBase(reduction)
        np.testing.assert_allclose(base.get_loss(T(x)).asnumpy(), reduce(x), rtol=1e-12)
        np.testing.assert_allclose(base.get_loss(T(x), T(w)).asnumpy(), reduce(x * w), rtol=1e-12)
    assert base.get_axis(T(x)) == (0, 1)
    with pytest.raises(ValueError, match="'reduction' must be one of 'mean', 'sum', 'none', got 'avg'"):
        nn.MSELoss(reduction="avg")


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_mse_and_l1_match_numpy(reduction):
    x, y = rand(4, 5, seed=2).astype(np.float32), rand(4, 5, seed=3).astype(np.float32)
    d = x.astype(np.float64) - y
    np.testing.assert_allclose(run(nn.MSELoss(reduction), x, y), REDUCE[reduction](d ** 2), **F32)
    np.testing.assert_allclose(run(nn.L1Loss(reduction), x, y), REDUCE[reduction](np.abs(d)), **F32)
    # The two operands broadcast.
    row = rand(5, seed=4).astype(np.float32)
    np.testing.assert_allclose(run(nn.MSELoss(reduction), x, row), REDUCE[reduction]((x.astype(np.float64) - row) ** 2),
                               **F32)


def test_loss_defaults_and_repr():
    assert nn.MSELoss().reduction == "mean" and nn.L1Loss().reduction == "mean"
    s = nn.SoftmaxCrossEntropyWithLogits()
    assert (s.sparse, s.reduction) == (False, "none")
    c = nn.CrossEntropyLoss()
    assert (c.weight, c.ignore_index, c.reduction, c.label_smoothing) == (None, -100, "mean", 0.0)
    assert repr(nn.MSELoss("sum")) == "MSELoss<reduction=sum>"
    assert repr(s) == "SoftmaxCrossEntropyWithLogits<sparse=False, reduction=none>"


@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
def test_softmax_cross_entropy_with_logits(reduction):
    logits = (2 * rand(5, 4, seed=5)).astype(np.float32)
    labels = np.random.default_rng(6).integers(0, 4, 5).astype(np.int32)
    logp = log_softmax(logits.astype(np.float64), -1)
    want = REDUCE[reduction](-logp[np.arange(5), labels])
    np.testing.assert_allclose(run(nn.SoftmaxCrossEntropyWithLogits(True, reduction), logits, labels), want, **F32)
    probs = np.exp(log_softmax(rand(5, 4, seed=7), -1)).astype(np.float32)
    want = REDUCE[reduction](-(probs * logp).sum(-1))
    np.testing.assert_allclose(run(nn.SoftmaxCrossEntropyWithLogits(False, reduction), logits, probs), want, **F32)


def test_softmax_cross_entropy_errors():
    with pytest.raises(TypeError, match="'sparse' must be a bool"):
        nn.SoftmaxCrossEntropyWithLogits(sparse=1)
    with pytest.raises(ValueError, match="labels must have the shape of logits"):
        nn.SoftmaxCrossEntropyWithLogits()(T(np.ones((2, 3), np.float32)), T(np.ones((2, 4), np.float32)))
    with pytest.raises(ValueError, match="sparse labels must be int class indices of shape \\[2\\]"):
        nn.SoftmaxCrossEntropyWithLogits(sparse=True)(T(np.ones((2, 3), np.float32)), T(np.ones(3, np.int32)))


def cross_entropy_ref(logits, labels, weight=None, ignore_index=-100, reduction="mean", smoothing=0.0):
    """PyTorch's (and MindSpore's) cross_entropy, written with explicit loops over samples."""
    logits = logits.astype(np.float64)
    axis = 0 if logits.ndim == 1 else 1
    c = logits.shape[axis]
    logp = np.moveaxis(log_softmax(logits, axis), axis, -1).reshape(-1, c)
    w = np.ones(c) if weight is None else weight.astype(np.float64)
    if np.issubdtype(labels.dtype, np.floating):
        probs = np.moveaxis(labels.astype(np.float64), axis, -1).reshape(-1, c) * (1 - smoothing) + smoothing / c
        per = -(logp * probs * w).sum(-1)
        out_shape = logits.shape[:axis] + logits.shape[axis + 1:]
        return {"none": per.reshape(out_shape), "sum": per.sum(), "mean": per.sum() / per.size}[reduction]
    nll, smooth, counted = [], [], []
    for row, y in zip(logp, labels.reshape(-1)):
        keep = y != ignore_index
        nll.append(-w[y] * row[y] if keep else 0.0)
        smooth.append(-(w * row).sum() if keep else 0.0)
        counted.append(w[y] if keep else 0.0)
    nll, smooth = np.array(nll).reshape(labels.shape), np.array(smooth).reshape(labels.shape)
    if reduction == "mean":
        nll, smooth = nll.sum() / sum(counted), smooth.sum() / sum(counted)
    elif reduction == "sum":
        nll, smooth = nll.sum(), smooth.sum()
    return (1 - smoothing) * nll + smoothing / c * smooth


CE_CASES = {
    "plain": dict(),
    "weight": dict(weight=True),
    "ignore": dict(ignore=True),
    "ignore_in_range": dict(ignore_index=1),
    "smoothing": dict(label_smoothing=0.2),
    "all": dict(weight=True, ignore=True, label_smoothing=0.1),
}


def ce_inputs(case, shape=(6, 4), seed=8):
    rng = np.random.default_rng(seed)
    logits = (2 * rng.standard_normal(shape)).astype(np.float32)
    c = shape[1] if len(shape) > 1 else shape[0]
    label_shape = shape[:1] + shape[2:] if len(shape) > 1 else ()
    labels = rng.integers(0, c, label_shape).astype(np.int32)
    if case.get("ignore") and labels.ndim:
        labels.reshape(-1)[::3] = -100
    weight = rng.uniform(0.5, 2, c).astype(np.float32) if case.get("weight") else None
    kwargs = {k: v for k, v in case.items() if k in ("ignore_index", "label_smoothing")}
    return logits, labels, weight, kwargs


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("case", list(CE_CASES), ids=list(CE_CASES))
def test_cross_entropy_class_indices(case, reduction):
    logits, labels, weight, kwargs = ce_inputs(CE_CASES[case])
    loss = nn.CrossEntropyLoss(weight=None if weight is None else T(weight), reduction=reduction, **kwargs)
    want = cross_entropy_ref(logits, labels, weight, kwargs.get("ignore_index", -100), reduction,
                             kwargs.get("label_smoothing", 0.0))
    np.testing.assert_allclose(run(loss, logits, labels), want, **F32)


@pytest.mark.parametrize("shape", [(3, 4, 5), (4,)], ids=["spatial", "unbatched"])
def test_cross_entropy_other_ranks(shape):
    logits, labels, weight, _ = ce_inputs(dict(weight=True, ignore=True), shape, seed=9)
    for reduction in ("mean", "none"):
        loss = nn.CrossEntropyLoss(T(weight), reduction=reduction, label_smoothing=0.1)
        want = cross_entropy_ref(logits, labels, weight, reduction=reduction, smoothing=0.1)
        np.testing.assert_allclose(run(loss, logits, labels), want, **F32)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_cross_entropy_probabilities(reduction):
    logits = rand(2, 4, 3, seed=10).astype(np.float32)
    probs = np.exp(log_softmax(rand(2, 4, 3, seed=11), 1)).astype(np.float32)
    weight = np.random.default_rng(12).uniform(0.5, 2, 4).astype(np.float32)
    loss = nn.CrossEntropyLoss(T(weight), reduction=reduction, label_smoothing=0.3)
    want = cross_entropy_ref(logits, probs, weight, reduction=reduction, smoothing=0.3)
    np.testing.assert_allclose(run(loss, logits, probs), want, **F32)


@pytest.mark.parametrize("kwargs,error,match", [
    (dict(weight=np.ones(3)), TypeError, "'weight' must be a Tensor or None"),
    (dict(weight=T(np.ones((3, 1)))), ValueError, "'weight' must be 1-d"),
    (dict(ignore_index=1.0), TypeError, "'ignore_index' must be an int"),
    (dict(label_smoothing=1.5), ValueError, r"'label_smoothing' must be in \[0, 1\]"),
    (dict(reduction="max"), ValueError, "'reduction' must be one of"),
])
def test_cross_entropy_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        nn.CrossEntropyLoss(**kwargs)


def test_cross_entropy_bad_shapes():
    logits = T(np.ones((2, 3), np.float32))
    with pytest.raises(ValueError, match=r"test_losses.py:\d+:\d+: 'nll_loss' target must be int class indices "
                                         r"of shape \[2\]"):
        nn.CrossEntropyLoss()(logits, T(np.ones((2, 3), np.int32)))
    with pytest.raises(ValueError, match="probability targets must have the shape of input"):
        nn.CrossEntropyLoss()(logits, T(np.ones((2, 4), np.float32)))
    with pytest.raises(ValueError, match="weight must be a Tensor of shape \\[3\\]"):
        nn.CrossEntropyLoss(T(np.ones(4, np.float32)))(logits, T(np.zeros(2, np.int32)))


# ---- the other losses: BCE, NLL, smooth L1 / Huber, KL divergence, margins, RMSE

def bce_ref(p, y, w=1.0):
    return -w * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))


def bce_logits_ref(x, y, w=1.0, pos_weight=1.0):
    log_sigmoid = -np.logaddexp(0, -x)
    return -w * (pos_weight * y * log_sigmoid + (1 - y) * (log_sigmoid - x))


def smooth_l1_ref(d, beta):
    d = np.abs(d)
    return np.where(d < beta, 0.5 * d * d / beta, d - 0.5 * beta)


def huber_ref(d, delta):
    d = np.abs(d)
    return np.where(d <= delta, 0.5 * d * d, delta * (d - 0.5 * delta))


def kl_ref(logp, y):
    return np.where(y > 0, y * (np.log(np.where(y > 0, y, 1.0)) - logp), 0.0)


X, Y = rand(4, 5, seed=20), rand(4, 5, seed=21)
PROBS = 1 / (1 + np.exp(-X))
TARGETS = (rand(4, 5, seed=22) > 0).astype(np.float64)
WEIGHT = np.abs(rand(5, seed=23))


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("loss, inputs, want", [
    (lambda r: nn.BCELoss(T(WEIGHT), r), (PROBS, TARGETS), bce_ref(PROBS, TARGETS, WEIGHT)),
    (lambda r: nn.BCEWithLogitsLoss(r), (10 * X, TARGETS), bce_logits_ref(10 * X, TARGETS)),
    (lambda r: nn.BCEWithLogitsLoss(r, T(WEIGHT), T(WEIGHT[::-1].copy())), (X, TARGETS),
     bce_logits_ref(X, TARGETS, WEIGHT, WEIGHT[::-1])),
    (lambda r: nn.SmoothL1Loss(0.7, r), (X, Y), smooth_l1_ref(X - Y, 0.7)),
    (lambda r: nn.HuberLoss(r, 0.6), (X, Y), huber_ref(X - Y, 0.6)),
    (lambda r: nn.KLDivLoss(r), (log_softmax(X, 1), np.where(TARGETS > 0, np.exp(log_softmax(Y, 1)), 0)),
     kl_ref(log_softmax(X, 1), np.where(TARGETS > 0, np.exp(log_softmax(Y, 1)), 0))),
    (lambda r: nn.MAELoss(r), (X, Y), np.abs(X - Y)),
    (lambda r: nn.SoftMarginLoss(r), (X, 2 * TARGETS - 1), np.log1p(np.exp(-(2 * TARGETS - 1) * X))),
], ids=["bce_weight", "bce_logits_large", "bce_logits_pos_weight", "smooth_l1", "huber", "kl_div", "mae",
        "soft_margin"])
def test_elementwise_losses_match_float64_numpy(loss, inputs, want, reduction):
    np.testing.assert_allclose(run(loss(reduction), *inputs), REDUCE[reduction](want), rtol=1e-10, atol=1e-12)


def test_nll_loss_matches_cross_entropy_of_log_probabilities():
    logp = log_softmax(rand(6, 4, seed=24), 1)
    labels = np.array([0, 3, 2, -100, 1, 3], np.int32)
    weight = np.abs(rand(4, seed=25))
    for reduction in ("mean", "sum", "none"):
        got = run(nn.NLLLoss(T(weight), reduction=reduction), logp, labels)
        want = cross_entropy_ref(logp, labels, weight, reduction=reduction)
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)


def test_margin_ranking_rmse_and_batchmean():
    target = np.sign(rand(4, 5, seed=26))
    got = nn.MarginRankingLoss(0.3)(T(X), T(Y), T(target)).asnumpy()
    np.testing.assert_allclose(got, np.maximum(-target * (X - Y) + 0.3, 0).mean(), rtol=1e-10)
    np.testing.assert_allclose(run(nn.RMSELoss(), X, Y), np.sqrt(((X - Y) ** 2).mean()), rtol=1e-10)
    logp, y = log_softmax(X, 1), np.exp(log_softmax(Y, 1))
    np.testing.assert_allclose(run(nn.KLDivLoss("batchmean"), logp, y), kl_ref(logp, y).sum() / 4, rtol=1e-10)


def test_loss_arguments_are_checked():
    with pytest.raises(ValueError, match="'beta' must be a float > 0"):
        nn.SmoothL1Loss(beta=0)
    with pytest.raises(ValueError, match="'delta' must be a float > 0"):
        nn.HuberLoss(delta=-1.0)
    with pytest.raises(TypeError, match="'pos_weight' can not be a Parameter"):
        nn.BCEWithLogitsLoss(pos_weight=mindc.Parameter(T(WEIGHT)))
    with pytest.raises(TypeError, match="'ignore_index' must be an int"):
        nn.NLLLoss(ignore_index=0.5)


# ---- gradients with respect to the logits (and probability labels), in float64


@pytest.mark.parametrize("loss,second", [
    (nn.MSELoss(), "float"), (nn.L1Loss("sum"), "float"), (nn.MSELoss("none"), "float"),
    (nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"), "index"),
    (nn.SoftmaxCrossEntropyWithLogits(), "probs"),
    (nn.CrossEntropyLoss(T(np.array([0.5, 1.0, 2.0, 1.5])), label_smoothing=0.2), "index"),
    (nn.CrossEntropyLoss(reduction="none", ignore_index=2), "index"),
    (nn.CrossEntropyLoss(T(np.array([0.5, 1.0, 2.0, 1.5])), reduction="sum", label_smoothing=0.1), "probs"),
    (nn.BCEWithLogitsLoss(pos_weight=T(np.array([0.5, 2.0, 1.0, 3.0]))), "targets"),
    (nn.BCELoss(reduction="sum"), "targets"),
    (nn.SmoothL1Loss(0.5, "mean"), "float"), (nn.HuberLoss("sum", 0.8), "float"),
    (nn.NLLLoss(T(np.array([0.5, 1.0, 2.0, 1.5]))), "index"),
], ids=["mse", "l1_sum", "mse_none", "sce_sparse", "sce_probs", "ce_weight_smooth", "ce_ignore_none",
        "ce_probs", "bce_logits", "bce", "smooth_l1", "huber", "nll"])
def test_loss_gradient_matches_finite_differences(loss, second):
    logits = rand(5, 4, seed=13)
    if second == "index":
        labels = np.array([0, 2, 3, 1, 2], np.int32)
    elif second == "probs":
        labels = np.exp(log_softmax(rand(5, 4, seed=14), -1))
    elif second == "targets":
        logits, labels = 1 / (1 + np.exp(-logits)), (rand(5, 4, seed=16) > 0).astype(np.float64)
    else:
        labels = rand(5, 4, seed=15)
    check_gradients(loss, logits, labels)
