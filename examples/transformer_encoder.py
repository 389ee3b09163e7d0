"""Train a small Transformer encoder layer with mindc on a synthetic task that needs attention.

Each sequence of tokens is labelled 1 if its first token occurs again later in the sequence,
else 0: a token has to look at the others, which mean-pooled embeddings alone cannot do. The
model (token and position embeddings, one post-norm encoder layer with multi-head self-attention,
GELU feed-forward and dropout, mean pooling, a classifier) is MindSpore code; the training step
is nn.TrainOneStepCell with Adam, compiled into one native function and called from a
plain Python loop.

    python examples/transformer_encoder.py [--epochs N]
"""
from __future__ import annotations

import argparse
import math
import time

import numpy as np

import mindc
from mindc import dataset as ds
from mindc import nn, ops
from mindc.common.initializer import Normal, initializer


class EncoderLayer(nn.Cell):
    """Post-norm Transformer encoder layer: x + attention, LayerNorm, x + feed-forward, LayerNorm."""

    def __init__(self, d_model: int, heads: int, d_ff: int, dropout: float):
        super().__init__()
        self.heads, self.d_head = heads, d_model // heads
        self.query = nn.Dense(d_model, d_model)
        self.key = nn.Dense(d_model, d_model)
        self.value = nn.Dense(d_model, d_model)
        self.out = nn.Dense(d_model, d_model)
        self.softmax = nn.Softmax(axis=-1)
        self.norm1 = nn.LayerNorm((d_model,))
        self.norm2 = nn.LayerNorm((d_model,))
        self.ff1 = nn.Dense(d_model, d_ff)
        self.act = nn.GELU()
        self.ff2 = nn.Dense(d_ff, d_model)
        self.dropout = nn.Dropout(p=dropout)

    def split_heads(self, y, batch, length):
        """(batch*length, d_model) -> (batch*heads, length, d_head)."""
        y = y.reshape(batch, length, self.heads, self.d_head).transpose(0, 2, 1, 3)
        return y.reshape(batch * self.heads, length, self.d_head)

    def construct(self, x):
        batch, length, d_model = x.shape
        rows = x.reshape(batch * length, d_model)
        q = self.split_heads(self.query(rows), batch, length)
        k = self.split_heads(self.key(rows), batch, length)
        v = self.split_heads(self.value(rows), batch, length)
        attention = self.softmax(ops.bmm(q, k.transpose(0, 2, 1)) / math.sqrt(self.d_head))
        context = ops.bmm(attention, v).reshape(batch, self.heads, length, self.d_head)
        context = context.transpose(0, 2, 1, 3).reshape(batch * length, d_model)
        rows = self.norm1(rows + self.dropout(self.out(context)))
        rows = self.norm2(rows + self.dropout(self.ff2(self.act(self.ff1(rows)))))
        return rows.reshape(batch, length, d_model)


class Classifier(nn.Cell):
    def __init__(self, vocab: int, length: int, d_model: int = 32, heads: int = 4, d_ff: int = 64,
                 dropout: float = 0.1):
        super().__init__()
        self.embedding = nn.Embedding(vocab, d_model, embedding_table=Normal(1.0))
        self.position = mindc.Parameter(initializer("normal", (length, d_model)), name="position")
        self.encoder = EncoderLayer(d_model, heads, d_ff, dropout)
        self.head = nn.Dense(d_model, 2)

    def construct(self, tokens):
        x = self.encoder(self.embedding(tokens) + self.position)
        # Read the answer at the first position: its query has to find its own token among the keys.
        return self.head(x[:, 0])


def make_task(count: int, vocab: int, length: int, rng):
    """Token sequences, half of them with their first token repeated at a random later place."""
    tokens = np.empty((count, length), np.int32)
    labels = rng.integers(0, 2, count).astype(np.int32)
    for i in range(count):
        first = rng.integers(vocab)
        others = rng.choice([t for t in range(vocab) if t != first], size=length - 1)
        if labels[i]:
            others[rng.integers(length - 1)] = first
        tokens[i] = [first, *others]
    return tokens, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    vocab, length = 12, 10
    mindc.set_context(mode=mindc.GRAPH_MODE)   # each training step compiled as one graph
    mindc.set_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    x_train, y_train = make_task(4096, vocab, length, rng)
    x_test, y_test = make_task(1024, vocab, length, rng)
    train = ds.NumpySlicesDataset({"tokens": x_train, "label": y_train}, shuffle=True)
    train = train.batch(args.batch, drop_remainder=True)

    net = Classifier(vocab, length)
    loss = nn.CrossEntropyLoss()
    optimizer = nn.Adam(net.trainable_params(), learning_rate=args.lr)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss), optimizer)
    step.set_train()

    start = time.perf_counter()
    for epoch in range(args.epochs):
        losses = [float(step(tokens, label).asnumpy()) for tokens, label in train.create_tuple_iterator()]
        print(f"epoch {epoch + 1}: mean loss {np.mean(losses):.4f}")
    seconds = time.perf_counter() - start

    net.set_train(False)
    predicted = net(mindc.Tensor(x_test)).asnumpy().argmax(axis=1)
    accuracy = np.mean(predicted == y_test)
    print(f"trained {args.epochs} epochs in {seconds:.2f} s (compile included, "
          f"{step.compile_cache_info().misses} compiled step); test accuracy {100 * accuracy:.1f}% "
          f"on {len(x_test)} held-out sequences")


if __name__ == "__main__":
    main()
