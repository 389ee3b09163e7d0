"""Graph-mode control flow (frontend/convert.py, control.py): Python if/while/for, conditional
expressions and and/or/not on traced tensors become scf ops; on Python values they run at trace
time. Results against float64 numpy on random inputs, gradients against central differences."""
import numpy as np
import pytest
from graph_helpers import EPS, GRAD_TOL, T, check_grads, close, rand

import mindc
from mindc import Parameter, nn, ops
from mindc.frontend.convert import convert


# ---- if
def branchy(x, y):
    if x.sum() > 0:
        z = ops.sin(x * y)
    else:
        z = ops.exp(y) - x
    return z * x


def branchy_reference(x, y):
    x, y = x.astype(np.float64), y.astype(np.float64)
    return (np.sin(x * y) if x.sum() > 0 else np.exp(y) - x) * x


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_if_on_a_tensor_takes_the_branch_of_the_data(sign):
    x, y = np.abs(rand(5, seed=1)) * sign, rand(5, seed=2)
    f = mindc.jit(branchy)
    close(f(T(x), T(y)), branchy_reference(x, y))
    text = f.lower(T(x), T(y)).as_text()
    assert "scf.if" in text and "tensor.extract" in text


def test_if_on_a_python_value_is_resolved_when_tracing():
    def scaled(x, double):
        if double:
            x = x * 2.0
        else:
            x = x - 1.0
        return x

    x = rand(3, seed=3)
    f = mindc.jit(scaled)
    close(f(T(x), True), x.astype(np.float64) * 2)
    close(f(T(x), False), x.astype(np.float64) - 1)
    assert "scf" not in f.lower(T(x), True).as_text()


def test_elif_chain_on_tensors():
    def piecewise(x):
        s = x.sum()
        if s > 1.0:
            y = x * 3.0
        elif s > -1.0:
            y = ops.sin(x)
        else:
            y = -x
        return y

    f = mindc.jit(piecewise)
    for seed, shift in enumerate([2.0, 0.0, -2.0]):
        x = rand(4, seed=seed) * 0.1 + shift
        s = x.astype(np.float64).sum()
        want = x * 3.0 if s > 1 else np.sin(x.astype(np.float64)) if s > -1 else -x
        close(f(T(x)), want)
    assert f.lower(T(x)).as_text().count("scf.if") == 2


def test_branches_join_tuples_and_promote_numbers():
    def pair(x, y):
        if x.mean() > y.mean():
            big, small = x, y
            bonus = 0.0
        else:
            big, small = y, x
            bonus = ops.sum(x * y)
        both = (big, small)
        return both[0] - both[1] + bonus

    for seed in range(3):
        x, y = rand(4, seed=10 + seed), rand(4, seed=20 + seed)
        x64, y64 = x.astype(np.float64), y.astype(np.float64)
        want = x64 - y64 if x64.mean() > y64.mean() else y64 - x64 + np.sum(x64 * y64)
        close(mindc.jit(pair)(T(x), T(y)), want)


def test_both_branches_returning_become_one_result():
    def absolute(x):
        if x.sum() > 0:
            return x, x.sum()
        return -x, -x.sum()

    f = mindc.jit(absolute)
    for sign in (1, -1):
        x = np.abs(rand(3, seed=4)) * sign
        a, s = f(T(x))
        close(a, np.abs(x))
        close(s, np.abs(x.astype(np.float64)).sum())
    assert "scf.if" in f.lower(T(x)).as_text()


# ---- while
def grow(x, limit):
    steps = 0
    while x.sum() < limit:
        x = x * 1.5 + 0.25
        steps += 1
    return x, steps


def test_while_on_a_tensor_condition_is_an_scf_while():
    x = np.abs(rand(4, seed=5))
    for limit in (1.0, 20.0, 200.0):
        got, steps = mindc.jit(grow)(T(x), T(np.float32(limit)))
        want, n = x.astype(np.float64), 0
        while want.sum() < limit:
            want, n = want * 1.5 + 0.25, n + 1
        close(got, want)
        assert steps.asnumpy() == n and steps.dtype is mindc.int64
    text = mindc.jit(grow).lower(T(x), T(np.float32(1.0))).as_text()
    assert "scf.while" in text and "scf.condition" in text


