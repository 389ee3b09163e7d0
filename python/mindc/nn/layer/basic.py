"""Basic layers (MindSpore's nn.Dense, nn.Flatten, nn.Dropout)."""
from __future__ import annotations

import math
import numbers

import numpy as np

from mindc import ops
from mindc.common.initializer import HeUniform, Uniform, initializer
from mindc.common.seed import op_seed
from mindc.frontend import dtype as mdt
from mindc.frontend.parameter import Parameter
from mindc.nn.cell import Cell
from mindc.nn.layer._checks import bool_arg, int_arg, positive_int
from mindc.nn.layer.activation import get_activation
from mindc.ops import operations as P
from mindc.ops.random import dropout_with_key

__all__ = ["Dense", "Flatten", "Dropout", "Identity"]


class Dense(Cell):
    """Dense(in_channels, out_channels, weight_init=None, bias_init=None, has_bias=True,
    activation=None, dtype=float32): activation(x @ weight^T + bias) over the last axis of x.

    weight is (out_channels, in_channels), HeUniform(sqrt(5)) by default, i.e. U(-b, b) with
    b = 1/sqrt(in_channels); bias is (out_channels,), U(-b, b) by default. activation is a Cell
    or a name ('relu', 'gelu', ...).
    """

    def __init__(self, in_channels: int, out_channels: int, weight_init=None, bias_init=None, has_bias: bool = True,
                 activation=None, dtype=mdt.float32):
        super().__init__()
        self.in_channels = positive_int(in_channels, "in_channels", "Dense")
        self.out_channels = positive_int(out_channels, "out_channels", "Dense")
        self.has_bias = bool_arg(has_bias, "has_bias", "Dense")
        shape = (self.out_channels, self.in_channels)
        self.weight = Parameter(initializer(HeUniform(math.sqrt(5)) if weight_init is None else weight_init,
                                            shape, dtype), name="weight")
        self.bias = None
        if self.has_bias:
            init = Uniform(1 / math.sqrt(self.in_channels)) if bias_init is None else bias_init
            self.bias = Parameter(initializer(init, (self.out_channels,), dtype), name="bias")
        if isinstance(activation, str):
            try:
                activation = get_activation(activation)
            except KeyError as e:
                raise ValueError(f"For 'Dense', 'activation' {e.args[0]}") from None
        if activation is not None and not isinstance(activation, Cell):
            raise TypeError(f"For 'Dense', 'activation' must be a Cell or a str, got {type(activation).__name__}")
        self.activation = activation
        self.activation_flag = activation is not None
        # MindSpore's primitives, exposed so that a parallel program can shard them
        # (`net.dense.matmul.shard(((2, 1), (1, 1)))`).
        self.matmul = P.MatMul(transpose_b=True)
        self.bias_add = P.BiasAdd()

    def construct(self, x):
        if x.shape[-1] != self.in_channels:
            raise ValueError(f"For 'Dense', the last dimension of x must be in_channels={self.in_channels}, "
                             f"got shape {list(x.shape)}")
        out_shape = x.shape[:-1] + (self.out_channels,)
        if x.ndim != 2:
            x = ops.reshape(x, (-1, self.in_channels))
        x = self.matmul(x, self.weight)
        if self.has_bias:
            x = self.bias_add(x, self.bias)
        if self.activation_flag:
            x = self.activation(x)
        if len(out_shape) != 2:
            x = ops.reshape(x, out_shape)
        return x

    def extend_repr(self) -> str:
        s = f"input_channels={self.in_channels}, output_channels={self.out_channels}"
        if self.has_bias:
            s += f", has_bias={self.has_bias}"
        if self.activation_flag:
            s += f", activation={self.activation}"
        return s


class Flatten(Cell):
    """Flatten(start_dim=1, end_dim=-1): merge dimensions start_dim..end_dim into one."""

    def __init__(self, start_dim: int = 1, end_dim: int = -1):
        super().__init__()
        self.start_dim = int_arg(start_dim, "start_dim", "Flatten")
        self.end_dim = int_arg(end_dim, "end_dim", "Flatten")

    def construct(self, x):
        return ops.flatten(x, start_dim=self.start_dim, end_dim=self.end_dim)

    def extend_repr(self) -> str:
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"


class Dropout(Cell):
    """Dropout(keep_prob=None, p=None, dtype=float32): in training mode, zero each element with
    probability p and scale the others by 1/(1-p); in eval mode, the identity.

    p defaults to 0.5; keep_prob (deprecated in MindSpore 2.x) is 1 - p. Each training call draws
    a new mask: the mask is a counter-based random function of (seed, key), the seed drawn from
    the global seed sequence at construction, the key a counter this Cell increments each call.
    """

    def __init__(self, keep_prob=None, p=None, dtype=mdt.float32):
        super().__init__()
        if keep_prob is not None and p is None:
            if isinstance(keep_prob, bool) or not isinstance(keep_prob, numbers.Real):
                raise TypeError(f"For 'Dropout', 'keep_prob' must be a float, got {type(keep_prob).__name__}")
            if not 0 < keep_prob <= 1:
                raise ValueError(f"For 'Dropout', 'keep_prob' must be in (0, 1], got {keep_prob}")
            p = 1.0 - float(keep_prob)
        elif p is not None:
            if isinstance(p, bool) or not isinstance(p, numbers.Real):
                raise TypeError(f"For 'Dropout', 'p' must be a float, got {type(p).__name__}")
            if not 0 <= p < 1:
                raise ValueError(f"For 'Dropout', 'p' must be in [0, 1), got {p}")
        else:
            p = 0.5
        self.p = float(p)
        self.keep_prob = 1.0 - self.p
        self.dtype = mdt.as_dtype(dtype)
        self.seed = op_seed()
        # Not registered (object.__setattr__): the key is no model state, so no checkpoint or
        # optimizer sees it; reading and assigning it in a graph still updates it in place.
        object.__setattr__(self, "_key", Parameter(np.array(0, np.int64), name="dropout_key", requires_grad=False))

    def construct(self, x):
        if not self.training or self.p == 0:
            return x
        return dropout_with_key(x, self.p, self.seed, self._key)

    def extend_repr(self) -> str:
        return f"p={self.p}"


class Identity(Cell):
    """Returns its input unchanged."""

    def construct(self, x):
        return x
