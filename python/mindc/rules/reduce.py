"""Rules for reduce ops (being written)."""
