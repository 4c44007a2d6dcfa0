"""The disk cache: keyed by model, rendered prompt, params and sample."""

from __future__ import annotations

from pathlib import Path

from harness.run.cache import DiskCache, cache_key

MSGS = [{"role": "user", "content": "Summarise."}]


def test_key_depends_on_every_part() -> None:
    base = cache_key("openai:m", MSGS, {"temperature": 0}, 0)
    assert base == cache_key("openai:m", [dict(m) for m in MSGS], {"temperature": 0}, 0)
    assert base != cache_key("openai:n", MSGS, {"temperature": 0}, 0)
    assert base != cache_key("openai:m", [{"role": "user", "content": "Summarise!"}], {"temperature": 0}, 0)
    assert base != cache_key("openai:m", MSGS, {"temperature": 0.7}, 0)
    assert base != cache_key("openai:m", MSGS, {"temperature": 0}, 1)


def test_roundtrip_and_disabled(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    key = cache_key("m", MSGS, {}, 0)
    assert cache.get(key) is None
    cache.put(key, {"text": "hello", "usage": None})
    assert cache.get(key)["text"] == "hello"  # type: ignore[index]
    assert (cache.hits, cache.misses) == (1, 1)
    assert not list(tmp_path.rglob(".tmp-*"))
    assert DiskCache(tmp_path, enabled=False).get(key) is None
    (tmp_path / key[:2] / f"{key}.json").write_text("{torn")
    assert cache.get(key) is None