def test_while_on_a_python_condition_is_unrolled():
    def halve(x, n):
        while n > 0:
            x = x * 0.5
            n -= 1
        return x

    x = rand(3, seed=6)
    f = mindc.jit(halve)
    close(f(T(x), 3), x.astype(np.float64) / 8)
    text = f.lower(T(x), 3).as_text()
    assert "scf" not in text and text.count('"mind.mul"') == 3


# ---- for
def powers(x, n):
    acc = ops.zeros_like(x)
    for i in range(n):
        acc = acc + x ** ops.cast(i, x.dtype)
    return acc


@pytest.mark.parametrize("int_dtype", [np.int32, np.int64])
def test_for_over_a_tensor_range_is_an_scf_for(int_dtype):
    x = rand(4, seed=7) * 0.5
    n = np.array(5, int_dtype)
    got = mindc.jit(powers)(T(x), T(n))
    close(got, sum(x.astype(np.float64) ** i for i in range(5)))
    text = mindc.jit(powers).lower(T(x), T(n)).as_text()
    assert "scf.for" in text and f"tensor<{'i32' if int_dtype is np.int32 else 'i64'}>" in text


def test_for_index_is_a_tensor_of_the_bound_dtype_with_any_step():
    def indices(n, start):
        total = ops.zeros((), mindc.int32)
        seen = ops.zeros((), mindc.int32)
        for i in range(start, n, 3):
            total = total + i
            seen = seen + 1
        for j in range(n, start, -2):
            total = total + 10 * j
        return total, seen

    f = mindc.jit(indices)
    for n, start in [(11, 1), (2, 5), (7, 7)]:
        total, seen = f(T(np.int32(n)), T(np.int32(start)))
        assert total.dtype is mindc.int32
        assert total.asnumpy() == sum(range(start, n, 3)) + 10 * sum(range(n, start, -2))
        assert seen.asnumpy() == len(range(start, n, 3))


class Scale(nn.Cell):
    def __init__(self, k):
        super().__init__()
        self.k = Parameter(np.full(3, k, np.float32), name=f"k{k}")

    def construct(self, x):
        return x * self.k


def test_for_over_python_sequences_and_tensors_is_unrolled():
    layers = nn.CellList([Scale(2.0), Scale(3.0)])

    def run(x, rows):
        for layer in layers:
            x = layer(x)
        for c in (1.0, 2.0):
            x = x + c
        for row in rows:
            x = x + row
        return x

    x, rows = rand(3, seed=8), rand(2, 3, seed=9)
    f = mindc.jit(run)
    close(f(T(x), T(rows)), x.astype(np.float64) * 6 + 3 + rows.astype(np.float64).sum(0))
    assert "scf" not in f.lower(T(x), T(rows)).as_text()


class Stack(nn.Cell):
    """Iterates its containers with zip and enumerate, one step on a tensor condition."""

    def __init__(self):
        super().__init__()
        self.layers = nn.CellList([Scale(2.0), Scale(3.0), Scale(0.5)])
        self.tail = nn.SequentialCell(Scale(1.5), Scale(-1.0))

    def construct(self, x, shifts):
        for layer, shift in zip(self.layers, shifts):
            x = layer(x) + shift
        for k, layer in enumerate(self.tail):
            if x.sum() > k:
                x = layer(x)
        return x


def stack_reference(x, shifts):
    for scale, shift in zip((2.0, 3.0, 0.5), shifts):
        x = x * scale + shift
    for k, scale in enumerate((1.5, -1.0)):
        if x.sum() > k:
            x = x * scale
    return x


@pytest.mark.parametrize("seed", [10, 11])
def test_for_over_zip_and_enumerate_of_cell_containers(either_mode, seed):
    x, shifts = rand(3, seed=seed), rand(3, 3, seed=seed + 1)
    close(Stack()(T(x), T(shifts)), stack_reference(x.astype(np.float64), shifts.astype(np.float64)))


