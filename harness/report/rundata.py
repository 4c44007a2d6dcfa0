"""A run folder (`results/<run-id>/`) as reports and gates read it.

Layout written by `harness run`:

    manifest.json          run id, gold set (path, id, hash), models, tasks, scorer, ...
    summaries.jsonl        one summary per line: id/path, model, task, text
    findings.jsonl         one checked summary per line (a SummaryResult, with its model)
    scorecards/<model>.json  one scorecard per model (headline score, per-kind counts/rates, ...)
    leaderboard.md

Reading is tolerant of the exact keys (a SummaryResult nested under `result` or
inlined; one finding per line grouped by summary id) so reports keep working
when the run writer adds fields. Problems a user can cause (no such folder, no
scorecards, broken JSON) raise `HarnessError` naming the file and line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from harness.errors import HarnessError
from harness.findings import Finding, SummaryResult

_RESULT_FIELDS = set(SummaryResult.model_fields)
_FINDING_FIELDS = set(Finding.model_fields)


@dataclass
class RunSummary:
    """One summary of a run with its findings."""

    key: str
    model: str
    task: str | None
    text: str | None
    result: SummaryResult


@dataclass
class RunData:
    run_dir: Path
    run_id: str
    manifest: dict[str, Any]
    scorecards: dict[str, dict[str, Any]]
    summaries: list[RunSummary] = field(default_factory=list)

    @property
    def models(self) -> list[str]:
        return list(self.scorecards)

    def results(self, model: str | None = None) -> list[SummaryResult]:
        return [s.result for s in self.summaries if model is None or s.model == model]

    @property
    def goldset_ref(self) -> str | None:
        """Where the run's gold set folder is, as the manifest says (path or id)."""
        g = self.manifest.get("goldset")
        if isinstance(g, dict):
            value = g.get("path") or g.get("folder") or g.get("dir")
            return str(value) if value else None
        for key in ("goldset_path", "goldset_dir", "goldset"):
            if isinstance(self.manifest.get(key), str):
                return str(self.manifest[key])
        return None


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HarnessError(str(path), "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise HarnessError(str(path), f"cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise HarnessError(str(path), f"line {exc.lineno}: invalid JSON: {exc.msg}") from None


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise HarnessError(f"{path}: line {n}", f"invalid JSON: {exc.msg}") from None
        if not isinstance(rec, dict):
            raise HarnessError(f"{path}: line {n}", "expected a JSON object")
        out.append(rec)
    return out


def summary_key(rec: dict[str, Any]) -> str | None:
    for key in ("path", "id", "summary_id", "summary", "key"):
        value = rec.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool):
            return str(value)
    if rec.get("model") is not None and rec.get("task") is not None:
        return f"{rec['model']}/{rec['task']}/{rec.get('sample', 0)}"
    return None


def load_scorecards(run_dir: Path) -> dict[str, dict[str, Any]]:
    folder = run_dir / "scorecards"
    cards: dict[str, dict[str, Any]] = {}
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    for path in files:
        data = read_json(path)
        if not isinstance(data, dict):
            raise HarnessError(str(path), "expected a JSON object")
        model = str(data.get("model") or path.stem)
        cards[model] = data
    return cards


def check_run_dir(run_dir: str | Path) -> Path:
    path = Path(run_dir)
    if not path.exists():
        raise HarnessError(str(path), "no such run folder")
    if not path.is_dir():
        raise HarnessError(str(path), "not a folder (expected results/<run-id>/)")
    return path


def load_run(run_dir: str | Path, *, require_scorecards: bool = True) -> RunData:
    """Read a run folder. Raises HarnessError when it is missing or has no scorecards."""
    path = check_run_dir(run_dir)
    manifest_path = path / "manifest.json"
    manifest = read_json(manifest_path) if manifest_path.is_file() else {}
    if not isinstance(manifest, dict):
        raise HarnessError(str(manifest_path), "expected a JSON object")
    scorecards = load_scorecards(path)
    if require_scorecards and not scorecards:
        raise HarnessError(str(path), "no scorecards/<model>.json: is this a `harness run` results folder?")
    run_id = str(manifest.get("run_id") or manifest.get("id") or path.name)

    texts: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for rec in read_jsonl(path / "summaries.jsonl"):
        key = summary_key(rec)
        if key is None:
            continue
        if key not in texts:
            order.append(key)
        texts[key] = rec

    results: dict[str, tuple[str | None, SummaryResult]] = {}
    findings_path = path / "findings.jsonl"
    for n, rec in enumerate(read_jsonl(findings_path), 1):
        try:
            _add_findings(rec, results)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            raise HarnessError(f"{findings_path}: line {n}", f"{where}: {err['msg']}") from None
        key = next(reversed(results)) if results else None
        if key is not None and key not in texts and key not in order:
            order.append(key)

    summaries = []
    for key in order:
        rec = texts.get(key, {})
        model, result = results.get(key, (None, None))
        model = str(rec.get("model") or model or _model_from_key(key, scorecards) or "?")
        task = rec.get("task") or (result.task if result else None)
        if result is None:
            result = SummaryResult(path=key, task=task)
        text = rec.get("text") if isinstance(rec.get("text"), str) else rec.get("summary_text")
        summaries.append(RunSummary(key, model, task, text if isinstance(text, str) else None, result))
    return RunData(path, run_id, manifest, scorecards, summaries)


def _model_from_key(key: str, scorecards: dict[str, Any]) -> str | None:
    for model in sorted(scorecards, key=len, reverse=True):
        if key.startswith(model + "/"):
            return model
    return None


def _add_findings(rec: dict[str, Any], results: dict[str, tuple[str | None, SummaryResult]]) -> None:
    model = rec.get("model")
    inner = rec.get("result") if isinstance(rec.get("result"), dict) else None
    if inner is not None or "findings" in rec:
        body = inner if inner is not None else rec
        data = {k: v for k, v in body.items() if k in _RESULT_FIELDS}
        key = summary_key(rec) or summary_key(body) or str(len(results))
        data.setdefault("path", key)
        result = SummaryResult.model_validate(data)
        if key in results:
            del results[key]  # keep insertion order = last seen
        results[key] = (model, result)
        return
    if "kind" in rec:  # one finding per line
        key = rec.get("summary_id") or rec.get("summary") or rec.get("path") or "?"
        finding = Finding.model_validate({k: v for k, v in rec.items() if k in _FINDING_FIELDS})
        old_model, old = results.pop(str(key), (model, SummaryResult(path=str(key), task=rec.get("task"))))
        old.findings.append(finding)
        results[str(key)] = (old_model or model, old)
