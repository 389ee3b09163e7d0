"""`arg_mark`, as MindSpore's tests/mark_utils.py defines it: the same checks, marks and seed.

The platform marks decide what runs here: conftest.py skips tests whose platforms exclude the
CPU, as MindSpore's CPU CI does. The level, card and essential marks select nothing.
"""
import pytest

from mindspore_compat.st.common.random_generator import set_numpy_global_seed

PLATFORM_MARKS = ("platform_ascend", "platform_ascend910b", "platform_ascend310p", "platform_gpu",
                  "cpu_linux", "cpu_windows", "cpu_macos")
LEVEL_MARKS = ("level0", "level1", "level2", "level3", "level4")
CARD_MARKS = ("onecard", "allcards", "dryrun", "dryrun_only")
ESSENTIAL_MARKS = ("essential", "unessential")


def arg_mark(plat_marks, level_mark, card_mark, essential_mark):
    if not plat_marks or not set(plat_marks) <= set(PLATFORM_MARKS):
        raise ValueError(f"wrong plat_marks values: {plat_marks}")
    for value, allowed in ((level_mark, LEVEL_MARKS), (card_mark, CARD_MARKS), (essential_mark, ESSENTIAL_MARKS)):
        if value not in allowed:
            raise ValueError(f"wrong mark value {value!r}; expected one of {allowed}")

    def decorator(func):
        for mark in (*plat_marks, level_mark, card_mark, essential_mark):
            func = getattr(pytest.mark, mark)(func)
        set_numpy_global_seed()
        return func

    return decorator
