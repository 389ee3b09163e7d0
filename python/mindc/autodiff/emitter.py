"""The Emitter VJP rules build with: mind ops at the current insertion point and location.

    m.matmul(g, y, transpose_a=False, transpose_b=True)   # mind.matmul with those attributes
    m.mul(g, m.scalar(0.5, g))                            # a 0-d constant broadcasts

VJP rules emit mind ops only, so the adjoint they build can be differentiated again.
"""
from __future__ import annotations

from typing import Sequence

from mlir import ir

from mindc import emit
from mindc.rules.base import Scalar, Sig, rule_for


class Emitter:
    def __getattr__(self, name: str):
        op_name = f"mind.{name}"
        rule_for(op_name)  # RuleError for a name that is not an op

        def build(*operands: ir.Value, **attrs) -> ir.Value:
            (result,) = emit.create(op_name, list(operands), attrs)
            return result

        return build

    @staticmethod
    def sig(value: ir.Value) -> Sig:
        return Sig.of(value)

    def fill(self, sig: Sig, value: float | int) -> ir.Value:
        (result,) = emit.create("mind.fill", [], {"shape": sig.shape, "value": Scalar(value, sig.dtype)})
        return result

    def zeros(self, like: ir.Value | Sig) -> ir.Value:
        return self.fill(like if isinstance(like, Sig) else Sig.of(like), 0)

    def ones(self, like: ir.Value | Sig) -> ir.Value:
        return self.fill(like if isinstance(like, Sig) else Sig.of(like), 1)

    def scalar(self, value: float | int, like: ir.Value) -> ir.Value:
        """A 0-d tensor of like's element type, which broadcasts against like."""
        return self.fill(Sig((), Sig.of(like).dtype), value)

    def cast_like(self, x: ir.Value, like: ir.Value) -> ir.Value:
        """x (an i1 mask, say) in like's element type."""
        return self.cast(x, dtype=Sig.of(like).dtype)

    def sum_to(self, g: ir.Value, shape: Sequence[int]) -> ir.Value:
        """g summed over the dims that broadcasting added or stretched, to reach `shape`."""
        sig, shape = Sig.of(g), tuple(shape)
        if sig.shape == shape:
            return g
        lead = sig.rank - len(shape)
        axes = [*range(lead), *(lead + i for i, n in enumerate(shape) if n == 1 and sig.shape[lead + i] != 1)]
        if axes:
            g = self.reduce_sum(g, axis=axes, keep_dims=True)
        return g if Sig.of(g).shape == shape else self.reshape(g, shape=shape)

    def keep_dims(self, g: ir.Value, x_shape: Sequence[int], axes: Sequence[int]) -> ir.Value:
        """g, the result of reducing x over `axes` without keep_dims, with those dims back as 1s."""
        shape = [1 if i in axes else n for i, n in enumerate(x_shape)]
        return self.reshape(g, shape=shape)
