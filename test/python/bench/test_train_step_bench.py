"""bench/train_step.py must keep working: mindc's workers at a small batch, and the report."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench" / "train_step.py"


@pytest.fixture(scope="module")
def train_step():
    spec = importlib.util.spec_from_file_location("bench_train_step", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_train_step"] = module
    spec.loader.exec_module(module)
    return module


def test_mindc_training_worker_reports_time_loss_and_memory(train_step):
    r = train_step.worker("mindc", "mlp", 2, 2)
    weights, x, labels = train_step.make_data("mlp", 2)
    assert abs(r["loss0"] - train_step.numpy_loss("mlp", weights, x, labels)) < 1e-3
    assert r["first_s"] > r["step_s"] > 0
    assert r["peak_rss_mib"] > 50 and abs(r["rss_growth_mib"]) < 50
    assert r["steps_peak_rss_mib"] is None or 0 < r["steps_peak_rss_mib"] <= r["peak_rss_mib"]


def test_mindc_forward_worker_matches_float64_numpy(train_step):
    r = train_step.forward_worker("mindc", "mlp", 1, 5)
    weights, x, _ = train_step.make_data("mlp", 1)
    want = train_step.numpy_logits("mlp", weights, x)
    assert r["calls"] == 5 and r["call_s"] > 0
    assert abs(sum(r["out"][0]) - want.sum()) < 1e-3


def test_report_has_times_memory_and_forward_latency_with_ratios(train_step):
    def step(seconds, mib):
        return {"first_s": 1.0, "step_s": seconds, "loss0": 2.3, "peak_rss_mib": mib, "rss_growth_mib": 0.0,
                "steps_peak_rss_mib": mib - 10}

    results = {("mlp", 64): {"mindc": step(0.002, 200.0), "torch": step(0.001, 400.0),
                             "jax": {"error": "not installed"}}}
    forwards = {("mlp", 1): {"mindc": {"first_s": 0.5, "call_s": 30e-6, "calls": 100},
                             "torch": {"first_s": 0.1, "call_s": 20e-6, "calls": 100}}}
    text = train_step.render(results, True, forwards)
    assert text.startswith(train_step.SECTION)
    for heading in ("### Memory of the training process", "### Forward pass latency"):
        assert heading in text
    assert "| MLP 784-512-512-10 | 64 | 1.00 s | 2.00 ms | 1.00 s | 1.00 ms | failed: not installed |" in text
    assert "| 200 | 190 | +0.0 | 400 | 390 | +0.0 |" in text
    assert "- mlp batch 64: torch 2.00x" in text          # step time
    assert "- mlp batch 64: torch 0.50x" in text          # peak RSS
    assert "| MLP 784-512-512-10 | 1 | 0.50 s | 30.0 µs | 0.10 s | 20.0 µs |" in text
    assert "- mlp batch 1: torch 1.50x; best peer 1.50x" in text
