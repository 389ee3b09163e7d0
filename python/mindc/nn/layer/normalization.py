"""Normalization layers (MindSpore's nn.BatchNorm1d, nn.BatchNorm2d, nn.LayerNorm)."""
from __future__ import annotations

import numbers

from mindc import ops
from mindc.common.initializer import initializer
from mindc.frontend import dtype as mdt
from mindc.frontend.parameter import Parameter
from mindc.nn.cell import Cell
from mindc.nn.layer._checks import bool_arg, float_arg, int_arg, nchw_only, positive_int

__all__ = ["BatchNorm1d", "BatchNorm2d", "LayerNorm"]


class _BatchNorm(Cell):
    """The batch normalizations: (num_features, eps=1e-5, momentum=0.9, affine=True,
    gamma_init='ones', beta_init='zeros', moving_mean_init='zeros', moving_var_init='ones',
    use_batch_statistics=None, data_format='NCHW', dtype=float32) over inputs of the ranks
    `RANKS` with channels on axis 1: y = (x - mean) / sqrt(var + eps) * gamma + beta, per channel.

    With batch statistics (training mode when use_batch_statistics is None, always when it is
    True) mean and var are the batch's (biased) ones over every axis but 1, and the moving statistics are
    updated in place: moving = momentum * moving + (1 - momentum) * batch. MindSpore's CPU kernel
    (oneDNN) feeds the biased batch variance into moving_variance, and so does mindc; its GPU
    (cuDNN) and Ascend kernels use the unbiased one. Otherwise the moving statistics normalize.
    """

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float = 0.9, affine: bool = True,
                 gamma_init="ones", beta_init="zeros", moving_mean_init="zeros", moving_var_init="ones",
                 use_batch_statistics=None, data_format: str = "NCHW", dtype=mdt.float32):
        super().__init__()
        name = type(self).__name__
        self.num_features = positive_int(num_features, "num_features", name)
        self.eps = float_arg(eps, "eps", name)
        if self.eps <= 0:
            raise ValueError(f"For '{name}', 'eps' must be positive, got {eps}")
        self.momentum = float_arg(momentum, "momentum", name)
        if not 0 <= self.momentum <= 1:
            raise ValueError(f"For '{name}', 'momentum' must be in [0, 1], got {momentum}")
        self.affine = bool_arg(affine, "affine", name)
        if use_batch_statistics is not None:
            bool_arg(use_batch_statistics, "use_batch_statistics", name)
        self.use_batch_statistics = use_batch_statistics
        self.data_format = nchw_only(data_format, name)
        c = (self.num_features,)
        self.moving_mean = Parameter(initializer(moving_mean_init, c, dtype), name="moving_mean", requires_grad=False)
        self.moving_variance = Parameter(initializer(moving_var_init, c, dtype), name="moving_variance",
                                         requires_grad=False)
        self.gamma = Parameter(initializer(gamma_init, c, dtype), name="gamma", requires_grad=self.affine)
        self.beta = Parameter(initializer(beta_init, c, dtype), name="beta", requires_grad=self.affine)

    def construct(self, x):
        if x.ndim not in self.RANKS or x.shape[1] != self.num_features:
            raise ValueError(f"For '{type(self).__name__}', x must be {self.LAYOUT} with C = num_features = "
                             f"{self.num_features}, got shape {list(x.shape)}")
        channel = (1, self.num_features) + (1,) * (x.ndim - 2)
        use_batch = self.training if self.use_batch_statistics is None else self.use_batch_statistics
        if use_batch:
            axes = (0, *range(2, x.ndim))
            mean = ops.mean(x, axes, keep_dims=True)
            centered = x - mean
            var = ops.mean(ops.square(centered), axes, keep_dims=True)
            self.update_moving_statistics(ops.reshape(mean, (-1,)), ops.reshape(var, (-1,)))
        else:
            mean = ops.reshape(self.moving_mean, channel)
            var = ops.reshape(self.moving_variance, channel)
            centered = x - mean
        scale = ops.rsqrt(var + self.eps) * ops.reshape(self.gamma, channel)
        return centered * scale + ops.reshape(self.beta, channel)

    def update_moving_statistics(self, mean, var):
        # No gradient flows into the moving statistics (they are not part of the output).
        m = self.momentum
        ops.assign(self.moving_mean, self.moving_mean * m + ops.stop_gradient(mean) * (1 - m))
        ops.assign(self.moving_variance, self.moving_variance * m + ops.stop_gradient(var) * (1 - m))

    def extend_repr(self) -> str:
        return (f"num_features={self.num_features}, eps={self.eps}, momentum={self.momentum}, "
                f"gamma={self.gamma}, beta={self.beta}, moving_mean={self.moving_mean}, "
                f"moving_variance={self.moving_variance}")


