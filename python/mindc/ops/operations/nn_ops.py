"""MindSpore's neural-network primitives (mindspore.ops.operations.nn_ops): activations, softmax,
convolution, pooling, normalization, losses and dropout."""
from __future__ import annotations

from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.ops import array, loss, math, nn, state
from mindc.ops._base import cast_to, fail, float_operand, one, operands, tensor
from mindc.ops.operations._define import define
from mindc.ops.operations.random_ops import RandomPrimitive
from mindc.ops.primitive import (Primitive, check_bool, check_float, check_int, check_ints, check_str,
                                 prim_attr_register)

__all__ = [
    "ReLU", "ReLU6", "Sigmoid", "Softplus", "GeLU", "Elu", "Softmax", "LogSoftmax", "BiasAdd", "Conv2D", "MaxPool",
    "AvgPool", "LayerNorm", "BatchNorm", "SoftmaxCrossEntropyWithLogits", "SparseSoftmaxCrossEntropyWithLogits",
    "Dropout", "Gelu", "HSigmoid", "HSwish", "SeLU", "Softsign", "Mish", "CeLU", "L2Loss",
    "L2Normalize", "SigmoidCrossEntropyWithLogits", "BCEWithLogitsLoss", "SmoothL1Loss", "Conv2DBackpropInput",
    "Conv2DTranspose",
]

ReLU = define("ReLU", nn.relu, __name__)
ReLU6 = define("ReLU6", nn.relu6, __name__)
Sigmoid = define("Sigmoid", nn.sigmoid, __name__)
Softplus = define("Softplus", nn.softplus, __name__)
HSigmoid = define("HSigmoid", nn.hardsigmoid, __name__)
HSwish = define("HSwish", nn.hardswish, __name__)
SeLU = define("SeLU", nn.selu, __name__)
Softsign = define("Softsign", nn.softsign, __name__)
Mish = define("Mish", nn.mish, __name__)


class GeLU(Primitive):
    """GeLU()(x), which MindSpore computes with the tanh approximation (its documented outputs)."""

    @prim_attr_register
    def __init__(self):
        pass

    def __call__(self, x):
        return nn.gelu(x, approximate="tanh")


class Gelu(GeLU):
    """MindSpore 1.x's name of GeLU."""


class CeLU(Primitive):
    """CeLU(alpha=1.0)(x)."""

    @prim_attr_register
    def __init__(self, alpha: float = 1.0):
        if check_float(alpha, "alpha", self.name) == 0:
            raise ValueError("For 'CeLU', 'alpha' must not be 0")

    def __call__(self, x):
        return nn.celu(x, self.alpha)


class Elu(Primitive):
    """Elu(alpha=1.0)(input_x)."""

    @prim_attr_register
    def __init__(self, alpha: float = 1.0):
        check_float(alpha, "alpha", self.name)

    def __call__(self, input_x):
        return nn.elu(input_x, self.alpha)


class _SoftmaxBase(Primitive):
    """Softmax/LogSoftmax(axis=-1)(x); axis is an int or a tuple of one int."""

    @prim_attr_register
    def __init__(self, axis=-1):
        (axis,) = check_ints(axis, "axis", self.name, lengths=(1,), minimum=None)
        self.add_prim_attr("axis", axis)


class Softmax(_SoftmaxBase):
    def __call__(self, x):
        return nn.softmax(x, self.axis)


class LogSoftmax(_SoftmaxBase):
    def __call__(self, logits):
        return nn.log_softmax(logits, self.axis)


class BiasAdd(Primitive):
    """BiasAdd(data_format="NCHW")(input_x, bias): bias along dimension 1."""

    @prim_attr_register
    def __init__(self, data_format: str = "NCHW"):
        self.add_prim_attr("data_format", _nchw_only(data_format, self.name, ("NCHW", "NHWC", "NCDHW")))

    def __call__(self, input_x, bias):
        return nn.bias_add(input_x, bias)

    def op_strategy(self, strategy):
        # The bias is added as a (1, C, 1, ...) tensor: its pieces are the channels' pieces.
        if len(strategy) != 2 or len(strategy[0]) < 2 or len(strategy[1]) != 1:
            return strategy  # reported as not fitting the inputs
        x, (channels,) = strategy
        return x, (1, channels) + (1,) * (len(x) - 2)


