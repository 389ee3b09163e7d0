# Copyright 2022-2024 Huawei Technologies Co., Ltd
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
# Ported from mindspore-ai/mindspore_test:tests/st/compiler/control/test_control_flow_infer.py@a05ce58802d47fba782ecef8d971e05a078727c1; changes: imports only.
from mindc.nn import Cell
from mindc.common import Tensor, dtype, Parameter
import mindc.ops.functional as F
import numpy as np
from mindspore_compat.mark_utils import arg_mark


class Net(Cell):

    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor([(- 2)], dtype.float32), name='weight')
        self.b = Parameter(Tensor([(- 1)], dtype.float32), name='bias')

    def construct(self, x, y):
        if self.b < 1:
            if x <= y:
                self.b = x * self.w
                y = 2 + y
                self.w = x - 1
            elif y <= self.w:
                x = x - x
            else:
                x = self.b - x
        elif self.w >= 4:
            x = y * 2
        if self.b <= 1:
            y = 3 + x
        elif self.b > 2:
            if self.w >= 5:
                x = 1 + y
                x = x * self.b
                self.w = self.w + x
            elif x <= self.w:
                self.w = y * y
            elif self.b == self.w:
                self.b = y - 3
            elif self.b <= 3:
                y = 1 / x
        return x + y


@arg_mark(plat_marks=['platform_gpu'], level_mark='level1', card_mark='onecard', essential_mark='unessential')
def test_can_not_be_operator_err():
    """
    Feature: Control flow.
    Description: This test case failed before, add it to CI. Related issue: I5FLCG.
    Expectation: No exception raised.
    """
    x = np.array([5], np.float32)
    y = np.array([3], np.float32)
    net = Net()
    out = net(Tensor(x), Tensor(y))
    print('ms forward: ', out)
    grad_net = F.grad(net, grad_position=(0, 1))
    fgrad = grad_net(Tensor(x), Tensor(y))
    print('ms backward: ', fgrad)


@arg_mark(plat_marks=['platform_gpu'], level_mark='level0', card_mark='onecard', essential_mark='essential')
def test_analysis_fail_ir():
    """
    Feature: Control flow analysis fail ir.
    Description: Analysis fail ir
    Expectation: Catch exception.
    """
    x = np.array([5, 5], np.float32)
    y = np.array([3], np.float32)
    net = Net()
    try:
        out = net(Tensor(x), Tensor(y))
        print(out)
    except ValueError as inst:
        print("\nexception:\n", str(inst))
