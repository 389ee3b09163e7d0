"""Semi-auto parallel training (strategies on primitives, propagated and partitioned) over MPI:
the same losses and parameters as the whole program in one process, and as numpy."""
import pytest
from mpijob import mpiexec_ok


@pytest.mark.parametrize("layout, ranks", [("megatron", 2), ("mixed", 4)])
def test_semi_auto_mlp_trains_as_one_process(layout, ranks):
    out = mpiexec_ok(ranks, "semi_auto.py", layout, timeout=120)
    assert out.count(" ok ") == ranks
