"""Neural-network ops (MindSpore's ops.nn_func): activations, softmax, convolution and pooling.
Padding arguments are resolved here to the ops' explicit [top, bottom, left, right] form."""
from __future__ import annotations

import math as pymath

from mindc.frontend import dtype as mdt
from mindc.frontend.tensor import Tensor
from mindc.ops._base import axis_of, cast_to, fail, float_operand, ints, one, operands, tensor
from mindc.ops.math import abs, add, div, exp, expm1, greater, log1p, maximum, minimum, mul, neg, select, tanh

__all__ = ["relu", "gelu", "sigmoid", "softmax", "log_softmax", "conv2d", "max_pool2d", "avg_pool2d", "relu6", "elu",
           "leaky_relu", "softplus", "bias_add", "hardsigmoid", "hardswish", "selu", "softsign", "mish", "celu"]


def relu(input) -> Tensor:
    return one("mind.relu", [tensor(input)])


def gelu(input, approximate: str = "none") -> Tensor:
    """GeLU, the erf form (approximate="none") or the tanh approximation ("tanh")."""
    return one("mind.gelu", [float_operand(input)], {"approximate": approximate})


def sigmoid(input) -> Tensor:
    return one("mind.sigmoid", [float_operand(input)])


def softmax(input, axis: int = -1, *, dtype=None) -> Tensor:
    x = float_operand(input)
    if dtype is not None:
        x = cast_to(x, mdt.as_dtype(dtype))
    return one("mind.softmax", [x], {"axis": axis_of(axis, x.ndim, "mind.softmax")})


def log_softmax(logits, axis: int = -1) -> Tensor:
    x = float_operand(logits)
    return one("mind.log_softmax", [x], {"axis": axis_of(axis, x.ndim, "mind.log_softmax")})


def relu6(x) -> Tensor:
    """min(max(x, 0), 6)."""
    return minimum(relu(x), 6)


def elu(input_x, alpha: float = 1.0) -> Tensor:
    """x where x > 0, else alpha * (exp(x) - 1)."""
    x = float_operand(input_x)
    # expm1 of min(x, 0): the unselected branch must stay finite, or its zero gradient is 0 * inf.
    return select(greater(x, 0), x, mul(expm1(minimum(x, 0)), float(alpha)))


def leaky_relu(input, alpha: float = 0.2) -> Tensor:
    """x where x > 0, else alpha * x."""
    x = float_operand(input)
    return select(greater(x, 0), x, mul(x, float(alpha)))


def softplus(input, beta: float = 1, threshold: float = 20) -> Tensor:
    """log(1 + exp(beta * x)) / beta, and x itself where beta * x > threshold."""
    x = float_operand(input)
    z = mul(x, float(beta))
    # max(z, 0) + log1p(exp(-|z|)) is log(1 + exp(z)) without overflow.
    smooth = mul(add(maximum(z, 0), log1p(exp(neg(abs(z))))), 1.0 / beta)
    return select(greater(z, float(threshold)), x, smooth)


def bias_add(input_x, bias) -> Tensor:
    """input_x plus a 1-d bias along dimension 1 (the channels of NC... data)."""
    from mindc.ops.array import reshape

    x, b = operands(input_x, bias)
    if x.ndim < 2 or b.ndim != 1 or b.shape[0] != x.shape[1]:
        fail("mind.add", f"bias_add needs x of rank >= 2 and a 1-d bias of size x.shape[1], found x "
                         f"{list(x.shape)} and bias {list(b.shape)}")
    return add(x, reshape(b, (1, -1) + (1,) * (x.ndim - 2)))


def hardsigmoid(input) -> Tensor:
    """relu6(x + 3) / 6."""
    return div(relu6(add(float_operand(input), 3.0)), 6.0)


def hardswish(x) -> Tensor:
    """x * relu6(x + 3) / 6."""
    x = float_operand(x)
    return mul(x, hardsigmoid(x))


# SeLU's constants (Klambauer et al. 2017), as MindSpore spells them.
SELU_ALPHA, SELU_SCALE = 1.67326324235437728481, 1.05070098735548049342


def selu(input_x) -> Tensor:
    """scale * elu(x, alpha) with SeLU's fixed alpha and scale."""
    return mul(elu(input_x, SELU_ALPHA), SELU_SCALE)


def softsign(x) -> Tensor:
    """x / (1 + |x|)."""
    x = float_operand(x)
    return div(x, add(abs(x), 1.0))


def mish(x) -> Tensor:
    """x * tanh(softplus(x))."""
    x = float_operand(x)
    return mul(x, tanh(softplus(x)))


def celu(x, alpha: float = 1.0) -> Tensor:
    """max(0, x) + min(0, alpha * (exp(x / alpha) - 1))."""
    if float(alpha) == 0:
        raise ValueError("celu: 'alpha' must not be 0")
    x = float_operand(x)
    return select(greater(x, 0), x, mul(expm1(div(minimum(x, 0), float(alpha))), float(alpha)))


def _pair(value, what: str) -> tuple[int, int]:
    v = ints(value, what)
    if len(v) == 1:
        return (v[0], v[0])
    if len(v) != 2:
        raise ValueError(f"{what} must be an int or a tuple of 2 ints, got {value!r}")
    return v


