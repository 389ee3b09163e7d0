# Copyright 2024 Huawei Technologies Co., Ltd
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
# Ported from mindspore-ai/mindspore_test:tests/st/tensor/overload/test_log1p.py@a05ce58802d47fba782ecef8d971e05a078727c1; changes: imports only.

import numpy as np
import pytest
import mindc as ms
import mindc.nn as nn
from mindspore_compat.mark_utils import arg_mark


class Net(nn.Cell):
    def construct(self, x):
        output = x.log1p()
        return output


def generate_random_input(shape, dtype):
    # value must be greater than -1
    return np.random.rand(*shape).astype(dtype)


def log1p_expect_forward_func(x):
    return np.log1p(x)


@arg_mark(plat_marks=['platform_ascend', 'platform_ascend910b', 'platform_gpu', 'cpu_linux', 'cpu_windows',
                      'cpu_macos'], level_mark='level1', card_mark='onecard', essential_mark='unessential')
@pytest.mark.parametrize('mode', [ms.GRAPH_MODE, ms.PYNATIVE_MODE])
def test_tensor_log1p(mode):
    """
    Feature: tensor.log1p
    Description: Verify the result of tensor.log1p
    Expectation: success
    """
    ms.set_context(mode=mode, jit_config={"jit_level": "O0"})
    net = Net()
    x = generate_random_input((2, 3, 4, 5), np.float32)
    outputs = net(ms.Tensor(x))
    expect_output = log1p_expect_forward_func(x)
    assert np.allclose(outputs.asnumpy(), expect_output, rtol=1e-3, atol=1e-3)
