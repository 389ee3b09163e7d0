"""MPI in this process, for compiled modules with collectives (lowering/mpi.py).

mpi4py initializes MPI when imported (MPI_Init_thread) and finalizes it at exit; generated code
then calls the same libmpi, which the ExecutionEngine is given as a shared library: the file
mpi4py loaded, so both share one MPI state. Outside `mpiexec` the world has one process.

A multi-process job must not hang when one process fails: an uncaught exception on any rank prints
its traceback and aborts the whole job (MPI_Abort), which ends every other rank, including those
waiting in a collective. A rank that dies outright is seen by mpiexec, which ends the job.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path


class MpiError(RuntimeError):
    """A compiled module does not fit the MPI world it runs in."""


@functools.cache
def initialize():
    """The mpi4py MPI module, MPI initialized; installs the abort-on-uncaught-exception hook."""
    from mpi4py import MPI

    if MPI.COMM_WORLD.Get_size() > 1:
        sys.excepthook = functools.partial(_abort_job, sys.excepthook)
    return MPI


def _abort_job(previous, kind, value, tb) -> None:
    # The traceback first, flushed: MPI_Abort ends this process before Python would print it.
    previous(kind, value, tb)
    sys.stderr.flush()
    sys.stdout.flush()
    MPI = initialize()
    print(f"mindc: rank {MPI.COMM_WORLD.Get_rank()} raised {kind.__name__}; aborting the job", file=sys.stderr,
          flush=True)
    MPI.COMM_WORLD.Abort(1)


def world() -> tuple[int, int]:
    """(rank, size) of this process in COMM_WORLD."""
    comm = initialize().COMM_WORLD
    return comm.Get_rank(), comm.Get_size()


@functools.cache
def library() -> str:
    """The path of the libmpi mpi4py loaded (mpich's wheel: <prefix>/lib/libmpi.so.12, not the
    libmpi.so beside it, which is a linker script)."""
    initialize()
    for line in Path("/proc/self/maps").read_text().splitlines():
        path = line.split()[-1]
        if Path(path).name.startswith("libmpi.so"):
            return path
    fallback = Path(sys.prefix) / "lib" / "libmpi.so.12"
    if fallback.exists():
        return str(fallback)
    raise MpiError("libmpi.so.12 not found: install the 'mpich' and 'mpi4py' packages")


def check_world(grid_sizes: list[int]) -> None:
    """MpiError unless every device grid a module was compiled for has one device per process."""
    rank, size = world()
    for devices in grid_sizes:
        if devices != size:
            raise MpiError(f"the module's collectives run on a grid of {devices} devices, but this job has "
                           f"{size} process{'es' if size > 1 else ''}: run it under `mpiexec -n {devices}` "
                           f"(or mindc-run --worker_num={devices})")
