"""Hidden checks for L3: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_l3_public", Path(__file__).resolve().parents[1] / "L3.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _weekday(value):
    import pandas as pd

    return pd.Timestamp(value).day_name()


HIDDEN = [
    Check("l3-plan-gaps", "how many stakeholders are under-served", 1, lambda ctx: len(_public.gaps(ctx)),
          select=lambda v: len(v), visibility="hidden"),
    Check("l3-key-players", "how many to manage closely", 1, lambda ctx: len(_public.key_players(ctx)),
          select=lambda v: len(v), visibility="hidden"),
    Check("l3-submit-by", "the weekday of the due date", 1, lambda ctx: _weekday(_public.submit_by(ctx)),
          select=_weekday, visibility="hidden"),
    Check("l3-csat", "satisfaction to 4 decimals", 1, _public.csat, rtol=0, atol=0.00005, visibility="hidden"),
]
