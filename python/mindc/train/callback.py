"""Callbacks of Model.train/eval (MindSpore's mindspore.train callbacks).

Model calls each callback's on_train_* / on_eval_* hooks with a RunContext; by default they call
MindSpore's older names (begin, epoch_begin, epoch_end, step_begin, step_end, end), so callbacks
written either way work. Library code never prints: LossMonitor, TimeMonitor and ProgressBar do,
and only when the user passes them.
"""
from __future__ import annotations

import os
import sys
import time
from typing import Any, TextIO

import numpy as np

from mindc.frontend.tensor import Tensor

__all__ = ["Callback", "RunContext", "CallbackParam", "LossMonitor", "TimeMonitor", "ProgressBar",
           "CheckpointConfig", "ModelCheckpoint"]


class CallbackParam(dict):
    """cb_params: a dict whose keys are also attributes (cb_params.cur_epoch_num)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"cb_params has no '{name}'") from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


class RunContext:
    """What callbacks get: original_args() is cb_params; request_stop() ends training after the
    current step."""

    def __init__(self, original_args: dict):
        if not isinstance(original_args, dict):
            raise TypeError(f"RunContext takes a dict, got {type(original_args).__name__}")
        self._original_args = original_args
        self._stop_requested = False

    def original_args(self) -> dict:
        return self._original_args

    def request_stop(self) -> None:
        self._stop_requested = True

    def get_stop_requested(self) -> bool:
        return self._stop_requested


class Callback:
    """Base class: override the hooks you need. The on_train_* and on_eval_* hooks call the
    older names (begin, epoch_begin, epoch_end, step_begin, step_end, end) by default."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def begin(self, run_context: RunContext) -> None:
        """Before training (or evaluation) starts."""

    def epoch_begin(self, run_context: RunContext) -> None:
        """Before each epoch."""

    def epoch_end(self, run_context: RunContext) -> None:
        """After each epoch."""

    def step_begin(self, run_context: RunContext) -> None:
        """Before each step."""

    def step_end(self, run_context: RunContext) -> None:
        """After each step."""

    def end(self, run_context: RunContext) -> None:
        """After training (or evaluation) ends."""

    def on_train_begin(self, run_context):
        self.begin(run_context)

    def on_train_epoch_begin(self, run_context):
        self.epoch_begin(run_context)

    def on_train_epoch_end(self, run_context):
        self.epoch_end(run_context)

    def on_train_step_begin(self, run_context):
        self.step_begin(run_context)

    def on_train_step_end(self, run_context):
        self.step_end(run_context)

    def on_train_end(self, run_context):
        self.end(run_context)

    def on_eval_begin(self, run_context):
        self.begin(run_context)

    def on_eval_epoch_begin(self, run_context):
        self.epoch_begin(run_context)

    def on_eval_epoch_end(self, run_context):
        self.epoch_end(run_context)

    def on_eval_step_begin(self, run_context):
        self.step_begin(run_context)

    def on_eval_step_end(self, run_context):
        self.step_end(run_context)

    def on_eval_end(self, run_context):
        self.end(run_context)


class CallbackList:
    """Several callbacks called in order, as one."""

    def __init__(self, callbacks):
        if callbacks is None:
            callbacks = []
        elif isinstance(callbacks, Callback):
            callbacks = [callbacks]
        callbacks = list(callbacks)
        for cb in callbacks:
            if not isinstance(cb, Callback):
                raise TypeError(f"callbacks must be Callback instances, got {type(cb).__name__}")
        self.callbacks = callbacks

    def __getattr__(self, hook: str):
        if not hook.startswith("on_"):
            raise AttributeError(hook)

        def call(run_context: RunContext) -> None:
            for cb in self.callbacks:
                getattr(cb, hook)(run_context)
        return call


def loss_value(net_outputs) -> float:
    """The loss in a network's outputs as a float: the first output, averaged (MindSpore's
    _handle_loss)."""
    loss = net_outputs
    if isinstance(loss, (tuple, list)) and loss:
        loss = loss[0]
    if isinstance(loss, Tensor):
        return float(np.mean(loss.asnumpy()))
    if isinstance(loss, np.ndarray):
        return float(np.mean(loss))
    return loss


