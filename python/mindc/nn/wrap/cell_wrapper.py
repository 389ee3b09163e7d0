"""Training and evaluation wrappers (MindSpore's nn.WithLossCell, WithEvalCell, TrainOneStepCell,
ForwardValueAndGrad).

Wrappers are made with auto_prefix=False, as in MindSpore, so wrapping a network does not
rename its Parameters (checkpoint names stay `fc1.weight`, not `network._backbone.fc1.weight`).
"""
from __future__ import annotations

from mindc import ops
from mindc.frontend import dtype as mdt
from mindc.frontend.grad import GradOperation, value_and_grad
from mindc.frontend.parameter import ParameterTuple
from mindc.nn.cell import Cell
from mindc.nn.wrap.grad_reducer import DistributedGradReducer
from mindc.parallel._auto_parallel_context import device_num, get_auto_parallel_context, gradients_reduced

__all__ = ["WithLossCell", "WithEvalCell", "TrainOneStepCell", "ForwardValueAndGrad"]


def _check_cell(value, what: str, owner: str) -> Cell:
    if not isinstance(value, Cell):
        raise TypeError(f"for '{owner}', '{what}' must be a Cell, got {type(value).__name__}")
    return value


class WithLossCell(Cell):
    """WithLossCell(backbone, loss_fn): construct(data, label) = loss_fn(backbone(data), label)."""

    def __init__(self, backbone: Cell, loss_fn: Cell):
        super().__init__(auto_prefix=False)
        self._backbone = _check_cell(backbone, "backbone", "WithLossCell")
        self._loss_fn = _check_cell(loss_fn, "loss_fn", "WithLossCell")

    def construct(self, data, label):
        out = self._backbone(data)
        return self._loss_fn(out, label)

    @property
    def backbone_network(self) -> Cell:
        """The network without the loss."""
        return self._backbone


class WithEvalCell(Cell):
    """WithEvalCell(network, loss_fn, add_cast_fp32=False): construct(data, label) returns
    (loss, outputs, label), outputs and label cast to float32 first with add_cast_fp32."""

    def __init__(self, network: Cell, loss_fn: Cell, add_cast_fp32: bool = False):
        super().__init__(auto_prefix=False)
        self._network = _check_cell(network, "network", "WithEvalCell")
        self._loss_fn = _check_cell(loss_fn, "loss_fn", "WithEvalCell")
        self.add_cast_fp32 = add_cast_fp32

    def construct(self, data, label):
        outputs = self._network(data)
        if self.add_cast_fp32:
            label = ops.cast(label, mdt.float32)
            outputs = ops.cast(outputs, mdt.float32)
        loss = self._loss_fn(outputs, label)
        return loss, outputs, label


class TrainOneStepCell(Cell):
    """TrainOneStepCell(network, optimizer, sens=None, return_grad=False): one training step.

    network computes the loss from the inputs (e.g. a WithLossCell). construct(*inputs) computes
    the loss and its gradients with respect to optimizer.parameters (mindc.value_and_grad),
    calls optimizer(grads) and returns the loss; with return_grad, (loss, {name: gradient}).
    sens scales the gradients (MindSpore's sensitivity of the loss; None means 1.0). The
    whole step is one compiled function: forward, the adjoint made by mind-autodiff, and the
    in-place update of the parameters and the optimizer's state.
    """

    def __init__(self, network: Cell, optimizer: Cell, sens=None, return_grad: bool = False):
        super().__init__(auto_prefix=False)
        self.network = _check_cell(network, "network", "TrainOneStepCell")
        self.network.set_grad()
        self.optimizer = _check_cell(optimizer, "optimizer", "TrainOneStepCell")
        self.weights = ParameterTuple(optimizer.parameters)
        if sens is not None and (isinstance(sens, bool) or not isinstance(sens, (int, float))):
            raise TypeError(f"for 'TrainOneStepCell', 'sens' must be a number or None, got {type(sens).__name__}")
        self.sens = sens
        self.return_grad = return_grad
        self.reducer_flag = gradients_reduced()
        self.grad_reducer = _unreduced
        if self.reducer_flag:
            self.grad_reducer = DistributedGradReducer(self.weights, get_auto_parallel_context("gradients_mean"),
                                                       device_num())

    def construct(self, *inputs):
        loss, grads = value_and_grad(self.network, None, self.weights)(*inputs)
        if self.sens is not None and self.sens != 1.0:
            # The loss' sensitivity: d(sens * loss) = sens * d(loss).
            grads = tuple(g * self.sens for g in grads)
        grads = self.grad_reducer(grads)
        loss = ops.depend(loss, self.optimizer(grads))
        if self.return_grad:
            return loss, {p.name: g for p, g in zip(self.weights, grads)}
        return loss


def _unreduced(grads):
    """One process's gradients as they are (TrainOneStepCell's grad_reducer on one device)."""
    return grads


class ForwardValueAndGrad(Cell):
    """ForwardValueAndGrad(network, weights=None, get_all=False, get_by_list=False,
    sens_param=False): construct(*inputs) returns (network(*inputs), gradients), the gradients
    as GradOperation(get_all, get_by_list, sens_param) gives them (with sens_param, the last
    input is the sensitivity and not passed to the network)."""

    def __init__(self, network, weights=None, get_all: bool = False, get_by_list: bool = False,
                 sens_param: bool = False):
        super().__init__(auto_prefix=False)
        if not (isinstance(network, Cell) or callable(network)):
            raise TypeError(f"For 'ForwardValueAndGrad', the argument 'network' must be cell, function type or "
                            f"method type, but got '{type(network).__name__}'")
        for name, flag in (("get_all", get_all), ("get_by_list", get_by_list)):
            if not isinstance(flag, bool):
                raise TypeError(f"For 'ForwardValueAndGrad', the type of '{name}' must be bool, "
                                f"but got '{type(flag).__name__}'")
        if get_by_list and not isinstance(weights, (ParameterTuple, tuple, list)):
            raise TypeError(f"For 'ForwardValueAndGrad', when 'get_by_list' is set to True, the argument 'weights' "
                            f"must be Parameters array, but got '{type(weights).__name__}'")
        self.network = network
        if isinstance(network, Cell):
            network.set_grad()
        self.weights, self.get_all, self.get_by_list, self.sens_param = weights, get_all, get_by_list, sens_param
        self.grad = GradOperation(get_all=get_all, get_by_list=get_by_list, sens_param=sens_param)

    def construct(self, *inputs):
        loss = self.network(*(inputs[:-1] if self.sens_param else inputs))
        gradient = self.grad(self.network, self.weights) if self.get_by_list else self.grad(self.network)
        return loss, gradient(*inputs)
