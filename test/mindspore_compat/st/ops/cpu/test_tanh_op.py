# Copyright 2020 Huawei Technologies Co., Ltd
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
# Ported from mindspore-ai/mindspore_test:tests/st/ops/cpu/test_tanh_op.py@a05ce58802d47fba782ecef8d971e05a078727c1; changes: imports only.
import mindc.context as context
import mindc.nn as nn
import numpy as np
import pytest
from mindc.common.api import jit
from mindc.ops.composite import GradOperation

from mindc import Tensor
from mindc.ops import function as F
from mindc.ops import operations as P
from mindspore_compat.mark_utils import arg_mark


class Grad(nn.Cell):
    def __init__(self, network):
        super(Grad, self).__init__()
        self.grad = GradOperation(get_all=True, sens_param=True)
        self.network = network

    @jit
    def construct(self, input_, output_grad):
        return self.grad(self.network)(input_, output_grad)


class Net(nn.Cell):
    def __init__(self):
        super(Net, self).__init__()
        self.ops = P.Tanh()

    def construct(self, x):
        return self.ops(x)


def get_standard_loss(data_type):
    if data_type == np.float16:
        loss = 1e-3
    elif data_type in (np.float32, np.complex64):
        loss = 1e-4
    elif data_type in (np.float64, np.complex128):
        loss = 1e-5
    else:
        loss = 0
    return loss


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos'], level_mark='level1', card_mark='onecard',
          essential_mark='unessential')
@pytest.mark.parametrize("data_type", [np.float16, np.float32, np.float64, np.complex64, np.complex128])
def test_net(data_type):
    """
    Feature: Tanh
    Description: test cases for Tanh
    Expectation: the result match to numpy
    """
    x = np.random.randn(2, 3, 3, 4).astype(data_type)
    y_expect = np.tanh(x)
    loss = get_standard_loss(data_type)

    context.set_context(mode=context.GRAPH_MODE, device_target='CPU')
    net = Net()
    out = net(Tensor(x))

    assert out.shape == y_expect.shape
    assert np.allclose(out.asnumpy(), y_expect, rtol=loss, atol=loss)

    sens = np.random.randn(2, 3, 3, 4).astype(data_type)
    backword_net = Grad(Net())
    output = backword_net(Tensor(x), Tensor(sens))
    print(len(output))
    print(output[0].asnumpy())


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos'], level_mark='level1', card_mark='onecard',
          essential_mark='essential')
@pytest.mark.parametrize("data_type", [np.float16, np.float32, np.float64, np.complex64, np.complex128])
def test_func(data_type):
    """
    Feature: Tanh
    Description: test cases for Tanh
    Expectation: the result match to numpy
    """
    x = np.random.randn(2, 3, 3, 4).astype(data_type)
    y_expect = np.tanh(x)
    loss = get_standard_loss(data_type)

    context.set_context(mode=context.GRAPH_MODE, device_target="CPU")
    tensor = Tensor(x)
    out = F.tanh(tensor)

    assert out.shape == y_expect.shape
    assert np.allclose(out.asnumpy(), y_expect, rtol=loss, atol=loss)

    context.set_context(mode=context.PYNATIVE_MODE, device_target="CPU")
    tensor = Tensor(x)
    out = F.tanh(tensor)

    assert out.shape == y_expect.shape
    assert np.allclose(out.asnumpy(), y_expect, rtol=loss, atol=loss)


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos'], level_mark='level1', card_mark='onecard',
          essential_mark='essential')
@pytest.mark.parametrize("data_type", [np.float16, np.float32, np.float64, np.complex64, np.complex128])
def test_tensor(data_type):
    """
    Feature: Tanh
    Description: test cases for Tanh
    Expectation: the result match to numpy
    """
    x = np.random.randn(2, 3, 3, 4).astype(data_type)
    y_expect = np.tanh(x)
    loss = get_standard_loss(data_type)

    context.set_context(mode=context.GRAPH_MODE, device_target="CPU")

    tensor = Tensor(x)
    out = tensor.tanh()

    assert out.shape == y_expect.shape
    assert np.allclose(out.asnumpy(), y_expect, rtol=loss, atol=loss)

    context.set_context(mode=context.PYNATIVE_MODE, device_target="CPU")

    tensor = Tensor(x)
    out = tensor.tanh()

    assert out.shape == y_expect.shape
    assert np.allclose(out.asnumpy(), y_expect, rtol=loss, atol=loss)


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos'], level_mark='level1', card_mark='onecard',
          essential_mark='essential')
def test_tanh_with_abnormal_input():
    """
    Feature: Tanh
    Description: test cases for Tanh with abnormal value
    Expectation: the result match to numpy
    """
    x = np.random.choice([np.nan, np.inf, -np.inf], size=(3, 10)).astype(np.float32)
    y_expect = np.tanh(x)

    tensor = Tensor(x)
    out = F.tanh(tensor)
    assert np.allclose(out.asnumpy(), y_expect, equal_nan=True)
