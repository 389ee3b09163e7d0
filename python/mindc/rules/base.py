"""What every op rule is made of: signatures, attributes, the Rule base class and its registry.

A rule object holds all compiler knowledge of one `mind` op: `infer` (shapes and dtypes, used by
the verifier and by the builders) and `lower` (to linalg/tensor/arith/math on tensors). Passes are
generic drivers that look rules up by op name; they never name an op.
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Iterator, Mapping, Sequence

import numpy as np
from mlir import ir

from mindc.sharding.spec import NotShardable, ShardingSpec

DTYPES = ("f16", "bf16", "f32", "f64", "i1", "i8", "i32", "i64")
FLOAT_DTYPES = ("f16", "bf16", "f32", "f64")
INT_DTYPES = ("i8", "i32", "i64")


class RuleError(Exception):
    """A rule rejected an op; the driver reports it at the op's location."""


@dataclass(frozen=True)
class Sig:
    """The static signature of a tensor value: shape and element type name (MLIR spelling)."""

    shape: tuple[int, ...]
    dtype: str

    def __post_init__(self):
        object.__setattr__(self, "shape", tuple(int(d) for d in self.shape))

    @property
    def rank(self) -> int:
        return len(self.shape)

    @property
    def size(self) -> int:
        return int(np.prod(self.shape, dtype=np.int64))

    @property
    def is_float(self) -> bool:
        return self.dtype in FLOAT_DTYPES

    def with_shape(self, shape: Sequence[int]) -> "Sig":
        return Sig(tuple(shape), self.dtype)

    def with_dtype(self, dtype: str) -> "Sig":
        return Sig(self.shape, dtype)

    def __str__(self) -> str:
        return "x".join([*(str(d) for d in self.shape), self.dtype])

    def to_type(self) -> ir.RankedTensorType:
        return ir.RankedTensorType.get(self.shape, element_type(self.dtype), loc=ir.Location.unknown())

    @staticmethod
    def of(value_or_type) -> "Sig":
        """The Sig of an MLIR tensor value or type; RuleError for anything unranked or dynamic."""
        t = value_or_type.type if isinstance(value_or_type, ir.Value) else value_or_type
        if not isinstance(t, ir.RankedTensorType):
            raise RuleError(f"expected a ranked tensor, found {t}")
        t = ir.RankedTensorType(t)
        if not t.has_static_shape:
            raise RuleError(f"expected a static shape, found {t}")
        return Sig(tuple(t.shape), dtype_name(t.element_type))


@dataclass(frozen=True)
class FnSig:
    """The static signature of a function value (the operand and result of a derivative op)."""

    inputs: tuple[Sig, ...]
    results: tuple[Sig, ...]

    def __post_init__(self):
        object.__setattr__(self, "inputs", tuple(self.inputs))
        object.__setattr__(self, "results", tuple(self.results))

    def __str__(self) -> str:
        return f"({', '.join(map(str, self.inputs))}) -> ({', '.join(map(str, self.results))})"

    def to_type(self) -> ir.FunctionType:
        return ir.FunctionType.get([s.to_type() for s in self.inputs], [s.to_type() for s in self.results])

    @staticmethod
    def of(value_or_type) -> "FnSig":
        t = value_or_type.type if isinstance(value_or_type, ir.Value) else value_or_type
        if not isinstance(t, ir.FunctionType):
            raise RuleError(f"expected a function, found {t}")
        t = ir.FunctionType(t)
        try:
            return FnSig(tuple(Sig.of(a) for a in t.inputs), tuple(Sig.of(r) for r in t.results))
        except RuleError as e:
            raise RuleError(f"function {t} must take and return tensors of static shape: {e}") from None


def signature_of(value_or_type) -> Sig | FnSig:
    """The Sig of a tensor, or the FnSig of a function value or type."""
    t = value_or_type.type if isinstance(value_or_type, ir.Value) else value_or_type
    return FnSig.of(t) if isinstance(t, ir.FunctionType) else Sig.of(t)