def _nchw_only(data_format, prim: str, formats=("NCHW", "NHWC")) -> str:
    data_format = check_str(data_format, "data_format", prim, formats)
    if data_format == "NHWC":
        raise ValueError(f"For '{prim}', the 'NHWC' format is only supported on GPU; mindc computes NCHW")
    return data_format


def _spatial(value, name: str, prim: str) -> tuple[int, int]:
    """An int, (h, w), or MindSpore's 4-d (1, 1, h, w) form, as (h, w)."""
    v = check_ints(value, name, prim, lengths=(1, 2, 4), minimum=1)
    if len(v) == 4 and v[:2] != (1, 1):
        raise ValueError(f"For '{prim}', a 4-d '{name}' must be (1, 1, h, w), got {value!r}")
    return (v[0], v[0]) if len(v) == 1 else v[-2:]


def _check_conv(prim: Primitive, out_channel, kernel_size, mode, pad_mode, pad, stride, dilation, group,
                data_format) -> None:
    """Conv2D's attribute checks; kernel_size, stride and dilation become (h, w) pairs and pad a
    (top, bottom, left, right) tuple."""
    name = prim.name
    check_int(out_channel, "out_channel", name, minimum=1)
    prim.add_prim_attr("kernel_size", _spatial(kernel_size, "kernel_size", name))
    if check_int(mode, "mode", name) != 1:
        raise ValueError(f"For '{name}', 'mode' must be 1, got {mode}")
    prim.add_prim_attr("pad_mode", check_str(pad_mode, "pad_mode", name, ("valid", "same", "pad")))
    pads = check_ints(pad, "pad", name, lengths=(1, 4), minimum=0)
    if prim.pad_mode != "pad" and any(pads):
        raise ValueError(f"For '{name}', 'pad' must be zero when 'pad_mode' is not 'pad', got {pad!r}")
    prim.add_prim_attr("pad", pads * 4 if len(pads) == 1 else pads)
    prim.add_prim_attr("stride", _spatial(stride, "stride", name))
    prim.add_prim_attr("dilation", _spatial(dilation, "dilation", name))
    check_int(group, "group", name, minimum=1)
    prim.add_prim_attr("data_format", _nchw_only(data_format, name))


class Conv2D(Primitive):
    """Conv2D(out_channel, kernel_size, mode=1, pad_mode="valid", pad=0, stride=1, dilation=1,
    group=1, data_format="NCHW")(x, weight); weight is (out_channel, C/group, kh, kw)."""

    @prim_attr_register
    def __init__(self, out_channel, kernel_size, mode=1, pad_mode="valid", pad=0, stride=1, dilation=1, group=1,
                 data_format="NCHW"):
        _check_conv(self, out_channel, kernel_size, mode, pad_mode, pad, stride, dilation, group, data_format)

    def __call__(self, x, weight):
        w = tensor(weight)
        if w.ndim != 4 or w.shape[0] != self.out_channel or w.shape[2:] != self.kernel_size:
            fail("mind.conv2d", f"Conv2D(out_channel={self.out_channel}, kernel_size={self.kernel_size}) needs a "
                                f"weight of shape [{self.out_channel}, C/group, {self.kernel_size[0]}, "
                                f"{self.kernel_size[1]}], found {list(w.shape)}")
        return nn.conv2d(x, w, None, self.stride, self.pad_mode, self.pad, self.dilation, self.group)


