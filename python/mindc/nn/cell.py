"""Cell: MindSpore's building block of networks (`mindspore.nn.Cell`).

A Cell holds Parameters and child Cells as attributes and computes in `construct`. In
PYNATIVE_MODE (the default) calling a Cell runs `construct` as Python, each op eagerly, between
its forward hooks. In
GRAPH_MODE it compiles `construct` as one graph: its Python control flow is converted to `scf`
ops, its Parameters become arguments of the compiled function, and Parameters it assigns are
updated in place; the graph is compiled once per input signature and training mode. Inside
another graph (a parent Cell, `mindc.jit`, `mindc.grad`), a Cell's construct is simply traced
into it, in either mode.
"""
from __future__ import annotations

import copy
from collections import OrderedDict
from typing import Any, Iterator, NamedTuple

import numpy as np

from mindc.context import graph_mode
from mindc.frontend.bprop import call_with_bprop, has_bprop
from mindc.frontend.jit import Jitted
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor
from mindc.frontend.trace import current_trace

__all__ = ["Cell"]

_REGISTRIES = ("_params", "_cells", "_buffers")


class IncompatibleKeys(NamedTuple):
    """What Cell.load_state_dict reports: own keys it found no value for, keys it did not know."""

    missing_keys: list
    unexpected_keys: list