def element_type(dtype: str) -> ir.Type:
    if dtype not in DTYPES:
        raise RuleError(f"unsupported element type {dtype}; expected one of {', '.join(DTYPES)}")
    return ir.Type.parse(dtype)


def dtype_name(t: ir.Type) -> str:
    name = str(t)
    if name not in DTYPES:
        raise RuleError(f"unsupported element type {name}; expected one of {', '.join(DTYPES)}")
    return name


def normalize_axis(axis: int, rank: int, what: str = "axis") -> int:
    """Map a possibly negative axis into [0, rank); RuleError if out of range."""
    if not -rank <= axis < max(rank, 1):
        raise RuleError(f"{what} {axis} is out of range for rank {rank}")
    return axis % rank if rank else 0


def broadcast_shapes(*shapes: tuple[int, ...]) -> tuple[int, ...]:
    """numpy's broadcasting of shapes; RuleError naming both sizes where they clash."""
    rank = max(len(s) for s in shapes)
    out = []
    for i in range(rank):
        sizes = {s[i - rank + len(s)] for s in shapes if i - rank + len(s) >= 0} - {1}
        if len(sizes) > 1:
            raise RuleError(f"shapes {' and '.join(map(_shape_str, shapes))} do not broadcast (dimension {i})")
        out.append(sizes.pop() if sizes else 1)
    return tuple(out)


def _shape_str(shape: tuple[int, ...]) -> str:
    return "[" + ",".join(map(str, shape)) + "]"


class Kind(enum.Enum):
    """The Python kind of an attribute; it decides how values convert to and from MLIR."""

    BOOL = "bool"
    INT = "int"
    INTS = "ints"
    FLOAT = "float"
    STR = "str"
    TYPE = "type"
    DENSE = "dense"
    SCALAR = "scalar"  # an int or float attribute carrying its own element type


def attr_to_python(kind: Kind, attr: ir.Attribute, name: str) -> Any:
    """Convert an MLIR attribute of the given kind to a Python value; RuleError if it is not one."""
    try:
        if kind is Kind.BOOL:
            if not isinstance(attr, ir.BoolAttr):
                raise TypeError
            return ir.BoolAttr(attr).value
        if kind is Kind.INT:
            if isinstance(attr, ir.BoolAttr):
                raise TypeError
            return ir.IntegerAttr(attr).value
        if kind is Kind.INTS:
            return tuple(ir.DenseI64ArrayAttr(attr))
        if kind is Kind.FLOAT:
            return ir.FloatAttr(attr).value
        if kind is Kind.STR:
            return ir.StringAttr(attr).value
        if kind is Kind.TYPE:
            return dtype_name(ir.TypeAttr(attr).value)
        if kind is Kind.DENSE:
            return dense_to_numpy(attr)
        if kind is Kind.SCALAR:
            if isinstance(attr, ir.FloatAttr):
                a = ir.FloatAttr(attr)
                return Scalar(a.value, dtype_name(a.type))
            a = ir.IntegerAttr(attr)
            return Scalar(a.value, dtype_name(a.type))
    except (TypeError, ValueError):
        pass
    raise RuleError(f"attribute '{name}' must be {_KIND_SPELLING[kind]}, found {attr}")


_KIND_SPELLING = {
    Kind.BOOL: "a bool (true or false)", Kind.INT: "an integer", Kind.INTS: "an array<i64: ...>",
    Kind.FLOAT: "a float", Kind.STR: "a string", Kind.TYPE: "an element type",
    Kind.DENSE: "a dense elements attribute", Kind.SCALAR: "a typed integer or float",
}


@dataclass(frozen=True)
class Scalar:
    """A number with its element type, as a `mind.fill` value carries it."""

    value: float | int
    dtype: str


