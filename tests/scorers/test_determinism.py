"""Verdicts are byte-identical across processes, whatever Python's hash seed.

Set iteration order changes with PYTHONHASHSEED; any verdict that depends on
it (a float sum over a set, a tie broken by set order) shows up here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DIGEST_ALL_BRIEFS = """
import hashlib, sys
from pathlib import Path
from harness.calibration import load_briefs
from harness.goldset import load_goldset
from harness.scorers import check

folder = Path("goldsets/china-ai-gap-2026")
goldset = load_goldset(folder)
digest = hashlib.sha256()
for name in ("briefs.yaml", "heldout.yaml"):
    _, briefs = load_briefs(folder / "calibration" / name)
    for brief in briefs:
        for task in (brief.task, None):
            digest.update(check(brief.text, goldset, task, path=brief.id).model_dump_json().encode())
print(digest.hexdigest())
"""


def digest_with_seed(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", DIGEST_ALL_BRIEFS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_findings_do_not_depend_on_the_hash_seed() -> None:
    digests = {seed: digest_with_seed(seed) for seed in ("0", "1", "2", "3")}
    assert len(set(digests.values())) == 1, digests
