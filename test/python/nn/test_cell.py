"""nn.Cell, SequentialCell, CellList and CellDict: registration, naming, modes, and compiled graphs."""
from collections import OrderedDict

import numpy as np
import pytest

import mindc
from mindc import Parameter, nn, ops
from mindc.common.parameter import _Buffer

RNG = np.random.default_rng(11)


def rand(*shape, dtype=np.float32):
    return RNG.standard_normal(shape).astype(dtype)


class Affine(nn.Cell):
    """y = x @ weight.T + bias, written against Cell alone (no layers)."""

    def __init__(self, n_in, n_out, dtype=np.float32):
        super().__init__()
        self.weight = Parameter(rand(n_out, n_in, dtype=dtype))
        self.bias = Parameter(rand(n_out, dtype=dtype), name="bias")
        self.scale = 1.0  # a plain attribute

    def construct(self, x):
        return ops.matmul(x, self.weight.T) * self.scale + self.bias


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc1 = Affine(4, 8)
        self.fc2 = Affine(8, 3)
        self.frozen = Parameter(np.ones(3, np.float32), requires_grad=False)

    def construct(self, x):
        return self.fc2(ops.relu(self.fc1(x))) * self.frozen


def reference(net: Net, x):
    x = x.astype(np.float64)
    h = np.maximum(x @ net.fc1.weight.asnumpy().T + net.fc1.bias.asnumpy(), 0)
    return (h @ net.fc2.weight.asnumpy().T + net.fc2.bias.asnumpy()) * net.frozen.asnumpy()


