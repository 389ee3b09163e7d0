"""What MindSpore's test tree gives its system tests, for the copies ported here (see README.md).

- Platforms: a test whose platform marks exclude the CPU (only `platform_ascend`/`platform_gpu`)
  is skipped, as MindSpore's CPU CI skips it; MINDC_COMPAT_ALL_PLATFORMS=1 runs those too.
- Context: each test starts in the mode its file set when imported (and in setup_module), as
  when MindSpore runs the file alone, and the mode goes back to PyNative after it.
- Imports: a file that fails to import fails each of its tests with that error, so that the
  tests are counted and listed like any other failure.
- Known failures: tests listed in known_failures.txt are xfail(strict=True), so that one that
  starts passing fails until the list is updated (`python test/mindspore_compat/report.py --update`).
  Those listed as `unsupported:` (needs a package we lack), `slow:` (slow for reasons that say
  nothing about mindc, such as a 400 MB input) or `timeout:` (hangs) are skipped.
  MINDC_COMPAT_NO_XFAIL=1 runs them plainly; MINDC_COMPAT_RESULTS=<file> writes every outcome
  there as JSON (report.py reads it).
"""
from __future__ import annotations

import ast
import json
import os
import signal
import traceback
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
KNOWN_FAILURES = HERE / "known_failures.txt"
CPU_PLATFORMS = {"cpu_linux", "cpu_windows", "cpu_macos", "platform_x86_cpu", "platform_arm_cpu"}
# MindSpore's own marks (mark_utils.py and the older direct ones), registered so pytest knows them.
MARKS = ("platform_ascend", "platform_ascend910b", "platform_ascend310p", "platform_gpu", "cpu_linux",
         "cpu_windows", "cpu_macos", "platform_x86_cpu", "platform_arm_cpu", "platform_x86_gpu_training",
         "platform_x86_ascend_training", "platform_arm_ascend_training", "platform_arm_ascend910b_training",
         "level0", "level1", "level2", "level3", "level4", "onecard", "allcards", "dryrun", "dryrun_only",
         "essential", "unessential", "env_onecard", "env_single", "env_gpu")
# Known failures of these categories are skipped rather than run as expected failures; a test
# that hangs (`timeout:`) would cost the whole time limit on every run.
SKIPPED_CATEGORIES = ("unsupported:", "slow:", "timeout:")
# A test that hangs (a loop that never ends in a tracer) fails instead of stalling CI.
TIMEOUT_S = 60


def test_id(path: Path, nodeid: str) -> str:
    """The id known_failures.txt uses: the path below this folder, then pytest's name parts."""
    return "::".join([path.resolve().relative_to(HERE).as_posix(), *nodeid.split("::")[1:]])


def _default_mode():
    import mindc

    return mindc.PYNATIVE_MODE


def _set_mode(mode) -> None:
    import mindc

    mindc.set_context(mode=mode)


def pytest_configure(config):
    for mark in MARKS:
        config.addinivalue_line("markers", f"{mark}: MindSpore test mark")


# --- Import failures become failing tests ---------------------------------------------------

def _static_marks(decorators: list[ast.expr]) -> list[str]:
    """Mark names a test's decorators would apply: arg_mark's plat_marks and `pytest.mark.X`."""
    names = []
    for deco in decorators:
        call = deco if isinstance(deco, ast.Call) else None
        target = call.func if call else deco
        if call and isinstance(target, ast.Name) and target.id == "arg_mark":
            for keyword in call.keywords:
                if keyword.arg == "plat_marks":
                    names += ast.literal_eval(keyword.value)
        elif isinstance(target, ast.Attribute) and ast.unparse(target.value) == "pytest.mark":
            names.append(target.attr)
    return names


def _static_tests(path: Path) -> list[tuple[str, list[str]]]:
    """(name, marks) of the test functions and Test* class methods a file defines."""
    tests = []
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            tests.append((node.name, _static_marks(node.decorator_list)))
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            class_marks = _static_marks(node.decorator_list)
            tests += [(f"{node.name}::{f.name}", class_marks + _static_marks(f.decorator_list))
                      for f in node.body if isinstance(f, ast.FunctionDef) and f.name.startswith("test")]
    return tests


class ImportFailed(pytest.Item):
    """A test of a file that could not be imported: it fails with the import's error."""

    def __init__(self, *, error: BaseException, **kwargs):
        super().__init__(**kwargs)
        self.error, self.traceback = error, error.__traceback__

    def runtest(self):
        # From the import's traceback each time: raising one exception object again would grow it.
        raise self.error.with_traceback(self.traceback)

    def reportinfo(self):
        return self.path, 0, self.name


class CompatModule(pytest.Module):
    """A ported file: imported in the default mode; the mode it leaves is its tests' mode."""

    import_mode = None

    def _getobj(self):
        _set_mode(_default_mode())
        module = super()._getobj()
        self.import_mode = __import__("mindc").get_context("mode")
        return module

    def collect(self):
        try:
            self.obj
        except Exception as error:  # collection turns ImportError into CollectError; keep the cause
            cause = error.__cause__ or error
            items = []
            for name, marks in _static_tests(self.path):
                item = ImportFailed.from_parent(self, name=name, error=cause)
                for mark in marks:
                    item.add_marker(mark)
                items.append(item)
            return items
        return super().collect()


