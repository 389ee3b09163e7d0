"""Checkpoints: round trips, optimizer state, atomic writes, and the errors for bad files and
mismatched networks."""
from __future__ import annotations

import os
import zipfile

import numpy as np
import pytest

import mindc
from mindc import Parameter, Tensor, nn, ops
from mindc.train import serialization
from mindc.train.serialization import load_checkpoint, load_param_into_net, save_checkpoint


class Affine(nn.Cell):
    def __init__(self, n_in: int, n_out: int, seed: int):
        super().__init__()
        rng = np.random.default_rng(seed)
        self.weight = Parameter(rng.standard_normal((n_out, n_in)).astype(np.float32), name="weight")
        self.bias = Parameter(rng.standard_normal(n_out).astype(np.float32), name="bias")

    def construct(self, x):
        return ops.matmul(x, ops.transpose(self.weight, (1, 0))) + self.bias


class Net(nn.Cell):
    def __init__(self, seed: int = 0, hidden: int = 5):
        super().__init__()
        self.fc1 = Affine(3, hidden, seed)
        self.fc2 = Affine(hidden, 2, seed + 1)

    def construct(self, x):
        return self.fc2(ops.relu(self.fc1(x)))


def values(net) -> dict[str, np.ndarray]:
    return {k: p.asnumpy().copy() for k, p in net.parameters_dict().items()}


@pytest.mark.usefixtures("graph_mode")
def test_round_trip_keeps_parameter_objects_and_compiled_graphs(tmp_path):
    source, target = Net(seed=0), Net(seed=10)
    x = Tensor(np.random.default_rng(1).standard_normal((4, 3)).astype(np.float32))
    want = source(x).asnumpy()
    target(x)  # compiled before loading
    params_before = dict(target.parameters_dict())
    save_checkpoint(source, str(tmp_path / "net"))
    assert os.path.exists(tmp_path / "net.ckpt")
    loaded = load_checkpoint(str(tmp_path / "net.ckpt"), net=target)
    assert list(loaded) == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
    assert all(isinstance(p, Parameter) and p.name == k for k, p in loaded.items())
    for name, p in target.parameters_dict().items():
        assert p is params_before[name]
        np.testing.assert_array_equal(p.asnumpy(), source.parameters_dict()[name].asnumpy())
    np.testing.assert_array_equal(target(x).asnumpy(), want)
    assert target.compile_cache_info().hits == 1


def test_save_list_dict_and_append_dict(tmp_path):
    path = str(tmp_path / "items.ckpt")
    save_checkpoint([{"name": "a", "data": Tensor(np.arange(3, dtype=np.int32))},
                     {"name": "b", "data": Tensor(np.ones((2, 2), np.float64))}], path,
                    append_dict={"epoch_num": 3, "lr": 0.5})
    loaded = load_checkpoint(path)
    assert list(loaded) == ["a", "b", "epoch_num", "lr"]
    assert loaded["a"].dtype == mindc.int32 and loaded["b"].dtype == mindc.float64
    assert int(loaded["epoch_num"].asnumpy()) == 3 and float(loaded["lr"].asnumpy()) == 0.5
    save_checkpoint({"w": Tensor(np.zeros(2, np.float32))}, path, choice_func=lambda n: n != "skip")
    assert list(load_checkpoint(path)) == ["w"]


def test_bfloat16_round_trip(tmp_path):
    import ml_dtypes

    data = np.array([1.5, -2.25, 3.0], dtype=ml_dtypes.bfloat16)
    save_checkpoint([{"name": "h", "data": Tensor(data)}], str(tmp_path / "h.ckpt"))
    got = load_checkpoint(str(tmp_path / "h.ckpt"))["h"]
    assert got.dtype == mindc.bfloat16
    np.testing.assert_array_equal(got.asnumpy().astype(np.float32), data.astype(np.float32))


def test_train_network_checkpoint_holds_optimizer_state(tmp_path):
    net = Net()
    opt = nn.Adam(net.trainable_params(), learning_rate=0.01)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, _MSE()), opt)
    x, y = Tensor(np.ones((2, 3), np.float32)), Tensor(np.zeros((2, 2), np.float32))
    step(x, y)
    save_checkpoint(step, str(tmp_path / "train.ckpt"))
    names = list(load_checkpoint(str(tmp_path / "train.ckpt")))
    assert {"fc1.weight", "moment1.fc1.weight", "moment2.fc2.bias", "beta1_power", "global_step",
            "learning_rate"} <= set(names)
    # A fresh training network resumes from the saved state.
    net2 = Net(seed=5)
    opt2 = nn.Adam(net2.trainable_params(), learning_rate=0.01)
    step2 = nn.TrainOneStepCell(nn.WithLossCell(net2, _MSE()), opt2)
    not_loaded, unused = load_param_into_net(step2, load_checkpoint(str(tmp_path / "train.ckpt")))
    assert not_loaded == [] and unused == []
    assert opt2.global_step.asnumpy().tolist() == [1]
    np.testing.assert_array_equal(opt2.moment1[0].asnumpy(), opt.moment1[0].asnumpy())
    np.testing.assert_array_equal(step2(x, y).asnumpy(), step(x, y).asnumpy())


class _MSE(nn.Cell):
    def construct(self, out, label):
        return ops.mean(ops.square(out - label))


