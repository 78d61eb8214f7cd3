"""Hidden checks for L4: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_l4_public", Path(__file__).resolve().parents[1] / "L4.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _top(means):
    return sorted(means, key=lambda c: (-round(float(means[c]), 9), str(c)))[0]


HIDDEN = [
    Check("l4-weighted-means", "every finalist scored", 1, lambda ctx: len(_public.weighted_means(ctx)),
          select=lambda v: len(v), visibility="hidden"),
    Check("l4-weighted-means", "the top finalist's mean, within 0.1%", 1,
          lambda ctx: _public.weighted_means(ctx)[_public.recommend(ctx)],
          select=lambda v: float(v[_top(v)]), rtol=0.001, visibility="hidden"),
    Check("l4-alpha", "alpha to 3 decimals", 1, _public.alpha, rtol=0, atol=0.0005, visibility="hidden"),
    Check("l4-fte-needed", "FTE to 2 decimals", 1, _public.fte_needed, rtol=0, atol=0.005, visibility="hidden"),
]
