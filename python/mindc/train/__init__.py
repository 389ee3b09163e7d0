"""mindc.train: Model, callbacks, metrics and checkpoints (MindSpore's mindspore.train)."""
from mindc.train import callback, metrics, serialization
from mindc.train.callback import (Callback, CheckpointConfig, LossMonitor, ModelCheckpoint, ProgressBar, RunContext,
                                  TimeMonitor)
from mindc.train.metrics import (MAE, MSE, Accuracy, Loss, Metric, Top1CategoricalAccuracy, Top5CategoricalAccuracy,
                                 TopKCategoricalAccuracy, get_metric_fn, names)
from mindc.train.model import Model
from mindc.train.serialization import load_checkpoint, load_param_into_net, save_checkpoint

__all__ = ["Model", "Callback", "RunContext", "LossMonitor", "TimeMonitor", "ProgressBar", "CheckpointConfig",
           "ModelCheckpoint", "Metric", "Accuracy", "Loss", "MAE", "MSE", "TopKCategoricalAccuracy",
           "Top1CategoricalAccuracy", "Top5CategoricalAccuracy", "get_metric_fn", "names", "save_checkpoint",
           "load_checkpoint", "load_param_into_net", "callback", "metrics", "serialization"]
