"""The distributed API in one process (a world of one, no mpiexec): ranks, the auto-parallel
context, collectives over a group of one, and the errors of bad arguments."""
import numpy as np
import pytest

import mindc
from mindc import Tensor, nn, ops
from mindc.communication import GlobalComm, get_group_size, get_local_rank, get_rank, init, release
from mindc.ops._base import one
from mindc.runtime.mpi import MpiError


@pytest.fixture(autouse=True)
def stand_alone():
    mindc.reset_auto_parallel_context()
    yield
    mindc.reset_auto_parallel_context()


def test_one_process_is_rank_zero_of_one():
    init()
    assert GlobalComm.INITED
    assert (get_rank(), get_group_size(), get_local_rank()) == (0, 1, 0)
    release()
    assert not GlobalComm.INITED


def test_unknown_group_and_backend_are_rejected():
    with pytest.raises(ValueError, match="communication group 'my_group' does not exist"):
        get_rank("my_group")
    with pytest.raises(ValueError, match="backend_name must be one of hccl, nccl, mccl, mpi"):
        init("gloo")


def test_collectives_over_one_process_are_the_identity():
    x = np.random.default_rng(0).standard_normal((2, 3)).astype(np.float32)
    for result in (ops.AllReduce()(Tensor(x)), ops.AllReduce(ops.ReduceOp.MAX)(Tensor(x)), ops.AllGather()(Tensor(x)),
                   ops.ReduceScatter()(Tensor(x)), ops.AlltoAll(1, 0, 1)(Tensor(x)), ops.Broadcast(0)((Tensor(x),))[0]):
        np.testing.assert_array_equal(result.asnumpy(), x)


def test_alltoall_split_count_must_be_the_group_size():
    with pytest.raises(mindc.OpError, match="split_count 2 must equal the group size 1"):
        ops.AlltoAll(2, 0, 0)(Tensor(np.ones((2, 2), np.float32)))


def test_module_for_more_devices_than_the_job_is_refused():
    x = Tensor(np.ones(4, np.float32))
    with pytest.raises(MpiError, match="grid of 2 devices, but this job has 1 process: run it under `mpiexec -n 2`"):
        one("mind.all_reduce", [x], {"reduce": "sum", "grid": (2,), "axes": (0,)})


def test_auto_parallel_context_keeps_every_mindspore_key():
    mindc.set_auto_parallel_context(parallel_mode=mindc.ParallelMode.DATA_PARALLEL, gradients_mean=True,
                                    device_num=1, enable_parallel_optimizer=False, comm_fusion={"allreduce": {}})
    assert mindc.get_auto_parallel_context("parallel_mode") == "data_parallel"
    assert mindc.context.get_auto_parallel_context("gradients_mean") is True
    assert mindc.get_auto_parallel_context("comm_fusion") == {"allreduce": {}}
    mindc.context.reset_auto_parallel_context()
    assert mindc.get_auto_parallel_context("parallel_mode") == mindc.context.ParallelMode.STAND_ALONE


@pytest.mark.parametrize("kwargs,error,message", [
    ({"paralel_mode": "data_parallel"}, ValueError, "'paralel_mode' is not recognized"),
    ({"parallel_mode": "model_parallel"}, ValueError, "'parallel_mode' only supports"),
    ({"gradients_mean": 1}, TypeError, "'gradients_mean' must be bool, but got int"),
    ({"device_num": 0}, ValueError, "'device_num' must be in \\[1, 4096\\]"),
])
def test_auto_parallel_context_rejects_bad_settings(kwargs, error, message):
    with pytest.raises(error, match=message):
        mindc.set_auto_parallel_context(**kwargs)


def test_grad_reducer_checks_degree():
    with pytest.raises(ValueError, match="'degree' in DistributedGradReducer should large than 0 and be int"):
        nn.DistributedGradReducer([], degree=0)


def test_train_step_reduces_gradients_only_in_data_parallel_modes():
    net = nn.Dense(3, 2)
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
    assert not nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt).reducer_flag
    mindc.set_auto_parallel_context(parallel_mode=mindc.ParallelMode.HYBRID_PARALLEL, gradients_mean=True)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
    assert step.reducer_flag and step.grad_reducer.mean and step.grad_reducer.degree == 1
