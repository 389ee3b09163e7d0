"""mind-run as a program: numpy in and out, function choice, timing, and clean errors."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from helpers import tol
from mindc.tools import run

ROOT = Path(__file__).resolve().parents[3]

DENSE = """\
func.func @main(%x: tensor<2x3xf32>, %w: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<2x4xf32> {
  %0 = "mind.matmul"(%x, %w) {transpose_a = false, transpose_b = false} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = "mind.add"(%0, %b) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  %2 = "mind.relu"(%1) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %2 : tensor<2x4xf32>
}
"""
MIXED = """\
func.func @mixed(%c: tensor<3xi1>, %n: tensor<3xi32>, %h: tensor<3xf16>) -> (tensor<3xf32>, tensor<3xi32>, tensor<3xf16>) {
  %0 = "mind.cast"(%c) {dtype = f32} : (tensor<3xi1>) -> tensor<3xf32>
  %1 = "mind.mul"(%n, %n) : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  %2 = "mind.exp"(%h) : (tensor<3xf16>) -> tensor<3xf16>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xi32>, tensor<3xf16>
}
"""


@pytest.fixture
def dense(tmp_path) -> Path:
    path = tmp_path / "dense.mlir"
    path.write_text(DENSE)
    return path


def arrays(seed=0):
    rng = np.random.default_rng(seed)
    return [rng.standard_normal(s).astype(np.float32) for s in [(2, 3), (3, 4), (4,)]]


def test_npy_inputs_match_float64_numpy(dense, tmp_path):
    x, w, b = arrays()
    names = []
    for name, a in zip("xwb", (x, w, b)):
        np.save(tmp_path / f"{name}.npy", a)
        names += ["--input", str(tmp_path / f"{name}.npy")]
    assert run.main([str(dense), *names, "-o", str(tmp_path / "out.npz")]) == 0
    got = np.load(tmp_path / "out.npz")["arr_0"]
    want = np.maximum(x.astype(np.float64) @ w.astype(np.float64) + b, 0)
    np.testing.assert_allclose(got, want, **tol(np.float32))


def test_npz_inputs_by_index_or_in_file_order(dense, tmp_path):
    x, w, b = arrays()
    want = np.maximum(x.astype(np.float64) @ w + b, 0)
    # arr_<i> keys are put in index order whatever order the archive stores them in.
    np.savez(tmp_path / "indexed.npz", arr_2=b, arr_0=x, arr_1=w)
    np.savez(tmp_path / "named.npz", x=x, w=w, b=b)
    for archive in ("indexed.npz", "named.npz"):
        assert run.main([str(dense), "--inputs", str(tmp_path / archive), "-o", str(tmp_path / "out.npy")]) == 0
        np.testing.assert_allclose(np.load(tmp_path / "out.npy"), want, **tol(np.float32))


def test_random_inputs_cover_bool_int_and_half(tmp_path, capsys):
    path = tmp_path / "mixed.mlir"
    path.write_text(MIXED)
    assert run.main([str(path), "--random", "--seed", "3", "-o", str(tmp_path / "a.npz")]) == 0
    assert run.main([str(path), "--random", "--seed", "3", "-o", str(tmp_path / "b.npz")]) == 0
    a, b = np.load(tmp_path / "a.npz"), np.load(tmp_path / "b.npz")
    assert [a[k].dtype for k in a.files] == [np.float32, np.int32, np.float16]
    for k in a.files:
        np.testing.assert_array_equal(a[k], b[k])
    assert set(np.unique(a["arr_0"])) <= {0.0, 1.0}
    assert np.all(a["arr_1"] >= 0) and np.all(a["arr_1"] <= 16)  # squares of small integers
    assert capsys.readouterr().out == ""  # -o without --print prints nothing


def test_print_and_time_format(dense, capsys):
    assert run.main([str(dense), "--random", "--time", "4"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "output 0: shape (2, 4) dtype float32"
    assert re.fullmatch(r"time: median \d+\.\d+ ms, min \d+\.\d+ ms over 4 runs", out[-1])


@pytest.mark.parametrize("args,message", [
    (["--random", "-f", "nope"], "error: no public function @nope; the module has @main"),
    ([], "{file}:1:1: error: @main takes 3 inputs, got 0"),
    (["--input", "{dir}/x.npy"], "{file}:1:1: error: @main takes 3 inputs, got 1"),
    (["--input", "{dir}/w.npy", "--input", "{dir}/w.npy", "--input", "{dir}/b.npy"],
     "{file}:1:1: error: input 0 of @main must have shape [2, 3], got [3, 4]"),
    (["--input", "{dir}/missing.npy"], "error: could not open input file '{dir}/missing.npy': No such file or directory"),
    (["--inputs", "{dir}/x.npy"], "error: '{dir}/x.npy' is not an .npz archive (use --input for one .npy array)"),
    (["--random", "--time", "0"], "error: --time needs a positive number of runs, got 0"),
    (["--random", "--bogus"], "error: unrecognized arguments: --bogus"),
])
def test_errors_are_one_line_and_exit_1(dense, tmp_path, capsys, args, message):
    x, w, b = arrays()
    for name, a in zip("xwb", (x, w, b)):
        np.save(tmp_path / f"{name}.npy", a)
    args = [a.format(dir=tmp_path) for a in args]
    assert run.main([str(dense), *args]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[0] == message.format(file=dense, dir=tmp_path)
    assert "Traceback" not in err


def test_invalid_and_corrupted_modules_fail_cleanly(tmp_path, capfd):
    path = tmp_path / "bad.mlir"
    for text in [DENSE[:120], DENSE.replace("-> tensor<2x4xf32>\n  %1", "-> tensor<2x5xf32>\n  %1"),
                 DENSE.replace('"mind.relu"', '"mind.relux"'), DENSE.replace("return %2", "return %9"), ""]:
        path.write_text(text)
        status = run.main([str(path), "--random"])
        err = capfd.readouterr().err
        assert status == 1 and "Traceback" not in err, err
        assert err.startswith((f"{path}:", "error:")), err


def test_entry_point_reads_stdin_at_the_llvm_stage():
    env = {"PYTHONPATH": str(ROOT / "python"), "PATH": "/usr/bin:/bin"}
    lowered = subprocess.run([sys.executable, str(ROOT / "tools" / "mind-opt"), "-", "--mind-cpu-pipeline"],
                             input=DENSE, capture_output=True, text=True, env=env, timeout=60)
    assert lowered.returncode == 0, lowered.stderr
    assert "llvm.func @main" in lowered.stdout
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "mind-run"), "-", "--random"],
                       input=lowered.stdout, capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("output 0: shape (2, 4) dtype float32\n"), r.stderr
