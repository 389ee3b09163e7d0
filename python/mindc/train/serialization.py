"""Checkpoints: save_checkpoint, load_checkpoint, load_param_into_net (MindSpore's names).

File format (mindc checkpoint, version 1): a zip archive (numpy's .npz layout, uncompressed):
- `mindc_checkpoint.json`: {"format": "mindc-checkpoint", "version": 1, "entries": [{"name",
  "dtype" (mindc dtype name, e.g. "float32"), "shape", "member"}, ...]} in save order;
- one `data/<i>.npy` member per entry (numpy's .npy format; bfloat16 stored as its uint16 bits).
Nothing is pickled: arrays are read with allow_pickle=False. The extension is MindSpore's
`.ckpt`, added when the name has none.

Writes are atomic: the archive is written to a temporary file in the target directory,
flushed and fsync'ed, then renamed over the final name (os.replace), so an interrupted save
leaves any previous checkpoint of that name intact and never a partial file under it.
"""
from __future__ import annotations

import json
import os
import tempfile
import zipfile
from collections import OrderedDict
from typing import Any, Callable, Iterable

import numpy as np

from mindc.frontend import dtype as mdt
from mindc.frontend.parameter import Parameter
from mindc.frontend.tensor import Tensor

__all__ = ["save_checkpoint", "load_checkpoint", "load_param_into_net"]

_FORMAT, _VERSION, _INDEX = "mindc-checkpoint", 1, "mindc_checkpoint.json"


def _check_name(ckpt_file_name) -> str:
    if not isinstance(ckpt_file_name, (str, os.PathLike)):
        raise TypeError(f"ckpt_file_name must be a str or path, got {type(ckpt_file_name).__name__}")
    name = os.path.abspath(os.fspath(ckpt_file_name))
    return name if name.endswith(".ckpt") else name + ".ckpt"


def _entries(save_obj) -> list[tuple[str, np.ndarray]]:
    """(name, array) pairs from a Cell, a list of {'name', 'data'} dicts, or a {name: data} dict."""
    from mindc.nn.cell import Cell

    if isinstance(save_obj, Cell):
        return [(name, p.asnumpy()) for name, p in save_obj.parameters_dict().items()]
    if isinstance(save_obj, dict):
        items = list(save_obj.items())
    elif isinstance(save_obj, (list, tuple)):
        items = []
        for item in save_obj:
            if not isinstance(item, dict) or set(item) != {"name", "data"}:
                raise TypeError("save_checkpoint takes a list of {'name': str, 'data': Tensor} dicts, got an "
                                f"element {item!r:.60}")
            items.append((item["name"], item["data"]))
    else:
        raise TypeError(f"save_checkpoint saves a Cell, a list of {{'name', 'data'}} dicts or a dict, "
                        f"got {type(save_obj).__name__}")
    out = []
    for name, data in items:
        if not isinstance(name, str):
            raise TypeError(f"a checkpoint entry name must be a str, got {type(name).__name__}")
        out.append((name, _array(name, data)))
    return out


def _array(name: str, data: Any) -> np.ndarray:
    if isinstance(data, Tensor):
        return data.asnumpy()
    if isinstance(data, (bool, int, float, np.ndarray, np.generic)):
        return np.asarray(Tensor(data).asnumpy())
    raise TypeError(f"checkpoint entry '{name}' must be a Tensor, numpy array or number, got {type(data).__name__}")


def save_checkpoint(save_obj, ckpt_file_name, integrated_save: bool = True, async_save: bool = False,
                    append_dict: dict | None = None, enc_key=None, enc_mode: str = "AES-GCM",
                    choice_func: Callable[[str], bool] | None = None, **kwargs) -> None:
    """Save the Parameters of a Cell (by their names), a list of {'name': ..., 'data': ...}
    dicts, or a {name: data} dict to ckpt_file_name (".ckpt" added if missing).

    append_dict adds entries {name: number or Tensor}; choice_func(name) -> bool keeps only
    some entries. async_save is accepted and saves synchronously. Encryption is not supported.
    Raises TypeError for other objects, ValueError for a name saved twice, OSError on I/O.
    """
    if enc_key is not None:
        raise NotImplementedError("encrypted checkpoints (enc_key) are not supported")
    entries = _entries(save_obj)
    if append_dict is not None:
        if not isinstance(append_dict, dict):
            raise TypeError(f"append_dict must be a dict, got {type(append_dict).__name__}")
        entries += [(k, _array(k, v)) for k, v in append_dict.items()]
    if choice_func is not None:
        entries = [(k, v) for k, v in entries if choice_func(k)]
    seen: set[str] = set()
    for name, _ in entries:
        if name in seen:
            raise ValueError(f"checkpoint entry '{name}' appears twice")
        seen.add(name)
    _write_atomically(_check_name(ckpt_file_name), entries)


def _write_atomically(path: str, entries: list[tuple[str, np.ndarray]]) -> None:
    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            _write_archive(f, entries)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: str) -> None:
    # The rename is durable only once the directory entry is on disk (POSIX); where a
    # directory cannot be opened (Windows), there is nothing to do.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_archive(f, entries: list[tuple[str, np.ndarray]]) -> None:
    index = []
    with zipfile.ZipFile(f, "w", zipfile.ZIP_STORED) as archive:
        for i, (name, array) in enumerate(entries):
            dt = mdt.as_dtype(array.dtype)
            stored = array.view(np.uint16) if dt == mdt.bfloat16 else array
            member = f"data/{i}.npy"
            with archive.open(member, "w", force_zip64=True) as out:
                # Not np.ascontiguousarray: it turns a 0-d array into shape [1].
                np.lib.format.write_array(out, np.require(stored, requirements="C"), allow_pickle=False)
            index.append({"name": name, "dtype": dt.name, "shape": list(array.shape), "member": member})
        archive.writestr(_INDEX, json.dumps({"format": _FORMAT, "version": _VERSION, "entries": index}))


