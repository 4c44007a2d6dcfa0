"""Disk cache of model outputs, keyed by (model, rendered prompt, params, sample).

One JSON file per entry under `<cache_dir>/<key[:2]>/<key>.json`, written to
a temporary file and renamed into place, so a crash never leaves a half
entry. Only successful outputs are cached; failures are asked again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

CACHE_VERSION = 1


def cache_key(model: str, messages: Any, params: dict[str, Any], sample: int) -> str:
    blob = json.dumps(
        {"v": CACHE_VERSION, "model": model, "messages": messages, "params": params, "sample": sample},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(blob.encode()).hexdigest()


class DiskCache:
    def __init__(self, folder: str | Path, enabled: bool = True) -> None:
        self.folder = Path(folder)
        self.enabled = enabled
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        if not self.enabled:
            return None
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not isinstance(entry, dict) or entry.get("cache_version") != CACHE_VERSION:
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put(self, key: str, entry: dict[str, Any]) -> None:
        """Store an entry (write a temp file, fsync, rename); always, even with --no-cache."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"cache_version": CACHE_VERSION, **entry}, ensure_ascii=False, sort_keys=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
