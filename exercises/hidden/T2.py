"""Hidden checks for T2: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_t2_public", Path(__file__).resolve().parents[1] / "T2.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)

def _saved_hours_value_sign(ctx):
    """The backup decision recomputed from the hours saved, independently of the public check's arithmetic."""
    from workbook.principles.t2.givens import backup_link_cost, wan_paths
    from workbook.tools.infrastructure import HOURS_PER_YEAR

    p = wan_paths(ctx.district, ctx["seed"])
    single = (1 - p.core * p.primary) * HOURS_PER_YEAR
    both = (1 - p.core * (1 - (1 - p.primary) * (1 - p.backup))) * HOURS_PER_YEAR
    return (single - both) * ctx["downtime_cost_per_hour"] >= backup_link_cost(ctx.district, ctx["seed"])


HIDDEN = [
    Check("t2-backup-worth-it", "decision from hours saved", 1, _saved_hours_value_sign, visibility="hidden"),
    Check("t2-form470-deadline", "date exact", 1, _public.form470_deadline, visibility="hidden"),
    Check("t2-downtime-redundant", "redundant downtime within 0.1%", 1, _public.downtime_redundant, rtol=0.001, visibility="hidden"),
    Check("t2-c2-district-share", "district share to the dollar", 1, _public.c2_district_share, rtol=0, atol=1.0, visibility="hidden"),
]
