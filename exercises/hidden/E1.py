"""Hidden checks for E1: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_e1_public", Path(__file__).resolve().parents[1] / "E1.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _count(ctx):
    return len(_public.stop_data(ctx))


def _released_total(ctx):
    return sum(_public.directory_release(ctx).values())


def _survey_count(ctx):
    return len(_public.survey_consent(ctx))


HIDDEN = [
    Check("e1-stop-data", "how many vendors must stop", 1, _count, select=lambda v: len(v), visibility="hidden"),
    Check("e1-directory-release", "records released in all", 1, _released_total, select=lambda v: sum(v.values()), rtol=0,
          visibility="hidden"),
    Check("e1-withheld-cells", "withheld cells, exactly", 1, _public.withheld_cells, rtol=0, visibility="hidden"),
    Check("e1-survey-consent", "how many questions need consent", 1, _survey_count, select=lambda v: len(v), visibility="hidden"),
]
