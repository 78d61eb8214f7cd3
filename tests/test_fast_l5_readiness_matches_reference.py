"""L5's readiness survey, now drawn at once, and its scoring, now checked column-wise, are exactly what they were.

``ref_readiness_survey`` and ``ref_change_readiness`` are the implementations as
they stood before (a scalar draw and a dict per answer; a check per answer and a
Python function per step), verbatim: the survey and its scores must be the same
for every sample district and several seeds, and every kind of bad answer must get
the same error naming the same answer.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles import salted_rng as _rng
from workbook.principles.l5.givens import readiness_survey
from workbook.tools._validate import as_table, check_count, check_number
from workbook.tools.organization import KOTTER_STEPS, change_readiness
from reference_match import outcome as _outcome, agree as _agree

DISTRICTS = ("sample-rural", "sample-suburban", "sample-urban")
SEEDS = (1, 7, 2024)


def ref_readiness_survey(district: Any, seed: int) -> Any:
    import pandas as pd

    rng = _rng(seed, 5003)
    staff = int(district.staff.certificated + district.staff.classified)
    n = int(min(160, max(24, staff // 8)))
    roles = rng.choice(["teacher", "site administrator", "office staff", "technology staff"], size=n, p=[0.6, 0.1, 0.2, 0.1])
    latent = rng.uniform(2.4, 4.2, 8)
    mood = rng.normal(0, 0.4, n)  # some people are more positive about everything
    rows = []
    for person in range(n):
        for step in range(1, 9):
            for item in (1, 2):
                rating = int(np.clip(round(latent[step - 1] + mood[person] + rng.normal(0, 0.8)), 1, 5))
                rows.append({"respondent": person + 1, "role": roles[person], "step": step, "item": item, "rating": rating})
    return pd.DataFrame(rows)


def ref_change_readiness(responses: Any, *, threshold: float = 3.5, weakest: int = 2) -> pd.DataFrame:
    import pandas as pd

    table = as_table("responses", responses, ["step", "rating"], noun="answer")
    limit = check_number("threshold", threshold, minimum=1, maximum=5)
    k = check_count("weakest", weakest, minimum=1)
    for i, row in enumerate(table[["step", "rating"]].to_dict("records")):  # plain Python values for the messages
        step = check_count(f"responses[{i}].step", row["step"], minimum=1)
        if step > 8:
            raise InputError(f"responses[{i}].step", step, "a whole number >= 1 and <= 8 (Kotter's steps)")
        check_number(f"responses[{i}].rating", row["rating"], minimum=1, maximum=5)
    grouped = table.assign(step=table["step"].astype(int), rating=table["rating"].astype(float)).groupby("step")["rating"]
    out = pd.DataFrame({"step_name": list(KOTTER_STEPS)}, index=pd.Index(range(1, 9), name="step"))
    out["answers"] = grouped.size().reindex(out.index, fill_value=0)
    out["mean"] = grouped.mean().reindex(out.index)
    out["agree"] = grouped.apply(lambda r: float((r >= 4).mean())).reindex(out.index)
    out["ready"] = out["mean"] >= limit
    order = out.dropna(subset=["mean"]).assign(s=lambda f: f.index).sort_values(["mean", "s"], kind="stable").index[:k]
    out["weakest"] = out.index.isin(order)
    return out


@pytest.mark.parametrize("name", DISTRICTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_survey_and_scores_match_the_reference(name: str, seed: int) -> None:
    survey = readiness_survey(load_district(name), seed)
    _agree(survey, ref_readiness_survey(load_district(name), seed))
    for kwargs in ({}, {"threshold": 3.0, "weakest": 3}, {"threshold": 5, "weakest": 8}):
        _agree(change_readiness(survey, **kwargs), ref_change_readiness(survey, **kwargs))
    part = survey[survey["step"].isin([1, 4, 4, 7])]
    _agree(change_readiness(part), ref_change_readiness(part))


@pytest.mark.parametrize("bad", [{"step": 9}, {"step": 0}, {"step": 2.5}, {"step": float("nan")}, {"step": True},
                                 {"step": "3"}, {"rating": 6}, {"rating": 0.5}, {"rating": float("inf")}, {"rating": "4"},
                                 {"rating": False}, {"rating": 4.5}, {"step": 3.0}, {}])
def test_each_answer_gets_the_reference_verdict(bad: dict[str, Any]) -> None:
    rows = [{"step": s, "rating": (s * 3 + i) % 5 + 1} for s in range(1, 9) for i in range(3)]
    rows[7] = rows[7] | bad
    _agree(_outcome(change_readiness, rows), _outcome(ref_change_readiness, rows))
    frame = pd.DataFrame(rows)
    _agree(_outcome(change_readiness, frame, weakest=1), _outcome(ref_change_readiness, frame, weakest=1))
