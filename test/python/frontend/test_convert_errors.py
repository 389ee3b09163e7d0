"""Graph-mode conversion errors: each names the construct (or the variable) and the user's
file:line, found here by a marker comment on the line the error must point at."""
import numpy as np
import pytest

import mindc
from mindc import ops
from mindc.frontend.convert import GraphRecursionError, GraphSyntaxError, GraphTypeError, convert
from mindc.frontend.trace import ConcretizationError

T = mindc.Tensor


def line_of(marker: str) -> int:
    with open(__file__) as f:
        lines = [i for i, text in enumerate(f, 1) if text.rstrip().endswith(f"# <- {marker}")]
    assert len(lines) == 1, marker
    return lines[0]


def rand(*shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def raises_at(error, marker: str, *words: str, call=None, fn=None):
    """Calling call() (or converting fn) raises error at the marked line, naming all words."""
    with pytest.raises(error) as e:
        call() if call is not None else convert(fn)
    message = str(e.value)
    assert message.startswith(f"{__file__}:{line_of(marker)}:"), message
    assert e.value.filename == __file__ and e.value.lineno == line_of(marker)
    for word in words:
        assert word in message, (word, message)
    return message


# ---- syntax graph mode does not support
def with_try(x):
    if x.sum() > 0:
        x = x * 2.0
    try:  # <- try
        x = x + 1.0
    except ValueError:
        pass
    return x


def with_with(x, lock):
    with lock:  # <- with
        if x.sum() > 0:
            x = -x
    return x


def generator(x):
    if x.sum() > 0:
        yield x  # <- yield


COUNT = 0


def with_global(x):
    global COUNT  # <- global
    while COUNT < 2:
        COUNT += 1
    return x


def with_nonlocal(x):
    k = 0

    def bump():
        nonlocal k  # <- nonlocal
        k += 1

    if x.sum() > 0:
        bump()
    return x


def with_async(x):
    async def later():  # <- async
        return 1

    return x if x.sum() > 0 else -x


def with_match(x, kind):
    match kind:  # <- match
        case "double":
            return x * 2.0
    return x if kind else x


def with_del(x):
    y = x * 2.0
    if x.sum() > 0:
        del y  # <- del
        y = x
    return y


@pytest.mark.parametrize("fn,marker,construct", [
    (with_try, "try", "'try'"), (with_with, "with", "'with'"), (generator, "yield", "'yield'"),
    (with_global, "global", "'global'"), (with_nonlocal, "nonlocal", "'nonlocal'"),
    (with_async, "async", "'async def'"), (with_match, "match", "'match'"), (with_del, "del", "'del'"),
])
def test_unsupported_syntax_is_located(fn, marker, construct):
    message = raises_at(GraphSyntaxError, marker, construct, "graph mode", fn=fn)
    assert isinstance(GraphSyntaxError(message, None, None), SyntaxError)
    # jit reports the same error when it traces the function.
    with pytest.raises(GraphSyntaxError):
        mindc.jit(fn)(T(rand(3)), *(["x"] if fn is with_match else [None] if fn is with_with else []))


def test_unsupported_syntax_without_control_flow_is_left_alone():
    def guarded(x):
        try:
            return ops.exp(x)
        finally:
            pass

    assert convert(guarded) is guarded


# ---- raising in a branch whose condition is a tensor
def raise_in_branch(x):
    if x.sum() > 0:
        raise ValueError("positive")  # <- raise
    return x


def test_raise_in_a_branch_on_a_tensor_is_located():
    raises_at(GraphSyntaxError, "raise", "'raise'", "'if'", call=lambda: mindc.jit(raise_in_branch)(T(rand(3))))


def test_leaving_a_loop_on_python_values_is_plain_python():
    def first_big(xs, limit):
        for i, v in enumerate(xs):
            if v > limit:
                return i
        return -1

    assert mindc.jit(first_big)((1.0, 5.0, 7.0), 4.0) == 1


# ---- variables the branches or iterations disagree on
def one_sided(x):
    if x.sum() > 0:  # <- one-sided
        y = x * 2.0
    else:
        x = -x
    return y


def static_differs(x):
    if x.sum() > 0:  # <- static-differs
        mode = "double"
    else:
        mode = "half"
    return x, mode


def shapes_differ(x):
    if x.sum() > 0:  # <- shapes-differ
        x = ops.concat((x, x))
    return x


def loop_variant(x):
    while x.sum() < 100.0:  # <- loop-variant
        x = ops.concat((x, x))
    return x


def loop_local(x, n):
    for i in range(n):  # <- loop-local
        y = x * ops.cast(i, x.dtype)
    return y


def wide_condition(x):
    if x > 0:  # <- wide-condition
        x = -x
    return x


def test_variable_assigned_in_one_branch_only_is_named():
    raises_at(GraphSyntaxError, "one-sided", "'y'", "only one branch", call=lambda: mindc.jit(one_sided)(T(rand(3))))


def test_python_values_that_differ_between_branches_are_named():
    raises_at(GraphTypeError, "static-differs", "'mode'", "'double'", "'half'",
              call=lambda: mindc.jit(static_differs)(T(rand(3))))


def test_tensor_shapes_that_differ_between_branches_are_named():
    raises_at(GraphTypeError, "shapes-differ", "'x'", "shape [6] in the first branch", "shape [3] in the second",
              call=lambda: mindc.jit(shapes_differ)(T(rand(3))))


def test_loop_variant_shape_is_named():
    raises_at(GraphTypeError, "loop-variant", "'x'", "loop-invariant", "'while' loop",
              call=lambda: mindc.jit(loop_variant)(T(np.abs(rand(3)))))


def test_variable_first_assigned_in_a_graph_loop_is_named():
    raises_at(GraphSyntaxError, "loop-local", "'y'", "'for' loop", call=lambda: mindc.jit(loop_local)(T(rand(3)), T(np.int64(2))))


def test_condition_with_several_elements_is_located():
    raises_at(GraphTypeError, "wide-condition", "exactly one element", "[3]",
              call=lambda: mindc.jit(wide_condition)(T(rand(3))))


def test_a_tensor_computed_in_a_branch_cannot_escape_it():
    store = {}

    def leaky(x):
        if x.sum() > 0:
            store["y"] = x * 2.0
        return store["y"] + 1.0

    with pytest.raises(ConcretizationError, match="inside a graph-mode branch or loop body"):
        mindc.jit(leaky)(T(rand(3)))


# ---- switch_layer and recursion
def float_index(x, k):
    return (ops.sin, ops.cos)[k](x)  # <- float-index


def test_a_switch_index_that_is_not_an_integer_is_located():
    raises_at(GraphTypeError, "float-index", "index", "one integer", "Float32",
              call=lambda: mindc.jit(float_index)(T(rand(3)), T(np.float32(1.0))))


def countdown(x, n):
    if n > 0:
        return countdown(x * 2.0, n - 1)  # <- endless
    return x


def test_recursion_on_a_tensor_is_located_and_names_the_function():
    message = raises_at(GraphRecursionError, "endless", "'countdown'", "recursion", "Python values",
                        call=lambda: mindc.jit(countdown)(T(rand(3)), T(np.int32(3))))
    # MindSpore's tests/st/compiler/control/test_recrusive_fun.py catches a RuntimeError about a loop.
    assert isinstance(GraphRecursionError("", None), RuntimeError) and "loop" in message


@mindc.jit
def jitted_countdown(x, n):
    if n > 0:
        return jitted_countdown(x * 2.0, n - 1)  # <- jitted-endless
    return x


def test_recursion_of_a_jit_function_is_located():
    raises_at(GraphRecursionError, "jitted-endless", "'jitted_countdown'",
              call=lambda: jitted_countdown(T(rand(3)), T(np.int32(3))))
