"""bench/autodiff.py must keep working: a tiny run of each measurement."""
from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "bench" / "autodiff.py"


def test_tiny_autodiff_bench_reports_each_measurement():
    spec = importlib.util.spec_from_file_location("bench_autodiff", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = module.main(["--ops", "30", "--repeat", "1", "--batches", "2"])
    assert "mind-autodiff on a 31-op function" in text
    assert "forward / gradient" in text
    assert "batch 2: forward / value_and_grad" in text
