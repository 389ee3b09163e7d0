# Copyright 2023 Huawei Technologies Co., Ltd
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
# Ported from mindspore-ai/mindspore_test:tests/st/tensor/overload/test_tile.py@a05ce58802d47fba782ecef8d971e05a078727c1; changes: imports only.
import numpy as np
import pytest
from mindspore_compat.mark_utils import arg_mark

import mindc as ms
import mindc.nn as nn
from mindc import Tensor


class Net(nn.Cell):
    def construct(self, x, dims):
        return x.tile(dims)


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos', 'platform_gpu', 'platform_ascend',
                      'platform_ascend910b'],
          level_mark='level1',
          card_mark='onecard',
          essential_mark='unessential')
@pytest.mark.parametrize('mode', [ms.GRAPH_MODE, ms.PYNATIVE_MODE])
def test_tile(mode):
    """
    Feature: Tensor.tile
    Description: Verify the result of Tensor.tile
    Expectation: success
    """
    ms.set_context(mode=mode, jit_config={"jit_level": "O0"})
    net = Net()
    x = Tensor(np.array([[1, 2], [3, 4]]), ms.float32)
    dims = (2, 2)
    output = net(x, dims)
    expect_output = np.array([[1, 2, 1, 2],
                              [3, 4, 3, 4],
                              [1, 2, 1, 2],
                              [3, 4, 3, 4]])

    assert np.allclose(output.asnumpy(), expect_output)
