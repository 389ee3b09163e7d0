"""Every op declared in dialects/mind.irdl.mlir has a complete rule, and the two agree."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from mlir import ir

from mindc.ir import DIALECT_FILE
from mindc.rules.base import NotDifferentiable, Rule, all_rules
from mindc.sharding.spec import NotShardable


@dataclass(frozen=True)
class Declared:
    operands: tuple[str, ...]
    variadic: bool
    attributes: tuple[str, ...]


def declared_ops() -> dict[str, Declared]:
    """Op name -> operands and attributes, read from the IRDL file itself."""
    with ir.Context():
        module = ir.Module.parse(DIALECT_FILE.read_text())
        dialect = module.body.operations[0]
        prefix = ir.StringAttr(dialect.attributes["sym_name"]).value
        ops = {}
        for op in dialect.regions[0].blocks[0].operations:
            body = {o.name: o for o in op.regions[0].blocks[0].operations}
            operands = body.get("irdl.operands")
            names = lambda o, key: tuple(ir.StringAttr(a).value for a in ir.ArrayAttr(o.attributes[key])) if o else ()  # noqa: E731
            ops[f"{prefix}.{ir.StringAttr(op.attributes['sym_name']).value}"] = Declared(
                names(operands, "names"),
                operands is not None and "variadic]" in str(operands.attributes["variadicity"]).replace(" ", ""),
                names(body.get("irdl.attributes"), "attributeValueNames"))
    return ops


DECLARED = declared_ops()


def test_dialect_declares_the_foundation_ops():
    assert len(DECLARED) >= 50


def test_every_rule_is_for_a_declared_op():
    assert sorted(set(all_rules()) - set(DECLARED)) == []


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_op_has_complete_rule(name):
    rule = all_rules().get(name)
    assert rule is not None, f"{name} has no rule"
    for hook in ("infer", "lower"):
        assert getattr(type(rule), hook) is not getattr(Rule, hook), f"{name} does not implement {hook}"
    declared = DECLARED[name]
    assert sorted(rule.attrs) == sorted(declared.attributes), f"{name}: rule attributes differ from IRDL"
    assert rule.arity == (None if declared.variadic else len(declared.operands)), f"{name}: rule arity differs from IRDL"


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_op_has_vjp_or_says_it_is_not_differentiable(name):
    vjp = all_rules()[name].vjp
    assert callable(vjp) or isinstance(vjp, NotDifferentiable), f"{name} has neither a vjp nor NotDifferentiable"
    if isinstance(vjp, NotDifferentiable):
        assert vjp.reason, f"{name} says it is not differentiable without a reason"


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_op_has_sharding_or_says_it_is_not_shardable(name):
    sharding = all_rules()[name].sharding
    assert callable(sharding) or isinstance(sharding, NotShardable), f"{name} has neither a sharding rule nor NotShardable"
    if isinstance(sharding, NotShardable):
        assert sharding.reason, f"{name} says it is not shardable without a reason"
