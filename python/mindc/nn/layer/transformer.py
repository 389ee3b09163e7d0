"""Attention and Transformer layers (MindSpore's nn.MultiheadAttention, nn.TransformerEncoderLayer,
nn.TransformerEncoder, nn.TransformerDecoderLayer, nn.TransformerDecoder, nn.Transformer), with
MindSpore's parameter names, so checkpoints match.

Sequences are (L, N, E) (batch_first=False, the default), (N, L, E) with batch_first, or (L, E)
unbatched. Masks follow MindSpore (and PyTorch): a bool attn_mask or key_padding_mask is True
where attention is not allowed; a float one is added to the attention scores.
"""
from __future__ import annotations

import copy
import math

from mindc import ops
from mindc.common.initializer import HeUniform, Uniform, XavierUniform, initializer
from mindc.frontend import dtype as mdt
from mindc.frontend.parameter import Parameter
from mindc.nn.cell import Cell
from mindc.nn.container import CellList
from mindc.nn.layer.activation import GELU, ReLU
from mindc.nn.layer.basic import Dense, Dropout
from mindc.nn.layer.normalization import LayerNorm

__all__ = ["MultiheadAttention", "TransformerEncoderLayer", "TransformerEncoder", "TransformerDecoderLayer",
           "TransformerDecoder", "Transformer"]


def _dense(n_in: int, n_out: int, dtype) -> Dense:
    """A Dense initialized as MindSpore's transformer layers initialize theirs."""
    return Dense(n_in, n_out, weight_init=HeUniform(math.sqrt(5)), bias_init=Uniform(1 / math.sqrt(n_in)), dtype=dtype)


def _additive(mask, dtype):
    """A mask as a float tensor added to scores: a bool mask becomes -inf where it is True."""
    if mask.dtype.is_bool:
        return ops.select(mask, float("-inf"), ops.zeros(mask.shape, dtype))
    return ops.cast(mask, dtype)


class MultiheadAttention(Cell):
    """MultiheadAttention(embed_dim, num_heads, dropout=0.0, has_bias=True, add_bias_kv=False,
    add_zero_attn=False, kdim=None, vdim=None, batch_first=False, dtype=float32).

    construct(query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None,
    average_attn_weights=True) returns (output, weights): softmax(q k^T / sqrt(head_dim) + masks)
    per head, dropout on the weights in training, then out_proj; weights are averaged over the
    heads (or per head); without need_weights, (output,).
    """

    def __init__(self, embed_dim: int, num_heads: int, dropout: float = 0.0, has_bias: bool = True,
                 add_bias_kv: bool = False, add_zero_attn: bool = False, kdim=None, vdim=None,
                 batch_first: bool = False, dtype=mdt.float32):
        super().__init__()
        if add_bias_kv or add_zero_attn:
            raise NotImplementedError("MultiheadAttention: add_bias_kv and add_zero_attn are not supported")
        self.embed_dim, self.num_heads, self.dropout, self.batch_first = embed_dim, num_heads, dropout, batch_first
        self.kdim = embed_dim if kdim is None else kdim
        self.vdim = embed_dim if vdim is None else vdim
        self.head_dim = embed_dim // num_heads
        if self.head_dim * num_heads != embed_dim:
            raise ValueError("The init argument 'embed_dim' must be divisible by 'num_heads'.")
        self._qkv_same_embed_dim = self.kdim == embed_dim and self.vdim == embed_dim
        if self._qkv_same_embed_dim:
            self.in_proj_weight = Parameter(initializer(XavierUniform(), (3 * embed_dim, embed_dim), dtype),
                                            "in_proj_weight")
        else:
            for name, dim in (("q_proj_weight", embed_dim), ("k_proj_weight", self.kdim), ("v_proj_weight", self.vdim)):
                setattr(self, name, Parameter(initializer(XavierUniform(), (embed_dim, dim), dtype), name))
        self.in_proj_bias = Parameter(initializer("zeros", (3 * embed_dim,), dtype), "in_proj_bias") \
            if has_bias else None
        self.out_proj = Dense(embed_dim, embed_dim, has_bias=has_bias, weight_init=HeUniform(math.sqrt(5)),
                              bias_init=Uniform(1 / math.sqrt(embed_dim)), dtype=dtype)
        self.attn_dropout = Dropout(p=dropout)

    def _projections(self):
        """The (weight, bias) of the query, key and value projections."""
        e = self.embed_dim
        if self._qkv_same_embed_dim:
            weights = [self.in_proj_weight[i * e:(i + 1) * e] for i in range(3)]
        else:
            weights = [self.q_proj_weight, self.k_proj_weight, self.v_proj_weight]
        biases = [None] * 3 if self.in_proj_bias is None else [self.in_proj_bias[i * e:(i + 1) * e] for i in range(3)]
        return zip(weights, biases)

    def construct(self, query, key, value, key_padding_mask=None, need_weights: bool = True, attn_mask=None,
                  average_attn_weights: bool = True):
        batched = query.ndim == 3
        if not batched:
            query, key, value = (ops.expand_dims(x, 1) for x in (query, key, value))
            if key_padding_mask is not None:
                key_padding_mask = ops.expand_dims(key_padding_mask, 0)
        elif self.batch_first:
            query, key, value = (ops.transpose(x, (1, 0, 2)) for x in (query, key, value))
        length, batch, _ = query.shape
        source = key.shape[0]
        heads, head_dim = self.num_heads, self.head_dim
        q, k, v = (self._split_heads(ops.matmul(x, ops.transpose(w, (1, 0))) + (0 if b is None else b))
                   for x, (w, b) in zip((query, key, value), self._projections()))
        scores = ops.bmm(q * (1.0 / math.sqrt(head_dim)), ops.transpose(k, (0, 2, 1)))   # (N*H, L, S)
        if attn_mask is not None:
            mask = _additive(attn_mask, scores.dtype)
            scores = scores + (mask if mask.ndim == 2 else ops.reshape(mask, (batch * heads, length, source)))
        if key_padding_mask is not None:
            padding = ops.reshape(_additive(key_padding_mask, scores.dtype), (batch, 1, 1, source))
            scores = ops.reshape(ops.reshape(scores, (batch, heads, length, source)) + padding,
                                 (batch * heads, length, source))
        weights = self.attn_dropout(ops.softmax(scores, -1))
        out = ops.bmm(weights, v)                                                            # (N*H, L, hd)
        out = ops.reshape(ops.transpose(out, (1, 0, 2)), (length, batch, self.embed_dim))
        out = self.out_proj(out)
        if self.batch_first and batched:
            out = ops.transpose(out, (1, 0, 2))
        elif not batched:
            out = ops.squeeze(out, 1)
        if not need_weights:
            return (out,)
        weights = ops.reshape(weights, (batch, heads, length, source))
        if average_attn_weights:
            weights = ops.mean(weights, 1)
        return out, (weights if batched else ops.squeeze(weights, 0))

    def _split_heads(self, x):
        """(T, N, E) -> (N * heads, T, head_dim)."""
        t, n, _ = x.shape
        return ops.transpose(ops.reshape(x, (t, n * self.num_heads, self.head_dim)), (1, 0, 2))


