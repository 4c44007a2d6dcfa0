"""A real HTTP server on loopback speaking OpenAI chat-completions JSON, misbehaving on purpose.

Standard library only (ThreadingHTTPServer in a thread). Each request takes
the next behaviour from `script` (then `default`):
  "ok"            200 with a completion (the first words of the first article)
  ("429", secs)   429 with Retry-After: secs
  "500"           500 with an error body
  "hang"          sleeps `hang_seconds` before answering (past the client's timeout)
  "malformed"     200 with a body that is not a completion
Every request is logged with its arrival time, so tests count requests.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_FIRST_ARTICLE = re.compile(r"<<<ARTICLE [^\n]*>>>\n(.*?)\n<<<END ARTICLE", re.S)


class FakeChatServer:
    def __init__(
        self,
        script: list[Any] | None = None,
        default: Any = "ok",
        latency: float = 0.0,
        hang_seconds: float = 5.0,
        words: int = 40,
    ) -> None:
        self.script = list(script or [])
        self.default = default
        self.latency = latency
        self.hang_seconds = hang_seconds
        self.words = words
        self.log: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._send(200, {"object": "list", "data": [{"id": "fake", "object": "model"}]})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                with server.lock:
                    behaviour = server.script.pop(0) if server.script else server.default
                    server.log.append({"t": time.monotonic(), "behaviour": behaviour, "body": body})
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    self._answer(behaviour, body)
                finally:
                    with server.lock:
                        server.in_flight -= 1

            def _answer(self, behaviour: Any, body: dict[str, Any]) -> None:
                if server.latency:
                    time.sleep(server.latency)
                if isinstance(behaviour, tuple) and behaviour[0] == "429":
                    self._send(
                        429,
                        {"error": {"message": "rate limited", "type": "rate_limit"}},
                        {"Retry-After": str(behaviour[1])},
                    )
                elif behaviour == "500":
                    self._send(500, {"error": {"message": "internal error", "type": "server_error"}})
                elif behaviour == "hang":
                    time.sleep(server.hang_seconds)
                    self._send(200, completion("too late", body))
                elif behaviour == "malformed":
                    self._send_raw(200, b"<html>this is not JSON", "text/html")
                else:
                    self._send(200, completion(server.reply(body), body))

            def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
                self._send_raw(status, json.dumps(payload).encode(), "application/json", headers)

            def _send_raw(
                self, status: int, data: bytes, ctype: str, headers: dict[str, str] | None = None
            ) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def reply(self, body: dict[str, Any]) -> str:
        user = body["messages"][-1]["content"]
        m = _FIRST_ARTICLE.search(user)
        text = m.group(1) if m else "No article."
        return " ".join(text.split()[: self.words])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    @property
    def posts(self) -> int:
        return len(self.log)

    def __enter__(self) -> FakeChatServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def completion(text: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": body.get("model", "fake"),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {
            "prompt_tokens": 100,
            "completion_tokens": len(text.split()),
            "total_tokens": 100 + len(text.split()),
        },
    }
