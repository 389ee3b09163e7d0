"""mind-async-parallel: run the iterations of scf.parallel loops as tasks on MLIR's async runtime.

Upstream's route (async-parallel-for, async-to-async-runtime, convert-async-to-llvm) makes every
task an LLVM coroutine, and LLVM's coroutine passes (CoroSplit and friends) then cost about a
quarter of a training step's compile time. The runtime itself needs no coroutine:
`mlirAsyncRuntimeExecute(handle, resume)` runs `resume(handle)` on its thread pool, for any
`void (*)(void *)` and pointer. So each loop here becomes plain calls:

    func.func private @f_parallel(%record: !llvm.ptr)  // one iteration: the loop body, outlined
    ...
    %group = CreateGroup(n - 1)
    for t in 1 .. n-1:                                  // unrolled: n is a constant, the threads
        record[t] = {token_t = CreateToken(), iv_t, captured values}
        AddTokenToGroup(token_t, %group); DropRef(token_t, 1)
        Execute(&record[t], @f_parallel)                // on a worker; emplaces token_t at its end
    record[0] = {null, iv_0, captured values}; @f_parallel(&record[0])   // on this thread
    AwaitAllInGroup(%group); DropRef(%group, 1)

Reference counts follow AsyncRuntime.cpp: a token starts with two references, one dropped by
its emplacement (the task's) and one by its creator here once it is in the group; the group
holds itself alive until its last token is emplaced. Nothing leaks per call.

The records live in the calling function's frame (allocas in its entry block, so a loop around
the dispatch does not grow the stack), which outlives the tasks: it waits for them. Values the
body uses from outside are stored in the record as their LLVM form (memrefs as descriptors,
index as i64); constants are cloned into the outlined function instead.

Only outermost loops become tasks: a task that waited for tasks of its own would hold a worker
of the pool while they queue behind it (with all workers waiting, forever). Nested ones stay
serial loops. Loops need constant bounds (mind-parallel-loops makes them: one iteration per
thread), one induction variable and no reductions; anything else is reported at the loop.
"""
from __future__ import annotations

from typing import ClassVar

from mlir import ir
from mlir.dialects import arith, builtin, func, llvm, scf

from mindc import diag
from mindc.ir import remap_operands
from mindc.passes.base import Pass, dataclass_pass
from mindc.passes.parallel import constant_int

# The async runtime's C API (mlir/ExecutionEngine/AsyncRuntime.h) as used here: name -> (argument
# types, result types), "ptr" an opaque pointer (token, group, record or function).
RUNTIME = {
    "mlirAsyncRuntimeCreateGroup": (["i64"], ["ptr"]),
    "mlirAsyncRuntimeCreateToken": ([], ["ptr"]),
    "mlirAsyncRuntimeAddTokenToGroup": (["ptr", "ptr"], ["i64"]),
    "mlirAsyncRuntimeDropRef": (["ptr", "i64"], []),
    "mlirAsyncRuntimeExecute": (["ptr", "ptr"], []),
    "mlirAsyncRuntimeEmplaceToken": (["ptr"], []),
    "mlirAsyncRuntimeAwaitAllInGroup": (["ptr"], []),
}
# A record's fields before the captured values: the task's token (null for the iteration run
# inline), then the induction variable's value.
TOKEN, IV, CAPTURED = 0, 1, 2


@dataclass_pass
class AsyncParallel(Pass):
    """Run the iterations of outermost scf.parallel loops as tasks on MLIR's async runtime, without coroutines."""

    argument: ClassVar[str] = "mind-async-parallel"

    def run(self, module_op, pass_) -> None:
        loops = []

        def collect(op):
            if _is_outer_parallel(op.operation):
                loops.append(op.operation)
            return ir.WalkResult.ADVANCE

        module_op.walk(collect)
        for loop in loops:
            problem = _unsupported(loop)
            if problem:
                diag.error(loop, problem)
                pass_.signal_pass_failure()
                return
        # One table for the whole run: it renames each new symbol whose name is taken, where a
        # table built after the insertion would find the name twice and abort.
        runtime = _Runtime(module_op)
        for loop in loops:
            _dispatch(loop.opview, runtime)


def _is_outer_parallel(op: ir.Operation) -> bool:
    if op.name != "scf.parallel":
        return False
    parent = op.parent
    while parent is not None:
        if parent.name == "scf.parallel":
            return False
        parent = parent.parent
    return True