class LossMonitor(Callback):
    """Print the loss every per_print_times steps, as MindSpore does:
    "epoch: 1 step: 7, loss is 0.6931". Raises ValueError on a NaN or infinite loss."""

    def __init__(self, per_print_times: int = 1):
        if isinstance(per_print_times, bool) or not isinstance(per_print_times, int) or per_print_times < 0:
            raise ValueError(f"per_print_times must be an int >= 0, got {per_print_times!r}")
        self._per_print_times = per_print_times
        self._last_print_time = 0

    def on_train_begin(self, run_context):
        self._last_print_time = 0

    def step_end(self, run_context):
        cb_params = run_context.original_args()
        loss = loss_value(cb_params.net_outputs)
        cur_step_in_epoch = (cb_params.cur_step_num - 1) % cb_params.batch_num + 1
        if isinstance(loss, float) and (np.isnan(loss) or np.isinf(loss)):
            raise ValueError(f"epoch: {cb_params.cur_epoch_num} step: {cur_step_in_epoch}. Invalid loss, "
                             "terminating training.")
        if self._per_print_times != 0 and cb_params.cur_step_num - self._last_print_time >= self._per_print_times:
            self._last_print_time = cb_params.cur_step_num
            print(f"epoch: {cb_params.cur_epoch_num} step: {cur_step_in_epoch}, loss is {loss}", flush=True)

    def on_train_epoch_end(self, run_context):
        metrics = run_context.original_args().get("metrics")
        if metrics:
            print(f"Eval result: epoch {run_context.original_args().cur_epoch_num}, metrics: {metrics}", flush=True)


class TimeMonitor(Callback):
    """Print each epoch's time and time per step: "Train epoch time: 12.345 ms, per step time:
    1.234 ms" (data_size: steps per epoch, default the dataset's)."""

    def __init__(self, data_size: int | None = None):
        if data_size is not None and (isinstance(data_size, bool) or not isinstance(data_size, int) or data_size <= 0):
            raise ValueError(f"data_size must be a positive int or None, got {data_size!r}")
        self.data_size = data_size
        self.epoch_time = time.time()

    def epoch_begin(self, run_context):
        self.epoch_time = time.time()

    def epoch_end(self, run_context):
        epoch_ms = (time.time() - self.epoch_time) * 1000
        cb_params = run_context.original_args()
        steps = self.data_size or cb_params.get("batch_num") or 1
        mode = cb_params.get("mode", "train").title()
        print(f"{mode} epoch time: {epoch_ms:5.3f} ms, per step time: {epoch_ms / steps:5.3f} ms", flush=True)


class ProgressBar(Callback):
    """A text progress bar per epoch with the latest loss, redrawn in place:
    "epoch 1/3 [#########-----------] 7/16 loss: 0.6931". file is sys.stderr by default, which
    keeps the bar apart from what LossMonitor prints on stdout."""

    def __init__(self, width: int = 30, file: TextIO | None = None):
        self.width, self._file = width, file

    def step_end(self, run_context):
        cb_params = run_context.original_args()
        total = max(cb_params.batch_num, 1)
        done = (cb_params.cur_step_num - 1) % total + 1
        filled = self.width * done // total
        loss = loss_value(cb_params.get("net_outputs"))
        text = f"\repoch {cb_params.cur_epoch_num}/{cb_params.epoch_num} [{'#' * filled}{'-' * (self.width - filled)}]" \
               f" {done}/{total}"
        if isinstance(loss, float):
            text += f" loss: {loss:.4f}"
        out = self._file or sys.stderr
        out.write(text)
        out.flush()

    def epoch_end(self, run_context):
        out = self._file or sys.stderr
        out.write("\n")
        out.flush()


