"""Prints this worker's rank, size and arguments; rank 1 exits with status 7 given "fail"."""
import sys

from mindc.communication import get_group_size, get_local_rank, get_local_rank_size, get_rank, init

init()
print(f"rank {get_rank()} of {get_group_size()} (local {get_local_rank()} of {get_local_rank_size()}) {sys.argv[1:]}")
if sys.argv[1:] == ["fail"] and get_rank() == 1:
    sys.exit(7)
