"""Model: MindSpore's high-level training API (`mindspore.train.Model`).

Model(network, loss_fn, optimizer, metrics) builds the training step once (WithLossCell +
TrainOneStepCell: one compiled function per input signature) and the evaluation network
(WithEvalCell), then train/eval/predict iterate datasets and call the callbacks.
"""
from __future__ import annotations

import time
from typing import Any

from mindc.frontend.tensor import Tensor
from mindc.nn.cell import Cell
from mindc.nn.wrap.cell_wrapper import TrainOneStepCell, WithEvalCell, WithLossCell
from mindc.train.callback import CallbackList, CallbackParam, RunContext
from mindc.train.metrics import Loss, Metric, get_metric_fn

__all__ = ["Model"]


def _metric_fns(metrics) -> dict[str, Metric]:
    if metrics is None:
        return {}
    if isinstance(metrics, dict):
        out = {}
        for name, metric in metrics.items():
            metric = get_metric_fn(metric) if isinstance(metric, str) else metric
            if not isinstance(metric, Metric):
                raise TypeError(f"metric '{name}' must be a Metric or a metric name, got {type(metric).__name__}")
            out[name] = metric
        return out
    if isinstance(metrics, (set, list, tuple, frozenset)):
        return {name: get_metric_fn(name) for name in sorted(metrics)}
    raise TypeError(f"metrics must be a dict or a set of names, got {type(metrics).__name__}")