class CheckpointConfig:
    """When ModelCheckpoint saves: every save_checkpoint_steps steps or save_checkpoint_seconds
    seconds, keeping the newest keep_checkpoint_max files (and, with keep_checkpoint_per_n_minutes,
    one per that many minutes). saved_network saves another Cell than the training network;
    append_info adds 'epoch_num', 'step_num' or {name: value} entries."""

    def __init__(self, save_checkpoint_steps: int = 1, save_checkpoint_seconds: int = 0, keep_checkpoint_max: int = 5,
                 keep_checkpoint_per_n_minutes: int = 0, integrated_save: bool = True, async_save: bool = False,
                 saved_network=None, append_info=None, enc_key=None, enc_mode: str = "AES-GCM",
                 exception_save: bool = False, **kwargs):
        for name, value in (("save_checkpoint_steps", save_checkpoint_steps),
                            ("save_checkpoint_seconds", save_checkpoint_seconds),
                            ("keep_checkpoint_max", keep_checkpoint_max),
                            ("keep_checkpoint_per_n_minutes", keep_checkpoint_per_n_minutes)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise ValueError(f"CheckpointConfig '{name}' must be an int >= 0, got {value!r}")
        if not save_checkpoint_steps and not save_checkpoint_seconds:
            raise ValueError("CheckpointConfig needs save_checkpoint_steps or save_checkpoint_seconds > 0")
        if not keep_checkpoint_max and not keep_checkpoint_per_n_minutes:
            raise ValueError("CheckpointConfig needs keep_checkpoint_max or keep_checkpoint_per_n_minutes > 0")
        if enc_key is not None:
            raise NotImplementedError("encrypted checkpoints (enc_key) are not supported")
        self.save_checkpoint_steps = save_checkpoint_steps
        self.save_checkpoint_seconds = save_checkpoint_seconds if not save_checkpoint_steps else 0
        self.keep_checkpoint_max = keep_checkpoint_max
        self.keep_checkpoint_per_n_minutes = keep_checkpoint_per_n_minutes if not keep_checkpoint_max else 0
        self.integrated_save, self.async_save, self.exception_save = integrated_save, async_save, exception_save
        self.saved_network = saved_network
        self.append_info = append_info


class ModelCheckpoint(Callback):
    """Save checkpoints while training: `<directory>/<prefix>-<epoch>_<step in epoch>.ckpt`.

    prefix defaults to 'CKP', directory to the current one; if files of the prefix exist there
    already, the prefix becomes '<prefix>_1', '<prefix>_2', ... as in MindSpore.
    """

    def __init__(self, prefix: str = "CKP", directory: str | None = None, config: CheckpointConfig | None = None):
        if not isinstance(prefix, str) or not prefix or "/" in prefix:
            raise ValueError(f"prefix must be a non-empty file name, got {prefix!r}")
        self._directory = os.path.abspath(directory if directory is not None else os.getcwd())
        self._config = config if config is not None else CheckpointConfig()
        if not isinstance(self._config, CheckpointConfig):
            raise TypeError(f"config must be a CheckpointConfig, got {type(self._config).__name__}")
        self._prefix = self._free_prefix(prefix)
        self._saved: list[tuple[float, str]] = []
        self._last_step, self._last_time = 0, time.time()
        self._latest_ckpt_file_name = None

    def _free_prefix(self, prefix: str) -> str:
        if not os.path.isdir(self._directory):
            return prefix
        taken = {f.split("-")[0] for f in os.listdir(self._directory) if f.endswith(".ckpt") and "-" in f}
        name, k = prefix, 0
        while name in taken:
            k += 1
            name = f"{prefix}_{k}"
        return name

    @property
    def latest_ckpt_file_name(self) -> str | None:
        return self._latest_ckpt_file_name

    def step_end(self, run_context):
        cb_params = run_context.original_args()
        config = self._config
        step = cb_params.cur_step_num
        due = (config.save_checkpoint_steps and step - self._last_step >= config.save_checkpoint_steps) or \
              (config.save_checkpoint_seconds and time.time() - self._last_time >= config.save_checkpoint_seconds)
        if due:
            self._save(cb_params)

    def end(self, run_context):
        cb_params = run_context.original_args()
        if cb_params.cur_step_num != self._last_step:
            self._save(cb_params)

    def _save(self, cb_params) -> None:
        from mindc.train.serialization import save_checkpoint

        step_in_epoch = (cb_params.cur_step_num - 1) % max(cb_params.batch_num, 1) + 1
        path = os.path.join(self._directory, f"{self._prefix}-{cb_params.cur_epoch_num}_{step_in_epoch}.ckpt")
        network = self._config.saved_network or cb_params.train_network
        save_checkpoint(network, path, append_dict=self._append_dict(cb_params))
        self._last_step, self._last_time = cb_params.cur_step_num, time.time()
        self._latest_ckpt_file_name = path
        self._saved = [(t, p) for t, p in self._saved if p != path] + [(time.time(), path)]
        self._prune()

    def _append_dict(self, cb_params) -> dict:
        info = self._config.append_info
        if not info:
            return {}
        out = {}
        for item in info:
            if item == "epoch_num":
                out["epoch_num"] = np.int32(cb_params.cur_epoch_num)
            elif item == "step_num":
                out["step_num"] = np.int32(cb_params.cur_step_num)
            elif isinstance(item, dict):
                out.update(item)
            else:
                raise ValueError(f"append_info takes 'epoch_num', 'step_num' or a dict, got {item!r}")
        return out

    def _prune(self) -> None:
        config = self._config
        if config.keep_checkpoint_max:
            while len(self._saved) > config.keep_checkpoint_max:
                _, oldest = self._saved.pop(0)
                if os.path.exists(oldest):
                    os.remove(oldest)
        elif config.keep_checkpoint_per_n_minutes:
            # Keep the newest file, and the first one of each interval of n minutes.
            interval, kept, last = config.keep_checkpoint_per_n_minutes * 60, [], None
            for i, (t, p) in enumerate(self._saved):
                if i == len(self._saved) - 1 or last is None or t - last >= interval:
                    kept.append((t, p))
                    last = t
                elif os.path.exists(p):
                    os.remove(p)
            self._saved = kept