def python_to_attr(kind: Kind, value: Any) -> ir.Attribute:
    if kind is Kind.BOOL:
        return ir.BoolAttr.get(bool(value))
    if kind is Kind.INT:
        return ir.IntegerAttr.get(ir.IntegerType.get_signless(64), int(value))
    if kind is Kind.INTS:
        return ir.DenseI64ArrayAttr.get([int(v) for v in value])
    if kind is Kind.FLOAT:
        return ir.FloatAttr.get(ir.F64Type.get(), float(value))
    if kind is Kind.STR:
        return ir.StringAttr.get(str(value))
    if kind is Kind.TYPE:
        return ir.TypeAttr.get(element_type(value))
    if kind is Kind.DENSE:
        return numpy_to_dense(value)
    if kind is Kind.SCALAR:
        t = element_type(value.dtype)
        if value.dtype in FLOAT_DTYPES:
            return ir.FloatAttr.get(t, float(value.value))
        return ir.IntegerAttr.get(t, int(value.value))
    raise AssertionError(kind)


# numpy dtypes of our element types; bf16 comes from ml_dtypes (JAX's own numpy extension).
def numpy_dtype(dtype: str) -> np.dtype:
    if dtype == "bf16":
        import ml_dtypes

        return np.dtype(ml_dtypes.bfloat16)
    return np.dtype({"f16": np.float16, "f32": np.float32, "f64": np.float64, "i1": np.bool_,
                     "i8": np.int8, "i32": np.int32, "i64": np.int64}[dtype])


def dtype_of_numpy(dt: np.dtype) -> str:
    dt = np.dtype(dt)
    for name in DTYPES:
        if numpy_dtype(name) == dt:
            return name
    raise RuleError(f"unsupported numpy dtype {dt}")


def numpy_to_dense(array: np.ndarray) -> ir.DenseElementsAttr:
    array = np.asarray(array)
    array = array if array.flags.c_contiguous else array.copy()
    t = Sig(array.shape, dtype_of_numpy(array.dtype)).to_type()
    if array.dtype.name == "bfloat16":
        # The buffer protocol path does not take bf16: give the raw bits in MLIR's hex form.
        return ir.DenseElementsAttr(ir.Attribute.parse(f'dense<"0x{array.tobytes().hex().upper()}"> : {t}'))
    return ir.DenseElementsAttr.get(array, type=None if array.dtype == np.bool_ else t)


def dense_to_numpy(attr: ir.Attribute) -> np.ndarray:
    sig = Sig.of(attr.type)
    if sig.dtype == "bf16":
        return _bf16_from_text(str(attr), sig)
    values = np.array(attr, dtype=numpy_dtype(sig.dtype))
    if ir.DenseElementsAttr(attr).is_splat:
        # The buffer of a boolean splat holds its one value bit-packed, so read only the first.
        return np.full(sig.shape, values.flat[0], dtype=values.dtype)
    return values.reshape(sig.shape)


def _bf16_from_text(text: str, sig: Sig) -> np.ndarray:
    # The bindings' buffer protocol has no bf16, so read the printed form: one hex blob, or
    # elements that are decimal numbers or hex bit patterns (MLIR's spelling of inf and nan).
    body = text[text.index("<") + 1:text.rindex(">", 0, text.index(" : "))]
    bf16 = numpy_dtype("bf16")
    if body.startswith('"0x'):
        bits = np.frombuffer(bytes.fromhex(body[3:-1]), dtype=np.uint16)
    else:
        tokens = re.split(r"[\[\],\s]+", body.strip("[] "))
        bits = np.array([int(t, 16) if t.startswith("0x") else np.array(float(t)).astype(bf16).view(np.uint16)
                         for t in tokens if t], dtype=np.uint16)
    values = bits.view(bf16)
    return np.full(sig.shape, values[0], dtype=bf16) if values.size == 1 else values.reshape(sig.shape)


class Attrs(Mapping[str, Any]):
    """An op's attributes as Python values, checked against the kinds its rule declares."""

    def __init__(self, values: Mapping[str, Any]):
        self._values = dict(values)

    @staticmethod
    def of_op(op: ir.Operation, rule: "Rule") -> "Attrs":
        names = set(op.attributes)
        missing = [n for n in rule.attrs if n not in names]
        if missing:
            raise RuleError(f"missing attribute '{missing[0]}'")
        return Attrs({n: attr_to_python(k, op.attributes[n], n) for n, k in rule.attrs.items()})

    def to_mlir(self, rule: "Rule") -> dict[str, ir.Attribute]:
        return {n: python_to_attr(k, self._values[n]) for n, k in rule.attrs.items()}

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Attrs({self._values})"


