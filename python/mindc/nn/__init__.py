"""mindc.nn: MindSpore's `mindspore.nn` — Cell, layers, losses, optimizers and training wrappers."""
from mindc.nn import layer, loss, optim, wrap
from mindc.nn.cell import Cell
from mindc.nn.container import CellDict, CellList, SequentialCell
from mindc.nn.layer import *  # noqa: F401,F403
from mindc.nn.loss import *  # noqa: F401,F403
from mindc.nn.optim import *  # noqa: F401,F403
from mindc.nn.wrap import *  # noqa: F401,F403

__all__ = ["Cell", "SequentialCell", "CellList", "CellDict", *layer.__all__, *loss.__all__, *optim.__all__, *wrap.__all__]
