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
# Ported from mindspore-ai/mindspore_test:tests/st/tensor/overload/test_argmax.py@a05ce58802d47fba782ecef8d971e05a078727c1; changes: imports only.
import numpy as np
import pytest
from mindspore_compat.mark_utils import arg_mark
import mindc as ms
import mindc.nn as nn
from mindc import Tensor


class Net(nn.Cell):
    def construct(self, x, dim=None, keepdim=False):
        return x.argmax(dim=dim, keepdim=keepdim)


class Net2(nn.Cell):
    def construct(self, x, axis=None, keepdims=False):
        return x.argmax(axis=axis, keepdims=keepdims)


def net_test(x):
    net = Net()
    output = net(x, dim=-1)
    assert output.shape == (3,)
    assert np.allclose(output.asnumpy(), np.array([1, 0, 0]))
    output2 = net(x, dim=-1, keepdim=True)
    assert output2.shape == (3, 1)
    assert np.allclose(output2.asnumpy(), np.array([[1], [0], [0]]))

def net2_test(x):
    net = Net2()
    output = net(x, axis=-1)
    assert output.shape == (3,)
    assert np.allclose(output.asnumpy(), np.array([1, 0, 0]))
    output2 = net(x, axis=-1, keepdims=True)
    assert output2.shape == (3, 1)
    assert np.allclose(output2.asnumpy(), np.array([[1], [0], [0]]))

@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos', 'platform_gpu', 'platform_ascend910b'],
          level_mark='level1',
          card_mark='onecard',
          essential_mark='unessential')
@pytest.mark.parametrize('mode', [ms.PYNATIVE_MODE, ms.GRAPH_MODE])
def test_tensor_argmax(mode):
    """
    Feature: tensor.argmax
    Description: Verify the result of argmax
    Expectation: success
    """
    ms.set_context(mode=mode)
    x = Tensor(np.array([[1, 20, 5], [67, 8, 9], [130, 24, 15]]).astype(np.float32))
    net2_test(x)
    if ms.get_context('device_target') == 'Ascend':
        net_test(x)
