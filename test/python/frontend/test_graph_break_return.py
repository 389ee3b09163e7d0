"""break, continue and return under tensor conditions in graph mode (frontend/jumps.py): each
function runs compiled and as plain Python on float64 numpy (the reference), on inputs that
take different exits; gradients against central differences."""
import numpy as np
import pytest
from graph_helpers import T, check_grads, close, rand

import mindc
from mindc import Parameter, nn, ops


def as_numpy(a):
    return a.astype(np.float64) if isinstance(a, np.ndarray) else a


def as_tensor(a):
    return T(a) if isinstance(a, np.ndarray) else T(np.int64(a))


def check_forward(fn, *args):
    """jit(fn) on tensors against fn itself on float64 numpy and Python ints."""
    got = mindc.jit(fn)(*map(as_tensor, args))
    want = fn(*map(as_numpy, args))
    for g, w in zip(got, want) if isinstance(want, tuple) else [(got, want)]:
        close(g, w)


# ---- break and continue
def break_while(x, n):
    i = n * 0
    while i < n:
        x = x * 1.5 + 0.25
        if x.sum() > 6.0:
            break
        i += 1
    return x, i


def continue_for(x, n):
    total = x * 0.0
    for i in range(n):
        x = x * 1.25
        if x.max() > 2.0:
            continue
        total = total + x
    return total * x


def break_nested(x):
    for i in range(4):
        j = 0
        while j < 5:
            x = x + 0.5
            if x.max() > 3.0 + i:
                break
            j += 1
        if x.min() > 4.0:
            break
        x = x * 0.9
    return x


def break_and_continue_python_list(x, scales):
    for s in scales:
        if x.sum() < 0.0:
            continue
        x = x * s - 1.0
        if x.max() > 5.0:
            break
    else:
        x = x + 100.0
    return x


@pytest.mark.parametrize("n", [1, 3, 8])
def test_break_in_a_while_on_a_tensor(n):
    check_forward(break_while, np.abs(rand(3, seed=n)), n)


@pytest.mark.parametrize("n", [2, 6])
def test_continue_in_a_for_over_a_tensor_range(n):
    check_forward(continue_for, np.abs(rand(4, seed=n)), n)


@pytest.mark.parametrize("seed", [1, 2])
def test_break_in_nested_loops_leaves_the_inner_loop_only(seed):
    check_forward(break_nested, rand(3, seed=seed))


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_break_continue_and_else_in_an_unrolled_loop(sign):
    x = np.abs(rand(3, seed=3)) * sign
    check_forward(lambda x: break_and_continue_python_list(x, (1.5, 2.0, 3.0)), x)
    check_forward(lambda x: break_and_continue_python_list(x, (0.5, 0.5)), x)


def while_true(x):
    while True:
        x = x * 1.5 + 0.5
        if x.sum() > 8.0:
            break
    return x


def rows_until_negative(x, rows):
    for row in rows:
        if row.sum() < 0.0:
            break
        x = x + row
    return x


def test_break_out_of_while_true():
    check_forward(while_true, np.abs(rand(3, seed=11)))


@pytest.mark.parametrize("seed", [12, 13])
def test_break_in_a_for_over_a_tensors_rows(seed):
    check_forward(rows_until_negative, rand(3, seed=seed), rand(4, 3, seed=seed + 1))


def test_break_ends_a_python_loop_without_tracing_the_rest():
    def first_positive(xs):
        for k, v in enumerate(xs):
            if v > 0:
                break
        return k

    # An endless iterator: the loop must stop at the Python break.
    assert mindc.jit(lambda: first_positive(iter(lambda: 1, None)))() == 0


# ---- return
def return_in_while(x, n):
    i = n * 0
    while i < n:
        x = x * 1.5
        if x.sum() > 5.0:
            return x * 2.0, i
        i += 1
    return x - 1.0, i


def return_in_nested_if(x):
    if x.sum() > 0.0:
        y = x * 2.0
        if y.max() > 3.0:
            return y
        x = y + 1.0
    return x - 1.0


def return_in_for_in_while(x):
    k = 0
    while k < 3:
        for i in range(4):
            x = x * 1.2
            if x.sum() > 4.0:
                return x, k
        k += 1
    return -x, k


@pytest.mark.parametrize("n", [1, 2, 9])
def test_return_in_a_while_on_a_tensor(n):
    check_forward(return_in_while, np.abs(rand(3, seed=n)), n)


@pytest.mark.parametrize("seed,scale", [(1, 1.0), (1, 0.2), (1, -1.0)])
def test_return_in_a_nested_branch(seed, scale):
    check_forward(return_in_nested_if, rand(3, seed=seed) * scale)


@pytest.mark.parametrize("scale", [0.1, 1.0])
def test_return_from_inside_two_loops(scale):
    check_forward(return_in_for_in_while, np.abs(rand(3, seed=4)) * scale)


def test_the_returned_value_is_one_result_of_the_scf_ops():
    text = mindc.jit(return_in_while).lower(T(rand(3)), T(np.int64(3))).as_text()
    assert "scf.while" in text and "scf.if" in text and "tensor<i1>" in text


