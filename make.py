#!/usr/bin/env python3
"""Developer entry points that need nothing but Python 3.11 and pip.

    python3 make.py demo    compile a model with mindc and run it end to end
    python3 make.py check   every test: lit/FileCheck IR tests, pytest and MindSpore's ported tests
    python3 make.py bench   benchmarks against numpy, PyTorch and JAX (own environment)

Each command creates (or reuses) a virtual environment in .venv and installs the package into it.
"""
from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BENCH_VENV = ROOT / ".venv-bench"


def python_of(env: Path) -> Path:
    return env / "bin" / "python"


def ensure_env(env: Path, *requirements: str) -> Path:
    """Create env if missing and pip-install requirements into it; return its python."""
    if not python_of(env).exists():
        venv.EnvBuilder(with_pip=True).create(env)
    sh(python_of(env), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *requirements)
    return python_of(env)


def sh(*args) -> None:
    print("+", " ".join(map(str, args)), flush=True)
    code = subprocess.call([str(a) for a in args], cwd=ROOT, env={**os.environ, "PATH": f"{VENV / 'bin'}{os.pathsep}{os.environ['PATH']}"})
    if code:
        sys.exit(code)


def demo() -> None:
    python = ensure_env(VENV, "-e", ".[examples]")
    sh(python, "examples/mlp_digits.py")


def check() -> None:
    python = ensure_env(VENV, "-e", ".[test,examples]")
    sh(VENV / "bin" / "lit", "-sv", "test")
    # test/mindspore_compat: MindSpore's own system tests, ported (see its README section).
    sh(python, "-m", "pytest", "-q", "-n", "2", "test/python", "test/mindspore_compat")


def bench() -> None:
    python = ensure_env(BENCH_VENV, "-e", ".", "-r", "bench/requirements.txt")
    sh(python, "bench/run.py", *sys.argv[2:])
    sh(python, "bench/autodiff.py", "--out", "bench/RESULTS.md")
    sh(python, "bench/train_step.py", "--out", "bench/RESULTS.md")
    sh(python, "bench/pynative.py", "--out", "bench/RESULTS.md")
    sh(python, "bench/distributed.py", "--out", "bench/RESULTS.md")
    sh(python, "bench/auto_parallel_scale.py", "--out", "bench/RESULTS.md")


COMMANDS = {"demo": demo, "check": check, "bench": bench}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]]()
