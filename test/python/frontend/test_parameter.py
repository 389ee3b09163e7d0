"""Parameter and ops.assign: eager updates, and in compiled functions arguments updated in place."""
import inspect

import numpy as np
import pytest

import mindc
from mindc import OpError, Parameter, ParameterTuple, ops

RNG = np.random.default_rng(7)


def rand(*shape, dtype=np.float32):
    return RNG.standard_normal(shape).astype(dtype)


def line_of(marker: str) -> int:
    """The line of this file holding `marker` in a comment."""
    lines = inspect.getsource(inspect.getmodule(line_of)).splitlines()
    return next(i for i, text in enumerate(lines, 1) if text.rstrip().endswith(f"# {marker}"))


# ---- the object

def test_parameter_keeps_name_flag_and_a_copy_of_its_data():
    data = rand(3, 2)
    p = Parameter(data, name="w", requires_grad=False)
    data[0, 0] = 100.0
    assert (p.name, p.requires_grad, p.shape, p.dtype) == ("w", False, (3, 2), mindc.float32)
    assert p.asnumpy()[0, 0] != 100.0
    assert p.data is p
    assert "name=w" in repr(p)


def test_parameters_without_names_get_distinct_ones():
    a, b = Parameter(1.0), Parameter(2.0)
    assert a.name != b.name


def test_set_data_casts_to_the_parameter_dtype_and_checks_the_shape():
    p = Parameter(np.zeros((2, 2), np.float32), name="p")
    p.set_data(np.arange(4, dtype=np.float64).reshape(2, 2))
    assert p.dtype == mindc.float32
    np.testing.assert_array_equal(p.asnumpy(), [[0, 1], [2, 3]])
    with pytest.raises(ValueError, match=r"Parameter 'p' has shape \[2, 2\]; set_data got shape \[3\]"):
        p.set_data(np.ones(3))


def test_clone_copies_values_and_parameter_tuple_clone_prefixes_names():
    w = Parameter(rand(2), name="fc.weight")
    copy = w.clone()
    assert copy is not w and copy.name == w.name
    np.testing.assert_array_equal(copy.asnumpy(), w.asnumpy())
    moments = ParameterTuple([w]).clone("moments", init="zeros")
    assert moments[0].name == "moments.fc.weight"
    np.testing.assert_array_equal(moments[0].asnumpy(), np.zeros(2))
    with pytest.raises(TypeError, match="ParameterTuple holds Parameters, got Tensor"):
        ParameterTuple([mindc.Tensor(1.0)])


def test_eager_assign_family_updates_values():
    p = Parameter(np.array([1.0, 2.0], np.float32))
    ops.assign(p, np.array([3.0, 4.0], np.float32))
    ops.assign_add(p, 1.0)
    ops.assign_sub(p, mindc.Tensor(np.array([0.5, 0.5], np.float32)))
    np.testing.assert_allclose(p.asnumpy(), [3.5, 4.5])


# ---- in compiled functions

def test_jit_updates_a_parameter_in_its_own_buffer():
    w0, x = rand(5), rand(5)
    w = Parameter(w0, name="w")

    @mindc.jit
    def step(x):
        loss = ops.sum(w * x)
        ops.assign(w, w - 0.5 * x)
        return loss

    buffer = w.asnumpy()
    for k in range(3):
        loss = step(mindc.Tensor(x))
        want_w = w0.astype(np.float64) - 0.5 * (k + 1) * x
        np.testing.assert_allclose(float(loss.asnumpy()), np.sum((want_w + 0.5 * x) * x), rtol=1e-5)
    assert w.asnumpy() is buffer  # written in place, not replaced
    np.testing.assert_allclose(w.asnumpy(), want_w, rtol=1e-5)
    assert step.cache_info().misses == 1


def test_reads_after_an_assignment_see_the_new_value():
    p = Parameter(rand(3), name="p")
    start = p.asnumpy().astype(np.float64).copy()

    @mindc.jit
    def twice():
        ops.assign(p, p * 2.0)
        ops.assign(p, p + 1.0)
        return p * 1.0

    out = twice()
    np.testing.assert_allclose(out.asnumpy(), 2 * start + 1, rtol=1e-6)
    np.testing.assert_allclose(p.asnumpy(), 2 * start + 1, rtol=1e-6)
    # The returned value is a buffer of its own, not a view of the Parameter.
    out2 = twice()
    np.testing.assert_allclose(out.asnumpy(), 2 * start + 1, rtol=1e-6)
    np.testing.assert_allclose(out2.asnumpy(), 2 * (2 * start + 1) + 1, rtol=1e-6)


def test_a_parameter_is_an_argument_not_a_baked_constant():
    w = Parameter(rand(4), name="w")

    @mindc.jit
    def f(x):
        return x * w

    x = rand(4)
    first = f(mindc.Tensor(x)).asnumpy().copy()
    w.set_data(rand(4))
    second = f(mindc.Tensor(x)).asnumpy()
    np.testing.assert_allclose(first / x, first / x)
    np.testing.assert_allclose(second, x * w.asnumpy(), rtol=1e-6)
    assert f.cache_info().misses == 1
    text = f.lower(mindc.Tensor(x)).as_text()
    assert "mind.constant" not in text and "tensor<4xf32>, %arg1: tensor<4xf32>" in text


