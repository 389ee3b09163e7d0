"""The examples train to the accuracy their docs state (seeded, so the numbers are reproducible)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("sklearn")
sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "examples"))
import lenet_digits  # noqa: E402
import mlp_digits  # noqa: E402
import quickstart_digits  # noqa: E402
import transformer_encoder  # noqa: E402


def run(module, monkeypatch, capsys, *args) -> tuple[float, str]:
    monkeypatch.setattr(sys, "argv", [module.__name__, *args])
    module.main()
    out = capsys.readouterr().out
    return float(re.search(r"test accuracy ([\d.]+)%", out).group(1)), out


def test_mlp_reaches_95_percent_on_digits_and_reports_loss(monkeypatch, capsys):
    accuracy, out = run(mlp_digits, monkeypatch, capsys, "--epochs", "15")
    assert accuracy > 95.0
    assert re.search(r"epoch: 15 step: 22, loss is [\d.]+", out)


def test_lenet5_reaches_95_percent_on_digits(monkeypatch, capsys):
    accuracy, _ = run(lenet_digits, monkeypatch, capsys)
    assert accuracy > 95.0


def test_transformer_encoder_learns_the_attention_task(monkeypatch, capsys):
    accuracy, out = run(transformer_encoder, monkeypatch, capsys)
    assert accuracy > 95.0
    assert "1 compiled step" in out


def test_quickstart_trains_in_pynative_mode_and_graph_mode_gives_the_same_numbers(monkeypatch, capsys):
    pynative, out = run(quickstart_digits, monkeypatch, capsys)
    graph, graph_out = run(quickstart_digits, monkeypatch, capsys, "--graph")
    assert pynative > 95.0 and "restored from the checkpoint: " in out
    epochs = [line for line in out.splitlines() if line.startswith("epoch")]
    assert len(epochs) == 10 and epochs == [line for line in graph_out.splitlines() if line.startswith("epoch")]
