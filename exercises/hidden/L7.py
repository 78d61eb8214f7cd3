"""Hidden checks for L7: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_l7_public", Path(__file__).resolve().parents[1] / "L7.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _cpi(ctx):
    return _public.status(ctx).cpi


def _last_critical(ctx):
    return _public.critical_path(ctx)[-1]


def _funded_count(ctx):
    return len(_public.projects_funded(ctx))


HIDDEN = [
    Check("l7-duration", "exactly", 1, _public.duration, rtol=0, visibility="hidden"),
    Check("l7-critical-path", "ends with the handover", 1, _last_critical, select=lambda v: v[-1], visibility="hidden"),
    Check("l7-ev-indices", "CPI within 0.1%", 1, _cpi, rtol=0.001, select=lambda v: v["cpi"], visibility="hidden"),
    Check("l7-ev-vac", "VAC within 0.1%", 1, _public.ev_vac, rtol=0.001, atol=1.0, visibility="hidden"),
    Check("l7-projects-funded", "how many are funded", 1, _funded_count, select=lambda v: len(v), visibility="hidden"),
]