def _activation(activation):
    if activation in ("relu", "gelu"):
        return ReLU() if activation == "relu" else GELU(approximate=False)
    if isinstance(activation, (ReLU, GELU)) or activation in (ops.relu, ops.gelu):
        return activation
    raise ValueError(f"The argument 'activation' must be 'relu', 'gelu', nn.ReLU, nn.GELU, ops.relu or ops.gelu, "
                     f"but got {activation!r}.")


class _Block(Cell):
    """What the encoder and decoder layers share: their sublayers (BLOCKS residual blocks, the
    last one feed-forward; subclasses set BLOCKS), the feed-forward block and the norm placement."""

    def __init__(self, d_model: int, nhead: int, dim_feedforward: int = 2048, dropout: float = 0.1,
                 activation="relu", layer_norm_eps: float = 1e-5, batch_first: bool = False,
                 norm_first: bool = False, dtype=mdt.float32):
        super().__init__()
        self.self_attn = MultiheadAttention(d_model, nhead, dropout=dropout, batch_first=batch_first, dtype=dtype)
        if self.BLOCKS == 3:
            self.multihead_attn = MultiheadAttention(d_model, nhead, dropout=dropout, batch_first=batch_first,
                                                     dtype=dtype)
        self.dense1 = _dense(d_model, dim_feedforward, dtype)
        self.dropout = Dropout(p=dropout)
        self.dense2 = _dense(dim_feedforward, d_model, dtype)
        self.norm_first = norm_first
        # norm1..normN and dropout1..dropoutN, one of each per block, as MindSpore names them.
        for i in range(1, self.BLOCKS + 1):
            setattr(self, f"norm{i}", LayerNorm((d_model,), epsilon=layer_norm_eps, dtype=dtype))
        for i in range(1, self.BLOCKS + 1):
            setattr(self, f"dropout{i}", Dropout(p=dropout))
        self.activation = _activation(activation)

    def _feed_forward(self, x, out_dropout: Dropout):
        return out_dropout(self.dense2(self.dropout(self.activation(self.dense1(x)))))

    def _residual(self, x, norm, block):
        """x + block(norm(x)) with norm_first, else norm(x + block(x))."""
        return x + block(norm(x)) if self.norm_first else norm(x + block(x))


