"""Run a worker script as an MPI job (mpiexec from the Python environment) with a time limit.

Every line a rank prints is prefixed with its rank ([0] ..., [1] ...), and a failing job fails
the test with each rank's output, so a failure on one rank shows where it happened.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

WORKERS = Path(__file__).parent / "workers"
MPIEXEC = Path(sys.executable).parent / "mpiexec"
ROOT = Path(__file__).resolve().parents[3]


def job_env() -> dict[str, str]:
    """The environment of a job: this checkout's package first on the path."""
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT / "python"), path) if p)}


def run(command: list[str], timeout: float) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=job_env())
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"{' '.join(command)} did not end within {timeout} s\n--- output:\n{e.stdout}\n{e.stderr}")


def mpiexec(n: int, script: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run workers/<script> on n ranks; the finished process (any exit status)."""
    command = [str(MPIEXEC), "-n", str(n), "-prepend-rank", sys.executable, str(WORKERS / script), *args]
    return run(command, timeout)


def mpiexec_ok(n: int, script: str, *args: str, timeout: float = 60) -> str:
    """Run workers/<script> on n ranks; its output, or the test fails with every rank's output."""
    done = mpiexec(n, script, *args, timeout=timeout)
    if done.returncode != 0:
        pytest.fail(f"{script} {' '.join(args)} on {n} ranks exited with {done.returncode}\n"
                    f"--- stdout:\n{done.stdout}\n--- stderr:\n{done.stderr}")
    return done.stdout
