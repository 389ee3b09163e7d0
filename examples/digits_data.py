"""scikit-learn's bundled handwritten digits (1797 8x8 images; no download), split and batched
as mindc datasets for the examples."""
from __future__ import annotations

import numpy as np
from sklearn.datasets import load_digits

from mindc import dataset as ds


def splits(seed: int, image_size: int = 8, flat: bool = True):
    """((x_train, y_train), (x_test, y_test)): 80/20, pixels in [0, 1], int32 labels. Images are
    flattened to 64 features, or kept as 1xNxN (upsampled by repetition to image_size)."""
    digits = load_digits()
    x = (digits.images / 16.0).astype(np.float32)
    if image_size != 8:
        factor = image_size // 8
        x = np.kron(x, np.ones((factor, factor), np.float32))
    x = x.reshape(len(x), -1) if flat else x[:, None]
    y = digits.target.astype(np.int32)
    order = np.random.default_rng(seed).permutation(len(x))
    x, y = x[order], y[order]
    cut = int(0.8 * len(x))
    return (x[:cut], y[:cut]), (x[cut:], y[cut:])


def batches(x, y, batch_size: int, shuffle: bool):
    """A mindc dataset of (image, label) batches; only full batches, so one compiled signature."""
    data = ds.NumpySlicesDataset({"image": x, "label": y}, shuffle=shuffle)
    return data.batch(batch_size, drop_remainder=True)
