"""Model: train on a small synthetic classification problem, eval with metrics, predict; the
training network compiles once; LossMonitor prints MindSpore's lines."""
from __future__ import annotations

import re

import numpy as np
import pytest

import mindc
from mindc import Parameter, Tensor, nn, ops
from mindc.common import seed as global_seed
from mindc.dataset import NumpySlicesDataset, config
from mindc.train import Accuracy, Callback, Loss, LossMonitor, Model


@pytest.fixture(autouse=True)
def fixed_seeds(monkeypatch):
    monkeypatch.setattr(config, "_seed", 0)
    monkeypatch.setattr(global_seed, "_seed", global_seed._seed)


class Affine(nn.Cell):
    def __init__(self, n_in: int, n_out: int, rng):
        super().__init__()
        bound = 1 / np.sqrt(n_in)
        self.weight = Parameter(rng.uniform(-bound, bound, (n_out, n_in)).astype(np.float32), name="weight")
        self.bias = Parameter(np.zeros(n_out, np.float32), name="bias")

    def construct(self, x):
        return ops.matmul(x, ops.transpose(self.weight, (1, 0))) + self.bias


class MLP(nn.Cell):
    def __init__(self, seed: int = 0):
        super().__init__()
        rng = np.random.default_rng(seed)
        self.fc1 = Affine(2, 16, rng)
        self.fc2 = Affine(16, 2, rng)

    def construct(self, x):
        return self.fc2(ops.tanh(self.fc1(x)))


class SparseCrossEntropy(nn.Cell):
    """Mean of -log_softmax(logits)[label] (MindSpore's SoftmaxCrossEntropyWithLogits(sparse=True,
    reduction='mean')), written with ops alone."""

    def construct(self, logits, labels):
        return -ops.mean(ops.sum(ops.one_hot(labels, 2, 1.0, 0.0) * ops.log_softmax(logits, -1), -1))


def blobs(n: int, seed: int):
    """Two Gaussian blobs, labels 0 and 1 (int32)."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 2, n).astype(np.int32)
    centers = np.array([[-1.5, -1.0], [1.5, 1.0]], np.float32)
    return (centers[labels] + 0.7 * rng.standard_normal((n, 2))).astype(np.float32), labels


def dataset(n: int = 96, seed: int = 0, batch: int = 16, shuffle: bool = True):
    x, y = blobs(n, seed)
    return NumpySlicesDataset((x, y), column_names=["data", "label"], shuffle=shuffle).batch(batch)


@pytest.mark.usefixtures("graph_mode")
def test_train_reaches_high_accuracy_and_prints_mindspore_loss_lines(capsys):
    net = MLP()
    model = Model(net, SparseCrossEntropy(), nn.Momentum(net.trainable_params(), 0.1, 0.9),
                  metrics={"accuracy", "loss"})
    before = model.eval(dataset(seed=1, shuffle=False))
    model.train(5, dataset(), callbacks=[LossMonitor(per_print_times=3)])
    lines = capsys.readouterr().out.splitlines()
    # 6 steps per epoch, a line every 3 steps: steps 3 and 6 of each epoch.
    assert len(lines) == 10
    assert re.fullmatch(r"epoch: 1 step: 3, loss is \d+\.\d+(e-\d+)?", lines[0]), lines[0]
    assert lines[-1].startswith("epoch: 5 step: 6, loss is ")
    first, last = (float(line.rsplit(" ", 1)[1]) for line in (lines[0], lines[-1]))
    assert last < first
    after = model.eval(dataset(seed=1, shuffle=False))
    assert set(after) == {"accuracy", "loss"}
    assert after["accuracy"] >= 0.9 and after["loss"] < before["loss"]
    info = model.train_network.compile_cache_info()
    assert (info.misses, info.hits) == (1, 29)


def test_eval_metrics_match_numpy():
    net = MLP(seed=3)
    model = Model(net, SparseCrossEntropy(), metrics={"acc": Accuracy(), "loss": Loss()})
    ds = dataset(n=40, seed=2, batch=8, shuffle=False)
    got = model.eval(ds)
    x, y = blobs(40, 2)
    logits = net(Tensor(x)).asnumpy().astype(np.float64)
    log_p = logits - np.log(np.sum(np.exp(logits), -1, keepdims=True))
    batch_losses = [-np.mean(log_p[i:i + 8][np.arange(8), y[i:i + 8]]) for i in range(0, 40, 8)]
    assert got["acc"] == pytest.approx(np.mean(np.argmax(logits, -1) == y))
    assert got["loss"] == pytest.approx(np.mean(batch_losses), rel=1e-5)


def test_predict_runs_the_network_in_eval_mode():
    net = MLP()
    model = Model(net)
    x = Tensor(blobs(5, 0)[0])
    np.testing.assert_allclose(model.predict(x).asnumpy(), net(x).asnumpy())
    assert net.training is False


def test_network_with_its_own_loss_trains_without_loss_fn():
    net = MLP()
    with_loss = nn.WithLossCell(net, SparseCrossEntropy())
    start = net.fc1.weight.asnumpy().copy()
    Model(with_loss, optimizer=nn.SGD(net.trainable_params(), 0.1)).train(1, dataset())
    assert not np.array_equal(net.fc1.weight.asnumpy(), start)


def test_sink_mode_calls_step_callbacks_once_per_epoch(capsys):
    net = MLP()
    model = Model(net, SparseCrossEntropy(), nn.SGD(net.trainable_params(), 0.1))
    model.train(3, dataset(), callbacks=[LossMonitor()], dataset_sink_mode=True, sink_size=4)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(",")[0] for line in lines] == ["epoch: 1 step: 4", "epoch: 2 step: 4", "epoch: 3 step: 4"]
    assert model.train_network.optimizer.global_step.asnumpy().tolist() == [12]


def test_request_stop_ends_training():
    class StopAfter(Callback):
        def step_end(self, run_context):
            if run_context.original_args().cur_step_num == 2:
                run_context.request_stop()

    net = MLP()
    model = Model(net, SparseCrossEntropy(), nn.SGD(net.trainable_params(), 0.1))
    model.train(4, dataset(), callbacks=StopAfter())
    assert model.train_network.optimizer.global_step.asnumpy().tolist() == [2]


def test_fit_evaluates_each_valid_frequency_epochs(capsys):
    net = MLP()
    model = Model(net, SparseCrossEntropy(), nn.Adam(net.trainable_params(), 0.05), metrics={"accuracy"})
    model.fit(2, dataset(), dataset(seed=1, shuffle=False), callbacks=[LossMonitor(per_print_times=0)])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("Eval result: epoch 1, metrics: {'accuracy': ")


def test_model_argument_errors():
    net = MLP()
    with pytest.raises(ValueError, match="needs a loss_fn or an eval_network"):
        Model(net, metrics={"accuracy"})
    with pytest.raises(ValueError, match="needs an optimizer"):
        Model(net, SparseCrossEntropy()).train(1, dataset())
    with pytest.raises(KeyError, match="unknown metric 'f1'"):
        Model(net, SparseCrossEntropy(), metrics={"f1"})
    with pytest.raises(NotImplementedError, match="amp_level='O2'"):
        Model(net, amp_level="O2")


def test_real_layers_and_loss_train_through_model():
    mindc.set_seed(0)
    net = nn.SequentialCell([nn.Dense(2, 16, activation="tanh"), nn.Dense(16, 2)])
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    model = Model(net, loss, nn.Adam(net.trainable_params(), 0.05), metrics={"accuracy"})
    model.train(3, dataset())
    assert model.eval(dataset(seed=1, shuffle=False))["accuracy"] >= 0.9
