"""Shared test helpers: run one mind op through the whole CPU pipeline, tolerances by dtype."""
from __future__ import annotations

import numpy as np

from mindc import diag, emit
from mindc.ir import make_context
from mindc.rules.base import Sig, dtype_of_numpy
from mindc.runtime.engine import Executable

# One table of tolerances, compared against float64 references.
TOL = {
    np.float16: dict(rtol=5e-3, atol=5e-3),
    np.float32: dict(rtol=2e-5, atol=2e-6),
    np.float64: dict(rtol=1e-12, atol=1e-12),
}


def tol(dtype) -> dict:
    return TOL.get(np.dtype(dtype).type, dict(rtol=0, atol=0))


def run_op(op_name: str, *arrays: np.ndarray, **attrs) -> list[np.ndarray] | np.ndarray:
    """Compile a one-op function with MLIR and run it; one result comes back bare."""
    ctx = make_context()
    sigs = [Sig(np.shape(a), dtype_of_numpy(np.asarray(a).dtype)) for a in arrays]
    with ctx, diag.Collector(ctx) as collector:
        module = emit.single_op_module(op_name, sigs, attrs)
        results = Executable(module, collector).call("main", *arrays)
    return results[0] if len(results) == 1 else results
