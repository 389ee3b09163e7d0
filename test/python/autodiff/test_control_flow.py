"""mind-autodiff through control flow and calls: scf.if, scf.for (static and dynamic trip
counts), scf.while with a data-dependent exit, func.call; each VJP against central differences
in float64 on random inputs (helpers.check_module_vjp: relative tolerance 1e-6)."""
from __future__ import annotations

import numpy as np
import pytest

from helpers import check_module_vjp

T = "tensor<4xf64>"
M = "tensor<4x4xf64>"
S = "tensor<f64>"


def op(name: str, operands: str, types: str, result: str, attrs: str = "") -> str:
    return f'"mind.{name}"({operands}) {attrs} : ({types}) -> {result}'


IF = f"""
func.func @f(%x: {T}, %y: {T}) -> {T} {{
  %s = {op("reduce_sum", "%x", T, S, "{axis = array<i64>, keep_dims = false}")}
  %zero = arith.constant 0.0 : f64
  %v = tensor.extract %s[] : {S}
  %c = arith.cmpf ogt, %v, %zero : f64
  %r = scf.if %c -> {T} {{
    %a = {op("mul", "%x, %y", f"{T}, {T}", T)}
    %b = {op("sin", "%a", T, T)}
    scf.yield %b : {T}
  }} else {{
    %a = {op("exp", "%y", T, T)}
    scf.yield %a : {T}
  }}
  %out = {op("mul", "%r, %x", f"{T}, {T}", T)}
  return %out : {T}
}}
"""


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_if_both_branches(sign):
    rng = np.random.default_rng(0)
    x = np.abs(rng.standard_normal(4)) * sign
    check_module_vjp(IF, x, rng.standard_normal(4))


RNN = f"""
func.func @f(%w: {M}, %x0: {T}, %h0: {T}) -> {S} {{
  %lb = arith.constant 0 : index
  %ub = arith.constant 5 : index
  %one = arith.constant 1 : index
  %h, %x = scf.for %i = %lb to %ub step %one iter_args(%h = %h0, %x = %x0) -> ({T}, {T}) {{
    %hw = "mind.reshape"(%h) {{shape = array<i64: 4, 1>}} : ({T}) -> tensor<4x1xf64>
    %wh = "mind.matmul"(%w, %hw) {{transpose_a = false, transpose_b = false}} : ({M}, tensor<4x1xf64>) -> tensor<4x1xf64>
    %whf = "mind.reshape"(%wh) {{shape = array<i64: 4>}} : (tensor<4x1xf64>) -> {T}
    %pre = {op("add", "%whf, %x", f"{T}, {T}", T)}
    %hn = {op("tanh", "%pre", T, T)}
    %xn = {op("sin", "%x", T, T)}
    scf.yield %hn, %xn : {T}, {T}
  }}
  %l = {op("reduce_sum", "%h", T, S, "{axis = array<i64>, keep_dims = false}")}
  return %l : {S}
}}
"""


def test_for_static_trip_count_rnn():
    rng = np.random.default_rng(1)
    check_module_vjp(RNN, 0.5 * rng.standard_normal((4, 4)), rng.standard_normal(4), rng.standard_normal(4))


DYNAMIC_FOR = f"""
func.func @f(%x: {T}, %n: tensor<i64>) -> {T} {{
  %lb = arith.constant 1 : index
  %step = arith.constant 2 : index
  %nv = tensor.extract %n[] : tensor<i64>
  %ub = arith.index_cast %nv : i64 to index
  %r = scf.for %i = %lb to %ub step %step iter_args(%acc = %x) -> ({T}) {{
    %s = {op("sin", "%acc", T, T)}
    %p = {op("mul", "%s, %x", f"{T}, {T}", T)}
    scf.yield %p : {T}
  }}
  return %r : {T}
}}
"""


@pytest.mark.parametrize("n", [0, 1, 2, 7])
def test_for_dynamic_trip_count(n):
    rng = np.random.default_rng(n)
    check_module_vjp(DYNAMIC_FOR, rng.standard_normal(4), np.array(n, dtype=np.int64))


