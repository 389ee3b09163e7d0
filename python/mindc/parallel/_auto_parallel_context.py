"""MindSpore's auto-parallel context (`set_auto_parallel_context`): how a program is spread over
the processes of a job. DATA_PARALLEL and HYBRID_PARALLEL make TrainOneStepCell all-reduce the
gradients (nn/wrap/grad_reducer.py); the keys that tune MindSpore's own graph partitioner are
accepted and stored so that programs setting them run and get_auto_parallel_context answers.
"""
from __future__ import annotations

import copy
from typing import Any

__all__ = ["ParallelMode", "set_auto_parallel_context", "get_auto_parallel_context", "reset_auto_parallel_context"]


class ParallelMode:
    """The parallel modes of MindSpore's auto-parallel context."""

    STAND_ALONE = "stand_alone"
    DATA_PARALLEL = "data_parallel"
    HYBRID_PARALLEL = "hybrid_parallel"
    SEMI_AUTO_PARALLEL = "semi_auto_parallel"
    AUTO_PARALLEL = "auto_parallel"
    MODE_LIST = [STAND_ALONE, DATA_PARALLEL, HYBRID_PARALLEL, SEMI_AUTO_PARALLEL, AUTO_PARALLEL]


SEARCH_MODES = ("recursive_programming", "dynamic_programming", "sharding_propagation")

# MindSpore's defaults (its _reset_auto_parallel_context), one entry per key it accepts.
_DEFAULTS: dict[str, Any] = {
    "device_num": 1, "global_rank": 0, "gradients_mean": False, "gradient_fp32_sync": True,
    "loss_repeated_mean": True, "pipeline_stages": 1, "pipeline_result_broadcast": False,
    "pipeline_config": {}, "parallel_mode": ParallelMode.STAND_ALONE, "search_mode": "recursive_programming",
    "auto_parallel_search_mode": "recursive_programming", "parameter_broadcast": False,
    "strategy_ckpt_load_file": "", "strategy_ckpt_save_file": "", "group_ckpt_save_file": "", "full_batch": False,
    "dataset_strategy": "data_parallel", "enable_parallel_optimizer": False, "parallel_optimizer_config": {},
    "grad_accumulation_step": 1, "all_reduce_fusion_config": [], "communi_parallel_mode": "all_group_parallel",
    "optimizer_weight_shard_size": -1, "optimizer_weight_shard_aggregated_save": False,
    "sharding_propagation": False, "enable_alltoall": False, "strategy_ckpt_config": {}, "comm_fusion": {},
    "auto_pipeline": False, "dump_local_norm": False, "dump_local_norm_path": "", "dump_device_local_norm": False,
}

# Keys of each Python type, checked as MindSpore's args_type_check does.
_TYPES = {"device_num": int, "global_rank": int, "gradients_mean": bool, "gradient_fp32_sync": bool,
          "loss_repeated_mean": bool, "pipeline_stages": int, "parallel_mode": str, "search_mode": str,
          "auto_parallel_search_mode": str, "parameter_broadcast": bool, "strategy_ckpt_load_file": str,
          "strategy_ckpt_save_file": str, "group_ckpt_save_file": str, "full_batch": bool,
          "enable_parallel_optimizer": bool, "grad_accumulation_step": int, "all_reduce_fusion_config": list,
          "communi_parallel_mode": str, "optimizer_weight_shard_size": int, "sharding_propagation": bool,
          "optimizer_weight_shard_aggregated_save": bool, "enable_alltoall": bool, "comm_fusion": dict,
          "strategy_ckpt_config": dict, "pipeline_config": dict, "parallel_optimizer_config": dict}

_state: dict[str, Any] = copy.deepcopy(_DEFAULTS)
# Whether the user set device_num / global_rank (otherwise they come from the communication backend).
_set_by_user: set[str] = set()


def set_auto_parallel_context(**kwargs) -> None:
    """Set any of MindSpore's auto-parallel keys; an unknown key or a bad value raises."""
    for key, value in kwargs.items():
        if key not in _DEFAULTS:
            raise ValueError(f"For 'set_auto_parallel_context', the keyword argument '{key}' is not recognized; "
                             f"known keys: {', '.join(sorted(_DEFAULTS))}")
        _check(key, value)
    for key, value in kwargs.items():
        if key in ("search_mode", "auto_parallel_search_mode"):
            _state["search_mode"] = _state["auto_parallel_search_mode"] = value
        _state[key] = value
        _set_by_user.add(key)


def _check(key: str, value: Any) -> None:
    want = _TYPES.get(key)
    if want is not None and (not isinstance(value, want) or (want is int and isinstance(value, bool))):
        raise TypeError(f"For 'set_auto_parallel_context', the argument '{key}' must be {want.__name__}, "
                        f"but got {type(value).__name__}")
    if key == "device_num" and not 1 <= value <= 4096:
        raise ValueError(f"The context configuration parameter 'device_num' must be in [1, 4096], got {value}")
    if key == "global_rank" and not 0 <= value <= 4095:
        raise ValueError(f"The context configuration parameter 'global_rank' must be in [0, 4095], got {value}")
    if key == "parallel_mode" and value not in ParallelMode.MODE_LIST:
        raise ValueError(f"The context configuration parameter 'parallel_mode' only supports "
                         f"{', '.join(repr(m) for m in ParallelMode.MODE_LIST)}, got {value!r}")
    if key in ("search_mode", "auto_parallel_search_mode") and value not in SEARCH_MODES:
        raise ValueError(f"The context configuration parameter '{key}' only supports "
                         f"{', '.join(repr(m) for m in SEARCH_MODES)}, got {value!r}")
    if key == "pipeline_stages" and value < 1:
        raise ValueError(f"For 'set_auto_parallel_context', 'pipeline_stages' must be at least 1, got {value}")


def get_auto_parallel_context(attr_key: str) -> Any:
    """The value of one auto-parallel key."""
    if attr_key not in _DEFAULTS:
        raise ValueError(f"For 'get_auto_parallel_context', the argument '{attr_key}' is not recognized")
    return _state[attr_key]


def reset_auto_parallel_context() -> None:
    """Every key back to MindSpore's default."""
    _state.clear()
    _state.update(copy.deepcopy(_DEFAULTS))
    _set_by_user.clear()


def is_set(key: str) -> bool:
    """Whether the user set key since the last reset (MindSpore's get_device_num_is_set)."""
    return key in _set_by_user


def gradients_reduced() -> bool:
    """Whether TrainOneStepCell all-reduces gradients: data and hybrid parallel modes."""
    return _state["parallel_mode"] in (ParallelMode.DATA_PARALLEL, ParallelMode.HYBRID_PARALLEL)


def device_num() -> int:
    """The devices gradients are averaged over: 1 stand-alone, else the set device_num or the
    world's size (MindSpore's _get_device_num)."""
    if _state["parallel_mode"] == ParallelMode.STAND_ALONE:
        return 1
    if is_set("device_num"):
        return _state["device_num"]
    from mindc.communication.management import get_group_size

    return get_group_size()