@dataclass(frozen=True)
class NotDifferentiable:
    """A rule's `vjp` when no gradient flows through the op: its results are constant in its
    operands (integer or boolean results, constants, stop_gradient). `reason` says why."""

    reason: str


class Rule:
    """All compiler knowledge of one op. Subclasses set `attrs` and implement infer/lower/vjp.

    infer(a, *ins) -> list[Sig]: result signatures from operand signatures and attributes;
        raises RuleError naming expected and found values.
    lower(b, a, ins, outs) -> list[ir.Value]: build the op's meaning with the Builder `b`
        (insertion point and location already set) from operand values `ins`; `outs` are the
        verified result signatures.
    fold(a, *arrays) -> list[np.ndarray] | None: optional constant folding on numpy arrays,
        used by mind-canonicalize; None means "do not fold".
    vjp(m, a, ins, outs, couts) -> list[ir.Value | None]: the cotangent of each operand, given the
        forward operands `ins`, results `outs` and the results' cotangents `couts`, built with
        the Emitter `m` (mind ops only, so the adjoint is differentiable again); None where no
        gradient flows to an operand. Or a NotDifferentiable instance.
    """

    name: str = ""
    attrs: ClassVar[dict[str, Kind]] = {}
    # Operand count, or None for a variadic op; checked before infer.
    arity: ClassVar[int | None] = 1

    def infer(self, a: Attrs, *ins: Sig) -> list[Sig]:
        raise NotImplementedError

    def lower(self, b, a: Attrs, ins: list[ir.Value], outs: list[Sig]) -> list[ir.Value]:
        raise NotImplementedError

    def fold(self, a: Attrs, *arrays: np.ndarray) -> list[np.ndarray] | None:
        return None

    # Rules set this to a method or a NotDifferentiable; test_rules_complete fails for None.
    vjp: Callable | NotDifferentiable | None = None

    # sharding(a, ins, outs) -> ShardingSpec: how the op splits over a device grid, in the
    # factor notation of sharding/spec.py (`einsum("mk,kn->mn", ins, outs)`), from operand and
    # result Sigs. Or a NotShardable. test_rules_complete fails for None.
    sharding: Callable | NotShardable | None = None

    def local_attrs(self, a: Attrs, spec: ShardingSpec, splits: Mapping[str, int]) -> Attrs:
        """The attributes of the op's per-device form when each factor f of `spec` is cut into
        splits[f] pieces. Most attributes do not depend on sizes; a reshape's shape does."""
        return a

    def flops(self, a: Attrs, ins: Sequence[Sig], outs: Sequence[Sig]) -> int:
        """Arithmetic operations of one execution, for the cost model: one per result element
        unless the rule says otherwise (products and convolutions do)."""
        return sum(o.size for o in outs if isinstance(o, Sig))


_RULES: dict[str, Rule] = {}


def register(op_name: str, rule: Rule | None = None) -> Callable:
    """Register a rule instance (or, as a class decorator, an instance of the class) for op_name."""

    def add(r):
        instance = r() if isinstance(r, type) else r
        if op_name in _RULES:
            raise RuntimeError(f"a rule for {op_name} is registered twice")
        instance.name = op_name
        _RULES[op_name] = instance
        return r

    return add(rule) if rule is not None else add


def rule_for(op_name: str) -> Rule:
    _load_rule_modules()
    try:
        return _RULES[op_name]
    except KeyError:
        raise RuleError(f"no rule for op '{op_name}'") from None


def all_rules() -> dict[str, Rule]:
    _load_rule_modules()
    return dict(_RULES)


def _load_rule_modules() -> None:
    # Importing the package imports every family module, each registering its rules.
    import mindc.rules  # noqa: F401
