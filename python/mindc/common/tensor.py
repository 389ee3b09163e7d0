"""`mindspore.common.tensor`: the Tensor class."""
from mindc.frontend.tensor import Tensor, tensor

__all__ = ["Tensor", "tensor"]