def test_nested_if_in_while_in_for():
    def nested(x, n):
        for i in range(n):
            k = 0
            while k < i + 1:
                if (x * k).sum() > 0:
                    x = x - 0.1 * k
                else:
                    x = x + 0.2
                k = k + 1
        return x

    def reference(x, n):
        x = x.astype(np.float64)
        for i in range(n):
            for k in range(i + 1):
                x = x - 0.1 * k if (x * k).sum() > 0 else x + 0.2
        return x

    x = rand(4, seed=12)
    f = mindc.jit(nested)
    close(f(T(x), T(np.int64(4))), reference(x, 4))
    text = f.lower(T(x), T(np.int64(4))).as_text()
    assert all(op in text for op in ("scf.for", "scf.while", "scf.if"))


# ---- expressions
def test_conditional_expressions_and_boolean_operators_on_tensors():
    def logic(x, y):
        a = x if x.sum() > y.sum() else y
        both = (x.sum() > 0) and (y.sum() > 0)
        either = (x.sum() > 0) or (y.sum() > 0)
        neither = not either
        b = ops.select(both, x, y)
        in_range = -1.0 < x.sum() < 1.0
        return a, b, either, neither, in_range

    f = mindc.jit(logic)
    for seed in range(4):
        x, y = rand(3, seed=30 + seed), rand(3, seed=40 + seed)
        sx, sy = x.astype(np.float64).sum(), y.astype(np.float64).sum()
        a, b, either, neither, in_range = f(T(x), T(y))
        close(a, x if sx > sy else y)
        close(b, x if sx > 0 and sy > 0 else y)
        assert either.asnumpy() == (sx > 0 or sy > 0) and neither.asnumpy() == (not (sx > 0 or sy > 0))
        assert in_range.asnumpy() == (-1 < sx < 1)


def test_and_or_on_python_values_short_circuit():
    calls = []

    def loud(v):
        calls.append(v)
        return v

    def f(x, flag):
        k = flag and loud(2.0) or loud(3.0)
        return x * k

    x = rand(2, seed=13)
    close(mindc.jit(f)(T(x), False), x.astype(np.float64) * 3)
    assert calls == [3.0]


# ---- state: Parameters, closures, keywords, helpers
def test_parameter_assigned_in_a_branch_is_updated_in_place():
    counter = Parameter(np.zeros(3, np.float32), name="counter")

    @mindc.jit
    def step(x):
        if x.sum() > 0:
            ops.assign(counter, counter + x)
        else:
            counter.set_data(counter - 1.0)
        return counter * 2.0

    x = np.abs(rand(3, seed=14))
    out = step(T(x))
    close(counter, x)
    close(out, 2 * x)
    step(T(-x))
    close(counter, x - 1.0)
    text = step.lower(T(x)).as_text()
    assert "scf.if" in text and "mind.updates" in text


def test_parameter_assigned_in_a_nested_branch_reaches_the_caller():
    p = Parameter(np.zeros(3, np.float32), name="p")

    @mindc.jit
    def f(x):
        if x.sum() > 0:
            if x.max() > 1.0:
                ops.assign(p, x)
            y = x * 2.0
        else:
            y = -x
        return y + p

    x = np.array([0.5, 2.0, -0.1], np.float32)
    close(f(T(x)), 3.0 * x)                       # assigned, then read back
    close(p, x)
    small = np.array([0.5, 0.2, -0.1], np.float32)
    close(f(T(small)), 2.0 * small + x)           # positive, but nothing above 1: p keeps its value
    close(f(T(-small)), small + x)
    close(p, x)


def accumulator():
    total = Parameter(np.zeros((), np.float32), name="total")

    @mindc.jit
    def accumulate(xs, n):
        for i in range(n):
            ops.assign_add(total, xs[0] * ops.cast(i, mindc.float32))
        return xs

    return total, accumulate


def test_parameter_assigned_in_a_loop_is_carried():
    total, accumulate = accumulator()
    text = accumulate.lower(T(rand(2, seed=15)), T(np.int64(4))).as_text()
    # The Parameter's argument enters the loop as a carried value; the loop's result updates it.
    assert "scf.for %arg3 = %c0 to %0 step %c1 iter_args(%arg4 = %arg2) -> (tensor<f32>)" in text
    assert "mind.updates = 2" in text


def test_parameter_assigned_in_a_loop_is_updated_in_place():
    total, accumulate = accumulator()
    xs = rand(2, seed=15)
    accumulate(T(xs), T(np.int64(4)))
    close(total, xs[0] * 6.0)


OFFSET = T(np.float32(0.5))


