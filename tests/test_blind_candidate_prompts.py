"""Prompts a candidate answered from the text alone, where another reasonable reading failed the check.

Each test pins the sentence the prompt now carries and shows, with the library, that the reading
it states is the one the rubric computes (and that the other reading gives another answer).
"""

from __future__ import annotations

import re

import pandas as pd

from readings_text import readings_path


def _prompt(pid: str, start: str, end: str) -> str:
    text = readings_path(pid).read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", text[text.index(start):text.index(end)])


def _suppress_by_hand(values: pd.DataFrame, threshold: int, *, rows_first: bool) -> int:
    mask = (values < threshold) & (values > 0)
    rows = [("row", r) for r in values.index]
    cols = [("col", c) for c in values.columns]
    lines = rows + cols if rows_first else cols + rows
    changed = True
    while changed:
        changed = False
        for axis, key in lines:
            cells = [(key, c) for c in values.columns] if axis == "row" else [(r, key) for r in values.index]
            if sum(bool(mask.loc[cell]) for cell in cells) != 1:
                continue
            free = [cell for cell in cells if not mask.loc[cell]]
            if free:
                mask.loc[min(free, key=lambda cell: values.loc[cell])] = True
                changed = True
    return int(mask.to_numpy().sum())


def test_e1_suppression_prompt_states_the_order_of_the_passes():
    """Rows first or columns first can end with different counts (about one candidate in ten):
    the prompt says rows from the top, then columns from the left, as suppress_small_counts does."""
    from workbook.districts import load_district
    from workbook.principles.e1.givens import absence_counts
    from workbook.tools.disclosure import suppress_small_counts

    prompt = _prompt("E1", "# Exercise 5", "# Exercise 6")
    assert "rows from the top and then the columns from the left" in prompt
    assert "a zero included" in prompt
    counts = absence_counts(load_district("sample-urban"), 4)
    library = suppress_small_counts(counts, 11, row_totals=True, column_totals=True).withheld
    assert library == _suppress_by_hand(counts, 11, rows_first=True)
    assert library != _suppress_by_hand(counts, 11, rows_first=False)


def test_l7_status_report_prompt_says_which_days_count_in_planned_value():
    """'Working day 20' read on the schedule's own numbering (day 0 first) would count day 20 too:
    the SPI moves by more than the check's tolerance, so the prompt says days 0 to 19."""
    from workbook.districts import load_district
    from workbook.principles.l7.givens import STATUS_DAYS, status_reports, summer_project
    from workbook.tools.earned_value import status_report

    prompt = _prompt("L7", "# Exercise 5", "# Exercise 6")
    assert "after 20 working days" in prompt and "days 0 to 19" in prompt
    project = summer_project(load_district("sample-suburban"), 886893564)
    baseline = project.schedule()
    done, spent = status_reports(project, 886893564)[STATUS_DAYS[-1]]
    stated = status_report(baseline, 20, done, spent).attrs["total"]
    other = status_report(baseline, 21, done, spent).attrs["total"]
    assert STATUS_DAYS[-1] == 20
    assert abs(other.spi / stated.spi - 1) > 0.005  # the other reading fails the check's rtol


def test_e1_weakest_term_prompt_counts_vendors_without_student_data():
    """A CTO may leave out the contracts of vendors that receive no student data (the HR or finance
    system): for about one seed in five that changes the answer, so the prompt says they count."""
    from workbook.districts import load_district
    from workbook.principles.e1.givens import systems_and_vendors, tracker_date
    from workbook.tools.privacy import dpa_tracker, most_missing_term

    prompt = _prompt("E1", "# Exercise 2", "# Exercise 3")
    assert "including those of vendors the tracker lists as receiving no student data" in prompt
    differs = 0
    for seed in range(12):
        vendors = systems_and_vendors(load_district("sample-suburban"), seed, "2026-27").vendors
        tracker = dpa_tracker(vendors, tracker_date("2026-27"))
        every = most_missing_term(tracker)
        assert every == most_missing_term(tracker[tracker["agreement"].isin(["vendor contract", "click-through terms"])])
        differs += every != most_missing_term(tracker[tracker["student_data"]])
    assert differs > 0


def test_l1_per_trained_prompt_keeps_the_completers_fractional():
    """Rounding those who complete to whole teachers moves the cost per trained teacher past the
    check's 0.5% when few complete; the prompt says the count is participants x completion share."""
    from workbook.tools.training import training_cost

    prompt = _prompt("L1", "# Exercise 5", "# Exercise 6")
    assert "participants times the model's completion share" in prompt and "28.5 who complete" in prompt
    cost = training_cost(30, 6, group_size=30, facilitator_hourly=90, materials_per_participant=20,
                         release_days=1, substitute_daily_rate=200, completion_rate=0.95)
    assert cost.trained == 28.5
    assert abs(cost.total / 28 / cost.per_trained - 1) > 0.005


def test_l4_agreement_tables_come_after_the_exercises_they_answer():
    """The alpha table (to 3 decimals) and the ranking without each rater answered Exercises 3 to 5
    for a candidate who ran the notebook top to bottom; they now follow Exercise 5's answer cell."""
    text = readings_path("L4").read_text(encoding="utf-8")
    tables = text.index('show_table(rater_agreement(panel, weights()).set_index("rater")')
    assert text.index("id: l4-first-without-odd") < text.index("show_table(ranking_without_each_rater(") < tables
    assert text.index("id: l4-alpha") < tables and text.index("id: l4-odd-rater") < tables


def test_e2_side_by_side_table_leaves_exercise_4_to_the_candidate():
    """The table Exercise 3 needs sat before Exercise 4 with each position's benefits share, as a
    percentage to two decimals: Exercise 4's answer, read off. The table now leaves that column out."""
    text = readings_path("E2").read_text(encoding="utf-8")
    table = text[text.index("show_table(compare_positions("):text.index("id: e2-position-choice")]
    assert 'drop(columns=["benefits_share"])' in table and "percent=" not in table
    assert text.index("show_table(compare_positions(") < text.index("id: e2-benefits-share")
