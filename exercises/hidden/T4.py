"""Hidden checks for T4: only the grader, in its own process, loads this file."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_t4_public", Path(__file__).resolve().parents[1] / "T4.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _gap_count(ctx):
    return len(_public.gaps(ctx))


def _duty_count(ctx):
    return len(_public.incident_reports(ctx))


HIDDEN = [
    Check("t4-incident-duties", "number of duties", 1, _duty_count, select=lambda v: len(v), visibility="hidden"),
    Check("t4-gap-list", "number of gaps", 1, _gap_count, select=lambda v: len(v), visibility="hidden"),
    Check("t4-self-mean", "mean within 0.01", 1, _public.self_mean, atol=0.01, rtol=0.0, visibility="hidden"),
]
