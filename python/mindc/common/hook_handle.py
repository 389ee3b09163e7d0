"""HookHandle: what registering a hook on a Cell returns; `remove()` unregisters the hook."""
from __future__ import annotations

import itertools
import weakref

__all__ = ["HookHandle"]

_IDS = itertools.count()


class HookHandle:
    """A handle on one hook in a Cell's hook dict (and its entry in extra_dict, if any)."""

    def __init__(self, hook_dict: dict | None = None, *, extra_dict: dict | None = None):
        self.hook_dict_ref = weakref.ref(hook_dict) if hook_dict is not None else None
        self.extra_dict_ref = weakref.ref(extra_dict) if extra_dict is not None else None
        self.handle_id = next(_IDS)

    def remove(self) -> None:
        for ref in (self.hook_dict_ref, self.extra_dict_ref):
            table = ref() if ref is not None else None
            if table is not None:
                table.pop(self.handle_id, None)
