"""Pooling layers (MindSpore's nn.MaxPool2d, nn.AvgPool2d over NCHW or CHW inputs, and
nn.MaxPool1d, nn.AvgPool1d over NCL or CL inputs, pooled as rows of height 1).

pad_mode 'valid' pads nothing; 'same' pads so that H_out = ceil(H/stride), the odd extra row or
column at the bottom/right, and (as in TensorFlow, which MindSpore follows here) an average
counts only real cells; 'pad' pads by padding (int or (h, w), or (top, bottom, left, right)
for AvgPool2d) as in PyTorch.
"""
from __future__ import annotations

from mindc import ops
from mindc.nn.cell import Cell
from mindc.nn.layer._checks import (bool_arg, int_pair, nchw_only, pad_mode_arg, pad_mode_padding, padding_arg,
                                    positive_int, same_pads)
from mindc.ops._base import float_operand, one, tensor

__all__ = ["MaxPool2d", "AvgPool2d", "MaxPool1d", "AvgPool1d"]


class _Pool2d(Cell):
    op_name = ""

    def __init__(self, kernel_size, stride, pad_mode, padding, ceil_mode, data_format):
        super().__init__()
        owner = type(self).__name__
        self.kernel_size = int_pair(kernel_size, "kernel_size", owner)
        self.stride = int_pair(stride, "stride", owner)
        self.pad_mode = pad_mode_arg(pad_mode, owner)
        self.padding = padding_arg(padding, owner)
        pad_mode_padding(self.pad_mode, self.padding, owner)
        self.ceil_mode = bool_arg(ceil_mode, "ceil_mode", owner)
        if self.ceil_mode and self.pad_mode != "pad":
            raise ValueError(f"For '{owner}', 'ceil_mode' needs 'pad_mode' 'pad', got '{self.pad_mode}'")
        self.data_format = nchw_only(data_format, owner)

    def construct(self, x):
        x = self.input(x)
        batched = x.ndim == 4
        if x.ndim == 3:
            x = ops.expand_dims(x, 0)
        elif not batched:
            raise ValueError(f"For '{type(self).__name__}', x must be 3-d (C, H, W) or 4-d (N, C, H, W), "
                             f"got shape {list(x.shape)}")
        if self.pad_mode == "pad":
            out = self.padded(x)
        else:
            pad = same_pads(x.shape[2:], self.kernel_size, self.stride) if self.pad_mode == "same" else (0, 0, 0, 0)
            out = one(self.op_name, [x], {"kernel_size": self.kernel_size, "strides": self.stride, "pad": pad,
                                          **self.extra_attrs()})
        return out if batched else ops.squeeze(out, 0)

    def extend_repr(self) -> str:
        return (f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}, "
                f"padding={self.padding if len(self.padding) > 1 else self.padding[0]}, ceil_mode={self.ceil_mode}")


class MaxPool2d(_Pool2d):
    """MaxPool2d(kernel_size=1, stride=1, pad_mode='valid', padding=0, dilation=1,
    return_indices=False, ceil_mode=False, data_format='NCHW'): the max over each window;
    padding never wins the max."""

    op_name = "mind.max_pool"

    def __init__(self, kernel_size=1, stride=1, pad_mode: str = "valid", padding=0, dilation=1,
                 return_indices: bool = False, ceil_mode: bool = False, data_format: str = "NCHW"):
        super().__init__(kernel_size, stride, pad_mode, padding, ceil_mode, data_format)
        if int_pair(dilation, "dilation", "MaxPool2d") != (1, 1):
            raise NotImplementedError("MaxPool2d with dilation != 1 is not supported")
        if bool_arg(return_indices, "return_indices", "MaxPool2d"):
            raise NotImplementedError("MaxPool2d(return_indices=True) is not supported")
        if len(self.padding) == 4:
            raise ValueError(f"For 'MaxPool2d', 'padding' must be an int or a tuple of 2 ints, got {padding!r}")

    def input(self, x):
        return tensor(x)

    def extra_attrs(self) -> dict:
        return {}

    def padded(self, x):
        return ops.max_pool2d(x, self.kernel_size, self.stride, self.padding[0] if len(self.padding) == 1
                              else self.padding, ceil_mode=self.ceil_mode)


class AvgPool2d(_Pool2d):
    """AvgPool2d(kernel_size=1, stride=1, pad_mode='valid', padding=0, ceil_mode=False,
    count_include_pad=True, divisor_override=None, data_format='NCHW'): the mean over each
    window. count_include_pad and divisor_override apply to pad_mode 'pad'."""

    op_name = "mind.avg_pool"

    def __init__(self, kernel_size=1, stride=1, pad_mode: str = "valid", padding=0, ceil_mode: bool = False,
                 count_include_pad: bool = True, divisor_override=None, data_format: str = "NCHW"):
        super().__init__(kernel_size, stride, pad_mode, padding, ceil_mode, data_format)
        self.count_include_pad = bool_arg(count_include_pad, "count_include_pad", "AvgPool2d")
        self.divisor_override = None if divisor_override is None else \
            positive_int(divisor_override, "divisor_override", "AvgPool2d")

    def input(self, x):
        return float_operand(x)

    def extra_attrs(self) -> dict:
        # 'same' averages over the real cells only; 'valid' has no padding to count.
        return {"count_include_pad": False}

    def padded(self, x):
        return ops.avg_pool2d(x, self.kernel_size, self.stride, self.padding, self.ceil_mode, self.count_include_pad,
                              self.divisor_override or 0)


def _one_d(value, name: str, owner: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"For '{owner}', '{name}' must be an int, got {type(value).__name__}")
    return value


class _Rows:
    """A 1-d pool as its 2-d pool over (N, C, 1, L)."""

    def construct(self, x):
        if x.ndim not in (2, 3):
            raise ValueError(f"For '{type(self).__name__}', x must be 2-d (C, L) or 3-d (N, C, L), "
                             f"got shape {list(x.shape)}")
        return ops.squeeze(super().construct(ops.expand_dims(x, -2)), -2)


class MaxPool1d(_Rows, MaxPool2d):
    """MaxPool1d(kernel_size=1, stride=1, pad_mode='valid', padding=0, dilation=1,
    return_indices=False, ceil_mode=False): the max over each window of the last axis."""

    def __init__(self, kernel_size=1, stride=1, pad_mode: str = "valid", padding=0, dilation=1,
                 return_indices: bool = False, ceil_mode: bool = False):
        k, st, p = (_one_d(v, n, "MaxPool1d") for v, n in ((kernel_size, "kernel_size"), (stride, "stride"),
                                                          (padding, "padding")))
        super().__init__((1, k), (1, st), pad_mode, (0, p), dilation, return_indices, ceil_mode)


class AvgPool1d(_Rows, AvgPool2d):
    """AvgPool1d(kernel_size=1, stride=1, pad_mode='valid', padding=0, ceil_mode=False,
    count_include_pad=True): the mean over each window of the last axis."""

    def __init__(self, kernel_size=1, stride=1, pad_mode: str = "valid", padding=0, ceil_mode: bool = False,
                 count_include_pad: bool = True):
        k, st, p = (_one_d(v, n, "AvgPool1d") for v, n in ((kernel_size, "kernel_size"), (stride, "stride"),
                                                          (padding, "padding")))
        super().__init__((1, k), (1, st), pad_mode, (0, 0, p, p), ceil_mode, count_include_pad)
