"""A run folder (`results/<run-id>/`) as reports and gates read it.

Layout written by `harness run` (see harness/run/):

    manifest.json             run id, gold set {id, path, content_hash}, models, tasks, times
    summaries.jsonl           SummaryRecord per line: model, task, sample, text (null + error if failed)
    findings.jsonl            FindingsRecord per line: model, task, sample, result (a SummaryResult)
    scorecards/<slug>.json    one Scorecard per model (score 0-100, findings per kind, accuracies)
    leaderboard.md

A summary is keyed `model/task/sample`, as the runner names its SummaryResult
path. The last record for a key wins (a resumed run appends). Problems a user
can cause (no such folder, no scorecards, broken JSON) raise `HarnessError`
naming the file and line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from harness.errors import HarnessError
from harness.findings import SummaryResult


@dataclass
class RunSummary:
    """One summary of a run with its findings."""

    key: str
    model: str
    task: str | None
    text: str | None
    result: SummaryResult
    error: str | None = None  # why there is no summary (a failed request)


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
        """Results of summaries that exist (failed requests have none)."""
        return [s.result for s in self.summaries if (model is None or s.model == model) and s.error is None]

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

    from harness.run.records import FindingsRecord, latest, read_summaries

    records = latest(read_summaries(path / "summaries.jsonl"))
    results: dict[str, SummaryResult] = {}
    findings_path = path / "findings.jsonl"
    for n, rec in enumerate(read_jsonl(findings_path), 1):
        try:
            line = FindingsRecord.model_validate(rec)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            raise HarnessError(f"{findings_path}: line {n}", f"{where}: {err['msg']}") from None
        results[f"{line.model}/{line.task}/{line.sample}"] = line.result
    summaries = []
    for (model, task, sample), record in sorted(records.items()):
        key = f"{model}/{task}/{sample}"
        result = results.pop(key, None) or SummaryResult(path=key, task=task)
        summaries.append(RunSummary(key, model, task, record.text, result, record.error))
    for key, result in sorted(results.items()):  # findings without a summary record
        model = _model_from_key(key, scorecards) or key.split("/", 1)[0]
        summaries.append(RunSummary(key, model, result.task, None, result))
    return RunData(path, run_id, manifest, scorecards, summaries)


def _model_from_key(key: str, scorecards: dict[str, Any]) -> str | None:
    for model in sorted(scorecards, key=len, reverse=True):
        if key.startswith(model + "/"):
            return model
    return None


def resolve_goldset_dir(run: RunData) -> Path | None:
    """The gold-set folder the manifest names: as given, then beside the run folder or any parent of it."""
    ref = run.goldset_ref
    if not ref:
        return None
    candidates = [Path(ref)] + [folder / ref for folder in (run.run_dir, *run.run_dir.resolve().parents)]
    for candidate in candidates:
        if (candidate / "goldset.yaml").is_file():
            return candidate
    return None
