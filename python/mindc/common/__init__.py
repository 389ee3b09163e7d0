"""mindc.common: dtypes (`mindc.common.dtype`, MindSpore's mstype), initializers and the global seed."""
from mindc.common import dtype
from mindc.common import initializer as _initializer_module
from mindc.common.initializer import *  # noqa: F401,F403
from mindc.common.seed import get_seed, set_seed

__all__ = ["dtype", "set_seed", "get_seed", *_initializer_module.__all__]
