"""The Python frontend: Tensor and dtypes, tracing into the mind dialect, jit, and eager kernels."""