class BatchNorm1d(_BatchNorm):
    """Batch normalization of (N, C) or (N, C, L) inputs."""

    RANKS, LAYOUT = (2, 3), "2-d (N, C) or 3-d (N, C, L)"


class BatchNorm2d(_BatchNorm):
    """Batch normalization of (N, C, H, W) inputs."""

    RANKS, LAYOUT = (4,), "4-d (N, C, H, W)"


class LayerNorm(Cell):
    """LayerNorm(normalized_shape, begin_norm_axis=-1, begin_params_axis=-1, gamma_init='ones',
    beta_init='zeros', epsilon=1e-7, dtype=float32): y = (x - mean) / sqrt(var + epsilon) *
    gamma + beta, with mean and (biased) var over the axes from begin_norm_axis on; gamma and
    beta have normalized_shape, which must be x.shape[begin_params_axis:]."""

    def __init__(self, normalized_shape, begin_norm_axis: int = -1, begin_params_axis: int = -1, gamma_init="ones",
                 beta_init="zeros", epsilon: float = 1e-7, dtype=mdt.float32):
        super().__init__()
        if not isinstance(normalized_shape, (tuple, list)):
            raise TypeError(f"For 'LayerNorm', 'normalized_shape' must be a tuple or list of ints, "
                            f"got {type(normalized_shape).__name__}")
        self.normalized_shape = tuple(positive_int(d, "normalized_shape", "LayerNorm") for d in normalized_shape)
        self.begin_norm_axis = int_arg(begin_norm_axis, "begin_norm_axis", "LayerNorm")
        self.begin_params_axis = int_arg(begin_params_axis, "begin_params_axis", "LayerNorm")
        if isinstance(epsilon, bool) or not isinstance(epsilon, numbers.Real) or epsilon <= 0:
            raise ValueError(f"For 'LayerNorm', 'epsilon' must be a positive float, got {epsilon!r}")
        self.epsilon = float(epsilon)
        self.gamma = Parameter(initializer(gamma_init, self.normalized_shape, dtype), name="gamma")
        self.beta = Parameter(initializer(beta_init, self.normalized_shape, dtype), name="beta")

    def construct(self, x):
        rank = x.ndim
        for name, axis in (("begin_norm_axis", self.begin_norm_axis), ("begin_params_axis", self.begin_params_axis)):
            if not -rank <= axis < rank:
                raise ValueError(f"For 'LayerNorm', '{name}' {axis} is out of range for x of rank {rank}")
        params_axis = self.begin_params_axis % rank
        if x.shape[params_axis:] != self.normalized_shape:
            raise ValueError(f"For 'LayerNorm', x.shape[begin_params_axis:] must be normalized_shape "
                             f"{list(self.normalized_shape)}, got {list(x.shape[params_axis:])} (x is {list(x.shape)})")
        axes = tuple(range(self.begin_norm_axis % rank, rank))
        mean = ops.mean(x, axes, keep_dims=True)
        centered = x - mean
        var = ops.mean(ops.square(centered), axes, keep_dims=True)
        return centered * ops.rsqrt(var + self.epsilon) * self.gamma + self.beta

    def extend_repr(self) -> str:
        return (f"normalized_shape={self.normalized_shape}, begin_norm_axis={self.begin_norm_axis}, "
                f"begin_params_axis={self.begin_params_axis}, gamma={self.gamma}, beta={self.beta}")
