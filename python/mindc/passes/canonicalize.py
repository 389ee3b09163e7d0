"""mind-canonicalize: constant folding, CSE and DCE of mind ops.

mind ops are pure, but IRDL ops carry no Pure trait, so upstream `cse` and `canonicalize` leave
them alone. This pass does that work for them, generically: what an op folds to comes from its
rule's `fold`; CSE and DCE need nothing but purity. Upstream ops are left to upstream passes.
"""
from __future__ import annotations

from typing import ClassVar

import numpy as np
from mlir import ir

from mindc import diag
from mindc.ir import mind_ops
from mindc.passes.base import Pass, checked_op, dataclass_pass
from mindc.rules.base import RuleError, Sig, dense_to_numpy, dtype_of_numpy, numpy_to_dense

# The op folded values are materialized as (MLIR's materializeConstant): the one op this pass
# has to know by name, since no rule can say "I am a constant".
CONSTANT = "mind.constant"


@dataclass_pass
class Canonicalize(Pass):
    """Fold mind ops on constants, merge identical mind ops, erase unused ones."""

    argument: ClassVar[str] = "mind-canonicalize"
    fold_limit: int = 65536  # most elements a folded result may have (mind-canonicalize{fold-limit=1024})
    fold: bool = True
    cse: bool = True
    dce: bool = True

    def run(self, module_op, pass_) -> None:
        if self.fold and not self.fold_constants(module_op):
            pass_.signal_pass_failure()
            return
        if self.cse:
            cse_regions(module_op, [])
        if self.dce:
            erase_dead(module_op)

    def fold_constants(self, root: ir.Operation) -> bool:
        """Replace each foldable mind op on constants by mind.constant ops; False if a rule failed.

        Post-order visits producers first, so a chain of ops on constants folds in one sweep.
        """
        ok = True
        for op in mind_ops(root):
            # Cheap checks first: the declared result sizes, then what produces the operands.
            if op.name == CONSTANT or not all(_size(r) <= self.fold_limit for r in op.results):
                continue
            attrs = [constant_attr(v) for v in op.operands]
            if any(attr is None for attr in attrs):
                continue
            try:
                fold_op(op, [dense_to_numpy(attr) for attr in attrs])
            except RuleError as e:
                diag.error(op, str(e))
                ok = False
        return ok


def _size(value: ir.Value) -> int | float:
    t = value.type
    if not isinstance(t, ir.RankedTensorType) or not t.has_static_shape:
        return float("inf")  # nothing a constant could hold
    return int(np.prod(t.shape, dtype=np.int64))


def constant_attr(value: ir.Value) -> ir.DenseElementsAttr | None:
    """The dense value of a mind.constant or arith.constant producing `value`, else None."""
    owner = value.owner
    if not isinstance(owner, ir.OpView) or owner.operation.name not in (CONSTANT, "arith.constant"):
        return None  # a block argument, or computed
    attr = owner.attributes["value"] if "value" in owner.attributes else None
    if not isinstance(attr, ir.DenseElementsAttr):
        return None  # a scalar or a dense resource: not ours to read
    try:
        Sig.of(attr.type)
    except RuleError:
        return None  # an element type the rules do not know (index, i16, ...)
    return attr


def fold_op(op: ir.Operation, operands: list[np.ndarray]) -> None:
    """Replace op, whose operands hold `operands`, by one mind.constant per result if its rule
    folds it; RuleError if the rule rejects the op or folds to values that do not match its
    result types."""
    rule, a, outs = checked_op(op)
    # Folding computes what the compiled code would compute, inf and nan included: numpy's
    # warnings about them are no news here.
    with np.errstate(all="ignore"):
        arrays = rule.fold(a, *operands)
    if arrays is None:
        return
    arrays = list(arrays)
    if len(arrays) != len(outs):
        raise RuleError(f"fold returned {len(arrays)} values for {len(outs)} results (a bug in the rule)")
    for i, (array, want) in enumerate(zip(arrays, outs)):
        array = np.asarray(array)
        found = Sig(array.shape, dtype_of_numpy(array.dtype))
        if found != want:
            raise RuleError(f"fold of result {i} returned tensor<{found}>, expected tensor<{want}> (a bug in the rule)")
    with ir.InsertionPoint(op), op.location:
        for result, array in zip(op.results, arrays):
            const = ir.Operation.create(CONSTANT, results=[result.type], attributes={"value": numpy_to_dense(array)})
            result.replace_all_uses_with(const.result)
    op.erase()


def _cse_key(op: ir.Operation) -> tuple:
    # Attributes and types are uniqued by the context, so equal ones hash equal.
    return (op.name, tuple(op.operands), tuple((n, op.attributes[n]) for n in op.attributes),
            tuple(r.type for r in op.results))


def cse_regions(op: ir.Operation, outer: list[dict]) -> None:
    """CSE in every block nested in op; `outer` holds the ops seen in enclosing blocks."""
    for region in op.regions:
        for block in region.blocks:
            cse_block(block, outer)


def cse_block(block: ir.Block, outer: list[dict]) -> None:
    """Replace each mind op by an identical earlier one in this block or an enclosing one.

    An earlier op of the same block dominates later ones. An op of an enclosing block that
    precedes the region's parent dominates the whole region, unless that parent is isolated from
    above (func.func): an op with operands can only match if its operands are visible here,
    which rules that out; an op without operands (a constant) is only reused in its own block.
    Sibling blocks of one region never share entries, so CFG regions stay correct.
    """
    seen: dict = {}
    for op in [o.operation for o in block.operations]:
        # .operation: an OpView's .name may be something else (func.func's symbol name).
        if op.name.startswith("mind.") and not op.regions:
            key = _cse_key(op)
            earlier = seen.get(key)
            if earlier is None and len(op.operands):
                earlier = next((s[key] for s in outer if key in s), None)
            if earlier is not None:
                for old, new in zip(op.results, earlier.results):
                    old.replace_all_uses_with(new)
                op.erase()
                continue
            seen[key] = op
        # `seen` holds only the ops before this one when its regions are visited.
        cse_regions(op, [seen, *outer])


def _unused(op: ir.Operation) -> bool:
    return all(next(iter(r.uses), None) is None for r in op.results)


def erase_dead(root: ir.Operation) -> None:
    """Erase mind ops whose results are unused, then the producers that this leaves unused."""
    # Reverse post-order visits users before their producers; the worklist catches the rest.
    work = {op: None for op in reversed(mind_ops(root))}
    while work:
        op = next(iter(work))
        del work[op]
        if not _unused(op):
            continue
        producers = [v.owner for v in op.operands if isinstance(v.owner, ir.OpView)]
        op.erase()
        for p in producers:
            if p.operation.name.startswith("mind.") and not p.operation.regions:
                work[p.operation] = None
