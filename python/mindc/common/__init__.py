"""mindc.common: dtypes (`mindc.common.dtype`, MindSpore's mstype), initializers, the global seed,
and the Tensor and Parameter classes (`from mindspore.common import Tensor, Parameter`)."""
from mindc.common import dtype
from mindc.common.mutable import mutable
from mindc.common.parameter import Parameter, ParameterTuple
from mindc.common.tensor import Tensor
from mindc.common import initializer as _initializer_module
from mindc.common.initializer import *  # noqa: F401,F403
from mindc.common.seed import get_seed, set_seed

__all__ = ["dtype", "set_seed", "get_seed", "Tensor", "Parameter", "ParameterTuple", "mutable",
           *_initializer_module.__all__]
