"""Momentum: SGD with momentum (MindSpore's nn.Momentum, the ApplyMomentum kernel)."""
from __future__ import annotations

import numpy as np

from mindc import ops
from mindc.frontend.jit import jit
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.nn.optim.optimizer import Optimizer, state_like, success

__all__ = ["Momentum"]


class Momentum(Optimizer):
    """Momentum(params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0,
    use_nesterov=False), per element (ApplyMomentum):

        g = (grad + weight_decay * loss_scale * w) / loss_scale
        moments = momentum * moments + g
        w = w - lr * (g + momentum * moments) if use_nesterov else w - lr * moments

    State: `moments.<name>` (zeros).
    """

    def __init__(self, params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0, use_nesterov=False):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        if isinstance(momentum, bool) or not isinstance(momentum, (int, float)):
            raise TypeError(f"for 'Momentum', 'momentum' must be a float, got {type(momentum).__name__}")
        if momentum < 0.0:
            raise ValueError(f"for 'Momentum', 'momentum' must be at least 0.0, got {momentum}")
        if not isinstance(use_nesterov, bool):
            raise TypeError(f"for 'Momentum', 'use_nesterov' must be a bool, got {type(use_nesterov).__name__}")
        self.momentum = Parameter(np.array(momentum, np.float32), name="momentum", requires_grad=False)
        self.params = self.parameters
        self.use_nesterov = use_nesterov
        self.moments = state_like(self.parameters, "moments")
        self._register_state(self.moments)

    @jit
    def construct(self, gradients):
        return self._update_each(gradients)

    def _update(self, i: int, lr, g) -> Tensor:
        param, moment = self.params[i], self.moments[i]
        momentum = self.momentum
        new_moment = moment * momentum + g
        ops.assign(moment, new_moment)
        if self.use_nesterov:
            ops.assign(param, param - (g * lr + new_moment * momentum * lr))
        else:
            ops.assign(param, param - new_moment * lr)
        return success()
