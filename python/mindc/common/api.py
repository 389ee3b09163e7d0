"""`mindspore.common.api`: jit, and `_pynative_executor`, which MindSpore's tests call to wait for
queued eager ops (`_pynative_executor.sync()`)."""
from mindc.frontend.jit import jit

__all__ = ["jit"]


class _PyNativeExecutor:
    """The PyNative executor's public face. mindc runs each eager op to completion before it
    returns, so there is never queued work to wait for."""

    def sync(self) -> None:
        """Wait for queued eager ops: none are ever queued."""


_pynative_executor = _PyNativeExecutor()
