"""One rule object per mind op; importing this package registers them all."""
from mindc.rules import (derivative, elementwise, indexing, matmul, nn, nn_grad, random, reduce, shape,  # noqa: F401
                         shape_grad)
from mindc.rules import collective  # noqa: F401,E402
