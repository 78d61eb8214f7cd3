"""E5 calculators reject bad input with a message naming the argument, the value and what is allowed."""

from __future__ import annotations

import pytest

from workbook.errors import InputError
from workbook.tools.budget_lines import BudgetLine
from workbook.tools.funding import ada_from_attendance, attendance_point_value, funded_ada, lcff_entitlement
from workbook.tools.interim import certification, multiyear_projection, reserve_minimum
from workbook.tools.purchasing import bid_threshold, purchase_route, purchase_routes

LINE = BudgetLine("LCFF", "revenue", "0000", "8011", 1_000)
ORDER = {"id": "a", "description": "x", "kind": "supplies", "amount": 1_000, "date": "2025-03-01", "need": ""}


@pytest.mark.parametrize(
    ("call", "field", "value"),
    [
        (lambda: lcff_entitlement({"tk_3": -1}, 0.5), "ada.tk_3", "-1"),
        (lambda: lcff_entitlement({"k_3": 10}, 0.5), "ada", "k_3"),
        (lambda: lcff_entitlement(1200, 0.5), "ada", "1200"),
        (lambda: lcff_entitlement({"tk_3": 10}, 1.2), "unduplicated_pct", "1.2"),
        (lambda: lcff_entitlement({"tk_3": 10}, 0.5, "2026-2027"), "fiscal_year", "2026-2027"),
        (lambda: lcff_entitlement({"tk_3": 10}, 0.5, "2012-13"), "fiscal_year", "2012-13"),
        (lambda: ada_from_attendance(100, 0), "days_taught", "0"),
        (lambda: ada_from_attendance(-5, 10), "days_attended", "-5"),
        (lambda: ada_from_attendance([1, 2], [3]), "days_taught", "[3]"),
        (lambda: ada_from_attendance([1, "many"], [3, 4]), "days_attended[1]", "many"),
        (lambda: attendance_point_value({"g4_6": 100}, 0.5, points=-1), "points", "-1"),
        (lambda: funded_ada({"g4_6": 1}, [{"g4_6": 1}, {"g4_6": 1}]), "prior_years", "g4_6"),
        (lambda: funded_ada({"g4_6": 1}, [{"g4_6": 1}, {"g4_6": "x"}, {"g4_6": 1}]), "prior_years[1].g4_6", "'x'"),
        (lambda: bid_threshold("next year"), "year", "next year"),
        (lambda: bid_threshold(2020), "year", "2020"),
        (lambda: purchase_route(-1, "supplies", 2025), "amount", "-1"),
        (lambda: purchase_route(1, "laptops", 2025), "kind", "laptops"),
        (lambda: purchase_route(1, "supplies", 2025, contract="gsa"), "contract", "gsa"),
        (lambda: purchase_route(1, "public_project", 2025, contract="cmas"), "contract", "cmas"),
        (lambda: purchase_route(1, "public_project", 2025, cupccaa="yes"), "cupccaa", "yes"),
        (lambda: purchase_routes([{**ORDER, "amount": "lots"}]), "purchases[0].amount", "lots"),
        (lambda: purchase_routes([{**ORDER, "date": "March"}]), "purchases[0].date", "March"),
        (lambda: purchase_routes([ORDER, ORDER]), "purchases.id", "'a'"),
        (lambda: purchase_routes([{**ORDER, "kind": "services", "contract": "piggyback"}]), "purchases[0].contract", "piggyback"),
        (lambda: purchase_routes([]), "purchases", "[]"),
        (lambda: reserve_minimum(-1, 100), "expenditures", "-1"),
        (lambda: reserve_minimum(100, -3), "ada", "-3"),
        (lambda: certification([1, 2], [1, 1, 1]), "available_reserves", "[1, 2]"),
        (lambda: multiyear_projection([], "2026-27", beginning_balance=0, ada=10), "lines", "[]"),
        (lambda: multiyear_projection([LINE], "2026-27", beginning_balance="x", ada=10), "beginning_balance", "'x'"),
        (lambda: multiyear_projection([LINE], "2026-27", beginning_balance=0, ada=[1, 2]), "ada", "[1.0, 2.0]"),
    ],
)
def test_bad_input_names_the_argument_and_the_value(call, field, value):
    with pytest.raises(InputError) as info:
        call()
    message = str(info.value)
    assert info.value.field == field, message
    assert message.startswith(f"{field} = ") and value in message and "expected" in message
