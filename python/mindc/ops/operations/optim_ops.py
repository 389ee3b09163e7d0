"""MindSpore's optimizer-update primitives (in mindspore.ops.operations.nn_ops): each updates
Parameters in place with ops.assign (in a compiled step, mind-update-in-place writes them into
their own buffers) and returns what MindSpore's returns."""
from __future__ import annotations

from mindc.frontend.parameter import Parameter
from mindc.ops import math, state
from mindc.ops._base import fail, tensor
from mindc.ops.primitive import Primitive, check_bool, check_float, prim_attr_register

__all__ = ["ApplyMomentum", "ApplyGradientDescent", "Adam", "AdamWeightDecay"]


def _parameters(prim: str, **named) -> None:
    for what, p in named.items():
        if not isinstance(p, Parameter):
            fail("assign", f"{prim} needs a Parameter as '{what}', got {type(p).__name__}")


class ApplyMomentum(Primitive):
    """ApplyMomentum(use_nesterov=False, use_locking=False, gradient_scale=1.0)(variable,
    accumulation, learning_rate, gradient, momentum): accumulation = accumulation * momentum +
    gradient * gradient_scale; variable -= learning_rate * accumulation (Nesterov: -= learning_rate
    * (gradient + momentum * accumulation)). Returns variable."""

    @prim_attr_register
    def __init__(self, use_nesterov=False, use_locking=False, gradient_scale=1.0):
        check_bool(use_nesterov, "use_nesterov", self.name)
        check_bool(use_locking, "use_locking", self.name)
        check_float(gradient_scale, "gradient_scale", self.name)

    def __call__(self, variable, accumulation, learning_rate, gradient, momentum):
        _parameters(self.name, variable=variable, accumulation=accumulation)
        g = math.mul(gradient, self.gradient_scale) if self.gradient_scale != 1.0 else tensor(gradient)
        accum = math.add(math.mul(accumulation.value(), momentum), g)
        state.assign(accumulation, accum)
        step = math.add(g, math.mul(accum, momentum)) if self.use_nesterov else accum
        state.assign(variable, math.sub(variable.value(), math.mul(step, learning_rate)))
        return variable


class ApplyGradientDescent(Primitive):
    """ApplyGradientDescent()(var, alpha, delta): var -= alpha * delta. Returns var."""

    @prim_attr_register
    def __init__(self):
        pass

    def __call__(self, var, alpha, delta):
        _parameters(self.name, var=var)
        state.assign(var, math.sub(var.value(), math.mul(delta, alpha)))
        return var


class Adam(Primitive):
    """Adam(use_locking=False, use_nesterov=False)(var, m, v, beta1_power, beta2_power, lr, beta1,
    beta2, epsilon, gradient) -> (var, m, v): m += (g - m)(1 - beta1), v += (g^2 - v)(1 - beta2),
    var -= lr sqrt(1 - beta2_power) / (1 - beta1_power) * m' / (sqrt(v) + epsilon), where m' is m
    (Nesterov: beta1 m + (1 - beta1) g)."""

    @prim_attr_register
    def __init__(self, use_locking=False, use_nesterov=False):
        check_bool(use_locking, "use_locking", self.name)
        check_bool(use_nesterov, "use_nesterov", self.name)

    def __call__(self, var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, gradient):
        _parameters(self.name, var=var, m=m, v=v)
        g = tensor(gradient)
        new_m = math.add(m.value(), math.mul(math.sub(g, m.value()), math.sub(1.0, beta1)))
        new_v = math.add(v.value(), math.mul(math.sub(math.square(g), v.value()), math.sub(1.0, beta2)))
        lr_t = math.div(math.mul(lr, math.sqrt(math.sub(1.0, beta2_power))), math.sub(1.0, beta1_power))
        direction = math.add(math.mul(new_m, beta1), math.mul(g, math.sub(1.0, beta1))) if self.use_nesterov else new_m
        update = math.div(math.mul(direction, lr_t), math.add(math.sqrt(new_v), epsilon))
        state.assign(m, new_m)
        state.assign(v, new_v)
        state.assign(var, math.sub(var.value(), update))
        return var, m, v


class AdamWeightDecay(Primitive):
    """AdamWeightDecay(use_locking=False)(var, m, v, lr, beta1, beta2, epsilon, decay, gradient)
    -> (var, m, v): m = beta1 m + (1 - beta1) g, v = beta2 v + (1 - beta2) g^2, var -= lr (m /
    (sqrt(v) + epsilon) + decay var), without bias correction."""

    @prim_attr_register
    def __init__(self, use_locking=False):
        check_bool(use_locking, "use_locking", self.name)

    def __call__(self, var, m, v, lr, beta1, beta2, epsilon, decay, gradient):
        _parameters(self.name, var=var, m=m, v=v)
        g = tensor(gradient)
        new_m = math.add(math.mul(m.value(), beta1), math.mul(g, math.sub(1.0, beta1)))
        new_v = math.add(math.mul(v.value(), beta2), math.mul(math.square(g), math.sub(1.0, beta2)))
        step = math.add(math.div(new_m, math.add(math.sqrt(new_v), epsilon)), math.mul(var.value(), decay))
        state.assign(m, new_m)
        state.assign(v, new_v)
        state.assign(var, math.sub(var.value(), math.mul(step, lr)))
        return var, m, v
