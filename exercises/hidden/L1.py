"""Hidden checks for L1: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_l1_public", Path(__file__).resolve().parents[1] / "L1.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _first(value):
    return value[0] if value else None


def _first_funded(ctx):
    return _first(_public.funded(ctx))


HIDDEN = [
    Check("l1-top-need", "the role alone", 1, lambda ctx: _public.top_need(ctx)[0], select=_first, visibility="hidden"),
    Check("l1-unscheduled", "how many do not fit", 1, lambda ctx: len(_public.unscheduled(ctx)), select=len, visibility="hidden"),
    Check("l1-funded", "the offering funded first", 1, _first_funded, select=_first, visibility="hidden"),
    Check("l1-workshop-per-trained", "within 0.1%", 1, _public.workshop_per_trained, rtol=0.001, visibility="hidden"),
    Check("l1-models-within-cap", "how many models fit the cap", 1, lambda ctx: len(_public.models_within_cap(ctx)), select=len,
          visibility="hidden"),
]
