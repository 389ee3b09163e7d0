"""Adam and AdamWeightDecay (MindSpore's nn.Adam with the Adam kernel, and nn.AdamWeightDecay)."""
from __future__ import annotations

import numpy as np

from mindc import ops
from mindc.frontend.jit import jit
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.nn.optim.optimizer import Optimizer, state_like, success

__all__ = ["Adam", "AdamWeightDecay"]


def _check_param_value(beta1, beta2, eps, owner: str) -> None:
    for name, value in (("beta1", beta1), ("beta2", beta2), ("eps", eps)):
        if not isinstance(value, float):
            raise TypeError(f"for '{owner}', '{name}' must be a float, got {type(value).__name__}")
    for name, value in (("beta1", beta1), ("beta2", beta2)):
        if not 0.0 < value < 1.0:
            raise ValueError(f"for '{owner}', '{name}' must be in (0.0, 1.0), got {value}")
    if eps <= 0.0:
        raise ValueError(f"for '{owner}', 'eps' must be > 0, got {eps}")


class Adam(Optimizer):
    """Adam(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
    use_nesterov=False, weight_decay=0.0, loss_scale=1.0), per element (the Adam kernel):

        g = (grad + weight_decay * loss_scale * w) / loss_scale
        beta1_power *= beta1;  beta2_power *= beta2          (so at step t they are beta^t)
        m = m + (1 - beta1) * (g - m);  v = v + (1 - beta2) * (g * g - v)
        lr_t = lr * sqrt(1 - beta2_power) / (1 - beta1_power)
        w = w - lr_t * (beta1 * m + (1 - beta1) * g if use_nesterov else m) / (sqrt(v) + eps)

    State: `moment1.<name>`, `moment2.<name>` (zeros), `beta1_power`, `beta2_power` (float32 [1],
    starting at 1). use_locking is accepted for MindSpore's signature (updates never race here).
    """

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
                 use_nesterov=False, weight_decay=0.0, loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param_value(beta1, beta2, eps, "Adam")
        for name, flag in (("use_locking", use_locking), ("use_nesterov", use_nesterov)):
            if not isinstance(flag, bool):
                raise TypeError(f"for 'Adam', '{name}' must be a bool, got {type(flag).__name__}")
        self.beta1 = Tensor(np.array([beta1], np.float32))
        self.beta2 = Tensor(np.array([beta2], np.float32))
        self.eps = Tensor(np.array(eps, np.float32))
        # The [1]-shaped Tensors above are MindSpore's attributes; the update uses the numbers,
        # which keep every parameter's own shape.
        self._betas, self._eps = (beta1, beta2), eps
        self.beta1_power = Parameter(np.ones([1], np.float32), name="beta1_power", requires_grad=False)
        self.beta2_power = Parameter(np.ones([1], np.float32), name="beta2_power", requires_grad=False)
        self.use_locking, self.use_nesterov = use_locking, use_nesterov
        self.moment1 = state_like(self.parameters, "moment1")
        self.moment2 = state_like(self.parameters, "moment2")
        self._register_state([*self.moment1, *self.moment2])

    @jit
    def construct(self, gradients):
        gradients = self.prepared(gradients)
        lr = self.get_lr()
        self._advance_step()
        beta1_power = self.beta1_power * self.beta1
        ops.assign(self.beta1_power, beta1_power)
        beta2_power = self.beta2_power * self.beta2
        ops.assign(self.beta2_power, beta2_power)
        return tuple(self._update(i, self._lr_at(lr, i), g, beta1_power, beta2_power)
                     for i, g in enumerate(gradients))

    def _update(self, i: int, lr, g, beta1_power, beta2_power) -> Tensor:
        param, m, v = self.parameters[i], self.moment1[i], self.moment2[i]
        beta1, beta2 = self._betas
        m_new = m + (g - m) * (1.0 - beta1)
        v_new = v + (g * g - v) * (1.0 - beta2)
        ops.assign(m, m_new)
        ops.assign(v, v_new)
        # The powers are [1]-shaped (as MindSpore keeps them); a 0-d parameter must stay 0-d.
        lr_t = ops.reshape(lr * ops.sqrt(1.0 - beta2_power) / (1.0 - beta1_power), ())
        direction = m_new * beta1 + g * (1.0 - beta1) if self.use_nesterov else m_new
        ops.assign(param, param - lr_t * direction / (ops.sqrt(v_new) + self._eps))
        return success()


class AdamWeightDecay(Optimizer):
    """AdamWeightDecay(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6,
    weight_decay=0.0): Adam with decoupled weight decay and no bias correction, per element:

        m = beta1 * m + (1 - beta1) * g;  v = beta2 * v + (1 - beta2) * g * g
        update = m / (sqrt(v) + eps) + weight_decay * w   (decay where it applies)
        w = w - lr * update

    State: `adam_m.<name>`, `adam_v.<name>` (zeros).
    """

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        _check_param_value(beta1, beta2, eps, "AdamWeightDecay")
        self.beta1 = Tensor(np.array([beta1], np.float32))
        self.beta2 = Tensor(np.array([beta2], np.float32))
        self.eps = Tensor(np.array([eps], np.float32))
        self._betas, self._eps = (beta1, beta2), eps
        self.moments1 = state_like(self.parameters, "adam_m")
        self.moments2 = state_like(self.parameters, "adam_v")
        self._register_state([*self.moments1, *self.moments2])

    @jit
    def construct(self, gradients):
        gradients = self.flatten_gradients(gradients)
        lr = self.get_lr()
        self._advance_step()
        decays = self.weight_decay if self.is_group else (self.weight_decay,) * self.param_length
        return tuple(self._update(i, self._lr_at(lr, i), g, decays[i]) for i, g in enumerate(gradients))

    def _update(self, i: int, lr, g, decay: float) -> Tensor:
        param, m, v = self.parameters[i], self.moments1[i], self.moments2[i]
        beta1, beta2 = self._betas
        m_new = m * beta1 + g * (1.0 - beta1)
        v_new = v * beta2 + g * g * (1.0 - beta2)
        update = m_new / (ops.sqrt(v_new) + self._eps)
        if self.decay_flags[i] and decay > 0:
            update = update + param * decay
        ops.assign(m, m_new)
        ops.assign(v, v_new)
        ops.assign(param, param - update * lr)
        return success()