def _read_archive(path: str) -> "OrderedDict[str, np.ndarray]":
    if not os.path.isfile(path):
        raise ValueError(f"checkpoint file '{path}' does not exist")
    try:
        with zipfile.ZipFile(path, "r") as archive:
            meta = json.loads(archive.read(_INDEX))
            if meta.get("format") != _FORMAT or meta.get("version") != _VERSION:
                raise ValueError(f"format {meta.get('format')!r} version {meta.get('version')!r}")
            arrays = OrderedDict()
            for entry in meta["entries"]:
                with archive.open(entry["member"]) as member:
                    array = np.lib.format.read_array(member, allow_pickle=False)
                dt = _dtype_by_name(entry["dtype"])
                array = array.view(dt.numpy) if dt == mdt.bfloat16 else array
                if array.dtype != dt.numpy or list(array.shape) != entry["shape"]:
                    raise ValueError(f"entry '{entry['name']}' holds {array.dtype} {list(array.shape)}, its index "
                                     f"says {entry['dtype']} {entry['shape']}")
                arrays[entry["name"]] = array
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, EOFError, OSError) as e:
        raise ValueError(f"checkpoint file '{path}' is not a readable mindc checkpoint: {e}") from e
    return arrays


def _dtype_by_name(name: str) -> mdt.DType:
    for dt in mdt.ALL:
        if dt.name == name:
            return dt
    raise ValueError(f"unknown dtype '{name}'")


def load_checkpoint(ckpt_file_name, net=None, strict_load: bool = False, filter_prefix=None, dec_key=None,
                    dec_mode: str = "AES-GCM", specify_prefix=None, choice_func: Callable[[str], bool] | None = None,
                    **kwargs) -> "OrderedDict[str, Parameter]":
    """{name: Parameter} of a checkpoint, in file order; with net, also load_param_into_net.

    filter_prefix (str or sequence) drops the names that start with it; specify_prefix keeps
    only those that start with it; choice_func(name) -> bool keeps the names it accepts.
    Raises ValueError naming the path if the file is missing or not a mindc checkpoint.
    """
    if dec_key is not None:
        raise NotImplementedError("encrypted checkpoints (dec_key) are not supported")
    path = os.path.abspath(os.fspath(ckpt_file_name))
    arrays = _read_archive(path)
    drop, keep = _prefixes(filter_prefix, "filter_prefix"), _prefixes(specify_prefix, "specify_prefix")
    params = OrderedDict()
    for name, array in arrays.items():
        if drop and name.startswith(drop) or keep and not name.startswith(keep):
            continue
        if choice_func is not None and not choice_func(name):
            continue
        params[name] = Parameter(Tensor._wrap(array), name=name)
    if net is not None:
        load_param_into_net(net, params, strict_load=strict_load)
    return params


def _prefixes(value, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = (value,) if isinstance(value, str) else tuple(value)
    if not items or not all(isinstance(p, str) and p for p in items):
        raise TypeError(f"{what} must be a non-empty str or a sequence of them, got {value!r}")
    return items


def load_param_into_net(net, parameter_dict: dict, strict_load: bool = False) -> tuple[list[str], list[str]]:
    """Copy the values of parameter_dict into net's Parameters of the same names (set_data: the
    Parameter objects stay, so compiled graphs keep working). Returns (param_not_load,
    ckpt_not_load): the net's names left unloaded, and the dict's names not used.

    Without strict_load, a net name missing from the dict matches a unique dict name that
    equals it up to a leading prefix ('network.fc1.weight' and 'fc1.weight'), and floats are
    cast between float dtypes. Raises ValueError naming the parameter on a shape mismatch,
    or on a dtype mismatch that is not float-to-float (any dtype mismatch with strict_load).
    """
    from mindc.nn.cell import Cell

    if not isinstance(net, Cell):
        raise TypeError(f"load_param_into_net loads into a Cell, got {type(net).__name__}")
    if not isinstance(parameter_dict, dict):
        raise TypeError(f"parameter_dict must be a dict, got {type(parameter_dict).__name__}")
    used: set[str] = set()
    param_not_load = []
    for name, param in net.parameters_dict().items():
        key = name if name in parameter_dict else None if strict_load else _suffix_match(name, parameter_dict)
        if key is None:
            param_not_load.append(name)
            continue
        param.set_data(_checked_value(param, key, parameter_dict[key], strict_load))
        used.add(key)
    ckpt_not_load = [k for k in parameter_dict if k not in used]
    return param_not_load, ckpt_not_load


def _suffix_match(name: str, names: Iterable[str]) -> str | None:
    found = [k for k in names if k.endswith("." + name) or name.endswith("." + k)]
    return found[0] if len(found) == 1 else None


def _checked_value(param: Parameter, key: str, value, strict_load: bool) -> np.ndarray:
    array = value.asnumpy() if isinstance(value, Tensor) else np.asarray(value)
    if tuple(array.shape) != tuple(param.shape):
        raise ValueError(f"cannot load checkpoint parameter '{key}' into '{param.name}': the checkpoint has shape "
                         f"{list(array.shape)}, the network has shape {list(param.shape)}")
    have, want = mdt.as_dtype(array.dtype), param.dtype
    if have != want and (strict_load or not (have.is_float and want.is_float)):
        raise ValueError(f"cannot load checkpoint parameter '{key}' into '{param.name}': the checkpoint has dtype "
                         f"{have}, the network has dtype {want}")
    return array if have == want else array.astype(want.numpy)
