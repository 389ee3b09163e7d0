"""Rules for nn ops (being written)."""