def _unsupported(loop: ir.Operation) -> str | None:
    """Why loop cannot become tasks, or None."""
    par = loop.opview
    if len(par.lowerBound) != 1:
        return f"expected one induction variable, found {len(par.lowerBound)}"
    if loop.results:
        return f"expected no reductions, found {len(loop.results)}"
    if None in _bounds(par):
        return "expected constant bounds and step"
    if _enclosing_function(loop) is None:
        return "expected to be inside a func.func"
    for value in _captured(loop):
        if _is_cloned(value):
            continue
        if _field_type(value.type) is None:
            return f"cannot pass a value of type {value.type} to a task"
    return None


def _bounds(par: scf.ParallelOp) -> tuple:
    return tuple(constant_int(v[0]) for v in (par.lowerBound, par.upperBound, par.step))


def _enclosing_function(op: ir.Operation) -> ir.Operation | None:
    parent = op.parent
    while parent is not None and parent.name != "func.func":
        parent = parent.parent
    return parent


def _captured(loop: ir.Operation) -> list[ir.Value]:
    """The values the loop's body uses that are defined outside it, in order of first use."""
    inside, used = set(), {}

    def visit(op):
        op = op.operation
        for region in op.regions:
            for block in region.blocks:
                inside.update(block.arguments)
        inside.update(op.results)
        if op != loop:
            for value in op.operands:
                used.setdefault(value, None)
        return ir.WalkResult.ADVANCE

    # Pre-order: a value is defined (seen) before it is used, except across blocks, which the
    # final filter covers.
    loop.walk(visit, walk_order=ir.WalkOrder.PRE_ORDER)
    return [v for v in used if v not in inside]


def _is_cloned(value: ir.Value) -> bool:
    owner = value.owner
    return isinstance(owner, ir.OpView) and owner.operation.name == "arith.constant"


def _field_type(t: ir.Type) -> ir.Type | None:
    """The LLVM type a value of type t is stored as in a record, or None if it cannot be."""
    if isinstance(t, ir.IndexType):
        return ir.IntegerType.get_signless(64)
    if isinstance(t, ir.MemRefType) and t.memory_space is None:
        # The descriptor finalize-memref-to-llvm makes: allocated, aligned, offset, sizes, strides.
        rank = t.rank
        arrays = f", array<{rank} x i64>, array<{rank} x i64>" if rank else ""
        return ir.Type.parse(f"!llvm.struct<(ptr, ptr, i64{arrays})>")
    if isinstance(t, (ir.IntegerType, ir.FloatType)):
        return t
    if isinstance(t, ir.VectorType) and t.rank == 1 and not t.scalable:
        return t
    return None


def _to_field(value: ir.Value) -> ir.Value:
    field = _field_type(value.type)
    if isinstance(value.type, ir.IndexType):
        return arith.index_cast(field, value)
    if isinstance(value.type, ir.MemRefType):
        # Resolved by reconcile-unrealized-casts once the memref is a descriptor itself.
        return builtin.UnrealizedConversionCastOp([field], [value]).result
    return value


def _from_field(field: ir.Value, t: ir.Type) -> ir.Value:
    if isinstance(t, ir.IndexType):
        return arith.index_cast(t, field)
    if isinstance(t, ir.MemRefType):
        return builtin.UnrealizedConversionCastOp([t], [field]).result
    return field


def _dispatch(par: scf.ParallelOp, runtime: "_Runtime") -> None:
    """Replace par by an outlined iteration function and the calls that run it (module doc)."""
    loop = par.operation
    lb, ub, step = _bounds(par)
    ivs = list(range(lb, ub, step))
    if not ivs:
        loop.erase()
        return
    captured = [v for v in _captured(loop) if not _is_cloned(v)]
    with loop.location:
        record_type = llvm.StructType.get_literal([_ptr(), _i64()] + [_field_type(v.type) for v in captured])
    body = _outline(par, runtime, record_type, captured)
    with loop.location:
        records = _allocas(_enclosing_function(loop), record_type, len(ivs))
        with ir.InsertionPoint(loop):
            shared = llvm.PoisonOp(record_type).result
            for i, value in enumerate(captured):
                shared = llvm.InsertValueOp(shared, _to_field(value), [CAPTURED + i]).result
            group = runtime.call("mlirAsyncRuntimeCreateGroup", [_i64_constant(len(ivs) - 1)]) if len(ivs) > 1 else None
            resume = builtin.UnrealizedConversionCastOp(
                [_ptr()], [func.ConstantOp(body.type, ir.FlatSymbolRefAttr.get(body.name.value)).result]).result
            for iv, record in zip(ivs[1:], records[1:]):
                token = runtime.call("mlirAsyncRuntimeCreateToken", [])
                _store_record(shared, token, iv, record)
                runtime.call("mlirAsyncRuntimeAddTokenToGroup", [token, group])
                runtime.call("mlirAsyncRuntimeDropRef", [token, _i64_constant(1)])
                runtime.call("mlirAsyncRuntimeExecute", [record, resume])
            _store_record(shared, llvm.ZeroOp(_ptr()).result, ivs[0], records[0])
            func.CallOp(body, [records[0]])
            if group is not None:
                runtime.call("mlirAsyncRuntimeAwaitAllInGroup", [group])
                runtime.call("mlirAsyncRuntimeDropRef", [group, _i64_constant(1)])
    loop.erase()


