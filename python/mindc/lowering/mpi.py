"""MPI calls from generated code, for the lowering of the collectives (rules/collective.py).

The code calls MPI's C functions directly, with MPICH's ABI: every handle (communicator,
datatype, reduction op) is a C int whose value is fixed by the library, so the handles are
constants here (measured with mpi4py's `MPI._handleof` against the pip `mpich` wheel). Upstream's
`convert-shard-to-mpi` lowers only all_reduce and splits a communicator per call (DESIGN.md).

Buffers cross into MPI as raw pointers: `bufferization.to_buffer` of a tensor (read only) or a
`memref.alloc` that becomes the result tensor (`bufferization.to_tensor restrict writable`), all
inside one region per exchange (Mpi.exchange says why). Ownership-based deallocation frees
allocations at the end of their block, after the call that reads their pointer, so no buffer
dies between taking its address and the call.

A group of ranks (a Group: grid and axes) gets one communicator per module, made by
`MPI_Comm_split` the first time any op of the module needs it and kept in an LLVM global (the
world rank likewise); a group over the whole grid in row-major order is COMM_WORLD itself. The grid sizes a module uses are recorded in the module
attribute GRIDS, which the runtime checks against the world's size before running anything.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from mlir import ir
from mlir.dialects import arith, bufferization, func, llvm, memref, scf

from mindc.rules.base import RuleError, Sig

COMM_WORLD = 0x44000000
BYTE = 0x4C00010D
DATATYPES = {"f32": 0x4C00040A, "f64": 0x4C00080B, "i8": 0x4C000137, "i32": 0x4C000439, "i64": 0x4C00083A}
REDUCTIONS = {"max": 0x58000001, "min": 0x58000002, "sum": 0x58000003, "prod": 0x58000004}
# MPI counts are C ints.
MAX_COUNT = 2**31 - 1

# The MPI functions the lowering calls, by their arguments: "p" a pointer, "i" a C int. All return an
# int error code, which needs no check: MPICH's default handler (MPI_ERRORS_ARE_FATAL) aborts.
SIGNATURES = {
    "MPI_Comm_rank": "ip",
    "MPI_Comm_split": "iiip",
    "MPI_Allreduce": "ppiiii",
    "MPI_Allgather": "piipiii",
    "MPI_Reduce_scatter_block": "ppiiii",
    "MPI_Alltoall": "piipiii",
    "MPI_Bcast": "piiii",
}

# Module attribute: the sizes of the device grids the module's collectives run on.
GRIDS = "mind.mpi_grid_sizes"


@dataclass(frozen=True)
class Group:
    """The ranks a collective runs over: the ranks of `grid` (row-major coordinates) that share
    their coordinates on every axis not in `axes`. Its members are numbered by their coordinates
    on `axes`, in the order listed (the group rank)."""

    grid: tuple[int, ...]
    axes: tuple[int, ...]

    @staticmethod
    def checked(grid, axes) -> "Group":
        """The group, after checking grid sizes are positive and axes are distinct grid axes."""
        grid, axes = tuple(grid), tuple(axes)
        if not grid or any(d < 1 for d in grid):
            raise RuleError(f"grid must have at least one axis and sizes >= 1, found {list(grid)}")
        for a in axes:
            if not 0 <= a < len(grid):
                raise RuleError(f"grid axis {a} is out of range for the grid {list(grid)}")
        if len(set(axes)) != len(axes):
            raise RuleError(f"axes {list(axes)} repeat a grid axis")
        return Group(grid, axes)

    @property
    def size(self) -> int:
        return math.prod(self.grid[a] for a in self.axes)

    @property
    def devices(self) -> int:
        return math.prod(self.grid)

    @property
    def is_world(self) -> bool:
        # Every axis in grid order: the group rank is the world rank.
        return tuple(a for a in self.axes if self.grid[a] > 1) == tuple(a for a in range(len(self.grid)) if self.grid[a] > 1)

    def __str__(self) -> str:
        return f"axes {list(self.axes)} of the grid {list(self.grid)}"

    def name(self) -> str:
        return "x".join(map(str, self.grid)) + "_" + "_".join(map(str, self.axes))


def i32(value: int) -> ir.Value:
    t = ir.IntegerType.get_signless(32)
    return arith.constant(t, ir.IntegerAttr.get(t, value - 2**32 if value >= 2**31 else value))


class Mpi:
    """Emits MPI calls at the current insertion point, declaring what it uses in the enclosing
    module (functions, communicator globals) on first use."""

    def __init__(self):
        self.module = _enclosing_module(ir.InsertionPoint.current.block)
        self.symbols = ir.SymbolTable(self.module)

    def call(self, name: str, *args: ir.Value) -> None:
        self._declare(name)
        func.CallOp([ir.IntegerType.get_signless(32)], ir.FlatSymbolRefAttr.get(name), list(args))

    def pointer(self, buffer: ir.Value) -> ir.Value:
        """The address of a memref's first element as an !llvm.ptr."""
        address = memref.extract_aligned_pointer_as_index(buffer)
        return llvm.inttoptr(llvm.PointerType.get(), arith.index_cast(ir.IntegerType.get_signless(64), address))

    def exchange(self, ins: list[ir.Value], out: Sig, calls: Callable[[list[ir.Value], ir.Value], None]) -> ir.Value:
        """The tensor `out` that MPI calls write into a fresh buffer, reading the tensors `ins`:
        calls(in_buffers, out_buffer) emits them (memrefs; see pointer).

        All of it is one `scf.execute_region {no_inline}`. Bufferization sees a tensor read where
        `to_buffer` is, not where MPI reads the pointer; alone, two exchanges reading one tensor
        would share one CSE-d `to_buffer`, and an op between their calls could overwrite that
        buffer in place before the second call read it. In separate regions neither dominates the
        other, so each read stays where its call is."""
        region = scf.ExecuteRegionOp([out.to_type()])
        region.attributes["no_inline"] = ir.UnitAttr.get()
        with ir.InsertionPoint(region.region.blocks.append()):
            buffer = memref.alloc(_memref_type(out), [], [], alignment=64)
            calls([bufferization.to_buffer(_memref_type(Sig.of(x)), x, read_only=True) for x in ins], buffer)
            # No other tensor aliases the buffer: bufferization may write into it in place.
            scf.YieldOp([bufferization.to_tensor(out.to_type(), buffer, restrict=True, writable=True)])
        return region.results[0]

    def world_rank(self) -> ir.Value:
        """This process's rank in COMM_WORLD (an i32), asked of MPI once per module."""
        return self._cached("__mindc_world_rank", lambda slot: self.call("MPI_Comm_rank", i32(COMM_WORLD), slot))

    def group_rank(self, group: Group) -> ir.Value:
        """This process's rank in its group (an i32), from its world rank; no communication."""
        self._record_grid(group)
        return _linear(self.coordinates(group), group.grid, group.axes)

    def coordinates(self, group: Group) -> list[ir.Value]:
        rank, coords = self.world_rank(), []
        for axis in range(len(group.grid)):
            stride = math.prod(group.grid[axis + 1:])
            coords.append(arith.remsi(arith.divsi(rank, i32(stride)), i32(group.grid[axis])))
        return coords

    def communicator(self, group: Group) -> ir.Value:
        """The communicator of this process's group (an i32 handle), made once per module."""
        self._record_grid(group)
        if group.is_world:
            return i32(COMM_WORLD)

        def split(slot: ir.Value) -> None:
            # MPI_Comm_split is collective over the world: every rank runs the same program, so
            # all of them reach the first use together. Members are ordered by key, the group rank.
            coords = self.coordinates(group)
            others = tuple(a for a in range(len(group.grid)) if a not in group.axes)
            color, key = _linear(coords, group.grid, others), _linear(coords, group.grid, group.axes)
            self.call("MPI_Comm_split", i32(COMM_WORLD), color, key, slot)

        return self._cached(f"__mindc_comm_{group.name()}", split)

    def _cached(self, name: str, fill: Callable[[ir.Value], None]) -> ir.Value:
        """The value of a call of @name(), a function returning an i32 that fill(slot) writes
        into an LLVM global the first time (-1 until then: neither a rank nor an MPICH handle).
        A global, not a stack slot, so that no alloca lands in the loops the ops may be in."""
        i32_type = ir.IntegerType.get_signless(32)
        if name not in self.symbols:
            with ir.InsertionPoint.at_block_begin(self.module.regions[0].blocks[0]):
                cell = llvm.GlobalOp(i32_type, name + "_cell", ir.Attribute.parse("#llvm.linkage<internal>"),
                                     value=ir.IntegerAttr.get(i32_type, -1))
                f = func.FuncOp(name, ir.FunctionType.get([], [i32_type]), visibility="private")
            self.symbols.insert(cell)
            self.symbols.insert(f)
            with ir.InsertionPoint(f.add_entry_block()):
                slot = llvm.AddressOfOp(llvm.PointerType.get(), name + "_cell").result
                current = llvm.load(i32_type, slot)
                made = scf.IfOp(arith.cmpi(arith.CmpIPredicate.eq, current, i32(-1)), [i32_type], has_else=True)
                with ir.InsertionPoint(made.then_block):
                    fill(slot)
                    scf.YieldOp([llvm.load(i32_type, slot)])
                with ir.InsertionPoint(made.else_block):
                    scf.YieldOp([current])
                func.ReturnOp([made.results[0]])
        (value,) = func.CallOp([i32_type], ir.FlatSymbolRefAttr.get(name), []).results
        return value

    def _declare(self, name: str) -> None:
        if name in self.symbols:
            return
        kinds = {"p": llvm.PointerType.get(), "i": ir.IntegerType.get_signless(32)}
        ftype = ir.FunctionType.get([kinds[k] for k in SIGNATURES[name]], [ir.IntegerType.get_signless(32)])
        with ir.InsertionPoint.at_block_begin(self.module.regions[0].blocks[0]):
            f = func.FuncOp(name, ftype, visibility="private")
        self.symbols.insert(f)

    def _record_grid(self, group: Group | None) -> None:
        sizes = list(ir.DenseI64ArrayAttr(self.module.attributes[GRIDS])) if GRIDS in self.module.attributes else []
        if group is not None and group.devices not in sizes:
            sizes.append(group.devices)
        self.module.attributes[GRIDS] = ir.DenseI64ArrayAttr.get(sizes)


def _linear(coords: list[ir.Value], grid: tuple[int, ...], axes: tuple[int, ...]) -> ir.Value:
    """The row-major index of the coordinates on `axes` (in that order) within their sizes."""
    index = i32(0)
    for a in axes:
        index = arith.addi(arith.muli(index, i32(grid[a])), coords[a])
    return index


def _memref_type(sig: Sig) -> ir.MemRefType:
    return ir.MemRefType.get(sig.shape, sig.to_type().element_type)


def _enclosing_module(block: ir.Block) -> ir.Operation:
    op = block.owner.operation
    while op.name != "builtin.module":
        op = op.parent.operation
    return op


def grid_sizes(module_op: ir.Operation) -> list[int]:
    """The device counts the module's collectives were compiled for (GRIDS), or [] if none."""
    return list(ir.DenseI64ArrayAttr(module_op.attributes[GRIDS])) if GRIDS in module_op.attributes else []
