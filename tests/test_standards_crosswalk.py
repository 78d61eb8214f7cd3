"""Standards crosswalk and the technical-concepts self-assessment."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook.errors import InputError
from workbook.paths import data_dir
from workbook.tools.standards import concepts, crosswalk, decisions, self_assessment, standards

REQUIRED = ["NIST CSF 2.0", "CIS Controls v8 IG1", "ISTE Standards for Education Leaders", "FERPA", "COPPA",
            "CIPA", "SOPIPA (Business and Professions Code 22584)", "AB 1584 (Education Code 49073.1)", "E-rate rules"]


def test_crosswalk_covers_the_standards_the_curriculum_names():
    assert set(REQUIRED) <= set(standards())
    table = crosswalk()
    assert list(table.columns) == ["decision", "standard", "requirement", "citation", "year", "source", "confidence"]
    assert table.notna().all().all()
    assert set(table["confidence"]) <= {"H", "M", "computed", "illustrative"}


def test_crosswalk_filters_by_decision_and_standard():
    cipa = crosswalk(decision="internet content filtering")
    assert cipa["standard"].tolist() == ["CIPA"]
    assert "Form 486" in cipa.loc[0, "requirement"]
    both = crosswalk(decision="student data", standard="ferpa")
    assert both["citation"].tolist() == ["34 CFR 99.31(a)(1)(i)(B) (2008 amendments)"]
    assert "E-rate competitive bidding" in decisions()


def test_crosswalk_bad_input_named():
    with pytest.raises(InputError) as err:
        crosswalk(standard="HIPAA")
    assert err.value.field == "standard"
    with pytest.raises(InputError, match="decision = 42"):
        crosswalk(decision=42)


def test_technical_concepts_csv_has_sources():
    csv = pd.read_csv(data_dir() / "reference" / "technical_concepts.csv")
    assert csv["concept_id"].is_unique and csv["source"].notna().all() and csv["confidence"].notna().all()
    assert len(concepts()) == len(csv) >= 20


def test_self_assessment_strengths_and_gaps_by_area():
    out = self_assessment({"net-wan": 5, "net-wireless": 4, "sec-backup": 2, "sec-identity": 1, "svc-itsm": 3})
    by_area = out.set_index("area")
    assert by_area.loc["Security", "mean_score"] == 1.5 and by_area.loc["Security", "status"] == "gap"
    assert by_area.loc["Security", "gaps"] == "Identity, single sign-on and MFA; Backup and recovery"
    assert by_area.loc["Networking", "status"] == "strength"
    assert by_area.loc["Service management", "status"] == "developing"
    assert by_area.loc["Data and integration", "status"] == "not rated"
    assert out["area"].iloc[0] == "Security"     # biggest gap first
    detail = self_assessment({"net-wan": 5}, detail=True).set_index("concept_id")
    assert detail.loc["net-wan", "label"] == "could teach it"
    assert detail.loc["net-dns-dhcp", "status"] == "not rated"


@pytest.mark.parametrize(
    ("responses", "field"),
    [({"net-wan": 0}, "responses['net-wan']"), ({"net-wan": 3.5}, "responses['net-wan']"),
     ({"net-wan": True}, "responses['net-wan']"), ({"quantum": 3}, "responses"), ([1, 2], "responses")],
)
def test_self_assessment_bad_input_named(responses, field):
    with pytest.raises(InputError) as err:
        self_assessment(responses)
    assert err.value.field == field
