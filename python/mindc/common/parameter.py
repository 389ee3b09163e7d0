"""`mindspore.common.parameter`: Parameter, ParameterTuple, and _Buffer (a Tensor a Cell keeps
as state without training it)."""
from __future__ import annotations

from mindc.frontend.parameter import Parameter, ParameterTuple
from mindc.frontend.tensor import Tensor

__all__ = ["Parameter", "ParameterTuple"]


class _BufferMeta(type):
    # Buffers are plain Tensors carrying a flag, as in MindSpore: isinstance(t, _Buffer) reads it.
    def __instancecheck__(cls, instance) -> bool:
        return isinstance(instance, Tensor) and getattr(instance, "_is_buffer", False)


class _Buffer(metaclass=_BufferMeta):
    """_Buffer(data, *, persistent=True): a copy of the Tensor data, marked as a buffer: set as a
    Cell attribute it is registered in the Cell's buffers (in state_dict when persistent)."""

    def __new__(cls, data, *, persistent: bool = True):
        if data is None:
            raise ValueError("For create Buffer, input data should not be None")
        if not isinstance(data, Tensor):
            raise TypeError("For create Buffer, type of input data should be Tensor")
        buffer = Tensor(data.asnumpy().copy())
        buffer._is_buffer, buffer.persistent = True, persistent
        return buffer
