"""The run: summaries for every (model, task, sample), scored, aggregated, written.

Order of work, per model in turn:
1. items already in `summaries.jsonl` without an error are kept (resume);
2. items whose output is in the disk cache are recorded without a request;
3. only if anything is left does the summarizer start (a local server is
   launched only then), and the rest are asked for, up to its concurrency
   limit in flight; each finished summary (or its error, after retries) is
   appended and fsynced as soon as it is there.
Then every summary is scored, and findings.jsonl, scorecards/, leaderboard.md
and manifest.json are written.
"""

from __future__ import annotations

import asyncio
import dataclasses
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from harness import __version__
from harness.errors import HarnessError
from harness.findings import SummaryResult
from harness.goldset.load import load_goldset
from harness.goldset.model import GoldSet, Task
from harness.run import prompts
from harness.run.cache import DiskCache, cache_key
from harness.run.leaderboard import render_leaderboard
from harness.run.manifest import Counts, GoldSetRef, Manifest, ModelEntry, read_manifest, write_manifest
from harness.run.records import (
    FindingsRecord,
    JsonlAppender,
    SummaryRecord,
    Usage,
    dump_line,
    latest,
    read_summaries,
    write_atomic,
)
from harness.run.scorecard import Scorecard, build_scorecard, write_scorecard
from harness.run.summarizers import registry
from harness.run.summarizers.base import (
    ModelSpec,
    Request,
    RunOptions,
    Summarizer,
    SummarizerUnavailable,
    SummaryFailed,
    parse_spec,
)

SUMMARIES = "summaries.jsonl"
FINDINGS = "findings.jsonl"
MANIFEST = "manifest.json"
LEADERBOARD = "leaderboard.md"
SCORECARDS = "scorecards"

Item = tuple[str, str, int]  # (model spec, task id, sample)


class Scorer(Protocol):
    def __call__(
        self, text: str, goldset: GoldSet, task: str | None = None, path: str = "-"
    ) -> SummaryResult: ...


@dataclass
class RunSettings:
    goldset: Path
    models: list[str]
    tasks: list[str] = field(default_factory=list)  # empty: all tasks
    samples: int = 1
    run_dir: Path | None = None  # exact folder: resume it if it holds a run
    results_root: Path = Path("results")
    options: RunOptions = field(default_factory=RunOptions)
    cache_dir: Path = Path(".harness-cache")
    use_cache: bool = True
    progress: bool = True
    prompts_dir: Path = prompts.PROMPTS_DIR


@dataclass
class RunOutcome:
    run_dir: Path
    manifest: Manifest
    scorecards: list[Scorecard]
    skipped: dict[str, str]
    results: list[tuple[str, SummaryResult]]


