"""`mindspore.mutable`: mark a value as a variable input of graphs rather than a constant."""
from __future__ import annotations

import numbers

from mindc.frontend.tensor import Tensor

__all__ = ["mutable"]


def mutable(input_data, dynamic_len: bool = False):
    """input_data as a variable graph input: Tensors as they are (mindc passes every tensor to a
    compiled graph as an argument, never as a constant), numbers as 0-d Tensors (so graphs take
    them as arguments and gradients reach them), tuples, lists and dicts element by element."""
    if dynamic_len:
        if not isinstance(input_data, (tuple, list)):
            raise TypeError(f"For 'mutable', when 'dynamic_len' is True, the input must be a tuple or list, "
                            f"got {type(input_data).__name__}")
        raise ValueError("For 'mutable', sequences of dynamic length (dynamic_len=True) are not supported")
    if isinstance(input_data, Tensor):
        return input_data
    if isinstance(input_data, numbers.Number) and not isinstance(input_data, bool):
        return Tensor(input_data)
    if isinstance(input_data, (tuple, list)):
        return type(input_data)(mutable(x) for x in input_data)
    if isinstance(input_data, dict):
        return {k: mutable(v) for k, v in input_data.items()}
    raise TypeError(f"For 'mutable', the input should be a Tensor, a number or a tuple, list or dict of them, "
                    f"got {type(input_data).__name__}")