def _pads(value, what: str) -> tuple[int, int, int, int]:
    """int -> all four sides; (h, w) -> top/bottom h, left/right w; (top, bottom, left, right)."""
    v = ints(value, what)
    if len(v) == 1:
        return v * 4
    if len(v) == 2:
        return (v[0], v[0], v[1], v[1])
    if len(v) != 4:
        raise ValueError(f"{what} must be an int or a tuple of 2 or 4 ints, got {value!r}")
    return v


def _nchw(x: Tensor, op_name: str) -> None:
    if x.ndim != 4:
        fail(op_name, f"input must be 4-d (N, C, H, W), found shape {list(x.shape)}")


def conv2d(input, weight, bias=None, stride=1, pad_mode: str = "valid", padding=0, dilation=1, groups: int = 1) -> Tensor:
    """2-d cross-correlation of an NCHW input with a (C_out, C_in/groups, kh, kw) weight.

    pad_mode "valid" pads nothing, "same" pads so that H_out = ceil(H / stride) (an odd total
    goes to the bottom/right), "pad" takes `padding` (int, (h, w) or (top, bottom, left, right)).
    """
    x, w = operands(input, weight)
    _nchw(x, "mind.conv2d")
    stride, dilation = _pair(stride, "stride"), _pair(dilation, "dilation")
    mode = pad_mode.lower()
    if mode != "pad" and ints(padding, "padding") not in ((0,), (0, 0), (0, 0, 0, 0)):
        raise ValueError(f"padding must be 0 when pad_mode is '{pad_mode}', got {padding!r}")
    if mode == "valid":
        pad = (0, 0, 0, 0)
    elif mode == "same":
        if w.ndim != 4:
            fail("mind.conv2d", f"weight must be 4-d, found shape {list(w.shape)}")
        pad = same_pads(x.shape[2:], w.shape[2:], stride, dilation)
    elif mode == "pad":
        pad = _pads(padding, "padding")
    else:
        raise ValueError(f"pad_mode must be 'same', 'valid' or 'pad', got {pad_mode!r}")
    out = one("mind.conv2d", [x, w], {"stride": stride, "pad": pad, "dilation": dilation, "group": int(groups)})
    if bias is not None:
        from mindc.ops.array import reshape

        out = add(out, reshape(tensor(bias), (1, -1, 1, 1)))
    return out


def same_pads(size, kernel, stride, dilation) -> tuple[int, int, int, int]:
    """(top, bottom, left, right) padding that makes H_out = ceil(H / stride); an odd total puts
    the extra row/column at the bottom/right."""
    pads = []
    for n, k, s, d in zip(size, kernel, stride, dilation):
        total = max(0, (-(-n // s) - 1) * s + d * (k - 1) + 1 - n)
        pads += [total // 2, total - total // 2]
    return tuple(pads)


def _ceil_extra(size, kernel, stride, pad) -> tuple[int, int]:
    """Extra bottom/right padding that makes floor division give ceil_mode's output size.
    As in PyTorch, a last window starting in the bottom/right padding is dropped."""
    extra = []
    for n, k, s, (lo, hi) in zip(size, kernel, stride, (pad[:2], pad[2:])):
        span = n + lo + hi - k
        out = -(-span // s) + 1
        if (out - 1) * s >= n + lo:
            out -= 1
        extra.append(max(0, (out - 1) * s + k - (n + lo + hi)))
    return tuple(extra)


def max_pool2d(x, kernel_size, stride=None, padding=0, dilation=1, return_indices: bool = False,
               ceil_mode: bool = False) -> Tensor:
    """Max over kh x kw windows of an NCHW input; stride defaults to kernel_size, padding is
    symmetric (int or (h, w)) and never wins the max."""
    x = tensor(x)
    _nchw(x, "mind.max_pool")
    kernel = _pair(kernel_size, "kernel_size")
    strides = kernel if stride is None else _pair(stride, "stride")
    ph, pw = _pair(padding, "padding")
    if _pair(dilation, "dilation") != (1, 1):
        raise NotImplementedError("max_pool2d with dilation is not supported yet")
    if return_indices:
        raise NotImplementedError("max_pool2d(return_indices=True) is not supported yet")
    pad = (ph, ph, pw, pw)
    if ceil_mode:
        eh, ew = _ceil_extra(x.shape[2:], kernel, strides, pad)
        pad = (ph, ph + eh, pw, pw + ew)
    return one("mind.max_pool", [x], {"kernel_size": kernel, "strides": strides, "pad": pad})


def avg_pool2d(input_x, kernel_size=1, stride=1, padding=0, ceil_mode: bool = False,
               count_include_pad: bool = True, divisor_override: int = 0) -> Tensor:
    """Mean over kh x kw windows of an NCHW input; padding is an int or (top, bottom, left, right);
    divisor_override (nonzero) divides window sums by itself instead of the window size."""
    x = float_operand(input_x)
    _nchw(x, "mind.avg_pool")
    kernel = _pair(kernel_size, "kernel_size")
    strides = _pair(stride, "stride")
    pad = _pads(padding, "padding")
    if ceil_mode:
        raise NotImplementedError("avg_pool2d(ceil_mode=True) is not supported yet")
    include = bool(count_include_pad) or bool(divisor_override)
    out = one("mind.avg_pool", [x], {"kernel_size": kernel, "strides": strides, "pad": pad, "count_include_pad": include})
    if divisor_override:
        # Counting the padding, the mean is the window sum over kh*kw: rescale to sum/divisor.
        out = mul(out, pymath.prod(kernel) / divisor_override)
    return out
