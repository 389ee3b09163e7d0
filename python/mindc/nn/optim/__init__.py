"""mindc.nn.optim: MindSpore's optimizers (Optimizer, SGD, Momentum, Adam, AdamWeightDecay, RMSProp, Adagrad)."""
from mindc.nn.optim.adam import Adam, AdamWeightDecay
from mindc.nn.optim.adaptive import Adagrad, RMSProp
from mindc.nn.optim.momentum import Momentum
from mindc.nn.optim.optimizer import Optimizer
from mindc.nn.optim.sgd import SGD

__all__ = ["Optimizer", "SGD", "Momentum", "Adam", "AdamWeightDecay", "RMSProp", "Adagrad"]
