"""MindSpore's functional losses (`mindspore.ops.cross_entropy`, `nll_loss`, ...), composed from
mind ops, with MindSpore's formulas, defaults and reductions. The nn loss Cells call these."""
from __future__ import annotations

import numbers

from mindc import ops
from mindc.frontend.tensor import Tensor
from mindc.ops._base import cast_to, fail, float_operand, tensor

__all__ = ["cross_entropy", "nll_loss", "binary_cross_entropy", "binary_cross_entropy_with_logits", "mse_loss",
           "l1_loss", "smooth_l1_loss", "huber_loss", "kl_div", "margin_ranking_loss", "soft_margin_loss"]

REDUCTIONS = ("mean", "sum", "none")
# MindSpore's CPU BinaryCrossEntropy adds this inside each log, so probabilities of 0 and 1 stay finite.
BCE_EPSILON = 1e-12


def _check_reduction(reduction: str, op_name: str) -> None:
    if reduction not in REDUCTIONS:
        fail(op_name, f"reduction must be one of 'mean', 'sum', 'none', got {reduction!r}")


def reduced(loss: Tensor, reduction: str, op_name: str) -> Tensor:
    """loss averaged ('mean'), summed ('sum') over every element, or as it is ('none')."""
    _check_reduction(reduction, op_name)
    if reduction == "mean":
        return ops.mean(loss)
    return ops.sum(loss) if reduction == "sum" else loss


def _weighted(loss: Tensor, weight) -> Tensor:
    return loss if weight is None else loss * cast_to(tensor(weight), loss.dtype)


def _class_weight(weight, classes: int, axis: int, rank: int, dtype, op_name: str):
    """weight (C,) shaped to broadcast along the class axis, or None."""
    if weight is None:
        return None
    if not isinstance(weight, Tensor) or weight.shape != (classes,):
        fail(op_name, f"weight must be a Tensor of shape {[classes]}, got "
                      f"{list(weight.shape) if isinstance(weight, Tensor) else type(weight).__name__}")
    shape = [1] * rank
    shape[axis] = classes
    return ops.reshape(cast_to(weight, dtype), tuple(shape))


def _check_options(op_name: str, ignore_index, label_smoothing) -> None:
    if isinstance(ignore_index, bool) or not isinstance(ignore_index, numbers.Integral):
        raise TypeError(f"For '{op_name}', 'ignore_index' must be an int, got {type(ignore_index).__name__}")
    if isinstance(label_smoothing, bool) or not isinstance(label_smoothing, numbers.Real):
        raise TypeError(f"For '{op_name}', 'label_smoothing' must be a float, got {type(label_smoothing).__name__}")
    if not 0 <= label_smoothing <= 1:
        raise ValueError(f"For '{op_name}', 'label_smoothing' must be in [0, 1], got {label_smoothing}")


