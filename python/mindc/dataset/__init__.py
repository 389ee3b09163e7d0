"""mindc.dataset: a minimal mindspore.dataset — sources (NumpySlicesDataset, GeneratorDataset),
operations (batch, shuffle, map, repeat, take, skip, project, rename) and iterators that give
rows as Tensors. Shuffles are reproducible after `config.set_seed` or `mindc.set_seed`."""
from mindc.dataset import config
from mindc.dataset.engine import Dataset, DatasetIterator
from mindc.dataset.sources import GeneratorDataset, NumpySlicesDataset

__all__ = ["config", "Dataset", "DatasetIterator", "NumpySlicesDataset", "GeneratorDataset"]
