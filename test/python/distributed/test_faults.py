"""A failing rank ends the whole job quickly, with its error shown, while another rank waits in a
collective; the launcher passes the job's exit status on."""
import re
import sys
import time
from pathlib import Path

import pytest
from mpijob import ROOT, WORKERS, mpiexec, run

# Starting 2 processes and compiling the all-reduce takes ~1 s; a hang would reach the limit.
LIMIT = 20


def test_rank_raising_aborts_the_job_with_its_error():
    start = time.monotonic()
    done = mpiexec(2, "fault.py", "raise", timeout=LIMIT)
    assert done.returncode != 0
    # mpiexec may forward a line in pieces, each with its rank prefix: match without them.
    output = re.sub(r"\[\d+\] ", "", done.stdout + done.stderr)
    assert "ValueError: rank 1 failed on purpose" in output
    assert "rank 1 raised ValueError; aborting the job" in output
    assert "never joined" not in done.stdout
    assert time.monotonic() - start < LIMIT


@pytest.mark.parametrize("how,status", [("exit", 3), ("kill", 9)])
def test_rank_dying_ends_the_job_with_its_status(how, status):
    done = mpiexec(2, "fault.py", how, timeout=LIMIT)
    assert done.returncode == status
    assert "never joined" not in done.stdout


def launcher(*args: str):
    return run([sys.executable, str(ROOT / "tools" / "mindc-run"), *args], timeout=LIMIT)


def test_launcher_runs_every_worker_and_passes_arguments():
    done = launcher("--worker_num=2", str(WORKERS / "ranks.py"), "a", "b")
    assert done.returncode == 0, done.stderr
    # mpiexec interleaves the ranks' output, even within lines: look for each rank's line whole.
    for rank in range(2):
        assert f"rank {rank} of 2 (local {rank} of 2) ['a', 'b']" in done.stdout


def test_launcher_exits_with_a_failing_workers_status():
    done = launcher("--worker_num=2", "--local_worker_num=2", str(WORKERS / "ranks.py"), "fail")
    assert done.returncode == 7


def test_launcher_writes_each_workers_log(tmp_path: Path):
    done = launcher("--worker_num=2", f"--log_dir={tmp_path}", str(WORKERS / "ranks.py"))
    assert done.returncode == 0, done.stderr
    assert "rank 1 of 2" in (tmp_path / "worker_1.log").read_text()


@pytest.mark.parametrize("args,message", [
    (["--worker_num=0", "x.py"], "--worker_num must be at least 1"),
    (["--worker_num=4", "--local_worker_num=2", "x.py"], "need the hosts: give --hostfile"),
    (["x.py"], "the following arguments are required: --worker_num"),
])
def test_launcher_rejects_bad_command_lines(args, message):
    done = launcher(*args)
    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr
