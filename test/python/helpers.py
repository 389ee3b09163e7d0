"""Shared test helpers: run one mind op through the whole CPU pipeline, tolerances by dtype."""
from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

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


# ---- gradient checks

# Central differences in float64 with step EPS have error ~EPS^2 f''' + 1e-16/EPS: about 1e-8 here.
EPS = 1e-5
GRAD_TOL = dict(rtol=1e-6, atol=1e-7)


def add_vjp(module, name: str = "forward") -> None:
    """Append public @vjp(args, cot) = (results, cotangents) of function @name, through mind.vjp."""
    from mlir import ir
    from mlir.dialects import func

    fwd = next(op for op in module.body.operations if ir.StringAttr(op.attributes["sym_name"]).value == name)
    ftype = fwd.type
    ins, outs = list(ftype.inputs), list(ftype.results)
    vjp_type = ir.FunctionType.get([*ins, *outs], [*outs, *ins])
    with ir.Location.unknown(), ir.InsertionPoint(module.body):
        f = func.FuncOp("vjp", ([*ins, *outs], [*outs, *ins]))
        block = f.add_entry_block()
        with ir.InsertionPoint(block):
            const = func.ConstantOp(ftype, ir.FlatSymbolRefAttr.get(name))
            derived = ir.Operation.create("mind.vjp", results=[vjp_type], operands=[const.result])
            call = func.CallIndirectOp([*outs, *ins], derived.result, list(block.arguments))
            func.ReturnOp(list(call.results))


def check_vjp(op_name: str, *arrays: np.ndarray, seed: int = 0, directions: int = 3, **attrs) -> None:
    """The op's VJP against central differences of its own compiled forward, in float64 (see
    check_module_vjp)."""
    arrays = [np.asarray(a) for a in arrays]
    sigs = [Sig(a.shape, dtype_of_numpy(a.dtype)) for a in arrays]
    ctx = make_context()
    with ctx:
        module = emit.single_op_module(op_name, sigs, attrs, name="forward")
        _check_vjp(ctx, module, "forward", arrays, seed, directions, op_name)


def check_module_vjp(text: str, *arrays: np.ndarray, name: str = "f", seed: int = 0, directions: int = 3) -> None:
    """The VJP of function @name of the IR `text` against central differences, as check_vjp."""
    from mlir import ir

    ctx = make_context()
    with ctx:
        _check_vjp(ctx, ir.Module.parse(text), name, [np.asarray(a) for a in arrays], seed, directions, f"@{name}")


def _check_vjp(ctx, module, name, arrays, seed, directions, what) -> None:
    """<vjp(v), u> == d/dt <f(x + t u), v> for random cotangents v and directions u over the float
    arguments (JAX's check_vjp); integer and boolean arguments are held fixed."""
    rng = np.random.default_rng(seed)
    add_vjp(module, name)
    with diag.Collector(ctx) as collector:
        exe = Executable(module, collector)
        forward, vjp = exe.function(name), exe.function("vjp")
    outs = forward(*arrays)
    floating = [np.issubdtype(a.dtype, np.floating) for a in arrays]
    for _ in range(directions):
        cots = [rng.standard_normal(o.shape).astype(o.dtype) if np.issubdtype(o.dtype, np.floating)
                else np.zeros_like(o) for o in outs]
        results = vjp(*arrays, *cots)
        for r, o in zip(results[:len(outs)], outs):
            np.testing.assert_allclose(r, o, rtol=1e-12, err_msg="mind.vjp's primal results differ from the function's")
        grads = results[len(outs):]
        us = [rng.standard_normal(a.shape) if f else None for a, f in zip(arrays, floating)]

        def along(t):
            moved = [a + t * u if u is not None else a for a, u in zip(arrays, us)]
            return sum(float(np.sum(o * c)) for o, c in zip(forward(*moved), cots) if np.issubdtype(o.dtype, np.floating))

        numeric = (along(EPS) - along(-EPS)) / (2 * EPS)
        analytic = sum(float(np.sum(g * u)) for g, u in zip(grads, us) if u is not None)
        np.testing.assert_allclose(analytic, numeric, **GRAD_TOL, err_msg=f"{what} VJP disagrees with central differences")


# ---- references

def conv2d_reference(x, w, stride=(1, 1), pad=(0, 0, 0, 0), dilation=(1, 1), group=1):
    """conv2d by definition, in float64: each output cell is the dot product of its group's
    weights with the (dilated) window of the zero-padded x under it; pad is (top, bottom, left,
    right)."""
    x = np.pad(np.asarray(x, np.float64), ((0, 0), (0, 0), tuple(pad[:2]), tuple(pad[2:])))
    f, cg, kh, kw = w.shape
    span = (dilation[0] * (kh - 1) + 1, dilation[1] * (kw - 1) + 1)
    win = sliding_window_view(x, span, axis=(2, 3))[:, :, ::stride[0], ::stride[1], ::dilation[0], ::dilation[1]]
    n, _, ho, wo = win.shape[:4]
    win = win.reshape(n, group, cg, ho, wo, kh, kw)
    w = np.asarray(w, np.float64).reshape(group, f // group, cg, kh, kw)
    return np.einsum("ngchwij,gfcij->ngfhw", win, w).reshape(n, f, ho, wo)