def helper(x, threshold=0.0):
    # Converted when called from converted code: its own if on a tensor becomes an scf.if.
    if x.max() > threshold:
        return x - OFFSET
    return x + OFFSET


class Clipper:
    def __init__(self, bound):
        self.bound = bound

    def apply(self, x, *, scale):
        while ops.abs(x).max() > self.bound:
            x = x * scale
        return x


def test_helpers_closures_globals_and_keywords_are_converted():
    factor = T(np.float32(3.0))
    clip = Clipper(1.0)

    def outer(x, *, shift=1.0):
        y = helper(x, threshold=shift) * factor
        return clip.apply(y, scale=0.5)

    def reference(x, shift=1.0):
        x = x.astype(np.float64)
        y = (x - 0.5 if x.max() > shift else x + 0.5) * 3.0
        while np.abs(y).max() > 1.0:
            y = y * 0.5
        return y

    f = mindc.jit(outer)
    for seed in range(3):
        x = rand(4, seed=50 + seed)
        close(f(T(x)), reference(x))
        close(f(T(x), shift=-5.0), reference(x, shift=-5.0))
    text = f.lower(T(x)).as_text()
    assert "scf.if" in text and "scf.while" in text


def test_convert_leaves_functions_without_control_flow_alone():
    def plain(x):
        return ops.sin(x) * 2.0

    assert convert(plain) is plain
    assert convert(len) is len
    assert convert(helper) is not helper and convert(helper) is convert(helper)
    # Outside a trace converted code is plain Python: tensors are concrete.
    x = rand(3, seed=16)
    close(convert(helper)(T(x), threshold=10.0), x + 0.5)


# ---- locations
def test_scf_ops_carry_the_location_of_their_statement():
    text = mindc.jit(branchy).lower(T(rand(3)), T(rand(3))).as_text(debug_info=True)
    first = branchy.__code__.co_firstlineno
    assert f'test_graph_control_flow.py":{first + 1}:5)' in text            # if x.sum() > 0:
    assert f'test_graph_control_flow.py":{first + 2}:13)' in text           # ops.sin(x * y)
    assert f'test_graph_control_flow.py":{first + 4}:13)' in text           # ops.exp(y)


# ---- gradients through graph-mode control flow
def test_gradient_through_if_matches_finite_differences():
    def loss(x, y):
        return ops.sum(branchy(x, y))

    for sign in (1.0, -1.0):
        check_grads(loss, [np.abs(rand(4, dtype=np.float64, seed=60)) * sign, rand(4, dtype=np.float64, seed=61)], [0, 1])


def test_gradient_through_while_matches_finite_differences():
    def loss(x, limit):
        y, _ = grow(x, limit)
        return ops.sum(ops.sin(y))

    check_grads(loss, [np.abs(rand(4, dtype=np.float64, seed=62)), np.float64(30.0)], [0])


def test_gradient_through_for_matches_finite_differences():
    def loss(x, w, n):
        h = x
        for i in range(n):
            h = ops.tanh(h * w + 0.1 * ops.cast(i, h.dtype))
        return ops.sum(h * h)

    check_grads(loss, [rand(4, dtype=np.float64, seed=63), rand(4, dtype=np.float64, seed=64), np.int64(4)], [0, 1])


class Gate(nn.Cell):
    """A cell whose construct branches and loops on its data."""

    def __init__(self):
        super().__init__()
        self.w = Parameter(rand(4, 4, dtype=np.float64, seed=70) * 0.5, name="w")
        self.b = Parameter(rand(4, dtype=np.float64, seed=71), name="b")

    def construct(self, x, n):
        h = ops.matmul(x, self.w)
        if h.sum() > 0:
            h = ops.tanh(h + self.b)
        else:
            h = ops.sin(h) - self.b
        for _ in range(n):
            h = ops.tanh(ops.matmul(h, self.w))
        while ops.abs(h).sum() > 2.0:
            h = h * 0.5
        return h


def gate_reference(net, x, n):
    w, b = net.w.asnumpy(), net.b.asnumpy()
    h = x @ w
    h = np.tanh(h + b) if h.sum() > 0 else np.sin(h) - b
    for _ in range(n):
        h = np.tanh(h @ w)
    while np.abs(h).sum() > 2.0:
        h = h * 0.5
    return h


