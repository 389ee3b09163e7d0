"""One rule object per mind op; importing this package registers them all."""
from mindc.rules import derivative, elementwise, matmul, nn, nn_grad, random, reduce, shape, shape_grad  # noqa: F401
