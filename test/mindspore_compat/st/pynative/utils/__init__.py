# Ported from mindspore-ai/mindspore_test:tests/st/pynative/utils/__init__.py@a05ce58802d47fba782ecef8d971e05a078727c1; changes: imports only.
from mindspore_compat.st.pynative.utils.grad import GradOfFirstInput, GradOfAllInputs, GradOfAllInputsAndParams,\
    GradOfAllParams, HighGrad, GradOfDefault, allclose_nparray
__all__ = ['GradOfFirstInput', 'GradOfAllInputs', 'GradOfAllInputsAndParams',
           'GradOfAllParams', 'HighGrad', 'GradOfDefault', 'allclose_nparray']
