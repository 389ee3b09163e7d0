"""`mindspore.common.api`: jit."""
from mindc.frontend.jit import jit

__all__ = ["jit"]
