"""One rule object per mind op; importing this package registers them all."""
from mindc.rules import (derivative, elementwise, indexing, matmul, nn, nn_grad, random, reduce, shape,  # noqa: F401
                         shape_grad)
