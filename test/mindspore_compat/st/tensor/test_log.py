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
# Ported from mindspore-ai/mindspore_test:tests/st/tensor/test_log.py@a05ce58802d47fba782ecef8d971e05a078727c1; changes: imports only.

import numpy as np
import pytest
from mindspore_compat.mark_utils import arg_mark

import mindc as ms
import mindc.nn as nn
from mindc import Tensor


class Log10Net(nn.Cell):
    def construct(self, x):
        return x.log10()


class Log2Net(nn.Cell):
    def construct(self, x):
        return x.log2()


class LogNet(nn.Cell):
    def construct(self, x):
        return x.log()


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos', 'platform_ascend'],
          level_mark='level2',
          card_mark='onecard',
          essential_mark='unessential')
@pytest.mark.parametrize('mode', [ms.GRAPH_MODE, ms.PYNATIVE_MODE])
def test_log10(mode):
    """
    Feature: test Tensor.log10.
    Description: Verify the result of Tensor.log10..
    Expectation: expect correct forward result.
    """
    ms.set_context(mode=mode)
    x = Tensor([10, 100, 1000], dtype=ms.float32)
    log10 = Log10Net()
    output = log10(x)
    expect_output = np.array([1, 2, 3], dtype=np.float32)

    assert np.allclose(output.asnumpy(), expect_output)


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos', 'platform_ascend'],
          level_mark='level2',
          card_mark='onecard',
          essential_mark='unessential')
@pytest.mark.parametrize('mode', [ms.GRAPH_MODE, ms.PYNATIVE_MODE])
def test_log2(mode):
    """
    Feature: test Tensor.log2.
    Description: Verify the result of Tensor.log2..
    Expectation: expect correct forward result.
    """
    ms.set_context(mode=mode)
    x = Tensor([2, 4, 8], dtype=ms.float32)
    log2 = Log2Net()
    output = log2(x)
    expect_output = np.array([1, 2, 3], dtype=np.float32)

    assert np.allclose(output.asnumpy(), expect_output)

@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos', 'platform_ascend'],
          level_mark='level1',
          card_mark='onecard',
          essential_mark='essential')
@pytest.mark.parametrize('mode', [ms.GRAPH_MODE, ms.PYNATIVE_MODE])
def test_log(mode):
    """
    Feature: test Tensor.log.
    Description: Verify the result of Tensor.log..
    Expectation: expect correct forward result.
    """
    ms.set_context(mode=mode, jit_config={"jit_level": "O0"})
    x_np = np.array([2, 4, 8]).astype(np.float32)
    x = Tensor(x_np, dtype=ms.float32)
    net = LogNet()
    output = net(x)
    expect_output = np.log(x_np)

    assert np.allclose(output.asnumpy(), expect_output, rtol=5e-3, atol=1e-4)
