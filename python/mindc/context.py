"""MindSpore's global execution context (`mindspore.context`): the execution mode and device.

PYNATIVE_MODE (the default, as in MindSpore): ops on Tensors and Cells run eagerly, each op
through its own compiled kernel. GRAPH_MODE: calling a Cell compiles its whole `construct` as
one graph. Functions decorated with `mindc.jit` compile in both modes, and a Cell called inside
a graph is traced into it in both.
"""
from __future__ import annotations

import os
from typing import Any

from mindc.parallel._auto_parallel_context import (ParallelMode, get_auto_parallel_context,  # noqa: F401
                                                   reset_auto_parallel_context, set_auto_parallel_context)

__all__ = ["GRAPH_MODE", "PYNATIVE_MODE", "set_context", "get_context", "set_device", "get_device"]
__all__ += ["ParallelMode", "set_auto_parallel_context", "get_auto_parallel_context", "reset_auto_parallel_context"]

GRAPH_MODE = 0
PYNATIVE_MODE = 1

_DEVICES = ("CPU",)

# Settings that tune MindSpore's own runtime (graph dumps, memory pools, kernel choice) and have
# no counterpart here: accepted so that programs setting them run, stored so get_context answers.
_ACCEPTED = {"device_id": 0, "save_graphs": False, "save_graphs_path": ".", "jit_config": {},
             "max_call_depth": 1000, "pynative_synchronize": False, "max_device_memory": "1024GB",
             "deterministic": "OFF", "enable_graph_kernel": False, "graph_kernel_flags": "",
             "memory_optimize_level": "O0", "runtime_num_threads": os.cpu_count() or 1, "inter_op_parallel_num": 0,
             "enable_compile_cache": False, "compile_cache_path": ".", "print_file_path": "",
             "mempool_block_size": "1GB", "check_bprop": False, "grad_for_scalar": False,
             "enable_reduce_precision": True, "precompile_only": False, "debug_level": 0,
             "support_binary": False, "ascend_config": {}, "gpu_config": {}, "aoe_tune_mode": "",
             "op_timeout": 900, "env_config_path": "", "variable_memory_max_size": "0GB",
             "enable_dump": False, "save_dump_path": ".", "reserve_class_name_in_scope": True,
             "disable_format_transform": False, "memory_offload": "OFF", "jit_syntax_level": 2}

_settings: dict[str, Any] = {"mode": PYNATIVE_MODE, "device_target": "CPU", **_ACCEPTED}


def set_context(**kwargs) -> None:
    """Set any of mode, device_target and MindSpore's other context keys (others raise)."""
    for key in kwargs:
        if key not in _settings:
            raise ValueError(f"For 'set_context', the keyword argument '{key}' is not recognized; "
                             f"known keys: {', '.join(sorted(_settings))}")
    if "mode" in kwargs and kwargs["mode"] not in (GRAPH_MODE, PYNATIVE_MODE):
        raise ValueError(f"For 'set_context', mode must be GRAPH_MODE (0) or PYNATIVE_MODE (1), got {kwargs['mode']!r}")
    if "device_target" in kwargs:
        kwargs["device_target"] = _checked_device(kwargs["device_target"])
    _settings.update(kwargs)


def get_context(attr_key: str) -> Any:
    """The value of one context key."""
    if attr_key not in _settings:
        raise ValueError(f"For 'get_context', the argument '{attr_key}' is not a context key")
    return _settings[attr_key]


def set_device(device_target: str, device_id: int | None = None) -> None:
    """Choose the device programs run on (MindSpore 2.5's mindspore.set_device)."""
    _settings["device_target"] = _checked_device(device_target)
    if device_id is not None:
        _settings["device_id"] = device_id


def get_device() -> str:
    return _settings["device_target"]


def graph_mode() -> bool:
    """True when Cells compile their construct as one graph."""
    return _settings["mode"] == GRAPH_MODE


def _checked_device(target: Any) -> str:
    if not isinstance(target, str) or target.upper() not in _DEVICES:
        raise ValueError(f"device_target {target!r} is not supported; mindc runs on {', '.join(_DEVICES)}")
    return target.upper()
