"""Loss functions (MindSpore's nn.LossBase and the losses built on it).

Losses compute in the dtype of their input (MindSpore casts to float32 first; mindc keeps
float64 as float64, so gradients can be checked in it).
"""
from __future__ import annotations

import numbers

from mindc import ops
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.nn.cell import Cell
from mindc.ops._base import cast_to, float_operand, tensor
from mindc.ops.loss import REDUCTIONS

__all__ = ["LossBase", "SoftmaxCrossEntropyWithLogits", "CrossEntropyLoss", "NLLLoss", "MSELoss", "L1Loss", "MAELoss",
           "RMSELoss", "BCELoss", "BCEWithLogitsLoss", "SmoothL1Loss", "HuberLoss", "KLDivLoss", "MarginRankingLoss",
           "SoftMarginLoss"]



class LossBase(Cell):
    """LossBase(reduction='mean'): subclasses compute elementwise losses and reduce them with
    get_loss; reduction is 'mean', 'sum' or 'none' (ValueError otherwise)."""

    def __init__(self, reduction: str = "mean"):
        super().__init__()
        if reduction not in REDUCTIONS:
            raise ValueError(f"For '{type(self).__name__}', 'reduction' must be one of 'mean', 'sum', 'none', "
                             f"got {reduction!r}")
        self.reduction = reduction
        self.average = reduction == "mean"
        self.reduce = reduction != "none"

    def get_axis(self, x) -> tuple[int, ...]:
        """Every axis of x."""
        return tuple(range(x.ndim))

    def get_loss(self, x, weights=1.0):
        """weights * x (broadcast), reduced over every axis by the reduction."""
        x = float_operand(x)
        if not (isinstance(weights, numbers.Real) and weights == 1.0):
            x = x * (cast_to(weights, x.dtype) if isinstance(weights, Tensor) else weights)
        if self.reduce and self.average:
            return ops.mean(x, self.get_axis(x))
        if self.reduce:
            return ops.sum(x, self.get_axis(x))
        return x

    def construct(self, logits, labels):
        raise NotImplementedError(f"{type(self).__name__} must define construct()")

    def extend_repr(self) -> str:
        return f"reduction={self.reduction}"


class MSELoss(LossBase):
    """MSELoss(reduction='mean'): (logits - labels)^2, reduced; the two broadcast."""

    def construct(self, logits, labels):
        return self.get_loss(ops.square(logits - labels))


class L1Loss(LossBase):
    """L1Loss(reduction='mean'): |logits - labels|, reduced; the two broadcast."""

    def construct(self, logits, labels):
        return self.get_loss(ops.abs(logits - labels))


class SoftmaxCrossEntropyWithLogits(LossBase):
    """SoftmaxCrossEntropyWithLogits(sparse=False, reduction='none'): for logits (N, C),
    -sum(labels * log_softmax(logits), -1) per sample, then reduced. Labels are (N, C)
    probabilities, or with sparse=True (N,) int class indices."""

    def __init__(self, sparse: bool = False, reduction: str = "none"):
        super().__init__(reduction)
        if not isinstance(sparse, bool):
            raise TypeError(f"For 'SoftmaxCrossEntropyWithLogits', 'sparse' must be a bool, "
                            f"got {type(sparse).__name__}")
        self.sparse = sparse

    def construct(self, logits, labels):
        logits = float_operand(logits)
        if logits.ndim != 2:
            raise ValueError(f"For 'SoftmaxCrossEntropyWithLogits', logits must be 2-d (N, C), "
                             f"got shape {list(logits.shape)}")
        if self.sparse:
            if labels.dtype.is_float or labels.shape != logits.shape[:1]:
                raise ValueError(f"For 'SoftmaxCrossEntropyWithLogits', sparse labels must be int class indices of "
                                 f"shape {[logits.shape[0]]}, got {labels.dtype} of shape {list(labels.shape)}")
            labels = ops.one_hot(labels, logits.shape[-1], Tensor(1, logits.dtype), Tensor(0, logits.dtype))
        elif labels.shape != logits.shape:
            raise ValueError(f"For 'SoftmaxCrossEntropyWithLogits', labels must have the shape of logits "
                             f"{list(logits.shape)}, got {list(labels.shape)}")
        return self.get_loss(-ops.sum(cast_to(tensor(labels), logits.dtype) * ops.log_softmax(logits, -1), -1))

    def extend_repr(self) -> str:
        return f"sparse={self.sparse}, reduction={self.reduction}"


class CrossEntropyLoss(LossBase):
    """CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0):
    `ops.cross_entropy` (log_softmax along the class axis, then the negative log-likelihood of
    class-index labels or the cross entropy with class-probability labels)."""

    def __init__(self, weight=None, ignore_index: int = -100, reduction: str = "mean", label_smoothing: float = 0.0):
        super().__init__(reduction)
        _check_class_weight("CrossEntropyLoss", weight)
        ops.loss._check_options("CrossEntropyLoss", ignore_index, label_smoothing)
        self.weight, self.ignore_index, self.label_smoothing = weight, int(ignore_index), float(label_smoothing)

    def construct(self, logits, labels):
        return ops.cross_entropy(logits, labels, self.weight, self.ignore_index, self.reduction, self.label_smoothing)

    def extend_repr(self) -> str:
        return (f"weight={self.weight}, ignore_index={self.ignore_index}, reduction={self.reduction}, "
                f"label_smoothing={self.label_smoothing}")


