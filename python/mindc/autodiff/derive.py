"""The adjoint generator: for a function f and masks of the arguments to differentiate and the
results with cotangents, one new function

    f_vjp(args..., cotangents...) -> ([results...], gradients...)

that runs f forward, then sweeps its ops in reverse, calling each op's VJP rule.

How forward values reach the backward sweep:
- straight-line code: the sweep reads the forward SSA values directly (saved, no recomputation);
- region bodies (scf.if branches, loop bodies): recomputed inside the backward region from the
  region's inputs, so nothing from inside a region outlives it;
- loops: the forward loop stores its carried values once per iteration on a tape (tensor<n x T>);
  the reverse loop reads iteration k's carried values back and recomputes that iteration's body.
  Memory is n times the carried state, which reverse mode cannot avoid without checkpointing;
- scf.while: first rewritten to a counting while followed by an scf.for over the counted trip
  number, which is differentiated as above (the forward body runs twice);
- func.call: each callee's adjoint is generated once per activity pattern and called; it
  recomputes the callee's forward. A call with a custom bprop (autodiff/bprop.py) calls that
  instead, with the forward results saved.
"""
from __future__ import annotations

from typing import Sequence

from mlir import ir
from mlir.dialects import arith, func, scf

from mindc.autodiff import bprop
from mindc.autodiff.activity import Activity, all_ops, terminator
from mindc.autodiff.emitter import Emitter
from mindc.autodiff.regions import Env, Tape, clone_op, free_values, index, trip_count
from mindc.ir import fresh_symbol
from mindc.passes.base import checked_op
from mindc.rules.base import NotDifferentiable, RuleError, Sig


class AutodiffError(RuleError):
    """A RuleError to report at `op` (an op inside the function being differentiated)."""

    def __init__(self, message: str, op: ir.Operation | None = None):
        super().__init__(message)
        self.op = op


def symbol_of(f: ir.Operation) -> str:
    return ir.StringAttr(f.attributes["sym_name"]).value


def zeros(m: Emitter, t: ir.Type) -> ir.Value:
    if isinstance(t, ir.RankedTensorType):
        return m.zeros(Sig.of(t))
    return arith.constant(t, 0.0)


def accumulate(cot: dict, m: Emitter, value: ir.Value, g: ir.Value) -> None:
    cot[value] = m.add(cot[value], g) if value in cot else g


