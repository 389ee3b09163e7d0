"""MindSpore's array primitives (mindspore.ops.operations.array_ops): casts, shapes, data movement,
creation, selection and indices."""
from __future__ import annotations

from mindc.frontend import dtype as mdt
from mindc.ops import array, indexing, math
from mindc.ops._base import cast_to, fail, tensor
from mindc.ops.operations._define import define
from mindc.ops.primitive import Primitive, check_bool, check_int, check_ints, prim_attr_register

__all__ = [
    "Cast", "Reshape", "Transpose", "ExpandDims", "Flatten", "Tile", "Select", "BroadcastTo", "Fill", "Zeros", "Ones",
    "ZerosLike", "OnesLike", "Shape", "Size", "Rank", "DType", "Slice", "StopGradient", "Identity", "Squeeze",
    "Concat", "Stack", "Gather", "GatherV2", "OneHot", "Argmax", "Argmin", "ArgMaxWithValue", "ArgMinWithValue",
    "StridedSlice", "Split", "Pack", "Unstack", "Unpack", "ReverseV2", "MaskedFill", "UnsortedSegmentSum",
    "TupleToArray", "ScalarToTensor", "TopK", "Sort",
]


# Tensors are values: the identity is the input itself.
def _identity(x):
    return tensor(x)


Cast = define("Cast", math.cast, __name__)
Reshape = define("Reshape", array.reshape, __name__)
Transpose = define("Transpose", array.transpose, __name__)
ExpandDims = define("ExpandDims", array.expand_dims, __name__)
Flatten = define("Flatten", array.flatten, __name__)
Tile = define("Tile", array.tile, __name__)
Select = define("Select", math.select, __name__)
Fill = define("Fill", array.fill, __name__)
Zeros = define("Zeros", array.zeros, __name__)
Ones = define("Ones", array.ones, __name__)
ZerosLike = define("ZerosLike", array.zeros_like, __name__)
OnesLike = define("OnesLike", array.ones_like, __name__)
Shape = define("Shape", array.shape, __name__)
Size = define("Size", array.size, __name__)
Rank = define("Rank", array.rank, __name__)
DType = define("DType", array.dtype, __name__)
Slice = define("Slice", array.slice, __name__)
StopGradient = define("StopGradient", array.stop_gradient, __name__)
Identity = define("Identity", _identity, __name__)
MaskedFill = define("MaskedFill", indexing.masked_fill, __name__)
UnsortedSegmentSum = define("UnsortedSegmentSum", array.unsorted_segment_sum, __name__)
TupleToArray = define("TupleToArray", array.tuple_to_array, __name__)
ScalarToTensor = define("ScalarToTensor", array.scalar_to_tensor, __name__)


class BroadcastTo(Primitive):
    """BroadcastTo(shape)(x); -1 in shape keeps x's size there."""

    @prim_attr_register
    def __init__(self, shape):
        check_ints(shape, "shape", self.name, minimum=-1)

    def __call__(self, x):
        return array.broadcast_to(x, self.shape)


class Squeeze(Primitive):
    """Squeeze(axis=())(x): drop the size-1 dimensions in axis (an empty axis: all of them)."""

    @prim_attr_register
    def __init__(self, axis=()):
        if axis != ():
            self.add_prim_attr("axis", check_ints(axis, "axis", self.name, minimum=None))

    def __call__(self, x):
        return array.squeeze(x, self.axis or None)


class _AxisPrimitive(Primitive):
    """A primitive whose one attribute is an int axis."""

    @prim_attr_register
    def __init__(self, axis: int = 0):
        check_int(axis, "axis", self.name)


class Concat(_AxisPrimitive):
    """Concat(axis=0)(tensors)."""

    def __call__(self, input_x):
        return array.concat(input_x, self.axis)


class Stack(_AxisPrimitive):
    """Stack(axis=0)(tensors)."""

    def __call__(self, input_x):
        return array.stack(input_x, self.axis)


class Pack(Stack):
    """MindSpore 1.x's name of Stack."""


class Unstack(Primitive):
    """Unstack(axis=0, num=None)(input_x): the slices along axis, without it, as a tuple."""

    @prim_attr_register
    def __init__(self, axis: int = 0, num=None):
        check_int(axis, "axis", self.name)
        if num is not None:
            check_int(num, "num", self.name, minimum=1)

    def __call__(self, input_x):
        x = tensor(input_x)
        if self.num is not None and x.ndim and x.shape[self.axis % x.ndim] != self.num:
            fail("mind.strided_slice", f"Unstack(num={self.num}) needs dimension {self.axis} of size {self.num}, "
                                       f"found shape {list(x.shape)}")
        return array.unstack(x, self.axis)


class Unpack(Unstack):
    """MindSpore 1.x's name of Unstack."""


class ReverseV2(Primitive):
    """ReverseV2(axis)(input_x): the elements in reverse order along each axis listed."""

    @prim_attr_register
    def __init__(self, axis):
        if not isinstance(axis, (tuple, list)):
            raise TypeError(f"For 'ReverseV2', 'axis' must be a tuple or list of ints, got {type(axis).__name__}")
        self.add_prim_attr("axis", check_ints(axis, "axis", self.name, minimum=None))

    def __call__(self, input_x):
        return array.flip(input_x, self.axis)


