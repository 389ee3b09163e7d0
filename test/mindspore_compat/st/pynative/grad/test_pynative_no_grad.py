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
# Ported from mindspore-ai/mindspore_test:tests/st/pynative/grad/test_pynative_no_grad.py@a05ce58802d47fba782ecef8d971e05a078727c1; changes: imports only.
import pytest
import numpy as np
import mindc as mindspore
from mindc import ops, jit
import mindc.nn as nn
from mindc import Parameter, Tensor, _no_grad
from mindc.common.api import _pynative_executor
from mindspore_compat.mark_utils import arg_mark


class Network(nn.Cell):
    def __init__(self):
        super(Network, self).__init__()
        self.w = Parameter(Tensor([5.0], mindspore.float32), name='w')
        self.b = Parameter(Tensor([5.0], mindspore.float32), name='b')

    def construct(self, x):
        y = self.w * x + self.b
        with _no_grad():
            m = y * self.w
        z = m * y
        return z


class NestedNetWork(nn.Cell):
    def __init__(self):
        super(NestedNetWork, self).__init__()
        self.network = Network()
        self.param = Parameter(Tensor([2.0], mindspore.float32), name='param')

    def construct(self, x):
        y = x * x
        with _no_grad():
            z = self.network(y)
        y = y + z
        return y


class NestedNetWorkGradException(nn.Cell):
    def __init__(self):
        super(NestedNetWorkGradException, self).__init__()
        self.network = Network()
        self.network.set_grad()
        self.param = Parameter(Tensor([2.0], mindspore.float32), name='param')

    def construct(self, x):
        y = x * x
        with _no_grad():
            grad_function = ops.grad(self.network)
            grads = grad_function(y)
        return grads


class ForwardNetWork(nn.Cell):
    def __init__(self):
        super(ForwardNetWork, self).__init__()
        self.param = Parameter(Tensor([2.0], mindspore.float32), name='param')

    @_no_grad()
    def construct(self, x):
        y = x * x
        z = y + y
        return z


class NestedNetWork2(nn.Cell):
    def __init__(self):
        super(NestedNetWork2, self).__init__()
        self.network = ForwardNetWork()
        self.param = Parameter(Tensor([2.0], mindspore.float32), name='param')

    def construct(self, x):
        y = x * x
        z = self.network(y)
        k = y + z
        return k


@arg_mark(plat_marks=['cpu_linux'],
          level_mark='level1',
          card_mark='onecard',
          essential_mark='essential')
def test_no_grad_with_parameter():
    """
    Feature: Test no grad feature
    Description: Test no grad with parameter
    Expectation: Success
    """

    model = Network()
    grad_fn = ops.grad(model)
    x = Tensor([2], mindspore.float32)
    gradients = grad_fn(x)
    expect_grad = Tensor([375.], mindspore.float32)
    np.testing.assert_almost_equal(gradients.asnumpy(), expect_grad.asnumpy())


@arg_mark(plat_marks=['cpu_linux'],
          level_mark='level0',
          card_mark='onecard',
          essential_mark='essential')
def test_no_grad_with_nested_network():
    """
    Feature: Test no grad feature
    Description: test nested network for no grad
    Expectation: Success
    """

    model = NestedNetWork()
    grad_fn = ops.grad(model)
    x = Tensor([2], mindspore.float32)
    gradients = grad_fn(x)
    expect_grad = Tensor([4.], mindspore.float32)
    np.testing.assert_almost_equal(gradients.asnumpy(), expect_grad.asnumpy())


@arg_mark(plat_marks=['cpu_linux'],
          level_mark='level0',
          card_mark='onecard',
          essential_mark='essential')
def test_no_grad_decorator():
    """
    Feature: Test no grad feature
    Description: test decorator of no grad
    Expectation: Success
    """

    model = NestedNetWork2()
    grad_fn = ops.grad(model)
    x = Tensor([2], mindspore.float32)
    gradients = grad_fn(x)
    expect_grad = Tensor([4.], mindspore.float32)
    np.testing.assert_almost_equal(gradients.asnumpy(), expect_grad.asnumpy())


@arg_mark(plat_marks=['cpu_linux'],
          level_mark='level1',
          card_mark='onecard',
          essential_mark='essential')
def test_no_grad_exception():
    """
    Feature: Test no grad feature
    Description: Test exception scene of no grad
    Expectation: Success
    """

    model = NestedNetWorkGradException()
    x = Tensor([2], mindspore.float32)
    with pytest.raises(RuntimeError, match="In no_grad context, you can not calculate gradient"):
        model(x)
        _pynative_executor.sync()


@arg_mark(plat_marks=['cpu_linux'],
          level_mark='level0',
          card_mark='onecard',
          essential_mark='essential')
def test_no_grad_for_jit_run_twice():
    """
    Feature: Test no grad feature
    Description: test decorator of no grad
    Expectation: Success
    """

    @jit
    def inner(a, b):
        return a + b

    def foo1(a, b):
        with _no_grad():
            return inner(a, b)

    def foo2(a, b):
        return inner(a, b)

    m = Tensor([1, 2, 3])
    n = Tensor([1, 1, 1])

    grad1 = ops.grad(foo1)(m, n)
    assert np.all(grad1.asnumpy() == np.array([0, 0, 0]))
    grad2 = ops.grad(foo2)(m, n)
    assert np.all(grad2.asnumpy() == np.array([1, 1, 1]))