def default_scorer() -> Scorer:
    from harness.scorers import check

    scorer: Scorer = check
    return scorer


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_run_dir(root: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path, n = root / stamp, 1
    while path.exists():
        n += 1
        path = root / f"{stamp}-{n}"
    return path


def select_tasks(goldset: GoldSet, wanted: list[str]) -> list[Task]:
    if not goldset.tasks:
        raise HarnessError(f"{goldset.id}: tasks", "the gold set defines no tasks to summarise")
    if not wanted:
        return list(goldset.tasks)
    out = []
    for tid in dict.fromkeys(wanted):
        if tid not in goldset.task_by_id:
            known = ", ".join(t.id for t in goldset.tasks)
            raise HarnessError(f"--task {tid!r}", f"unknown task (gold set {goldset.id} has: {known})")
        out.append(goldset.task_by_id[tid])
    return out


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class _Progress:
    """tqdm over all summaries, with failures counted in the postfix."""

    def __init__(self, total: int, done: int, failures: int, enabled: bool) -> None:
        self.failures = failures
        self.bar: Any = None
        self.model = ""
        if enabled:
            from tqdm import tqdm

            # disable=None: drawn on a terminal, silent when stderr is a file or pipe
            self.bar = tqdm(
                total=total, initial=done, unit="summary", desc="summaries", file=sys.stderr, disable=None
            )
            self.bar.set_postfix(failures=failures)

    def step(self, failed: bool, model: str) -> None:
        if failed:
            self.failures += 1
        if self.bar is not None:
            if model != self.model:
                self.model = model
                self.bar.set_description(model[:32], refresh=False)
            self.bar.set_postfix(failures=self.failures, refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class Runner:
    def __init__(
        self, settings: RunSettings, scorer: Scorer | None = None, log: Callable[[str], None] = _log
    ):
        self.settings = settings
        self.scorer = scorer
        self.log = log

    # -- set-up -------------------------------------------------------------
    def prepare(self) -> None:
        s = self.settings
        self.cache = DiskCache(s.cache_dir, enabled=s.use_cache)
        self.goldset = load_goldset(s.goldset)
        self.tasks = select_tasks(self.goldset, s.tasks)
        if not s.models:
            raise HarnessError("--model", "no models to run")
        specs = list(dict.fromkeys(parse_spec(m) for m in s.models))
        self.run_dir, previous = self._run_dir()
        self.started = previous.started_at if previous else now_iso()
        self.run_id = self.run_dir.name
        options = s.options
        if options.log_dir is None:
            options = dataclasses.replace(options, log_dir=str(self.run_dir))
        self.summarizers: list[Summarizer] = [registry.create(spec, options) for spec in specs]
        self.skipped: dict[str, str] = {}
        for summ in self.summarizers:
            summ.prepare(self.goldset)
        self.prompts: dict[str, prompts.RenderedPrompt] = {}
        if any(summ.uses_prompt for summ in self.summarizers):
            self.prompts = {t.id: prompts.render(t, self.goldset, s.prompts_dir) for t in self.tasks}
        self.items: dict[str, list[tuple[Task, int]]] = {
            summ.name: [(t, i) for t in self.tasks for i in range(summ.samples_for(t, s.samples))]
            for summ in self.summarizers
        }

    def _run_dir(self) -> tuple[Path, Manifest | None]:
        s = self.settings
        if s.run_dir is None:
            return new_run_dir(s.results_root), None
        path = s.run_dir
        if (path / MANIFEST).exists():
            previous = read_manifest(path / MANIFEST)
            if previous.goldset.content_hash != self.goldset.content_hash:
                raise HarnessError(
                    str(path / MANIFEST),
                    f"run was made with gold set {previous.goldset.id} hash "
                    f"{previous.goldset.content_hash[:12]}, the gold set now hashes "
                    f"{self.goldset.content_hash[:12]}: start a new run (another --out)",
                )
            return path, previous
        if path.exists() and any(path.iterdir()):
            raise HarnessError(str(path), "folder is not empty and holds no run (no manifest.json)")
        return path, None

    # -- the run ------------------------------------------------------------
    def run(self) -> RunOutcome:
        self.prepare()
        t0 = time.monotonic()
        self.run_dir.mkdir(parents=True, exist_ok=True)
        existing = read_summaries(self.run_dir / SUMMARIES, repair=True)
        self.done = {item: rec for item, rec in latest(existing).items() if rec.error is None}
        self.entries = {
            summ.name: ModelEntry(spec=summ.name, kind=summ.spec.kind, params=summ.params())
            for summ in self.summarizers
        }
        in_scope = self._in_scope(self.done)
        manifest = self._manifest("running", resumed=len(in_scope))
        write_manifest(manifest, self.run_dir / MANIFEST)
        if in_scope:
            self.log(f"resuming {self.run_dir}: {len(in_scope)} summaries already done")
        try:
            asyncio.run(self._generate())
        except KeyboardInterrupt:
            manifest = self._manifest("interrupted", resumed=len(in_scope), wall=time.monotonic() - t0)
            write_manifest(manifest, self.run_dir / MANIFEST)
            self.log(f"interrupted: resume with  harness run --resume {self.run_dir}")
            raise
        cards, results = self._score()
        manifest = self._manifest("complete", resumed=len(in_scope), wall=time.monotonic() - t0)
        write_manifest(manifest, self.run_dir / MANIFEST)
        return RunOutcome(self.run_dir, manifest, cards, dict(self.skipped), results)

    def _in_scope(self, records: dict[Item, SummaryRecord]) -> dict[Item, SummaryRecord]:
        wanted = {(name, t.id, i) for name, items in self.items.items() for t, i in items}
        return {item: rec for item, rec in records.items() if item in wanted}

    def _manifest(self, status: str, resumed: int, wall: float | None = None) -> Manifest:
        s = self.settings
        records = self._in_scope(latest(read_summaries(self.run_dir / SUMMARIES)))
        return Manifest(
            run_id=self.run_id,
            harness_version=__version__,
            status=status,  # type: ignore[arg-type]
            goldset=GoldSetRef(
                id=self.goldset.id, path=str(s.goldset), content_hash=self.goldset.content_hash
            ),
            tasks=[t.id for t in self.tasks],
            models=list(self.entries.values()),
            samples=s.samples,
            settings={
                "cache": s.use_cache,
                "cache_dir": str(s.cache_dir),
                "concurrency": s.options.concurrency,
                "timeout": s.options.timeout,
                "max_retries": s.options.max_retries,
                "prompts": sorted({p.template_id for p in self.prompts.values()}),
            },
            started_at=self.started,
            finished_at=now_iso() if status != "running" else None,
            wall_seconds=round(wall, 3) if wall is not None else None,
            counts=Counts(
                summaries=len(records),
                failures=sum(r.error is not None for r in records.values()),
                cache_hits=self.cache.hits,
                resumed=resumed,
            ),
            platform={"python": platform.python_version(), "system": platform.system()},
        )

    async def _generate(self) -> None:
        total = sum(len(v) for v in self.items.values())
        in_scope = self._in_scope(self.done)
        progress = _Progress(total, len(in_scope), 0, self.settings.progress)
        appender = JsonlAppender(self.run_dir / SUMMARIES)
        try:
            for summ in self.summarizers:
                await self._run_model(summ, appender, progress)
        finally:
            appender.close()
            progress.close()

    def _record(self, summ: Summarizer, task: Task, sample: int, **fields: Any) -> SummaryRecord:
        prompt = self.prompts.get(task.id) if summ.uses_prompt else None
        return SummaryRecord(
            model=summ.name,
            task=task.id,
            sample=sample,
            prompt_template=prompt.template_id if prompt else None,
            prompt_hash=prompt.hash if prompt else None,
            params=summ.params(),
            **fields,
        )

    def _key(self, summ: Summarizer, task: Task, sample: int) -> str:
        prompt = self.prompts[task.id]
        return cache_key(summ.name, list(prompt.messages), summ.params(), sample)

    async def _run_model(self, summ: Summarizer, appender: JsonlAppender, progress: _Progress) -> None:
        entry = self.entries[summ.name]
        todo = []
        for task, sample in self.items[summ.name]:
            if (summ.name, task.id, sample) in self.done:
                continue
            if summ.cacheable:
                hit = self.cache.get(self._key(summ, task, sample))
                if hit is not None:
                    rec = self._record(
                        summ, task, sample, text=hit["text"], latency_s=hit.get("latency_s"),
                        usage=Usage(**hit["usage"]) if hit.get("usage") else None,
                        attempts=0, cached=True, info=hit.get("info") or {},
                    )  # fmt: skip
                    appender.append(rec)
                    progress.step(False, summ.name)
                    continue
            todo.append((task, sample))
        if not todo:
            entry.status = "done"
            return
        try:
            await summ.start()
        except SummarizerUnavailable as exc:
            self.log(f"skipping {summ.name}: {exc}")
            entry.status, entry.reason = "skipped", str(exc)
            self.skipped[summ.name] = str(exc)
            await summ.close()
            return
        try:
            limit = asyncio.Semaphore(max(1, summ.concurrency))

            async def one(task: Task, sample: int) -> None:
                async with limit:
                    rec = await self._produce(summ, task, sample)
                appender.append(rec)  # on disk before this slot asks for the next one
                progress.step(rec.error is not None, summ.name)

            await asyncio.gather(*(one(t, i) for t, i in todo))
            entry.status = "done"
        finally:
            entry.requests = int(getattr(summ, "requests", 0))
            await summ.close()

    async def _produce(self, summ: Summarizer, task: Task, sample: int) -> SummaryRecord:
        prompt = self.prompts.get(task.id) if summ.uses_prompt else None
        request = Request(goldset=self.goldset, task=task, sample=sample, prompt=prompt)
        t0 = time.perf_counter()
        try:
            out = await summ.summarize(request)
        except SummaryFailed as exc:
            return self._record(
                summ, task, sample, text=None, error=str(exc), attempts=exc.attempts,
                latency_s=round(time.perf_counter() - t0, 3),
            )  # fmt: skip
        except (asyncio.CancelledError, KeyboardInterrupt):
            raise
        except Exception as exc:  # a summarizer bug must not end the run
            return self._record(
                summ, task, sample, text=None, error=f"{type(exc).__name__}: {exc}",
                latency_s=round(time.perf_counter() - t0, 3),
            )  # fmt: skip
        latency = round(time.perf_counter() - t0, 3)
        rec = self._record(
            summ, task, sample, text=out.text, latency_s=latency,
            usage=Usage(**out.usage) if out.usage else None, attempts=out.attempts, info=out.info,
        )  # fmt: skip
        if summ.cacheable:
            self.cache.put(
                self._key(summ, task, sample),
                {"text": out.text, "latency_s": latency, "usage": out.usage, "info": out.info,
                 "model": summ.name, "params": summ.params()},
            )  # fmt: skip
        return rec

    # -- scoring ------------------------------------------------------------
    def _score(self) -> tuple[list[Scorecard], list[tuple[str, SummaryResult]]]:
        scorer = self.scorer or default_scorer()
        records = self._in_scope(latest(read_summaries(self.run_dir / SUMMARIES)))
        by_model: dict[str, list[tuple[SummaryRecord, SummaryResult | None]]] = {}
        lines = []
        results: list[tuple[str, SummaryResult]] = []
        for item in sorted(records):
            rec = records[item]
            result = None
            if rec.error is None and rec.text is not None:
                result = scorer(
                    rec.text, self.goldset, task=rec.task, path=f"{rec.model}/{rec.task}/{rec.sample}"
                )
                lines.append(
                    dump_line(
                        FindingsRecord(model=rec.model, task=rec.task, sample=rec.sample, result=result)
                    )
                )
                results.append((rec.model, result))
            by_model.setdefault(rec.model, []).append((rec, result))
        write_atomic(self.run_dir / FINDINGS, "".join(lines))
        cards = []
        task_ids = [t.id for t in self.tasks]
        for summ in self.summarizers:
            if summ.name in self.skipped:
                continue
            card = build_scorecard(summ.name, self.goldset, task_ids, by_model.get(summ.name, []))
            write_scorecard(card, self.run_dir / SCORECARDS / f"{summ.spec.slug}.json")
            cards.append(card)
        write_atomic(
            self.run_dir / LEADERBOARD, render_leaderboard(cards, self.goldset.id, self.goldset.content_hash)
        )
        return cards, results


def run(settings: RunSettings, scorer: Scorer | None = None, log: Callable[[str], None] = _log) -> RunOutcome:
    """Run, score and write; see the module docstring."""
    return Runner(settings, scorer, log).run()


__all__ = ["ModelSpec", "RunOutcome", "RunSettings", "Runner", "Scorer", "run"]
