"""Port MindSpore system tests into this directory, changing imports only.

    python test/mindspore_compat/port.py [--mirror DIR] [SOURCE ...]

Each SOURCE is a path inside the MindSpore repository (`tests/st/...py`); without SOURCEs the
paths listed in sources.txt are ported. `tests/st/x/y.py` becomes `st/x/y.py` here, with a header
naming its source and commit. Only import statements change: `mindspore` -> `mindc` (the bound
names stay, so `import mindspore` becomes `import mindc as mindspore`), `tests.mark_utils` -> the
local shim, and `tests.<path>` -> `mindspore_compat.<path>`, whose file is ported the same way.
"""
from __future__ import annotations

import argparse
import ast
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIRROR = Path("/work/.mirror/mindspore-ai+mindspore_test/repo")
UPSTREAM = "mindspore-ai/mindspore_test"
HEADER = "# Ported from {repo}:{path}@{commit}; changes: imports only.\n"
# MindSpore's test tree provides these itself; here they are written by hand (mark_utils.py).
SHIMS = {"tests.mark_utils": "mindspore_compat.mark_utils"}


class Mirror:
    def __init__(self, root: Path):
        self.root = root
        self.commit = self._git("rev-parse", "HEAD").strip()

    def _git(self, *args: str) -> str:
        return subprocess.run(["git", "-C", str(self.root), *args], check=True, capture_output=True,
                              text=True).stdout

    def read(self, path: str) -> str | None:
        try:
            return self._git("show", f"{self.commit}:{path}")
        except subprocess.CalledProcessError:
            return None


def module_file(mirror: Mirror, module: str) -> str | None:
    """The repository path of a `tests.*` module: a .py file or a package's __init__.py."""
    base = module.replace(".", "/")
    for path in (f"{base}.py", f"{base}/__init__.py"):
        if mirror.read(path) is not None:
            return path
    return None


def renamed_module(module: str) -> str:
    if module in SHIMS:
        return SHIMS[module]
    if module == "mindspore" or module.startswith("mindspore."):
        return "mindc" + module[len("mindspore"):]
    if module.startswith("tests."):
        return "mindspore_compat" + module[len("tests"):]
    return module


def rewritten_import(node: ast.Import) -> str:
    """`import a.b as c, d` with each module renamed, binding the names the original bound."""
    parts = []
    for alias in node.names:
        new = renamed_module(alias.name)
        if new == alias.name:
            parts.append(f"import {alias.name}" + (f" as {alias.asname}" if alias.asname else ""))
        elif alias.asname:
            parts.append(f"import {new} as {alias.asname}")
        else:
            # `import mindspore.nn` binds `mindspore`: import the submodule, then bind the top name.
            top, renamed_top = alias.name.split(".")[0], new.split(".")[0]
            parts.append(f"import {new}" if new != renamed_top else "")
            parts.append(f"import {renamed_top} as {top}")
    return "; ".join(p for p in parts if p)


def port_source(text: str, path: str, mirror: Mirror) -> tuple[str, set[str]]:
    """The ported text of one file and the `tests.*` modules it imports."""
    lines = text.splitlines(keepends=True)
    needed: set[str] = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            new = renamed_module(node.module)
            if new != node.module:
                first = node.lineno - 1
                lines[first] = re.sub(rf"\bfrom\s+{re.escape(node.module)}\b", f"from {new}", lines[first], count=1)
            if node.module.startswith("tests.") and node.module not in SHIMS:
                # `from tests.st.utils import test_utils` imports a module of a folder without
                # __init__.py (a namespace package), `from tests.st.pynative.utils import X` a package.
                modules = {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
                found = {m for m in modules if module_file(mirror, m)}
                if not found:
                    raise ValueError(f"{path}:{node.lineno}: {node.module} is not in the mirror")
                needed.update(found)
        elif isinstance(node, ast.Import) and any(renamed_module(a.name) != a.name for a in node.names):
            if node.lineno != node.end_lineno:
                raise ValueError(f"{path}:{node.lineno}: multi-line `import` statement")
            line = lines[node.lineno - 1]
            lines[node.lineno - 1] = line[:node.col_offset] + rewritten_import(node) + line[node.end_col_offset:]
            needed.update(a.name for a in node.names if a.name.startswith("tests.") and a.name not in SHIMS)
    return "".join(lines), needed


def with_header(text: str, path: str, commit: str) -> str:
    """Put the port note after the license header (the leading comment block), keeping it intact."""
    lines = text.splitlines(keepends=True)
    end = 0
    while end < len(lines) and lines[end].startswith("#"):
        end += 1
    return "".join(lines[:end]) + HEADER.format(repo=UPSTREAM, path=path, commit=commit) + "".join(lines[end:])


def target_of(path: str) -> Path:
    assert path.startswith("tests/"), path
    return HERE / path[len("tests/"):]


def port(mirror: Mirror, sources: list[str]) -> list[Path]:
    """Port sources and every `tests.*` module they import; return the files written."""
    todo, done, written = list(sources), set(), []
    while todo:
        path = todo.pop()
        if path in done:
            continue
        done.add(path)
        text = mirror.read(path)
        if text is None:
            raise SystemExit(f"{path} is not in the mirror at {mirror.commit}")
        ported, needed = port_source(text, path, mirror)
        target = target_of(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(with_header(ported, path, mirror.commit))
        written.append(target)
        for module in sorted(needed):
            found = module_file(mirror, module)
            if found is None:
                raise SystemExit(f"{path} imports {module}, which is not in the mirror")
            todo.append(found)
    # Packages, so that files of the same name in different folders import as different modules.
    for package in {p.parent for p in written}:
        while package != HERE:
            (package / "__init__.py").touch()
            package = package.parent
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=MIRROR, help="MindSpore test repository (git dir)")
    parser.add_argument("sources", nargs="*", help="paths such as tests/st/ops/cpu/test_abs_op.py")
    args = parser.parse_args()
    sources = args.sources or [line.split("#")[0].strip() for line in (HERE / "sources.txt").read_text().splitlines()]
    written = port(Mirror(args.mirror), [s for s in sources if s])
    print(f"ported {len(written)} files from {args.mirror}")


if __name__ == "__main__":
    main()
