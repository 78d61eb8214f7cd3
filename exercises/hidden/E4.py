"""Hidden checks for E4: only the grader, in its own process, loads this file.

They look at parts of the recorded answers the public self-check does not
single out, so a candidate cannot tune an answer to the self-check alone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook.rubric import Check

_spec = importlib.util.spec_from_file_location("_e4_public", Path(__file__).resolve().parents[1] / "E4.py")
_public = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_public)


def _count(value):
    return len(value) if isinstance(value, (list, tuple)) else None


def _all_students(value):
    return value.get("All Students") if isinstance(value, dict) else None


HIDDEN = [
    Check("e4-dfs-groups", "All Students' DFS", 1, lambda ctx: _public.dfs_groups(ctx)["All Students"], rtol=0, atol=0.1001,
          select=_all_students, visibility="hidden"),
    Check("e4-dfs-groups", "which groups are shown", 1, lambda ctx: sorted(_public.dfs_groups(ctx)),
          select=lambda v: sorted(v) if isinstance(v, dict) else None, visibility="hidden"),
    Check("e4-red-groups", "how many groups are in Red", 1, lambda ctx: len(_public.red_groups(ctx)), select=_count,
          visibility="hidden"),
    Check("e4-da-groups", "how many groups qualify", 1, lambda ctx: len(_public.da_groups(ctx)), select=_count,
          visibility="hidden"),
    Check("e4-withheld-cells", "exactly", 1, _public.withheld_cells, rtol=0, visibility="hidden"),
]
