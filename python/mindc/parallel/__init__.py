"""mindc.parallel (MindSpore's mindspore.parallel): spreading a program over the processes of a job."""
from mindc.parallel._auto_parallel_context import (ParallelMode, get_auto_parallel_context,  # noqa: F401
                                                   reset_auto_parallel_context, set_auto_parallel_context)

__all__ = ["ParallelMode", "set_auto_parallel_context", "get_auto_parallel_context", "reset_auto_parallel_context"]
