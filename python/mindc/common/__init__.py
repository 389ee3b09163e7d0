"""mindc.common: initializers and the global seed."""
