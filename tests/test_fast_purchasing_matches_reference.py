"""Bid-threshold lookups, now built once per kind, still give exactly what they gave.

``ref__row`` is the lookup as it stood before (a filter, a column and a sort of
the table on every call), kept verbatim as the reference. Every threshold, note
and route, and E5's purchase lists routed for every sample district and several
seeds, must equal what the reference lookup gives (patched in for the comparison
run); changing a row a lookup hands out must not change the next answer.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import workbook.tools.purchasing as purchasing
from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.e5.givens import district_in_cupccaa, purchase_list
from workbook.tools.purchasing import CONTRACTS, KINDS, _row, bid_threshold, purchase_route, purchase_routes, threshold_note
from workbook.tools.reference import shared_table
from reference_match import outcome as _outcome

DISTRICTS = ("sample-rural", "sample-suburban", "sample-urban")
SEEDS = (1, 7, 2024)
YEARS = range(2019, 2031)


def ref__row(kind: str, year: int) -> tuple[Any, bool]:
    table = shared_table("bid_thresholds")
    rows = table[table["kind"] == kind].assign(y=lambda t: t["year"].astype(int)).sort_values("y")
    if kind != "supplies_services":
        return rows.iloc[-1], False
    if year < int(rows["y"].iloc[0]):
        raise InputError("year", year, f"{rows['y'].iloc[0]} or later (the bid threshold table starts there)")
    known = rows[rows["y"] <= year].iloc[-1]
    return known, int(known["y"]) < year


def test_rows_match_the_reference_for_every_kind_and_year() -> None:
    for kind in [*sorted(set(shared_table("bid_thresholds")["kind"])), "no such kind"]:
        for year in YEARS:
            new, ref = _outcome(_row, kind, year), _outcome(ref__row, kind, year)
            if isinstance(ref, str):
                assert new == ref
            else:
                pd.testing.assert_series_equal(new[0], ref[0], check_exact=True)
                assert new[1] == ref[1]


def _answers() -> list[Any]:
    out: list[Any] = []
    for year in [*YEARS, "2025-03-01"]:
        out += [_outcome(bid_threshold, year), _outcome(threshold_note, year)]
        for kind in KINDS:
            for contract in CONTRACTS:
                for amount in (9_000, 15_000, 60_000, 114_800, 114_801, 220_000):
                    out += [_outcome(purchase_route, amount, kind, year, contract=contract, cupccaa=c) for c in (False, True)]
    return out


def _routed() -> list[Any]:
    tables = []
    for name in DISTRICTS:
        for seed in SEEDS:
            for fy in ("2025-26", "2026-27"):
                orders = purchase_list(load_district(name), seed, fy)
                tables += [purchase_routes(orders, cupccaa=c) for c in (district_in_cupccaa(seed), True, False)]
    return tables


def test_routes_and_notes_match_those_of_the_reference_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    new_answers, new_tables = _answers(), _routed()
    monkeypatch.setattr(purchasing, "_row", ref__row)
    assert new_answers == _answers()
    for new, ref in zip(new_tables, _routed(), strict=True):
        pd.testing.assert_frame_equal(new, ref, check_exact=True)


def test_changing_a_row_handed_out_changes_no_later_answer() -> None:
    before = bid_threshold(2025)
    row, _ = _row("supplies_services", 2025)
    row["threshold"] = 1.0
    other, _ = _row("public_project", 2025)
    other["threshold"] = 1.0
    assert bid_threshold(2025) == before
    assert purchase_route(15_000, "public_project", 2025) == "formal bid"
