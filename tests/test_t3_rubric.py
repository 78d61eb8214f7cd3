"""T3 and T4 rubrics against their notebooks: ids, kinds, hidden checks, and edge cases of the expected values."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest

from workbook.curriculum import principle
from workbook.paths import notebooks_dir
from workbook.rubric import Context, load_rubric, score_answers


@pytest.mark.parametrize("pid", ["T3", "T4"])
def test_rubric_ids_are_the_notebook_cells(pid):
    rubric = load_rubric(pid, hidden=True)
    assert rubric.notebook == principle(pid).notebook
    nb = nbformat.read(str(notebooks_dir() / rubric.notebook), as_version=4)
    exercises = [c.metadata["workbook"]["id"] for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    reflections = [c.metadata["workbook"]["id"] for c in nb.cells if "reflection" in c.metadata.get("tags", [])]
    assert exercises == [e.id for e in rubric.exercises] and len(exercises) >= 4
    assert reflections == [r.id for r in rubric.reflections] and len(reflections) == 2
    assert all(e.id.startswith(pid.lower() + "-") and e.hint for e in rubric.exercises)
    assert rubric.hidden and all(c.visibility == "hidden" for c in rubric.hidden)
    assert {c.exercise for c in rubric.hidden} <= {e.id for e in rubric.exercises}
    assert nb.metadata["workbook"]["principle"] == pid
    artifacts = [c for c in nb.cells if "artifact" in c.metadata.get("tags", [])]
    assert artifacts and all(c.metadata["workbook"]["kind"] == "artifact" and c.metadata["workbook"]["title"] for c in artifacts)


def _t3_context(tickets: pd.DataFrame) -> Context:
    """A T3 context whose ticket log is ``tickets`` (a log no seed produces)."""
    import importlib.util

    from workbook.paths import exercises_dir

    spec = importlib.util.spec_from_file_location("_t3_rubric_for_test", exercises_dir() / "T3.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ctx = Context("T3", {"district": "sample-rural", "seed": 1, "fiscal_year": "2026-27", "sla_p1_hours": 4.0, "sla_p2_hours": 8.0})
    module._tickets.provide(ctx, tickets)
    return ctx


def test_t3_sla_with_no_resolved_p1_ticket_accepts_any_answer_for_p1():
    rubric = load_rubric("T3", hidden=True)
    tickets = pd.DataFrame({
        # the P1 ticket is open but still inside its 4 business hours when the log ends (Thursday 08:00)
        "opened": ["2026-09-03 07:00", "2026-09-01 09:00", "2026-09-02 08:00"],
        "resolved": [None, "2026-09-01 12:00", "2026-09-03 08:00"],
        "priority": ["P1", "P2", "P2"],
    })
    ctx = _t3_context(tickets)
    sla = [c for c in rubric.checks() if c.exercise == "t3-sla-high"]
    assert all(c.run({"P1": "NaN", "P2": 0.5}, ctx).status == "correct" for c in sla)
    assert sla[0].run({"P1": "NaN", "P2": 1.0}, ctx).status == "partial"  # P1 accepted, P2 wrong


def test_t3_wrong_answers_score_zero_and_reasons_hide_the_expected_value():
    rubric = load_rubric("T3", hidden=True)
    params = {"district": "sample-rural", "seed": 1, "fiscal_year": "2026-27", "plan_years": 3, "sla_p1_hours": 4.0, "sla_p2_hours": 8.0}
    ctx = Context("T3", params)
    truth = {ex.id: ex.checks[0].expected(ctx) for ex in rubric.exercises}
    outcomes = score_answers(rubric, {"t3-past-lifespan": truth["t3-past-lifespan"] + 40, "t3-ttr-p90": "slow"}, ctx)
    by_id = {o.exercise: o for o in outcomes if o.visibility == "public"}
    assert by_id["t3-past-lifespan"].points < by_id["t3-past-lifespan"].possible
    assert str(truth["t3-past-lifespan"]) not in by_id["t3-past-lifespan"].reason
    assert by_id["t3-ttr-p90"].status == "incorrect" and by_id["t3-software-cost"].status == "missing"


def test_t4_partial_credit_for_a_gap_list_half_right():
    rubric = load_rubric("T4")
    ctx = Context("T4", {"seed": 2026, "gap_threshold": 2})
    [check] = rubric.exercise("t4-gap-list").checks
    expected = check.expected(ctx)
    assert check.run(expected, ctx).status == "correct"
    assert check.run([name.upper() for name in expected], ctx).status == "correct"  # text compares without case
    assert check.run(expected[:-1] + ["Wireless design?"], ctx).status == "partial"


@pytest.mark.parametrize("pid", ["T3", "T4"])
def test_cells_outside_solutions_never_need_a_solution_variable(pid):
    """The candidate edition replaces solution bodies: later cells must still run on their own."""
    import ast

    nb = nbformat.read(str(notebooks_dir() / principle(pid).notebook), as_version=4)
    defined_outside: set[str] = set()
    only_in_solutions: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        stored = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        stored |= {a.asname or a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
        if "solution" in cell.metadata.get("tags", []):
            only_in_solutions |= stored - defined_outside
            continue
        loaded = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        assert not (loaded & (only_in_solutions - defined_outside)), (cell.id, loaded & only_in_solutions)
        defined_outside |= stored
