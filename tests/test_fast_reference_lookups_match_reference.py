"""Reference-table lookups, now built once per table, still give exactly what they gave.

``ref__by_year``, ``ref_statutory_rates`` and ``ref_projection_note`` are the
implementations as they stood before the lookups were cached (a filter and a sort of the table, a copy and
``iterrows`` on every call), kept verbatim as the reference. The rates, notes and
every position cost the calculators build on them must equal what the reference
gives: each year and system, every sample district and several seeds (the
reference lookups patched in for the comparison run). Changing what a lookup
hands out must not change the next answer.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import workbook.tools.benefits as benefits_module
import workbook.tools.reference as reference_module
from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.e2.givens import position_choice
from workbook.tools._validate import check_choice, check_number
from workbook.tools.benefits import benefit_lines, statutory_rates
from workbook.tools.budget_lines import BudgetLine, line_values
from workbook.tools.fiscal_year import check_fiscal_year
from workbook.tools.reference import _by_year, carried_forward, cola, pension_rate, provisional, reference_table, shared_table
from workbook.tools.staffing import position_cost, projection_note
from reference_match import outcome as _outcome

DISTRICTS = ("sample-rural", "sample-suburban", "sample-urban")
SEEDS = (1, 7, 2024)
YEARS = [f"{y}-{(y + 1) % 100:02d}" for y in range(2019, 2036)]


def ref__by_year(name: str, fiscal_year: Any, where: dict[str, str] | None = None) -> tuple[Any, bool]:
    year = check_fiscal_year("fiscal_year", fiscal_year)
    table = shared_table(name)
    if where:
        for column, value in where.items():
            table = table[table[column] == value]
    table = table.sort_values("fiscal_year")
    years = list(table["fiscal_year"])
    if year in years:
        return table[table["fiscal_year"] == year].iloc[0], False
    if year < years[0]:
        raise InputError(
            "fiscal_year", fiscal_year, f"{years[0]} or later (the {name} table starts there)"
        )
    return table.iloc[-1], True


def ref_statutory_rates(*, workers_comp_rate: float | None = None) -> dict[str, float]:
    from workbook.tools.reference import reference_table

    table = reference_table("statutory_benefits")
    rates = {str(r["benefit"]): float(r["rate"]) for _, r in table.iterrows()}
    if workers_comp_rate is not None:
        rates["workers_comp"] = check_number("workers_comp_rate", workers_comp_rate, minimum=0, maximum=0.2)
    return rates


def ref_projection_note(system: str, years: Sequence[str]) -> str | None:
    check_choice("system", system, ["calstrs", "calpers"])
    table = reference_table("pension_rates")
    rows = table[table["system"] == system].sort_values("fiscal_year")
    last = rows.iloc[-1]
    flagged = []
    for fy in years:
        match = rows[rows["fiscal_year"] == fy]
        row = match.iloc[0] if len(match) else (last if fy > last["fiscal_year"] else None)
        if row is not None and row["status"] != "adopted":
            flagged.append((fy, row))
    if not flagged:
        return None
    fy_list, row = [fy for fy, _ in flagged], flagged[-1][1]
    label = {"calstrs": "CalSTRS", "calpers": "CalPERS"}[system]
    later = " carried forward to later years" if fy_list[-1] > row["fiscal_year"] else ""
    return (f"The {label} employer rate for {', '.join(fy_list)} is the {row['fiscal_year']} projection "
            f"({float(row['employer_rate']):.2%}),{later}: {row['note']}").replace(",:", ":")


@pytest.mark.parametrize("name, where", [("pension_rates", {"system": "calpers"}), ("pension_rates", {"system": "calstrs"}),
                                         ("pension_rates", None), ("cola", None), ("pension_rates", {"system": "nobody"})])
def test_by_year_gives_the_reference_row_for_every_year(name: str, where: dict[str, str] | None) -> None:
    for year in [*YEARS, "2026-27 ", "2026-28", 2026]:
        new, ref = _outcome(_by_year, name, year, where), _outcome(ref__by_year, name, year, where)
        if isinstance(ref, str):
            assert new == ref
        else:
            pd.testing.assert_series_equal(new[0], ref[0], check_exact=True)
            assert new[1] == ref[1]


def test_rates_and_notes_match_the_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    def answers() -> list[Any]:
        out: list[Any] = []
        for year in YEARS:
            out += [_outcome(pension_rate, s, year) for s in ("calstrs", "CalPERS", "strs")]
            out += [_outcome(cola, year), _outcome(carried_forward, "cola", year), _outcome(carried_forward, "pension_rates", year),
                    _outcome(provisional, "cola", year), _outcome(provisional, "pension_rates", year)]
        return out + [statutory_rates(), statutory_rates(workers_comp_rate=0.022)]

    new = answers()
    monkeypatch.setattr(reference_module, "_by_year", ref__by_year)
    monkeypatch.setattr(benefits_module, "statutory_rates", ref_statutory_rates)
    assert new == answers()
    assert [type(x) for x in new] == [type(x) for x in answers()]


def _position_costs() -> list[Any]:
    costs = []
    for name in DISTRICTS:
        for seed in SEEDS:
            for start in ("2024-25", "2026-27", "2029-30"):
                choice = position_choice(load_district(name), seed, start)
                costs += [choice.tosa_cost(start), choice.specialist_cost(start, workers_comp_rate=0.021)]
    pay = BudgetLine("Technicians", "expenditure", "0000", "2400", 250_000.0, "cola")
    lines = [line_values(line, YEARS[5:]) for system in ("calpers", "calstrs") for line in benefit_lines(pay, system)]
    costs.append(position_cost("Technician", [80_000, 82_000, 84_000], "2025-26", "calpers", salary_object="2400",
                               health_premium=18_000, health_growth=0.06, health_cap=20_000))
    return [costs, lines]


def test_position_costs_match_those_built_on_the_reference_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    (new_costs, new_lines) = _position_costs()
    monkeypatch.setattr(reference_module, "_by_year", ref__by_year)
    monkeypatch.setattr(benefits_module, "statutory_rates", ref_statutory_rates)
    (ref_costs, ref_lines) = _position_costs()
    for new, ref in zip(new_costs, ref_costs, strict=True):
        pd.testing.assert_frame_equal(new.table, ref.table, check_exact=True)
        assert (new.title, new.system, new.notes) == (ref.title, ref.system, ref.notes)
    for new, ref in zip(new_lines, ref_lines, strict=True):
        assert new.tolist() == ref.tolist() and new.dtype == ref.dtype


def test_changing_what_a_lookup_hands_out_changes_no_later_answer() -> None:
    row, _ = _by_year("pension_rates", "2025-26", {"system": "calpers"})
    before = pension_rate("calpers", "2025-26")
    row["employer_rate"] = 0.99
    rates = statutory_rates()
    rates["oasdi"] = 0.5
    assert pension_rate("calpers", "2025-26") == before
    assert statutory_rates()["oasdi"] == 0.062
    assert shared_table("pension_rates").equals(reference_table("pension_rates"))


def test_projection_notes_match_the_reference() -> None:
    spans = [YEARS[i:i + k] for k in (1, 3, 5) for i in range(0, len(YEARS) - k + 1, 2)]
    for system in ("calstrs", "calpers", "strs"):
        for years in [*spans, [], ["2026-27", "2024-25"], ["2031-32", "2026-27"]]:
            assert _outcome(projection_note, system, years) == _outcome(ref_projection_note, system, years)
