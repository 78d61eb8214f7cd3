"""T4 scenario givens: crosswalk question, synthetic self-assessment, published counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.principles.t4.givens import (
    DECISION_CHOICES,
    PUBLISHED,
    decision_question,
    gap_list,
    overall_mean,
    sample_responses,
    standards_for,
)
from workbook.tools.standards import concepts, decisions, self_assessment


def test_every_decision_choice_is_in_the_crosswalk_with_at_least_two_standards():
    for decision in DECISION_CHOICES:
        assert decision in decisions()
        assert len(standards_for(decision)) >= 2


def test_decision_question_covers_the_choices_across_seeds():
    assert {decision_question(s) for s in range(200)} == set(DECISION_CHOICES)


def test_standards_for_the_cybersecurity_program_by_hand():
    assert standards_for("cybersecurity program") == [
        "CIS Controls v8 IG1", "CISA K-12 recommendations", "K12 SIX Essential Cybersecurity Protections", "NIST CSF 2.0"]


def test_published_ig1_count_agrees_with_the_crosswalk_text():
    from workbook.tools.standards import crosswalk

    row = crosswalk(standard="CIS Controls v8 IG1").iloc[0]
    assert f"{PUBLISHED['cis_ig1_safeguards']['value']} Implementation Group 1 safeguards" in row["requirement"]
    assert all(entry["confidence"] == "H" and entry["source"] for entry in PUBLISHED.values())


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=2**31))
def test_sample_responses_rate_every_concept_1_to_5(seed):
    r = sample_responses(seed)
    assert sorted(r) == sorted(concepts()["concept_id"])
    assert set(r.values()) <= {1, 2, 3, 4, 5}
    assert r == sample_responses(seed)


def test_overall_mean_and_gap_list_by_hand():
    r = {"net-wan": 5, "net-wireless": 4, "sec-backup": 2, "sec-identity": 1, "svc-assets": 3}
    assert overall_mean(r) == 3.0
    assert gap_list(r) == ["Backup and recovery", "Identity, single sign-on and MFA"]
    assert gap_list(r, gap=3) == ["Asset lifecycle", "Backup and recovery", "Identity, single sign-on and MFA"]


def test_overall_mean_is_not_the_mean_of_area_means():
    r = {"net-wan": 5, "sec-backup": 1, "sec-identity": 1, "sec-endpoint": 1}
    area_mean = self_assessment(r)["mean_score"].mean()
    assert overall_mean(r) == 2.0 and area_mean == 3.0


def test_bad_input_names_the_argument():
    with pytest.raises(InputError, match="seed"):
        sample_responses(-3)
    with pytest.raises(InputError, match=r"responses\['net-wan'\] = 0"):
        overall_mean({"net-wan": 0})
