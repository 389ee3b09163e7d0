"""Metrics for Model.eval (MindSpore's mindspore.train Metric, Accuracy, Loss, MAE, MSE, Top-k).

A metric accumulates with update(*inputs) and reports with eval(); clear() starts over. Inputs
may be Tensors, numpy arrays or lists.
"""
from __future__ import annotations

import numpy as np

from mindc.frontend.tensor import Tensor

__all__ = ["Metric", "Accuracy", "Loss", "MAE", "MSE", "TopKCategoricalAccuracy", "Top1CategoricalAccuracy",
           "Top5CategoricalAccuracy", "get_metric_fn", "names"]


class Metric:
    """Base class: subclasses define clear, update(*inputs) and eval."""

    def __init__(self):
        self._indexes = None

    def _convert_data(self, data) -> np.ndarray:
        if isinstance(data, Tensor):
            return data.asnumpy()
        if isinstance(data, (np.ndarray, list, tuple, int, float, np.number)):
            return np.asarray(data)
        raise TypeError(f"{type(self).__name__} takes Tensors, numpy arrays or lists, got {type(data).__name__}")

    def set_indexes(self, indexes: list[int]) -> "Metric":
        """Which of the evaluation outputs update() gets, in order (as MindSpore's)."""
        self._indexes = list(indexes)
        return self

    @property
    def indexes(self):
        return self._indexes

    def clear(self) -> None:
        raise NotImplementedError

    def update(self, *inputs) -> None:
        raise NotImplementedError

    def eval(self):
        raise NotImplementedError

    def __call__(self, *inputs):
        self.clear()
        self.update(*inputs)
        return self.eval()


def _empty(metric: str) -> RuntimeError:
    return RuntimeError(f"{metric} can not be calculated, because the number of samples is 0")


class Accuracy(Metric):
    """Accuracy(eval_type='classification'): the fraction of samples whose highest score is the
    label (labels as indices [N] or one-hot [N, C]); 'multilabel': rows predicted exactly
    (scores rounded at 0.5)."""

    def __init__(self, eval_type: str = "classification"):
        super().__init__()
        if eval_type not in ("classification", "multilabel"):
            raise ValueError(f"eval_type must be 'classification' or 'multilabel', got {eval_type!r}")
        self.eval_type = eval_type
        self.clear()

    def clear(self) -> None:
        self._correct_num, self._total_num = 0, 0

    def update(self, *inputs) -> None:
        if len(inputs) != 2:
            raise ValueError(f"Accuracy.update takes (y_pred, y), got {len(inputs)} input(s)")
        y_pred, y = self._convert_data(inputs[0]), self._convert_data(inputs[1])
        if self.eval_type == "multilabel":
            if y_pred.shape != y.shape:
                raise ValueError(f"multilabel y_pred has shape {list(y_pred.shape)}, y has {list(y.shape)}")
            correct = np.all(np.round(y_pred) == y, axis=tuple(range(1, y.ndim)))
        else:
            if y.ndim == y_pred.ndim:
                y = np.argmax(y, axis=-1)
            if y_pred.ndim != 2 or y.shape != y_pred.shape[:1]:
                raise ValueError(f"Accuracy expects y_pred [N, C] and y [N] or [N, C], got y_pred "
                                 f"{list(y_pred.shape)} and y {list(inputs[1].shape)}")
            correct = np.argmax(y_pred, axis=-1) == y
        self._correct_num += int(np.sum(correct))
        self._total_num += int(correct.shape[0])

    def eval(self) -> float:
        if self._total_num == 0:
            raise _empty("Accuracy")
        return self._correct_num / self._total_num


class Loss(Metric):
    """The mean of the losses given to update (each a number or the mean of a 1-d loss)."""

    def __init__(self):
        super().__init__()
        self.clear()

    def clear(self) -> None:
        self._sum_loss, self._total_num = 0.0, 0

    def update(self, *inputs) -> None:
        if len(inputs) != 1:
            raise ValueError(f"Loss.update takes one loss, got {len(inputs)} input(s)")
        loss = self._convert_data(inputs[0])
        if loss.ndim > 1:
            raise ValueError(f"Loss.update takes a 0-d or 1-d loss, got shape {list(loss.shape)}")
        self._sum_loss += float(np.mean(loss))
        self._total_num += 1

    def eval(self) -> float:
        if self._total_num == 0:
            raise _empty("Loss")
        return self._sum_loss / self._total_num


class _Regression(Metric):
    def __init__(self):
        super().__init__()
        self.clear()

    def clear(self) -> None:
        self._error_sum, self._samples_num = 0.0, 0

    def update(self, *inputs) -> None:
        if len(inputs) != 2:
            raise ValueError(f"{type(self).__name__}.update takes (y_pred, y), got {len(inputs)} input(s)")
        y_pred, y = self._convert_data(inputs[0]), self._convert_data(inputs[1])
        diff = np.asarray(y_pred, np.float64).reshape(y.shape) - y
        self._error_sum += float(np.sum(self._error(diff)))
        self._samples_num += int(y.shape[0]) if y.ndim else 1

    def eval(self) -> float:
        if self._samples_num == 0:
            raise _empty(type(self).__name__)
        return self._error_sum / self._samples_num


class MAE(_Regression):
    """Mean absolute error: sum |y_pred - y| over the samples seen, divided by their number."""

    @staticmethod
    def _error(diff):
        return np.abs(diff)


class MSE(_Regression):
    """Mean squared error: sum (y_pred - y)^2 over the samples seen, divided by their number."""

    @staticmethod
    def _error(diff):
        return diff * diff


class TopKCategoricalAccuracy(Metric):
    """The fraction of samples whose label is among the k highest scores."""

    def __init__(self, k: int):
        super().__init__()
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            raise ValueError(f"k must be a positive int, got {k!r}")
        self.k = k
        self.clear()

    def clear(self) -> None:
        self._correct_num, self._samples_num = 0, 0

    def update(self, *inputs) -> None:
        if len(inputs) != 2:
            raise ValueError(f"{type(self).__name__}.update takes (y_pred, y), got {len(inputs)} input(s)")
        y_pred, y = self._convert_data(inputs[0]), self._convert_data(inputs[1])
        if y.ndim == y_pred.ndim:
            y = np.argmax(y, axis=-1)
        top = np.argsort(-y_pred, axis=-1, kind="stable")[:, :self.k]
        self._correct_num += int(np.sum(np.any(top == y[:, None], axis=-1)))
        self._samples_num += int(y.shape[0])

    def eval(self) -> float:
        if self._samples_num == 0:
            raise _empty(type(self).__name__)
        return self._correct_num / self._samples_num


class Top1CategoricalAccuracy(TopKCategoricalAccuracy):
    def __init__(self):
        super().__init__(1)


class Top5CategoricalAccuracy(TopKCategoricalAccuracy):
    def __init__(self):
        super().__init__(5)


_METRICS = {"accuracy": Accuracy, "acc": Accuracy, "loss": Loss, "mae": MAE, "mse": MSE,
            "top_1_accuracy": Top1CategoricalAccuracy, "top_5_accuracy": Top5CategoricalAccuracy}


def names() -> list[str]:
    """The metric names Model and get_metric_fn accept."""
    return sorted(_METRICS)


def get_metric_fn(name: str, *args, **kwargs) -> Metric:
    """A new metric by name ('accuracy', 'loss', 'mae', 'mse', 'top_1_accuracy', ...)."""
    if name not in _METRICS:
        raise KeyError(f"unknown metric '{name}'; known: {', '.join(names())}")
    return _METRICS[name](*args, **kwargs)
