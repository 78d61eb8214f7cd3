"""Hidden checks for L2: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_l2_public", Path(__file__).resolve().parents[1] / "L2.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _top_score(ctx):
    return max(_public.need_scores(ctx).values())


def _largest(value):
    return max(value.values())


HIDDEN = [
    Check("l2-need-scores", "the highest score, within 0.1%", 1, _top_score, rtol=0.001, select=_largest, visibility="hidden"),
    Check("l2-smart-failures", "which goals fail", 1, lambda ctx: sorted(_public.smart_failures(ctx)), select=lambda v: sorted(v),
          visibility="hidden"),
    Check("l2-goals-behind", "how many goals are behind", 1, lambda ctx: len(_public.goals_behind(ctx)), select=len, visibility="hidden"),
    Check("l2-plan-total", "total within 0.1%", 1, _public.plan_total, rtol=0.001, visibility="hidden"),
    Check("l2-radar-plan", "how many go into the plan", 1, lambda ctx: len(_public.radar_plan(ctx)), select=len, visibility="hidden"),
]
