"""Hidden checks for T1: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_t1_public", Path(__file__).resolve().parents[1] / "T1.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _failing_count(ctx):
    return len(_public.bia_failing(ctx))


def _length(answer):
    return len(answer)


HIDDEN = [
    Check("t1-ransomware-ale", "ALE within 0.1%", 1, _public.ransomware_ale, rtol=0.001, visibility="hidden"),
    Check("t1-bia-failing", "number of failing processes", 1, _failing_count, select=_length, visibility="hidden"),
]
