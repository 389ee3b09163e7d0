"""mind-opt as a program: exit codes, LLVM-style errors and never a traceback, --help, and
--verify-diagnostics against upstream mlir-opt's."""
from __future__ import annotations

import importlib.util
import random
import re
import subprocess
import tempfile
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from mindc import compiler
from mindc.passes.base import PASSES, Pass, pass_class
from mindc.pipelines import PIPELINES
from mindc.tools import opt
from mindc.tools.verify_diagnostics import Verifier
from mindc.diag import Diag

ROOT = Path(__file__).resolve().parents[3]
MIND_OPT = [sys.executable, str(ROOT / "tools" / "mind-opt")]
ENV = {"PYTHONPATH": str(ROOT / "python"), "PATH": "/usr/bin:/bin"}

VALID = """\
func.func @main(%x: tensor<2x3xf32>, %y: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<2x4xf32> {
  %0 = "mind.matmul"(%x, %y) {transpose_a = false, transpose_b = false} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = "mind.add"(%0, %b) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  %2 = "mind.relu"(%1) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %2 : tensor<2x4xf32>
}
"""
LLVM_STYLE = re.compile(r"^(\S+:\d+:\d+: )?(error|warning|note|remark): \S")


def mind_opt(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*MIND_OPT, *args], input=stdin, capture_output=True, text=True, env=ENV, timeout=60)


def test_valid_input_exits_0_and_prints_the_module(tmp_path):
    src = tmp_path / "ok.mlir"
    src.write_text(VALID)
    assert opt.main([str(src), "-o", str(tmp_path / "out.mlir")]) == 0
    assert '"mind.matmul"' in (tmp_path / "out.mlir").read_text()


def test_failure_exits_1_and_leaves_no_output_file(tmp_path, capsys):
    src = tmp_path / "bad.mlir"
    src.write_text('func.func @f(%x: tensor<2xf32>) {\n  %0 = "mind.relu"(%x) : (tensor<2xf32>) -> tensor<3xf32>\n  return\n}\n')
    assert opt.main([str(src), "-o", str(tmp_path / "out.mlir")]) == 1
    assert not (tmp_path / "out.mlir").exists()
    err = capsys.readouterr().err
    assert err == f"{src}:2:8: error: 'mind.relu' result 0 should be tensor<2xf32>, found tensor<3xf32>\n"


def test_missing_input_file(capsys):
    assert opt.main(["no/such/file.mlir"]) == 1
    assert capsys.readouterr().err == "error: could not open input file 'no/such/file.mlir': No such file or directory\n"


def test_help_lists_every_pass_with_description_and_options(capsys):
    assert opt.main(["--help"]) == 0
    out = capsys.readouterr().out
    for argument in PASSES:
        cls = pass_class(argument)
        assert re.search(rf"--{argument} +{re.escape(cls.description())}", out), argument
        for f in cls.options():
            assert f"{f.name.replace('_', '-')}=<" in out, (argument, f.name)
    for name, (description, _) in PIPELINES.items():
        assert re.search(rf"--{name} +{re.escape(description)}", out), name


def test_flags_and_pipeline_apply_in_command_line_order():
    opts = opt.parse_args(["x.mlir", "--mind-to-linalg", "--pass-pipeline=builtin.module(cse,func.func(canonicalize))",
                           "--canonicalize=max-iterations=3", "--mind-verify"])
    assert [item for item, _ in opts.items] == ["mind-to-linalg", "cse", "func.func(canonicalize)",
                                                "canonicalize{max-iterations=3}", "mind-verify"]
    assert opts.pipeline == "builtin.module(mind-to-linalg,cse,func.func(canonicalize),canonicalize{max-iterations=3},mind-verify)"


def test_split_input_file_keeps_line_numbers():
    chunks = opt.split_input("a\n// -----\nb\nc\n// -----\nd")
    assert [chunk.split("\n") for chunk in chunks] == [["a"], ["", "", "b", "c"], ["", "", "", "", "", "d"]]


