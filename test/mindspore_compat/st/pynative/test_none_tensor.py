# Copyright 2025 Huawei Technologies Co., Ltd
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
# Ported from mindspore-ai/mindspore_test:tests/st/pynative/test_none_tensor.py@a05ce58802d47fba782ecef8d971e05a078727c1; changes: imports only.
import numpy as np
import mindc as ms
from mindspore_compat.mark_utils import arg_mark


@arg_mark(plat_marks=['cpu_linux'],
          level_mark='level0',
          card_mark='onecard',
          essential_mark='essential')
def test_none_tensor():
    """
    Feature: None Tensor
    Description: Verify the result
    Expectation: success
    """
    x = ms.Tensor(np.random.rand(2, 0), ms.int32)
    out = ms.ops.flip(x, (0,))
    assert repr(out.asnumpy()) == "array([], shape=(2, 0), dtype=int32)"