def test_cell_with_data_dependent_control_flow_and_its_weight_gradients():
    net = Gate()
    n = T(np.int64(2))
    for seed in (72, 73):
        x = rand(3, 4, dtype=np.float64, seed=seed)
        close(net(T(x), n), gate_reference(net, x, 2), np.float64)

    def loss(x):
        return ops.sum(net(x, n) ** 2)

    x = rand(3, 4, dtype=np.float64, seed=74)
    grads = mindc.grad(loss, None, net.trainable_params())(T(x))
    rng = np.random.default_rng(75)
    for param, g in zip(net.trainable_params(), grads):
        base = param.asnumpy().copy()
        u = rng.standard_normal(base.shape)
        values = []
        for sign in (1, -1):
            param.set_data(base + sign * EPS * u)
            values.append(np.sum(gate_reference(net, x, 2) ** 2))
        param.set_data(base)
        np.testing.assert_allclose(np.sum(g.asnumpy() * u), (values[0] - values[1]) / (2 * EPS), **GRAD_TOL)


# ---- what conversion covers: nested functions, lambdas, methods, super(), private names
class Doubler(nn.Cell):
    def __init__(self):
        super().__init__()
        self.__w = Parameter(np.full(4, 2.0, np.float32), name="w")

    def construct(self, x):
        if x.sum() > 0:
            return x * self.__w
        return x - self.__w


class ShiftedDoubler(Doubler):
    def construct(self, x):
        y = super().construct(x)
        if y.sum() > 100.0:
            y = y * 0.0
        return y + 1.0


def test_methods_with_super_and_private_names_are_converted():
    net = ShiftedDoubler()
    for sign in (1, -1):
        x = np.abs(rand(4, seed=80)) * sign
        close(net(T(x)), (x * 2.0 if sign > 0 else x - 2.0) + 1.0)


def test_nested_functions_lambdas_and_grad_inside_a_branch():
    @mindc.jit
    def outer(x):
        def inner(v):
            if v.sum() > 0:
                return v * 2.0
            return -v

        if x.sum() > 0:
            y = mindc.grad(lambda a: ops.sum(ops.sin(a) * x))(x)
        else:
            y = x
        return inner(x) + inner(-x) + y

    flip = mindc.jit(lambda x: x * 2.0 if x.sum() > 0 else -x)
    for sign in (1, -1):
        x = np.abs(rand(4, dtype=np.float64, seed=81)) * sign
        inner = (lambda v: v * 2 if v.sum() > 0 else -v)
        close(outer(T(x)), inner(x) + inner(-x) + (np.cos(x) * x if sign > 0 else x), np.float64)
        close(flip(T(x)), inner(x), np.float64)
    assert "scf.if" in flip.lower(T(x)).as_text()


def test_a_function_without_source_is_used_as_it_is():
    made = eval("lambda x: x if x.sum() > 0 else -x")
    assert convert(made) is made


# ---- recursion
def halvings(x, n):
    if n == 0:
        return x
    y = halvings(x, n - 1)
    if y.sum() > 0:
        return y * 0.5
    return y + 1.0


def halvings_reference(x, n):
    for _ in range(n):
        x = x * 0.5 if x.sum() > 0 else x + 1.0
    return x


@pytest.mark.parametrize("n", [0, 3, 40])
def test_recursion_bounded_by_a_python_value_is_unrolled(n):
    x = rand(3, seed=80)
    close(mindc.jit(halvings)(T(x), n), halvings_reference(x.astype(np.float64), n))


def test_a_loop_variable_whose_dtype_the_body_widens_is_carried_widened():
    # MindSpore's inner/test_331_for_after_for_in_while.py: y enters an int32 tensor and leaves
    # the body a float32 one.
    def widen(x, y, n):
        i = n * 0
        while i < n:
            y = ops.exp(x) + y
            i += 1
        return y

    x, y = rand(3, seed=90), np.array([1, 2, 3], np.int32)
    f = mindc.jit(widen)
    for n in (0, 2):
        want = y.astype(np.float64) + n * np.exp(x.astype(np.float64))
        got = f(T(x), T(y), T(np.int32(n)))
        assert got.dtype == mindc.float32
        close(got, want)
