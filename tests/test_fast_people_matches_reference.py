"""The interview-panel calculators, made faster, still give exactly what they gave.

Each ``ref_*`` function below is the implementation as it stood before the speed-up
(a Python check per score, pivot tables, the ratings validated again for each rater
left out), kept verbatim as the reference: the library's result must equal it,
values, dtypes, index, column and row order, for every sample district and several
seeds and panel sizes, and the same error for each kind of bad panel.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import pytest

from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.l4.givens import MINUTES_PER_TICKET, interview_panel, ticket_log, weights
from workbook.tools._validate import as_table, check_choice, check_count, check_number
from workbook.tools.people import (check_weights, krippendorff_alpha, ranking, ranking_without_each_rater, rater_agreement,
                                   ratings_frame, weighted_scores, workload_fte)
from reference_match import outcome as _outcome, agree as _agree

DISTRICTS = ("sample-rural", "sample-suburban", "sample-urban")
SEEDS = (1, 7, 2024)


def ref_ratings_frame(ratings: Any, weights: Mapping[str, float]) -> pd.DataFrame:
    import pandas as pd

    w = check_weights(weights)
    frame = as_table("ratings", ratings, ["candidate", "rater", "criterion", "score"], noun="rating")
    for col in ("candidate", "rater", "criterion"):
        frame[col] = frame[col].astype(str)
    for i, v in enumerate(frame["score"]):
        v = v.item() if hasattr(v, "item") else v
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v not in (1, 2, 3, 4, 5):
            raise InputError(f"ratings[{i}].score", v, "a whole number from 1 to 5")
    unknown = sorted(set(frame["criterion"]) - set(w))
    if unknown:
        raise InputError("ratings.criterion", unknown, "criteria that have a weight (" + ", ".join(w) + ")")
    dupes = frame.duplicated(["candidate", "rater", "criterion"])
    if dupes.any():
        i = int(dupes.to_numpy().nonzero()[0][0])
        raise InputError(f"ratings[{i}]", frame.loc[i, ["candidate", "rater", "criterion"]].tolist(), "one score per candidate, rater and criterion")
    full = pd.MultiIndex.from_product([sorted(set(frame["candidate"])), sorted(set(frame["rater"])), list(w)])
    have = pd.MultiIndex.from_frame(frame[["candidate", "rater", "criterion"]])
    missing = full.difference(have)
    if len(missing):
        raise InputError("ratings", f"{len(missing)} missing", f"a score from every rater for every candidate and criterion (first missing: {list(missing[0])})")
    frame["score"] = frame["score"].astype(float)
    return frame


def ref_weighted_scores(ratings: Any, weights: Mapping[str, float], *, without: str | None = None) -> pd.DataFrame:
    w = check_weights(weights)
    frame = ref_ratings_frame(ratings, w)
    if without is not None:
        check_choice("without", without, sorted(set(frame["rater"])))
        frame = frame[frame["rater"] != without]
        if frame.empty:
            raise InputError("without", without, "a rater other than the only one")
    frame = frame.assign(points=frame["score"] * frame["criterion"].map(w))
    table = frame.pivot_table(index="candidate", columns="rater", values="points", aggfunc="sum").sort_index()
    table.columns.name = None
    table["mean"] = table.mean(axis=1)
    return table


def ref_ranking_without_each_rater(ratings: Any, weights: Mapping[str, float]) -> pd.DataFrame:
    import pandas as pd

    frame = ref_ratings_frame(ratings, weights)
    full = ranking(ref_weighted_scores(frame, weights))
    rows = [{"left_out": "(nobody)", "ranking": full, "first": full[0], "first_changes": False}]
    for rater in sorted(set(frame["rater"])):
        order = ranking(ref_weighted_scores(frame, weights, without=rater))
        rows.append({"left_out": rater, "ranking": order, "first": order[0], "first_changes": order[0] != full[0]})
    return pd.DataFrame(rows)


def ref_rater_agreement(ratings: Any, weights: Mapping[str, float], *, level: str = "interval") -> pd.DataFrame:
    import pandas as pd

    kind = check_choice("level", level, ["nominal", "ordinal", "interval", "ratio"])
    frame = ref_ratings_frame(ratings, weights)
    data = frame.pivot_table(index="rater", columns=["candidate", "criterion"], values="score", aggfunc="first")
    if len(data) < 2:
        raise InputError("ratings", f"{len(data)} rater", "at least two raters (agreement needs someone to agree with)")
    if len(np.unique(data.to_numpy())) < 2:
        raise InputError("ratings", "every score the same", "at least two different scores (alpha is undefined otherwise)")

    def alpha(rows: Any) -> float:
        values = rows.to_numpy(dtype=float)
        if len(rows) < 2 or len(np.unique(values)) < 2:
            return float("nan")
        return krippendorff_alpha(values, kind)

    out = [{"rater": "(all)", "alpha": alpha(data)}]
    out += [{"rater": r, "alpha": alpha(data.drop(index=r))} for r in data.index]
    return pd.DataFrame(out)


def ref_workload_fte(tickets: Any, minutes_per_ticket: Mapping[str, float], *, visit_hours_per_site: float,
                 productive_hours: float, devices: int = 0, minutes_per_device: float = 0.0) -> pd.DataFrame:
    import pandas as pd

    from workbook.tools.helpdesk import tickets_frame

    if not isinstance(minutes_per_ticket, Mapping) or not minutes_per_ticket:
        raise InputError("minutes_per_ticket", minutes_per_ticket, 'minutes per category, e.g. {"Password": 12}')
    minutes = {str(k): check_number(f"minutes_per_ticket[{k!r}]", v, minimum=0) for k, v in minutes_per_ticket.items()}
    visits = check_number("visit_hours_per_site", visit_hours_per_site, minimum=0)
    hours = check_number("productive_hours", productive_hours, minimum=0, strict_minimum=True)
    frame = tickets_frame(tickets, need=["category", "site"])
    absent = sorted(set(frame["category"].astype(str)) - set(minutes))
    if absent:
        raise InputError("minutes_per_ticket", dict(minutes_per_ticket), f"minutes for every category in the log (missing: {', '.join(absent)})")
    frame["work"] = frame["category"].astype(str).map(minutes) / 60
    by_site = frame.groupby("site", sort=True).agg(tickets=("work", "size"), ticket_hours=("work", "sum"))
    out = pd.DataFrame({"site": by_site.index, "tickets": by_site["tickets"].astype(int).to_numpy(),
                        "ticket_hours": by_site["ticket_hours"].round(2).to_numpy()})
    out["visit_hours"] = visits
    fleet = check_count("devices", devices)
    per_device = check_number("minutes_per_device", minutes_per_device, minimum=0)
    if fleet:
        out.loc[len(out)] = ["fleet work (all sites)", 0, round(fleet * per_device / 60, 2), 0.0]
    out["hours"] = (out["ticket_hours"] + out["visit_hours"]).round(2)
    out["fte"] = (out["hours"] / hours).round(4)
    return out


def _all_agree(panel: Any, w: Mapping[str, float]) -> None:
    _agree(_outcome(ratings_frame, panel, w), _outcome(ref_ratings_frame, panel, w))
    _agree(_outcome(weighted_scores, panel, w), _outcome(ref_weighted_scores, panel, w))
    raters = sorted({str(r["rater"]) for r in (panel.to_dict("records") if isinstance(panel, pd.DataFrame) else panel)})
    for rater in [*raters, "nobody"]:
        _agree(_outcome(weighted_scores, panel, w, without=rater), _outcome(ref_weighted_scores, panel, w, without=rater))
    _agree(_outcome(ranking_without_each_rater, panel, w), _outcome(ref_ranking_without_each_rater, panel, w))
    for level in ("interval", "ordinal", "nominal"):
        _agree(_outcome(rater_agreement, panel, w, level=level), _outcome(ref_rater_agreement, panel, w, level=level))


@pytest.mark.parametrize("name", DISTRICTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_panel_scores_rankings_and_agreement_match_the_reference(name: str, seed: int) -> None:
    for candidates in (3, 5, 8):
        panel = interview_panel(load_district(name), seed, candidates=candidates)
        _all_agree(panel, weights())
        ranked = weighted_scores(panel, weights())
        assert ranking(ranked) == ranking(ref_weighted_scores(panel, weights()))


def _panel() -> list[dict[str, Any]]:
    w = {"technical": 0.6, "service": 0.4}
    return [{"candidate": c, "rater": r, "criterion": k, "score": (i * 7 + j * 3 + len(k)) % 5 + 1}
            for i, c in enumerate(["Ana", "Ben", "Cy"]) for j, r in enumerate(["R1", "R2", "R3"]) for k in w]


@pytest.mark.parametrize("case", ["plain", "float scores", "score 6", "score True", "score text", "score NaN", "score 2.5",
                                  "a score missing", "a duplicate", "unknown criterion", "numbers as names", "one rater",
                                  "all the same", "object scores"])
def test_bad_and_unusual_panels_get_what_the_reference_gave(case: str) -> None:
    rows, w = _panel(), {"technical": 0.6, "service": 0.4}
    edits = {"score 6": 6, "score True": True, "score text": "3", "score NaN": float("nan"), "score 2.5": 2.5}
    if case in edits:
        rows[4]["score"] = edits[case]
    elif case == "float scores":
        rows = [r | {"score": float(r["score"])} for r in rows]
    elif case == "a score missing":
        rows = rows[:7] + rows[8:]
    elif case == "a duplicate":
        rows = rows + rows[2:3]
    elif case == "unknown criterion":
        rows[3]["criterion"] = "charm"
    elif case == "numbers as names":
        rows = [r | {"candidate": {"Ana": 1, "Ben": 2, "Cy": 10}[r["candidate"]]} for r in rows]
    elif case == "one rater":
        rows = [r for r in rows if r["rater"] == "R1"]
    elif case == "all the same":
        rows = [r | {"score": 3} for r in rows]
    panel: Any = rows
    if case == "object scores":
        panel = pd.DataFrame(rows).astype({"score": object})
    _all_agree(panel, w)


@pytest.mark.parametrize("name", DISTRICTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_workload_matches_the_reference(name: str, seed: int) -> None:
    log = ticket_log(load_district(name), seed, "2026-27")
    for kwargs in ({"visit_hours_per_site": 40, "productive_hours": 1400},
                   {"visit_hours_per_site": 0, "productive_hours": 900.5, "devices": 5000, "minutes_per_device": 12.5}):
        _agree(workload_fte(log, MINUTES_PER_TICKET, **kwargs), ref_workload_fte(log, MINUTES_PER_TICKET, **kwargs))
    short = dict(list(MINUTES_PER_TICKET.items())[2:])
    _agree(_outcome(workload_fte, log, short, visit_hours_per_site=40, productive_hours=1400),
           _outcome(ref_workload_fte, log, short, visit_hours_per_site=40, productive_hours=1400))
    log = log.assign(category=log["category"].where(log.index % 97 != 5, None))
    _agree(_outcome(workload_fte, log, MINUTES_PER_TICKET, visit_hours_per_site=40, productive_hours=1400),
           _outcome(ref_workload_fte, log, MINUTES_PER_TICKET, visit_hours_per_site=40, productive_hours=1400))
