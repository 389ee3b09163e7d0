"""MindSpore's communication management (`mindspore.communication`): the processes of a job.

mindc's backend is MPI: a job is `mpiexec -n N` (or `mindc-run --worker_num=N`), one process per
device, and a process's rank is its MPI rank. Only the world group exists (MindSpore's default
group names all mean it). Collectives work before init(), as MPI is initialized on first use;
init() checks the backend name and marks the job initialized.
"""
from __future__ import annotations

import functools

__all__ = ["GlobalComm", "init", "release", "get_rank", "get_group_size", "get_local_rank", "get_local_rank_size",
           "get_world_rank_from_group_rank", "get_group_rank_from_world_rank", "HCCL_WORLD_COMM_GROUP",
           "NCCL_WORLD_COMM_GROUP", "MCCL_WORLD_COMM_GROUP"]

HCCL_WORLD_COMM_GROUP = "hccl_world_group"
NCCL_WORLD_COMM_GROUP = "nccl_world_group"
MCCL_WORLD_COMM_GROUP = "mccl_world_group"
WORLD_GROUPS = (HCCL_WORLD_COMM_GROUP, NCCL_WORLD_COMM_GROUP, MCCL_WORLD_COMM_GROUP)

# Backend names MindSpore accepts; every one runs on MPI here.
BACKENDS = ("hccl", "nccl", "mccl", "mpi")


class GlobalComm:
    """The job's communication state, as MindSpore keeps it."""

    BACKEND = "mpi"
    WORLD_COMM_GROUP = HCCL_WORLD_COMM_GROUP
    INITED = False
    CHECK_ENVS = True


def init(backend_name: str | None = None) -> None:
    """Initialize communication (MPI) for this process; backend_name None picks the default."""
    if backend_name is not None and (not isinstance(backend_name, str) or backend_name.lower() not in BACKENDS):
        raise ValueError(f"For 'init', the backend_name must be one of {', '.join(BACKENDS)} or None, "
                         f"got {backend_name!r}")
    from mindc.runtime import mpi

    mpi.initialize()
    if backend_name is not None:
        GlobalComm.BACKEND = backend_name.lower()
        if backend_name.lower() == "nccl":
            GlobalComm.WORLD_COMM_GROUP = NCCL_WORLD_COMM_GROUP
        elif backend_name.lower() == "mccl":
            GlobalComm.WORLD_COMM_GROUP = MCCL_WORLD_COMM_GROUP
    GlobalComm.INITED = True


def release() -> None:
    """Mark communication released; MPI itself is finalized when the process exits (mpi4py)."""
    GlobalComm.INITED = False


def check_group(group: str) -> None:
    """ValueError unless group names the world group (the only one mindc has)."""
    if not isinstance(group, str):
        raise TypeError(f"the communication group must be a str, got {type(group).__name__}")
    if group not in WORLD_GROUPS:
        raise ValueError(f"communication group '{group}' does not exist: mindc has the world group only "
                         f"({', '.join(WORLD_GROUPS)})")


def get_rank(group: str = GlobalComm.WORLD_COMM_GROUP) -> int:
    """This process's rank in group."""
    from mindc.runtime import mpi

    check_group(group)
    return mpi.world()[0]


def get_group_size(group: str = GlobalComm.WORLD_COMM_GROUP) -> int:
    """The number of processes in group."""
    from mindc.runtime import mpi

    check_group(group)
    return mpi.world()[1]


@functools.cache
def _node() -> tuple[int, int]:
    # The processes sharing this host: MPI's shared-memory split of the world.
    from mindc.runtime import mpi

    MPI = mpi.initialize()
    local = MPI.COMM_WORLD.Split_type(MPI.COMM_TYPE_SHARED)
    return local.Get_rank(), local.Get_size()


def get_local_rank(group: str = GlobalComm.WORLD_COMM_GROUP) -> int:
    """This process's rank among the processes of group on its host."""
    check_group(group)
    return _node()[0]


def get_local_rank_size(group: str = GlobalComm.WORLD_COMM_GROUP) -> int:
    """The number of processes of group on this host."""
    check_group(group)
    return _node()[1]


def get_world_rank_from_group_rank(group: str, group_rank_id: int) -> int:
    check_group(group)
    return group_rank_id


def get_group_rank_from_world_rank(world_rank_id: int, group: str) -> int:
    check_group(group)
    return world_rank_id