def test_interrupted_save_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = str(tmp_path / "net.ckpt")
    old = Net(seed=0)
    save_checkpoint(old, path)
    with open(path, "rb") as f:
        old_bytes = f.read()
    calls = []
    real_write = np.lib.format.write_array

    def fail_on_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OSError("disk full (simulated)")
        return real_write(*args, **kwargs)

    monkeypatch.setattr(np.lib.format, "write_array", fail_on_third)
    with pytest.raises(OSError, match="disk full"):
        save_checkpoint(Net(seed=1), path)
    monkeypatch.undo()
    with open(path, "rb") as f:
        assert f.read() == old_bytes
    assert os.listdir(tmp_path) == ["net.ckpt"], "the temporary file was left behind"
    loaded = load_checkpoint(path)
    np.testing.assert_array_equal(loaded["fc1.weight"].asnumpy(), old.fc1.weight.asnumpy())


def test_save_is_fsynced_then_renamed(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(serialization.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(serialization.os, "replace", lambda a, b: (events.append(("replace", os.path.dirname(a) ==
                                                                                   os.path.dirname(b))),
                                                                     real_replace(a, b))[1])
    save_checkpoint(Net(), str(tmp_path / "n.ckpt"))
    assert events[:2] == ["fsync", ("replace", True)]


def test_shape_mismatch_names_the_parameter_and_both_shapes(tmp_path):
    save_checkpoint(Net(hidden=5), str(tmp_path / "a.ckpt"))
    with pytest.raises(ValueError, match=r"'fc1.weight'.*checkpoint has shape \[5, 3\], the network has shape \[4, 3\]"):
        load_checkpoint(str(tmp_path / "a.ckpt"), net=Net(hidden=4))


def test_dtype_mismatch_is_cast_between_floats_unless_strict(tmp_path):
    path = str(tmp_path / "d.ckpt")
    save_checkpoint([{"name": "bias", "data": Tensor(np.arange(2, dtype=np.float64))}], path)
    net = Affine(3, 2, 0)
    not_loaded, unused = load_param_into_net(net, load_checkpoint(path))
    assert not_loaded == ["weight"] and unused == []
    assert net.bias.dtype == mindc.float32 and net.bias.asnumpy().tolist() == [0.0, 1.0]
    with pytest.raises(ValueError, match=r"'bias'.*checkpoint has dtype Float64, the network has dtype Float32"):
        load_param_into_net(net, load_checkpoint(path), strict_load=True)
    save_checkpoint([{"name": "bias", "data": Tensor(np.arange(2, dtype=np.int32))}], path)
    with pytest.raises(ValueError, match="dtype Int32, the network has dtype Float32"):
        load_param_into_net(net, load_checkpoint(path))


def test_prefix_filters_and_suffix_matching(tmp_path):
    path = str(tmp_path / "p.ckpt")
    source = Net(seed=3)
    save_checkpoint([{"name": "backbone." + k, "data": v} for k, v in source.parameters_dict().items()]
                    + [{"name": "moments.x", "data": Tensor(np.zeros(1, np.float32))}], path)
    assert list(load_checkpoint(path, filter_prefix="moments")) == [f"backbone.{k}" for k in source.parameters_dict()]
    assert list(load_checkpoint(path, specify_prefix=["moments"])) == ["moments.x"]
    target = Net(seed=4)
    not_loaded, unused = load_param_into_net(target, load_checkpoint(path))
    assert not_loaded == [] and unused == ["moments.x"]
    np.testing.assert_array_equal(target.fc2.bias.asnumpy(), source.fc2.bias.asnumpy())
    not_loaded, _ = load_param_into_net(Net(), load_checkpoint(path), strict_load=True)
    assert not_loaded == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]


def test_missing_and_corrupt_files_name_the_path(tmp_path):
    missing = str(tmp_path / "nope.ckpt")
    with pytest.raises(ValueError, match=f"checkpoint file '{missing}' does not exist"):
        load_checkpoint(missing)
    garbage = tmp_path / "garbage.ckpt"
    garbage.write_bytes(b"not a checkpoint at all")
    with pytest.raises(ValueError, match=f"checkpoint file '{garbage}' is not a readable mindc checkpoint"):
        load_checkpoint(str(garbage))
    good = tmp_path / "good.ckpt"
    save_checkpoint(Net(), str(good))
    truncated = tmp_path / "truncated.ckpt"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ValueError, match=f"checkpoint file '{truncated}' is not a readable"):
        load_checkpoint(str(truncated))
    foreign = tmp_path / "foreign.ckpt"
    with zipfile.ZipFile(foreign, "w") as z:
        z.writestr("mindc_checkpoint.json", '{"format": "other", "version": 9, "entries": []}')
    with pytest.raises(ValueError, match="format 'other' version 9"):
        load_checkpoint(str(foreign))


def test_checkpoint_never_pickles(tmp_path):
    path = str(tmp_path / "n.ckpt")
    save_checkpoint(Net(), path)
    with zipfile.ZipFile(path) as z:
        assert sorted(z.namelist()) == ["data/0.npy", "data/1.npy", "data/2.npy", "data/3.npy", "mindc_checkpoint.json"]
        for name in z.namelist():
            assert b"pickle" not in z.read(name)
    with pytest.raises(TypeError, match="save_checkpoint saves a Cell"):
        save_checkpoint(object(), path)