class Conv2DBackpropInput(Primitive):
    """Conv2DBackpropInput(out_channel, kernel_size, pad_mode="valid", pad=0, pad_list=None, mode=1,
    stride=1, dilation=1, group=1, data_format="NCHW")(dout, weight, input_size): the gradient
    of Conv2D with these attributes with respect to its input of shape input_size, which is the
    transposed convolution of dout. pad_list (top, bottom, left, right) overrides pad_mode."""

    @prim_attr_register
    def __init__(self, out_channel, kernel_size, pad_mode="valid", pad=0, pad_list=None, mode=1, stride=1,
                 dilation=1, group=1, data_format="NCHW"):
        _check_conv(self, out_channel, kernel_size, mode, pad_mode, pad, stride, dilation, group, data_format)
        if pad_list is not None:
            self.add_prim_attr("pad_list", check_ints(pad_list, "pad_list", self.name, lengths=(4,), minimum=0))

    def __call__(self, dout, weight, input_size):
        size = check_ints(input_size, "input_size", self.name, lengths=(4,), minimum=1)
        if self.pad_list is not None:
            pad = self.pad_list
        elif self.pad_mode == "same":
            pad = nn.same_pads(size[2:], self.kernel_size, self.stride, self.dilation)
        else:
            pad = self.pad   # zeros unless pad_mode is "pad"
        attrs = {"stride": self.stride, "pad": pad, "dilation": self.dilation, "group": self.group,
                 "input_size": size}
        return one("mind.conv2d_backprop_input", operands(dout, weight), attrs)


class Conv2DTranspose(Conv2DBackpropInput):
    """Conv2DTranspose: MindSpore's other name of Conv2DBackpropInput."""


class _Pool(Primitive):
    """MaxPool/AvgPool(kernel_size=1, strides=1, pad_mode="valid", data_format="NCHW")(x).
    "same" pads so that H_out = ceil(H / stride); padding never counts (a max ignores it, a mean
    divides by the number of real elements in the window)."""

    op_name: str
    operand = staticmethod(tensor)   # what x becomes: averages compute in floating point
    extra_attrs: dict = {}

    @prim_attr_register
    def __init__(self, kernel_size=1, strides=1, pad_mode="valid", data_format="NCHW"):
        self.add_prim_attr("kernel_size", _spatial(kernel_size, "kernel_size", self.name))
        self.add_prim_attr("strides", _spatial(strides, "strides", self.name))
        self.add_prim_attr("pad_mode", check_str(pad_mode, "pad_mode", self.name, ("VALID", "SAME")))
        self.add_prim_attr("data_format", _nchw_only(data_format, self.name))

    def __call__(self, x):
        x = type(self).operand(x)
        if x.ndim != 4:
            fail(self.op_name, f"x must be 4-d (N, C, H, W), found shape {list(x.shape)}")
        pad = (0, 0, 0, 0)
        if self.pad_mode == "SAME":
            pad = nn.same_pads(x.shape[2:], self.kernel_size, self.strides, (1, 1))
        attrs = {"kernel_size": self.kernel_size, "strides": self.strides, "pad": pad, **self.extra_attrs}
        return one(self.op_name, [x], attrs)


class MaxPool(_Pool):
    op_name = "mind.max_pool"


class AvgPool(_Pool):
    op_name = "mind.avg_pool"
    operand = staticmethod(float_operand)
    extra_attrs = {"count_include_pad": False}


class LayerNorm(Primitive):
    """LayerNorm(begin_norm_axis=1, begin_params_axis=1, epsilon=1e-7)(x, gamma, beta) ->
    (y, mean, variance): mean and (biased) variance over the dimensions from begin_norm_axis on,
    kept as size-1 dimensions; gamma and beta have x.shape[begin_params_axis:]."""

    @prim_attr_register
    def __init__(self, begin_norm_axis=1, begin_params_axis=1, epsilon=1e-7):
        check_int(begin_norm_axis, "begin_norm_axis", self.name, minimum=-1)
        check_int(begin_params_axis, "begin_params_axis", self.name, minimum=-1)
        check_float(epsilon, "epsilon", self.name, low=0.0, open_low=True)

    def __call__(self, input_x, gamma, beta):
        x = float_operand(input_x)
        norm_axis, params_axis = (self.begin_norm_axis % x.ndim, self.begin_params_axis % x.ndim)
        if tensor(gamma).shape != x.shape[params_axis:] or tensor(beta).shape != x.shape[params_axis:]:
            fail("mind.mul", f"LayerNorm needs gamma and beta of shape {list(x.shape[params_axis:])} "
                             f"(x.shape[begin_params_axis:]), found {list(tensor(gamma).shape)} and "
                             f"{list(tensor(beta).shape)}")
        axes = tuple(range(norm_axis, x.ndim))
        mean = math.mean(x, axes, keep_dims=True)
        centered = math.sub(x, mean)
        variance = math.mean(math.square(centered), axes, keep_dims=True)
        y = math.add(math.mul(math.mul(centered, math.rsqrt(math.add(variance, self.epsilon))), gamma), beta)
        return y, mean, variance


