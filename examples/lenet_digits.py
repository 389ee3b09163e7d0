"""Train LeNet5 on scikit-learn's digits (upsampled to 32x32) with mindc, as MindSpore code.

The network is MindSpore's model-zoo LeNet5 (two valid 5x5 convolutions with max pooling, three
dense layers). Model.train compiles the training step — convolutions, their gradients
(conv2d_backprop_input/filter, max_pool_grad) and the Momentum update — into one function.

    python examples/lenet_digits.py [--epochs N]
"""
from __future__ import annotations

import argparse
import time

from digits_data import batches, splits

import mindc
from mindc import nn
from mindc.common.initializer import Normal
from mindc.train import LossMonitor, Model


class LeNet5(nn.Cell):
    """MindSpore's LeNet5 (models/official/cv/lenet)."""

    def __init__(self, num_class: int = 10, num_channel: int = 1):
        super().__init__()
        self.conv1 = nn.Conv2d(num_channel, 6, 5, pad_mode="valid")
        self.conv2 = nn.Conv2d(6, 16, 5, pad_mode="valid")
        self.fc1 = nn.Dense(16 * 5 * 5, 120, weight_init=Normal(0.02))
        self.fc2 = nn.Dense(120, 84, weight_init=Normal(0.02))
        self.fc3 = nn.Dense(84, num_class, weight_init=Normal(0.02))
        self.relu = nn.ReLU()
        self.max_pool2d = nn.MaxPool2d(kernel_size=2, stride=2)
        self.flatten = nn.Flatten()

    def construct(self, x):
        x = self.max_pool2d(self.relu(self.conv1(x)))
        x = self.max_pool2d(self.relu(self.conv2(x)))
        x = self.flatten(x)
        x = self.relu(self.fc1(x))
        x = self.relu(self.fc2(x))
        return self.fc3(x)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=0.02)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    mindc.set_context(mode=mindc.GRAPH_MODE)   # each training step compiled as one graph
    mindc.set_seed(args.seed)
    (x_train, y_train), (x_test, y_test) = splits(args.seed, image_size=32, flat=False)
    train = batches(x_train, y_train, args.batch, shuffle=True)
    test = batches(x_test, y_test, len(x_test), shuffle=False)

    net = LeNet5()
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    optimizer = nn.Momentum(net.trainable_params(), learning_rate=args.lr, momentum=0.9)
    model = Model(net, loss, optimizer, metrics={"accuracy"})

    start = time.perf_counter()
    model.train(args.epochs, train, callbacks=[LossMonitor(per_print_times=train.get_dataset_size())])
    seconds = time.perf_counter() - start
    accuracy = model.eval(test)["accuracy"]
    print(f"trained {args.epochs} epochs in {seconds:.2f} s (compile included); "
          f"test accuracy {100 * accuracy:.1f}% on {len(x_test)} held-out digits")


if __name__ == "__main__":
    main()