class Differentiator:
    """Generates adjoint functions in one module, each (function, masks) once."""

    def __init__(self, module_op: ir.Operation):
        self.module_body = module_op.regions[0].blocks[0]
        self.m = Emitter()
        self._generated: dict[tuple, func.FuncOp] = {}
        self._in_progress: list[str] = []

    # ---- the module's functions
    def function(self, name: str) -> func.FuncOp:
        for op in self.module_body.operations:
            if op.operation.name == "func.func" and symbol_of(op) == name:
                return op
        raise AutodiffError(f"no function named @{name}")

    def new_function(self, hint: str, inputs: Sequence[ir.Type], results: Sequence[ir.Type],
                     after: ir.Operation) -> func.FuncOp:
        """A private function `hint_N` (a fresh name) placed after `after`, with an entry block."""
        name = fresh_symbol(self.module_body, hint)
        with ir.InsertionPoint.after(after), after.location:
            f = func.FuncOp(name, (list(inputs), list(results)), visibility="private")
            f.add_entry_block()
        return f

    # ---- adjoints
    def vjp(self, f: func.FuncOp, wrt: tuple[bool, ...], cot: tuple[bool, ...], primal: bool) -> func.FuncOp:
        """f_vjp(args..., cotangents of results where cot) -> ([results...] if primal, gradients
        of the args where wrt). Generated once per (f, wrt, cot, primal)."""
        name = symbol_of(f)
        key = (name, wrt, cot, primal)
        if key in self._generated:
            return self._generated[key]
        if name in self._in_progress:
            raise AutodiffError(f"cannot differentiate the recursive function @{name}: its adjoint would call itself "
                                "while it is generated; write the recursion as a loop")
        if not len(f.regions[0].blocks):
            raise AutodiffError(f"cannot differentiate @{name}: it is a declaration without a body")
        self._in_progress.append(name)
        try:
            g = self._build_vjp(f, wrt, cot, primal)
        finally:
            self._in_progress.pop()
        self._generated[key] = g
        return g

    def call_vjp(self, f: func.FuncOp, wrt, cot, primal, args: Sequence[ir.Value], cots: Sequence[ir.Value]):
        """Call f's adjoint; returns (results if primal else [], {argument index: gradient})."""
        g = self.vjp(f, wrt, cot, primal)
        outs = list(func.CallOp(g, [*args, *cots]).results)
        n = len(f.type.results) if primal else 0
        return outs[:n], dict(zip([i for i, on in enumerate(wrt) if on], outs[n:]))

    def _build_vjp(self, f: func.FuncOp, wrt, cot, primal) -> func.FuncOp:
        t = f.type
        inputs, results = list(t.inputs), list(t.results)
        g = self.new_function(f"{symbol_of(f)}_adjoint", [*inputs, *(r for r, on in zip(results, cot) if on)],
                              [*(results if primal else []), *(a for a, on in zip(inputs, wrt) if on)], f)
        work, act = self._prepared(f, wrt, cot)
        try:
            block = work.regions[0].blocks[0]
            ret = terminator(block)
            args, ops = list(block.arguments), list(block.operations)[:-1]
            entry = g.regions[0].blocks[0]
            env: Env = dict(zip(args, entry.arguments))
            with ir.InsertionPoint(entry), ret.location:
                tapes: dict = {}
                forward(ops, env, tapes, act)
                cots: dict = {}
                seeds = iter(list(entry.arguments)[len(inputs):])
                for v, on in zip(ret.operands, cot):
                    seed = next(seeds) if on else None
                    if on and act.active(v):
                        accumulate(cots, self.m, v, seed)
                Sweep(self, act, env, tapes, cots).run(ops)
                grads = [cots.get(a) or zeros(self.m, a.type) for a, on in zip(args, wrt) if on]
                func.ReturnOp([*([env[v] for v in ret.operands] if primal else []), *grads])
        finally:
            work.erase()
        return g

    def _prepared(self, f: func.FuncOp, wrt, cot) -> tuple[ir.Operation, Activity]:
        """A scratch copy of f to differentiate, its active scf.while loops rewritten as loops
        with a trip count (see whiles_to_fors), and its activity."""
        work = f.operation.clone(ip=ir.InsertionPoint.after(f))
        block = work.regions[0].blocks[0]

        def activity() -> Activity:
            return Activity(work, [a for a, on in zip(block.arguments, wrt) if on],
                            [v for v, on in zip(terminator(block).operands, cot) if on])

        act = activity()
        return work, activity() if whiles_to_fors(work, act) else act


# ---- the forward sweep

def forward(ops: Sequence[ir.Operation], env: Env, tapes: dict, act: Activity) -> None:
    """Re-emit ops under env; active scf.for loops also record their carried values on tapes."""
    for op in ops:
        if op.name == "scf.for" and act.any_active(op.results):
            taped_for(op, env, tapes)
        else:
            clone_op(op, env)


def taped_for(op: ir.Operation, env: Env, tapes: dict) -> None:
    lb, ub, step, *inits = [env.get(v, v) for v in op.operands]
    body = op.regions[0].blocks[0]
    n, static_n = trip_count(lb, ub, step)
    carried = [Tape(v.type, n, static_n) for v in inits]
    loop = scf.ForOp(lb, ub, step, [*inits, *(t.empty() for t in carried)])
    count = len(inits)
    with ir.InsertionPoint(loop.body):
        args = list(loop.body.arguments)
        k = arith.divsi(arith.subi(args[0], lb), step)
        stored = [t.write(tape, v, k) for t, tape, v in zip(carried, args[1 + count:], args[1:1 + count])]
        inner = dict(env)
        inner.update(zip(body.arguments, args[:1 + count]))
        for o in list(body.operations)[:-1]:
            clone_op(o, inner)
        scf.YieldOp([*(inner.get(v, v) for v in terminator(body).operands), *stored])
    for old, new in zip(op.results, loop.results):
        env[old] = new
    tapes[op] = (carried, list(loop.results)[count:], n)


