"""Reverse-mode automatic differentiation of functions of mind ops (the mind-autodiff pass)."""
