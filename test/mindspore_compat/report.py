"""Run the ported MindSpore tests, print the pass rate per area, and write it into README.md.

    python test/mindspore_compat/report.py [--results FILE | --save FILE] [--update]

Every test runs, known failures plainly and the Ascend/GPU-only ones too (counted apart), with
MINDC_COMPAT_RESULTS collecting the outcomes (or --results reads a file of an earlier run).
--update rewrites known_failures.txt from the failures: hand-written reasons (`unsupported:`,
`slow:`, `timeout:`) are kept, the others are categories derived from this run's errors
(`missing: ops.CumSum`, `mismatch: result`, ...).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
from conftest import KNOWN_FAILURES, SKIPPED_CATEGORIES, read_known_failures  # noqa: E402

README = ROOT / "README.md"
BEGIN, END = "<!-- compat:begin -->", "<!-- compat:end -->"
# Source areas, most specific first: (path prefix below this folder, name in the table).
AREAS = [("st/compiler/control", "control flow (`compiler/control`)"),
         ("st/compiler/gradient", "gradients, graph mode (`compiler/gradient`)"),
         ("st/pynative/grad", "gradients, PyNative (`pynative/grad`)"),
         ("st/pynative", "PyNative: indexing, jit, hooks, nets (`pynative`)"),
         ("st/ops/cpu", "CPU ops (`ops/cpu`)"),
         ("st/nn", "nn layers and Cells (`nn`)"),
         ("st/container", "Cell containers (`container`)"),
         ("st/tensor", "Tensor methods (`tensor`)")]
# Error text -> category; the first match wins. Tracer is what a Tensor is while a graph is traced.
CATEGORIES = [(r"No module named '(torch|yaml)'", "unsupported: the test needs {0}"),
              (r"No module named '([\w.]+)'", "missing: {0}"),
              (r"cannot import name '(\w+)' from '([\w.]+)'", "missing: {1}.{0}"),
              (r"module '([\w.]+)' has no attribute '(\w+)'", "missing: {0}.{1}"),
              (r"(?:type object )?'(?:Tracer|Tensor)' (?:object )?has no attribute '(\w+)'", "missing: Tensor.{0}"),
              (r"(?:type object )?'(\w+)' (?:object )?has no attribute '(\w+)'", "missing: {0}.{1}"),
              (r"(\w+)\(\) got an unexpected keyword argument '(\w+)'", "missing: {0}({1}=)"),
              (r"unsupported data type (\w+); mindc has", "missing: dtype {0}"),
              (r"`(np\.\w+)` was removed in the NumPy 2\.0 release", "unsupported: the test uses {0}, gone in NumPy 2"),
              (r"shape must hold ints >= 0, got \[.*None", "missing: dynamic shapes (Tensor(shape=[None, ...]))"),
              (r"^FixtureLookupError", "unsupported: a helper named test_*, not a test (errors in MindSpore too)"),
              (r"^TimeoutError", "timeout: ran over 60 s"),
              (r"^(?:AssertionError|Failed: DID NOT RAISE)", "mismatch: result")]


def run_tests(results: Path) -> None:
    env = {**os.environ, "MINDC_COMPAT_RESULTS": str(results), "MINDC_COMPAT_NO_XFAIL": "1",
           "MINDC_COMPAT_ALL_PLATFORMS": "1", "PYTHONPATH": os.pathsep.join(
               filter(None, [str(ROOT / "python"), os.environ.get("PYTHONPATH")]))}
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "2", "-p", "no:cacheprovider", "--tb=no", str(HERE)],
                   cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def category(error: str) -> str:
    for pattern, template in CATEGORIES:
        match = re.search(pattern, error)
        if match:
            return template.format(*match.groups())
    kind, _, message = error.partition(": ")
    # Paths of this checkout say nothing about the failure and differ between checkouts.
    message = re.sub(r"/\S*/(?:mindspore_compat|python)/", "", message)
    return f"error: {kind}: {message[:100]}"


def area_of(test: str) -> str:
    return next((name for prefix, name in AREAS if test.startswith(prefix + "/")), "other")


def counted(results: dict) -> dict:
    """The results that count: not skipped, and not listed as unsupported here or slow."""
    known = read_known_failures()
    return {t: r for t, r in results.items()
            if r["outcome"] != "skipped" and not known.get(t, "").startswith(SKIPPED_CATEGORIES)}


def rates(results: dict) -> list[tuple[str, int, int, int, int]]:
    """(area, CPU tests passed, CPU tests run, Ascend/GPU tests passed, run) per area, then all."""
    rows = []
    for name in [n for _, n in AREAS] + ["all"]:
        counts = Counter()
        for test, r in counted(results).items():
            if name in ("all", area_of(test)):
                counts["cpu" if r["cpu"] else "other", r["outcome"] == "passed"] += 1
        rows.append((name, counts["cpu", True], counts["cpu", True] + counts["cpu", False],
                     counts["other", True], counts["other", True] + counts["other", False]))
    return rows


def percent(passed: int, run: int) -> str:
    return f"{passed}/{run} ({100 * passed / run:.0f}%)" if run else "-"


def readme_section(results: dict) -> str:
    excluded = len(results) - len(counted(results))
    lines = [BEGIN, "## MindSpore's system tests", "",
             "`test/mindspore_compat/` holds MindSpore's own system tests (`tests/st` of mindspore-ai/mindspore_test),",
             "copied by `port.py` with only the imports changed (`mindspore` -> `mindc`), each citing its source file",
             "and commit. `make.py check` runs them; those that fail today are listed with a reason in",
             "`known_failures.txt` and run as expected failures. Pass rate = tests passing / tests run on CPU.",
             "Tests MindSpore marks for Ascend or GPU only are skipped by `make.py check`, as by MindSpore's CPU CI,",
             "and counted apart in the last column (`python test/mindspore_compat/report.py` runs them anyway and",
             f"rewrites this table). Not counted: {excluded} tests that need what this machine lacks (torch, NumPy 1)",
             "or are slow for reasons that say nothing about mindc (`unsupported:`/`slow:` in the list).", "",
             "| source area | passing (CPU tests) | passing (Ascend/GPU-only tests, run on CPU) |",
             "| --- | --- | --- |"]
    for name, cpu_pass, cpu_run, other_pass, other_run in rates(results):
        label = "**all**" if name == "all" else name
        lines.append(f"| {label} | {percent(cpu_pass, cpu_run)} | {percent(other_pass, other_run)} |")
    return "\n".join(lines + ["", END])


def write_readme(section: str) -> None:
    text = README.read_text()
    if BEGIN in text:
        start, end = text.index(BEGIN), text.index(END) + len(END)
        text = text[:start] + section + text[end:]
    else:
        # After the paragraph that lists the examples.
        anchor = text.index("\n\n", text.index("Examples (`examples/`"))
        text = text[:anchor] + "\n\n" + section + text[anchor:]
    README.write_text(text)


def write_known_failures(results: dict) -> None:
    known = read_known_failures()
    # Hand-written reasons (the skipped categories) stay; the others are read from this run's error.
    failing = {t: known[t] if known.get(t, "").startswith(SKIPPED_CATEGORIES) else category(r.get("error", ""))
               for t, r in sorted(results.items()) if r["outcome"] == "failed"}
    header = ["# Ported MindSpore tests that fail today: `<test id> # <category>: <what>`.",
              "# conftest.py marks them xfail(strict=True); `python test/mindspore_compat/report.py --update`",
              "# rewrites this list from a run (hand-written `unsupported:`/`slow:`/`timeout:` reasons are kept).", ""]
    KNOWN_FAILURES.write_text("\n".join(header + [f"{t} # {reason}" for t, reason in failing.items()]) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, help="outcomes of an earlier run (MINDC_COMPAT_RESULTS)")
    parser.add_argument("--update", action="store_true", help="rewrite known_failures.txt")
    parser.add_argument("--save", type=Path, help="also write the outcomes of this run there")
    args = parser.parse_args()
    if args.results:
        results = json.loads(args.results.read_text())
    else:
        with tempfile.TemporaryDirectory() as tmp:
            run_tests(Path(tmp) / "results.json")
            results = json.loads((Path(tmp) / "results.json").read_text())
        if args.save:
            args.save.write_text(json.dumps(results, indent=1, sort_keys=True))
    section = readme_section(results)
    print(section)
    causes = Counter(category(r.get("error", "")) for r in counted(results).values()
                     if r["outcome"] == "failed" and r["cpu"])
    print("\nFailures of CPU tests by cause:")
    for cause, count in causes.most_common():
        print(f"{count:5d}  {cause}")
    write_readme(section)
    if args.update:
        write_known_failures(results)


if __name__ == "__main__":
    main()
