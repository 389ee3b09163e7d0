"""One rule object per mind op; importing this package registers them all."""
from mindc.rules import derivative, elementwise, matmul, nn, reduce, shape  # noqa: F401