class BatchNorm(Primitive):
    """BatchNorm(is_training=False, epsilon=1e-5, momentum=0.1, data_format="NCHW")(x, scale,
    bias, mean, variance) -> (y, batch_mean, batch_variance, reserve_space_1, reserve_space_2).

    Per channel (dimension 1): y = (x - m) / sqrt(v + epsilon) * scale + bias, with m, v the given
    mean and variance, or when training the batch's (biased, as MindSpore's CPU kernel) ones; then
    mean and variance Parameters are updated in place: new = (1 - momentum) * old + momentum * batch.
    The reserve spaces repeat the batch statistics.
    """

    @prim_attr_register
    def __init__(self, is_training=False, epsilon=1e-5, momentum=0.1, data_format="NCHW"):
        check_bool(is_training, "is_training", self.name)
        check_float(epsilon, "epsilon", self.name, low=0.0, high=1.0, open_low=True)
        check_float(momentum, "momentum", self.name, low=0.0, high=1.0)
        self.add_prim_attr("data_format", _nchw_only(data_format, self.name))

    def __call__(self, input_x, scale, bias, mean, variance):
        x = float_operand(input_x)
        if x.ndim < 2:
            fail("mind.mul", f"BatchNorm needs x of rank >= 2 (N, C, ...), found shape {list(x.shape)}")
        channel = (1, x.shape[1]) + (1,) * (x.ndim - 2)
        if self.is_training:
            axes = (0, *range(2, x.ndim))
            batch_mean = math.mean(x, axes)
            centered = math.sub(x, array.reshape(batch_mean, channel))
            batch_var = math.mean(math.square(centered), axes)
            self._update(mean, batch_mean)
            self._update(variance, batch_var)
        else:
            batch_mean, batch_var = tensor(mean), tensor(variance)
            centered = math.sub(x, array.reshape(batch_mean, channel))
        inv = math.rsqrt(math.add(array.reshape(batch_var, channel), self.epsilon))
        y = math.add(math.mul(centered, math.mul(inv, array.reshape(scale, channel))), array.reshape(bias, channel))
        return y, batch_mean, batch_var, batch_mean, batch_var

    def _update(self, moving, batch) -> None:
        if isinstance(moving, Parameter):
            # No gradient flows into the running statistics.
            state.assign(moving, math.add(math.mul(moving.value(), 1 - self.momentum),
                                          math.mul(array.stop_gradient(batch), self.momentum)))


class SoftmaxCrossEntropyWithLogits(Primitive):
    """SoftmaxCrossEntropyWithLogits()(logits, labels) -> (loss, backprop) for (N, C) logits and
    label probabilities: loss = -sum(labels * log_softmax(logits), -1), backprop = softmax - labels."""

    @prim_attr_register
    def __init__(self):
        pass

    def __call__(self, logits, labels):
        x, y = operands(float_operand(logits), labels)
        if x.ndim != 2 or y.shape != x.shape:
            fail("mind.log_softmax", f"SoftmaxCrossEntropyWithLogits needs (N, C) logits and labels of one shape, "
                                     f"found {list(x.shape)} and {list(y.shape)}")
        per_sample = math.neg(math.reduce_sum(math.mul(y, nn.log_softmax(x, -1)), -1))
        return per_sample, math.sub(nn.softmax(x, -1), y)


