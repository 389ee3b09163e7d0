"""mindc-run: start a distributed job in the style of MindSpore's msrun, on MPI's mpiexec.

    mindc-run --worker_num=4 train.py --epochs 2      # 4 processes on this host
    mindc-run --worker_num=8 --local_worker_num=4 --hostfile hosts train.py

Each worker runs the script with `python -m mpi4py`, so an uncaught exception on any rank aborts
the whole job (MPI_Abort) instead of leaving the others waiting in a collective. The exit status
is mpiexec's: non-zero when any worker failed (a worker killed by a signal gives that signal's
number). mpiexec is the one of the `mpich` package installed beside this Python.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from typing import Sequence

from mindc.tools.common import ArgumentParser, ToolError, run_tool

PROG = "mindc-run"


def argument_parser() -> ArgumentParser:
    p = ArgumentParser(prog=PROG, description="Start a distributed job: one process per device, over MPI.")
    p.add_argument("--worker_num", type=int, required=True, help="the number of processes of the job")
    p.add_argument("--local_worker_num", type=int,
                   help="processes per host (default: worker_num, every process on this host)")
    p.add_argument("--hostfile", help="mpiexec's host file, for a job across hosts")
    p.add_argument("--log_dir", help="write each worker's output to LOG_DIR/worker_<rank>.log")
    p.add_argument("task_script", help="the Python script every worker runs")
    p.add_argument("task_script_args", nargs=argparse.REMAINDER, help="its arguments")
    return p


def mpiexec() -> Path:
    path = Path(sys.executable).parent / "mpiexec"
    if not path.exists():
        raise ToolError(f"error: mpiexec not found beside {sys.executable}: install the 'mpich' package")
    return path


def command(args: argparse.Namespace) -> list[str]:
    """The mpiexec command line of the job."""
    if args.worker_num < 1:
        raise ToolError(f"error: --worker_num must be at least 1, got {args.worker_num}")
    local = args.worker_num if args.local_worker_num is None else args.local_worker_num
    if not 1 <= local <= args.worker_num:
        raise ToolError(f"error: --local_worker_num must be in [1, worker_num={args.worker_num}], got {local}")
    if local < args.worker_num and args.hostfile is None:
        raise ToolError(f"error: {args.worker_num} workers at {local} per host need the hosts: give --hostfile")
    if not Path(args.task_script).is_file():
        raise ToolError(f"error: the task script '{args.task_script}' does not exist")
    cmd = [str(mpiexec()), "-n", str(args.worker_num), "-ppn", str(local)]
    if args.hostfile is not None:
        cmd += ["-f", args.hostfile]
    if args.log_dir is not None:
        Path(args.log_dir).mkdir(parents=True, exist_ok=True)
        pattern = str(Path(args.log_dir) / "worker_%r.log")
        cmd += ["-outfile-pattern", pattern, "-errfile-pattern", pattern]
    return [*cmd, sys.executable, "-m", "mpi4py", args.task_script, *args.task_script_args]


def main(argv: Sequence[str] | None = None) -> int:
    return run_tool(_main, argv)


def _main(argv: Sequence[str]) -> int:
    return subprocess.call(command(argument_parser().parse_args(argv)))