class Cell:
    """Base class of networks: set Parameters and Cells as attributes, compute in construct.

    Parameters set on a Cell whose name was not given take the attribute's name; setting a Cell
    as a child prefixes the names of its Parameters with the attribute's name and a dot (unless
    the parent was made with auto_prefix=False), as MindSpore names checkpoint entries.
    """

    # Bumped whenever a training flag or a child cell changes anywhere (see _mode_key).
    _mode_epoch = 0

    def __init__(self, auto_prefix: bool = True, flags: dict | None = None):
        object.__setattr__(self, "_params", OrderedDict())
        object.__setattr__(self, "_cells", OrderedDict())
        # Tensors that are state but not Parameters (MindSpore's buffers); the non-persistent
        # ones stay out of state_dict.
        object.__setattr__(self, "_buffers", OrderedDict())
        object.__setattr__(self, "_non_persistent_buffers_set", set())
        object.__setattr__(self, "_auto_prefix", auto_prefix)
        object.__setattr__(self, "training", False)
        object.__setattr__(self, "requires_grad", False)
        object.__setattr__(self, "_graph", None)
        object.__setattr__(self, "_shard", None)  # Cell.shard's layouts (parallel/_shard.py)
        # Forward hooks, PyNative only (as in MindSpore): id -> hook_fn; ids that take kwargs.
        for table in ("_forward_pre_hook", "_forward_pre_hook_with_kwargs", "_forward_hook",
                      "_forward_hook_with_kwargs"):
            object.__setattr__(self, table, OrderedDict())

    # ---- attributes: Parameters and child Cells are registered, everything else is plain
    def __setattr__(self, name: str, value: Any) -> None:
        if "_params" not in self.__dict__:
            raise AttributeError(f"{type(self).__name__}.__init__ must call super().__init__() before setting "
                                 f"attribute '{name}'")
        params, cells, buffers = self.__dict__["_params"], self.__dict__["_cells"], self.__dict__["_buffers"]
        if name == "training" or isinstance(value, Cell) or name in cells:
            Cell._modes_changed()
        if isinstance(value, Parameter):
            if value.name.startswith("Parameter_"):
                value.name = name
            self._forget(name)
            params[name] = value
        elif isinstance(value, Cell):
            if self._auto_prefix:
                value.update_parameters_name(name + ".")
            self._forget(name)
            cells[name] = value
        elif isinstance(value, Tensor) and params.get(name) is not None:
            # MindSpore's Cell: a tensor assigned to a Parameter's name sets its data (in a
            # graph, an assignment of the Parameter), the Parameter stays.
            params[name].set_data(value)
        elif getattr(value, "_is_buffer", False) or (name in buffers and isinstance(value, Tensor)):
            self.register_buffer(name, value, getattr(value, "persistent", name not in self._non_persistent_buffers_set))
        elif value is None and (name in params or name in cells or name in buffers):
            next(table for table in (params, cells, buffers) if name in table)[name] = None
        else:
            self._forget(name)
            object.__setattr__(self, name, value)

    def _forget(self, name: str) -> None:
        """Drop name from every registry and the plain attributes, before it is set anew."""
        for registry in _REGISTRIES:
            self.__dict__[registry].pop(name, None)
        self.__dict__.pop(name, None)

    def __getattr__(self, name: str) -> Any:
        # Only called when normal lookup fails: Parameters, Cells and buffers live in the registries.
        for registry in _REGISTRIES:
            table = self.__dict__.get(registry)
            if table is not None and name in table:
                return table[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name: str) -> None:
        Cell._modes_changed()
        for registry in _REGISTRIES:
            if name in self.__dict__[registry]:
                del self.__dict__[registry][name]
                return
        object.__delattr__(self, name)

    def __deepcopy__(self, memo):
        # A copy has its own Parameters and children, and compiles its own graph when called.
        clone = object.__new__(type(self))
        memo[id(self)] = clone
        for key, value in self.__dict__.items():
            object.__setattr__(clone, key, None if key == "_graph" else copy.deepcopy(value, memo))
        return clone

    # ---- computing
    def construct(self, *inputs, **kwargs):
        raise NotImplementedError(f"{type(self).__name__} must define construct()")

    def __call__(self, *args, **kwargs):
        if current_trace() is not None:
            if has_bprop(self):
                # Differentiated by the user's bprop, not by its construct (frontend/bprop.py).
                def construct(*args, **kwargs):
                    return call_with_bprop(self, args, kwargs)
            else:
                construct = self._traced_construct()
            if self._shard is not None:
                construct = self._shard.around(construct)
            # PyNative traces (mindc.grad) run the hooks as MindSpore's PyNative grad does.
            return construct(*args, **kwargs) if graph_mode() else self._with_hooks(construct, args, kwargs)
        if not graph_mode():
            return self._with_hooks(self.construct, args, kwargs)
        if self._graph is None:
            object.__setattr__(self, "_graph", Jitted(self._traced_construct(), key=self._mode_key,
                                                      name=type(self).__name__))
        return self._graph.call(args, kwargs)

    def shard(self, in_strategy, out_strategy=None, parameter_plan=None, device: str = "Ascend", level: int = 0):
        """Layouts for the Cell's inputs, outputs and Parameters in a parallel program (see
        mindc.parallel.shard); the Cell applies them wherever it is called in a graph."""
        from mindc.parallel._shard import shard

        sharded = shard(self, in_strategy, out_strategy, parameter_plan, device, level)
        object.__setattr__(self, "_shard", sharded)
        return sharded

    def _with_hooks(self, construct, args: tuple, kwargs: dict):
        """construct(*args, **kwargs) between the forward pre-hooks and hooks."""
        if not (self._forward_pre_hook or self._forward_hook):
            return construct(*args, **kwargs)
        for hook_id, hook in list(self._forward_pre_hook.items()):
            if hook_id in self._forward_pre_hook_with_kwargs:
                new = hook(self, args, kwargs)
                if new is not None:
                    if not (isinstance(new, tuple) and len(new) == 2):
                        raise TypeError("a forward pre hook with kwargs must return None or (new_args, new_kwargs), "
                                        f"got {type(new).__name__}")
                    args, kwargs = new
            else:
                new = hook(self, args)
                if new is not None:
                    args = new if isinstance(new, tuple) else (new,)
        output = construct(*args, **kwargs)
        for hook_id, hook in list(self._forward_hook.items()):
            new = (hook(self, args, kwargs, output) if hook_id in self._forward_hook_with_kwargs
                   else hook(self, args, output))
            if new is not None:
                output = new
        return output

    def register_forward_pre_hook(self, hook_fn, with_kwargs: bool = False):
        """hook_fn(cell, args) -> None or new args (with_kwargs: hook_fn(cell, args, kwargs) -> None
        or (new_args, new_kwargs)), run before construct in PyNative mode; returns a HookHandle."""
        return self._register_hook(self._forward_pre_hook, self._forward_pre_hook_with_kwargs, hook_fn, with_kwargs)

    def register_forward_hook(self, hook_fn, with_kwargs: bool = False):
        """hook_fn(cell, args, output) -> None or new output (with_kwargs: hook_fn(cell, args,
        kwargs, output)), run after construct in PyNative mode; returns a HookHandle."""
        return self._register_hook(self._forward_hook, self._forward_hook_with_kwargs, hook_fn, with_kwargs)

    @staticmethod
    def _register_hook(table: dict, with_kwargs_table: dict, hook_fn, with_kwargs: bool):
        from mindc.common.hook_handle import HookHandle

        if not callable(hook_fn):
            raise TypeError(f"a hook must be a function, got {type(hook_fn).__name__}")
        handle = HookHandle(table, extra_dict=with_kwargs_table)
        table[handle.handle_id] = hook_fn
        if with_kwargs:
            with_kwargs_table[handle.handle_id] = True
        return handle

    def _traced_construct(self):
        """construct, its Python control flow on tensors converted to graph form, bound to self."""
        from mindc.frontend.convert import convert

        return convert(type(self).construct).__get__(self, type(self))

    def _mode_key(self) -> tuple:
        # A graph traced in training mode (Dropout on, BatchNorm's batch statistics) is not the
        # eval graph: the mode of every cell is part of the compile-cache key. Walking the cells
        # at every call would cost more than the call itself, so the key is kept until any cell's
        # mode or children change (_modes_changed).
        cached = self.__dict__.get("_mode_cache")
        if cached is not None and cached[0] == Cell._mode_epoch:
            return cached[1]
        key = tuple(cell.training for _, cell in self.cells_and_names())
        object.__setattr__(self, "_mode_cache", (Cell._mode_epoch, key))
        return key

    @staticmethod
    def _modes_changed() -> None:
        """Invalidate every cell's cached mode key (a mode or a child changed somewhere)."""
        Cell._mode_epoch += 1

    def compile_cache_info(self):
        """hits, misses, maxsize, currsize of this Cell's graph cache (compiled on first call)."""
        from mindc.frontend.eager import CacheInfo

        return self._graph.cache_info() if self._graph is not None else CacheInfo(0, 0, None, 0)

    # ---- modes
    def set_train(self, mode: bool = True) -> "Cell":
        """Training mode (True) or evaluation mode, for this Cell and every Cell in it."""
        for _, cell in self.cells_and_names():
            if cell.training != bool(mode):
                object.__setattr__(cell, "training", bool(mode))
                Cell._modes_changed()
        return self

    def set_grad(self, requires_grad: bool = True) -> "Cell":
        object.__setattr__(self, "requires_grad", requires_grad)
        return self

    # ---- children
    def cells_and_names(self, cells: set | None = None, name_prefix: str = "") -> Iterator[tuple[str, "Cell"]]:
        """(name, cell) for this Cell and every Cell under it, each once, depth first."""
        seen = cells if cells is not None else set()
        if id(self) in seen:
            return
        seen.add(id(self))
        yield name_prefix, self
        for name, cell in self._cells.items():
            if cell is not None:
                yield from cell.cells_and_names(seen, f"{name_prefix}.{name}" if name_prefix else name)

    def name_cells(self) -> "OrderedDict[str, Cell]":
        return OrderedDict((name, cell) for name, cell in self._cells.items() if cell is not None)

    def cells(self) -> list["Cell"]:
        return list(self.name_cells().values())

    def insert_child_to_cell(self, child_name: str, child_cell: "Cell") -> None:
        if not isinstance(child_cell, Cell) and child_cell is not None:
            raise TypeError(f"insert_child_to_cell needs a Cell, got {type(child_cell).__name__}")
        if "." in child_name or not child_name:
            raise KeyError(f"child name '{child_name}' must be non-empty and contain no '.'")
        setattr(self, child_name, child_cell)

    def insert_param_to_cell(self, param_name: str, param: Parameter, check_name_contain_dot: bool = True) -> None:
        if check_name_contain_dot and "." in param_name:
            raise KeyError(f"parameter name '{param_name}' must contain no '.'")
        if not isinstance(param, Parameter) and param is not None:
            raise TypeError(f"insert_param_to_cell needs a Parameter, got {type(param).__name__}")
        setattr(self, param_name, param)

    # ---- parameters
    def parameters_and_names(self, name_prefix: str = "", expand: bool = True) -> Iterator[tuple[str, Parameter]]:
        """(attribute path, parameter) for each Parameter, each once, in definition order."""
        seen: set[int] = set()
        cells = self.cells_and_names(name_prefix=name_prefix) if expand else [(name_prefix, self)]
        for prefix, cell in cells:
            for name, param in cell._params.items():
                if param is not None and id(param) not in seen:
                    seen.add(id(param))
                    yield (f"{prefix}.{name}" if prefix else name), param

    def get_parameters(self, expand: bool = True) -> Iterator[Parameter]:
        for _, param in self.parameters_and_names(expand=expand):
            yield param

    def trainable_params(self, recurse: bool = True) -> list[Parameter]:
        return [p for p in self.get_parameters(expand=recurse) if p.requires_grad]

    def untrainable_params(self, recurse: bool = True) -> list[Parameter]:
        return [p for p in self.get_parameters(expand=recurse) if not p.requires_grad]

    def parameters_dict(self, recurse: bool = True) -> "OrderedDict[str, Parameter]":
        """{parameter name: parameter} (the names checkpoints use)."""
        return OrderedDict((p.name, p) for p in self.get_parameters(expand=recurse))

    def update_parameters_name(self, prefix: str = "", recurse: bool = True) -> None:
        for param in self.get_parameters(expand=recurse):
            param.name = prefix + param.name

    # ---- buffers: Tensors that are state but not trained
    def register_buffer(self, name: str, tensor, persistent: bool = True) -> None:
        """Keep tensor (or None) as the buffer `name`; persistent buffers are in state_dict."""
        if not isinstance(name, str):
            raise TypeError(f"buffer name should be a string, but got {type(name).__name__}")
        if "." in name or not name:
            raise KeyError(f"buffer name must be non-empty and contain no '.', got '{name}'")
        if hasattr(self, name) and name not in self._buffers:
            raise KeyError(f"attribute '{name}' already exists")
        if tensor is not None and not isinstance(tensor, Tensor):
            raise TypeError(f"cannot assign '{type(tensor).__name__}' object to buffer '{name}' (Tensor or None "
                            "required)")
        self._forget(name)
        if tensor is not None:
            tensor._is_buffer = True   # compiled graphs read it at every call (frontend/trace.py)
        self._buffers[name] = tensor
        (self._non_persistent_buffers_set.discard if persistent else self._non_persistent_buffers_set.add)(name)

    def get_buffer(self, target: str):
        """The buffer at the dotted path target ('block.0.running_mean')."""
        *path, name = target.split(".")
        cell = self
        for part in path:
            child = cell._cells.get(part)
            if child is None:
                raise AttributeError(f"{type(cell).__name__} has no attribute `{part}`")
            cell = child
        if name not in cell._buffers:
            raise AttributeError(f"`{name}` is not a buffer of {type(cell).__name__}")
        return cell._buffers[name]

    def named_buffers(self, prefix: str = "", recurse: bool = True, remove_duplicate: bool = True):
        """(dotted path, buffer) for this Cell's buffers (and its children's, with recurse)."""
        seen: set[int] = set()
        cells = self.cells_and_names(name_prefix=prefix) if recurse else [(prefix, self)]
        for path, cell in cells:
            for name, buf in cell._buffers.items():
                if buf is None or (remove_duplicate and id(buf) in seen):
                    continue
                seen.add(id(buf))
                yield (f"{path}.{name}" if path else name), buf

    def buffers(self, recurse: bool = True):
        for _, buf in self.named_buffers(recurse=recurse):
            yield buf

    # ---- state dict: Parameters and persistent buffers by attribute path
    def state_dict(self, *, destination=None, prefix: str = "", keep_vars: bool = False):
        """An OrderedDict from each Parameter's and persistent buffer's attribute path (prefixed)
        to it, this Cell's before its children's."""
        destination = OrderedDict() if destination is None else destination
        for path, cell in self.cells_and_names(name_prefix=prefix.rstrip(".")):
            head = f"{path}." if path else ""
            for name, param in cell._params.items():
                if param is not None:
                    destination[head + name] = param
            for name, buf in cell._buffers.items():
                if buf is not None and name not in cell._non_persistent_buffers_set:
                    destination[head + name] = buf
        return destination

    def load_state_dict(self, state_dict, strict: bool = True):
        """Copy each entry of state_dict into the Parameter or buffer at its path. Returns
        (missing_keys, unexpected_keys); with strict, either being non-empty is a RuntimeError
        (shape mismatches always are)."""
        own = self.state_dict()
        errors = []
        for key, value in state_dict.items():
            target = own.get(key)
            if target is None:
                continue
            array = value.asnumpy() if isinstance(value, Tensor) else np.asarray(value)
            if tuple(array.shape) != tuple(target.shape):
                errors.append(f"size mismatch for {key}: copying a param with shape {list(array.shape)}, the shape in "
                              f"current model is {list(target.shape)}")
                continue
            target.copy_(Tensor(array))
        result = IncompatibleKeys([k for k in own if k not in state_dict], [k for k in state_dict if k not in own])
        if strict:
            errors += [f"Missing key(s) in state_dict: {', '.join(result.missing_keys)}."] if result.missing_keys else []
            errors += ([f"Unexpected key(s) in state_dict: {', '.join(result.unexpected_keys)}."]
                       if result.unexpected_keys else [])
        if errors:
            raise RuntimeError(f"Error(s) in loading state_dict for {type(self).__name__}:\n\t" + "\n\t".join(errors))
        return result

    # ---- printing
    def extend_repr(self) -> str:
        """The layer's settings, shown in its repr (subclasses say what they are)."""
        return ""

    def __repr__(self) -> str:
        children = [f"({name}): {cell!r}".replace("\n", "\n  ") for name, cell in self.name_cells().items()]
        head = f"{type(self).__name__}<{self.extend_repr()}>"
        if not children:
            return head
        return head[:-1] + "\n  " + "\n  ".join(children) + "\n  >"
