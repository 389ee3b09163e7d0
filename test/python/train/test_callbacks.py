"""Callbacks: hook order in Model.train/eval, the older hook names, LossMonitor's and
TimeMonitor's lines, ProgressBar, and ModelCheckpoint's files."""
from __future__ import annotations

import io
import os
import re

import numpy as np
import pytest

from mindc import Parameter, Tensor, nn, ops
from mindc.dataset import NumpySlicesDataset, config
from mindc.train import (Callback, CheckpointConfig, LossMonitor, Model, ModelCheckpoint, ProgressBar, RunContext,
                         TimeMonitor, load_checkpoint)
from mindc.train.callback import CallbackParam


@pytest.fixture(autouse=True)
def fixed_seed(monkeypatch):
    monkeypatch.setattr(config, "_seed", 0)


class Linear(nn.Cell):
    def __init__(self):
        super().__init__()
        self.weight = Parameter(np.full((1, 2), 0.1, np.float32), name="weight")

    def construct(self, x):
        return ops.matmul(x, ops.transpose(self.weight, (1, 0)))


class MSE(nn.Cell):
    def construct(self, out, label):
        return ops.mean(ops.square(out - label))


def dataset(n: int = 12, batch: int = 4):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((n, 2)).astype(np.float32)
    return NumpySlicesDataset((x, x[:, :1] * 2.0), column_names=["x", "y"]).batch(batch)


def model(metrics=None) -> Model:
    net = Linear()
    return Model(net, MSE(), nn.SGD(net.trainable_params(), 0.05), metrics=metrics)


def context(**params) -> RunContext:
    return RunContext(CallbackParam(**params))


class Recorder(Callback):
    """Records hooks: new-style for training, old-style (begin, step_end, ...) for the rest."""

    def __init__(self):
        self.calls = []

    def on_train_begin(self, rc):
        self.calls.append("train_begin")

    def on_train_epoch_begin(self, rc):
        self.calls.append(f"epoch_begin {rc.original_args().cur_epoch_num}")

    def on_train_step_end(self, rc):
        cb = rc.original_args()
        self.calls.append(f"step_end {cb.cur_step_num} {type(cb.net_outputs).__name__}")

    def on_train_epoch_end(self, rc):
        self.calls.append("epoch_end")

    def on_train_end(self, rc):
        self.calls.append("train_end")

    def begin(self, rc):
        self.calls.append(f"begin {rc.original_args().mode}")

    def step_end(self, rc):
        self.calls.append(f"old step_end {rc.original_args().mode}")

    def end(self, rc):
        self.calls.append(f"end {sorted(rc.original_args().metrics)}")


def test_model_calls_hooks_in_order_and_old_names_for_eval():
    rec = Recorder()
    m = model(metrics={"loss"})
    m.train(2, dataset(), callbacks=[rec])
    assert rec.calls == ["train_begin", "epoch_begin 1", "step_end 1 Tensor", "step_end 2 Tensor", "step_end 3 Tensor",
                         "epoch_end", "epoch_begin 2", "step_end 4 Tensor", "step_end 5 Tensor", "step_end 6 Tensor",
                         "epoch_end", "train_end"]
    rec.calls.clear()
    m.eval(dataset(), callbacks=rec)
    assert rec.calls == ["begin eval", "old step_end eval", "old step_end eval", "old step_end eval", "end ['loss']"]


def test_cb_params_hold_mindspore_fields():
    seen = {}

    class Grab(Callback):
        def step_end(self, rc):
            seen.update(rc.original_args())

    m = model()
    m.train(1, dataset(), callbacks=Grab())
    for key in ("cur_epoch_num", "cur_step_num", "batch_num", "net_outputs", "epoch_num", "train_network",
                "optimizer", "train_dataset", "dataset_sink_mode"):
        assert key in seen
    assert seen["batch_num"] == 3 and seen["train_network"] is m.train_network


def test_loss_monitor_prints_mindspore_lines(capsys):
    monitor = LossMonitor(per_print_times=2)
    for step in range(1, 6):
        monitor.step_end(context(cur_step_num=step, batch_num=3, cur_epoch_num=(step - 1) // 3 + 1,
                                 net_outputs=Tensor(np.float32(0.25 * step))))
    assert capsys.readouterr().out.splitlines() == ["epoch: 1 step: 2, loss is 0.5", "epoch: 2 step: 1, loss is 1.0"]


def test_loss_monitor_stops_on_nan():
    with pytest.raises(ValueError, match="epoch: 1 step: 1. Invalid loss"):
        LossMonitor().step_end(context(cur_step_num=1, batch_num=3, cur_epoch_num=1,
                                       net_outputs=Tensor(np.float32("nan"))))


def test_time_monitor_prints_epoch_and_step_time(capsys):
    m = model()
    m.train(1, dataset(), callbacks=[TimeMonitor()])
    out = capsys.readouterr().out
    assert re.fullmatch(r"Train epoch time: \d+\.\d{3} ms, per step time: \d+\.\d{3} ms\n", out), out


def test_progress_bar_draws_each_step_and_ends_each_epoch():
    stream = io.StringIO()
    model().train(1, dataset(), callbacks=ProgressBar(width=6, file=stream))
    text = stream.getvalue()
    assert text.count("\r") == 3 and text.endswith("\n")
    assert "epoch 1/1 [######] 3/3 loss: " in text


def test_library_prints_nothing_without_callbacks(capsys):
    m = model(metrics={"loss"})
    m.train(1, dataset())
    m.eval(dataset())
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_model_checkpoint_saves_and_keeps_the_newest(tmp_path):
    config_ = CheckpointConfig(save_checkpoint_steps=2, keep_checkpoint_max=2, append_info=["epoch_num", "step_num"])
    ckpt = ModelCheckpoint(prefix="net", directory=str(tmp_path), config=config_)
    m = model()
    m.train(2, dataset(), callbacks=[ckpt])
    # Steps 2, 4, 6 are saved (epoch 1 step 2, epoch 2 steps 1 and 3); the two newest are kept.
    assert sorted(os.listdir(tmp_path)) == ["net-2_1.ckpt", "net-2_3.ckpt"]
    assert ckpt.latest_ckpt_file_name == str(tmp_path / "net-2_3.ckpt")
    loaded = load_checkpoint(ckpt.latest_ckpt_file_name)
    assert int(loaded["step_num"].asnumpy()) == 6 and int(loaded["epoch_num"].asnumpy()) == 2
    np.testing.assert_array_equal(loaded["weight"].asnumpy(), m.train_network.network.backbone_network.weight.asnumpy())
    assert "moments.weight" not in loaded and "accum.weight" in loaded
    # A second ModelCheckpoint with the same prefix in the same directory gets a new prefix.
    assert ModelCheckpoint(prefix="net", directory=str(tmp_path))._prefix == "net_1"


def test_checkpoint_config_rejects_saving_never():
    with pytest.raises(ValueError, match="save_checkpoint_steps or save_checkpoint_seconds"):
        CheckpointConfig(save_checkpoint_steps=0, save_checkpoint_seconds=0)
