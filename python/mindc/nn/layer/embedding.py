"""Embedding layer (MindSpore's nn.Embedding)."""
from __future__ import annotations

import numbers

from mindc import ops
from mindc.common.initializer import initializer
from mindc.frontend import dtype as mdt
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.nn.cell import Cell
from mindc.nn.layer._checks import bool_arg, positive_int

__all__ = ["Embedding"]


class Embedding(Cell):
    """Embedding(vocab_size, embedding_size, use_one_hot=False, embedding_table='normal',
    dtype=int32, padding_idx=None): rows of embedding_table (vocab_size, embedding_size) at
    the ids of x (of dtype `dtype`); out.shape = x.shape + (embedding_size,).

    The table is initialized by embedding_table ('normal' is N(0, 0.01^2)); the row
    padding_idx, if given, starts at zero. use_one_hot computes one_hot(x) @ table instead of a
    gather (the same values; its gradient is a matmul rather than a scatter-add).
    """

    def __init__(self, vocab_size: int, embedding_size: int, use_one_hot: bool = False, embedding_table="normal",
                 dtype=mdt.int32, padding_idx=None):
        super().__init__()
        self.vocab_size = positive_int(vocab_size, "vocab_size", "Embedding")
        self.embedding_size = positive_int(embedding_size, "embedding_size", "Embedding")
        self.use_one_hot = bool_arg(use_one_hot, "use_one_hot", "Embedding")
        self.dtype = mdt.as_dtype(dtype)
        if self.dtype not in (mdt.int32, mdt.int64):
            raise TypeError(f"For 'Embedding', 'dtype' must be int32 or int64, got {self.dtype}")
        if padding_idx is not None:
            if isinstance(padding_idx, bool) or not isinstance(padding_idx, numbers.Integral):
                raise TypeError(f"For 'Embedding', 'padding_idx' must be an int or None, "
                                f"got {type(padding_idx).__name__}")
            if not 0 <= padding_idx < self.vocab_size:
                raise ValueError(f"For 'Embedding', 'padding_idx' must be in [0, {self.vocab_size}), got {padding_idx}")
        self.padding_idx = padding_idx
        table = initializer(embedding_table, (self.vocab_size, self.embedding_size)).asnumpy()
        if padding_idx is not None:
            table[padding_idx] = 0
        self.init_tensor = embedding_table
        self.embedding_table = Parameter(table, name="embedding_table")

    def construct(self, ids):
        if ids.dtype != self.dtype:
            raise TypeError(f"For 'Embedding', the ids must have dtype {self.dtype}, got {ids.dtype}")
        flat = ops.reshape(ids, (-1,))
        table = self.embedding_table
        if self.use_one_hot:
            on, off = Tensor(1, table.dtype), Tensor(0, table.dtype)
            rows = ops.matmul(ops.one_hot(flat, self.vocab_size, on, off), table)
        else:
            rows = ops.gather(table, flat, 0)
        return ops.reshape(rows, ids.shape + (self.embedding_size,))

    def extend_repr(self) -> str:
        return (f"vocab_size={self.vocab_size}, embedding_size={self.embedding_size}, use_one_hot={self.use_one_hot}, "
                f"embedding_table={self.embedding_table}, dtype={self.dtype}, padding_idx={self.padding_idx}")
