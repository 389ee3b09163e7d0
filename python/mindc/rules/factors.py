"""Pieces of sharding notation (sharding/spec.py's einsum) that several rule families share."""
from __future__ import annotations

import math
import string
from typing import Mapping, Sequence

from mindc.rules.base import Attrs, Rule, RuleError, Sig
from mindc.sharding.spec import ShardingSpec, einsum


def factor_names(count: int, skip: str = "", whole: bool = False) -> list[str]:
    """`count` distinct factor letters, none in `skip`: lowercase (splittable), or uppercase for
    factors the op needs whole. RuleError past the alphabet: the notation names factors by letter."""
    letters = [c for c in (string.ascii_uppercase if whole else string.ascii_lowercase) if c not in skip]
    if count > len(letters):
        raise RuleError(f"sharding notation: {count} factors need more than the {len(letters)} letters available")
    return letters[:count]


def broadcast_notation(shape: Sequence[int], out_shape: Sequence[int], names: Sequence[str]) -> str:
    """An operand's dims against result dims named `names`, under numpy broadcasting (trailing
    dims align): a size-1 dim stretched over a larger result dim is `1` (every device reads the
    one element), any other dim is the result dim's factor."""
    lead = len(out_shape) - len(shape)
    return "".join("1" if n == 1 and out_shape[lead + i] != 1 else names[lead + i] for i, n in enumerate(shape))


def elementwise_sharding(rule: Rule, a: Attrs, ins: Sequence[Sig], outs: Sequence[Sig]) -> ShardingSpec:
    """The `sharding` of elementwise ops (set as `sharding = elementwise_sharding`): every result
    dim a parallel factor, the operands broadcast onto the result shape."""
    out = outs[0].shape
    names = factor_names(len(out))
    operands = ",".join(broadcast_notation(s.shape, out, names) for s in ins)
    return einsum(f"{operands}->{','.join(''.join(names) for _ in outs)}", ins, outs)


def split_shape(dims, shape: Sequence[int], splits: Mapping[str, int]) -> tuple[int, ...]:
    """A tensor's local shape: each dim divided by the pieces its factors are cut into (`dims` is
    one tensor's entry of ShardingSpec.operands or .results)."""
    return tuple(n // math.prod(splits[f] for f in dim) for dim, n in zip(dims, shape))


def reshape_notation(src: Sequence[int], dst: Sequence[int]) -> tuple[str, str, dict[str, int]]:
    """The notation of a reshape from src to dst, and its factors' sizes (Shardy's factorization).

    Walk both shapes row-major, cutting the remainders of the current dims into a factor of size
    gcd(remaining in, remaining out), so each factor is the same run of the flat index on both
    sides: [4, 6] -> [2, 12] is (ab)c -> a(bc). Size-1 dims are `1`. Where the remainders are
    coprime ([3, 4] -> [2, 6]) no piece of one side is a piece of the other until their products
    meet at a common dim boundary: that stretch is whole (a factor per side, uppercase)."""
    parallel, whole = iter(factor_names(26)), iter(factor_names(26, whole=True))
    ins, outs = [[] for _ in src], [[] for _ in dst]
    sizes: dict[str, int] = {}

    def take(names, dims, d, size):
        name = next(names)
        sizes[name] = size
        dims[d].append(name)

    if 0 in src:
        # No elements: nothing to split, every dim whole.
        for dims, shape in ((ins, src), (outs, dst)):
            for d, n in enumerate(shape):
                take(whole, dims, d, n)
    i, j = 0, 0
    left_in, left_out = (src[0] if src else 1), (dst[0] if dst else 1)
    while 0 not in src:
        while left_in == 1 and i + 1 < len(src):
            i += 1
            left_in = src[i]
        while left_out == 1 and j + 1 < len(dst):
            j += 1
            left_out = dst[j]
        if left_in == 1 or left_out == 1:
            break
        g = math.gcd(left_in, left_out)
        if g > 1:
            take(parallel, ins, i, g)
            outs[j].append(ins[i][-1])
            left_in, left_out = left_in // g, left_out // g
            continue
        take(whole, ins, i, left_in)
        take(whole, outs, j, left_out)
        span_in, span_out = left_in, left_out
        while span_in != span_out:
            if span_in < span_out:
                i += 1
                span_in *= src[i]
                if src[i] > 1:
                    take(whole, ins, i, src[i])
            else:
                j += 1
                span_out *= dst[j]
                if dst[j] > 1:
                    take(whole, outs, j, dst[j])
        left_in = left_out = 1
    notation = lambda dims: "".join(d[0] if len(d) == 1 else f"({''.join(d)})" if d else "1" for d in dims)  # noqa: E731
    return notation(ins), notation(outs), sizes


def slice_notation(read: Sequence[tuple[int, int, int]], shape: Sequence[int]) -> tuple[str, str]:
    """The notation of a tensor of `shape` and of its strided slice, which reads (start, step,
    length) per dim (shape.slice_dims): a dim read whole and in order is a parallel factor (each
    device slices its piece whole); any other dim is whole, since a device's piece holds the
    elements of a slice only by accident of the bounds."""
    rank = len(shape)
    names, whole = factor_names(rank), factor_names(2 * rank, whole=True)
    whole_x, whole_out = whole[:rank], whole[rank:]
    full = [(start, step, n) == (0, 1, size) for (start, step, n), size in zip(read, shape)]
    x_dims = "".join(n if f else w for n, w, f in zip(names, whole_x, full))
    out_dims = "".join(n if f else w for n, w, f in zip(names, whole_out, full))
    return x_dims, out_dims


def local_slice(a, dims, spec, splits) -> Attrs:
    """a with begin, end and strides reading each parallel dim of the local piece whole (dims: the
    notation of the sliced tensor in `spec`); whole dims keep their bounds."""
    begin, end, strides = list(a["begin"]), list(a["end"]), list(a["strides"])
    for d, dim in enumerate(dims):
        if dim and dim[0].islower():
            begin[d], end[d], strides[d] = 0, spec.factor(dim[0]).size // splits[dim[0]], 1
    return Attrs({**a, "begin": tuple(begin), "end": tuple(end), "strides": tuple(strides)})
