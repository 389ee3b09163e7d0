"""MindSpore's nn losses: LossBase, SoftmaxCrossEntropyWithLogits, CrossEntropyLoss, MSELoss, L1Loss."""
from mindc.nn.loss import loss
from mindc.nn.loss.loss import *  # noqa: F401,F403

__all__ = [*loss.__all__]
