"""Hidden checks for L6: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_l6_public", Path(__file__).resolve().parents[1] / "L6.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _longest_cycle_value(ctx):
    return float(_public.refresh_per_device_year(ctx).iloc[-1])


def _last(series):
    import pandas as pd

    return float(pd.Series(series).iloc[-1]) if not hasattr(series, "iloc") else float(series.iloc[-1])


def _recommend_count(ctx):
    return len(_public.rates_recommend(ctx))


HIDDEN = [
    Check("l6-rates-recommend", "how many rates keep NPV >= 0", 1, _recommend_count, select=lambda v: len(v), visibility="hidden"),
    Check("l6-title-iv-device-cap", "cap to the dollar", 1, _public.title_iv_device_cap, rtol=0, atol=1.0, visibility="hidden"),
    Check(
        "l6-refresh-per-device-year",
        "six-year cycle, within 0.1%",
        1,
        _longest_cycle_value,
        rtol=0.001,
        select=_last,
        visibility="hidden",
    ),
    Check(
        "l6-phone-npv",
        "NPV within 0.1%",
        1,
        _public.phone_npv,
        rtol=0.001,
        visibility="hidden",
    ),
]