def pytest_pycollect_makemodule(module_path, parent):
    if module_path.resolve().is_relative_to(HERE) and module_path.name.startswith("test_"):
        return CompatModule.from_parent(parent, path=module_path)
    return None


# --- Platforms, known failures ----------------------------------------------------------------

def read_known_failures(path: Path = KNOWN_FAILURES) -> dict[str, str]:
    """{test id: reason} from lines `<test id> # <reason>`; blank lines and `#` lines are comments."""
    known = {}
    for line in path.read_text().splitlines() if path.exists() else []:
        if line.strip() and not line.startswith("#"):
            test, _, reason = line.partition(" # ")
            known[test.strip()] = reason.strip()
    return known


def platform_skip_reason(item) -> str | None:
    platforms = {m.name for m in item.iter_markers() if m.name.startswith(("platform_", "cpu_"))}
    if platforms and not platforms & CPU_PLATFORMS:
        return f"unsupported: {'/'.join(sorted(platforms))} only (MindSpore's CPU CI skips it too)"
    return None


def pytest_collection_modifyitems(config, items):
    known = {} if os.environ.get("MINDC_COMPAT_NO_XFAIL") else read_known_failures()
    all_platforms = bool(os.environ.get("MINDC_COMPAT_ALL_PLATFORMS"))
    for item in items:
        if not item.path.resolve().is_relative_to(HERE):
            continue
        skip = platform_skip_reason(item)
        item.user_properties.append(("cpu", skip is None))
        if skip and not all_platforms:
            item.add_marker(pytest.mark.skip(reason=skip))
        reason = known.get(test_id(item.path, item.nodeid))
        if reason and reason.startswith(SKIPPED_CATEGORIES):
            item.add_marker(pytest.mark.skip(reason=reason))
        elif reason:
            item.add_marker(pytest.mark.xfail(strict=True, reason=reason))


# --- Per-test context and time limit ----------------------------------------------------------

@pytest.fixture(scope="module", autouse=True)
def _module_mode(request):
    """The mode the file set on import; setup_module (a later module fixture) may change it."""
    if isinstance(request.node, CompatModule):
        _set_mode(request.node.import_mode)
    baseline = {}
    yield baseline
    _set_mode(_default_mode())


@pytest.fixture(autouse=True)
def _test_mode(_module_mode):
    _set_mode(_module_mode.setdefault("mode", __import__("mindc").get_context("mode")))
    yield
    _set_mode(_default_mode())


def _timed_out(signum, frame):
    raise TimeoutError(f"test ran longer than {TIMEOUT_S} s")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    if not item.path.resolve().is_relative_to(HERE):
        return (yield)
    previous = signal.signal(signal.SIGALRM, _timed_out)
    signal.alarm(TIMEOUT_S)
    try:
        return (yield)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- Results for report.py --------------------------------------------------------------------

_results: dict[str, dict] = {}  # test id -> outcome, filled where reports arrive (xdist: the controller)


def _error_summary(excinfo) -> str:
    """`Type: first line of the message (at file:line)`, the innermost frame outside pytest."""
    error = excinfo.value
    message = str(error).strip().splitlines()[0][:300] if str(error).strip() else ""
    frames = [f for f in traceback.extract_tb(excinfo.tb) if "/_pytest/" not in f.filename and "/pluggy/" not in f.filename]
    where = ""
    if frames:
        frame = frames[-1]
        parts = Path(frame.filename).parts
        short = "/".join(parts[parts.index("python") + 1:]) if "mindc" in parts and "python" in parts else \
            "/".join(parts[-2:])
        where = f" (at {short}:{frame.lineno})"
    return f"{type(error).__name__}: {message}{where}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.excinfo is not None and call.when in ("setup", "call") and item.path.resolve().is_relative_to(HERE):
        report.user_properties.append(("error", _error_summary(call.excinfo)))
    return report


def pytest_runtest_logreport(report):
    if not Path(report.fspath).resolve().is_relative_to(HERE) or not os.environ.get("MINDC_COMPAT_RESULTS"):
        return
    props = dict(report.user_properties)
    entry = _results.setdefault(test_id(Path(report.fspath), report.nodeid), {"cpu": props.get("cpu", True)})
    if report.when == "call" or report.outcome != "passed":
        entry["outcome"] = "skipped" if report.skipped else report.outcome
        if "error" in props:
            entry["error"] = props["error"]
    else:
        entry.setdefault("outcome", "passed")


def pytest_sessionfinish(session):
    path = os.environ.get("MINDC_COMPAT_RESULTS")
    if path and not hasattr(session.config, "workerinput"):
        Path(path).write_text(json.dumps(_results, indent=1, sort_keys=True))