class SparseSoftmaxCrossEntropyWithLogits(Primitive):
    """SparseSoftmaxCrossEntropyWithLogits(is_grad=False)(logits, labels): the mean over the batch
    of -log_softmax(logits)[label] for (N, C) logits and (N,) int labels; with is_grad its
    gradient with respect to logits, (softmax - one_hot(labels)) / N."""

    @prim_attr_register
    def __init__(self, is_grad=False):
        check_bool(is_grad, "is_grad", self.name)

    def __call__(self, logits, labels):
        x, labels = float_operand(logits), tensor(labels)
        if x.ndim != 2 or labels.shape != x.shape[:1] or labels.dtype.is_float:
            fail("mind.one_hot", f"SparseSoftmaxCrossEntropyWithLogits needs (N, C) logits and (N,) int labels, "
                                 f"found {list(x.shape)} and {labels.dtype} {list(labels.shape)}")
        target = array.one_hot(labels, x.shape[1], Tensor(1, x.dtype), Tensor(0, x.dtype))
        if self.is_grad:
            return math.div(math.sub(nn.softmax(x, -1), target), float(x.shape[0]))
        return math.neg(math.mean(math.reduce_sum(math.mul(target, nn.log_softmax(x, -1)), -1)))


class Dropout(RandomPrimitive):
    """Dropout(keep_prob=0.5, Seed0=0, Seed1=0)(x) -> (output, mask): each element kept with
    probability keep_prob and scaled by 1/keep_prob; mask holds 1 where kept, 0 elsewhere (in x's
    dtype). Each call draws a new mask."""

    @prim_attr_register
    def __init__(self, keep_prob=0.5, Seed0=0, Seed1=0):  # noqa: N803 (MindSpore's names)
        check_float(keep_prob, "keep_prob", self.name, low=0.0, high=1.0, open_low=True)
        self.init_stream(Seed0, Seed1, ("Seed0", "Seed1"))

    def __call__(self, x):
        x = tensor(x)
        if not x.dtype.is_float:
            raise TypeError(f"For 'Dropout', x must be a float tensor, got {x.dtype}")
        mask = cast_to(math.greater_equal(self.uniform(x.shape, x.dtype), 1.0 - self.keep_prob), x.dtype)
        return math.mul(x, math.mul(mask, 1.0 / self.keep_prob)), mask


class L2Loss(Primitive):
    """L2Loss()(input_x): sum(x ** 2) / 2, a 0-d tensor."""

    @prim_attr_register
    def __init__(self):
        pass

    def __call__(self, input_x):
        return math.mul(math.reduce_sum(math.square(float_operand(input_x))), 0.5)


class L2Normalize(Primitive):
    """L2Normalize(axis=0, epsilon=1e-4)(x): x / sqrt(max(sum(x ** 2 over axis), epsilon))."""

    @prim_attr_register
    def __init__(self, axis=0, epsilon=1e-4):
        self.add_prim_attr("axis", check_ints(axis, "axis", self.name, minimum=None))
        check_float(epsilon, "epsilon", self.name, low=0.0, open_low=True)

    def __call__(self, x):
        x = float_operand(x)
        norm2 = math.reduce_sum(math.square(x), self.axis, keep_dims=True)
        return math.mul(x, math.rsqrt(math.maximum(norm2, self.epsilon)))


class SigmoidCrossEntropyWithLogits(Primitive):
    """SigmoidCrossEntropyWithLogits()(logits, label): the elementwise binary cross entropy of
    sigmoid(logits) against label probabilities, unreduced."""

    @prim_attr_register
    def __init__(self):
        pass

    def __call__(self, logits, label):
        return loss.binary_cross_entropy_with_logits(logits, label, reduction="none")


class BCEWithLogitsLoss(Primitive):
    """BCEWithLogitsLoss(reduction="mean")(logits, label, weight, pos_weight)."""

    @prim_attr_register
    def __init__(self, reduction="mean"):
        check_str(reduction, "reduction", self.name, ("mean", "sum", "none"))

    def __call__(self, logits, label, weight, pos_weight):
        return loss.binary_cross_entropy_with_logits(logits, label, weight, pos_weight, self.reduction)


class SmoothL1Loss(Primitive):
    """SmoothL1Loss(beta=1.0, reduction="none")(logits, labels)."""

    @prim_attr_register
    def __init__(self, beta=1.0, reduction="none"):
        check_float(beta, "beta", self.name, low=0.0, open_low=True)
        check_str(reduction, "reduction", self.name, ("mean", "sum", "none"))

    def __call__(self, logits, labels):
        return loss.smooth_l1_loss(logits, labels, self.beta, self.reduction)
