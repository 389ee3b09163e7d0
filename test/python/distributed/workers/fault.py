"""A job where one rank fails while the others wait in a collective: argv[1] "raise" (an uncaught
exception) or "exit" (the process ends with status 3 without a word to MPI) or "kill" (SIGKILL). Rank 0 waits in an
all-reduce that rank 1 never joins; the job must end, not hang."""
import os
import signal
import sys

import numpy as np

from mindc import Tensor, ops
from mindc.communication import get_rank, init

init()
x = Tensor(np.ones(4, np.float32))
ops.AllReduce()(x)  # compiled and run once on every rank: both are in the job
if get_rank() == 1:
    if sys.argv[1] == "raise":
        raise ValueError("rank 1 failed on purpose")
    if sys.argv[1] == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(3)
ops.AllReduce()(x)
print("rank 0 finished a collective rank 1 never joined")
