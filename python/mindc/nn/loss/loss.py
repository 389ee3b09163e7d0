"""Loss functions (MindSpore's nn.LossBase and the losses built on it).

Losses compute in the dtype of their input (MindSpore casts to float32 first; mindc keeps
float64 as float64, so gradients can be checked in it).
"""
from __future__ import annotations

import numbers

from mindc import ops
from mindc.frontend.tensor import Tensor
from mindc.nn.cell import Cell
from mindc.ops._base import cast_to, float_operand, tensor

__all__ = ["LossBase", "SoftmaxCrossEntropyWithLogits", "CrossEntropyLoss", "MSELoss", "L1Loss"]

REDUCTIONS = ("mean", "sum", "none")


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
    the cross entropy between log_softmax(logits) along the class axis (axis 1 of (N, C, ...),
    axis 0 of (C,)) and the labels, as MindSpore and PyTorch define it.

    Labels are int class indices (shape of logits without the class axis), or float class
    probabilities (shape of logits). weight (C,) scales each class; samples whose index is
    ignore_index count for nothing; 'mean' divides by the summed weights of the counted
    samples (index labels) or by the number of samples (probability labels). label_smoothing
    eps mixes in the uniform distribution: (1 - eps) * loss + eps / C * sum over classes.
    """

    def __init__(self, weight=None, ignore_index: int = -100, reduction: str = "mean", label_smoothing: float = 0.0):
        super().__init__(reduction)
        if weight is not None and not isinstance(weight, Tensor):
            raise TypeError(f"For 'CrossEntropyLoss', 'weight' must be a Tensor or None, got {type(weight).__name__}")
        if weight is not None and weight.ndim != 1:
            raise ValueError(f"For 'CrossEntropyLoss', 'weight' must be 1-d (C,), got shape {list(weight.shape)}")
        if isinstance(ignore_index, bool) or not isinstance(ignore_index, numbers.Integral):
            raise TypeError(f"For 'CrossEntropyLoss', 'ignore_index' must be an int, got {type(ignore_index).__name__}")
        if isinstance(label_smoothing, bool) or not isinstance(label_smoothing, numbers.Real):
            raise TypeError(f"For 'CrossEntropyLoss', 'label_smoothing' must be a float, "
                            f"got {type(label_smoothing).__name__}")
        if not 0 <= label_smoothing <= 1:
            raise ValueError(f"For 'CrossEntropyLoss', 'label_smoothing' must be in [0, 1], got {label_smoothing}")
        self.weight, self.ignore_index, self.label_smoothing = weight, int(ignore_index), float(label_smoothing)

    def construct(self, logits, labels):
        logits = float_operand(logits)
        axis = 0 if logits.ndim == 1 else 1
        classes = logits.shape[axis]
        if self.weight is not None and self.weight.shape != (classes,):
            raise ValueError(f"For 'CrossEntropyLoss', 'weight' must have shape {[classes]}, "
                             f"got {list(self.weight.shape)}")
        logp = ops.log_softmax(logits, axis)
        if self.weight is not None:
            shape = [1] * logits.ndim
            shape[axis] = classes
            weight = ops.reshape(cast_to(self.weight, logits.dtype), tuple(shape))
        else:
            weight = None
        if labels.dtype.is_float:
            if labels.shape != logits.shape:
                raise ValueError(f"For 'CrossEntropyLoss', probability labels must have the shape of logits "
                                 f"{list(logits.shape)}, got {list(labels.shape)}")
            return self.probability_loss(logp, cast_to(labels, logits.dtype), weight, axis, classes)
        expected = logits.shape[:axis] + logits.shape[axis + 1:]
        if labels.shape != expected:
            raise ValueError(f"For 'CrossEntropyLoss', class-index labels must have shape {list(expected)} "
                             f"(logits {list(logits.shape)} without the class axis), got {list(labels.shape)}")
        return self.index_loss(logp, labels, weight, axis, classes)

    def probability_loss(self, logp, labels, weight, axis: int, classes: int):
        eps = self.label_smoothing
        if eps > 0:
            labels = labels * (1 - eps) + eps / classes
        terms = logp * labels if weight is None else logp * labels * weight
        if self.reduction == "none":
            return -ops.sum(terms, axis)
        total = -ops.sum(terms)
        return total / (logp.size // classes) if self.reduction == "mean" else total

    def index_loss(self, logp, labels, weight, axis: int, classes: int):
        dt = logp.dtype
        # One-hot rows of out-of-range indices (ignore_index = -100) are all zero; the mask also
        # drops an ignore_index inside [0, C).
        hot = ops.one_hot(labels, classes, Tensor(1, dt), Tensor(0, dt), axis)
        kept = cast_to(ops.not_equal(labels, self.ignore_index), dt)
        weighted_logp = logp if weight is None else logp * weight
        nll = -ops.sum(hot * weighted_logp, axis) * kept
        smooth = -ops.sum(weighted_logp, axis) * kept
        counted = kept if weight is None else ops.sum(hot * weight, axis) * kept
        if self.reduction == "mean":
            total = ops.sum(counted)
            nll, smooth = ops.sum(nll) / total, ops.sum(smooth) / total
        elif self.reduction == "sum":
            nll, smooth = ops.sum(nll), ops.sum(smooth)
        eps = self.label_smoothing
        return nll if eps == 0 else nll * (1 - eps) + smooth * (eps / classes)

    def extend_repr(self) -> str:
        return (f"weight={self.weight}, ignore_index={self.ignore_index}, reduction={self.reduction}, "
                f"label_smoothing={self.label_smoothing}")
