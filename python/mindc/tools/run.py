"""mind-run: execute a public function of an IR file on the CPU, numpy arrays in and out.

    mind-run model.mlir --random --seed 0                  # print the outputs of the only function
    mind-run model.mlir -f main --input x.npy --input y.npy -o out.npz
    mind-opt model.mlir --mind-cpu-pipeline | mind-run - --inputs xy.npz --time 100

The IR may be at any stage: mind, linalg on tensors, or the LLVM dialect that --mind-cpu-pipeline
produces (its `mind.entry_points` attribute gives the functions' tensor types).
"""
from __future__ import annotations

import re
import statistics
import sys
import time
from typing import Sequence

import numpy as np
from mlir import ir

from mindc import diag
from mindc.compiler import CompileError
from mindc.ir import make_context
from mindc.passes.c_interface import ENTRY_POINTS, public_functions
from mindc.rules.base import Sig, numpy_dtype
from mindc.runtime.engine import ArgumentError, Executable, Function
from mindc.runtime.mpi import MpiError
from mindc.tools.common import ArgumentParser, ToolError, compile_error_lines, parse_module, read_input, run_tool

PROG = "mind-run"


def argument_parser() -> ArgumentParser:
    p = ArgumentParser(prog=PROG, description="Execute a public function of an IR file on the CPU.")
    p.add_argument("file", help="IR file at the mind, linalg or LLVM stage ('-' for stdin)")
    p.add_argument("-f", "--function", metavar="NAME",
                   help="function to run (default: the only public one, or main)")
    p.add_argument("--input", action="append", default=[], metavar="FILE.npy",
                   help="one input array, repeated in argument order")
    p.add_argument("--inputs", metavar="FILE.npz",
                   help="all inputs: arrays arr_0, arr_1, ... (or arg0, ...), else in the file's order")
    p.add_argument("--random", action="store_true",
                   help="random inputs: standard normal floats, small integers, random bools")
    p.add_argument("--seed", type=int, default=0, help="seed of --random (default: 0)")
    p.add_argument("--print", action="store_true", help="print the outputs (the default without -o)")
    p.add_argument("-o", "--output", metavar="FILE.npz", help="save the outputs (arr_0, arr_1, ...)")
    p.add_argument("--time", type=int, metavar="N", help="run N more times and report the median and min time")
    p.add_argument("-O", "--opt-level", type=int, default=2, choices=range(4), help="LLVM opt level (default: 2)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    return run_tool(_main, argv)


def _main(argv: Sequence[str]) -> int:
    args = argument_parser().parse_args(argv)
    if args.random and (args.input or args.inputs):
        raise ToolError("error: --random cannot be combined with --input or --inputs")
    if args.input and args.inputs:
        raise ToolError("error: --input cannot be combined with --inputs")
    if args.time is not None and args.time < 1:
        raise ToolError(f"error: --time needs a positive number of runs, got {args.time}")
    arrays = [load_npy(path) for path in args.input] if not args.inputs else load_npz(args.inputs)
    text, filename = read_input(args.file)
    ctx = make_context()
    with ctx, diag.Collector(ctx) as collector:
        module = parse_module(text, filename, ctx, collector)
        if ENTRY_POINTS not in module.operation.attributes and not public_functions(module.operation):
            raise ToolError("error: the module has no public function to run")
        # Lowering rewrites the module in place: note where each function is defined first.
        where = function_locations(module)
        try:
            exe = Executable(module, collector, opt_level=args.opt_level)
        except CompileError as e:
            raise ToolError(*compile_error_lines(e, filename)) from None
        except MpiError as e:
            raise ToolError(f"{filename}: error: {e}") from None
        name = pick_function(exe, args.function)
        try:
            fn = exe.function(name)
            if args.random:
                arrays = random_inputs(fn.sig.inputs, args.seed)
            outputs = fn(*arrays)
        except ArgumentError as e:
            raise ToolError(diag.at(where.get(name, ir.Location.unknown()), str(e)).render(filename)) from None
        if args.output:
            save(args.output, outputs)
        if args.print or not args.output:
            print_outputs(outputs)
        if args.time:
            report_time(fn, arrays, args.time)
    return 0


def function_locations(module: ir.Module) -> dict[str, ir.Location]:
    return {ir.StringAttr(op.attributes["sym_name"]).value: op.location for op in module.body.operations
            if op.operation.name in ("func.func", "llvm.func") and "sym_name" in op.attributes}


def pick_function(exe: Executable, name: str | None) -> str:
    """The function to run: the one named, else the only public one, else main."""
    names = list(exe.signatures)
    if name is not None:
        if name not in names:
            raise ToolError(f"error: no public function @{name}; the module has {_listing(names)}")
        return name
    if len(names) == 1:
        return names[0]
    if "main" in names:
        return "main"
    raise ToolError(f"error: the module has several public functions ({_listing(names)}); choose one with -f")


def _listing(names: list[str]) -> str:
    return ", ".join("@" + n for n in names) or "none"


def _open_numpy(path: str, what: str):
    try:
        return np.load(path, allow_pickle=False)
    except FileNotFoundError:
        raise ToolError(f"error: could not open input file '{path}': No such file or directory") from None
    except (OSError, ValueError) as e:
        raise ToolError(f"error: could not read '{path}' as {what}: {e}") from None


def load_npy(path: str) -> np.ndarray:
    array = _open_numpy(path, "a .npy array")
    if not isinstance(array, np.ndarray):
        array.close()
        raise ToolError(f"error: '{path}' is an .npz archive: pass it with --inputs")
    return array


def load_npz(path: str) -> list[np.ndarray]:
    """The arrays of an .npz in argument order: arr_<i> or arg<i> keys by index, else the file's order."""
    npz = _open_numpy(path, "an .npz archive")
    if isinstance(npz, np.ndarray):
        raise ToolError(f"error: '{path}' is not an .npz archive (use --input for one .npy array)")
    with npz:
        arrays = {key: npz[key] for key in npz.files}
    indexed = {int(m.group(1)): a for key, a in arrays.items() if (m := re.fullmatch(r"(?:arr_|arg)(\d+)", key))}
    if len(indexed) == len(arrays) and sorted(indexed) == list(range(len(arrays))):
        return [indexed[i] for i in range(len(arrays))]
    return list(arrays.values())


def random_inputs(sigs: Sequence[Sig], seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    out = []
    for sig in sigs:
        dtype = numpy_dtype(sig.dtype)
        if sig.dtype == "i1":
            out.append(rng.random(sig.shape) < 0.5)
        elif sig.is_float:
            out.append(rng.standard_normal(sig.shape).astype(dtype))
        else:
            out.append(rng.integers(-4, 5, sig.shape).astype(dtype))
    return out


def print_outputs(outputs: list[np.ndarray]) -> None:
    for i, array in enumerate(outputs):
        print(f"output {i}: shape {tuple(array.shape)} dtype {array.dtype}")
        print(array)


def save(path: str, outputs: list[np.ndarray]) -> None:
    try:
        if path.endswith(".npy"):
            if len(outputs) != 1:
                raise ToolError(f"error: -o {path}: an .npy file holds one array, the function has {len(outputs)} outputs")
            np.save(path, outputs[0])
        else:
            np.savez(path, *outputs)
    except OSError as e:
        raise ToolError(f"error: could not write output file '{path}': {e.strerror or e}") from None


def report_time(fn: Function, arrays: list[np.ndarray], runs: int) -> None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(*arrays)
        times.append(time.perf_counter() - start)
    print(f"time: median {statistics.median(times) * 1e3:.4f} ms, min {min(times) * 1e3:.4f} ms over {runs} runs")


if __name__ == "__main__":
    sys.exit(main())
