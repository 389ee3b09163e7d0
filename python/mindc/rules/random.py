"""Rules for random-number ops: random_uniform.

Random numbers are counter-based (as in JAX and Philox-based MindSpore kernels): each element is
a hash of (seed, key, linear element index), so the op is a pure function of its operand and
attributes. Compiled code needs no generator state, CSE and folding stay correct, and a caller
gets a fresh draw by passing a new key (Dropout keeps a counter Parameter it increments).

The hash is splitmix64 (Steele, Lea, Flood 2014): for a stream base b, element i gets
mix(b + (i + 1) * GAMMA), and b = mix(key * GAMMA ^ mix(seed)). The top `p` bits of the result,
p the precision of the float type (24 for f32), scaled by 2^-p are uniform in [0, 1) and exact.
`reference` is the same computation in numpy: canonicalize folds with it and tests compare with it.
"""
from __future__ import annotations

import numpy as np
from mlir import ir
from mlir.dialects import arith, linalg, tensor

from mindc.lowering.builder import PARALLEL
from mindc.rules.base import FLOAT_DTYPES, Kind, NotDifferentiable, Rule, RuleError, Sig, numpy_dtype, register
from mindc.rules.factors import factor_names
from mindc.rules.shape import check_sizes
from mindc.sharding.spec import einsum

GAMMA = 0x9E3779B97F4A7C15
MIX = (0xBF58476D1CE4E5B9, 0x94D049BB133111EB)
MASK = (1 << 64) - 1
# Significand bits (with the implicit one): the integers below 2^p convert to the type exactly.
PRECISION = {"f16": 11, "bf16": 8, "f32": 24, "f64": 53}


def mix64(z: int) -> int:
    """splitmix64's finalizer on a Python int taken modulo 2^64."""
    z &= MASK
    z = ((z ^ (z >> 30)) * MIX[0]) & MASK
    z = ((z ^ (z >> 27)) * MIX[1]) & MASK
    return z ^ (z >> 31)


def reference(seed: int, key: int, shape, dtype: str) -> np.ndarray:
    """The values random_uniform gives, computed in numpy (uint64 arithmetic wraps as i64 does)."""
    with np.errstate(over="ignore"):
        u64 = np.uint64
        base = u64(mix64((key & MASK) * GAMMA ^ mix64(seed)))
        z = base + (np.arange(1, int(np.prod(shape, dtype=np.int64)) + 1, dtype=np.uint64) * u64(GAMMA))
        z = (z ^ (z >> u64(30))) * u64(MIX[0])
        z = (z ^ (z >> u64(27))) * u64(MIX[1])
        z = z ^ (z >> u64(31))
    p = PRECISION[dtype]
    values = (z >> u64(64 - p)).astype(np.float64) * 2.0 ** -p
    return values.astype(numpy_dtype(dtype)).reshape(tuple(shape))


def _i64(b, value: int) -> ir.Value:
    # arith.constant takes a signed i64: wrap the unsigned constants of the hash.
    return b.s.const(value - (1 << 64) if value >= 1 << 63 else value, ir.IntegerType.get_signless(64))


def _mix(b, z: ir.Value) -> ir.Value:
    """mix64 on an i64 value: muli wraps modulo 2^64 and shrui is the unsigned shift."""
    for shift, factor in ((30, MIX[0]), (27, MIX[1])):
        z = arith.muli(arith.xori(z, arith.shrui(z, _i64(b, shift))), _i64(b, factor))
    return arith.xori(z, arith.shrui(z, _i64(b, 31)))


@register("mind.random_uniform")
class RandomUniform(Rule):
    """RandomUniform(key, shape, seed, dtype): a `dtype` tensor of `shape` with values uniform in
    [0, 1), determined by (seed, key): the same pair gives the same values, another key others."""

    attrs = {"shape": Kind.INTS, "seed": Kind.INT, "dtype": Kind.TYPE}
    vjp = NotDifferentiable("random numbers")

    def infer(self, a, key):
        if key.rank != 0 or key.dtype != "i64":
            raise RuleError(f"key must be a 0-d i64 tensor, found {key}")
        check_sizes(a["shape"], "shape")
        if a["dtype"] not in FLOAT_DTYPES:
            raise RuleError(f"dtype must be a float type ({', '.join(FLOAT_DTYPES)}), found {a['dtype']}")
        return [Sig(a["shape"], a["dtype"])]

    def lower(self, b, a, ins, outs):
        out = outs[0]
        i64 = ir.IntegerType.get_signless(64)
        precision = PRECISION[out.dtype]
        # The float type the integer converts to: wide enough to hold it and 2^-p exactly.
        work = ir.F64Type.get() if precision > 24 else ir.F32Type.get()
        strides = [int(np.prod(out.shape[d + 1:], dtype=np.int64)) for d in range(out.rank)]

        # The stream base depends on the key only: computed once, outside the loops.
        key = tensor.extract(ins[0], [])
        base = _mix(b, arith.xori(arith.muli(key, _i64(b, GAMMA)), _i64(b, mix64(a["seed"]))))

        def body(s, _):
            index = _i64(b, 1)   # the element's row-major position, plus one
            for d, stride in enumerate(strides):
                at = arith.index_cast(i64, linalg.IndexOp(d).result)
                index = arith.addi(index, at if stride == 1 else arith.muli(at, _i64(b, stride)))
            z = _mix(b, arith.addi(base, arith.muli(index, _i64(b, GAMMA))))
            top = arith.sitofp(work, arith.shrui(z, _i64(b, 64 - precision)))
            value = arith.mulf(top, s.const(2.0 ** -precision, work))
            return [s.cast(value, out.to_type().element_type)]

        return b.generic([], [b.empty(out)], [ir.AffineMap.get_identity(out.rank)], [PARALLEL] * out.rank, body)

    def fold(self, a, key):
        return [reference(a["seed"], int(key), a["shape"], a["dtype"])]

    def sharding(self, a, ins, outs):
        # Whole: every device draws the same full tensor, so the numbers are those of one process
        # (the partition slices it where it is used).
        return einsum(f"->{''.join(factor_names(outs[0].rank, whole=True))}", ins, outs)