# ---- the reverse sweep

class Sweep:
    """Adjoints of ops, last to first: `cot` maps original values to their cotangents, `env`
    original values to the forward values computed for them here."""

    def __init__(self, d: Differentiator, act: Activity, env: Env, tapes: dict, cot: dict):
        self.d, self.m, self.act, self.env, self.tapes, self.cot = d, d.m, act, env, tapes, cot

    def run(self, ops: Sequence[ir.Operation]) -> None:
        for op in reversed(ops):
            if not self.act.any_active(op.results):
                continue
            with op.location:
                try:
                    self.adjoint(op)
                except AutodiffError as e:
                    if e.op is None:
                        e.op = op
                    raise
                except RuleError as e:
                    raise AutodiffError(str(e), op) from None

    def adjoint(self, op: ir.Operation) -> None:
        name = op.name
        if name.startswith("mind."):
            self.mind_op(op)
        elif name == "func.call":
            self.call(op)
        elif name == "scf.if":
            self.if_op(op)
        elif name == "scf.for":
            self.for_op(op)
        else:
            raise AutodiffError("is not differentiable: mind-autodiff has no VJP rule for it, and its result "
                                "depends on the differentiated arguments", op)

    def add(self, value: ir.Value, g: ir.Value | None) -> None:
        if g is not None and self.act.active(value):
            if g.type != value.type:
                raise RuleError(f"the cotangent of {value.type} has type {g.type} (a bug in the VJP rule)")
            accumulate(self.cot, self.m, value, g)

    def cot_of(self, value: ir.Value) -> ir.Value:
        return self.cot.get(value) or zeros(self.m, value.type)

    def mind_op(self, op: ir.Operation) -> None:
        rule, a, _ = checked_op(op)
        if isinstance(rule.vjp, NotDifferentiable):
            return
        if rule.vjp is None:
            raise AutodiffError("has no VJP rule", op)
        ins = [self.env[v] for v in op.operands]
        grads = rule.vjp(self.m, a, ins, [self.env[r] for r in op.results], [self.cot_of(r) for r in op.results])
        for v, g in zip(op.operands, grads):
            self.add(v, g)

    def call(self, op: ir.Operation) -> None:
        custom = bprop.bprop_name(op)
        if custom is not None:
            self.custom_call(op, self.d.function(custom))
            return
        callee = self.d.function(ir.FlatSymbolRefAttr(op.attributes["callee"]).value)
        wrt = tuple(self.act.active(v) for v in op.operands)
        cot = tuple(self.act.active(r) for r in op.results)
        _, grads = self.d.call_vjp(callee, wrt, cot, False, [self.env[v] for v in op.operands],
                                   [self.cot_of(r) for r, on in zip(op.results, cot) if on])
        for i, g in grads.items():
            self.add(op.operands[i], g)

    def custom_call(self, op: ir.Operation, g: func.FuncOp) -> None:
        """The adjoint of a call with a custom bprop (autodiff/bprop.py) is a call of it."""
        n = bprop.check(op, g)
        args = [self.env[v] for v in op.operands]
        results = [self.env[r] for r in op.results]
        cots = [self.cot_of(r) for r in op.results]
        grads = func.CallOp(g, [*args[:n], *results, *cots, *args[n:]]).results
        for v, grad in zip(op.operands, grads):
            self.add(v, grad)

    def region(self, block: ir.Block, env: Env, seeds: list[tuple[ir.Value, ir.Value]]) -> dict:
        """Recompute block's ops under env, then sweep them back from seeds: the cotangents."""
        ops = list(block.operations)[:-1]
        tapes: dict = {}
        forward(ops, env, tapes, self.act)
        local: dict = {}
        for value, g in seeds:
            if self.act.active(value):
                accumulate(local, self.m, value, g)
        Sweep(self.d, self.act, env, tapes, local).run(ops)
        return local

    def if_op(self, op: ir.Operation) -> None:
        free = [v for v in free_values(op) if self.act.active(v)]
        if not free:
            return
        branch = scf.IfOp(self.env[op.operands[0]], [v.type for v in free], has_else=True)
        for region, block in zip(op.regions, (branch.then_block, branch.else_block)):
            with ir.InsertionPoint(block):
                original = region.blocks[0]
                seeds = [(y, self.cot[r]) for y, r in zip(terminator(original).operands, op.results)
                         if r in self.cot]
                local = self.region(original, dict(self.env), seeds)
                scf.YieldOp([local.get(v) or zeros(self.m, v.type) for v in free])
        for v, g in zip(free, branch.results):
            self.add(v, g)

    def for_op(self, op: ir.Operation) -> None:
        body = op.regions[0].blocks[0]
        carried, yields = list(body.arguments)[1:], list(terminator(body).operands)
        active = [i for i, a in enumerate(carried) if self.act.active(a)]
        free = [v for v in free_values(op) if self.act.active(v)]
        tapes, stored, n = self.tapes[op]
        lb, step = self.env[op.operands[0]], self.env[op.operands[2]]
        inits = [self.cot_of(op.results[i]) for i in active] + [zeros(self.m, v.type) for v in free]
        loop = scf.ForOp(index(0), n, index(1), inits)
        with ir.InsertionPoint(loop.body):
            j, *acc = loop.body.arguments
            k = arith.subi(arith.subi(n, index(1)), j)
            env = dict(self.env)
            env[body.arguments[0]] = arith.addi(lb, arith.muli(k, step))
            env.update(zip(carried, [t.read(s, k) for t, s in zip(tapes, stored)]))
            local = self.region(body, env, [(yields[i], acc[q]) for q, i in enumerate(active)])
            new_carried = [local.get(carried[i]) or zeros(self.m, carried[i].type) for i in active]
            new_free = [self.m.add(a, local[v]) if v in local else a for a, v in zip(acc[len(active):], free)]
            scf.YieldOp([*new_carried, *new_free])
        results = list(loop.results)
        for q, i in enumerate(active):
            self.add(op.operands[3 + i], results[q])
        for v, g in zip(free, results[len(active):]):
            self.add(v, g)


