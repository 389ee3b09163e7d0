"""mindc.communication (MindSpore's mindspore.communication): ranks and groups of a job over MPI."""
from mindc.communication import management
from mindc.communication.management import *  # noqa: F401,F403

__all__ = list(management.__all__)
