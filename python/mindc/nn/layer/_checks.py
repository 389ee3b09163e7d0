"""Argument checks shared by the layers: each error names the layer and the argument."""
from __future__ import annotations

import numbers
from typing import Any


def positive_int(value: Any, name: str, owner: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"For '{owner}', '{name}' must be an int, got {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"For '{owner}', '{name}' must be a positive int, got {value}")
    return int(value)


def int_arg(value: Any, name: str, owner: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"For '{owner}', '{name}' must be an int, got {type(value).__name__}")
    return int(value)


def bool_arg(value: Any, name: str, owner: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"For '{owner}', '{name}' must be a bool, got {type(value).__name__}")
    return value


def float_arg(value: Any, name: str, owner: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"For '{owner}', '{name}' must be a float, got {type(value).__name__}")
    return float(value)


def int_pair(value: Any, name: str, owner: str, least: int = 1) -> tuple[int, int]:
    """An int or a tuple of 1 or 2 ints, each at least `least`, as (h, w)."""
    items = (value,) if isinstance(value, numbers.Integral) and not isinstance(value, bool) else value
    if not isinstance(items, (tuple, list)) or len(items) not in (1, 2) or \
            any(isinstance(v, bool) or not isinstance(v, numbers.Integral) for v in items):
        raise TypeError(f"For '{owner}', '{name}' must be an int or a tuple of two ints, got {value!r}")
    pair = (int(items[0]), int(items[-1]))
    if min(pair) < least:
        raise ValueError(f"For '{owner}', '{name}' entries must be >= {least}, got {value!r}")
    return pair


def padding_arg(value: Any, owner: str) -> tuple[int, ...]:
    """padding: an int or a tuple of 2 or 4 non-negative ints (as given)."""
    items = (value,) if isinstance(value, numbers.Integral) and not isinstance(value, bool) else value
    if not isinstance(items, (tuple, list)) or len(items) not in (1, 2, 4) or \
            any(isinstance(v, bool) or not isinstance(v, numbers.Integral) for v in items):
        raise TypeError(f"For '{owner}', 'padding' must be an int or a tuple of 2 or 4 ints, got {value!r}")
    if min(items) < 0:
        raise ValueError(f"For '{owner}', 'padding' entries must be >= 0, got {value!r}")
    return tuple(int(v) for v in items)


def pad_mode_arg(value: Any, owner: str) -> str:
    if not isinstance(value, str) or value.lower() not in ("same", "valid", "pad"):
        raise ValueError(f"For '{owner}', 'pad_mode' must be 'same', 'valid' or 'pad', got {value!r}")
    return value.lower()


def pad_mode_padding(pad_mode: str, padding: tuple[int, ...], owner: str) -> None:
    if pad_mode != "pad" and any(padding):
        raise ValueError(f"For '{owner}', 'padding' must be 0 when 'pad_mode' is '{pad_mode}', got {padding!r}")


def nchw_only(data_format: Any, owner: str) -> str:
    if data_format != "NCHW":
        raise ValueError(f"For '{owner}', 'data_format' must be 'NCHW' (the only layout mindc supports), "
                         f"got {data_format!r}")
    return data_format


def same_pads(size, kernel, stride, dilation=(1, 1)) -> tuple[int, int, int, int]:
    """[top, bottom, left, right] for pad_mode 'same': out = ceil(in / stride); an odd total
    puts the extra row/column at the bottom/right (MindSpore's and TensorFlow's rule)."""
    pads = []
    for n, k, s, d in zip(size, kernel, stride, dilation):
        total = max(0, (-(-n // s) - 1) * s + d * (k - 1) + 1 - n)
        pads += [total // 2, total - total // 2]
    return tuple(pads)
