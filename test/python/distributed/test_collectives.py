"""The collectives on 2 and 4 processes (MPI jobs; see workers/): values against numpy, gradients
against finite differences, and no leak over many calls."""
import pytest
from mpijob import mpiexec_ok


@pytest.mark.parametrize("ranks", [2, 4])
@pytest.mark.parametrize("mode", ["graph", "pynative"])
def test_collectives_match_numpy_on_every_grid_dim_and_dtype(ranks, mode):
    out = mpiexec_ok(ranks, "collectives.py", mode)
    assert out.count(" ok ") == ranks


def test_collective_gradients_match_finite_differences():
    out = mpiexec_ok(2, "gradients.py")
    assert out.count("ok 9 gradients") == 2


def test_repeated_collectives_do_not_leak():
    out = mpiexec_ok(2, "leak.py")
    assert out.count("ok: grew") == 2
