"""nn.MultiheadAttention and the Transformer layers against a float64 numpy transcription of their
definition (MindSpore's and PyTorch's), in both modes, with gradients by central differences."""
from __future__ import annotations

import numpy as np
import pytest
from test_layers import F64, check_gradients, rand

import mindc
from mindc import nn

T = mindc.Tensor


def softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def layer_norm(x, gamma, beta, eps):
    mean, var = x.mean(-1, keepdims=True), x.var(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


def p64(p):
    return p.asnumpy().astype(np.float64)


def attention_ref(m: nn.MultiheadAttention, q, k, v, attn_mask=None, key_padding_mask=None):
    """(output, head-averaged weights) for seq-first (L, N, E) inputs."""
    e, h = m.embed_dim, m.num_heads
    w, b = p64(m.in_proj_weight), p64(m.in_proj_bias)
    qp, kp, vp = (x @ w[i * e:(i + 1) * e].T + b[i * e:(i + 1) * e] for i, x in enumerate((q, k, v)))
    (length, batch, _), source = q.shape, k.shape[0]

    def heads(x):   # (T, N, E) -> (N, H, T, hd)
        return x.reshape(x.shape[0], batch, h, e // h).transpose(1, 2, 0, 3)

    scores = heads(qp) @ heads(kp).transpose(0, 1, 3, 2) / np.sqrt(e // h)
    if attn_mask is not None:
        scores = scores + (np.where(attn_mask, -np.inf, 0.0) if attn_mask.dtype == bool else attn_mask)
    if key_padding_mask is not None:
        scores = scores + np.where(key_padding_mask, -np.inf, 0.0)[:, None, None, :]
    weights = softmax(scores)
    out = (weights @ heads(vp)).transpose(2, 0, 1, 3).reshape(length, batch, e)
    return out @ p64(m.out_proj.weight).T + p64(m.out_proj.bias), weights.mean(1)


def encoder_layer_ref(layer, x, mask=None):
    def attend(h):
        return attention_ref(layer.self_attn, h, h, h, attn_mask=mask)[0]

    def feed_forward(h):
        return np.maximum(h @ p64(layer.dense1.weight).T + p64(layer.dense1.bias), 0) @ p64(layer.dense2.weight).T \
            + p64(layer.dense2.bias)

    def norm(n, h):
        return layer_norm(h, p64(n.gamma), p64(n.beta), 1e-5)

    if layer.norm_first:
        x = x + attend(norm(layer.norm1, x))
        return x + feed_forward(norm(layer.norm2, x))
    x = norm(layer.norm1, x + attend(x))
    return norm(layer.norm2, x + feed_forward(x))


def seeded(seed, make):
    mindc.set_seed(seed)
    return make()


def test_attention_matches_its_definition_with_masks(either_mode):
    m = seeded(1, lambda: nn.MultiheadAttention(8, 2, dtype=mindc.float64))
    m.in_proj_bias.set_data(rand(24, seed=2))
    q, kv = rand(4, 3, 8, seed=3), rand(6, 3, 8, seed=4)
    causal = np.triu(np.ones((4, 6), bool), k=3)
    padding = np.zeros((3, 6), bool)
    padding[1, 4:] = True
    out, weights = m(T(q), T(kv), T(kv), key_padding_mask=T(padding), attn_mask=T(causal))
    want_out, want_weights = attention_ref(m, q, kv, kv, causal, padding)
    np.testing.assert_allclose(out.asnumpy(), want_out, **F64)
    np.testing.assert_allclose(weights.asnumpy(), want_weights, **F64)
    float_mask = rand(4, 6, seed=5)
    out, _ = m(T(q), T(kv), T(kv), attn_mask=T(float_mask))
    np.testing.assert_allclose(out.asnumpy(), attention_ref(m, q, kv, kv, float_mask)[0], **F64)


def test_attention_layouts_and_weights_per_head():
    m = seeded(6, lambda: nn.MultiheadAttention(4, 2, batch_first=True, dtype=mindc.float64))
    x = rand(2, 5, 4, seed=7)
    out, weights = m(T(x), T(x), T(x), average_attn_weights=False)
    seq_first = x.transpose(1, 0, 2)
    np.testing.assert_allclose(out.asnumpy(), attention_ref(m, seq_first, seq_first, seq_first)[0].transpose(1, 0, 2),
                               **F64)
    assert weights.shape == (2, 2, 5, 5)
    single, = m(T(x[0]), T(x[0]), T(x[0]), need_weights=False)   # unbatched (L, E)
    np.testing.assert_allclose(single.asnumpy(), out.asnumpy()[0], **F64)
    assert [name for name, _ in m.parameters_and_names()] == ["in_proj_weight", "in_proj_bias", "out_proj.weight",
                                                              "out_proj.bias"]
    with pytest.raises(ValueError, match="'embed_dim' must be divisible by 'num_heads'"):
        nn.MultiheadAttention(5, 2)


class SelfAttention(nn.Cell):
    def __init__(self):
        super().__init__()
        self.attn = nn.MultiheadAttention(4, 2, dtype=mindc.float64)

    def construct(self, x):
        return self.attn(x, x, x)[0]


def test_attention_gradients_match_finite_differences():
    net = seeded(8, SelfAttention)
    check_gradients(net, rand(3, 2, 4, seed=9))


@pytest.mark.parametrize("norm_first", [False, True], ids=["post_norm", "pre_norm"])
def test_encoder_layer_and_stack_match_the_definition(norm_first, either_mode):
    layer = seeded(10, lambda: nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, norm_first=norm_first,
                                                          dtype=mindc.float64))
    x = rand(5, 2, 8, seed=11)
    mask = np.triu(np.ones((5, 5), bool), k=1)
    np.testing.assert_allclose(layer(T(x), T(mask)).asnumpy(), encoder_layer_ref(layer, x, mask), **F64)
    stack = nn.TransformerEncoder(layer, 2)
    assert stack.layers[0].self_attn.in_proj_weight is not stack.layers[1].self_attn.in_proj_weight
    names = [name for name, _ in stack.parameters_and_names()]
    assert names[0] == "layers.0.self_attn.in_proj_weight" and "layers.1.norm2.beta" in names
    want = encoder_layer_ref(stack.layers[1], encoder_layer_ref(stack.layers[0], x))
    np.testing.assert_allclose(stack(T(x)).asnumpy(), want, **F64)


def test_decoder_and_transformer_run_and_differentiate():
    model = seeded(12, lambda: nn.Transformer(8, 2, 1, 1, 16, dropout=0.0, dtype=mindc.float64))
    src, tgt = rand(5, 2, 8, seed=13), rand(3, 2, 8, seed=14)
    out = model(T(src), T(tgt))
    assert out.shape == (3, 2, 8)
    # The decoder's first block is self-attention over tgt, the second attends to the encoder's output.
    memory = model.encoder(T(src)).asnumpy()
    layer = model.decoder.layers[0]
    x = layer_norm(tgt + attention_ref(layer.self_attn, tgt, tgt, tgt)[0], p64(layer.norm1.gamma),
                   p64(layer.norm1.beta), 1e-5)
    x = layer_norm(x + attention_ref(layer.multihead_attn, x, memory, memory)[0], p64(layer.norm2.gamma),
                   p64(layer.norm2.beta), 1e-5)
    ff = np.maximum(x @ p64(layer.dense1.weight).T + p64(layer.dense1.bias), 0) @ p64(layer.dense2.weight).T \
        + p64(layer.dense2.bias)
    x = layer_norm(x + ff, p64(layer.norm3.gamma), p64(layer.norm3.beta), 1e-5)
    norm = model.decoder.norm
    np.testing.assert_allclose(out.asnumpy(), layer_norm(x, p64(norm.gamma), p64(norm.beta), 1e-5), **F64)
