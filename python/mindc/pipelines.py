"""Named pipelines: the passes between the mind dialect and the LLVM dialect, by stage.

Each stage is a list of pipeline items, mind pass arguments and upstream pass texts alike, so
that `mind-opt --pass-pipeline` and the Python API run literally the same thing.
"""
from __future__ import annotations

from mindc.context import get_context
from mindc.parallel import _partition

# Derivative ops -> generated adjoint functions, cleaned up (unused forward values, unused
# private functions).
AUTODIFF = ["mind-autodiff", "mind-canonicalize", "symbol-dce"]

# mind -> linalg on tensors, cleaned up.
TO_LINALG = ["mind-to-linalg", "inline", "canonicalize", "cse"]

# The transform-dialect schedules (lowering/<name>.mlir) the CPU pipeline applies, in order.
SCHEDULES = ["matmul-cpu", "elementwise-cpu"]

# linalg on tensors -> LLVM dialect for the ExecutionEngine on the host CPU.
LINALG_TO_LLVM = [
    "mind-c-interface",
    "mind-bool-to-i8",
    "func.func(linalg-fuse-elementwise-ops,linalg-inline-scalar-operands)",
    # Scalars every point reads (the learning rate) read once per op, not once per point.
    "mind-hoist-scalar-reads",
    "canonicalize",
    # Ops big enough to pay for a dispatch to the thread pool are tagged; the schedules tag one
    # outer tile loop of each for mind-parallel-loops (passes/parallel.py).
    "mind-mark-parallel",
    # Transform-dialect schedules from lowering/: tiling and vectorization on tensors.
    *(f"mind-schedule{{name={name}}}" for name in SCHEDULES),
    "canonicalize",
    # Parameters a function assigns are written into their argument buffers, not returned
    # (after canonicalize, which would drop the unused materializations); then each update is
    # computed in its destination instead of being copied there.
    "mind-update-in-place",
    "eliminate-empty-tensors",
    # Public functions return fresh buffers the caller owns (returned arguments and constants are
    # cloned by the deallocation pipeline), so the runtime can hand them to numpy without a copy.
    "one-shot-bufferize{allow-return-allocs-from-loops bufferize-function-boundaries "
    "function-boundary-type-conversion=identity-layout-map}",
    "buffer-deallocation-pipeline",
    # The tagged loops, free of tensors now, become scf.parallel over one chunk per thread.
    "mind-parallel-loops",
    "convert-bufferization-to-memref",
    "mind-bool-memref-to-i8",
    # Each chunk but the first becomes a task for MLIR's async runtime (its thread pool is the
    # process's, see runtime/engine.py), called directly rather than through coroutines, which
    # cost LLVM a quarter of a training step's compile time. After the memref types are final:
    # the tasks' records hold memref descriptors.
    "mind-async-parallel",
    # Vector transfers the schedules leave become loads and stores. Fully unrolled: otherwise
    # n-d transfers go through a stack buffer whose alloca lands inside the loop, and the
    # stack grows every iteration until the process dies (LeNet at batch 64).
    "func.func(convert-vector-to-scf{full-unroll=true})",
    "convert-linalg-to-loops",
    # Before lower-affine: it turns dynamic subview offsets (tapes) into affine.apply.
    "expand-strided-metadata",
    "lower-affine",
    "convert-scf-to-cf",
    # Vector ops the schedules leave (1-d transfers, broadcasts, fma) become LLVM vector
    # instructions; fp reductions may be reassociated (tree instead of a serial chain).
    "convert-vector-to-llvm{reassociate-fp-reductions}",
    "finalize-memref-to-llvm",
    # tanh, erf and friends have no LLVM intrinsic: call libm, which the host process provides.
    "convert-math-to-libm",
    "convert-to-llvm",
    "reconcile-unrealized-casts",
]


def codegen_options() -> tuple:
    """What decides the code the CPU pipeline makes besides the IR: MindSpore's context key
    `runtime_num_threads` (read by mind-mark-parallel and mind-parallel-loops), and how programs
    are split over devices (parallel/_partition.py). Every compile cache keys on it, so a new
    setting compiles anew instead of reusing code made for another."""
    return get_context("runtime_num_threads"), _partition.settings()


STAGES = {"mind": [], "mind-grad": AUTODIFF, "linalg": AUTODIFF + TO_LINALG,
          "llvm": AUTODIFF + TO_LINALG + LINALG_TO_LLVM}

# Aliases mind-opt expands inside --pass-pipeline. An alias's options go to each of its mind
# passes that has the option (compiler.with_options): mind-cpu-pipeline{threads=2}.
PIPELINES = {
    "mind-cpu-pipeline": ("Lower mind IR to the LLVM dialect for the CPU.", AUTODIFF + TO_LINALG + LINALG_TO_LLVM),
    "mind-linalg-to-llvm": ("Lower linalg on tensors to the LLVM dialect for the CPU.", LINALG_TO_LLVM),
}
