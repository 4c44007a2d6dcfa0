"""`harness run`: run summarizers over a gold set's tasks and score every summary."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from typing import Any

from harness.errors import HarnessError


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "run",
        help="run summarizers over a gold set's tasks, score them, write scorecards and a leaderboard",
        description="Run summarizers (--model SPEC) over a gold set's tasks, score every summary and write "
        "results/<run-id>/: summaries.jsonl, findings.jsonl, scorecards/<model>.json, leaderboard.md, "
        "manifest.json. Defaults come from [tool.harness] in pyproject.toml.",
    )
    p.add_argument(
        "--goldset", metavar="DIR", help="gold-set folder (default: config, else goldsets/china-ai-gap-2026)"
    )
    p.add_argument("--task", action="append", metavar="ID", help="task id to run (repeatable; default: all)")
    p.add_argument(
        "--model",
        action="append",
        metavar="SPEC",
        help="summarizer: openai:MODEL[@BASE_URL], local:smollm2, baseline:lead, baseline:centroid, "
        "file:PATH, human:reference, or a plugin kind (repeatable; default: human:reference, "
        "baseline:lead, local:smollm2)",
    )
    p.add_argument(
        "--out",
        metavar="DIR",
        help="run folder; an existing run there is resumed (default: results/<run-id>)",
    )
    p.add_argument("--resume", metavar="RUN_DIR", help="resume an interrupted run with its recorded settings")
    p.add_argument("--samples", type=int, metavar="N", help="summaries per task for LLMs (default 1)")
    p.add_argument(
        "--no-cache", action="store_true", help="ask models again even when the cache has an answer"
    )
    p.add_argument("--cache-dir", metavar="DIR", help="disk cache folder (default .harness-cache)")
    p.add_argument(
        "--concurrency", type=int, metavar="N", help="requests in flight per openai: model (default 4)"
    )
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="per request (default 120)")
    p.add_argument("--max-retries", type=int, metavar="N", help="retries on 429/5xx/timeouts (default 3)")
    p.add_argument("--temperature", type=float, help="sampling temperature (default 0)")
    p.add_argument("--seed", type=int, help="sampling seed (default 0; sample i uses seed+i)")
    p.add_argument("--max-tokens", type=int, metavar="N", help="completion token limit (default 400)")
    p.add_argument(
        "--api-key-env", metavar="VAR", help="environment variable with the API key (OPENAI_API_KEY)"
    )
    p.add_argument(
        "--file-text-column", metavar="COL", help="file: column holding the summary (default text)"
    )
    p.add_argument("--file-task-column", metavar="COL", help="file: column naming the task (default task)")
    p.add_argument("--file-model-column", metavar="COL", help="file: column naming the system (optional)")
    p.add_argument("--file-model-value", metavar="VALUE", help="file: keep rows whose model column is this")
    p.add_argument("--junit", metavar="PATH", help="also write a JUnit XML report")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run_command)


def _check_positive(name: str, value: float | None, allow_zero: bool = False) -> None:
    if value is not None and (value < 0 or (value == 0 and not allow_zero)):
        raise HarnessError(name, f"must be {'0 or more' if allow_zero else 'greater than 0'}, got {value:g}")


def build_settings(args: argparse.Namespace) -> Any:
    from harness.config import FileColumns, load_config
    from harness.run.manifest import read_manifest
    from harness.run.runner import RunSettings
    from harness.run.summarizers.base import RunOptions

    cfg = load_config(Path.cwd())
    for name in ("samples", "concurrency", "timeout", "max_tokens"):
        _check_positive(f"--{name.replace('_', '-')}", getattr(args, name))
    _check_positive("--max-retries", args.max_retries, allow_zero=True)
    _check_positive("--temperature", args.temperature, allow_zero=True)

    goldset = Path(args.goldset) if args.goldset else cfg.resolve(cfg.goldset)
    models = args.model or cfg.models
    tasks = args.task or cfg.tasks
    samples = args.samples or cfg.samples
    run_dir = Path(args.out) if args.out else None
    if args.resume:
        if args.out and Path(args.out).resolve() != Path(args.resume).resolve():
            raise HarnessError("--resume", "give --resume RUN_DIR or --out DIR, not two different folders")
        run_dir = Path(args.resume)
        previous = read_manifest(run_dir / "manifest.json")
        goldset = Path(args.goldset) if args.goldset else Path(previous.goldset.path)
        models = args.model or [m.spec for m in previous.models]
        tasks = args.task or previous.tasks
        samples = args.samples or previous.samples

    columns = cfg.file.model_copy(
        update={
            k: v
            for k, v in {
                "text": args.file_text_column,
                "task": args.file_task_column,
                "model": args.file_model_column,
                "model_value": args.file_model_value,
            }.items()
            if v is not None
        }
    )
    FileColumns.model_validate(columns.model_dump())
    options = RunOptions(
        temperature=cfg.temperature if args.temperature is None else args.temperature,
        seed=cfg.seed if args.seed is None else args.seed,
        max_tokens=args.max_tokens or cfg.max_tokens,
        timeout=args.timeout or cfg.timeout,
        max_retries=cfg.max_retries if args.max_retries is None else args.max_retries,
        concurrency=args.concurrency or cfg.concurrency,
        api_key_env=args.api_key_env or cfg.api_key_env,
        file_columns=columns,
        log_dir=str(run_dir) if run_dir else None,
    )
    return RunSettings(
        goldset=goldset,
        models=list(models),
        tasks=list(tasks),
        samples=samples,
        run_dir=run_dir,
        results_root=cfg.resolve(cfg.out),
        options=options,
        cache_dir=Path(args.cache_dir) if args.cache_dir else cfg.resolve(cfg.cache_dir),
        use_cache=not args.no_cache,
        progress=not args.no_progress,
    )


def _sigterm(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # same clean stop as Ctrl-C: servers stopped, run resumable


def run_command(args: argparse.Namespace) -> int:
    from harness.run.leaderboard import ranked
    from harness.run.runner import run

    settings = build_settings(args)
    previous = signal.signal(signal.SIGTERM, _sigterm)
    t0 = time.monotonic()
    try:
        outcome = run(settings)
    finally:
        signal.signal(signal.SIGTERM, previous)
    wall = time.monotonic() - t0
    if args.junit:
        _write_junit(args.junit, outcome)
    out = sys.stdout
    print(f"run {outcome.run_dir} ({outcome.manifest.goldset.id}, {wall:.1f}s)", file=out)
    for card in ranked(outcome.scorecards):
        print(
            f"  {card.score:5.1f}  {card.model:<28} {card.scored}/{card.summaries} scored, "
            f"{card.failures} failed, {card.errors} errors",
            file=out,
        )
    for model, reason in outcome.skipped.items():
        print(f"  skipped {model}: {reason}", file=out)
    print(f"leaderboard: {outcome.run_dir / 'leaderboard.md'}", file=out)
    return 0


def _write_junit(path: str, outcome: Any) -> None:
    try:
        from harness.report.junit import write_junit
    except ImportError:
        print(
            "harness: warning: JUnit output is not available in this version (harness.report.junit)",
            file=sys.stderr,
        )
        return
    write_junit(path, f"harness run {outcome.run_dir.name}", [result for _, result in outcome.results])