class NLLLoss(LossBase):
    """NLLLoss(weight=None, ignore_index=-100, reduction='mean'): `ops.nll_loss` of
    log-probabilities and class-index labels."""

    def __init__(self, weight=None, ignore_index: int = -100, reduction: str = "mean"):
        super().__init__(reduction)
        _check_class_weight("NLLLoss", weight)
        ops.loss._check_options("NLLLoss", ignore_index, 0.0)
        self.weight, self.ignore_index = weight, int(ignore_index)

    def construct(self, logits, labels):
        return ops.nll_loss(logits, labels, self.weight, self.ignore_index, self.reduction)


def _check_class_weight(name: str, weight) -> None:
    if weight is not None and not isinstance(weight, Tensor):
        raise TypeError(f"For '{name}', 'weight' must be a Tensor or None, got {type(weight).__name__}")
    if weight is not None and weight.ndim != 1:
        raise ValueError(f"For '{name}', 'weight' must be 1-d (C,), got shape {list(weight.shape)}")


class RMSELoss(LossBase):
    """RMSELoss(): sqrt(MSELoss(reduction='mean'))."""

    def __init__(self):
        super().__init__()
        self.MSELoss = MSELoss()

    def construct(self, logits, label):
        return ops.sqrt(self.MSELoss(logits, label))


class MAELoss(L1Loss):
    """MAELoss(reduction='mean'): |logits - labels|, reduced (L1Loss under MindSpore's other name)."""


def _no_parameter(name: str, **tensors) -> None:
    for what, value in tensors.items():
        if isinstance(value, Parameter):
            raise TypeError(f"For '{name}', the '{what}' can not be a Parameter.")


class BCELoss(LossBase):
    """BCELoss(weight=None, reduction='mean'): binary cross entropy of probabilities."""

    def __init__(self, weight=None, reduction: str = "mean"):
        super().__init__(reduction)
        self.weight = weight

    def construct(self, logits, labels):
        return ops.binary_cross_entropy(logits, labels, self.weight, self.reduction)


class BCEWithLogitsLoss(LossBase):
    """BCEWithLogitsLoss(reduction='mean', weight=None, pos_weight=None): binary cross entropy
    of sigmoid(logits), computed stably."""

    def __init__(self, reduction: str = "mean", weight=None, pos_weight=None):
        super().__init__(reduction)
        _no_parameter("BCEWithLogitsLoss", weight=weight, pos_weight=pos_weight)
        self.weight, self.pos_weight = weight, pos_weight

    def construct(self, input, target):
        return ops.binary_cross_entropy_with_logits(input, target, self.weight, self.pos_weight, self.reduction)


def _positive_float(value, name: str, owner: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not value > 0:
        raise ValueError(f"For '{owner}', '{name}' must be a float > 0, got {value!r}")
    return float(value)


class SmoothL1Loss(LossBase):
    """SmoothL1Loss(beta=1.0, reduction='none')."""

    def __init__(self, beta: float = 1.0, reduction: str = "none"):
        super().__init__(reduction)
        self.beta = _positive_float(beta, "beta", "SmoothL1Loss")

    def construct(self, logits, labels):
        return ops.smooth_l1_loss(logits, labels, self.beta, self.reduction)


class HuberLoss(LossBase):
    """HuberLoss(reduction='mean', delta=1.0)."""

    def __init__(self, reduction: str = "mean", delta: float = 1.0):
        super().__init__(reduction)
        self.delta = _positive_float(delta, "delta", "HuberLoss")

    def construct(self, logits, labels):
        return ops.huber_loss(logits, labels, self.reduction, self.delta)


class KLDivLoss(LossBase):
    """KLDivLoss(reduction='mean'): labels * (log(labels) - logits), logits log-probabilities;
    reduction may also be 'batchmean'."""

    def __init__(self, reduction: str = "mean"):
        super().__init__("mean" if reduction == "batchmean" else reduction)
        self.reduction = reduction

    def construct(self, logits, labels):
        return ops.kl_div(logits, labels, self.reduction)


class MarginRankingLoss(LossBase):
    """MarginRankingLoss(margin=0.0, reduction='mean'): max(0, -target (input1 - input2) + margin)."""

    def __init__(self, margin: float = 0.0, reduction: str = "mean"):
        super().__init__(reduction)
        self.margin = float(margin)

    def construct(self, input1, input2, target):
        return ops.margin_ranking_loss(input1, input2, target, self.margin, self.reduction)


class SoftMarginLoss(LossBase):
    """SoftMarginLoss(reduction='mean'): log(1 + exp(-labels * logits))."""

    def construct(self, logits, labels):
        return ops.soft_margin_loss(logits, labels, self.reduction)