def _outline(par: scf.ParallelOp, runtime: "_Runtime", record_type: ir.Type,
             captured: list[ir.Value]) -> func.FuncOp:
    """A private function of one !llvm.ptr, the record, that runs par's body for the record's
    induction variable, then emplaces the record's token if it has one."""
    loop = par.operation
    parent = _enclosing_function(loop)
    name = ir.StringAttr(parent.attributes["sym_name"]).value + "_parallel"
    with ir.InsertionPoint.after(parent), loop.location:
        fn = func.FuncOp(name, ([_ptr()], []), visibility="private")
        runtime.table.insert(fn)  # renames it if the name is taken
        entry = fn.add_entry_block()
    with ir.InsertionPoint(entry), loop.location:
        record = llvm.LoadOp(record_type, entry.arguments[0]).result
        field = lambda i, t: llvm.ExtractValueOp(t, record, [i]).result  # noqa: E731
        mapping = {par.region.blocks[0].arguments[0]: arith.index_cast(ir.IndexType.get(), field(IV, _i64()))}
        for i, value in enumerate(captured):
            mapping[value] = _from_field(field(CAPTURED + i, _field_type(value.type)), value.type)
        for value in _captured(loop):
            if _is_cloned(value):
                mapping[value] = value.owner.operation.clone().results[0]
        token = field(TOKEN, _ptr())
        signal = scf.IfOp(llvm.ICmpOp(llvm.ICmpPredicate.ne, token, llvm.ZeroOp(_ptr()).result).result)
        func.ReturnOp([])
    with ir.InsertionPoint(signal.then_block), loop.location:
        runtime.call("mlirAsyncRuntimeEmplaceToken", [token])
        scf.YieldOp([])
    for op in list(par.region.blocks[0].operations)[:-1]:  # all but its scf.reduce
        op.move_before(signal.operation)
    remap_operands(fn.operation, mapping)
    return fn


def _allocas(fn: ir.Operation, record_type: ir.Type, count: int) -> list[ir.Value]:
    entry = fn.regions[0].blocks[0]
    with ir.InsertionPoint.at_block_begin(entry):
        one = _i64_constant(1)
        return [llvm.AllocaOp(_ptr(), one, record_type).result for _ in range(count)]


def _store_record(shared: ir.Value, token: ir.Value, iv: int, record: ir.Value) -> None:
    filled = llvm.InsertValueOp(shared, token, [TOKEN]).result
    filled = llvm.InsertValueOp(filled, _i64_constant(iv), [IV]).result
    llvm.StoreOp(filled, record)


class _Runtime:
    """Calls of the async runtime's functions, declared in the module on first use; the
    module's symbol table."""

    def __init__(self, module_op: ir.Operation):
        self.module_op, self.table = module_op, ir.SymbolTable(module_op)

    def call(self, name: str, args: list[ir.Value]) -> ir.Value | None:
        if name not in self.table:
            inputs, results = ([_ptr() if t == "ptr" else _i64() for t in ts] for ts in RUNTIME[name])
            with ir.InsertionPoint.at_block_begin(self.module_op.regions[0].blocks[0]), ir.Location.unknown():
                self.table.insert(func.FuncOp(name, (inputs, results), visibility="private"))
        callee = self.table[name]
        call = func.CallOp(callee, args)
        return call.results[0] if call.results else None


def _ptr() -> ir.Type:
    return llvm.PointerType.get()


def _i64() -> ir.Type:
    return ir.IntegerType.get_signless(64)


def _i64_constant(value: int) -> ir.Value:
    return llvm.ConstantOp(_i64(), ir.IntegerAttr.get(_i64(), value)).result
