"""mind-canonicalize on numbers: what folding computes is what the compiled graph computes."""
from __future__ import annotations

import numpy as np
import pytest
from helpers import tol
from mlir import ir
from mlir.dialects import func

from mindc import diag, emit
from mindc.compiler import CompileError, run
from mindc.ir import make_context, mind_ops
from mindc.rules.base import Sig, dtype_of_numpy, dense_to_numpy, numpy_to_dense, rule_for
from mindc.runtime.engine import Executable

# Ops of the random graphs, with an independent float64 (or int64) numpy reference each. Their
# outputs stay in a range where a few chained ops keep float32 error within TOL: no log/sqrt
# domains, no exp of a product.
UNARY = {
    "float": {
        "mind.neg": np.negative, "mind.abs": np.abs, "mind.tanh": np.tanh, "mind.sin": np.sin,
        "mind.cos": np.cos, "mind.relu": lambda x: np.where(x > 0, x, 0.0),
        "mind.sigmoid": lambda x: 0.5 * (1 + np.tanh(x / 2)),
    },
    "int": {"mind.neg": np.negative, "mind.abs": np.abs, "mind.relu": lambda x: np.where(x > 0, x, 0)},
}
BINARY = {"mind.add": np.add, "mind.sub": np.subtract, "mind.mul": np.multiply,
          "mind.maximum": np.maximum, "mind.minimum": np.minimum}
# Shapes that broadcast together, so any two values of a graph can meet in a binary op.
SHAPES = [(3, 4), (4,), (3, 1), ()]


def random_graph(rng: np.random.Generator, dtype: np.dtype, n_inputs: int = 3, n_ops: int = 8):
    """Inputs and a program: a list of (op name, operand indices) over a growing value list."""
    inputs = []
    for shape in rng.choice(len(SHAPES), n_inputs):
        if dtype.kind == "f":
            inputs.append(rng.uniform(-2, 2, SHAPES[shape]).astype(dtype))
        else:
            inputs.append(rng.integers(-9, 10, SHAPES[shape]).astype(dtype))
    unary = UNARY["float" if dtype.kind == "f" else "int"]
    program, count = [], n_inputs
    for _ in range(n_ops):
        if rng.random() < 0.5:
            program.append((str(rng.choice(list(unary))), [int(rng.integers(count))]))
        else:
            program.append((str(rng.choice(list(BINARY))), [int(i) for i in rng.integers(count, size=2)]))
        count += 1
    return inputs, program


def reference(inputs, program, dtype: np.dtype) -> list[np.ndarray]:
    """The graph's last two values in float64 (int64 for integers), from numpy alone."""
    wide = np.float64 if dtype.kind == "f" else np.int64
    unary = UNARY["float" if dtype.kind == "f" else "int"]
    values = [x.astype(wide) for x in inputs]
    for name, args in program:
        fn = unary.get(name) or BINARY[name]
        values.append(np.asarray(fn(*[values[i] for i in args]), dtype=wide))
    return values[-2:]


def build(inputs, program, as_constants: bool) -> ir.Module:
    """A module with @main computing the program, on arguments or on mind.constant inputs."""
    with ir.Location.unknown():
        arg_types = [] if as_constants else [Sig(x.shape, dtype_of_numpy(x.dtype)).to_type() for x in inputs]
        module = ir.Module.create()
        with ir.InsertionPoint(module.body):
            f = func.FuncOp("main", (arg_types, []))
            block = f.add_entry_block()
            with ir.InsertionPoint(block):
                if as_constants:
                    values = [ir.Operation.create("mind.constant", results=[Sig(x.shape, dtype_of_numpy(x.dtype)).to_type()],
                                                  attributes={"value": numpy_to_dense(x)}).result for x in inputs]
                else:
                    values = list(block.arguments)
                for name, args in program:
                    values.extend(emit.create(name, [values[i] for i in args]))
                func.ReturnOp(values[-2:])
            f.attributes["function_type"] = ir.TypeAttr.get(ir.FunctionType.get(arg_types, [v.type for v in values[-2:]]))
    return module


def returned_constants(module: ir.Module) -> list[np.ndarray]:
    """The values @main returns, each of which must be a mind.constant after folding."""
    body = module.body.operations[0].regions[0].blocks[0]
    ret = list(body.operations)[-1]
    out = []
    for v in ret.operands:
        assert v.owner.operation.name == "mind.constant", f"not folded: {v.owner}"
        out.append(dense_to_numpy(v.owner.attributes["value"]))
    return out


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int32])
@pytest.mark.parametrize("seed", range(4))
def test_folded_graph_matches_compiled_graph_and_float64_numpy(dtype, seed):
    dtype = np.dtype(dtype)
    inputs, program = random_graph(np.random.default_rng(seed), dtype)
    want = reference(inputs, program, dtype)
    ctx = make_context()
    with ctx, diag.Collector(ctx) as collector:
        compiled = Executable(build(inputs, program, as_constants=False), collector).call("main", *inputs)
        module = build(inputs, program, as_constants=True)
        run(module, ["mind-canonicalize"], collector)
        assert {op.name for op in mind_ops(module.operation)} == {"mind.constant"}
        folded = returned_constants(module)
    for got_folded, got_compiled, ref in zip(folded, compiled, want):
        assert got_folded.dtype == got_compiled.dtype == dtype
        np.testing.assert_allclose(got_folded, ref, **tol(dtype))
        np.testing.assert_allclose(got_compiled, ref, **tol(dtype))


def _add_of_constants(n: int) -> ir.Module:
    return build([np.ones((n, n), np.float32), np.full((n,), 2, np.float32)], [("mind.add", [0, 1]), ("mind.neg", [2])],
                 as_constants=True)


@pytest.mark.parametrize("limit,folds", [(15, False), (16, True), (65536, True)])
def test_fold_limit_bounds_folded_result_size(limit, folds):
    ctx = make_context()
    with ctx, diag.Collector(ctx) as collector:
        module = _add_of_constants(4)  # every result has 16 elements
        run(module, [f"mind-canonicalize{{fold-limit={limit}}}"], collector)
        names = [op.name for op in mind_ops(module.operation)]
        if folds:
            assert names == ["mind.constant", "mind.constant"]
            np.testing.assert_array_equal(returned_constants(module)[1], np.full((4, 4), -3, np.float32))
        else:
            assert names == ["mind.constant", "mind.constant", "mind.add", "mind.neg"]


def test_fold_false_leaves_ops_on_constants():
    ctx = make_context()
    with ctx, diag.Collector(ctx) as collector:
        module = _add_of_constants(2)
        run(module, ["mind-canonicalize{fold=false}"], collector)
        assert [op.name for op in mind_ops(module.operation)] == ["mind.constant", "mind.constant", "mind.add", "mind.neg"]


def test_fold_of_wrong_dtype_is_a_located_error(monkeypatch):
    # A rule whose fold disagrees with its infer is a bug: report it, never write the constant.
    monkeypatch.setattr(rule_for("mind.neg"), "fold", lambda a, x: [x.astype(np.float64)])
    ctx = make_context()
    with ctx, diag.Collector(ctx) as collector:
        module = _add_of_constants(2)
        with pytest.raises(CompileError) as e:
            run(module, ["mind-canonicalize"], collector)
    assert [d.message for d in e.value.diags] == [
        "'mind.neg' fold of result 0 returned tensor<2x2xf64>, expected tensor<2x2xf32> (a bug in the rule)"]
