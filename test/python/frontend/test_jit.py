"""mindc.jit: tracing into mind IR, compiling once per signature, locations and stages."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from helpers import tol

import mindc
from mindc import diag, ops
from mindc.compiler import parse
from mindc.ir import make_context

T = mindc.Tensor
ROOT = Path(__file__).resolve().parents[3]
ACCUMULATE = dict(rtol=1e-4, atol=1e-5)


def rand(shape, dtype=np.float32, seed=0):
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


def mlp(x, w1, b1, w2, b2):
    h = ops.relu(ops.matmul(x, w1) + b1)
    return ops.log_softmax(h @ w2 + b2, axis=-1)


def mlp_params(seed=0):
    return [rand(s, seed=seed + i) for i, s in enumerate([(8, 16), (16,), (16, 4), (4,)])]


def test_jit_mlp_forward_matches_float64_numpy():
    x, *params = [rand((5, 8), seed=10), *mlp_params()]
    got = mindc.jit(mlp)(T(x), *map(T, params))
    w1, b1, w2, b2 = [p.astype(np.float64) for p in params]
    logits = np.maximum(x.astype(np.float64) @ w1 + b1, 0) @ w2 + b2
    want = logits - logits.max(-1, keepdims=True)
    want -= np.log(np.exp(want).sum(-1, keepdims=True))
    assert isinstance(got, mindc.Tensor) and got.dtype is mindc.float32
    np.testing.assert_allclose(got.asnumpy(), want, **ACCUMULATE)


def test_jit_compiles_once_per_signature():
    f = mindc.jit(lambda x, y: x * y + 1.0)
    a, b = T(rand((3,), seed=1)), T(rand((3,), seed=2))
    f(a, b)
    f(b, a)
    assert f.cache_info()[:2] == (1, 1)
    f(T(rand((4,))), T(rand((4,))))                                       # new shape
    f(T(rand((3,), np.float64)), T(rand((3,), np.float64)))               # new dtype
    info = f.cache_info()
    assert (info.hits, info.misses, info.currsize) == (1, 3, 3)
    np.testing.assert_allclose(f(a, b).asnumpy(), a.asnumpy().astype(np.float64) * b.asnumpy() + 1, **tol(np.float32))
    f.cache_clear()
    assert f.cache_info()[:2] == (0, 0)


def scale(x, factor, shift=None):
    y = x * factor
    return y if shift is None else y + shift


def test_python_scalars_and_none_are_static_arguments():
    f = mindc.jit(scale)
    x = rand((2, 2), seed=3)
    np.testing.assert_allclose(f(T(x), 2.0).asnumpy(), x * 2, **tol(np.float32))
    np.testing.assert_allclose(f(T(x), 3.0).asnumpy(), x * 3, **tol(np.float32))
    np.testing.assert_allclose(f(T(x), 3.0, shift=1.0).asnumpy(), x * 3 + 1, **tol(np.float32))
    f(T(x), 3.0)
    assert f.cache_info()[:2] == (1, 3)
    # 2 and 2.0 are equal Python values but trace differently (an int32 tensor stays int32).
    i = T(np.array([1, 2], np.int32))
    assert f(i, 2).dtype is mindc.int32 and f(i, 2.0).dtype is mindc.float32


def test_jit_returns_the_functions_structure():
    @mindc.jit
    def parts(x, pair):
        a, b = pair
        return x + a, [x - b, {"p": x * a, "none": None}], 2.0

    x, a, b = (rand((3,), seed=s) for s in (4, 5, 6))
    out = parts(T(x), (T(a), T(b)))
    assert isinstance(out, tuple) and isinstance(out[1], list) and isinstance(out[1][1], dict)
    np.testing.assert_allclose(out[0].asnumpy(), x + a, **tol(np.float32))
    np.testing.assert_allclose(out[1][0].asnumpy(), x - b, **tol(np.float32))
    np.testing.assert_allclose(out[1][1]["p"].asnumpy(), x * a, **tol(np.float32))
    assert out[1][1]["none"] is None and out[2] == 2.0


def test_jit_takes_numpy_arrays_and_returns_arguments_unchanged():
    f = mindc.jit(lambda x: (x, -x))
    x = rand((2, 3), seed=7)
    same, neg = f(x)
    np.testing.assert_array_equal(same.asnumpy(), x)
    np.testing.assert_array_equal(neg.asnumpy(), -x)


def test_captured_tensors_become_constants():
    w = T(rand((3, 2), seed=8))

    @mindc.jit()
    def project(x):
        return x @ w

    x = rand((4, 3), seed=9)
    np.testing.assert_allclose(project(T(x)).asnumpy(), x.astype(np.float64) @ w.asnumpy(), **ACCUMULATE)
    text = project.lower(T(x)).as_text("mind")
    assert '"mind.constant"()' in text and "func.func @project(%arg0: tensor<4x3xf32>)" in text


def test_scalars_become_constants_of_the_tensors_dtype():
    text = mindc.jit(lambda x: x * 2).lower(T(np.array([1, 2], np.int32))).as_text("mind")
    assert "dense<2> : tensor<i32>" in text and '"mind.mul"' in text


def test_nested_jit_is_inlined_into_the_outer_function():
    inner = mindc.jit(lambda x: ops.exp(x))
    outer = mindc.jit(lambda x: inner(x) + 1.0)
    x = rand((3,), seed=11)
    text = outer.lower(T(x)).as_text("mind")
    assert text.count("func.func") == 1 and '"mind.exp"' in text
    np.testing.assert_allclose(outer(T(x)).asnumpy(), np.exp(x.astype(np.float64)) + 1, **tol(np.float32))


def test_control_flow_on_a_traced_tensor_becomes_a_branch_of_the_graph():
    def branchy(x):
        if x.sum() > 0:
            return x
        return -x

    jitted = mindc.jit(branchy)
    for sign in (1.0, -1.0):
        x = np.abs(rand((3,))) * sign
        np.testing.assert_array_equal(jitted(T(x)).asnumpy(), np.abs(x))
    assert jitted.cache_info().misses == 1 and "scf.if" in jitted.lower(T(x)).as_text()


def located(x):
    y = ops.exp(x)
    return y * 2.0


def test_as_text_with_debug_info_has_the_users_file_and_lines():
    text = mindc.jit(located).lower(T(rand((2,)))).as_text("mind", debug_info=True)
    first = located.__code__.co_firstlineno
    assert f'test_jit.py":{first + 1}:9)' in text      # ops.exp(x), column 9 (1-based)
    assert f'test_jit.py":{first + 2}:12)' in text     # y * 2.0
    assert "loc(" not in mindc.jit(located).lower(T(rand((2,)))).as_text("mind")


@pytest.mark.parametrize("stage", ["mind", "linalg", "llvm"])
def test_as_text_of_each_stage_parses_back(stage):
    args = [T(rand((5, 8), seed=12)), *map(T, mlp_params())]
    text = mindc.jit(mlp).lower(*args).as_text(stage)
    ctx = make_context()
    with ctx, diag.Collector(ctx) as collector:
        module = parse(text, ctx, collector)
    ops_here = [op.operation.name for op in module.body.operations]
    assert ops_here == (["llvm.func"] * len(ops_here) if stage == "llvm" else ["func.func"])
    assert ("mind.matmul" in text) == (stage == "mind")


def test_as_text_rejects_an_unknown_stage():
    with pytest.raises(ValueError, match="unknown stage 'ptx'"):
        mindc.jit(located).lower(T(rand((2,)))).as_text("ptx")


def test_mind_opt_accepts_what_as_text_prints(tmp_path):
    if not (ROOT / "python" / "mindc" / "tools" / "opt.py").exists():
        pytest.skip("mind-opt is not in this checkout")
    path = tmp_path / "mlp.mlir"
    path.write_text(mindc.jit(mlp).lower(T(rand((5, 8))), *map(T, mlp_params())).as_text("mind", debug_info=True))
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "mind-opt"), str(path), "--mind-to-linalg"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "linalg.matmul" in done.stdout


def mismatched(x, y):
    z = x + 1.0
    return ops.matmul(z, y)


def test_shape_error_inside_jit_reports_the_users_file_and_line():
    f = mindc.jit(mismatched)
    with pytest.raises(ValueError) as info:
        f(T(rand((4, 3))), T(rand((2, 5))))
    e = info.value
    assert isinstance(e, mindc.OpError)
    line = mismatched.__code__.co_firstlineno + 2
    assert str(e).startswith(f"{__file__}:{line}:12: 'mind.matmul' contracting dimensions differ: ")
    assert (Path(e.file).name, e.line, e.op_name) == ("test_jit.py", line, "mind.matmul")
    assert f.cache_info().currsize == 0
    # The failed trace left nothing behind: ops outside jit run eagerly again.
    assert isinstance(ops.exp(T(rand((2,)))), mindc.Tensor)


def test_jit_of_a_method_binds_the_instance():
    class Scaler:
        def __init__(self, k):
            self.k = k

        @mindc.jit
        def __call__(self, x):
            return x * self.k

    x = rand((3,), seed=13)
    np.testing.assert_allclose(Scaler(3.0)(T(x)).asnumpy(), x * 3, **tol(np.float32))


def test_lowered_compiles_to_a_callable_for_its_signature():
    x = rand((2, 3), seed=14)
    compiled = mindc.jit(located).lower(T(x)).compile()
    np.testing.assert_allclose(compiled(T(x)).asnumpy(), np.exp(x.astype(np.float64)) * 2, **tol(np.float32))
    with pytest.raises(TypeError, match="compiled for other arguments"):
        compiled(T(rand((3, 3))))


# ---- the call path: calls with plain tensor arguments skip flattening (Jitted._fast)

def test_plain_tensor_calls_follow_shape_and_dtype_changes():
    f = mindc.jit(lambda x, y: x * y + 1.0)
    signatures = [((3,), np.float32), ((4,), np.float32), ((3,), np.float64), ((2, 2), np.float32)]
    for _ in range(2):
        for i, (shape, dtype) in enumerate(signatures):
            a, b = rand(shape, dtype, seed=i), rand(shape, dtype, seed=10 + i)
            got = f(T(a), T(b))
            assert got.dtype is mindc.dtype.as_dtype(dtype) and got.shape == shape
            np.testing.assert_allclose(got.asnumpy(), a.astype(np.float64) * b + 1, **tol(dtype))
    info = f.cache_info()
    assert (info.hits, info.misses, info.currsize) == (4, 4, 4)


def test_numpy_and_tensor_arguments_of_one_signature_share_a_compile():
    f = mindc.jit(lambda x: x - 1.0)
    x = rand((2, 3), seed=20)
    np.testing.assert_allclose(f(x).asnumpy(), x - 1, **tol(np.float32))
    np.testing.assert_allclose(f(T(x)).asnumpy(), x - 1, **tol(np.float32))
    np.testing.assert_allclose(f(T(x)).asnumpy(), x - 1, **tol(np.float32))
    assert f.cache_info()[:2] == (2, 1)


def test_static_arguments_between_plain_tensor_calls():
    f = mindc.jit(scale)
    x = rand((2, 2), seed=21)
    for k in (2.0, 3.0, 2.0):
        np.testing.assert_allclose(f(T(x), k).asnumpy(), x * k, **tol(np.float32))
        np.testing.assert_allclose(f(T(x), k, shift=T(x)).asnumpy(), x * k + x, **tol(np.float32))
    assert f.cache_info()[:2] == (2, 4)


def test_an_evicted_signature_is_compiled_again():
    from mindc.frontend.jit import Jitted

    f = Jitted(lambda x: x * 2.0, maxsize=1)
    a, b = rand((2,), seed=22), rand((3,), seed=23)
    for x in (a, b, a, b):
        np.testing.assert_allclose(f(T(x)).asnumpy(), x * 2, **tol(np.float32))
    assert f.cache_info() == (0, 4, 1, 1)
    f(T(b))
    assert f.cache_info()[:2] == (1, 4)


def test_a_value_returned_twice_is_freed_once():
    f = mindc.jit(lambda x: (lambda y: (y, y))(x * 2.0))
    x = rand((4,), seed=24)
    for _ in range(50):
        p, q = f(T(x))
    del q
    np.testing.assert_allclose(p.asnumpy(), x * 2, **tol(np.float32))


def test_parameters_read_their_current_value_at_each_call():
    w = mindc.Parameter(T(np.ones(3, np.float32)), name="w")
    count = mindc.Parameter(T(np.zeros((), np.float32)), name="count")

    @mindc.jit
    def f(x):
        ops.assign(count, count + 1.0)
        return x * w

    x = rand((3,), seed=25)
    np.testing.assert_allclose(f(T(x)).asnumpy(), x, **tol(np.float32))
    w.set_data(np.full(3, 2.0, np.float32))                 # a new array behind the Parameter
    np.testing.assert_allclose(f(T(x)).asnumpy(), 2 * x, **tol(np.float32))
    f(T(x))
    assert float(count.asnumpy()) == 3.0                    # updated in place at each call


def test_a_cells_graph_follows_its_training_mode():
    from mindc import nn

    class Twice(nn.Cell):
        def construct(self, x):
            return x * 2.0 if self.training else x

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.inner = Twice()

        def construct(self, x):
            return self.inner(x) + 1.0

    net, x = Net(), rand((3,), seed=26)
    outputs = []
    for change in (lambda: None, lambda: net.set_train(), lambda: net.inner.set_train(False),
                   lambda: net.inner.set_train(True), lambda: setattr(net, "inner", Twice())):
        change()
        outputs.append(net(T(x)).asnumpy())
    np.testing.assert_allclose(outputs, [x + 1, 2 * x + 1, x + 1, 2 * x + 1, x + 1], **tol(np.float32))


def test_argument_errors_are_raised_after_fast_calls():
    f = mindc.jit(lambda x: x + 1.0)
    x = T(rand((2,), seed=27))
    f(x)
    f(x)
    with pytest.raises(TypeError, match="a mindc.jit argument or result of type set is neither"):
        f(x, {1})
    compiled = f.lower(x).compile()
    compiled(x)
    with pytest.raises(TypeError, match=r"compiled for other arguments: tensors 2xf32, got 3xf32"):
        compiled(T(rand((3,))))
    with pytest.raises(TypeError, match="compiled for other arguments"):
        compiled(x, extra=x)

    @mindc.jit
    def leak(y):
        leaked.append(y)
        return y

    leaked = []
    leak(x)
    with pytest.raises(TypeError, match="a traced tensor was passed to mindc.jit outside its trace"):
        f(leaked[0])


def test_mindspore_jit_settings_are_accepted_and_checked():
    @mindc.jit(capture_mode="ast", jit_level="O1", backend="ms_backend", fullgraph=True)
    def f(x):
        return x * 3.0

    x = rand((4,), seed=28)
    np.testing.assert_allclose(f(T(x)).asnumpy(), 3.0 * x.astype(np.float64), rtol=1e-6)
    with pytest.raises(ValueError, match="'jit_level' must be one of"):
        mindc.jit(jit_level="O9")
    with pytest.raises(TypeError, match="unsupported options: no_such_option"):
        mindc.jit(no_such_option=1)
