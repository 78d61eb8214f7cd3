"""Hidden checks for E5: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_e5_public", Path(__file__).resolve().parents[1] / "E5.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _count(ctx):
    return len(_public.competitive_purchases(ctx))


HIDDEN = [
    Check("e5-competitive-purchases", "how many purchases need a competitive process", 1, _count, select=lambda v: len(v), visibility="hidden"),
    Check("e5-lcff-total", "LCFF within 100 dollars", 1, _public.lcff_total, rtol=0, atol=100.0, visibility="hidden"),
    Check("e5-c2-district-share", "district share to the dollar", 1, _public.c2_district_share, rtol=0, atol=1.0, visibility="hidden"),
    Check("e5-attendance-point", "one point to the dollar", 1, _public.attendance_point, rtol=0, atol=1.0, visibility="hidden"),
]
