"""Hidden checks for L5: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_l5_public", Path(__file__).resolve().parents[1] / "L5.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _first_single_point(ctx):
    points = _public.single_points(ctx)
    return points[0] if points else ""


HIDDEN = [
    Check("l5-single-points", "how many systems", 1, lambda ctx: len(_public.single_points(ctx)), select=lambda v: len(v), visibility="hidden"),
    Check("l5-single-points", "the most exposed system first", 1, _first_single_point, select=lambda v: v[0] if v else "", visibility="hidden"),
    Check("l5-raci-fix", "how many activities", 1, lambda ctx: len(_public.raci_fix(ctx)), select=lambda v: len(v), visibility="hidden"),
    Check("l5-kotter-weakest", "the weakest step", 1, lambda ctx: _public.kotter_weakest(ctx)[0], select=lambda v: v[0], visibility="hidden"),
]
