"""The in-kernel self-check says matches / not yet, never the expected value."""

import re

import pytest

from workbook.notebook.recording import answer_bundle
from workbook.notebook.session import start
from workbook.rubric import load_rubric


@pytest.fixture()
def session():
    return start("L6", district="sample-rural", candidate="t", seed=2026, fiscal_year="2026-27",
                 discount_rate=0.03, horizon_years=5, phone_years=7)


def test_self_check_matches_correct_answer(session):
    expected = load_rubric("L6").exercise("l6-phone-npv").checks[0].expected(session.context)
    assert "matches" in answer_bundle("l6-phone-npv", expected)["text/plain"]


def test_self_check_wrong_answer_gives_hint_without_expected_value(session):
    expected = load_rubric("L6").exercise("l6-tco-5yr").checks[0].expected(session.context)
    bundle = answer_bundle("l6-tco-5yr", expected * 2)
    text = bundle["text/plain"] + bundle["text/html"]
    assert "not yet" in text and "Hint" in text
    digits = re.sub(r"\D", "", f"{expected:.0f}")
    assert digits[:5] not in re.sub(r"[,\s]", "", text)


def test_self_check_partial_credit_is_named(session):
    expected = load_rubric("L6").exercise("l6-tco-5yr").checks[0].expected(session.context)
    assert "partial" in answer_bundle("l6-tco-5yr", expected * 1.02)["text/plain"]


def test_self_check_never_loads_hidden_checks(session):
    rubric = load_rubric("L6")
    assert rubric.hidden == ()
    assert all(c.visibility == "public" for c in rubric.checks())
    assert {c.visibility for c in load_rubric("L6", hidden=True).hidden} == {"hidden"}


def test_self_check_unknown_exercise_is_unchecked_not_an_error(session):
    assert "No self-check available" in answer_bundle("l6-nope", 1)["text/plain"]
