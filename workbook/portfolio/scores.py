"""Scores from a gradebook export, for the curriculum summary.

Accepted (``--scores FILE``):

- JSON: ``{"L6": 42}``, ``{"L6": {"score": 42, "max": 50}}``, a list of records,
  or ``{"scores": [records]}``;
- CSV: one row per record.

A record names the principle (``principle``, ``notebook`` or ``assignment``:
``L6`` or ``L6-fiscal-management``), the ``score`` (or ``points``) and optionally
the maximum (``max``, ``max_score``, ``possible``, ``points_possible``) and the
``candidate``; rows for other candidates are ignored when a candidate is given.
"""

from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbook.errors import InputError

__all__ = ["Score", "load_scores"]

_PID = re.compile(r"(?:^|[^A-Za-z0-9])([TEL][1-9])(?=$|[^0-9])", re.I)


@dataclass(frozen=True)
class Score:
    """A graded notebook's points, and the points possible when known.

    >>> str(Score(42, 50)), str(Score(87.5))
    ('42 / 50 (84%)', '87.5')
    """

    points: float
    possible: float | None = None

    def __str__(self) -> str:
        pts = f"{self.points:g}"
        if self.possible:
            return f"{pts} / {self.possible:g} ({self.points / self.possible:.0%})"
        return pts


def _number(field_name: str, value: Any, source: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(field_name, value, f"a number in {source}") from None
    if math.isnan(number) or number < 0:
        raise InputError(field_name, value, f"a number >= 0 in {source}")
    return number


def _principle(value: Any, source: str) -> str:
    m = _PID.search(str(value)) if value is not None else None
    if not m:
        raise InputError("principle", value, f"a principle id such as L6 in {source}")
    return m.group(1).upper()


def _record(rec: dict[str, Any], source: str) -> tuple[str, Score]:
    low = {str(k).strip().lower(): v for k, v in rec.items()}
    key = next((k for k in ("principle", "notebook", "assignment") if k in low), None)
    pts = next((k for k in ("score", "points", "total") if k in low), None)
    if key is None or pts is None:
        raise InputError("scores", sorted(low), f"records with a principle and a score in {source}")
    possible = next((low[k] for k in ("max", "max_score", "possible", "points_possible", "out_of") if low.get(k) not in (None, "")), None)
    return _principle(low[key], source), Score(
        _number("score", low[pts], source), None if possible is None else _number("max", possible, source)
    )


def load_scores(path: Path | str, candidate: str | None = None) -> dict[str, Score]:
    """Read scores by principle id from a JSON or CSV file.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> p = Path(d, "s.csv"); _ = p.write_text("candidate,notebook,score,max\\nc1,L6-fiscal-management,42,50\\nc2,L6,1,50\\n")
    >>> load_scores(p, "c1")
    {'L6': Score(points=42.0, possible=50.0)}
    >>> q = Path(d, "s.json"); _ = q.write_text('{"T1": 9}')
    >>> load_scores(q)
    {'T1': Score(points=9.0, possible=None)}
    >>> load_scores(Path(d, "s.txt"))
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: scores = '...s.txt' is not allowed: expected a .json or .csv file that exists
    """
    path = Path(path)
    if path.suffix.lower() not in (".json", ".csv") or not path.is_file():
        raise InputError("scores", "..." + path.name, "a .json or .csv file that exists")
    source = path.name
    records: list[dict[str, Any]]
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as f:
            records = list(csv.DictReader(f))
    else:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError("scores", source, f"valid JSON ({exc.msg} at line {exc.lineno})") from None
        if isinstance(data, dict) and isinstance(data.get("scores"), list):
            data = data["scores"]
        if isinstance(data, dict):
            records = [
                {"principle": k, **(v if isinstance(v, dict) else {"score": v})} for k, v in data.items()
            ]
        elif isinstance(data, list) and all(isinstance(r, dict) for r in data):
            records = data
        else:
            raise InputError("scores", type(data).__name__, "a JSON object or a list of records")
    scores: dict[str, Score] = {}
    for rec in records:
        who = {str(k).lower(): v for k, v in rec.items()}.get("candidate")
        if candidate and who not in (None, "") and str(who) != candidate:
            continue
        pid, score = _record(rec, source)
        scores[pid] = score
    return scores
