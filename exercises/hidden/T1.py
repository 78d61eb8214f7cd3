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


def _ig1_missing_total(ctx):
    from workbook.principles.t1.givens import ig1_in_place
    from workbook.tools.security_assessment import ig1_gap_assessment

    table = ig1_gap_assessment(ig1_in_place(ctx.district, ctx["seed"]))
    return round(1 - table.attrs["coverage"], 3)


def _one_minus(answer):
    return round(1 - float(answer), 3)


HIDDEN = [
    Check("t1-greedy-gap-cap", "cap exact to the dollar", 1, _public.greedy_gap_cap, rtol=0.0, atol=0.01, visibility="hidden"),
    Check("t1-insurance-shortfall", "shortfall within 0.1%", 1, _public.insurance_shortfall, rtol=0.001, atol=0.5, visibility="hidden"),
    Check("t1-ig1-coverage", "share still missing", 1, _ig1_missing_total, atol=0.0015, select=_one_minus, visibility="hidden"),
    Check("t1-ransomware-ale", "ALE within 0.1%", 1, _public.ransomware_ale, rtol=0.001, visibility="hidden"),
    Check("t1-bia-failing", "number of failing processes", 1, _failing_count, select=_length, visibility="hidden"),
]