@dataclass(frozen=True)
class Crash(Pass):
    """Raise a Python exception, as a buggy pass would."""

    argument: ClassVar[str] = "mind-test-crash"

    def run(self, module_op, pass_) -> None:
        raise RuntimeError("boom")


@pytest.fixture
def crash_pass(monkeypatch):
    monkeypatch.setitem(PASSES, Crash.argument, "test_opt:Crash")
    real = compiler.pass_class
    monkeypatch.setattr(compiler, "pass_class", lambda name: Crash if name == Crash.argument else real(name))


def test_bug_in_a_pass_is_one_line_and_a_repro(tmp_path, monkeypatch, capsys, crash_pass):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.delenv("MINDC_DEBUG", raising=False)
    src = tmp_path / "in.mlir"
    src.write_text(VALID)
    assert opt.main([str(src), "--mind-to-linalg", "--mind-test-crash"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("error: internal error: RuntimeError: boom\n")
    m = re.search(r"note: reproduce with: mind-opt --pass-pipeline='(.*)' (\S+)$", err, re.M)
    assert m and m.group(1) == "builtin.module(mind-to-linalg,mind-test-crash)"
    repro = Path(m.group(2))
    assert repro.parent == tmp_path and repro.name.startswith("mindc-repro-")
    # The saved IR is the pipeline's input (mind ops, not linalg) with locations in the user's file.
    assert '"mind.matmul"' in repro.read_text() and f'loc("{src}":2:8)' in repro.read_text()


def test_mindc_debug_reraises(monkeypatch, tmp_path, crash_pass):
    monkeypatch.setenv("MINDC_DEBUG", "1")
    src = tmp_path / "in.mlir"
    src.write_text(VALID)
    with pytest.raises(RuntimeError, match="boom"):
        opt.main([str(src), "--mind-test-crash"])


def corruptions(text: str, count: int, seed: int) -> list[str]:
    """Edits that always make VALID invalid: truncation inside the function, deleting a structural
    character, swapping two different adjacent tokens of a line, changing a digit (in a type or an
    SSA name)."""
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        kind = len(out) % 4
        if kind == 0:
            out.append(text[:rng.randrange(1, text.rindex("}"))])
        elif kind == 1:
            i = rng.choice([i for i, ch in enumerate(text) if ch in '(){}<>:%@"='])
            out.append(text[:i] + text[i + 1:])
        elif kind == 2:
            lines = text.split("\n")
            n = rng.choice([n for n, line in enumerate(lines) if len(line.split()) > 1])
            tokens = lines[n].split()
            i = rng.randrange(len(tokens) - 1)
            if tokens[i] == tokens[i + 1]:
                continue
            tokens[i], tokens[i + 1] = tokens[i + 1], tokens[i]
            lines[n] = " ".join(tokens)
            out.append("\n".join(lines))
        else:
            i = rng.choice([i for i, ch in enumerate(text) if ch.isdigit()])
            out.append(text[:i] + rng.choice([d for d in "56789" if d != text[i]]) + text[i + 1:])
    return out


def test_corrupted_inputs_fail_cleanly(tmp_path, capfd):
    src = tmp_path / "corrupt.mlir"
    for text in corruptions(VALID, 30, seed=0):
        src.write_text(text)
        status = opt.main([str(src), "--mind-cpu-pipeline", "-o", str(tmp_path / "out.mlir")])
        err = capfd.readouterr().err
        assert status == 1, f"exit {status} for:\n{text}\n{err}"
        assert "Traceback" not in err and "internal error" not in err, err
        # The first line is the located error (a note may go on over several lines: it prints an op).
        assert LLVM_STYLE.match(err) and err.startswith(f"{src}:"), err


def test_entry_point_prints_no_traceback():
    cases = [(["-"], 'func.func @f() {\n  %0 = "mind.relu"(\n'), (["no-such.mlir"], None),
             (["-", "--nope"], VALID), (["-", "--pass-pipeline=builtin.module("], VALID)]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda case: mind_opt(*case[0], stdin=case[1]), cases))
    for r in results:
        assert r.returncode == 1 and r.stderr.startswith(("<stdin>:", "error:")), r.stderr
        assert "Traceback" not in r.stderr


