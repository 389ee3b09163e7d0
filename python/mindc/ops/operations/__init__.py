"""mindc.ops.operations (MindSpore's `from mindspore.ops import operations as P`): primitive
classes. Each holds its constructor attributes and calls mindc's functional ops, so `P.Add()(x, y)`
and `ops.add(x, y)` build the same mind ops."""
from mindc.ops.operations import array_ops, math_ops, nn_ops, optim_ops, other_ops, random_ops
from mindc.ops.operations.array_ops import *  # noqa: F401,F403
from mindc.ops.operations.math_ops import *  # noqa: F401,F403
from mindc.ops.operations.nn_ops import *  # noqa: F401,F403
from mindc.ops.operations.optim_ops import *  # noqa: F401,F403
from mindc.ops.operations.other_ops import *  # noqa: F401,F403
from mindc.ops.operations.random_ops import *  # noqa: F401,F403
from mindc.ops.operations import comm_ops  # noqa: E402
from mindc.ops.operations.comm_ops import *  # noqa: F401,F403,E402
from mindc.ops.primitive import Primitive, PrimitiveWithCheck, PrimitiveWithInfer, prim_attr_register  # noqa: F401

__all__ = [*array_ops.__all__, *math_ops.__all__, *nn_ops.__all__, *optim_ops.__all__, *other_ops.__all__,
           *random_ops.__all__, *comm_ops.__all__]