# ---- gradients
@pytest.mark.parametrize("fn,args", [
    (lambda x: break_while(x, 6)[0].sum(), (np.abs(rand(3, seed=5)).astype(np.float64),)),
    (lambda x: continue_for(x, 5).sum(), (np.abs(rand(4, seed=6)).astype(np.float64),)),
    (lambda x: (return_in_while(x, 6)[0] * x).sum(), (np.abs(rand(3, seed=7)).astype(np.float64),)),
    (lambda x: (return_in_nested_if(x) ** 2).sum(), (rand(3, seed=1).astype(np.float64),)),
    (lambda x: return_in_for_in_while(x)[0].sum(), (np.abs(rand(3, seed=4)).astype(np.float64) * 0.3,)),
    # Tensor bounds: an scf.for with continue, an scf.while with break from the first iteration.
    (lambda x: continue_for(x, T(np.int64(5))).sum(), (np.abs(rand(4, seed=6)).astype(np.float64),)),
    (lambda x: break_while(x, T(np.int64(6)))[0].sum(), (np.abs(rand(3, seed=5)).astype(np.float64),)),
])
def test_gradients_through_break_continue_and_return(fn, args):
    check_grads(fn, args, wrt=[0])


# ---- Parameters assigned in loops that break and in branches
class Accumulate(nn.Cell):
    def __init__(self):
        super().__init__()
        self.p = Parameter(np.ones(3, np.float64), name="p")
        self.q = Parameter(np.zeros(3, np.float64), name="q")

    def construct(self, x, n):
        for i in range(n):
            self.p += x
            if self.p.sum() > 5.0:
                break
        while self.q.sum() < 3.0:
            ops.assign(self.q, self.q + 1.0)
        if x.sum() > 0:
            ops.assign_add(self.q, x)
        else:
            self.q.set_data(self.q * 2.0)
        return self.p * 1.0, self.q * 1.0


def accumulate_reference(p, q, x, n):
    for i in range(n):
        p = p + x
        if p.sum() > 5.0:
            break
    while q.sum() < 3.0:
        q = q + 1.0
    q = q + x if x.sum() > 0 else q * 2.0
    return p, q


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_parameter_side_effects_in_loops_and_branches(either_mode, sign):
    net = Accumulate()
    x = np.abs(rand(3, dtype=np.float64, seed=8)) * sign
    # copies: asnumpy shares the Parameter's buffer, which the compiled step updates in place
    p, q = net.p.asnumpy().copy(), net.q.asnumpy().copy()
    for _ in range(2):
        got = net(T(x), T(np.int64(4)))
        p, q = accumulate_reference(p, q, x, 4)
        for g, w in zip([*got, net.p, net.q], [p, q, p, q]):
            close(g, w, np.float64)


def test_a_variable_of_a_loop_with_break_is_not_live_after_the_outer_loop():
    # MindSpore's inner/test_break_continue.py: j is local to each outer iteration.
    def nested(x, n):
        out = x * 0.0
        i = n * 0
        while i < n:
            j = n * 0
            while j < n + 3:
                out = out + x
                j = j + 1
                if j > 4:
                    break
            i = i + 1
        return out

    check_forward(nested, rand(2, seed=9), 3)


class Keeper(nn.Cell):
    """Assigning a tensor to a Parameter's attribute name sets the Parameter (MindSpore's Cell)."""

    def __init__(self):
        super().__init__()
        self.w = Parameter(np.zeros(3, np.float64), name="w")

    def construct(self, x, n):
        for i in range(n):
            if x.sum() > 0:
                self.w = self.w + x
            else:
                self.w = x - 1.0
        return self.w + 1.0


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_assigning_a_parameter_attribute_in_branches_and_loops(either_mode, sign):
    net = Keeper()
    x = np.abs(rand(3, dtype=np.float64, seed=10)) * sign
    w = np.zeros(3)
    for _ in range(3):
        w = w + x if x.sum() > 0 else x - 1.0
    w = w + x if x.sum() > 0 else x - 1.0
    got = net(T(x), T(np.int64(1)))
    net(T(x), T(np.int64(3)))
    assert isinstance(net.w, Parameter)
    close(net.w, w, np.float64)
    close(got, (x if sign > 0 else x - 1.0) + 1.0, np.float64)


class EarlyExit(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(rand(3, dtype=np.float64, seed=15) + 1.0, name="w")

    def construct(self, x, n):
        for i in range(n):
            x = ops.tanh(x * self.w) + x
            if x.sum() > 2.0:
                return x * 2.0
        return x - 1.0


def early_exit_reference(w, x, n):
    for i in range(n):
        x = np.tanh(x * w) + x
        if x.sum() > 2.0:
            return x * 2.0
    return x - 1.0


@pytest.mark.parametrize("scale", [0.1, 1.0])
def test_a_cell_returning_from_a_loop(either_mode, scale):
    net, x = EarlyExit(), np.abs(rand(3, dtype=np.float64, seed=16)) * scale
    close(net(T(x), T(np.int64(3))), early_exit_reference(net.w.asnumpy(), x, 3), np.float64)