WHILE = f"""
func.func @f(%x: {T}) -> {T} {{
  %limit = arith.constant 50.0 : f64
  %r = scf.while (%a = %x) : ({T}) -> {T} {{
    %sq = {op("mul", "%a, %a", f"{T}, {T}", T)}
    %s = {op("reduce_sum", "%sq", T, S, "{axis = array<i64>, keep_dims = false}")}
    %v = tensor.extract %s[] : {S}
    %c = arith.cmpf olt, %v, %limit : f64
    scf.condition(%c) %a : {T}
  }} do {{
  ^bb0(%a: {T}):
    %e = {op("exp", "%a", T, T)}
    %k = {op("mul", "%a, %e", f"{T}, {T}", T)}
    %n = {op("add", "%k, %x", f"{T}, {T}", T)}
    scf.yield %n : {T}
  }}
  return %r : {T}
}}
"""


def test_while_with_data_dependent_exit():
    rng = np.random.default_rng(2)
    check_module_vjp(WHILE, 0.3 + 0.1 * rng.random(4))


CALLS = f"""
func.func private @g(%a: {T}, %b: {T}) -> {T} {{
  %p = {op("mul", "%a, %b", f"{T}, {T}", T)}
  %s = {op("sin", "%p", T, T)}
  return %s : {T}
}}
func.func @f(%x: {T}, %y: {T}) -> {T} {{
  %u = func.call @g(%x, %y) : ({T}, {T}) -> {T}
  %v = func.call @g(%u, %y) : ({T}, {T}) -> {T}
  return %v : {T}
}}
"""


def test_calls():
    rng = np.random.default_rng(3)
    check_module_vjp(CALLS, rng.standard_normal(4), rng.standard_normal(4))


GRAD_OF_GRAD = f"""
func.func private @f(%x: {T}, %y: {T}) -> {S} {{
  %p = {op("mul", "%x, %y", f"{T}, {T}", T)}
  %s = {op("sin", "%p", T, T)}
  %q = {op("mul", "%s, %x", f"{T}, {T}", T)}
  %r = {op("reduce_sum", "%q", T, S, "{axis = array<i64>, keep_dims = false}")}
  return %r : {S}
}}
func.func @g(%x: {T}, %y: {T}) -> {T} {{
  %f = func.constant @f : ({T}, {T}) -> {S}
  %d = "mind.grad"(%f) {{grad_position = array<i64: 0>, has_aux = false, sens_param = false}} : (({T}, {T}) -> {S}) -> (({T}, {T}) -> {T})
  %dx = func.call_indirect %d(%x, %y) : ({T}, {T}) -> {T}
  return %dx : {T}
}}
"""


def test_grad_of_grad_is_the_vjp_of_the_generated_gradient():
    rng = np.random.default_rng(4)
    check_module_vjp(GRAD_OF_GRAD, rng.standard_normal(4), rng.standard_normal(4), name="g")


def test_grad_of_grad_through_if():
    # @g differentiates @f, whose scf.if the adjoint recomputes; then g itself is differentiated.
    rng = np.random.default_rng(5)
    text = IF.replace("func.func @f", "func.func private @f") + f"""
func.func @g(%x: {T}, %y: {T}, %c: {T}) -> ({T}, {T}) {{
  %f = func.constant @f : ({T}, {T}) -> {T}
  %d = "mind.vjp"(%f) : (({T}, {T}) -> {T}) -> (({T}, {T}, {T}) -> ({T}, {T}, {T}))
  %r:3 = func.call_indirect %d(%x, %y, %c) : ({T}, {T}, {T}) -> ({T}, {T}, {T})
  return %r#1, %r#2 : {T}, {T}
}}
"""
    check_module_vjp(text, np.abs(rng.standard_normal(4)), rng.standard_normal(4), rng.standard_normal(4), name="g")
