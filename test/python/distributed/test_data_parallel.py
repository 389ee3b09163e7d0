"""Data-parallel training (DATA_PARALLEL, gradients_mean, TrainOneStepCell) on 2 and 4 processes
gives the losses and parameters of one process on the whole batch (workers/data_parallel.py;
float32, rtol 1e-5, atol 1e-6)."""
import pytest
from mpijob import mpiexec_ok


@pytest.mark.parametrize("ranks,network,mode", [(2, "mlp", "graph"), (4, "mlp", "graph"), (2, "mlp", "pynative"),
                                                (2, "lenet", "graph"), (4, "lenet", "graph"), (2, "transformer", "graph")])
def test_data_parallel_training_matches_one_process(ranks, network, mode):
    out = mpiexec_ok(ranks, "data_parallel.py", network, mode)
    assert out.count(f"ok {network} {mode}") == ranks