# ---- scf.while as a counted loop

def whiles_to_fors(work: ir.Operation, act: Activity) -> bool:
    """Rewrite each active scf.while as: a copy that also counts its iterations (n), then an
    scf.for of n iterations of before+after from the initial values, then one more before for
    the results. The condition is not differentiable, so only the for loop needs an adjoint.
    Whether anything was rewritten."""
    whiles = [op for op in reversed(all_ops(work)) if op.name == "scf.while" and act.any_active(op.results)]
    for op in whiles:
        with ir.InsertionPoint(op), op.location:
            _counted_while(op)
    return bool(whiles)


def _inline(block: ir.Block, args: Sequence[ir.Value]) -> list[ir.Value]:
    """Clone block's ops here with its arguments bound to args; its terminator's operands."""
    env = dict(zip(block.arguments, args))
    for o in list(block.operations)[:-1]:
        clone_op(o, env)
    return [env.get(v, v) for v in terminator(block).operands]


def _counted_while(op: ir.Operation) -> None:
    before, after = op.regions[0].blocks[0], op.regions[1].blocks[0]
    index_t = ir.IndexType.get()
    inits = list(op.operands)
    counting = scf.WhileOp([*(r.type for r in op.results), index_t], [*inits, index(0)])
    b = counting.before.blocks.append(*[v.type for v in inits], index_t)
    with ir.InsertionPoint(b):
        cond, *forwarded = _inline(before, list(b.arguments)[:-1])
        scf.ConditionOp(cond, [*forwarded, b.arguments[-1]])
    a = counting.after.blocks.append(*[r.type for r in op.results], index_t)
    with ir.InsertionPoint(a):
        nxt = _inline(after, list(a.arguments)[:-1])
        scf.YieldOp([*nxt, arith.addi(a.arguments[-1], index(1))])
    n = counting.results[-1]
    loop = scf.ForOp(index(0), n, index(1), inits)
    with ir.InsertionPoint(loop.body):
        _, *state = _inline(before, list(loop.body.arguments)[1:])
        scf.YieldOp(_inline(after, state))
    _, *results = _inline(before, list(loop.results))
    for old, new in zip(op.results, results):
        old.replace_all_uses_with(new)
    op.erase()
