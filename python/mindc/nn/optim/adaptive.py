"""RMSProp and Adagrad (MindSpore's nn.RMSProp with the ApplyRMSProp / ApplyCenteredRMSProp
kernels, and nn.Adagrad with ApplyAdagrad): per-element learning rates from running averages of
squared gradients."""
from __future__ import annotations

from mindc import ops
from mindc.frontend.jit import jit
from mindc.frontend.tensor import Tensor
from mindc.nn.optim.optimizer import Optimizer, state_like, success

__all__ = ["RMSProp", "Adagrad"]


def _float_at_least(value, what: str, owner: str, positive: bool = False) -> float:
    if not isinstance(value, float):
        raise TypeError(f"for '{owner}', '{what}' must be a float, got {type(value).__name__}")
    if value < 0 or (positive and value == 0):
        raise ValueError(f"for '{owner}', '{what}' must be {'> 0' if positive else '>= 0'}, got {value}")
    return value


def _bool(value, what: str, owner: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"for '{owner}', '{what}' must be a bool, got {type(value).__name__}")
    return value


class RMSProp(Optimizer):
    """RMSProp(params, learning_rate=0.1, decay=0.9, momentum=0.0, epsilon=1e-10,
    use_locking=False, centered=False, loss_scale=1.0, weight_decay=0.0), per element:

        ms = decay * ms + (1 - decay) * g^2
        mg = decay * mg + (1 - decay) * g                        (centered only)
        moment = momentum * moment + lr * g / sqrt(ms [- mg^2] + epsilon)
        w = w - moment

    State: `mean_square.<name>` (ones), `moment.<name>` (zeros), `mean_grad.<name>` (zeros, centered).
    """

    def __init__(self, params, learning_rate=0.1, decay=0.9, momentum=0.0, epsilon=1e-10, use_locking=False,
                 centered=False, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        self.decay = _float_at_least(decay, "decay", "RMSProp")
        self.momentum = _float_at_least(momentum, "momentum", "RMSProp")
        self.epsilon = _float_at_least(epsilon, "epsilon", "RMSProp", positive=True)
        self.use_locking = _bool(use_locking, "use_locking", "RMSProp")
        self.centered = _bool(centered, "centered", "RMSProp")
        self.ms = state_like(self.parameters, "mean_square", 1.0)
        self.moment = state_like(self.parameters, "moment")
        state = [*self.ms, *self.moment]
        if centered:
            self.mg = state_like(self.parameters, "mean_grad")
            state += [*self.mg]
        self._register_state(state)

    @jit
    def construct(self, gradients):
        return self._update_each(gradients)

    def _update(self, i: int, lr, g) -> Tensor:
        param, ms, moment = self.parameters[i], self.ms[i], self.moment[i]
        new_ms = ms * self.decay + g * g * (1.0 - self.decay)
        ops.assign(ms, new_ms)
        if self.centered:
            mg = self.mg[i]
            new_mg = mg * self.decay + g * (1.0 - self.decay)
            ops.assign(mg, new_mg)
            new_ms = new_ms - new_mg * new_mg
        new_moment = moment * self.momentum + g * lr / ops.sqrt(new_ms + self.epsilon)
        ops.assign(moment, new_moment)
        ops.assign(param, param - new_moment)
        return success()


class Adagrad(Optimizer):
    """Adagrad(params, accum=0.1, learning_rate=0.001, update_slots=True, loss_scale=1.0,
    weight_decay=0.0), per element (ApplyAdagrad):

        accum = accum + g^2                                      (if update_slots)
        w = w - lr * g / sqrt(accum)

    State: `accum.<name>` (filled with the initial accum).
    """

    def __init__(self, params, accum=0.1, learning_rate=0.001, update_slots=True, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        initial = _float_at_least(accum, "accum", "Adagrad")
        self.update_slots = _bool(update_slots, "update_slots", "Adagrad")
        self.accum = state_like(self.parameters, "accum", initial)
        self._register_state(self.accum)

    @jit
    def construct(self, grads):
        return self._update_each(grads)

    def _update(self, i: int, lr, g) -> Tensor:
        param, accum = self.parameters[i], self.accum[i]
        if self.update_slots:
            accum_now = accum + g * g
            ops.assign(accum, accum_now)
        else:
            accum_now = accum
        ops.assign(param, param - g * lr / ops.sqrt(accum_now))
        return success()
