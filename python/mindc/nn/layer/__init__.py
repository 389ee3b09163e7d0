"""MindSpore's nn layers: Dense, convolutions, pooling, normalization, activations, Dropout, Embedding,
attention and Transformer layers."""
from mindc.nn.layer import activation, basic, conv, embedding, normalization, pooling, transformer
from mindc.nn.layer.activation import *  # noqa: F401,F403
from mindc.nn.layer.basic import *  # noqa: F401,F403
from mindc.nn.layer.conv import *  # noqa: F401,F403
from mindc.nn.layer.embedding import *  # noqa: F401,F403
from mindc.nn.layer.normalization import *  # noqa: F401,F403
from mindc.nn.layer.pooling import *  # noqa: F401,F403
from mindc.nn.layer.transformer import *  # noqa: F401,F403

__all__ = [*activation.__all__, *basic.__all__, *conv.__all__, *pooling.__all__, *normalization.__all__,
           *embedding.__all__, *transformer.__all__]
