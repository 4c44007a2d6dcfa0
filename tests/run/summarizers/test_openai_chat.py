"""The openai: code path against a real loopback HTTP server that misbehaves on purpose."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from fake_openai import FakeChatServer

from harness.errors import HarnessError
from harness.goldset.model import GoldSet
from harness.run.prompts import render
from harness.run.summarizers.base import Output, Request, RunOptions, SummaryFailed, parse_spec
from harness.run.summarizers.openai_chat import OpenAIChat, parse_target, retry_after_seconds


def ask(server: FakeChatServer, goldset: GoldSet, **opts: float) -> Output:
    options = RunOptions(
        timeout=opts.pop("timeout", 5.0),
        max_retries=int(opts.pop("max_retries", 2)),
        backoff_base=0.05,
        **opts,
    )  # type: ignore[arg-type]
    summ = OpenAIChat(parse_spec(f"openai:fake@{server.base_url}"), options)
    task = goldset.task_by_id["single-alpha"]
    request = Request(goldset=goldset, task=task, sample=0, prompt=render(task, goldset))

    async def go() -> Output:
        await summ.start()
        try:
            return await summ.summarize(request)
        finally:
            await summ.close()

    return asyncio.run(go())


def test_success_records_text_usage_and_sends_params(mini: GoldSet) -> None:
    with FakeChatServer() as server:
        out = ask(server, mini, temperature=0.3, seed=7, max_tokens=123)
    assert out.text.startswith("Chinese labs see a widening gap")
    assert out.usage and out.usage["prompt_tokens"] == 100
    body = server.log[0]["body"]
    assert (body["temperature"], body["seed"], body["max_tokens"], body["model"]) == (0.3, 7, 123, "fake")
    assert [m["role"] for m in body["messages"]] == ["system", "user"]


def test_429_waits_what_retry_after_asks_then_succeeds(mini: GoldSet) -> None:
    with FakeChatServer(script=[("429", 1)]) as server:
        out = ask(server, mini)
    assert out.attempts == 2 and server.posts == 2
    assert server.log[1]["t"] - server.log[0]["t"] >= 0.95


def test_5xx_is_retried_then_fails_with_the_last_error(mini: GoldSet) -> None:
    with FakeChatServer(script=["500", "500", "500", "ok"]) as server, pytest.raises(SummaryFailed) as err:
        ask(server, mini, max_retries=2)
    assert server.posts == 3
    assert "HTTP 500" in str(err.value) and "after 3 attempts" in str(err.value)
    assert err.value.attempts == 3


def test_hang_past_timeout_is_retried(mini: GoldSet) -> None:
    with FakeChatServer(script=["hang"], hang_seconds=3) as server:
        t0 = time.monotonic()
        out = ask(server, mini, timeout=0.5)
    assert out.attempts == 2 and server.posts == 2
    assert time.monotonic() - t0 < 2.5


def test_malformed_body_fails_without_retry(mini: GoldSet) -> None:
    with FakeChatServer(script=["malformed"]) as server, pytest.raises(SummaryFailed, match="malformed"):
        ask(server, mini)
    assert server.posts == 1


def test_connection_refused_is_retried_then_fails(mini: GoldSet) -> None:
    server = FakeChatServer()  # bound but never serving: connections hang, then time out
    url = server.base_url
    server.httpd.server_close()  # now nothing listens on the port
    options = RunOptions(timeout=1, max_retries=1, backoff_base=0.01)
    summ = OpenAIChat(parse_spec(f"openai:fake@{url}"), options)
    task = mini.task_by_id["single-alpha"]

    async def go() -> None:
        await summ.start()
        try:
            await summ.summarize(Request(goldset=mini, task=task, sample=0, prompt=render(task, mini)))
        finally:
            await summ.close()

    with pytest.raises(SummaryFailed, match="connection error"):
        asyncio.run(go())
    assert summ.requests == 2


def test_retry_after_forms() -> None:
    assert retry_after_seconds({"retry-after": "3"}) == 3
    assert retry_after_seconds({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    date = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 < (retry_after_seconds({"retry-after": date}) or 0) <= 30
    assert retry_after_seconds({"retry-after": "soon"}) is None
    assert retry_after_seconds({}) is None


def test_spec_parsing_and_key(monkeypatch: pytest.MonkeyPatch) -> None:
    assert parse_target("gpt-4o-mini", "x") == ("gpt-4o-mini", None)
    assert parse_target("llama3@http://127.0.0.1:8080/v1/", "x") == ("llama3", "http://127.0.0.1:8080/v1")
    with pytest.raises(HarnessError, match="http"):
        parse_target("llama3@localhost:8080", "x")
    monkeypatch.delenv("MY_KEY", raising=False)
    with pytest.raises(HarnessError, match="set MY_KEY"):
        OpenAIChat(parse_spec("openai:gpt-4o-mini"), RunOptions(api_key_env="MY_KEY"))
    monkeypatch.setenv("MY_KEY", "sk-test")
    summ = OpenAIChat(parse_spec("openai:gpt-4o-mini"), RunOptions(api_key_env="MY_KEY", seed=3))
    assert summ.params() == {"model": "gpt-4o-mini", "temperature": 0.0, "seed": 3, "max_tokens": 400}
