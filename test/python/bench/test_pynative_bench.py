"""bench/pynative.py must keep working: mindc's workers check their results, and the report."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench" / "pynative.py"


@pytest.fixture(scope="module")
def pynative():
    spec = importlib.util.spec_from_file_location("bench_pynative", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_pynative"] = module
    spec.loader.exec_module(module)
    return module


def test_mindc_dispatch_and_step_workers_report_checked_times(pynative):
    assert pynative.dispatch_worker("mindc", 10)["call_s"] > 0
    step = pynative.step_worker("mindc", 1)
    assert "error" not in step and step["first_s"] > step["step_s"] > 0


def test_report_shows_each_peer_and_the_step_ratio(pynative):
    text = pynative.render({"mindc": {"call_s": 6e-6}, "torch": {"call_s": 1e-6}},
                           {"mindc": {"first_s": 1.0, "step_s": 3e-3}, "torch": {"error": "not installed"}}, True)
    assert text.startswith(pynative.SECTION)
    assert "| mindc | 6.00 µs | 3.00 ms | 1.00 s |" in text
    assert "| torch | 1.00 µs | failed: not installed |" in text
    assert "PyTorch eager step:" not in text   # no ratio without both steps
