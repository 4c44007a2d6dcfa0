"""`openai:<model>[@<base_url>]`: any OpenAI-compatible chat-completions endpoint.

The key comes from an environment variable (`OPENAI_API_KEY`, or the one
`api_key_env` names); a `@base_url` endpoint (vLLM, Ollama, llama.cpp
server) works without one. Requests go through the async client with the
client's own retries off: this module retries 429, 5xx, timeouts and
connection errors itself, with exponential backoff and full jitter, and
waits what a `Retry-After` (or `retry-after-ms`) header asks (capped). Other
4xx answers and malformed bodies fail at once. The `openai` package is
imported only when the summarizer starts.
"""

from __future__ import annotations

import asyncio
import email.utils
import os
import random
import re
import time
from typing import Any

from harness.errors import HarnessError
from harness.run.summarizers.base import ModelSpec, Output, Request, RunOptions, Summarizer, SummaryFailed

_BASE_URL = re.compile(r"@(?=https?://)")


def parse_target(arg: str, location: str) -> tuple[str, str | None]:
    """(model, base_url) from `model[@base_url]`."""
    parts = _BASE_URL.split(arg, maxsplit=1)
    model = parts[0].strip()
    base_url = parts[1].strip().rstrip("/") if len(parts) > 1 else None
    if not model:
        raise HarnessError(location, "no model name before '@' (expected openai:MODEL[@BASE_URL])")
    if "@" in model and base_url is None:
        raise HarnessError(location, "base URL after '@' must start with http:// or https://")
    return model, base_url


def retry_after_seconds(headers: Any) -> float | None:
    """Seconds a `retry-after-ms` / `Retry-After` header (seconds or HTTP date) asks to wait."""
    if headers is None:
        return None
    value = headers.get("retry-after-ms")
    if value is not None:
        try:
            return max(0.0, float(value) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class OpenAIChat(Summarizer):
    uses_prompt = True
    cacheable = True
    deterministic = False

    def __init__(
        self,
        spec: ModelSpec,
        options: RunOptions,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
    ) -> None:
        super().__init__(spec, options)
        location = f"--model {spec.raw!r}"
        if model is None:
            model, base_url = parse_target(spec.arg, location)
        self.model = model
        self.base_url = base_url
        if api_key is None:
            api_key = os.environ.get(options.api_key_env) or None
            if api_key is None:
                if base_url is None:
                    raise HarnessError(
                        location,
                        f"no API key: set {options.api_key_env} (or name an endpoint: openai:MODEL@http://host/v1)",
                    )
                api_key = "none"  # local OpenAI-compatible servers do not check it
        self._api_key = api_key
        self._client: Any = None
        self.requests = 0  # HTTP attempts made, for the manifest

    @property
    def concurrency(self) -> int:
        return self.options.concurrency

    def params(self) -> dict[str, Any]:
        p: dict[str, Any] = {
            "model": self.model,
            "temperature": self.options.temperature,
            "seed": self.options.seed,
            "max_tokens": self.options.max_tokens,
        }
        if self.base_url:
            p["base_url"] = self.base_url
        return p

    async def start(self) -> None:
        import openai  # lazy: the CLI starts fast

        self._openai = openai
        self._client = openai.AsyncOpenAI(
            api_key=self._api_key, base_url=self.base_url, max_retries=0, timeout=self.options.timeout
        )

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None

    def _backoff(self, attempt: int) -> float:
        return random.uniform(0, self.options.backoff_base * 2**attempt)

    async def summarize(self, request: Request) -> Output:
        assert request.prompt is not None
        openai = self._openai
        kwargs: dict[str, Any] = {
            "model": self.model,
            "messages": list(request.prompt.messages),
            "temperature": self.options.temperature,
            "max_tokens": self.options.max_tokens,
        }
        if self.options.seed is not None:
            kwargs["seed"] = self.options.seed + request.sample
        attempts_allowed = self.options.max_retries + 1
        last = ""
        for attempt in range(attempts_allowed):
            self.requests += 1
            delay: float | None = None
            try:
                response = await self._client.chat.completions.create(**kwargs)
            except openai.APIStatusError as exc:
                status = exc.status_code
                last = f"HTTP {status}: {_short(exc.message)}"
                if status != 429 and status < 500:
                    raise SummaryFailed(last, attempts=attempt + 1) from None
                delay = retry_after_seconds(getattr(exc.response, "headers", None))
            except openai.APITimeoutError:
                last = f"timed out after {self.options.timeout:g}s"
            except openai.APIConnectionError as exc:
                last = f"connection error: {_short(str(exc.__cause__ or exc))}"
            except openai.APIResponseValidationError as exc:
                raise SummaryFailed(f"malformed response: {_short(str(exc))}", attempts=attempt + 1) from None
            else:
                return self._output(response, attempt + 1)
            if attempt + 1 >= attempts_allowed:
                break
            if delay is None:
                delay = self._backoff(attempt)
            await asyncio.sleep(min(delay, self.options.max_retry_after))
        raise SummaryFailed(f"{last} (after {attempts_allowed} attempts)", attempts=attempts_allowed)

    def _output(self, response: Any, attempts: int) -> Output:
        try:
            choice = response.choices[0]
            text = choice.message.content
        except (AttributeError, IndexError, TypeError):
            raise SummaryFailed(
                f"malformed response: no choices[0].message.content in {_short(repr(response))}", attempts
            ) from None
        if not isinstance(text, str):
            raise SummaryFailed("malformed response: message content is not text", attempts)
        usage = None
        u = getattr(response, "usage", None)
        if u is not None:
            usage = {
                k: int(v)
                for k in ("prompt_tokens", "completion_tokens", "total_tokens")
                if isinstance(v := getattr(u, k, None), int)
            }
        info = {"finish_reason": getattr(choice, "finish_reason", None)}
        return Output(text=text.strip(), usage=usage, attempts=attempts, info=info)


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def factory(spec: ModelSpec, options: RunOptions) -> Summarizer:
    return OpenAIChat(spec, options)