def test_parameters_take_attribute_names_prefixed_by_the_path():
    # A cell's own Parameters come before its children's, as in MindSpore.
    net = Net()
    names = ["frozen", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
    assert [n for n, _ in net.parameters_and_names()] == names
    assert list(net.parameters_dict()) == names
    assert [p.name for p in net.trainable_params()] == names[1:]
    assert [p.name for p in net.untrainable_params()] == ["frozen"]
    assert net.fc1.weight is net.parameters_dict()["fc1.weight"]


def test_auto_prefix_false_keeps_child_names():
    class Wrapper(nn.Cell):
        def __init__(self, inner):
            super().__init__(auto_prefix=False)
            self.inner = inner

    net = Net()
    wrapped = Wrapper(net)
    assert list(wrapped.parameters_dict()) == list(net.parameters_dict())


def test_children_and_cells_and_names():
    net = Net()
    assert list(net.name_cells()) == ["fc1", "fc2"]
    assert [n for n, _ in net.cells_and_names()] == ["", "fc1", "fc2"]
    assert net.cells() == [net.fc1, net.fc2]
    extra = Affine(3, 3)
    net.insert_child_to_cell("head", extra)
    assert net.head is extra and "head.weight" in net.parameters_dict()
    with pytest.raises(KeyError, match="contain no '.'"):
        net.insert_child_to_cell("a.b", Affine(1, 1))
    with pytest.raises(TypeError, match="needs a Cell"):
        net.insert_child_to_cell("x", 3)
    net.insert_param_to_cell("gain", Parameter(np.ones(1, np.float32)))
    assert net.gain.name == "gain"
    del net.head
    assert "head" not in net.name_cells()
    with pytest.raises(AttributeError, match="'Net' object has no attribute 'head'"):
        net.head


def test_reassigning_an_attribute_moves_it_between_kinds():
    net = Net()
    net.fc2 = 5
    assert "fc2" not in net.name_cells() and net.fc2 == 5
    assert "fc2.weight" not in net.parameters_dict()


def test_forgetting_super_init_is_a_clear_error():
    class Broken(nn.Cell):
        def __init__(self):
            self.w = Parameter(np.ones(2))

    with pytest.raises(AttributeError, match=r"Broken.__init__ must call super\(\).__init__\(\)"):
        Broken()


@pytest.mark.usefixtures("graph_mode")
def test_calling_a_cell_compiles_construct_and_matches_numpy():
    net = Net()
    x = rand(5, 4)
    np.testing.assert_allclose(net(mindc.Tensor(x)).asnumpy(), reference(net, x), rtol=2e-5, atol=2e-6)
    assert net.compile_cache_info().misses == 1
    net(mindc.Tensor(rand(5, 4)))
    assert net.compile_cache_info().hits == 1
    net(mindc.Tensor(rand(2, 4)))  # a new batch size is a new signature
    assert net.compile_cache_info().misses == 2


@pytest.mark.usefixtures("graph_mode")
def test_parameters_are_read_at_every_call():
    net = Net()
    x = rand(3, 4)
    net(mindc.Tensor(x))
    net.fc1.bias.set_data(rand(8))
    np.testing.assert_allclose(net(mindc.Tensor(x)).asnumpy(), reference(net, x), rtol=2e-5, atol=2e-6)
    assert net.compile_cache_info().misses == 1


@pytest.mark.usefixtures("graph_mode")
def test_set_train_propagates_and_recompiles():
    net = Net()
    assert net.set_train() is net
    assert all(cell.training for _, cell in net.cells_and_names())
    x = mindc.Tensor(rand(2, 4))
    net(x)
    net.set_train(False)
    assert not net.fc1.training
    net(x)
    assert net.compile_cache_info().misses == 2


def test_a_cell_called_inside_jit_is_traced_into_one_function():
    net = Net()

    @mindc.jit
    def twice(x):
        return net(net.fc1(x)[:, :4])

    x = rand(2, 4)
    text = twice.lower(mindc.Tensor(x)).as_text()
    assert text.count("func.func") == 1 and text.count("mind.matmul") == 3
    assert twice(mindc.Tensor(x)).shape == (2, 3)


def test_gradient_of_a_cell_wrt_its_parameters_matches_finite_differences():
    net = Affine(3, 2, dtype=np.float64)
    x = rand(4, 3, dtype=np.float64)

    def loss(x):
        return ops.sum(ops.tanh(net(x)))

    grads = mindc.grad(loss, None, net.trainable_params())(mindc.Tensor(x))
    for param, g in zip(net.trainable_params(), grads):
        base = param.asnumpy().copy()
        direction = rand(*base.shape, dtype=np.float64)
        values = []
        for sign in (1, -1):
            param.set_data(base + sign * 1e-6 * direction)
            values.append(np.sum(np.tanh(x @ net.weight.asnumpy().T + net.bias.asnumpy())))
        param.set_data(base)
        np.testing.assert_allclose(np.sum(g.asnumpy() * direction), (values[0] - values[1]) / 2e-6, rtol=1e-6)


def test_construct_errors_point_at_the_user_line():
    class Bad(nn.Cell):
        def construct(self, x):
            return ops.matmul(x, x)  # the bad line

    with pytest.raises(mindc.OpError) as e:
        Bad()(mindc.Tensor(rand(2, 3)))
    assert e.value.file == __file__ and "contracting dimensions differ" in str(e.value)
    with open(__file__) as f:
        assert f.readlines()[e.value.line - 1].rstrip().endswith("# the bad line")


def test_a_cell_without_construct_says_so():
    with pytest.raises(NotImplementedError, match="Cell must define construct"):
        nn.Cell()(mindc.Tensor(1.0))


# ---- containers

def test_sequential_cell_runs_in_order_and_names_children_by_index():
    layers = [Affine(4, 6), Affine(6, 2)]
    seq = nn.SequentialCell(*layers)
    assert list(seq.parameters_dict()) == ["0.weight", "0.bias", "1.weight", "1.bias"]
    x = rand(3, 4).astype(np.float64)
    want = (x @ layers[0].weight.asnumpy().T + layers[0].bias.asnumpy()) @ layers[1].weight.asnumpy().T
    np.testing.assert_allclose(seq(mindc.Tensor(x.astype(np.float32))).asnumpy(), want + layers[1].bias.asnumpy(),
                               rtol=2e-5, atol=2e-5)
    assert len(seq) == 2 and seq[1] is layers[1] and isinstance(seq[:1], nn.SequentialCell)
    seq.append(Affine(2, 2))
    assert len(seq) == 3
    del seq[0]
    assert seq[0] is layers[1]


def test_sequential_cell_from_a_list_or_ordered_dict():
    assert len(nn.SequentialCell([Affine(1, 1), Affine(1, 1)])) == 2
    named = nn.SequentialCell(OrderedDict([("first", Affine(2, 2)), ("second", Affine(2, 2))]))
    assert list(named.name_cells()) == ["first", "second"]
    with pytest.raises(TypeError, match="holds Cells, got int"):
        nn.SequentialCell(1)


def test_cell_list_is_iterated_in_construct():
    class Stack(nn.Cell):
        def __init__(self):
            super().__init__()
            self.blocks = nn.CellList([Affine(3, 3) for _ in range(3)])

        def construct(self, x):
            for block in self.blocks:
                x = ops.tanh(block(x))
            return x

    net = Stack()
    x = rand(2, 3)
    want = x.astype(np.float64)
    for block in net.blocks:
        want = np.tanh(want @ block.weight.asnumpy().T + block.bias.asnumpy())
    np.testing.assert_allclose(net(mindc.Tensor(x)).asnumpy(), want, rtol=2e-5, atol=2e-6)
    assert list(net.parameters_dict())[:2] == ["blocks.0.weight", "blocks.0.bias"]
    net.blocks.insert(0, Affine(3, 3))
    net.blocks.extend([Affine(3, 3)])
    assert len(net.blocks) == 5
    with pytest.raises(TypeError, match="a CellList is not called"):
        net.blocks(mindc.Tensor(x))


def test_cell_dict_holds_cells_by_key_and_is_used_in_construct(either_mode):
    class Branches(nn.Cell):
        def __init__(self):
            super().__init__()
            self.heads = nn.CellDict({"a": Affine(3, 2), "b": Affine(3, 2)})

        def construct(self, x):
            out = 0
            for key, head in self.heads.items():
                out = out + head(x) * (2.0 if key == "b" else 1.0)
            return out

    net, x = Branches(), rand(4, 3)
    want = sum(w * (x.astype(np.float64) @ net.heads[k].weight.asnumpy().T + net.heads[k].bias.asnumpy())
               for k, w in (("a", 1.0), ("b", 2.0)))
    np.testing.assert_allclose(net(mindc.Tensor(x)).asnumpy(), want, rtol=2e-5, atol=2e-5)
    assert list(net.parameters_dict()) == ["heads.a.weight", "heads.a.bias", "heads.b.weight", "heads.b.bias"]
    heads = net.heads
    heads.update([("c", Affine(3, 2))])
    assert list(heads.keys()) == ["a", "b", "c"] and "c" in heads and len(heads) == 3
    assert isinstance(heads.pop("a"), Affine) and list(heads) == ["b", "c"]
    for bad, error, message in [(1, TypeError, "key should be string"), ("x.y", KeyError, "contain no '.'"),
                                ("training", KeyError, "same with the attributes")]:
        with pytest.raises(error, match=message):
            heads[bad] = Affine(1, 1)
    with pytest.raises(TypeError, match="can not be CellDict, CellList or SequentialCell"):
        heads["d"] = nn.CellList()
    with pytest.raises(ValueError, match="element #0 must be a"):
        heads.update([("e",)])
    heads.clear()
    assert len(heads) == 0


# ---- forward hooks (PyNative only, as in MindSpore)

def test_forward_hooks_change_inputs_and_outputs_and_can_be_removed():
    net, x = Affine(3, 2), rand(4, 3)
    seen = []
    pre = net.register_forward_pre_hook(lambda cell, args: (args[0] * 2.0,))
    post = net.register_forward_hook(lambda cell, args, out: seen.append((cell, out.shape)) or out + 1.0)
    want = (2 * x.astype(np.float64)) @ net.weight.asnumpy().T + net.bias.asnumpy() + 1
    np.testing.assert_allclose(net(mindc.Tensor(x)).asnumpy(), want, rtol=2e-5, atol=2e-5)
    assert seen == [(net, (4, 2))]
    pre.remove()
    post.remove()
    plain = x.astype(np.float64) @ net.weight.asnumpy().T + net.bias.asnumpy()
    np.testing.assert_allclose(net(mindc.Tensor(x)).asnumpy(), plain, rtol=2e-5, atol=2e-5)
    assert len(seen) == 1


def test_forward_hooks_with_kwargs_and_under_pynative_grad():
    net, x = Affine(3, 1), rand(5, 3)
    net.register_forward_pre_hook(lambda cell, args, kwargs: ((args[0] * 3.0,), kwargs), with_kwargs=True)
    calls = []
    net.register_forward_hook(lambda cell, args, kwargs, out: calls.append(kwargs) or None, with_kwargs=True)
    grad = mindc.grad(lambda v: ops.sum(net(v)))(mindc.Tensor(x)).asnumpy()
    np.testing.assert_allclose(grad, np.tile(3.0 * net.weight.asnumpy(), (5, 1)), rtol=1e-6)
    assert calls == [{}]


@pytest.mark.usefixtures("graph_mode")
def test_forward_hooks_do_not_run_in_graph_mode():
    net = Affine(3, 2)
    net.register_forward_hook(lambda cell, args, out: out * 0.0)
    assert np.abs(net(mindc.Tensor(rand(2, 3))).asnumpy()).sum() > 0


# ---- buffers and state_dict

class Buffered(nn.Cell):
    """Affine plus a scale buffer (registered) and an offset buffer (a _Buffer attribute)."""

    def __init__(self):
        super().__init__()
        self.fc = Affine(3, 2)
        self.register_buffer("scale", mindc.Tensor(rand(2)))
        self.offset = _Buffer(mindc.Tensor(rand(2)), persistent=False)

    def construct(self, x):
        return self.fc(x) * self.scale + self.offset


def test_buffers_are_state_read_at_every_call(either_mode):
    net, x = Buffered(), rand(4, 3)
    assert [name for name, _ in net.named_buffers()] == ["scale", "offset"]
    assert isinstance(net.offset, _Buffer) and net.get_buffer("scale") is net.scale
    for _ in range(2):
        want = (x.astype(np.float64) @ net.fc.weight.asnumpy().T + net.fc.bias.asnumpy()) * net.scale.asnumpy() \
            + net.offset.asnumpy()
        np.testing.assert_allclose(net(mindc.Tensor(x)).asnumpy(), want, rtol=2e-5, atol=2e-5)
        net.scale.copy_(mindc.Tensor(rand(2)))   # a changed buffer changes the next result
    assert net.trainable_params() == [net.fc.weight, net.fc.bias]


def test_state_dict_round_trip_holds_parameters_and_persistent_buffers(tmp_path):
    source, target = Buffered(), Buffered()
    assert list(source.state_dict()) == ["scale", "fc.weight", "fc.bias"]
    mindc.save_checkpoint(source.state_dict(), str(tmp_path / "state.ckpt"))
    result = target.load_state_dict(mindc.load_checkpoint(str(tmp_path / "state.ckpt")))
    assert result == ([], [])
    for key, value in source.state_dict().items():
        np.testing.assert_array_equal(target.state_dict()[key].asnumpy(), value.asnumpy())
    with pytest.raises(RuntimeError, match="(?s)Missing key.*fc.bias.*Unexpected key.*extra"):
        target.load_state_dict({"scale": source.scale, "fc.weight": source.fc.weight, "extra": source.scale})
    missing, unexpected = target.load_state_dict({"extra": source.scale}, strict=False)
    assert missing == ["scale", "fc.weight", "fc.bias"] and unexpected == ["extra"]
    with pytest.raises(RuntimeError, match=r"size mismatch for scale"):
        target.load_state_dict({**source.state_dict(), "scale": mindc.Tensor(rand(3))})
    with pytest.raises(KeyError, match="already exists"):
        target.register_buffer("fc", mindc.Tensor(rand(1)))


def test_repr_shows_the_tree():
    text = repr(Net())
    assert text.startswith("Net<") and "(fc1): Affine<>" in text and "(fc2): Affine<>" in text
