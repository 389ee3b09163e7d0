"""What a gradient function is asked for, checked as MindSpore checks it, and the structure its
gradients come back in (frontend/grad.py computes them): grad_position and weights, the Request
they make, and ops.get_grad, which looks a gradient up in a return_ids structure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import user_frame_position


def where_text(where) -> str:
    """`file:line:col: ` of a user_frame_position, to prefix an error message (empty if unknown)."""
    return f"{where[0]}:{where[1]}:{where[2]}: " if where else ""


def checked_position(grad_position, where) -> tuple[int, ...] | None:
    """grad_position as a tuple, with MindSpore's checks when the gradient function is made."""
    if grad_position is None:
        return None
    positions = (grad_position,) if isinstance(grad_position, int) else grad_position
    if not isinstance(positions, tuple) or not all(isinstance(p, int) for p in positions):
        raise TypeError(f"{where_text(where)}grad_position must be an int, a tuple of ints or None, "
                        f"got {grad_position!r}")
    if any(p < 0 for p in positions):
        raise ValueError(f"{where_text(where)}grad_position must be >= 0, got {grad_position!r}")
    if len(set(positions)) != len(positions):
        raise ValueError(f"{where_text(where)}grad_position {grad_position!r} repeats a position")
    return positions


def in_range(positions: tuple[int, ...], count: int, error: type = IndexError) -> tuple[int, ...]:
    """positions, checked against the number of arguments of a call (at the user's call)."""
    where = where_text(user_frame_position())
    if not positions:
        raise RuntimeError(f"{where}grad_position is an empty tuple: there is no input to differentiate")
    for p in positions:
        if p >= count:
            raise error(f"{where}grad_position {p} is out of range for a function called with {count} arguments")
    return positions


def checked_weights(weights, where) -> tuple[Parameter, ...]:
    """The Parameters of weights (a Parameter, a ParameterTuple or a list of them; None: none)."""
    if weights is None:
        return ()
    items = (weights,) if isinstance(weights, Tensor) else weights
    for w in items if isinstance(items, (tuple, list)) else (weights,):
        if not isinstance(w, Parameter):
            raise TypeError(f"{where_text(where)}weights must be a Parameter, a ParameterTuple or a list of "
                            f"Parameters, got {type(w).__name__}")
    return tuple(items)


# Request.positions besides a tuple: every input (GradOperation's get_all), or the first input
# if there is one (GradOperation's default).
ALL, FIRST = "all", "first"


@dataclass(frozen=True)
class Request:
    """What a gradient function computes and the structure it returns it in (MindSpore's).

    positions: a tuple of argument positions, ALL, FIRST or None (no position). The gradients of
    the positions are one value when single_position, else a tuple; those of the weights are
    one value for weights_kind "one" (a Parameter), else a tuple. The result is the positions'
    part, the weights' part, or (positions' part, weights' part) as with_positions and
    weights_kind ("none": no weights' part) say. With return_ids each gradient is (position or
    Parameter name, gradient). Requests are equal when they ask the same of the same params."""

    positions: tuple[int, ...] | str | None
    single_position: bool
    with_positions: bool
    weights_kind: str
    params: tuple[Parameter, ...] = field(compare=False)
    param_ids: tuple[int, ...] = field(init=False)
    has_aux: bool = False
    with_values: bool = False
    sens_param: bool = False
    return_ids: bool = False

    def __post_init__(self):
        object.__setattr__(self, "param_ids", tuple(map(id, self.params)))

    def positions_for(self, count: int) -> tuple[int, ...]:
        """The positions differentiated in a call with count arguments (checked there)."""
        if self.positions == ALL:
            return tuple(range(count))
        if self.positions == FIRST:
            return tuple(range(min(count, 1)))
        return () if self.positions is None else in_range(self.positions, count)

    def structure(self, positions: Sequence[int], by_position: Sequence, by_weight: Sequence):
        if self.return_ids:
            by_position = [(p, g) for p, g in zip(positions, by_position)]
            by_weight = [(w.name, g) for w, g in zip(self.params, by_weight)]
        position_part = by_position[0] if self.single_position and by_position else tuple(by_position)
        weight_part = by_weight[0] if self.weights_kind == "one" else tuple(by_weight)
        if self.weights_kind == "none":
            return position_part
        if not self.with_positions:
            return weight_part
        return position_part, weight_part


def weights_kind(weights) -> str:
    return "none" if weights is None else "one" if isinstance(weights, Parameter) else "many"


def request(grad_position, weights, has_aux: bool, return_ids: bool, with_values: bool) -> Request:
    """The Request of grad/value_and_grad, checked as MindSpore checks it."""
    where = user_frame_position()
    if grad_position is None and weights is None:
        raise ValueError(f"{where_text(where)}grad_position and weights cannot both be None: there is nothing "
                         "to differentiate")
    positions = checked_position(grad_position, where)
    return Request(positions, single_position=isinstance(grad_position, int), with_positions=positions is not None,
                   weights_kind=weights_kind(weights), params=checked_weights(weights, where), has_aux=has_aux,
                   with_values=with_values, return_ids=return_ids)


def get_grad(gradients, identifier) -> Tensor:
    """The gradient of identifier (a position or a Parameter) in what grad or value_and_grad
    returned with return_ids=True (MindSpore's ops.get_grad). RuntimeError if it is not there."""
    key = identifier.name if isinstance(identifier, Parameter) else identifier
    if isinstance(key, bool) or not isinstance(key, (int, str)):
        raise TypeError(f"{where_text(user_frame_position())}get_grad's identifier must be a position (int) or a "
                        f"Parameter, got {type(identifier).__name__}")
    found = _find_gradient(gradients, key)
    if found is None:
        raise RuntimeError(f"{where_text(user_frame_position())}get_grad found no gradient for {identifier!r}; "
                           "was the gradient function made with return_ids=True and this position or Parameter?")
    return found


def _find_gradient(tree, key):
    if not isinstance(tree, tuple):
        return None
    if len(tree) == 2 and type(tree[0]) is type(key) and tree[0] == key and isinstance(tree[1], Tensor):
        return tree[1]
    return next((g for g in (_find_gradient(t, key) for t in tree) if g is not None), None)
