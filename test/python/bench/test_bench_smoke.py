"""The benchmark harness must keep working: bench/run.py's mindc and numpy parts, quick, tiny sizes.

Runs the real command path (one worker process per peer, the report written to a file) without
the peers that only the bench environment has, so it runs in the test environment in seconds.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "bench"


def load_bench_run():
    spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_quick_run_times_mindc_and_numpy_and_writes_the_report(tmp_path):
    bench_run = load_bench_run()
    out = tmp_path / "RESULTS.md"
    peers = bench_run.main(["--quick", "--peers", "numpy", "--sizes", "8,16", "--batches", "2", "--mindc-threads", "1,2",
                            "--out", str(out)])

    # mindc once per thread count: "mindc" with the most threads, "mindc-1" with one.
    assert set(peers) == {"numpy", "mindc", "mindc-1"}
    assert (peers["mindc"]["name"], peers["mindc-1"]["name"]) == ("mindc (2 threads)", "mindc (1 thread)")
    for name in ("numpy", "mindc", "mindc-1"):
        assert "unavailable" not in peers[name], peers[name]
        for bench, keys in (("gemm", ["8", "16"]), ("mlp", ["2"])):
            cells = peers[name][bench]
            assert sorted(cells, key=int) == keys
            assert all(c["seconds"] and c["seconds"] > 0 for c in cells.values()), cells
    assert len(peers["mindc"]["compile"]) == 2

    report = out.read_text()
    for heading in ("## Machine", "## Peers", "## GEMM", "## MLP forward", "## Compile time", "## Method", "## Notes"):
        assert heading in report
    # A GEMM row: the size, then numpy and mindc on 1 and 2 threads as "GFLOP/s (ratio×)".
    assert re.search(r"^\| 16 \| [\d.]+†? \(1\.00×\)( \| [\d.]+†? \([\d.]+×\)){2} \|$", report, re.M), report


def test_a_size_predicted_too_slow_is_skipped_with_its_reason():
    bench_run = load_bench_run()
    cfg = bench_run.Config(max_call_s=60.0)
    cell = bench_run.Cell
    # One measured size: n³ scaling predicts 80 s.
    assert "one call would take ~80 s" in bench_run.too_slow({1024: cell(10.0, 3)}, 2048, cfg)
    assert bench_run.too_slow({1024: cell(5.0, 3)}, 2048, cfg) == ""
    # Two: time grew 16x per doubling (n^4), so 5 s at 1024 predicts 80 s at 2048.
    assert "~80 s" in bench_run.too_slow({512: cell(5.0 / 16, 3), 1024: cell(5.0, 3)}, 2048, cfg)


def test_rounds_combine_cell_by_cell_by_median():
    bench_run = load_bench_run()

    def one_round(seconds, note=""):
        cell = {"seconds": seconds, "calls": 3, "note": note}
        return {"name": "mindc", "gemm": {"8": cell}, "mlp": {"2": dict(cell, seconds=1.0)}, "compile": {"x": [seconds]}}

    merged = bench_run.median_of_rounds([one_round(1.0), one_round(3.0), one_round(2.0)])
    assert merged["gemm"]["8"] == {"seconds": 2.0, "calls": 9, "note": ""}
    assert merged["mlp"]["2"]["seconds"] == 1.0 and merged["compile"] == {"x": [1.0]}
    # A round without a time (skipped) leaves the first round's cell.
    merged = bench_run.median_of_rounds([one_round(1.0), one_round(None, "skipped")])
    assert merged["gemm"]["8"]["seconds"] == 1.0
