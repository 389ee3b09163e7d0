"""Optimizer: the base of MindSpore's optimizers (`mindspore.nn.Optimizer`).

An optimizer is a Cell whose `construct(gradients)` updates each parameter and its state with
`ops.assign`. Called on its own it is compiled as one graph; called inside another graph (a
TrainOneStepCell) it becomes part of that graph, so a training step is one native function.

What it keeps, as MindSpore does (all Parameters, so checkpoints can hold them):
- `parameters`: the ParameterTuple it trains, in order (grouped parameters: group by group, or
  as `order_params` says);
- `learning_rate`: a scalar Parameter `learning_rate` (fixed), a 1-D Parameter (one value per
  step, dynamic), a Cell called with `global_step` (a schedule), or one of these per parameter
  when groups set 'lr' (`learning_rate_group_<i>`);
- `global_step`: an int32 [1] Parameter counting the steps taken;
- the state of each optimizer, cloned from `parameters` with a prefix (`moments.fc1.weight`).

Weight decay and loss scale follow MindSpore: without groups, weight decay applies to the
parameters whose names hold neither 'beta' nor 'gamma'; with groups, to every parameter of a
group whose weight decay is positive. It is stored multiplied by loss_scale and added to the
gradient before the gradient is divided by loss_scale, so it acts unscaled on the weights.
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence

import numpy as np

from mindc import ops
from mindc.frontend.parameter import Parameter, ParameterTuple
from mindc.frontend.tensor import Tensor
from mindc.nn.cell import Cell

__all__ = ["Optimizer"]

_GROUP_KEYS = ("params", "lr", "weight_decay", "grad_centralization", "order_params")


def _non_negative_float(value: Any, what: str, owner: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"for '{owner}', '{what}' must be an int or float, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"for '{owner}', '{what}' must be >= 0, got {value}")
    return float(value)


def success() -> bool:
    """What an update of one parameter returns (MindSpore's optimizers return a tuple of True,
    one per parameter)."""
    return True


def state_like(params: Sequence[Parameter], prefix: str, fill: float = 0.0) -> ParameterTuple:
    """One new Parameter per parameter, same shape and dtype, filled with `fill`, named
    `prefix.<name>` (MindSpore's `ParameterTuple.clone(prefix, init)`) and not trained."""
    return ParameterTuple(Parameter(np.full(p.shape, fill, dtype=p.dtype.numpy), name=f"{prefix}.{p.name}",
                                    requires_grad=False) for p in params)


class Optimizer(Cell):
    """Optimizer(learning_rate, parameters, weight_decay=0.0, loss_scale=1.0).

    learning_rate: a float or int (fixed), a 0-d Tensor (fixed), a 1-D Tensor or a list (the
    i-th step uses the i-th value; steps past the end keep the last value), or a Cell called
    with `global_step` (a schedule). parameters: a list of Parameters, or of group dicts with
    'params' and optionally 'lr', 'weight_decay', 'grad_centralization'; a dict holding only
    'order_params' gives the order of all parameters. Raises TypeError/ValueError as MindSpore.
    """

    def __init__(self, learning_rate, parameters, weight_decay=0.0, loss_scale=1.0):
        super().__init__(auto_prefix=False)
        parameters = self._parameters_check(parameters)
        if isinstance(loss_scale, int) and not isinstance(loss_scale, bool):
            loss_scale = float(loss_scale)
        if not isinstance(loss_scale, float):
            raise TypeError(f"for '{self.cls_name}', 'loss_scale' must be a float, got {type(loss_scale).__name__}")
        if loss_scale <= 0:
            raise ValueError(f"for '{self.cls_name}', 'loss_scale' must be > 0, got {loss_scale}")
        self.loss_scale = loss_scale
        self.need_scale = loss_scale != 1.0
        self.reciprocal_scale = 1.0 / loss_scale
        weight_decay = _non_negative_float(weight_decay, "weight_decay", self.cls_name)
        self.dynamic_lr = False
        self.is_group = isinstance(parameters[0], dict)
        self.is_group_lr = False
        self.global_step = Parameter(np.zeros([1], np.int32), name="global_step", requires_grad=False)
        if self.is_group:
            params, lrs, decays, centralize = self._init_group_params(parameters, learning_rate, weight_decay)
            self.user_weight_decay = tuple(decays)
            self.weight_decay = tuple(d * loss_scale for d in decays)
            self.decay_flags = tuple(d > 0 for d in decays)
            self.grad_centralization_flags = tuple(centralize)
        else:
            params = parameters
            lrs = None
            self.user_weight_decay = (weight_decay,) * len(params)
            self.weight_decay = weight_decay * loss_scale
            self.decay_flags = tuple('beta' not in p.name and 'gamma' not in p.name for p in params)
            self.grad_centralization_flags = (False,) * len(params)
        self.parameters = ParameterTuple(params)
        self._register_state(self.parameters)
        if self.is_group_lr:
            # A tuple attribute named learning_rate, as MindSpore has: its Parameters are
            # registered under other keys (a plain attribute would replace a same-named one).
            self.learning_rate = tuple(lrs)
            for lr in lrs:
                self._register_lr(lr, "lr:")
        else:
            self.learning_rate = self._build_lr(self._preprocess_lr(learning_rate), "learning_rate")
            self._register_lr(self.learning_rate)
        self.exec_weight_decay = any(self.decay_flags) and \
            (any(d > 0 for d in self.weight_decay) if self.is_group else self.weight_decay > 0)
        self.param_length = len(self.parameters)

    @property
    def cls_name(self) -> str:
        return type(self).__name__

    # ---- construction
    def _parameters_check(self, parameters) -> list:
        if parameters is None:
            raise ValueError(f"for '{self.cls_name}', 'params' must not be None")
        if not isinstance(parameters, Iterable):
            raise TypeError(f"for '{self.cls_name}', 'params' must be a list of Parameters or of dicts, "
                            f"got {type(parameters).__name__}")
        parameters = list(parameters)
        if not parameters:
            raise ValueError(f"for '{self.cls_name}', 'params' is an empty list")
        if not (all(isinstance(p, Parameter) for p in parameters) or all(isinstance(p, dict) for p in parameters)):
            raise TypeError(f"for '{self.cls_name}', all elements of 'params' must be Parameters, or all dicts")
        return parameters

    def _register_state(self, params: Iterable[Parameter], key_prefix: str = "") -> None:
        """Make params Parameters of this Cell (so parameters_dict and checkpoints see them),
        each under the key `key_prefix + its name` (made unique: parameters of layers built
        apart may share a name)."""
        taken = dict(self.parameters_and_names(expand=False))
        for p in params:
            key, k = key_prefix + p.name, 0
            while key in taken and taken[key] is not p:
                k += 1
                key = f"{key_prefix}{p.name}#{k}"
            taken[key] = p
            self.insert_param_to_cell(key, p, check_name_contain_dot=False)

    def _register_lr(self, lr, key_prefix: str = "") -> None:
        if isinstance(lr, Parameter):
            self._register_state([lr], key_prefix)
        elif isinstance(lr, Cell) and not any(lr is c for c in self.cells()):
            self.insert_child_to_cell(f"lr_schedule_{len(self._cells)}", lr)

    def _preprocess_lr(self, learning_rate):
        """A float (fixed), a 0-d Tensor (fixed), a 1-D float32 array (dynamic) or a Cell."""
        if isinstance(learning_rate, (int, float)) and not isinstance(learning_rate, bool):
            return _non_negative_float(learning_rate, "learning_rate", self.cls_name)
        if isinstance(learning_rate, Cell):
            self.dynamic_lr = True
            return learning_rate
        if isinstance(learning_rate, Tensor) and learning_rate.ndim == 0:
            return learning_rate
        if isinstance(learning_rate, (Tensor, np.ndarray, list, tuple)):
            values = np.asarray(learning_rate.asnumpy() if isinstance(learning_rate, Tensor) else learning_rate,
                                dtype=np.float32)
            if values.ndim != 1 or values.size == 0:
                raise ValueError(f"for '{self.cls_name}', a dynamic 'learning_rate' must be a non-empty 1-D "
                                 f"list or Tensor, got shape {list(values.shape)}")
            self.dynamic_lr = True
            return values
        raise TypeError(f"for '{self.cls_name}', 'learning_rate' must be an int, float, Tensor, list or a "
                        f"learning-rate schedule Cell, got {type(learning_rate).__name__}")

    def _build_lr(self, lr, name: str):
        if isinstance(lr, float):
            return Parameter(np.array(lr, np.float32), name=name, requires_grad=False)
        if isinstance(lr, Tensor):
            return Parameter(lr.asnumpy().astype(np.float32), name=name, requires_grad=False)
        if isinstance(lr, np.ndarray):
            return Parameter(lr, name=name, requires_grad=False)
        return lr

    def _init_group_params(self, groups: list[dict], learning_rate, weight_decay: float):
        default_lr = None
        params, lrs, decays, centralize, order = [], [], [], [], None
        for i, group in enumerate(groups):
            unknown = [k for k in group if k not in _GROUP_KEYS]
            if unknown:
                raise KeyError(f"for '{self.cls_name}', group params have unknown key(s) {unknown}; "
                               f"known: {list(_GROUP_KEYS)}")
            if "order_params" in group:
                if len(group) > 1:
                    raise ValueError(f"for '{self.cls_name}', the 'order_params' dict must hold only 'order_params'")
                order = list(group["order_params"])
                continue
            members = self._parameters_check(group.get("params"))
            if not all(isinstance(p, Parameter) for p in members):
                raise TypeError(f"for '{self.cls_name}', group 'params' must hold Parameters")
            if "lr" in group:
                self.is_group_lr = True
                lr = self._build_lr(self._preprocess_lr(group["lr"]), f"learning_rate_group_{i}")
            else:
                if default_lr is None:
                    default_lr = self._build_lr(self._preprocess_lr(learning_rate), "learning_rate")
                lr = default_lr
            decay = _non_negative_float(group.get("weight_decay", weight_decay), "weight_decay", self.cls_name)
            gc = group.get("grad_centralization", False)
            if not isinstance(gc, bool):
                raise TypeError(f"for '{self.cls_name}', 'grad_centralization' must be a bool, got {type(gc).__name__}")
            for p in members:
                if any(p is q for q in params):
                    raise RuntimeError(f"for '{self.cls_name}', parameter '{p.name}' is in more than one group")
                params.append(p)
                lrs.append(lr)
                decays.append(decay)
                centralize.append(gc)
        if order is not None:
            ids = [id(p) for p in params]
            if len(order) != len(params) or sorted(map(id, order)) != sorted(ids):
                raise ValueError(f"for '{self.cls_name}', 'order_params' must hold exactly the grouped parameters")
            where = [ids.index(id(p)) for p in order]
            params, lrs, decays, centralize = ([seq[j] for j in where] for seq in (params, lrs, decays, centralize))
        if not self.is_group_lr and default_lr is None:
            self._preprocess_lr(learning_rate)
        return params, lrs, decays, centralize

    # ---- pieces of construct, as MindSpore's optimizers call them
    def get_lr(self):
        """The learning rate of this step (a tuple, one per parameter, with group lrs); it does
        not advance global_step (each optimizer's construct does, after reading it)."""
        if self.is_group_lr:
            return tuple(self._lr_value(lr) for lr in self.learning_rate)
        return self._lr_value(self.learning_rate)

    def _lr_value(self, lr):
        if isinstance(lr, Cell):
            return lr(self.global_step)
        if lr.ndim == 1:
            # Past the end of the schedule the last value stays (MindSpore's Gather would be
            # out of range there).
            step = ops.minimum(self.global_step, lr.shape[0] - 1)
            return ops.reshape(ops.gather(lr, step, 0), ())
        return lr

    def get_lr_parameter(self, param):
        """The learning-rate Parameter (or schedule) of a parameter, or a list for a list."""
        params = param if isinstance(param, list) else [param]
        result = []
        for p in params:
            if not isinstance(p, Parameter):
                raise TypeError(f"get_lr_parameter takes Parameters, got {type(p).__name__}")
            index = next((i for i, q in enumerate(self.parameters) if q is p), None)
            if index is None:
                raise ValueError(f"parameter '{p.name}' is not trained by this optimizer")
            result.append(self.learning_rate[index] if self.is_group_lr else self.learning_rate)
        return result if isinstance(param, list) else result[0]

    def _lr_at(self, lr, i: int):
        return lr[i] if self.is_group_lr else lr

    def decay_weight(self, gradients):
        """gradients plus weight_decay * parameter where weight decay applies."""
        if not self.exec_weight_decay:
            return tuple(gradients)
        decays = self.weight_decay if self.is_group else (self.weight_decay,) * self.param_length
        return tuple(g + p * decay if flag and decay > 0 else g
                     for p, g, decay, flag in zip(self.parameters, gradients, decays, self.decay_flags))

    def gradients_centralization(self, gradients):
        """Each flagged gradient of rank > 1 minus its mean over all but the first axis (MindSpore
        centralizes only when the second dimension is a multiple of 16)."""
        out = []
        for g, flag in zip(gradients, self.grad_centralization_flags):
            if flag and g.ndim > 1 and g.shape[1] % 16 == 0:
                g = g - ops.mean(g, tuple(range(1, g.ndim)), keep_dims=True)
            out.append(g)
        return tuple(out)

    def scale_grad(self, gradients):
        """gradients divided by loss_scale."""
        if not self.need_scale:
            return tuple(gradients)
        return tuple(g * self.reciprocal_scale for g in gradients)

    def flatten_gradients(self, gradients):
        gradients = tuple(gradients)
        if len(gradients) != self.param_length:
            raise ValueError(f"{self.cls_name} trains {self.param_length} parameters, got {len(gradients)} gradients")
        for p, g in zip(self.parameters, gradients):
            if tuple(g.shape) != tuple(p.shape):
                raise ValueError(f"{self.cls_name}: the gradient of '{p.name}' has shape {list(g.shape)}, "
                                 f"the parameter has shape {list(p.shape)}")
        return gradients

    def prepared(self, gradients, decay: bool = True):
        """The gradients as MindSpore's optimizers take them: checked against the parameters,
        plus weight decay (unless the update applies it itself: SGD), centralized, unscaled."""
        gradients = self.flatten_gradients(gradients)
        if decay:
            gradients = self.decay_weight(gradients)
        return self.scale_grad(self.gradients_centralization(gradients))

    def _advance_step(self) -> None:
        ops.assign_add(self.global_step, Tensor(np.ones([1], np.int32)))

    def _update_each(self, gradients, decay: bool = True) -> tuple:
        """One step of an optimizer whose update is per parameter: prepare the gradients, read
        this step's learning rate, advance global_step, then `self._update(i, lr, gradient)` for
        each parameter i."""
        gradients = self.prepared(gradients, decay)
        lr = self.get_lr()
        self._advance_step()
        return tuple(self._update(i, self._lr_at(lr, i), g) for i, g in enumerate(gradients))

    def construct(self, *hyper_params):
        raise NotImplementedError(f"{self.cls_name} must define construct(gradients)")
