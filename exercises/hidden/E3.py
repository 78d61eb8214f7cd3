"""Hidden checks for E3: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_e3_public", Path(__file__).resolve().parents[1] / "E3.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _part(key):
    return lambda value: value.get(key) if isinstance(value, dict) else None


HIDDEN = [
    Check("e3-drop-at-renewal", "how many tools are dropped", 1, lambda ctx: len(_public.drop_at_renewal(ctx)),
          select=lambda v: len(v) if isinstance(v, (list, tuple)) else None, visibility="hidden"),
    Check("e3-renewal-saving", "saving within 0.1%", 1, _public.renewal_saving, rtol=0.001, atol=1.0, visibility="hidden"),
    Check("e3-bass-fit", "imitation coefficient q", 1, lambda ctx: _public.bass_fit(ctx)["q"], rtol=0.01, atol=0.0002,
          select=_part("q"), visibility="hidden"),
    Check("e3-csi-eligible", "how many tools qualify", 1, lambda ctx: len(_public.csi_eligible(ctx)),
          select=lambda v: len(v) if isinstance(v, (list, tuple)) else None, visibility="hidden"),
]
