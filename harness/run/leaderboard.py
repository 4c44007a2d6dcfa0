"""`leaderboard.md`: the models of a run ranked by headline score."""

from __future__ import annotations

from harness.run.scorecard import SCORE_FORMULA, Scorecard

LEADERBOARD_SCHEMA_VERSION = 1


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _num(value: float | None, fmt: str = ".2f") -> str:
    return "–" if value is None else format(value, fmt)


def ranked(cards: list[Scorecard]) -> list[Scorecard]:
    """Highest score first; ties by fewer errors per summary, then by name."""
    return sorted(cards, key=lambda c: (-c.score, c.errors_per_summary or 0.0, c.model))


def render_leaderboard(cards: list[Scorecard], goldset_id: str, goldset_hash: str) -> str:
    lines = [
        f"<!-- schema_version: {LEADERBOARD_SCHEMA_VERSION} -->",
        f"# Leaderboard: {goldset_id}",
        "",
        f"Gold set content hash `{goldset_hash[:16]}`. Score: {SCORE_FORMULA} (failed summaries score 0).",
        "",
        "| # | model | score | summaries | failures | errors/summary | quote precision | attribution "
        "| numbers | key-fact coverage | words (mean) | over limit |",
        "|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for rank, c in enumerate(ranked(cards), 1):
        lines.append(
            f"| {rank} | `{c.model}` | {c.score:.1f} | {c.summaries} | {c.failures} "
            f"| {_num(c.errors_per_summary)} | {_pct(c.quote_precision)} | {_pct(c.attribution_accuracy)} "
            f"| {_pct(c.number_accuracy)} | {_pct(c.key_fact_coverage)} | {_num(c.length.words_mean, '.0f')} "
            f"| {c.length.over_limit} |"
        )
    if cards:
        lines += ["", "Findings per summary:", ""]
        kinds = [k for k in sorted(cards[0].findings) if any(c.findings[k].count for c in cards)]
        if kinds:
            lines.append("| model | " + " | ".join(kinds) + " |")
            lines.append("|---|" + "--:|" * len(kinds))
            for c in ranked(cards):
                cells = " | ".join(f"{c.findings[k].per_summary:.2f}" for k in kinds)
                lines.append(f"| `{c.model}` | {cells} |")
        else:
            lines.append("No findings.")
    return "\n".join(lines) + "\n"
