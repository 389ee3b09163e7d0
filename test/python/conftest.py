import sys
from pathlib import Path

# The test helpers live beside this file.
sys.path.insert(0, str(Path(__file__).parent))

from contextlib import contextmanager  # noqa: E402

import pytest  # noqa: E402


@contextmanager
def _in_mode(mode):
    import mindc

    before = mindc.get_context("mode")
    mindc.set_context(mode=mode)
    try:
        yield
    finally:
        mindc.set_context(mode=before)


@pytest.fixture(autouse=True)
def pynative_unless_asked():
    """Every test starts in MindSpore's default mode, whatever the one before it set."""
    import mindc

    with _in_mode(mindc.PYNATIVE_MODE):
        yield


@pytest.fixture
def graph_mode():
    """Cells compile their construct as one graph during the test."""
    import mindc

    with _in_mode(mindc.GRAPH_MODE):
        yield


@pytest.fixture(params=["graph", "pynative"])
def either_mode(request):
    """Runs the test once in each mode; the value is the mode's name."""
    import mindc

    with _in_mode(mindc.GRAPH_MODE if request.param == "graph" else mindc.PYNATIVE_MODE):
        yield request.param