class Gather(Primitive):
    """Gather(batch_dims=0)(input_params, input_indices, axis)."""

    @prim_attr_register
    def __init__(self, batch_dims: int = 0):
        check_int(batch_dims, "batch_dims", self.name)

    def __call__(self, input_params, input_indices, axis):
        return array.gather(input_params, input_indices, int(axis), self.batch_dims)


class GatherV2(Gather):
    """MindSpore's earlier name of Gather."""


class OneHot(Primitive):
    """OneHot(axis=-1)(indices, depth, on_value, off_value)."""

    @prim_attr_register
    def __init__(self, axis: int = -1):
        check_int(axis, "axis", self.name, minimum=-1)

    def __call__(self, indices, depth, on_value, off_value):
        return array.one_hot(indices, check_int(depth, "depth", self.name, minimum=0), on_value, off_value, self.axis)


class _ArgPrimitive(Primitive):
    """Argmax/Argmin(axis=-1, output_type=int32)(x): the index of the first extreme along axis."""

    @prim_attr_register
    def __init__(self, axis: int = -1, output_type=mdt.int32):
        check_int(axis, "axis", self.name)
        if mdt.as_dtype(output_type) not in (mdt.int32, mdt.int64):
            raise TypeError(f"For '{self.name}', 'output_type' must be int32 or int64, got {output_type}")

    def __call__(self, x):
        return cast_to(type(self).function(x, self.axis), mdt.as_dtype(self.output_type))


class Argmax(_ArgPrimitive):
    function = staticmethod(math.argmax)


class Argmin(_ArgPrimitive):
    function = staticmethod(math.argmin)


class _ArgWithValue(Primitive):
    """ArgMaxWithValue/ArgMinWithValue(axis=0, keep_dims=False)(x) -> (index (int32), values)."""

    @prim_attr_register
    def __init__(self, axis: int = 0, keep_dims: bool = False):
        check_int(axis, "axis", self.name)
        check_bool(keep_dims, "keep_dims", self.name)

    def __call__(self, x):
        arg, extreme = type(self).functions
        return arg(x, self.axis, self.keep_dims), extreme(x, self.axis, self.keep_dims)


class ArgMaxWithValue(_ArgWithValue):
    functions = (staticmethod(math.argmax), staticmethod(math.amax))


class ArgMinWithValue(_ArgWithValue):
    functions = (staticmethod(math.argmin), staticmethod(math.amin))


class StridedSlice(Primitive):
    """StridedSlice(begin_mask=0, end_mask=0, ellipsis_mask=0, new_axis_mask=0,
    shrink_axis_mask=0)(input_x, begin, end, strides)."""

    @prim_attr_register
    def __init__(self, begin_mask: int = 0, end_mask: int = 0, ellipsis_mask: int = 0, new_axis_mask: int = 0,
                 shrink_axis_mask: int = 0):
        for name in ("begin_mask", "end_mask", "ellipsis_mask", "new_axis_mask", "shrink_axis_mask"):
            check_int(getattr(self, name), name, self.name, minimum=0)
        if bin(ellipsis_mask).count("1") > 1:
            raise ValueError(f"For 'StridedSlice', only one bit of 'ellipsis_mask' may be set, got {ellipsis_mask}")

    def __call__(self, input_x, begin, end, strides):
        return array.strided_slice(input_x, begin, end, strides, self.begin_mask, self.end_mask, self.ellipsis_mask,
                                   self.new_axis_mask, self.shrink_axis_mask)


class Split(Primitive):
    """Split(axis=0, output_num=1)(input_x): output_num equal pieces along axis, as a tuple."""

    @prim_attr_register
    def __init__(self, axis: int = 0, output_num: int = 1):
        check_int(axis, "axis", self.name)
        check_int(output_num, "output_num", self.name, minimum=1)

    def __call__(self, input_x):
        x = tensor(input_x)
        size = x.shape[self.axis % max(x.ndim, 1)] if x.ndim else 0
        if x.ndim == 0 or size % self.output_num:
            fail("mind.strided_slice", f"Split cannot cut dimension {self.axis} of shape {list(x.shape)} into "
                                       f"{self.output_num} equal pieces")
        return array.split(x, size // self.output_num, self.axis)



class TopK(Primitive):
    """TopK(sorted=True)(input_x, k) -> (values, indices): the k largest along the last axis, in
    descending order, or with sorted=False in index order (as MindSpore's CPU kernel)."""

    @prim_attr_register
    def __init__(self, sorted=True):
        check_bool(sorted, "sorted", self.name)

    def __call__(self, input_x, k):
        return array.topk(input_x, check_int(k, "k", self.name, minimum=0), sorted=self.sorted)


class Sort(Primitive):
    """Sort(axis=-1, descending=False)(x) -> (values, indices)."""

    @prim_attr_register
    def __init__(self, axis=-1, descending=False):
        check_int(axis, "axis", self.name)
        check_bool(descending, "descending", self.name)

    def __call__(self, x):
        return array.sort(x, self.axis, self.descending)
