"""Hidden checks for E2: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_e2_public", Path(__file__).resolve().parents[1] / "E2.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _renewal_count(ctx):
    return len(_public.credential_renewals(ctx))


def _disable_count(ctx):
    return len(_public.disable_accounts(ctx))


HIDDEN = [
    Check("e2-tosa-cost", "total within 0.1%", 1, _public.tosa_cost, rtol=0.001, visibility="hidden"),
    Check("e2-specialist-cost", "total within 0.1%", 1, _public.specialist_cost, rtol=0.001, visibility="hidden"),
    Check("e2-credential-renewals", "how many must renew", 1, _renewal_count, select=lambda v: len(v), visibility="hidden"),
    Check("e2-disable-accounts", "how many accounts go off", 1, _disable_count, select=lambda v: len(v), visibility="hidden"),
]
