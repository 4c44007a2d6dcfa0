"""Binary agreement per error type: precision, recall, balanced accuracy."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TypeScore:
    """Confusion counts for one error type over all items."""

    error_type: str
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def support(self) -> int:
        """Items the humans labelled with this error."""
        return self.tp + self.fn

    @property
    def flagged(self) -> int:
        """Items our scorers flagged for this error."""
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        return self.tp / self.flagged if self.flagged else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.support if self.support else None

    @property
    def specificity(self) -> float | None:
        negatives = self.tn + self.fp
        return self.tn / negatives if negatives else None

    @property
    def balanced_accuracy(self) -> float | None:
        """Mean of recall and specificity; 0.5 is chance (or never flagging)."""
        if self.recall is None or self.specificity is None:
            return None
        return (self.recall + self.specificity) / 2


def score_types(
    pairs: list[tuple[dict[str, bool], dict[str, bool]]], error_types: list[str]
) -> list[TypeScore]:
    """Score (human labels, predictions) pairs, one row per error type."""
    scores = []
    for etype in error_types:
        tp = fp = fn = tn = 0
        for gold, pred in pairs:
            g, p = gold.get(etype, False), pred.get(etype, False)
            if g and p:
                tp += 1
            elif p:
                fp += 1
            elif g:
                fn += 1
            else:
                tn += 1
        scores.append(TypeScore(etype, tp, fp, fn, tn))
    return scores
