"""mindc.nn.wrap: cells that wrap a network for training and evaluation."""
from mindc.nn.wrap.cell_wrapper import ForwardValueAndGrad, TrainOneStepCell, WithEvalCell, WithLossCell

__all__ = ["WithLossCell", "WithEvalCell", "TrainOneStepCell", "ForwardValueAndGrad"]
