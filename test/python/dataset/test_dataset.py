"""mindc.dataset: sources, batch, shuffle (reproducible with a seed), map, iterators, sizes."""
from __future__ import annotations

import numpy as np
import pytest

import mindc
from mindc import Tensor
from mindc.common import seed as global_seed
from mindc.dataset import GeneratorDataset, NumpySlicesDataset, config


@pytest.fixture(autouse=True)
def restore_seeds(monkeypatch):
    """Tests here set seeds; other tests in the same process must not see them."""
    monkeypatch.setattr(config, "_seed", config._seed)
    monkeypatch.setattr(global_seed, "_seed", global_seed._seed)


def rows(dataset, **kwargs):
    return [[np.asarray(v) for v in row] for row in dataset.create_tuple_iterator(output_numpy=True, num_epochs=1,
                                                                                  **kwargs)]


def column(dataset, i=0):
    return [int(r[i]) if r[i].ndim == 0 else r[i].tolist() for r in rows(dataset)]


def test_numpy_slices_columns_and_rows_in_order():
    x, y = np.arange(12, dtype=np.float32).reshape(6, 2), np.arange(6, dtype=np.int32)
    ds = NumpySlicesDataset((x, y), column_names=["data", "label"], shuffle=False)
    assert ds.get_col_names() == ["data", "label"] and ds.get_dataset_size() == 6
    got = list(ds.create_tuple_iterator(num_epochs=1))
    assert len(got) == 6 and all(isinstance(v, Tensor) for v in got[0])
    np.testing.assert_array_equal(got[2][0].asnumpy(), x[2])
    assert got[2][1].asnumpy().dtype == np.int32


def test_numpy_slices_default_names_from_dict_tuple_and_list():
    assert NumpySlicesDataset({"a": [1, 2], "b": [3, 4]}).get_col_names() == ["a", "b"]
    assert NumpySlicesDataset(([1, 2], [3, 4])).get_col_names() == ["column_0", "column_1"]
    assert NumpySlicesDataset([1, 2, 3]).get_col_names() == ["column_0"]


@pytest.mark.parametrize("drop_remainder,sizes", [(False, [4, 4, 2]), (True, [4, 4])])
def test_batch_stacks_rows_and_drop_remainder(drop_remainder, sizes):
    ds = NumpySlicesDataset(np.arange(10), shuffle=False).batch(4, drop_remainder=drop_remainder)
    got = rows(ds)
    assert [len(r[0]) for r in got] == sizes
    assert ds.get_dataset_size() == len(sizes) and ds.get_batch_size() == 4
    np.testing.assert_array_equal(got[1][0], [4, 5, 6, 7])


def test_shuffle_is_reproducible_with_a_seed_and_new_each_epoch():
    def order(seed):
        config.set_seed(seed)
        ds = NumpySlicesDataset(np.arange(20), shuffle=True)
        it = ds.create_tuple_iterator(num_epochs=2, output_numpy=True)
        return [int(r[0]) for r in it], [int(r[0]) for r in it]

    first, second = order(7)
    assert sorted(first) == list(range(20)) and first != list(range(20))
    assert first != second, "each epoch gets a new order"
    assert order(7) == (first, second)
    assert order(8)[0] != first


def test_mindc_set_seed_seeds_datasets(monkeypatch):
    monkeypatch.setattr(config, "_seed", None)
    mindc.set_seed(3)
    a = column(NumpySlicesDataset(np.arange(10)).shuffle(4))
    mindc.set_seed(3)
    assert column(NumpySlicesDataset(np.arange(10)).shuffle(4)) == a


def test_shuffle_buffer_keeps_every_row():
    config.set_seed(0)
    got = column(NumpySlicesDataset(np.arange(30), shuffle=False).shuffle(buffer_size=5))
    assert sorted(got) == list(range(30)) and got != list(range(30))


def test_map_applies_operations_to_input_columns():
    ds = NumpySlicesDataset({"x": np.arange(4, dtype=np.float32), "y": np.arange(4)}, shuffle=False)
    ds = ds.map([lambda v: v * 2, lambda v: v + 1], input_columns="x")
    assert column(ds) == [1, 3, 5, 7]
    both = ds.map(lambda x, y: (x + y, x - y), input_columns=["x", "y"], output_columns=["s", "d"])
    assert both.get_col_names() == ["s", "d"] and rows(both)[1][0] == 4


def test_generator_dataset_random_access_iterable_and_callable():
    class Source:
        def __getitem__(self, i):
            return np.array([i], np.float32), np.int32(i % 2)

        def __len__(self):
            return 5

    ds = GeneratorDataset(Source(), ["data", "label"], shuffle=False)
    assert ds.get_dataset_size() == 5 and column(ds, 1) == [0, 1, 0, 1, 0]

    def gen():
        for i in range(3):
            yield (np.array(i),)

    assert column(GeneratorDataset(gen, ["n"])) == [0, 1, 2]
    assert column(GeneratorDataset([np.array(5), np.array(6)], ["n"], shuffle=False)) == [5, 6]
    assert GeneratorDataset(gen, ["n"]).get_dataset_size() == 3
    with pytest.raises(ValueError, match="random-access"):
        GeneratorDataset(gen, ["n"], shuffle=True)


def test_generator_dataset_rejects_rows_of_the_wrong_width():
    ds = GeneratorDataset([(1, 2)], ["only"])
    with pytest.raises(ValueError, match="row of 2 value"):
        rows(ds)


def test_dict_iterator_repeat_take_skip_project():
    ds = NumpySlicesDataset({"a": np.arange(5), "b": -np.arange(5)}, shuffle=False)
    first = next(iter(ds.create_dict_iterator(num_epochs=1)))
    assert set(first) == {"a", "b"} and isinstance(first["a"], Tensor)
    assert column(ds.repeat(2)) == [0, 1, 2, 3, 4] * 2 and ds.repeat(2).get_dataset_size() == 10
    assert column(ds.skip(1).take(2)) == [1, 2] and ds.skip(1).take(2).get_dataset_size() == 2
    assert column(ds.project("b")) == [0, -1, -2, -3, -4]


def test_iterator_gives_num_epochs_passes():
    ds = NumpySlicesDataset(np.arange(3), shuffle=False)
    it = ds.create_tuple_iterator(num_epochs=2, output_numpy=True)
    assert [len(list(it)) for _ in range(3)] == [3, 3, 0]


def test_batch_rejects_rows_of_different_shapes():
    ds = GeneratorDataset([np.zeros(2), np.zeros(3)], ["v"]).batch(2)
    with pytest.raises(ValueError, match="column 'v' has rows of different shapes"):
        rows(ds)
