# Copyright 2022 Huawei Technologies Co., Ltd
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
# http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
# ============================================================================
# Ported from mindspore-ai/mindspore_test:tests/st/ops/cpu/test_ceil_op.py@a05ce58802d47fba782ecef8d971e05a078727c1; changes: imports only.
import mindc.context as context
import mindc.nn as nn
import numpy as np
from mindc.ops.functional import vmap

from mindc import Tensor
from mindc import dtype
from mindc.ops import functional as F
from mindc.ops import operations as P
from mindspore_compat.mark_utils import arg_mark

context.set_context(mode=context.GRAPH_MODE, device_target="CPU")


class NetCeil(nn.Cell):
    def __init__(self):
        super(NetCeil, self).__init__()
        self.ceil = P.Ceil()

    def construct(self, x):
        return self.ceil(x)


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos'], level_mark='level1', card_mark='onecard',
          essential_mark='essential')
def test_ceil_fp32():
    """
    Feature: Ceil gpu kernel
    Description: test the ceil.
    Expectation: match to np benchmark.
    """
    ceil = NetCeil()
    x = np.random.rand(3, 8).astype(np.float32)
    output = ceil(Tensor(x, dtype=dtype.float32))
    expect = np.ceil(x)
    assert np.allclose(output.asnumpy(), expect)


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos'], level_mark='level1', card_mark='onecard',
          essential_mark='essential')
def test_ceil_fp16():
    """
    Feature: Ceil gpu kernel
    Description: test the ceil.
    Expectation: match to np benchmark.
    """
    ceil = NetCeil()
    x = np.random.rand(3, 8).astype(np.float16)
    output = ceil(Tensor(x, dtype=dtype.float16))
    expect = np.ceil(x)
    assert np.allclose(output.asnumpy(), expect)


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos'], level_mark='level1', card_mark='onecard',
          essential_mark='essential')
def test_tensor_ceil():
    """
    Feature: ALL TO ALL
    Description:  test cases for ceil in pynative mode cpu backend.
    Expectation: the result match numpy ceil
    """
    context.set_context(mode=context.PYNATIVE_MODE)
    x = Tensor(np.array([1.1, -2.1]).astype(np.float32))
    np_x = np.array([1.1, -2.1]).astype(np.float32)
    output = x.ceil()
    expect = np.ceil(np_x)
    assert np.allclose(output.asnumpy(), expect)


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos'], level_mark='level1', card_mark='onecard',
          essential_mark='essential')
def test_func_ceil():
    """
    Feature: ALL TO ALL
    Description:  test cases for ceil in pynative mode cpu backend.
    Expectation: the result match numpy ceil
    """
    context.set_context(mode=context.PYNATIVE_MODE)
    x = Tensor(np.array([1.1, -2.1]).astype(np.float32))
    np_x = np.array([1.1, -2.1]).astype(np.float32)
    output = F.ceil(x)
    expect = np.ceil(np_x)
    assert np.allclose(output.asnumpy(), expect)


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos'], level_mark='level1', card_mark='onecard',
          essential_mark='essential')
def test_vmap():
    """
    Feature: ceil vmap.
    Description: test the rightness of ceil vmap feature.
    Expectation: Success.
    """

    def cal_ceil(x):
        return P.Ceil()(x)

    np_x = np.array([[[1.1, 0.9], [2.2, 1.8]], [[4.6, 1.3], [2.4, 2.6]],
                     [[1.0, 1.0], [2.0, 2.7]], [[1.3, 1.7], [2.9, 2.8]],
                     [[1.1, 1.4], [2.6, 2.0]], [[1.2, 1.4], [2.0, 2.4]],
                     [[1.5, 1.4], [2.3, 2.0]], [[1.8, 1.0], [2.9, 2.0]]]).astype(np.float32)
    x = Tensor(np_x)
    expect = np.ceil(np_x)

    vmap_ceil = vmap(cal_ceil, in_axes=(0), out_axes=0)
    output = vmap_ceil(x)
    assert np.allclose(output.asnumpy(), expect)


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos'], level_mark='level1', card_mark='onecard',
          essential_mark='essential')
def test_vmap2():
    """
    Feature: ceil vmap.
    Description: test the rightness of ceil vmap feature.
    Expectation: Success.
    """

    def cal_ceil(x):
        return P.Ceil()(x)

    np_x = np.array([[[1.1, 0.9], [2.2, 1.8]], [[4.6, 1.3], [2.4, 2.6]],
                     [[1.0, 1.0], [2.0, 2.7]], [[1.3, 1.7], [2.9, 2.8]],
                     [[1.1, 1.4], [2.6, 2.0]], [[1.2, 1.4], [2.0, 2.4]],
                     [[1.5, 1.4], [2.3, 2.0]], [[1.8, 1.0], [2.9, 2.0]]]).astype(np.float32)
    x = Tensor(np_x)
    expect = np.ceil(np_x)
    vmap_ceil = vmap(vmap(cal_ceil, in_axes=(0), out_axes=0),
                     in_axes=(0), out_axes=0)
    output = vmap_ceil(x)
    assert np.allclose(output.asnumpy(), expect)