class TransformerEncoderLayer(_Block):
    """TransformerEncoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1,
    activation='relu', layer_norm_eps=1e-5, batch_first=False, norm_first=False, dtype=float32):
    self-attention then a feed-forward block, each with dropout, a residual and a LayerNorm."""

    BLOCKS = 2

    def construct(self, src, src_mask=None, src_key_padding_mask=None):
        def attend(x):
            return self.dropout1(self.self_attn(x, x, x, attn_mask=src_mask, key_padding_mask=src_key_padding_mask,
                                                need_weights=False)[0])

        x = self._residual(src, self.norm1, attend)
        return self._residual(x, self.norm2, lambda h: self._feed_forward(h, self.dropout2))


class TransformerDecoderLayer(_Block):
    """TransformerDecoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1,
    activation='relu', layer_norm_eps=1e-5, batch_first=False, norm_first=False, dtype=float32):
    self-attention, attention over the encoder's memory, then a feed-forward block."""

    BLOCKS = 3

    def construct(self, tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
                  memory_key_padding_mask=None):
        def attend_self(x):
            return self.dropout1(self.self_attn(x, x, x, attn_mask=tgt_mask, key_padding_mask=tgt_key_padding_mask,
                                                need_weights=False)[0])

        def attend_memory(x):
            return self.dropout2(self.multihead_attn(x, memory, memory, attn_mask=memory_mask,
                                                     key_padding_mask=memory_key_padding_mask,
                                                     need_weights=False)[0])

        x = self._residual(tgt, self.norm1, attend_self)
        x = self._residual(x, self.norm2, attend_memory)
        return self._residual(x, self.norm3, lambda h: self._feed_forward(h, self.dropout3))


class TransformerEncoder(Cell):
    """TransformerEncoder(encoder_layer, num_layers, norm=None): num_layers copies of encoder_layer
    (each with its own Parameters), then norm."""

    def __init__(self, encoder_layer: TransformerEncoderLayer, num_layers: int, norm=None):
        super().__init__()
        self.layers = CellList([copy.deepcopy(encoder_layer) for _ in range(num_layers)])
        self.num_layers, self.norm = num_layers, norm

    def construct(self, src, src_mask=None, src_key_padding_mask=None):
        out = src
        for layer in self.layers:
            out = layer(out, src_mask, src_key_padding_mask)
        return out if self.norm is None else self.norm(out)


class TransformerDecoder(Cell):
    """TransformerDecoder(decoder_layer, num_layers, norm=None): num_layers copies of decoder_layer,
    then norm."""

    def __init__(self, decoder_layer: TransformerDecoderLayer, num_layers: int, norm=None):
        super().__init__()
        self.layers = CellList([copy.deepcopy(decoder_layer) for _ in range(num_layers)])
        self.num_layers, self.norm = num_layers, norm

    def construct(self, tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
                  memory_key_padding_mask=None):
        out = tgt
        for layer in self.layers:
            out = layer(out, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask)
        return out if self.norm is None else self.norm(out)


class Transformer(Cell):
    """Transformer(d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6,
    dim_feedforward=2048, dropout=0.1, activation='relu', custom_encoder=None,
    custom_decoder=None, layer_norm_eps=1e-5, batch_first=False, norm_first=False, dtype=float32):
    an encoder over src and a decoder over tgt and the encoder's output."""

    def __init__(self, d_model: int = 512, nhead: int = 8, num_encoder_layers: int = 6,
                 num_decoder_layers: int = 6, dim_feedforward: int = 2048, dropout: float = 0.1,
                 activation="relu", custom_encoder=None, custom_decoder=None, layer_norm_eps: float = 1e-5,
                 batch_first: bool = False, norm_first: bool = False, dtype=mdt.float32):
        super().__init__()
        layer_args = (d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first, norm_first,
                      dtype)
        self.encoder = custom_encoder if custom_encoder is not None else TransformerEncoder(
            TransformerEncoderLayer(*layer_args), num_encoder_layers,
            LayerNorm((d_model,), epsilon=layer_norm_eps, dtype=dtype))
        self.decoder = custom_decoder if custom_decoder is not None else TransformerDecoder(
            TransformerDecoderLayer(*layer_args), num_decoder_layers,
            LayerNorm((d_model,), epsilon=layer_norm_eps, dtype=dtype))
        self.d_model, self.nhead, self.batch_first = d_model, nhead, batch_first

    def construct(self, src, tgt, src_mask=None, tgt_mask=None, memory_mask=None, src_key_padding_mask=None,
                  tgt_key_padding_mask=None, memory_key_padding_mask=None):
        memory = self.encoder(src, src_mask, src_key_padding_mask)
        return self.decoder(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask)
