"""E1's calculators: reference values worked by hand, properties, and bad input named back.

workbook.tools.privacy (inventory, agreements, data flows) and
workbook.tools.disclosure (directory information, suppression, survey consent).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.disclosure import needs_prior_consent, releasable_records, suppress_small_counts
from workbook.tools.privacy import (
    AB1584_TERMS,
    data_inventory,
    dpa_tracker,
    integration_map,
    most_missing_term,
    score_agreement,
    student_data_reach,
    unprotected_vendors,
)

TERMS = [k for k, _ in AB1584_TERMS]


# --------------------------------------------------------------------------- reference values, by hand


def test_nine_terms_in_the_statutes_order():
    assert TERMS == ["records_owned_by_lea", "pupil_generated_content", "use_limited", "parent_review", "security",
                     "breach_notification", "deletion_at_end", "ferpa_compliance", "no_targeted_ads"]


def test_a_contract_with_five_terms_scores_five_ninths_and_lists_the_four_missing_in_order():
    s = score_agreement("vendor contract", "no_targeted_ads; security; records_owned_by_lea; use_limited; breach_notification")
    assert s.score == pytest.approx(5 / 9)
    assert s.missing == ("pupil_generated_content", "parent_review", "deletion_at_end", "ferpa_compliance")
    assert not s.complete


def test_the_california_agreement_carries_all_nine_and_none_carries_nothing():
    assert score_agreement("CA-NDPA signed").score == 1.0
    assert score_agreement("CA-NDPA general offer adopted", float("nan")).complete
    assert score_agreement("none", "security").present == ()


def test_inventory_adds_sopipa_and_49073_1_for_a_vendor_and_coppa_for_children_under_13():
    rows = [
        {"system": "Library", "department": "Instruction", "operator": "district", "elements": "student name", "under_13": True},
        {"system": "POS", "department": "Nutrition", "operator": "Acme", "elements": ["meal eligibility"], "under_13": False},
        {"system": "Quiz", "department": "Instruction", "operator": "Quizco", "elements": "assessment scores", "under_13": True},
    ]
    inv = data_inventory(rows)
    assert inv["laws"].tolist() == [
        "FERPA",  # district-run: no vendor law, and COPPA binds operators, not the district
        "FERPA; National School Lunch Act; SOPIPA; Education Code 49073.1",
        "FERPA; SOPIPA; Education Code 49073.1; COPPA",
    ]
    assert inv["sensitivity"].tolist() == ["directory", "restricted", "confidential"]
    assert inv["directory_eligible"].tolist() == [True, False, False]


def _vendor(name, kind, terms="", expires=None, student_data=True):
    return {"vendor": name, "product": name + " app", "student_data": student_data, "agreement": kind, "terms": terms, "expires": expires}


def test_tracker_status_for_each_case_on_the_day_it_is_read():
    rows = [
        _vendor("A", "CA-NDPA signed", expires=date(2026, 8, 1)),  # ends the day it is read: still in force
        _vendor("B", "CA-NDPA signed", expires=date(2026, 7, 31)),  # ended the day before
        _vendor("C", "vendor contract", "; ".join(TERMS[:8])),
        _vendor("D", "none"),
        _vendor("E", "click-through terms", student_data=False),
        _vendor("F", "vendor contract", "; ".join(TERMS), expires=pd.NaT),
    ]
    t = dpa_tracker(rows, as_of=date(2026, 8, 1))
    assert t["status"].tolist() == ["covered", "expired", "missing terms", "no agreement", "no student data", "covered"]
    assert t["terms_present"].tolist() == [9, 9, 8, 0, 0, 9]
    assert t.loc[2, "missing"] == "no_targeted_ads"


def test_most_missing_term_counts_contracts_only_and_breaks_ties_by_the_statute():
    rows = [
        {"agreement": "vendor contract", "missing": "deletion_at_end; parent_review"},
        {"agreement": "click-through terms", "missing": "deletion_at_end; parent_review; security"},
        {"agreement": "none", "missing": "; ".join(TERMS)},  # says nothing about what vendors resist
    ]
    # parent_review and deletion_at_end both miss twice: parent_review comes first in the statute
    assert most_missing_term(rows) == "parent_review"
    assert most_missing_term([{"agreement": "CA-NDPA signed", "missing": ""}]) is None


FLOWS = [
    {"source": "SIS", "target": "Hub", "data": "rosters", "student_data": True},
    {"source": "Hub", "target": "App", "data": "rosters", "student_data": True},
    {"source": "App", "target": "Dashboard", "data": "scores", "student_data": True},
    {"source": "Dashboard", "target": "SIS", "data": "scores back", "student_data": True},  # a cycle
    {"source": "HR", "target": "Payroll", "data": "pay", "student_data": False},
    {"source": "HR", "target": "Hub", "data": "staff accounts", "student_data": False},
]
OPERATORS = {"SIS": "SisCo", "Hub": "HubCo", "App": "AppCo", "Dashboard": "DashCo", "HR": "district", "Payroll": "PayCo",
             "Survey": "SurveyCo"}


def test_reach_follows_student_data_through_the_hub_and_the_cycle_but_not_staff_flows():
    g = integration_map(FLOWS, ["Survey"])
    assert student_data_reach(g, ["SIS"]) == {"SIS", "Hub", "App", "Dashboard"}
    assert student_data_reach(g, ["HR"]) == {"HR"}
    assert student_data_reach(g, ["Survey"]) == {"Survey"}


def test_unprotected_vendors_by_hand():
    g = integration_map(FLOWS, ["Survey"])
    tracker = [
        {"vendor": "SisCo", "status": "covered"},
        {"vendor": "HubCo", "status": "covered"},
        {"vendor": "AppCo", "status": "missing terms"},
        {"vendor": "PayCo", "status": "no agreement"},  # no student data reaches payroll
        {"vendor": "SurveyCo", "status": "covered"},
        # DashCo is not in the tracker at all
    ]
    assert unprotected_vendors(g, ["SIS", "Survey"], OPERATORS, tracker) == ["AppCo", "DashCo"]
    # a vendor with two products is covered only if every row is
    tracker.append({"vendor": "HubCo", "status": "expired"})
    assert unprotected_vendors(g, ["SIS"], OPERATORS, tracker) == ["AppCo", "DashCo", "HubCo"]


def test_directory_release_by_hand():
    designated = ["student name", "grade level", "photograph"]
    assert releasable_records(["student name", "photograph"], designated, 342, 19) == 323
    assert releasable_records("student name; home address", designated, 342, 19) == 0
    assert releasable_records(["grade level"], designated, 0, 0) == 0


def test_suppression_by_hand_rows_then_rows_and_columns():
    t = pd.DataFrame({"A": [25, 12, 40], "B": [4, 15, 50], "C": [30, 9, 60]}, index=["s1", "s2", "s3"])
    rows = suppress_small_counts(t, 11)
    # s1: B=4 withheld, then A=25 (the smaller of 25 and 30); s2: C=9, then A=12
    assert rows.mask.to_numpy().tolist() == [[True, True, False], [True, False, True], [False, False, False]]
    assert (rows.primary, rows.complementary) == (2, 2)
    both = suppress_small_counts(t, 11, column_totals=True)
    # column B has only s1 withheld: s2's 15 goes too; column C has only s2: s1's 30 goes too
    assert both.mask.to_numpy().tolist() == [[True, True, True], [True, True, True], [False, False, False]]
    assert both.withheld == 6
    assert both.shown.loc["s3"].tolist() == [40, 50, 60]


def test_suppression_of_zeros_and_a_threshold_of_one():
    t = pd.DataFrame({"A": [0, 20], "B": [3, 30]}, index=["x", "y"])
    assert suppress_small_counts(t, 5).mask.to_numpy().tolist() == [[True, True], [False, False]]  # 0 hides the 3
    assert suppress_small_counts(t, 5, suppress_zero=True).primary == 2
    assert suppress_small_counts(t, 1).withheld == 0


def test_survey_consent_by_hand():
    q = [{"id": "q1", "area": ""}, {"id": "q2", "area": "religion"}, {"id": "q3", "area": None},
         {"id": "q4", "area": "income"}, {"id": "q5", "area": float("nan")}]
    assert needs_prior_consent(q) == ["q2", "q4"]


# --------------------------------------------------------------------------- properties

count_tables = st.integers(min_value=1, max_value=6).flatmap(
    lambda rows: st.integers(min_value=2, max_value=5).flatmap(
        lambda cols: st.lists(st.lists(st.integers(min_value=0, max_value=60), min_size=cols, max_size=cols),
                              min_size=rows, max_size=rows)))


@settings(max_examples=150, deadline=None)
@given(count_tables, st.integers(min_value=1, max_value=30), st.booleans())
def test_no_published_total_gives_a_single_hidden_cell_away(cells, threshold, columns):
    t = pd.DataFrame(cells)
    r = suppress_small_counts(t, threshold, column_totals=columns)
    mask = r.mask.to_numpy()
    assert all(row.sum() != 1 for row in mask)
    if columns and t.shape[0] > 1:
        assert all(col.sum() != 1 for col in mask.T)
    values = t.to_numpy()
    assert ((values > 0) & (values < threshold) <= mask).all()  # every small count is withheld
    assert (r.shown.to_numpy()[~mask] == values[~mask]).all()  # what is shown is the true count


@settings(max_examples=100, deadline=None)
@given(count_tables, st.integers(min_value=1, max_value=29))
def test_a_stricter_minimum_never_withholds_fewer_small_counts(cells, threshold):
    t = pd.DataFrame(cells)
    assert suppress_small_counts(t, threshold + 1).primary >= suppress_small_counts(t, threshold).primary


@given(st.sets(st.sampled_from(TERMS)), st.sampled_from(["vendor contract", "click-through terms"]))
def test_present_and_missing_terms_partition_the_nine(terms, kind):
    s = score_agreement(kind, sorted(terms))
    assert set(s.present) | set(s.missing) == set(TERMS) and not set(s.present) & set(s.missing)
    assert s.score == pytest.approx(len(terms) / 9)


@given(st.integers(min_value=0, max_value=100_000), st.data())
def test_release_is_all_but_the_opt_outs_or_nothing(students, data):
    out = data.draw(st.integers(min_value=0, max_value=students))
    ok = releasable_records(["student name"], ["student name"], students, out)
    assert ok == students - out
    assert releasable_records(["student name", "health record"], ["student name"], students, out) == 0


# --------------------------------------------------------------------------- bad input named back


@pytest.mark.parametrize(("call", "field", "value"), [
    (lambda: score_agreement("handshake"), "kind", "handshake"),
    (lambda: score_agreement("vendor contract", ["security", "encryption"]), "terms", "encryption"),
    (lambda: data_inventory([{"system": "X", "department": "Y", "operator": "Z", "elements": "shoe size", "under_13": False}]),
     "elements", "shoe size"),
    (lambda: data_inventory([{"system": "X", "department": "Y", "operator": "Z", "elements": "student name", "under_13": "maybe"}]),
     "under_13", "maybe"),
    (lambda: data_inventory([]), "systems", []),
    (lambda: dpa_tracker([_vendor("A", "none")], as_of="2026-08-01"), "as_of", "2026-08-01"),
    (lambda: dpa_tracker([_vendor("A", "none", student_data="yes")], as_of=date(2026, 8, 1)), "student_data", "yes"),
    (lambda: dpa_tracker([_vendor("A", "CA-NDPA signed", expires="soon")], as_of=date(2026, 8, 1)), "expires", "soon"),
    (lambda: integration_map([{"source": "SIS", "target": "SIS", "data": "x", "student_data": True}]), "target", "SIS"),
    (lambda: integration_map([{"source": "SIS", "target": "LMS", "data": "x", "student_data": 1}]), "student_data", 1),
    (lambda: unprotected_vendors(integration_map(FLOWS), ["SIS"], {"SIS": "SisCo"}, [{"vendor": "SisCo", "status": "covered"}]),
     "operators", None),
    (lambda: student_data_reach(integration_map(FLOWS), []), "origins", []),
    (lambda: releasable_records(["student name"], ["student name"], 10, 11), "opted_out", 11),
    (lambda: releasable_records([], ["student name"], 10, 1), "requested", []),
    (lambda: releasable_records(["student name"], ["student name"], -3, 0), "students", -3),
    (lambda: suppress_small_counts(pd.DataFrame({"A": [1]}), 0), "min_cell", 0),
    (lambda: suppress_small_counts(pd.DataFrame({"A": [1, -2]}), 5), "counts[1, 'A']", -2),
    (lambda: suppress_small_counts([[1, 2]], 5), "counts", [[1, 2]]),
    (lambda: suppress_small_counts(pd.DataFrame({"A": [1]}), 5, column_totals="yes"), "column_totals", "yes"),
    (lambda: needs_prior_consent([{"id": "q1", "area": "hobbies"}]), "area", "hobbies"),
])
def test_bad_input_names_the_argument_and_the_value(call, field, value):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == field
    if value is not None:
        assert info.value.value == value or repr(value) in str(info.value)
    assert "is not allowed: expected" in str(info.value)