# --verify-diagnostics against upstream: the same expected-* comments on upstream ops (whose
# verifier errors are the same in both tools) must pass or fail in both.
UPSTREAM_CASES = {
    "same_line": ('%0 = arith.addi %a, %a : f32 // expected-error {{must be signless-integer-like}}', 0),
    "offset": ('// expected-error@+1 {{operand #0 must be signless-integer-like}}\n%0 = arith.addi %a, %a : f32', 0),
    "offset_back": ('%0 = arith.addi %a, %a : f32\n// expected-error@-1 {{signless}}', 0),
    "above": ('%0 = arith.addi %a, %a : f32\n// expected-error@above {{signless}}', 0),
    "above_blank": ('%0 = arith.addi %a, %a : f32\n\n// expected-error@above {{signless}}', 1),
    "below": ('// expected-error@below {{signless}}\n%0 = arith.addi %a, %a : f32', 0),
    "below_blank": ('// expected-error@below {{signless}}\n\n%0 = arith.addi %a, %a : f32', 1),
    "below_designator": ('// expected-error@below {{signless}}\n// expected-error@+1 {{x}}\n%0 = arith.addi %a, %a : f32', 1),
    "regex": ('// expected-error-re@+1 {{operand #{{[0-9]}} must be {{.*}}-like}}\n%0 = arith.addi %a, %a : f32', 0),
    "wrong_message": ('// expected-error@+1 {{no such message}}\n%0 = arith.addi %a, %a : f32', 1),
    "wrong_line": ('// expected-error@+2 {{signless}}\n%0 = arith.addi %a, %a : f32\n', 1),
    "wrong_severity": ('// expected-warning@+1 {{signless}}\n%0 = arith.addi %a, %a : f32', 1),
    "missing": ('// expected-error@+1 {{signless}}\n%0 = arith.addf %a, %a : f32', 1),
    "two_for_one": ('// expected-error@+2 {{signless}}\n// expected-error@+1 {{signless}}\n%0 = arith.addi %a, %a : f32', 1),
    "none": ('%0 = arith.addf %a, %a : f32', 0),
}


def _mlir_opt() -> str:
    for location in importlib.util.find_spec("mlir").submodule_search_locations:
        tool = Path(location) / "bin" / "mlir-opt"
        if tool.exists():
            return str(tool)
    pytest.skip("mlir-opt is not in the mlir wheel")


@pytest.mark.parametrize("name", sorted(UPSTREAM_CASES))
def test_verify_diagnostics_agrees_with_mlir_opt(name, tmp_path, capsys):
    body, want = UPSTREAM_CASES[name]
    src = tmp_path / f"{name}.mlir"
    src.write_text("func.func @f(%a: f32) {\n" + body + "\nreturn\n}\n")
    upstream = subprocess.run([_mlir_opt(), str(src), "--verify-diagnostics", "-o", "/dev/null"], capture_output=True)
    ours = opt.main([str(src), "--verify-diagnostics", "-o", str(tmp_path / "out.mlir")])
    assert (ours, upstream.returncode) == (want, want), capsys.readouterr().err


def test_verifier_reports_missing_and_unexpected_at_their_places():
    text = "a\n// expected-error@+1 {{wanted}}\nb\nc // expected-warning {{w}}\n// expected-error@unknown {{nowhere}}\n"
    v = Verifier(text, "f.mlir")
    problems = v.check([Diag("error", "-", 3, 5, "something else"), Diag("warning", "f.mlir", 4, 1, "w!"),
                        Diag("error", None, 0, 0, "from nowhere")])
    assert problems == ["f.mlir:3:5: error: unexpected error: something else",
                        "f.mlir:2:4: error: expected error \"wanted\" was not produced"]


def test_verifier_rejects_a_bad_regex():
    v = Verifier("x // expected-error-re {{a {{[}} b}}\n", "f.mlir")
    assert v.check([]) and v.check([])[0].startswith("f.mlir:1:6: error: invalid regex")
