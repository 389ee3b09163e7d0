"""--verify-diagnostics: check a run's diagnostics against `expected-*` comments in its input.

The comment syntax and matching are upstream's (mlir/lib/IR/Diagnostics.cpp,
SourceMgrDiagnosticVerifierHandler):

    // expected-error {{substring}}          on this line
    // expected-error@+1 {{substring}}       N lines below (@-N: above)
    // expected-error@above {{substring}}    the nearest line above without an expected-* comment
    // expected-error@below {{substring}}    the nearest such line below
    // expected-error@unknown {{substring}}  a diagnostic without a file location
    // expected-error-re {{literal {{regex}} literal}}

with warning, remark and note in place of error. A message matches when it contains the
substring (or the regex matches in it). Every diagnostic must be expected and every expectation
must be met; the failures are reported as located errors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from mindc.diag import Diag

_EXPECTED = re.compile(r"expected-(error|note|remark|warning)(-re)? *(@([+-][0-9]+|above|below|unknown))? *\{\{(.*)\}\}$")

# mlir-opt turns off printOpOnDiagnostic under --verify-diagnostics; the Python bindings cannot,
# so the notes it adds are dropped here instead.
_OP_NOTE = "see current operation:"


@dataclass
class Expected:
    severity: str
    line: int  # the line the diagnostic is expected on
    at: tuple[int, int]  # line and column of `expected-` itself: problems are reported there
    text: str
    regex: re.Pattern | None = None
    matched: bool = False

    def matches(self, message: str) -> bool:
        return bool(self.regex.search(message)) if self.regex else self.text in message


def _regex(text: str) -> re.Pattern:
    """`a {{b}} c` -> a regex: literal parts escaped, {{...}} parts as they are (upstream's computeRegex)."""
    parts, rest = [], text
    while rest:
        start = rest.find("{{")
        if start < 0:
            parts.append(re.escape(rest))
            break
        parts.append(re.escape(rest[:start]))
        rest = rest[start + 2:]
        end = rest.find("}}")
        if end < 0:
            raise ValueError("found start of regex with no end '}}'")
        parts.append(f"({rest[:end]})")
        rest = rest[end + 2:]
    try:
        return re.compile("".join(parts))
    except re.error as e:
        raise ValueError(f"invalid regex: {e}") from None


class Verifier:
    """The expectations of one input buffer, checked against the diagnostics of its run."""

    def __init__(self, text: str, filename: str):
        self.filename = filename
        self.located: list[Expected] = []
        self.unknown: list[Expected] = []
        self.errors: list[str] = []
        self._scan(text)

    def _scan(self, text: str) -> None:
        lines = text.split("\n")
        last_plain = 0  # 0-based index of the last line without an expected-* comment
        below: list[Expected] = []
        for index, line in enumerate(lines):
            m = _EXPECTED.search(line.rstrip())
            if not m:
                for e in below:
                    e.line = index + 1
                below.clear()
                last_plain = index
                continue
            severity, is_re, where, text_ = m.group(1), m.group(2), m.group(4), m.group(5)
            e = Expected(severity, index + 1, (index + 1, m.start() + 1), text_)
            if is_re:
                try:
                    e.regex = _regex(text_)
                except ValueError as err:
                    self.errors.append(self._at(e, str(err)))
                    continue
            if where is None:
                pass
            elif where[0] in "+-":
                e.line += int(where)
            elif where == "unknown":
                self.unknown.append(e)
                continue
            elif where == "above":
                e.line = last_plain + 1
            else:
                # Dangling @below designators point past the last line, as upstream's do.
                e.line = len(lines)
                below.append(e)
            self.located.append(e)

    def check(self, diags: list[Diag]) -> list[str]:
        """Error lines for unexpected diagnostics and unmet expectations; empty when all match."""
        out = list(self.errors)
        for d in diags:
            if d.severity == "note" and d.message.startswith(_OP_NOTE):
                continue
            problem = self._match(d)
            if problem:
                out.append(problem)
        for e in self.located + self.unknown:
            if not e.matched:
                out.append(self._at(e, f"expected {e.severity} \"{e.text}\" was not produced"))
        return out

    def _match(self, d: Diag) -> str | None:
        if d.file is None:
            candidates = self.unknown
        elif d.file in ("-", "", self.filename):
            candidates = [e for e in self.located if e.line == d.line]
        else:
            candidates = []  # a location in another file: nothing can expect it
        near = None
        for e in candidates:
            if e.matches(d.message):
                if e.severity == d.severity:
                    e.matched = True
                    return None
                near = e
        if near is not None:
            return self._at(near, f"'{d.severity}' diagnostic emitted when expecting a '{near.severity}'")
        return Diag("error", d.file, d.line, d.col, f"unexpected {d.severity}: {d.message}").render(self.filename)

    def _at(self, e: Expected, message: str) -> str:
        return f"{self.filename}:{e.at[0]}:{e.at[1]}: error: {message}"
