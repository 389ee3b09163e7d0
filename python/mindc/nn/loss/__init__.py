"""MindSpore's nn losses (LossBase and the losses built on the functional ones in mindc.ops.loss)."""
from mindc.nn.loss import loss
from mindc.nn.loss.loss import *  # noqa: F401,F403

__all__ = [*loss.__all__]