def cross_entropy(input, target, weight=None, ignore_index: int = -100, reduction: str = "mean",
                  label_smoothing: float = 0.0) -> Tensor:
    """The cross entropy between log_softmax(input) along the class axis (axis 1 of (N, C, ...),
    axis 0 of (C,)) and target: int class indices (input's shape without the class axis) or
    float class probabilities (input's shape). weight (C,) scales each class; indices equal to
    ignore_index count for nothing; 'mean' divides by the summed weights of the counted samples
    (indices) or by the number of samples (probabilities). label_smoothing eps mixes in the
    uniform distribution."""
    _check_options("cross_entropy", ignore_index, label_smoothing)
    input = float_operand(input)
    axis = 0 if input.ndim == 1 else 1
    logp = ops.log_softmax(input, axis)
    if not target.dtype.is_float:
        return nll_loss(logp, target, weight, ignore_index, reduction, label_smoothing)
    if target.shape != input.shape:
        fail("cross_entropy", f"probability targets must have the shape of input {list(input.shape)}, "
                              f"got {list(target.shape)}")
    classes = input.shape[axis]
    target = cast_to(target, input.dtype)
    if label_smoothing > 0:
        target = target * (1 - label_smoothing) + label_smoothing / classes
    class_weight = _class_weight(weight, classes, axis, input.ndim, input.dtype, "cross_entropy")
    terms = logp * target if class_weight is None else logp * target * class_weight
    if reduction == "none":
        return -ops.sum(terms, axis)
    _check_reduction(reduction, "cross_entropy")
    total = -ops.sum(terms)
    return total / (logp.size // classes) if reduction == "mean" else total


def nll_loss(inputs, target, weight=None, ignore_index: int = -100, reduction: str = "mean",
             label_smoothing: float = 0.0) -> Tensor:
    """-inputs[target] along the class axis (axis 1 of (N, C, ...), axis 0 of (C,)): inputs are
    log-probabilities, target int class indices; weight, ignore_index, 'mean' and label_smoothing
    as in cross_entropy."""
    _check_options("nll_loss", ignore_index, label_smoothing)
    inputs = float_operand(inputs)
    axis = 0 if inputs.ndim == 1 else 1
    classes, dt = inputs.shape[axis], inputs.dtype
    expected = inputs.shape[:axis] + inputs.shape[axis + 1:]
    if target.dtype.is_float or target.shape != expected:
        fail("nll_loss", f"target must be int class indices of shape {list(expected)} (inputs {list(inputs.shape)} "
                         f"without the class axis), got {target.dtype} of shape {list(target.shape)}")
    _check_reduction(reduction, "nll_loss")
    class_weight = _class_weight(weight, classes, axis, inputs.ndim, dt, "nll_loss")
    # One-hot rows of out-of-range indices (ignore_index = -100) are all zero; the mask also
    # drops an ignore_index inside [0, C).
    hot = ops.one_hot(target, classes, Tensor(1, dt), Tensor(0, dt), axis)
    kept = cast_to(ops.not_equal(target, ignore_index), dt)
    weighted = inputs if class_weight is None else inputs * class_weight
    nll = -ops.sum(hot * weighted, axis) * kept
    smooth = -ops.sum(weighted, axis) * kept
    counted = kept if class_weight is None else ops.sum(hot * class_weight, axis) * kept
    if reduction == "mean":
        total = ops.sum(counted)
        nll, smooth = ops.sum(nll) / total, ops.sum(smooth) / total
    elif reduction == "sum":
        nll, smooth = ops.sum(nll), ops.sum(smooth)
    if label_smoothing == 0:
        return nll
    return nll * (1 - label_smoothing) + smooth * (label_smoothing / classes)


def binary_cross_entropy(logits, labels, weight=None, reduction: str = "mean") -> Tensor:
    """-weight * (labels * log(logits) + (1 - labels) * log(1 - logits)), logits probabilities."""
    x = float_operand(logits)
    y = cast_to(tensor(labels), x.dtype)
    loss = -(y * ops.log(x + BCE_EPSILON) + (1 - y) * ops.log(1 - x + BCE_EPSILON))
    return reduced(_weighted(loss, weight), reduction, "binary_cross_entropy")


def binary_cross_entropy_with_logits(input, target, weight=None, pos_weight=None, reduction: str = "mean") -> Tensor:
    """binary_cross_entropy(sigmoid(input), target) with pos_weight scaling the positive term,
    computed stably: (1 - t) x + (1 + (p - 1) t) (log(1 + exp(-|x|)) + max(-x, 0))."""
    x = float_operand(input)
    t = cast_to(tensor(target), x.dtype)
    log_sigmoid_neg = ops.log(1 + ops.exp(-ops.abs(x))) + ops.maximum(-x, 0)   # -log(sigmoid(x))
    if pos_weight is None:
        loss = (1 - t) * x + log_sigmoid_neg
    else:
        loss = (1 - t) * x + (1 + (cast_to(tensor(pos_weight), x.dtype) - 1) * t) * log_sigmoid_neg
    return reduced(_weighted(loss, weight), reduction, "binary_cross_entropy_with_logits")


def mse_loss(input, target, reduction: str = "mean") -> Tensor:
    x = float_operand(input)
    return reduced(ops.square(x - cast_to(tensor(target), x.dtype)), reduction, "mse_loss")


def l1_loss(input, target, reduction: str = "mean") -> Tensor:
    x = float_operand(input)
    return reduced(ops.abs(x - cast_to(tensor(target), x.dtype)), reduction, "l1_loss")


def smooth_l1_loss(input, target, beta: float = 1.0, reduction: str = "none") -> Tensor:
    """0.5 d^2 / beta where |d| < beta, else |d| - 0.5 beta (d = input - target)."""
    if not beta > 0:
        fail("smooth_l1_loss", f"beta must be > 0, got {beta}")
    x = float_operand(input)
    d = ops.abs(x - cast_to(tensor(target), x.dtype))
    loss = ops.select(d < beta, 0.5 * d * d / beta, d - 0.5 * beta)
    return reduced(loss, reduction, "smooth_l1_loss")


def huber_loss(input, target, reduction: str = "mean", delta: float = 1.0) -> Tensor:
    """0.5 d^2 where |d| <= delta, else delta (|d| - 0.5 delta) (d = input - target)."""
    if not delta > 0:
        fail("huber_loss", f"delta must be > 0, got {delta}")
    x = float_operand(input)
    d = ops.abs(x - cast_to(tensor(target), x.dtype))
    loss = ops.select(d <= delta, 0.5 * d * d, delta * (d - 0.5 * delta))
    return reduced(loss, reduction, "huber_loss")


def kl_div(logits, labels, reduction: str = "mean") -> Tensor:
    """labels * (log(labels) - logits), 0 where labels are 0; logits are log-probabilities.
    'mean' divides the sum by the number of elements, 'batchmean' by the batch size."""
    x = float_operand(logits)
    y = cast_to(tensor(labels), x.dtype)
    positive = y > 0
    loss = ops.select(positive, y * (ops.log(ops.select(positive, y, 1.0)) - x), 0.0)
    if reduction == "batchmean":
        return ops.sum(loss) / x.shape[0]
    return reduced(loss, reduction, "kl_div")


def margin_ranking_loss(input1, input2, target, margin: float = 0.0, reduction: str = "mean") -> Tensor:
    """max(0, -target * (input1 - input2) + margin)."""
    x1 = float_operand(input1)
    loss = ops.maximum(-cast_to(tensor(target), x1.dtype) * (x1 - cast_to(tensor(input2), x1.dtype)) + margin, 0)
    return reduced(loss, reduction, "margin_ranking_loss")


def soft_margin_loss(input, target, reduction: str = "mean") -> Tensor:
    """log(1 + exp(-target * input))."""
    x = float_operand(input)
    return reduced(ops.log(1 + ops.exp(-cast_to(tensor(target), x.dtype) * x)), reduction, "soft_margin_loss")
