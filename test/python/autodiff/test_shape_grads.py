"""VJP rules of the shape and data-movement ops against central finite differences in float64
(check_vjp: mind.vjp through mind-autodiff, compiled and run on the CPU)."""
import numpy as np
import pytest
from helpers import check_module_vjp, check_vjp

from mindc.rules.base import NotDifferentiable, rule_for


def normal(*shape, seed=0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


@pytest.mark.parametrize("src,dst", [((2, 3, 4), (6, 4)), ((2, 3, 4), (4, 6)), ((6,), (1, 2, 3, 1)), ((1, 1), ())])
def test_reshape_vjp_matches_finite_differences(src, dst):
    check_vjp("mind.reshape", normal(*src), shape=dst)


@pytest.mark.parametrize("shape,perm", [((3, 4), (1, 0)), ((2, 3, 4), (2, 0, 1)), ((2, 3, 4, 5), (1, 3, 0, 2))])
def test_transpose_vjp_matches_finite_differences(shape, perm):
    check_vjp("mind.transpose", normal(*shape), perm=perm)


@pytest.mark.parametrize("src,dst", [
    ((4,), (3, 4)),           # a leading dim added
    ((3, 1), (3, 5)),         # a dim stretched
    ((1, 4), (2, 3, 4)),      # both
    ((3, 1, 1), (2, 3, 4, 5)),
    ((), (2, 3)),             # a scalar
    ((2, 3), (2, 3)),         # nothing to do
])
def test_broadcast_to_vjp_matches_finite_differences(src, dst):
    check_vjp("mind.broadcast_to", normal(*src), shape=dst)


@pytest.mark.parametrize("x,y,axis", [((2, 3), (4, 3), 0), ((2, 3), (2, 5), 1), ((2, 3, 4), (2, 3, 1), -1),
                                      ((5,), (2,), -1)])
def test_concat_vjp_matches_finite_differences(x, y, axis):
    check_vjp("mind.concat", normal(*x, seed=1), normal(*y, seed=2), axis=axis)


@pytest.mark.parametrize("shape,begin,end,strides", [
    ((6, 5), (1, 0), (5, 5), (2, 1)),
    ((6, 5), (-4, -1), (-1, 5), (1, 1)),          # negative begin and end
    ((6, 5), (5, 4), (-7, -6), (-1, -2)),         # negative strides down to index 0
    ((6, 5), (-1, 3), (0, 0), (-2, -3)),          # negative strides stopping before index 0
    ((4, 3, 5), (0, 2, -1), (4, -4, -6), (3, -1, -2)),
    ((7,), (0,), (7,), (1,)),                     # the whole tensor
])
def test_strided_slice_vjp_matches_finite_differences(shape, begin, end, strides):
    check_vjp("mind.strided_slice", normal(*shape), begin=begin, end=end, strides=strides)


@pytest.mark.parametrize("shape,indices,axis", [
    ((5, 3), [1, 1, 4, 0], 0),                    # repeated index: gradients add up
    ((5, 3), [[2, -3], [9, 2], [0, 4]], 0),       # out of range: clamped to rows 0 and 4
    ((2, 6, 3), [[5, 0], [5, 7]], 1),
    ((2, 3, 4), [-1, 3, 3, 0, 8], -1),
    ((2, 3, 4), 2, 1),                            # a scalar index drops the axis
    ((4, 3), [[0, 3, 0, 3]], 0),
])
@pytest.mark.parametrize("index_dtype", [np.int32, np.int64])
def test_gather_vjp_matches_finite_differences(shape, indices, axis, index_dtype):
    check_vjp("mind.gather", normal(*shape), np.array(indices, index_dtype), axis=axis)


@pytest.mark.parametrize("indices,depth,axis", [
    ([0, 2, 1, 2], 3, -1),
    ([[0, 5], [-1, 1]], 4, 0),                    # out-of-range indices get off_value only
    ([[1, 1, 0]], 2, 1),
    (3, 4, -1),
])
def test_one_hot_vjp_matches_finite_differences(indices, depth, axis):
    check_vjp("mind.one_hot", np.array(indices, np.int32), normal(seed=1), normal(seed=2), depth=depth, axis=axis)


# An embedding lookup used twice, once through a reversed slice, a transpose and a broadcast: both
# cotangents reach the table through unsorted_segment_sum and add up.
EMBEDDING = """
func.func @f(%table: tensor<6x4xf64>, %ids: tensor<2x3xi32>) -> tensor<2x5x4xf64> {
  %e = "mind.gather"(%table, %ids) {axis = 0 : i64} : (tensor<6x4xf64>, tensor<2x3xi32>) -> tensor<2x3x4xf64>
  %r = "mind.strided_slice"(%e) {begin = array<i64: 0, -1, 3>, end = array<i64: 2, 0, 4>,
      strides = array<i64: 1, -1, 1>} : (tensor<2x3x4xf64>) -> tensor<2x2x1xf64>
  %t = "mind.transpose"(%r) {perm = array<i64: 1, 0, 2>} : (tensor<2x2x1xf64>) -> tensor<2x2x1xf64>
  %b = "mind.broadcast_to"(%t) {shape = array<i64: 2, 2, 4>} : (tensor<2x2x1xf64>) -> tensor<2x2x4xf64>
  %c = "mind.concat"(%e, %b) {axis = 1 : i64} : (tensor<2x3x4xf64>, tensor<2x2x4xf64>) -> tensor<2x5x4xf64>
  return %c : tensor<2x5x4xf64>
}
"""


def test_embedding_lookup_used_twice_matches_finite_differences():
    check_module_vjp(EMBEDDING, normal(6, 4), np.array([[1, 5, 1], [9, -2, 3]], np.int32))


# The adjoint of gather (an unsorted_segment_sum) differentiated again: its VJP is a gather back.
GATHER_VJP = """
func.func @gather(%x: tensor<5x3xf64>, %i: tensor<4xi32>) -> tensor<4x3xf64> {
  %g = "mind.gather"(%x, %i) {axis = 0 : i64} : (tensor<5x3xf64>, tensor<4xi32>) -> tensor<4x3xf64>
  return %g : tensor<4x3xf64>
}
func.func @f(%x: tensor<5x3xf64>, %i: tensor<4xi32>, %ct: tensor<4x3xf64>) -> tensor<5x3xf64> {
  %fn = func.constant @gather : (tensor<5x3xf64>, tensor<4xi32>) -> tensor<4x3xf64>
  %v = "mind.vjp"(%fn) : ((tensor<5x3xf64>, tensor<4xi32>) -> tensor<4x3xf64>)
      -> ((tensor<5x3xf64>, tensor<4xi32>, tensor<4x3xf64>) -> (tensor<4x3xf64>, tensor<5x3xf64>, tensor<4xi32>))
  %r:3 = func.call_indirect %v(%x, %i, %ct)
      : (tensor<5x3xf64>, tensor<4xi32>, tensor<4x3xf64>) -> (tensor<4x3xf64>, tensor<5x3xf64>, tensor<4xi32>)
  return %r#1 : tensor<5x3xf64>
}
"""


def test_gather_vjp_is_differentiable_again():
    check_module_vjp(GATHER_VJP, normal(5, 3), np.array([4, 0, 7, 4], np.int32), normal(4, 3, seed=1))


@pytest.mark.parametrize("name", ["mind.constant", "mind.fill"])
def test_operand_free_ops_are_not_differentiable(name):
    vjp = rule_for(name).vjp
    assert isinstance(vjp, NotDifferentiable) and vjp.reason == "no operands"
