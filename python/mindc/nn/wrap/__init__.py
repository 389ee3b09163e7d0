"""mindc.nn.wrap: cells that wrap a network for training and evaluation."""
from mindc.nn.wrap.cell_wrapper import ForwardValueAndGrad, TrainOneStepCell, WithEvalCell, WithLossCell
from mindc.nn.wrap.grad_reducer import DistributedGradReducer

__all__ = ["WithLossCell", "WithEvalCell", "TrainOneStepCell", "ForwardValueAndGrad", "DistributedGradReducer"]
