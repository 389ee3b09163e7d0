"""Convolution layers (MindSpore's nn.Conv2d, nn.Conv1d)."""
from __future__ import annotations

import math

from mindc import ops
from mindc.common.initializer import HeUniform, Uniform, initializer
from mindc.frontend import dtype as mdt
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.nn.cell import Cell
from mindc.nn.layer._checks import (bool_arg, int_pair, nchw_only, pad_mode_arg, pad_mode_padding, padding_arg,
                                    positive_int)

__all__ = ["Conv2d", "Conv1d"]


class Conv2d(Cell):
    """Conv2d(in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0,
    dilation=1, group=1, has_bias=False, weight_init=None, bias_init=None, data_format='NCHW',
    dtype=float32): 2-d cross-correlation of an (N, C_in, H, W) input.

    weight is (out_channels, in_channels/group, kh, kw), HeUniform(sqrt(5)) by default; bias
    (out_channels,) is U(-b, b) with b = 1/sqrt(fan_in) by default. pad_mode 'same' gives
    H_out = ceil(H/stride), 'valid' pads nothing, 'pad' pads by padding (an int, (h, w), or
    (top, bottom, left, right)).
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size, stride=1, pad_mode: str = "same",
                 padding=0, dilation=1, group: int = 1, has_bias: bool = False, weight_init=None, bias_init=None,
                 data_format: str = "NCHW", dtype=mdt.float32):
        super().__init__()
        self.in_channels = positive_int(in_channels, "in_channels", "Conv2d")
        self.out_channels = positive_int(out_channels, "out_channels", "Conv2d")
        self.kernel_size = int_pair(kernel_size, "kernel_size", "Conv2d")
        self.stride = int_pair(stride, "stride", "Conv2d")
        self.dilation = int_pair(dilation, "dilation", "Conv2d")
        self.pad_mode = pad_mode_arg(pad_mode, "Conv2d")
        self.padding = padding_arg(padding, "Conv2d")
        pad_mode_padding(self.pad_mode, self.padding, "Conv2d")
        self.group = positive_int(group, "group", "Conv2d")
        if self.in_channels % self.group or self.out_channels % self.group:
            raise ValueError(f"For 'Conv2d', 'group' ({self.group}) must divide in_channels ({self.in_channels}) "
                             f"and out_channels ({self.out_channels})")
        self.has_bias = bool_arg(has_bias, "has_bias", "Conv2d")
        self.data_format = nchw_only(data_format, "Conv2d")
        shape = (self.out_channels, self.in_channels // self.group, *self.kernel_size)
        self.weight_init = HeUniform(math.sqrt(5)) if weight_init is None else weight_init
        self.weight = Parameter(initializer(self.weight_init, shape, dtype), name="weight")
        self.bias = None
        self.bias_init = bias_init
        if self.has_bias:
            fan_in = shape[1] * shape[2] * shape[3]
            self.bias_init = Uniform(1 / math.sqrt(fan_in)) if bias_init is None else bias_init
            self.bias = Parameter(initializer(self.bias_init, (self.out_channels,), dtype), name="bias")

    def construct(self, x):
        return ops.conv2d(x, self.weight, self.bias, self.stride, self.pad_mode,
                          self.padding if self.pad_mode == "pad" else 0, self.dilation, self.group)

    def extend_repr(self) -> str:
        return (f"input_channels={self.in_channels}, output_channels={self.out_channels}, "
                f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}, "
                f"padding={self.padding if len(self.padding) > 1 else self.padding[0]}, dilation={self.dilation}, "
                f"group={self.group}, has_bias={self.has_bias}, weight_init={self.weight_init}, "
                f"bias_init={self.bias_init}, format={self.data_format}")


class Conv1d(Conv2d):
    """Conv1d(in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0,
    dilation=1, group=1, has_bias=False, weight_init=None, bias_init=None, dtype=float32): 1-d
    cross-correlation of an (N, C_in, L) input, as MindSpore computes it: a Conv2d over
    (N, C_in, 1, L) with weight (out_channels, in_channels/group, 1, kernel_size); padding pads
    both ends of L."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int = 1, pad_mode: str = "same",
                 padding: int = 0, dilation: int = 1, group: int = 1, has_bias: bool = False, weight_init=None,
                 bias_init=None, dtype=mdt.float32):
        for name, value in (("kernel_size", kernel_size), ("stride", stride), ("padding", padding),
                            ("dilation", dilation)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"For 'Conv1d', '{name}' must be an int, got {type(value).__name__}")
        if isinstance(weight_init, Tensor):
            if weight_init.ndim != 3:
                raise ValueError(f"For 'Conv1d', a Tensor weight_init must be 3-d, got shape {list(weight_init.shape)}")
            weight_init = Tensor(weight_init.asnumpy()[:, :, None, :])
        super().__init__(in_channels, out_channels, (1, kernel_size), (1, stride), pad_mode, (0, 0, padding, padding),
                         (1, dilation), group, has_bias, weight_init, bias_init, dtype=dtype)

    def construct(self, x):
        if x.ndim != 3:
            raise ValueError(f"For 'Conv1d', x must be 3-d (N, C, L), got shape {list(x.shape)}")
        return ops.squeeze(super().construct(ops.expand_dims(x, 2)), 2)
