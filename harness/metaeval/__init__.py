"""Meta-evaluation: how far the scorers' verdicts agree with human labels.

Loaders read FRANK and SummEdits from local copies (via `datasets`, imported
lazily), `labels` maps their error types to our finding kinds, `run` checks
every summary in source-only mode, and `metrics` scores the verdicts.
"""

from harness.metaeval.items import MetaItem

__all__ = ["MetaItem"]