def test_the_traced_function_marks_updates_and_the_lowered_one_drops_them():
    w = Parameter(rand(2, 3), name="w")

    @mindc.jit
    def step(g):
        ops.assign(w, w - g)
        return ops.sum(w)

    lowered = step.lower(mindc.Tensor(rand(2, 3)))
    assert "{mind.updates = 1 : i64}" in lowered.as_text()
    assert "mind.updates" not in lowered.as_text("llvm")


def test_assign_errors_name_the_user_line():
    w = Parameter(rand(3), name="w")

    @mindc.jit
    def bad_shape(x):
        ops.assign(w, x)  # bad shape
        return x

    with pytest.raises(OpError) as e:
        bad_shape(mindc.Tensor(rand(4)))
    assert e.value.line == line_of("bad shape")
    assert "Parameter 'w' has shape [3], the value has shape [4]" in str(e.value)

    @mindc.jit
    def not_a_parameter(x):
        ops.assign(x, x)  # not a parameter
        return x

    with pytest.raises(OpError) as e:
        not_a_parameter(mindc.Tensor(rand(3)))
    assert e.value.line == line_of("not a parameter") and "needs a Parameter" in str(e.value)


def test_grad_passes_updates_of_the_differentiated_function_on():
    # A moving average updated inside the loss, as BatchNorm does in training.
    w = Parameter(rand(4, dtype=np.float64), name="w")
    avg = Parameter(np.zeros(4), name="avg", requires_grad=False)
    x = rand(4, dtype=np.float64)

    def loss_fn(x):
        y = ops.tanh(w * x)
        ops.assign(avg, 0.9 * avg + 0.1 * y)
        return ops.sum(y * y)

    @mindc.jit
    def step(x):
        loss, grads = mindc.value_and_grad(loss_fn, None, [w])(x)
        return loss, grads[0]

    w0 = w.asnumpy().copy()
    loss, g = step(mindc.Tensor(x))
    y = np.tanh(w0 * x)
    np.testing.assert_allclose(loss.asnumpy(), np.sum(y * y), rtol=1e-12)
    np.testing.assert_allclose(g.asnumpy(), 2 * y * (1 - y * y) * x, rtol=1e-10)
    np.testing.assert_allclose(avg.asnumpy(), 0.1 * y, rtol=1e-12)
    step(mindc.Tensor(x))
    np.testing.assert_allclose(avg.asnumpy(), 0.9 * 0.1 * y + 0.1 * y, rtol=1e-12)


def test_eager_grad_of_a_function_that_assigns_updates_the_parameter():
    w = Parameter(rand(3, dtype=np.float64), name="w")
    count = Parameter(np.zeros((), np.float64), name="count", requires_grad=False)

    def f(x):
        ops.assign_add(count, 1.0)
        return ops.sum(w * x)

    x = rand(3, dtype=np.float64)
    g = mindc.grad(f, None, [w])(mindc.Tensor(x))
    np.testing.assert_allclose(g[0].asnumpy(), x)
    assert float(count.asnumpy()) == 1.0


def test_vjp_of_a_function_that_assigns_is_a_clear_error():
    p = Parameter(rand(2), name="p")

    def f(x):
        ops.assign(p, x)
        return x * 2.0

    with pytest.raises(TypeError, match="assigns Parameter 'p'; only grad and value_and_grad"):
        mindc.jacrev(f)(mindc.Tensor(rand(2)))


def test_a_function_whose_only_results_are_updates_compiles():
    p = Parameter(rand(3), name="p")
    start = p.asnumpy().astype(np.float64).copy()

    @mindc.jit
    def bump(x):
        ops.assign(p, p + x)

    x = rand(3)
    assert bump(mindc.Tensor(x)) is None
    np.testing.assert_allclose(p.asnumpy(), start + x, rtol=1e-6)


class LoopsAssigningState(mindc.nn.Cell):
    """MindSpore's control-flow test shape: a Parameter assigned in a loop under a branch, then
    in a second loop that hands one carried value to another."""

    def __init__(self, cycles: int):
        super().__init__()
        self.cycles = cycles
        self.weight = Parameter(np.array(0, np.int32), name="weight")

    def construct(self, x, y):
        out, i = mindc.Tensor(np.array(0, np.int32)), mindc.Tensor(np.array(0, np.int32))
        if x < y:
            while i < self.cycles:
                out = x * y + out
                i = i + 1
                self.weight = i
        while out > 20:
            self.weight = out
            out = out - 20
        return out, self.weight + 1


@pytest.mark.parametrize("x, y, cycles", [(1, 3, 3), (4, 6, 5), (3, 1, 2)])
def test_parameters_assigned_in_branches_and_loops(x, y, cycles, either_mode):
    weight, out = 0, 0
    if x < y:
        for i in range(1, cycles + 1):
            out, weight = x * y + out, i
    while out > 20:
        weight, out = out, out - 20
    net = LoopsAssigningState(cycles)
    got = net(mindc.Tensor(np.array(x, np.int32)), mindc.Tensor(np.array(y, np.int32)))
    assert [int(t.asnumpy()) for t in got] == [out, weight + 1] and int(net.weight.asnumpy()) == weight


def test_a_one_element_value_assigns_a_one_element_parameter_of_another_shape():
    p = Parameter(np.array(1.0, np.float32), name="p")

    @mindc.jit
    def set_p(x):
        ops.assign(p, x)
        return x

    set_p(mindc.Tensor(np.array([5.0], np.float32)))
    assert p.shape == () and float(p.asnumpy()) == 5.0
    with pytest.raises(OpError, match=r"Parameter 'p' has shape \[\], the value has shape \[2\]"):
        set_p(mindc.Tensor(np.array([5.0, 6.0], np.float32)))