def _positive_int(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{what} must be a positive int, got {value!r}")
    return value


def _check_dataset(dataset, what: str) -> None:
    if not (hasattr(dataset, "create_tuple_iterator") and hasattr(dataset, "get_dataset_size")):
        raise TypeError(f"{what} must be a mindc.dataset Dataset, got {type(dataset).__name__}")


class Model:
    """Model(network, loss_fn=None, optimizer=None, metrics=None, eval_network=None,
    eval_indexes=None, amp_level='O0').

    With loss_fn and optimizer, the training network is TrainOneStepCell(WithLossCell(network,
    loss_fn), optimizer); with an optimizer and no loss_fn, network must compute the loss
    itself. With loss_fn, the evaluation network is WithEvalCell(network, loss_fn) and
    eval_indexes [0, 1, 2] (loss, outputs, label); an eval_network given replaces it, its
    outputs split by eval_indexes (or given whole to each metric without). metrics: a set of
    names ('accuracy', 'loss', ...) or a {name: Metric} dict. Only amp_level 'O0' (no automatic
    mixed precision) is supported.
    """

    def __init__(self, network: Cell, loss_fn: Cell | None = None, optimizer: Cell | None = None, metrics=None,
                 eval_network: Cell | None = None, eval_indexes=None, amp_level: str = "O0", boost_level: str = "O0",
                 **kwargs):
        if not isinstance(network, Cell):
            raise TypeError(f"Model's network must be a Cell, got {type(network).__name__}")
        if amp_level != "O0":
            raise NotImplementedError(f"amp_level={amp_level!r} (automatic mixed precision) is not supported; use 'O0'")
        if kwargs.get("loss_scale_manager") is not None:
            raise NotImplementedError("Model(loss_scale_manager=...) is not supported")
        if eval_indexes is not None and (not isinstance(eval_indexes, (list, tuple)) or len(eval_indexes) != 3):
            raise ValueError(f"eval_indexes must be a list of 3 ints (loss, outputs, label), got {eval_indexes!r}")
        self._network, self._loss_fn, self._optimizer = network, loss_fn, optimizer
        self._amp_level = amp_level
        self._metric_fns = _metric_fns(metrics)
        self._train_network = self._build_train_network()
        self._eval_network, self._eval_indexes = self._build_eval_network(eval_network, eval_indexes)
        self._predict_network = network

    def _build_train_network(self) -> Cell:
        if self._optimizer is None:
            return self._network
        if self._loss_fn is not None:
            return TrainOneStepCell(WithLossCell(self._network, self._loss_fn), self._optimizer)
        return TrainOneStepCell(self._network, self._optimizer)

    def _build_eval_network(self, eval_network, eval_indexes):
        if eval_network is not None:
            if not isinstance(eval_network, Cell):
                raise TypeError(f"eval_network must be a Cell, got {type(eval_network).__name__}")
            return eval_network, (list(eval_indexes) if eval_indexes is not None else None)
        if self._loss_fn is not None:
            return WithEvalCell(self._network, self._loss_fn), [0, 1, 2]
        if self._metric_fns:
            raise ValueError("Model with metrics needs a loss_fn or an eval_network to evaluate them")
        return None, None

    @property
    def train_network(self) -> Cell:
        return self._train_network

    @property
    def eval_network(self) -> Cell | None:
        return self._eval_network

    @property
    def predict_network(self) -> Cell:
        return self._predict_network

    # ---- training
    def train(self, epoch: int, train_dataset, callbacks=None, dataset_sink_mode: bool = False, sink_size: int = -1,
              initial_epoch: int = 0) -> None:
        """Train for epochs initial_epoch+1 .. epoch over train_dataset, calling callbacks.

        dataset_sink_mode runs the same loop on the host (there is no device queue), but as in
        MindSpore the step callbacks fire once per epoch, and with sink_size > 0 an epoch is
        sink_size steps drawn from the dataset without restarting it.
        """
        self._train(epoch, train_dataset, callbacks, dataset_sink_mode, sink_size, initial_epoch)

    def fit(self, epoch: int, train_dataset, valid_dataset=None, valid_frequency: int = 1, callbacks=None,
            dataset_sink_mode: bool = False, valid_dataset_sink_mode: bool = False, sink_size: int = -1,
            initial_epoch: int = 0) -> None:
        """train, evaluating on valid_dataset every valid_frequency epochs (the results are
        cb_params.metrics at the epoch's end, which LossMonitor prints)."""
        if valid_dataset is not None:
            _positive_int(valid_frequency, "valid_frequency")
        self._train(epoch, train_dataset, callbacks, dataset_sink_mode, sink_size, initial_epoch,
                    valid=(valid_dataset, valid_frequency))

    def _train(self, epoch, train_dataset, callbacks, sink, sink_size, initial_epoch, valid=(None, 1)) -> None:
        _positive_int(epoch, "epoch")
        _check_dataset(train_dataset, "train_dataset")
        if self._optimizer is None:
            raise ValueError("Model.train needs an optimizer; the Model was made without one")
        if isinstance(initial_epoch, bool) or not isinstance(initial_epoch, int) or not 0 <= initial_epoch < epoch:
            raise ValueError(f"initial_epoch must be an int in [0, epoch={epoch}), got {initial_epoch!r}")
        if isinstance(sink_size, bool) or not isinstance(sink_size, int) or (sink_size <= 0 and sink_size != -1):
            raise ValueError(f"sink_size must be -1 or a positive int, got {sink_size!r}")
        dataset_size = train_dataset.get_dataset_size()
        steps = sink_size if sink and sink_size > 0 else dataset_size
        cb_params = CallbackParam(
            train_network=self._train_network, network=self._network, optimizer=self._optimizer,
            loss_fn=self._loss_fn, train_dataset=train_dataset, epoch_num=epoch, batch_num=steps,
            cur_epoch_num=initial_epoch, cur_step_num=initial_epoch * steps, initial_epoch=initial_epoch,
            dataset_sink_mode=sink, net_outputs=None, mode="train", parallel_mode="stand_alone", device_number=1)
        cbs = CallbackList(callbacks)
        cb_params.list_callback = cbs.callbacks
        run_context = RunContext(cb_params)
        epochs = epoch - initial_epoch
        if sink and sink_size > 0:
            rows = iter(train_dataset.create_tuple_iterator(num_epochs=-1))
            batches = lambda: _take(train_dataset, rows, steps)  # noqa: E731
        else:
            rows = train_dataset.create_tuple_iterator(num_epochs=epochs)
            batches = lambda: rows  # noqa: E731
        cbs.on_train_begin(run_context)
        for i in range(initial_epoch, epoch):
            self._train_network.set_train(True)
            cb_params.cur_epoch_num = i + 1
            cbs.on_train_epoch_begin(run_context)
            if sink:
                self._sink_epoch(batches(), cb_params, cbs, run_context)
            else:
                self._host_epoch(batches(), cb_params, cbs, run_context)
            valid_dataset, frequency = valid
            if valid_dataset is not None and (i + 1) % frequency == 0:
                cb_params.metrics = self.eval(valid_dataset)
            cbs.on_train_epoch_end(run_context)
            cb_params.pop("metrics", None)
            if run_context.get_stop_requested():
                break
        cbs.on_train_end(run_context)

    def _host_epoch(self, batches, cb_params, cbs, run_context) -> None:
        for inputs in batches:
            cb_params.cur_step_num += 1
            cb_params.train_dataset_element = inputs
            cbs.on_train_step_begin(run_context)
            cb_params.net_outputs = self._train_network(*inputs)
            cbs.on_train_step_end(run_context)
            if run_context.get_stop_requested():
                return

    def _sink_epoch(self, batches, cb_params, cbs, run_context) -> None:
        cbs.on_train_step_begin(run_context)
        for inputs in batches:
            cb_params.cur_step_num += 1
            cb_params.net_outputs = self._train_network(*inputs)
        cbs.on_train_step_end(run_context)

    # ---- evaluation and prediction
    def eval(self, valid_dataset, callbacks=None, dataset_sink_mode: bool = False) -> dict[str, Any]:
        """{metric name: value} over one pass of valid_dataset with the evaluation network."""
        _check_dataset(valid_dataset, "valid_dataset")
        if self._eval_network is None or not self._metric_fns:
            raise ValueError("Model.eval needs metrics and a loss_fn or eval_network; the Model was made without")
        for metric in self._metric_fns.values():
            metric.clear()
        self._eval_network.set_train(False)
        cb_params = CallbackParam(eval_network=self._eval_network, valid_dataset=valid_dataset,
                                  batch_num=valid_dataset.get_dataset_size(), cur_step_num=0, epoch_num=1,
                                  cur_epoch_num=1, mode="eval", dataset_sink_mode=dataset_sink_mode,
                                  net_outputs=None)
        cbs = CallbackList(callbacks)
        run_context = RunContext(cb_params)
        start = time.time()
        cbs.on_eval_begin(run_context)
        cbs.on_eval_epoch_begin(run_context)
        for inputs in valid_dataset.create_tuple_iterator(num_epochs=1):
            cb_params.cur_step_num += 1
            cbs.on_eval_step_begin(run_context)
            outputs = self._eval_network(*inputs)
            cb_params.net_outputs = outputs
            self._update_metrics(outputs)
            cbs.on_eval_step_end(run_context)
        cbs.on_eval_epoch_end(run_context)
        metrics = {name: metric.eval() for name, metric in self._metric_fns.items()}
        cb_params.metrics = metrics
        cb_params.eval_time = time.time() - start
        cbs.on_eval_end(run_context)
        return metrics

    def _update_metrics(self, outputs) -> None:
        outputs = (outputs,) if isinstance(outputs, Tensor) else tuple(outputs)
        indexes = self._eval_indexes
        if indexes is not None and len(outputs) < 3:
            raise ValueError(f"the evaluation network gave {len(outputs)} output(s); eval_indexes {indexes} "
                             "needs (loss, outputs, label)")
        for metric in self._metric_fns.values():
            if metric.indexes is not None:
                metric.update(*(outputs[i] for i in metric.indexes))
            elif indexes is None:
                metric.update(*outputs)
            elif isinstance(metric, Loss):
                metric.update(outputs[indexes[0]])
            else:
                metric.update(outputs[indexes[1]], outputs[indexes[2]])

    def predict(self, *predict_data):
        """The network's outputs on predict_data, in evaluation mode."""
        self._predict_network.set_train(False)
        return self._predict_network(*predict_data)


def _take(dataset, rows, steps: int):
    """The next `steps` batches of an endless iterator, restarting it at each epoch's end."""
    taken = 0
    while taken < steps:
        for inputs in rows:
            yield inputs
            taken += 1
            if taken == steps:
                return
        if dataset.get_dataset_size() == 0:
            return
