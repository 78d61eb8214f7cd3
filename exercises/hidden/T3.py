"""Hidden checks for T3: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_t3_public", Path(__file__).resolve().parents[1] / "T3.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _first_year_expected(ctx):
    return int(_public.refresh_replaced(ctx).iloc[0])


def _first(series):
    import pandas as pd

    return int(pd.Series(series).iloc[0]) if not hasattr(series, "iloc") else int(series.iloc[0])


def _p1_expected(ctx):
    return _public.sla_high(ctx)["P1"]  # None (any answer) when no P1 ticket was resolved


def _gap_from_counts(ctx):
    """The staffing gap recomputed from the catalogue's rows, without the public check's rounding helper."""
    from workbook.principles.t3.givens import service_catalogue

    need = float(service_catalogue(ctx.district, ctx["seed"])["fte_needed"].sum())
    return round(max(0.0, need - ctx.district.staff.it), 1)


HIDDEN = [
    Check("t3-staff-gap", "gap from the catalogue rows", 1, _gap_from_counts, atol=0.05, visibility="hidden"),
    Check("t3-contract-out", "service name exact", 1, _public.contract_out, visibility="hidden"),
    Check("t3-refresh-replaced", "first-year replacements exact", 1, _first_year_expected, select=_first, visibility="hidden"),
    Check("t3-sla-high", "P1 attainment within 0.01%", 1, _p1_expected, rtol=0.0001, select=lambda v: v["P1"], visibility="hidden"),
]
