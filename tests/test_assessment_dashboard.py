"""E4 calculators: CAASPP levels and distance from standard, the Dashboard's grids, groups, the SSID join.

Expected values are typed here from the domain notes (CDE/ETS cut scores; CDE's
2017 ELA and 2023 chronic absenteeism five-by-five tables), independently of
the reference tables the code reads; properties use hypothesis; bad input must
be rejected with a message naming the argument and the value.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.district_generator import generate_district
from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.e4.givens import (FLAGS, benchmark_results, caaspp_results, english_learner_view, sis_enrollment,
                                           students)
from workbook.tools.assessment import (achievement_level, distance_from_standard, group_reporting, match_on_ssid,
                                       results_by_group, score_levels)
from workbook.tools.dashboard import (COLOURS, absenteeism_by_group, change_level, colour_grid, colour_rank, da_priorities,
                                      dashboard_colour, dashboard_table, status_level)

# Minimum scale scores of Levels 2, 3 and 4 (CDE/ETS), as in the domain notes.
CUTS = {
    ("ela", 3): (2367, 2432, 2490), ("ela", 4): (2416, 2473, 2533), ("ela", 5): (2442, 2502, 2582),
    ("ela", 6): (2457, 2531, 2618), ("ela", 7): (2479, 2552, 2649), ("ela", 8): (2487, 2567, 2668),
    ("ela", 11): (2493, 2583, 2682),
    ("math", 3): (2381, 2436, 2501), ("math", 4): (2411, 2485, 2549), ("math", 5): (2455, 2528, 2579),
    ("math", 6): (2473, 2552, 2610), ("math", 7): (2484, 2567, 2635), ("math", 8): (2504, 2586, 2653),
    ("math", 11): (2543, 2628, 2718),
}


@pytest.mark.parametrize(("subject", "grade"), sorted(CUTS))
def test_a_score_on_each_side_of_every_cut(subject, grade):
    for level, minimum in zip((2, 3, 4), CUTS[subject, grade]):
        assert achievement_level(minimum - 1, subject, grade) == level - 1
        assert achievement_level(minimum, subject, grade) == level
    assert distance_from_standard(CUTS[subject, grade][1], subject, grade) == 0


def test_distance_from_standard_by_hand():
    # grade 5 ELA, Level 3 at 2502: 2480 is -22, 2530 is +28; the pair averages +3
    rows = [{"subject": "ela", "grade": 5, "scale_score": s, "English Learners": el} for s, el in ((2480, True), (2530, False))]
    table = results_by_group(rows, "ela", ["English Learners"])
    assert table.loc["All Students", "dfs"] == 3.0 and table.loc["English Learners", "dfs"] == -22.0
    assert table.loc["All Students", "met_or_exceeded"] == 0.5
    assert score_levels(rows)["level"].tolist() == [2, 3]


# Chronic absenteeism (2023 on): rows very low .. very high, columns increased significantly .. declined significantly.
CHRONIC = {
    "very low": "Yellow Green Blue Blue Blue",
    "low": "Orange Yellow Green Green Blue",
    "medium": "Orange Orange Yellow Green Green",
    "high": "Red Orange Orange Yellow Yellow",
    "very high": "Red Red Red Orange Yellow",
}
CHRONIC_STATUS = {"very low": 0.020, "low": 0.040, "medium": 0.080, "high": 0.150, "very high": 0.300}
CHRONIC_CHANGE = [0.050, 0.015, 0.0, -0.015, -0.050]  # IS, I, M, D, DS as fractions

# ELA grades 3-8 (2017): rows very high .. very low, columns declined significantly .. increased significantly.
ELA = {
    "very high": "Yellow Green Blue Blue Blue",
    "high": "Orange Yellow Green Green Blue",
    "medium": "Orange Orange Yellow Green Green",
    "low": "Red Orange Yellow Yellow Yellow",
    "very low": "Red Red Red Orange Yellow",
}
ELA_STATUS = {"very high": 60.0, "high": 20.0, "medium": 0.0, "low": -40.0, "very low": -100.0}
ELA_CHANGE = [-20.0, -8.0, 3.0, 10.0, 25.0]  # DS, D, M, I, IS


@pytest.mark.parametrize("status", list(CHRONIC))
@pytest.mark.parametrize("column", range(5))
def test_every_cell_of_the_chronic_absenteeism_grid(status, column):
    assert dashboard_colour("chronic_absenteeism", CHRONIC_STATUS[status], CHRONIC_CHANGE[column]) == CHRONIC[status].split()[column]


@pytest.mark.parametrize("status", list(ELA))
@pytest.mark.parametrize("column", range(5))
def test_every_cell_of_the_2017_ela_grid(status, column):
    assert dashboard_colour("ela_3_8", ELA_STATUS[status], ELA_CHANGE[column]) == ELA[status].split()[column]


def test_colour_grid_tables_match_the_domain_notes():
    assert colour_grid("chronic_absenteeism").values.tolist() == [CHRONIC[s].split() for s in CHRONIC]
    assert colour_grid("ela_3_8").values.tolist() == [ELA[s].split() for s in ELA]


@pytest.mark.parametrize(("rate", "level"), [(0.025, "very low"), (0.026, "low"), (0.050, "low"), (0.051, "medium"),
                                             (0.100, "medium"), (0.101, "high"), (0.200, "high"), (0.201, "very high"),
                                             (0.02549, "very low"), (0.02550, "low")])
def test_chronic_absenteeism_status_edges(rate, level):
    assert status_level("chronic_absenteeism", rate) == level


@pytest.mark.parametrize(("change", "level"), [(0.031, "increased significantly"), (0.030, "increased"), (0.005, "increased"),
                                               (0.004, "maintained"), (-0.004, "maintained"), (-0.005, "declined"),
                                               (-0.029, "declined"), (-0.030, "declined significantly")])
def test_chronic_absenteeism_change_edges(change, level):
    assert change_level("chronic_absenteeism", change) == level


@pytest.mark.parametrize(("change", "level"), [(20.0, "increased significantly"), (19.9, "increased"), (7.0, "increased"),
                                               (6.9, "maintained"), (-0.9, "maintained"), (-1.0, "declined"),
                                               (-15.0, "declined"), (-15.1, "declined significantly")])
def test_ela_change_edges(change, level):
    assert change_level("ela_3_8", change) == level


@settings(max_examples=80, deadline=None)
@given(low=st.floats(-200, 150), gap=st.floats(0, 150), change=st.floats(-40, 40))
def test_a_higher_status_never_lowers_the_colour_for_the_same_change(low, gap, change):
    for indicator in ("ela_3_8", "math_3_8"):
        assert colour_rank(dashboard_colour(indicator, low + gap, change)) >= colour_rank(dashboard_colour(indicator, low, change))


@settings(max_examples=80, deadline=None)
@given(high=st.floats(0, 1), cut=st.floats(0, 1), change=st.floats(-0.2, 0.2))
def test_a_lower_absenteeism_rate_never_lowers_the_colour_for_the_same_change(high, cut, change):
    low = high * cut
    assert colour_rank(dashboard_colour("chronic_absenteeism", low, change)) >= colour_rank(dashboard_colour("chronic_absenteeism", high, change))


@settings(max_examples=60, deadline=None)
@given(status=st.floats(-200, 150), worse=st.floats(-40, 40), gain=st.floats(0, 40))
def test_a_larger_gain_never_lowers_the_colour(status, worse, gain):
    assert colour_rank(dashboard_colour("ela_3_8", status, worse + gain)) >= colour_rank(dashboard_colour("ela_3_8", status, worse))


def test_group_reporting_edges_and_dashboard_table():
    assert [group_reporting(n, min_colour=30, min_shown=11) for n in (0, 10, 11, 29, 30)] == \
        ["not shown", "not shown", "no colour", "no colour", "colour"]
    now = pd.DataFrame({"students": [300, 20, 5, 40], "dfs": [-12.0, -80.0, 10.0, 50.0]},
                       index=["All Students", "Foster Youth", "Pacific Islander", "Filipino"])
    before = pd.DataFrame({"students": [310, 18, 6], "dfs": [-20.0, -60.0, 0.0]}, index=["All Students", "Foster Youth", "Pacific Islander"])
    table = dashboard_table(now, before, "ela_3_8")
    assert table["colour"].tolist() == ["Yellow", None, None, None]  # Filipino: no result last year, no change
    assert table["reporting"].tolist() == ["colour", "no colour", "not shown", "colour"]
    assert pd.isna(table.loc["Pacific Islander", "status"]) and table.loc["Filipino", "status_level"] == "very high"


def test_da_priorities_follow_the_model():
    assert da_priorities("Red", "Red", "Red") == [4, 5]
    assert da_priorities("Orange", "Red", "Orange") == [4]
    assert da_priorities("Orange", "Orange", "Red") == [5]
    assert da_priorities("Red", None, "Red") == [5]


def test_match_on_ssid_counts_what_does_not_join():
    sis = pd.DataFrame({"ssid": ["1000000001", "1000000002", "0000000003"], "school": ["A", "B", "C"]})
    local = pd.DataFrame({"ssid": [1000000001.0, "1000000002 ", "0000000003", "100000000", "", "1000000009"], "score": range(6)})
    matched, unmatched = match_on_ssid(local, sis)
    assert matched["school"].tolist() == ["A", "B", "C"]
    assert unmatched["reason"].tolist() == ["not 10 digits", "blank", "not enrolled"]


@pytest.mark.parametrize(("call", "message"), [
    (lambda: achievement_level(2500, "science", 5), "subject = 'science' is not allowed"),
    (lambda: achievement_level(2500, "ela", 9), "grade = 9 is not allowed: expected a tested grade"),
    (lambda: achievement_level(250, "ela", 5), "scale_score = 250 is not allowed"),
    (lambda: achievement_level("2500", "ela", 5), "scale_score = '2500' is not allowed"),
    (lambda: score_levels([{"subject": "ela", "grade": 5, "scale_score": 9999}]), "results.scale_score[0] = 9999 is not allowed"),
    (lambda: score_levels([{"subject": "ela", "grade": 10, "scale_score": 2500}]), "grade = 10 is not allowed"),
    (lambda: status_level("chronic_absenteeism", 12.3), "status = 12.3 is not allowed: expected a fraction"),
    (lambda: change_level("ela_3_8", float("nan")), "change = nan is not allowed"),
    (lambda: dashboard_colour("ELA", 1.0, 1.0), "indicator = 'ELA' is not allowed"),
    (lambda: group_reporting(-1), "n = -1 is not allowed"),
    (lambda: group_reporting(40, min_colour=5, min_shown=11), "min_colour = 5 is not allowed"),
    (lambda: da_priorities("Purple", None, None), "colour = 'Purple' is not allowed"),
    (lambda: match_on_ssid([{"ssid": "1"}], [{"ssid": "1000000001"}, {"ssid": "1000000001"}]), "enrollment.ssid = '1000000001' is not allowed"),
    (lambda: results_by_group([{"subject": "ela", "grade": 5, "scale_score": 2500, "EL": "yes"}], "ela", ["EL"]), "students.EL = ['yes'] is not allowed"),
    (lambda: absenteeism_by_group([{"chronic_absent": 1}]), "students.chronic_absent = [1] is not allowed"),
    (lambda: students(load_district("sample-rural"), 1, year=-2), "year = -2 is not allowed"),
])
def test_bad_input_names_the_argument_and_the_value(call, message):
    with pytest.raises(InputError) as info:
        call()
    assert message in str(info.value)


@pytest.mark.parametrize("district", ["sample-rural", "sample-suburban", "generated"])
def test_givens_follow_the_district_and_the_seed(district):
    d = generate_district("rural", seed=4242) if district == "generated" else load_district(district)
    a, b, c = caaspp_results(d, 5), caaspp_results(d, 5), caaspp_results(d, 6)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)
    assert set(FLAGS) <= set(a.columns) and a["scale_score"].between(2100, 2900).all()
    enrollment = sis_enrollment(d, 5)
    assert enrollment["ssid"].is_unique and enrollment["ssid"].str.fullmatch(r"\d{10}").all()
    bench = benchmark_results(d, 5)
    matched, unmatched = match_on_ssid(bench, enrollment)
    assert len(matched) + len(unmatched) == len(bench) and len(unmatched) < 0.05 * len(bench)
    view = english_learner_view(bench, enrollment)
    assert int(view.to_numpy().sum()) == int(matched["English Learners"].sum())


def test_a_district_brings_its_own_files_for_the_join(tmp_path):
    from workbook.datasets import SCHEMAS, load_dataset
    from workbook.errors import DistrictFileError

    assert SCHEMAS["sis_enrollment"].flags == FLAGS == SCHEMAS["caaspp_results"].flags
    d = load_district("sample-rural")
    enrollment, bench = sis_enrollment(d, 3), benchmark_results(d, 3)
    # a SIS export: Y/N flags, upper-case headers, one SSID with a leading zero
    export = enrollment.copy()
    export.loc[0, "ssid"] = "0" + export.loc[0, "ssid"][1:]
    for flag in FLAGS:
        export[flag] = export[flag].map({True: "Y", False: "N"})
    export.columns = [c.upper() for c in export.columns]
    export.to_csv(tmp_path / "sis.csv", index=False)
    bench.to_excel(tmp_path / "bench.xlsx", index=False)
    mine = load_dataset("sis_enrollment", d, 0, path=tmp_path / "sis.csv")
    assert mine.loc[0, "ssid"].startswith("0") and mine["English Learners"].dtype == bool
    assert mine["English Learners"].tolist() == enrollment["English Learners"].tolist()
    theirs = load_dataset("benchmark_results", d, 0, path=tmp_path / "bench.xlsx")
    expected = english_learner_view(bench, enrollment.assign(ssid=mine["ssid"]))
    pd.testing.assert_frame_equal(english_learner_view(theirs, mine), expected, check_dtype=False)
    export.loc[4, "HOMELESS YOUTH"] = "maybe"
    export.to_csv(tmp_path / "sis.csv", index=False)
    with pytest.raises(DistrictFileError, match="row 6, Homeless Youth = 'maybe': must be yes or no"):
        load_dataset("sis_enrollment", d, 0, path=tmp_path / "sis.csv")
