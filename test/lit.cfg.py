# lit configuration of mindc's IR tests (test/Dialect, test/Transforms, test/Lowering, test/Runtime,
# test/Tools). Run it directly (`lit test`) or through CMake's site config (`check-mind`), which
# only adds paths: the Python to run the tools with, and a build folder for lit's outputs.
# Without a site config the tools run under the Python that runs lit.
import importlib.util
import os
import sys
from pathlib import Path

import lit.formats

config.name = "mind"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir"]
config.test_source_root = os.path.dirname(__file__)
config.excludes = ["Inputs", "python", "lit.cfg.py"]

root = Path(getattr(config, "mind_source_dir", Path(__file__).resolve().parents[1]))
if hasattr(config, "mind_binary_dir"):
    config.test_exec_root = os.path.join(config.mind_binary_dir, "test")


def wheel_tool(package: str, name: str) -> str:
    for location in importlib.util.find_spec(package).submodule_search_locations:
        tool = Path(location) / "bin" / name
        if tool.exists():
            return str(tool)
    raise RuntimeError(f"{name} not found in the {package} wheel")


python = getattr(config, "python_executable", sys.executable)
config.substitutions.append(("%python", python))
config.substitutions.append(("mind-opt", f"{python} {root / 'tools' / 'mind-opt'}"))
config.substitutions.append(("mind-run", f"{python} {root / 'tools' / 'mind-run'}"))
config.substitutions.append(("FileCheck", wheel_tool("llvm", "FileCheck")))
config.substitutions.append(("mlir-opt", wheel_tool("mlir", "mlir-opt")))
config.substitutions.append(("%mind_dialect", str(root / "dialects" / "mind.irdl.mlir")))
config.environment["PYTHONPATH"] = str(root / "python")
