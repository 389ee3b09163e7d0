"""mindc: a deep-learning compiler on MLIR for the MindSpore programming model.

`mindc.Tensor`, the dtypes (`mindc.float32`, ...), `mindc.ops` (functional ops, run eagerly or
traced), `mindc.jit` (compile a function). The compiler parts (MLIR bindings) load on first use.
"""
from mindc import context
from mindc.context import GRAPH_MODE, PYNATIVE_MODE, get_context, set_context, set_device
from mindc.parallel import ParallelMode, get_auto_parallel_context, reset_auto_parallel_context, set_auto_parallel_context
from mindc.frontend import dtype
from mindc.frontend.dtype import (bfloat16, bool_, complex64, complex128, double, dtype_to_nptype, dtype_to_pytype,
                                  float16, float32, float64, half, int8, int16, int32, int64, pytype_to_dtype, single,
                                  uint8, uint16, uint32, uint64)
from mindc.frontend.parameter import Parameter, ParameterTuple
from mindc.frontend.tensor import Tensor, tensor

__all__ = ["mutable", "vmap", "context", "GRAPH_MODE", "PYNATIVE_MODE", "set_context", "get_context", "set_device", "Tensor", "tensor", "Parameter", "ParameterTuple", "jit", "grad", "value_and_grad", "vjp", "jvp", "jacrev", "jacfwd", "ops", "dtype",
           "nn", "train", "dataset", "set_seed", "get_seed", "Model", "save_checkpoint", "load_checkpoint",
           "load_param_into_net",
           "OpError", "float16", "bfloat16", "float32", "float64", "half",
           "single", "double", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool_",
           "complex64", "complex128", "dtype_to_nptype", "dtype_to_pytype", "pytype_to_dtype"]
__all__ += ["communication", "parallel", "ParallelMode", "set_auto_parallel_context", "get_auto_parallel_context",
            "reset_auto_parallel_context"]

# Loaded on first use: they import the MLIR bindings.
_LAZY = {"jit": ("mindc.frontend.jit", "jit"), "OpError": ("mindc.frontend.trace", "OpError"),
         "mutable": ("mindc.common.mutable", "mutable"), "vmap": ("mindc.frontend.vmap", "vmap"),
         "_Function": ("mindc.frontend.function", "_Function"),
         "ops": ("mindc.ops", None),
         "communication": ("mindc.communication", None),
         "nn": ("mindc.nn", None), "train": ("mindc.train", None), "dataset": ("mindc.dataset", None),
         "set_seed": ("mindc.common.seed", "set_seed"), "get_seed": ("mindc.common.seed", "get_seed"),
         "Model": ("mindc.train.model", "Model"),
         **{name: ("mindc.train.serialization", name)
            for name in ("save_checkpoint", "load_checkpoint", "load_param_into_net")},
         **{name: ("mindc.frontend.grad", name)
            for name in ("grad", "value_and_grad", "vjp", "jvp", "jacrev", "jacfwd")}}


def __getattr__(name):
    if name not in _LAZY:
        raise AttributeError(f"module 'mindc' has no attribute '{name}'")
    import importlib

    module, attr = _LAZY[name]
    value = importlib.import_module(module)
    value = getattr(value, attr) if attr else value
    globals()[name] = value
    return value
