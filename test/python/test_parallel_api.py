"""The semi-auto parallel API in one process: what each call puts in the traced graph, and the
errors for strategies that cannot be used. Multi-rank runs are in distributed/test_semi_auto.py."""
import numpy as np
import pytest

import mindc
from mindc import nn, ops
from mindc.parallel import shard
from mindc.parallel.auto_parallel import AutoParallel
from mindc.rules.base import Sig
from mindc.runtime.sharded import piece
from mindc.sharding.layout import Grid, Layout


def traced(fn, *shapes):
    return mindc.jit(fn).lower(*[mindc.Tensor(np.ones(s, np.float32)) for s in shapes]).as_text()


def test_primitive_strategy_goes_on_the_op_it_builds(graph_mode):
    matmul = ops.MatMul(transpose_b=True).shard(((2, 1), (1, 1)))
    text = traced(lambda x, w: matmul(x, w), (4, 3), (5, 3))
    assert 'mind.strategy = [array<i64: 2, 1>, array<i64: 1, 1>], transpose_a = false, transpose_b = true' in text
    assert matmul.in_strategy == ((2, 1), (1, 1))


def test_bias_add_strategy_maps_onto_the_reshaped_bias(graph_mode):
    bias_add = ops.BiasAdd().shard(((2, 2), (2,)))
    text = traced(lambda x, b: bias_add(x, b), (4, 6), (6,))
    assert '"mind.add"(%arg0, %0) {mind.strategy = [array<i64: 2, 2>, array<i64: 1, 2>]}' in text


def test_dense_exposes_its_primitives(graph_mode):
    dense = nn.Dense(3, 5)
    dense.matmul.shard(((1, 1), (2, 1)))
    assert 'mind.strategy = [array<i64: 1, 1>, array<i64: 2, 1>]' in traced(lambda x: dense(x), (4, 3))


def test_a_strategy_that_fits_no_input_is_an_error(graph_mode):
    matmul = ops.MatMul().shard(((2,), (1, 1)))
    with pytest.raises(ValueError, match=r"For 'MatMul', the strategy \(\(2,\), \(1, 1\)\) does not fit the inputs"):
        traced(lambda x, w: matmul(x, w), (4, 3), (3, 5))


@pytest.mark.parametrize("bad", [[[2]], ((2, 0),), ((2.0,),), (2, 1)])
def test_strategies_must_be_tuples_of_positive_ints(bad):
    with pytest.raises(TypeError, match="must be a tuple of tuples of positive ints"):
        ops.MatMul().shard(bad)


def test_shard_marks_inputs_and_outputs(graph_mode):
    fn = shard(lambda x: ops.relu(x), in_strategy=((2, 1),), out_strategy=((1, 2),))
    text = traced(fn, (4, 6))
    assert text.count('"mind.shard"') == 2
    assert 'mind.strategy = [array<i64: 2, 1>]' in text and 'mind.strategy = [array<i64: 1, 2>]' in text


def test_cell_shard_and_parameter_plan(graph_mode):
    dense = nn.Dense(3, 4)
    dense.shard(((2, 1),), parameter_plan={"self.weight": (2, 1)})
    text = traced(lambda x: dense(x), (6, 3))
    assert '"mind.shard"(%arg0) {mind.strategy = [array<i64: 2, 1>]}' in text
    assert 'tensor<4x3xf32> {mind.strategy = array<i64: 2, 1>}' in text


def test_shard_errors():
    with pytest.raises(ValueError, match="parameter_plan names 'self.nope', which is not a Parameter of Dense"):
        shard(nn.Dense(3, 4), ((1, 1),), parameter_plan={"self.nope": (1, 1)})
    with pytest.raises(ValueError, match="the strategy \\(2,\\) of parameter 'weight' has 1 entries"):
        shard(nn.Dense(3, 4), ((1, 1),), parameter_plan={"weight": (2,)})
    with pytest.raises(TypeError, match="'parameter_plan' needs a Cell"):
        shard(lambda x: x, ((1,),), parameter_plan={"w": (1,)})
    with pytest.raises(TypeError, match="'in_strategy' must be a tuple"):
        shard(lambda x: x, 3)


def test_shard_strategy_rank_mismatch_is_an_error(graph_mode):
    fn = shard(lambda x: x + 1, in_strategy=((2,),))
    with pytest.raises(ValueError, match=r"the strategy \(2,\) of input 0 has 1 entries, the tensor has 2 dimensions"):
        traced(fn, (4, 6))


def test_outside_a_graph_shard_changes_nothing():
    fn = shard(lambda x: x * 2, in_strategy=((2,),))
    assert np.allclose(fn(mindc.Tensor(np.arange(4, dtype=np.float32))).asnumpy(), np.arange(4) * 2)


def test_auto_parallel_arguments():
    with pytest.raises(ValueError, match="'parallel_mode' must be one of"):
        AutoParallel(nn.Dense(2, 2), parallel_mode="full_auto")
    with pytest.raises(TypeError, match="'network' must be a Cell or a function"):
        AutoParallel(3)
    net = AutoParallel(nn.Dense(2, 2))
    with pytest.raises(ValueError, match="'config' must be 'data_parallel' or 'full_batch'"):
        net.dataset_strategy("half_batch")
    with pytest.raises(ValueError, match="per-input strategies"):
        net.dataset_strategy(((2, 1),))


def test_auto_parallel_on_one_process_gives_the_whole_result():
    # A world of one: the grid has one device, and the step is the whole program.
    dense = nn.Dense(3, 2)
    x = np.random.default_rng(0).standard_normal((4, 3)).astype(np.float32)
    want = x.astype(np.float64) @ dense.weight.asnumpy().T.astype(np.float64) + dense.bias.asnumpy()
    out = AutoParallel(dense)(mindc.Tensor(x)).asnumpy()
    np.testing.assert_allclose(out, want, rtol=1e-5, atol=1e-6)


def test_pieces_follow_the_grid_coordinates():
    grid, layout = Grid((2, 2)), Layout.parse("[{1}, {0}]")
    whole = np.arange(16).reshape(4, 4)
    pieces = {rank: whole[piece((4, 4), layout, grid, rank)] for rank in range(4)}
    # rank 1 is at coordinates (0, 1): rows split over axis 1 -> second half of the rows.
    np.testing.assert_array_equal(pieces[1], whole[2:, :2])
    np.testing.assert_array_equal(pieces[2], whole[:2, 2:])
    assert Sig((4, 4), "f32").with_shape(layout.local_shape((4, 4), grid)).shape == (2, 2)


def test_a_strategy_the_devices_cannot_give_names_the_users_line():
    # One process: a grid of one device, where a split in 2 does not exist.
    matmul = ops.MatMul().shard(((2, 1), (1, 1)))
    step = AutoParallel(lambda x, w: matmul(x, w))
    line = test_a_strategy_the_devices_cannot_give_names_the_users_line.__code__.co_firstlineno + 3
    with pytest.raises(Exception, match=rf"test_parallel_api.py:{line}:\d+: error: 'mind.matmul' dimension 0 of operand 0: "
                                        r"no set of free grid axes of the 1 grid has 2 devices"):
        step(mindc.Tensor(np.ones((4, 3), np.float32)), mindc.Tensor(np.ones((3, 5), np.float32)))
