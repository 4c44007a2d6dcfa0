"""`harness run`: run summarizers over a gold set's tasks, score, write scorecards.

Modules: `summarizers/` (one per kind, plus the registry with the
`harness.summarizers` entry-point group), `prompts` (versioned templates),
`cache` (disk cache of model outputs), `records` (summaries/findings JSONL),
`runner` (the run), `scorecard`, `leaderboard`, `manifest`.
"""
