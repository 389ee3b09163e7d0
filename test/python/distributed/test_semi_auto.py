"""Parallel training (strategies set on primitives and Cells, or searched; partitioned) over MPI:
the same losses and parameters as the whole program in one process, and as numpy."""
import sys

import pytest
from mpijob import ROOT, mpiexec_ok, run


@pytest.mark.parametrize("layout, ranks, dataset", [("megatron", 2, "full_batch"), ("mixed", 4, "data_parallel"),
                                                     ("cell", 2, "data_parallel"), ("functional", 2, "data_parallel"),
                                                     ("searched", 2, "full_batch"), ("searched", 4, "data_parallel")])
def test_semi_auto_mlp_trains_as_one_process(layout, ranks, dataset):
    out = mpiexec_ok(ranks, "semi_auto.py", layout, dataset, timeout=120)
    assert out.count(" ok ") == ranks


def test_ranks_with_different_layouts_are_refused_before_running():
    out = mpiexec_ok(2, "disagree.py")
    assert out.count("refused: the ranks partitioned @Dense differently (rank 0 and rank 1)") == 2


@pytest.mark.parametrize("model, mode, ranks", [("lenet", "semi_auto", 2), ("lenet", "semi_auto", 4),
                                                ("lenet", "recursive_programming", 4),
                                                ("transformer", "semi_auto", 4), ("transformer", "recursive_programming", 2)])
def test_models_train_as_one_process(model, mode, ranks):
    out = mpiexec_ok(ranks, "models.py", model, mode, timeout=180)
    assert out.count(" ok ") == ranks


def test_checkpoints_move_between_ranks_and_one_process(tmp_path):
    out = mpiexec_ok(2, "checkpoint.py", str(tmp_path))
    assert out.count(" ok") == 2


def test_parallel_example_prints_what_one_process_prints():
    example = [str(ROOT / "examples" / "parallel_mlp.py"), "--epochs", "2"]
    alone = run([sys.executable, *example], timeout=120)
    split = run([sys.executable, str(ROOT / "tools" / "mindc-run"), "--worker_num=2", *example], timeout=120)
    assert alone.returncode == 0 and split.returncode == 0, alone.stderr + split.stderr
    epochs = [line.replace("(1 processes)", "").strip() for line in alone.stdout.splitlines()]
    assert len(epochs) == 2
    assert [line.replace("(2 processes)", "").strip() for line in split.stdout.splitlines()] == epochs
