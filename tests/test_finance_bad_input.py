"""Bad input to the finance calculators raises InputError naming the argument."""

from __future__ import annotations

import pytest

from workbook.errors import InputError
from workbook.tools import finance

NAN = float("nan")


@pytest.mark.parametrize(
    "call, argument",
    [
        (lambda: finance.npv(NAN, [-1, 2]), "rate"),
        (lambda: finance.npv("0.1", [-1, 2]), "rate"),
        (lambda: finance.npv(-1, [-1, 2]), "rate"),
        (lambda: finance.npv(-1.5, [-1, 2]), "rate"),
        (lambda: finance.npv(0.1, []), "cashflows"),
        (lambda: finance.npv(0.1, "-100,50"), "cashflows"),
        (lambda: finance.npv(0.1, [-100, NAN]), "cashflows[1]"),
        (lambda: finance.npv(0.1, [-100, "50"]), "cashflows[1]"),
        (lambda: finance.npv(0.1, None), "cashflows"),
        (lambda: finance.irr([-100]), "cashflows"),
        (lambda: finance.irr([]), "cashflows"),
        (lambda: finance.irr([NAN, 1]), "cashflows[0]"),
        (lambda: finance.payback_period([]), "cashflows"),
        (lambda: finance.payback_period(["x"]), "cashflows[0]"),
        (lambda: finance.discounted_payback_period(-1, [-1, 2]), "rate"),
        (lambda: finance.discounted_payback_period(0.1, []), "cashflows"),
        (lambda: finance.roi(NAN, 100), "benefits"),
        (lambda: finance.roi("100", 100), "benefits"),
        (lambda: finance.roi([], 100), "benefits"),
        (lambda: finance.roi(100, 0), "costs"),
        (lambda: finance.roi(100, -50), "costs"),
        (lambda: finance.roi(100, [50, -10]), "costs[1]"),
        (lambda: finance.roi(100, [0, 0]), "costs"),
        (lambda: finance.equivalent_annual_cost(0.1, [1000]), "cashflows"),
        (lambda: finance.equivalent_annual_cost(-1, [1000, 10]), "rate"),
        (lambda: finance.discount_factors(0.1, 2.5), "years"),
        (lambda: finance.discount_factors(0.1, -1), "years"),
        (lambda: finance.discount_factors(True, 3), "rate"),
        (lambda: finance.cashflow_table(0.1, []), "cashflows"),
        (lambda: finance.cashflow_table(NAN, [1]), "rate"),
    ],
)
def test_finance_bad_input_names_the_argument(call, argument):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == argument
    assert str(info.value).startswith(f"{argument} = ")


def test_finance_bad_input_message_shows_the_value():
    with pytest.raises(InputError, match=r"rate = -2 is not allowed: expected a number > -1"):
        finance.npv(-2, [1, 2])
    with pytest.raises(InputError, match=r"cashflows\[2\] = nan"):
        finance.irr([-1, 1, NAN])
