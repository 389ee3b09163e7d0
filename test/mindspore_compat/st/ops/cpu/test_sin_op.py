# Copyright 2021 Huawei Technologies Co., Ltd
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
# Ported from mindspore-ai/mindspore_test:tests/st/ops/cpu/test_sin_op.py@a05ce58802d47fba782ecef8d971e05a078727c1; changes: imports only.
import os

import mindc.nn as nn
import numpy as np
from mindc.train.serialization import export

from mindc import Tensor
from mindc import context
from mindc.ops import operations as P
from mindspore_compat.mark_utils import arg_mark

context.set_context(mode=context.GRAPH_MODE, device_target="CPU")


class NetSin(nn.Cell):
    def __init__(self):
        super(NetSin, self).__init__()
        self.sin = P.Sin()

    def construct(self, x):
        return self.sin(x)


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos'], level_mark='level1', card_mark='onecard',
          essential_mark='essential')
def test_sin():
    np_array = np.array([-1, -0.5, 0, 0.5, 1]).astype('float32')
    input_x = Tensor(np_array)
    net = NetSin()
    output = net(input_x)
    print(output)
    expect = np.sin(np_array)
    assert np.allclose(output.asnumpy(), expect)

    np_array = np.array([-1, -0.5, 0, 0.5, 1]).astype('float64')
    input_x = Tensor(np_array)
    net = NetSin()
    output = net(input_x)
    print(output)
    expect = np.sin(np_array)
    assert np.allclose(output.asnumpy(), expect)


@arg_mark(plat_marks=['cpu_linux', 'cpu_windows', 'cpu_macos'], level_mark='level1', card_mark='onecard',
          essential_mark='unessential')
def test_sin_onnx():
    """
    Feature: test sin op in cpu
    Description: test the ops onnx export
    Expectation: expect correct result
    """
    context.set_context(mode=context.GRAPH_MODE, device_target="CPU")

    np_array = np.array([-1, -0.5, 0, 0.5, 1]).astype('float32')
    input_x = Tensor(np_array)
    net = NetSin()
    ms_output = net(input_x)
    file = 'sin.onnx'
    export(net, input_x, file_name=file, file_format="ONNX")
    assert os.path.exists(file)

    import onnxruntime as ort
    import onnx
    onnx_model = onnx.load_model(file)
    sess = ort.InferenceSession(onnx_model.SerializeToString())
    input_name = sess.get_inputs()[0].name
    result = sess.run([], {input_name: np_array})
    assert np.allclose(ms_output.asnumpy(), result[0])
