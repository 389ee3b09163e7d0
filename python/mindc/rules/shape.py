"""Rules for shape ops (being written)."""
