"""Source conversion for graph mode (being written): returns fn unchanged for now."""


def convert(fn):
    return fn
