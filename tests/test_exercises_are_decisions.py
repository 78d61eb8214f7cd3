"""Exercises are decisions, not drills (issue 13).

For every available principle: each exercise's prompt (the markdown cell that
says where to record it) names no function its solution calls, and states its
units or form; at least half of the graded exercises ask for a decision or a
finding in plain words, phrased as a question the candidate answers.
"""

from __future__ import annotations

import builtins
import re

import jupytext
import pytest

from workbook.curriculum import PRINCIPLES, principle
from workbook.rubric import load_rubric

AVAILABLE = [p.id for p in PRINCIPLES if p.status == "available" and p.id != "START"]

#: The exercises that ask for a decision or a finding (classified by the authors; the test checks the count and the phrasing).
DECISIONS = {
    "T1": {"t1-top-risk", "t1-safeguard-value", "t1-residual-level", "t1-ig1-next-control", "t1-greedy-gap-cap",
           "t1-insurance-shortfall", "t1-bia-failing"},
    "T2": {"t2-wan-link", "t2-access-points", "t2-backup-worth-it", "t2-form470-deadline", "t2-cep-discount"},
    "T3": {"t3-past-lifespan", "t3-aue-in-plan", "t3-software-ending", "t3-staff-gap", "t3-contract-out", "t3-sla-high"},
    "T4": {"t4-decision-standards", "t4-weakest-area", "t4-gap-list", "t4-incident-duties"},
    "L2": {"l2-top-need", "l2-equal-top3", "l2-smart-failures", "l2-goals-behind", "l2-cliff-year", "l2-site-first",
           "l2-radar-plan"},
    "L1": {"l1-top-need", "l1-unscheduled", "l1-ai-credential-month", "l1-models-within-cap", "l1-funded", "l1-iste-gaps"},
    "L3": {"l3-key-players", "l3-plan-gaps", "l3-posting-deadline", "l3-submit-by", "l3-special-earliest", "l3-visit-first"},
    "E1": {"e1-weakest-term", "e1-stop-data", "e1-directory-release", "e1-withheld-cells", "e1-survey-consent"},
    "L4": {"l4-recommend", "l4-odd-rater", "l4-first-without-odd", "l4-hire"},
    "E2": {"e2-position-choice", "e2-benefits-share", "e2-credential-renewals", "e2-disable-accounts", "e2-bargain-first"},
    "E5": {"e5-funded-ada", "e5-attendance-point", "e5-competitive-purchases", "e5-c2-district-share", "e5-certification"},
    "L6": {"l6-phone-npv", "l6-phone-payback", "l6-rates-recommend", "l6-refresh-choice", "l6-title-iv-device-cap",
           "l6-budget-unrestricted-net"},
    "E3": {"e3-costliest-per-user", "e3-drop-at-renewal", "e3-renewal-saving", "e3-adoption-stage", "e3-month-target",
           "e3-csi-eligible"},
    "E4": {"e4-met-share", "e4-red-groups", "e4-no-colour-groups", "e4-absenteeism-colour", "e4-da-groups", "e4-withheld-cells"},
    "L5": {"l5-lcap-gaps", "l5-widest-span", "l5-single-points", "l5-raci-fix", "l5-kotter-weakest", "l5-kotter-start", "l5-solution"},
    "L7": {"l7-critical-path", "l7-latest-delivery", "l7-p-on-time", "l7-ev-vac", "l7-projects-funded"},
}
UNITS = re.compile(r"dollars|Mbps|hours|years?\b|fraction|whole number|integer|list|text|True|False|mapping|decimals?|date|"
                   r"number|name|id\b|level|share|cycle", re.I)
NOT_ANSWERS = set(dir(builtins)) | {"answer", "show_table", "show_figure", "print"}


def _exercise_prompts(pid: str) -> dict[str, tuple[str, str]]:
    """exercise id -> (prompt markdown, solution source)."""
    nb = jupytext.read(principle(pid).source_path, fmt="md:myst")
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    out = {}
    for cell in nb.cells:
        if "solution" not in cell.metadata.get("tags", []):
            continue
        ex = cell.metadata["workbook"]["id"]
        prompt = next((m for m in markdown if f"`{ex}`" in m), "")
        out[ex] = (prompt, cell.source)
    return out


def _calls(source: str) -> set[str]:
    names = set(re.findall(r"([A-Za-z_][A-Za-z0-9_]*)\(", source))
    return {n for n in names if n not in NOT_ANSWERS and not n[0].isupper()}


@pytest.mark.parametrize("pid", AVAILABLE)
def test_prompts_state_the_form_and_name_no_call_that_yields_the_answer(pid):
    prompts = _exercise_prompts(pid)
    assert set(prompts) == {e.id for e in load_rubric(pid).exercises}
    problems = []
    for ex, (prompt, solution) in prompts.items():
        if not prompt:
            problems.append(f"{ex}: no prompt says where to record it")
            continue
        named = sorted(n for n in _calls(solution) if re.search(rf"`{n}\b|\b{n}\(", prompt))
        if named:
            problems.append(f"{ex}: prompt names {named}")
        if not UNITS.search(prompt):
            problems.append(f"{ex}: prompt states no unit or form")
    assert problems == []


@pytest.mark.parametrize("pid", AVAILABLE)
def test_at_least_half_the_graded_exercises_are_decisions_asked_as_questions(pid):
    ids = [e.id for e in load_rubric(pid).exercises]
    decisions = DECISIONS[pid]
    assert decisions <= set(ids)
    assert 2 * len(decisions) >= len(ids)
    prompts = _exercise_prompts(pid)
    unasked = [ex for ex in decisions if "?" not in prompts[ex][0]]
    assert unasked == []


def test_the_prompt_check_catches_a_prompt_that_names_the_call():
    solution = 'answer("x-1", security_budget(controls, cap).attrs["chosen_reduction"])'
    prompt = "Use `security_budget(controls, cap)` and record the reduction in dollars as `x-1`."
    assert {n for n in _calls(solution) if re.search(rf"`{n}\b|\b{n}\(", prompt)} == {"security_budget"}
