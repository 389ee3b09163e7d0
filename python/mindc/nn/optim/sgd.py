"""SGD: stochastic gradient descent with momentum, dampening and Nesterov (MindSpore's nn.SGD)."""
from __future__ import annotations

import numpy as np

from mindc import ops
from mindc.frontend.jit import jit
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.nn.optim.optimizer import Optimizer, state_like, success

__all__ = ["SGD"]


def _float(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"for 'SGD', '{what}' must be a float, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"for 'SGD', '{what}' must be at least 0.0, got {value}")
    return float(value)


class SGD(Optimizer):
    """SGD(params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0,
    nesterov=False, loss_scale=1.0), with MindSpore's SGD kernel per element:

        g = grad / loss_scale + weight_decay * w
        if momentum > 0:
            accum = g if stat > 0 else momentum * accum + (1 - dampening) * g;  stat = 0
            g = g + momentum * accum if nesterov else accum
        w = w - lr * g

    State: `accum.<name>` (zeros) and `stat.<name>` (ones: the first step starts accum at g).
    Weight decay is the kernel's: it applies to every parameter (a group's own value with groups).
    """

    def __init__(self, params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False,
                 loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        momentum = _float(momentum, "momentum")
        self.dampening = _float(dampening, "dampening")
        if not isinstance(nesterov, bool):
            raise TypeError(f"for 'SGD', 'nesterov' must be a bool, got {type(nesterov).__name__}")
        if nesterov and (momentum <= 0.0 or self.dampening != 0.0):
            raise ValueError(f"for 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' must "
                             f"equal 0.0, got 'momentum' {momentum}, 'dampening' {self.dampening}")
        self.nesterov = nesterov
        # Whether the kernel's momentum branch exists is decided when the graph is traced.
        self._use_momentum = momentum > 0.0
        self.momentum = Parameter(np.array(momentum, np.float32), name="momentum", requires_grad=False)
        self.accum = state_like(self.parameters, "accum")
        self.stat = state_like(self.parameters, "stat", 1.0)
        self._register_state([*self.accum, *self.stat])

    @jit
    def construct(self, gradients):
        return self._update_each(gradients, decay=False)

    def _update(self, i: int, lr, g) -> Tensor:
        param, accum, stat = self.parameters[i], self.accum[i], self.stat[i]
        decay = self.user_weight_decay[i]
        if decay > 0:
            g = g + param * decay
        if self._use_momentum:
            momentum = self.momentum
            new_accum = ops.select(stat > 0, g, accum * momentum + g * (1.0 - self.dampening))
            ops.assign(accum, new_accum)
            ops.assign(stat, ops.zeros_like(stat))
            g = g + new_accum * momentum if self.nesterov else new_accum
        ops.assign(param, param - g * lr)
        return success()
