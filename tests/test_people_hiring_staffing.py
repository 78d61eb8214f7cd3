"""L4 calculators: interview scoring, Krippendorff's alpha, rankings without a rater, staffing, worked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.principles.l4.givens import interview_panel, weights
from workbook.tools.people import (agreement_level, check_weights, krippendorff_alpha, rater_agreement, ranking,
                                   ranking_without_each_rater, technicians_to_hire, weighted_scores, workload_fte)

N = float("nan")
# Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): four observers, twelve units, with gaps.
PUBLISHED = [[1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N], [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
             [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N], [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]]

W = {"technical": 0.6, "service": 0.4}
TWO = [{"candidate": c, "rater": r, "criterion": k, "score": s} for c, r, k, s in [
    ("Ana", "R1", "technical", 5), ("Ana", "R1", "service", 3), ("Ana", "R2", "technical", 4), ("Ana", "R2", "service", 4),
    ("Ben", "R1", "technical", 3), ("Ben", "R1", "service", 5), ("Ben", "R2", "technical", 5), ("Ben", "R2", "service", 5)]]


@pytest.mark.parametrize("level, published", [("nominal", 0.743), ("interval", 0.849), ("ratio", 0.797)])
def test_alpha_reproduces_krippendorffs_published_example(level, published):
    assert round(krippendorff_alpha(PUBLISHED, level), 3) == published


def test_alpha_of_two_raters_by_hand():
    # units (Ana, technical) 5/4, (Ana, service) 3/4, (Ben, technical) 3/5, (Ben, service) 5/5, interval metric:
    # D_o = (2 + 2 + 8 + 0) / 8 = 1.5; values 5 x4, 4 x2, 3 x2: D_e = 2 (8 + 32 + 4) / (8 x 7) = 88/56; alpha = 1 - 1.5 / (88/56)
    out = rater_agreement(TWO, W)
    assert out.loc[0, "alpha"] == pytest.approx(1 - 1.5 / (88 / 56))
    assert out["rater"].tolist() == ["(all)", "R1", "R2"] and np.isnan(out.loc[1, "alpha"])  # one rater left: undefined


def test_weighted_scores_and_rankings_by_hand():
    scores = weighted_scores(TWO, W)
    assert scores.loc["Ana"].round(6).tolist() == [4.2, 4.0, 4.1] and scores.loc["Ben"].round(6).tolist() == [3.8, 5.0, 4.4]
    assert ranking(scores) == ["Ben", "Ana"]
    table = ranking_without_each_rater(TWO, W).set_index("left_out")
    assert table.loc["R2", "first"] == "Ana" and bool(table.loc["R2", "first_changes"]) and not table.loc["R1", "first_changes"]


def test_a_tie_goes_to_the_first_name():
    tied = [{**r, "candidate": {"Ana": "Zoe", "Ben": "Ben"}[r["candidate"]]} for r in TWO]
    tied = [{**r, "score": 4} for r in tied]
    assert ranking(weighted_scores(tied, W)) == ["Ben", "Zoe"]


def test_agreement_levels_at_krippendorffs_thresholds():
    assert [agreement_level(a) for a in (0.8, 0.7999, 0.667, 0.6669, -0.2)] == [
        "reliable", "tentative", "tentative", "not reliable", "not reliable"]


def test_workload_by_hand():
    log = [{"opened": "2026-09-01 08:00", "resolved": None, "category": "Password", "site": "A"},
           {"opened": "2026-09-01 09:00", "resolved": "2026-09-01 10:00", "category": "Hardware", "site": "A"},
           {"opened": "2026-09-02 09:00", "resolved": None, "category": "Hardware", "site": "B"}]
    out = workload_fte(log, {"Password": 12, "Hardware": 48}, visit_hours_per_site=100, productive_hours=1_350,
                       devices=1_200, minutes_per_device=15).set_index("site")
    # A: (12 + 48) / 60 + 100 = 101 h; B: 0.8 + 100 = 100.8 h; fleet: 1,200 x 15 / 60 = 300 h; total 501.8 h / 1,350
    assert out["hours"].tolist() == [101.0, 100.8, 300.0]
    assert out["fte"].sum() == pytest.approx(501.8 / 1350, abs=2e-4)
    assert technicians_to_hire(501.8 / 1350, 0) == 1 and technicians_to_hire(3.0, 3.0) == 0 and technicians_to_hire(3.01, 3.0) == 1


def test_the_panel_given_is_complete_and_varies_with_the_seed():
    a, b = interview_panel("sample-suburban", 1), interview_panel("sample-suburban", 2)
    assert len(a) == 5 * 4 * len(weights()) and not a["score"].equals(b["score"])
    assert 0 <= rater_agreement(a, weights()).loc[0, "alpha"] <= 1


scores = st.integers(1, 5)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.lists(scores, min_size=2, max_size=2), min_size=3, max_size=3), min_size=2, max_size=4), st.data())
def test_properties_of_scores_rankings_and_alpha(grid, data):
    # grid[candidate][rater] = [technical, service]
    rows = [{"candidate": f"C{c}", "rater": f"R{r}", "criterion": k, "score": s}
            for c, raters in enumerate(grid) for r, pair in enumerate(raters) for k, s in zip(W, pair)]
    ranked = ranking(weighted_scores(rows, W))
    # raising every score of the last-ranked candidate to 5 never moves them down
    last = ranked[-1]
    raised = [{**r, "score": 5} if r["candidate"] == last else r for r in rows]
    assert ranking(weighted_scores(raised, W)).index(last) <= ranked.index(last)
    # a panel of identical raters agrees perfectly (when the scores vary at all)
    same = [{**r, "score": grid[int(r["candidate"][1:])][0][list(W).index(r["criterion"])]} for r in rows]
    if len({r["score"] for r in same}) > 1:
        assert rater_agreement(same, W).loc[0, "alpha"] == pytest.approx(1.0)
    # the order of the rows changes nothing
    shuffled = data.draw(st.permutations(rows))
    assert weighted_scores(shuffled, W).equals(weighted_scores(rows, W))


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 200), st.floats(0, 200))
def test_positions_to_request_cover_the_gap_and_never_shrink_as_the_need_grows(need, staff):
    hires = technicians_to_hire(need, staff)
    assert hires >= 0 and staff + hires >= need - 1e-6
    assert technicians_to_hire(need + 1, staff) >= hires
    assert hires == 0 or staff + hires - 1 < need


@pytest.mark.parametrize("call, message", [
    (lambda: check_weights({"technical": 0.7, "service": 0.4}), "weights = {'technical': 0.7, 'service': 0.4}"),
    (lambda: check_weights({"technical": 1.5, "service": -0.5}), "weights['technical'] = 1.5"),
    (lambda: check_weights([]), "weights = []"),
    (lambda: weighted_scores([{**TWO[0], "score": 0}] + TWO[1:], W), "ratings[0].score = 0"),
    (lambda: weighted_scores([{**TWO[0], "score": 3.5}] + TWO[1:], W), "ratings[0].score = 3.5"),
    (lambda: weighted_scores(TWO[1:], W), "first missing: ['Ana', 'R1', 'technical']"),
    (lambda: weighted_scores(TWO + [TWO[0]], W), "ratings[8] = ['Ana', 'R1', 'technical']"),
    (lambda: weighted_scores([{**TWO[0], "criterion": "charm"}] + TWO[1:], W), "ratings.criterion = ['charm']"),
    (lambda: weighted_scores(TWO, W, without="R9"), "without = 'R9'"),
    (lambda: rater_agreement(TWO, W, level="vibes"), "level = 'vibes'"),
    (lambda: rater_agreement([r for r in TWO if r["rater"] == "R1"], W), "at least two raters"),
    (lambda: krippendorff_alpha([[1, 1], [1, 1]]), "at least two different values"),
    (lambda: krippendorff_alpha([["a", "b"], [1, 2]]), "reliability_data = [['a', 'b'], [1, 2]]"),
    (lambda: agreement_level(1.5), "alpha = 1.5"),
    (lambda: workload_fte([], {}, visit_hours_per_site=1, productive_hours=1), "minutes_per_ticket = {}"),
    (lambda: workload_fte([{"opened": "2026-09-01 08:00", "resolved": None, "category": "X", "site": "A"}], {"X": 5},
                          visit_hours_per_site=1, productive_hours=0), "productive_hours = 0"),
    (lambda: workload_fte([{"opened": "2026-09-01 08:00", "resolved": None, "category": "X", "site": "A"}], {"X": -5},
                          visit_hours_per_site=1, productive_hours=10), "minutes_per_ticket['X'] = -5"),
    (lambda: technicians_to_hire(-1, 2), "fte_needed = -1"),
    (lambda: technicians_to_hire(2, math.nan), "fte_on_staff = nan"),
])
def test_bad_input_names_the_argument_and_value(call, message):
    with pytest.raises(InputError) as err:
        call()
    assert message in str(err.value) and "expected" in str(err.value)
