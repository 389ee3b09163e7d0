"""MindSpore's `mindspore.parallel.shard` and `Cell.shard`: layouts asked for at a function's or a
Cell's boundary, instead of on its primitives.

Traced in a graph, each input (and output) with a strategy passes through a `mind.shard` op that
carries it (rules/annotation.py); a Parameter named in `parameter_plan` carries its strategy as a
`mind.strategy` on the compiled function's argument. mind-sharding-propagation takes both as
fixed. Outside a graph, and without a parallel mode, they change nothing.
"""
from __future__ import annotations

from typing import Any, Callable

from mindc.frontend.tensor import Tensor
from mindc.sharding.spec import is_pieces

__all__ = ["shard"]


def shard(fn, in_strategy, out_strategy=None, parameter_plan=None, device: str = "Ascend", level: int = 0) -> "Sharded":
    """fn (a Cell or a function) with the layouts of its inputs, outputs and Parameters set.

    in_strategy: per input, the pieces of each dimension ((2, 1), ...), or None to leave it free;
    out_strategy likewise per output; parameter_plan: {parameter name: pieces} for a Cell's
    Parameters (names as `parameters_and_names` gives them, an optional "self." prefix allowed).
    """
    if not callable(fn):
        raise TypeError(f"For 'shard', 'fn' must be a Cell or a function, got {type(fn).__name__}")
    ins = _strategies(in_strategy, "in_strategy")
    outs = None if out_strategy is None else _strategies(out_strategy, "out_strategy")
    if parameter_plan is not None:
        _plan_parameters(fn, parameter_plan)
    return Sharded(fn, ins, outs)


class Sharded:
    """A callable with layouts for its inputs and outputs (see shard)."""

    def __init__(self, fn: Callable, ins: tuple, outs: tuple | None):
        self.fn, self.in_strategy, self.out_strategy = fn, ins, outs

    def __call__(self, *args, **kwargs):
        return call_sharded(self.fn, self.in_strategy, self.out_strategy, args, kwargs)

    def around(self, construct: Callable) -> Callable:
        """construct with this object's layouts (a Cell's own construct, for Cell.shard)."""
        return lambda *args, **kwargs: call_sharded(construct, self.in_strategy, self.out_strategy, args, kwargs)


def call_sharded(fn: Callable, ins: tuple, outs: tuple | None, args: tuple, kwargs: dict) -> Any:
    from mindc.frontend.trace import current_trace

    if current_trace() is None:
        return fn(*args, **kwargs)
    if len(ins) != len(args):
        raise ValueError(f"For 'shard', in_strategy has {len(ins)} entries but the function is called with "
                         f"{len(args)} inputs")
    out = fn(*[_annotated(x, s, "input", i) for i, (x, s) in enumerate(zip(args, ins))], **kwargs)
    if outs is None:
        return out
    single = not isinstance(out, (tuple, list))
    values = (out,) if single else tuple(out)
    if len(outs) != len(values):
        raise ValueError(f"For 'shard', out_strategy has {len(outs)} entries but the function returns "
                         f"{len(values)} outputs")
    values = tuple(_annotated(x, s, "output", i) for i, (x, s) in enumerate(zip(values, outs)))
    return values[0] if single else type(out)(values)


def _annotated(x, strategy, what: str, index: int):
    from mindc.frontend.trace import apply, op_strategy

    if strategy is None:
        return x
    if not isinstance(x, Tensor):
        raise TypeError(f"For 'shard', {what} {index} has a strategy but is a {type(x).__name__}, not a Tensor")
    if len(strategy) != len(x.shape):
        raise ValueError(f"For 'shard', the strategy {strategy} of {what} {index} has {len(strategy)} entries, "
                         f"the tensor has {len(x.shape)} dimensions")
    with op_strategy((strategy,)):
        (y,) = apply("mind.shard", [x])
    return y


def _strategies(value, what: str) -> tuple:
    if not isinstance(value, (tuple, list)):
        raise TypeError(f"For 'shard', '{what}' must be a tuple with one strategy (or None) per tensor, "
                        f"got {type(value).__name__}")
    return tuple(None if s is None else _pieces(s, what) for s in value)


def _pieces(strategy, what: str) -> tuple[int, ...]:
    pieces = tuple(strategy) if isinstance(strategy, (tuple, list)) else strategy
    if not is_pieces(pieces):
        raise TypeError(f"For 'shard', each entry of '{what}' must be a tuple of positive ints, got {strategy!r}")
    return pieces


def _plan_parameters(fn, plan) -> None:
    from mindc.nn.cell import Cell

    if not isinstance(fn, Cell):
        raise TypeError("For 'shard', 'parameter_plan' needs a Cell: a function has no Parameters of its own")
    if not isinstance(plan, dict):
        raise TypeError(f"For 'shard', 'parameter_plan' must be a dict, got {type(plan).__name__}")
    params = dict(fn.parameters_and_names())
    for name, strategy in plan.items():
        key = name[len("self."):] if isinstance(name, str) and name.startswith("self.") else name
        if key not in params:
            raise ValueError(f"For 'shard', parameter_plan names '{name}', which is not a Parameter of "
                             f"{type(fn).__name__} (it has {', '.join(params) or 'none'})")
        pieces = _pieces(strategy, "parameter_plan")
        if len(pieces) != len(params[key].shape):
            raise ValueError(f"For 'shard', the strategy {pieces} of parameter '{name}' has {len(pieces)} entries, "
                             f"the parameter has {len(params[key].shape)} dimensions")
        params[key]._strategy = pieces
