"""LCFF base grants, now built once per year, are exactly what they were.

``ref_base_grants`` is the implementation as it stood before (the table filtered,
indexed and projected on every call), verbatim: every year before, inside and after
the table must give the same grants and the same error, and the entitlements and
general funds built on them (patched in for the comparison run) the same numbers
for every sample district and several seeds. A caller who changes the table they
got changes nobody else's.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import workbook.tools.funding as funding
from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.e5.givens import general_fund
from workbook.tools.fiscal_year import check_fiscal_year, fiscal_years
from workbook.tools.funding import _TABLE_SPAN, SPANS, base_grants, lcff_entitlement
from workbook.tools.reference import cola, shared_table
from reference_match import outcome as _outcome

DISTRICTS = ("sample-rural", "sample-suburban", "sample-urban")
SEEDS = (1, 7, 2024)
YEARS = [f"{y}-{(y + 1) % 100:02d}" for y in range(2020, 2036)]


def ref_base_grants(fiscal_year: str) -> pd.DataFrame:
    year = check_fiscal_year("fiscal_year", fiscal_year)
    table = shared_table("lcff_base_grants")
    years = sorted(set(table["fiscal_year"]))
    if year < years[0]:
        raise InputError("fiscal_year", fiscal_year, f"{years[0]} or later (the LCFF rates table starts there)")
    known = min(year, years[-1])
    rows = table[table["fiscal_year"] == known].set_index("grade_span")
    out = pd.DataFrame(
        {
            "base_grant": [float(rows.loc[_TABLE_SPAN[s], "base_grant"]) for s in SPANS],
            "gsa_rate": [float(rows.loc[_TABLE_SPAN[s], "gsa_rate"]) for s in SPANS],
            "gsa_amount": [float(rows.loc[_TABLE_SPAN[s], "gsa_amount"]) for s in SPANS],
            "confidence": [str(rows.loc[_TABLE_SPAN[s], "confidence"]) for s in SPANS],
            "note": "",
        },
        index=pd.Index(SPANS, name="span"),
    )
    if year > known:
        later = fiscal_years(known, int(year[:4]) - int(known[:4]) + 1)[1:]
        base = out["base_grant"].copy()
        for fy in later:
            base = (base * (1 + cola(fy))).round()
        out["base_grant"] = base
        out["gsa_amount"] = (base * out["gsa_rate"]).round()
        out["confidence"] = "computed"
        out["note"] = f"projected from {known} by the COLA of " + ", ".join(f"{fy} ({cola(fy):.2%})" for fy in later)
    out.insert(3, "adjusted_base", out["base_grant"] + out["gsa_amount"])
    return out


def test_base_grants_match_the_reference_for_every_year() -> None:
    for year in [*YEARS, " 2026-27", "2026-28", 2026]:
        for _ in range(2):  # the first call builds, the second reuses
            new, ref = _outcome(base_grants, year), _outcome(ref_base_grants, year)
            if isinstance(ref, str):
                assert new == ref
            else:
                pd.testing.assert_frame_equal(new, ref, check_exact=True)


def test_a_callers_change_reaches_nobody_else() -> None:
    got = base_grants("2027-28")
    got.loc["tk_3", "base_grant"] = 0.0
    got["note"] = "changed"
    pd.testing.assert_frame_equal(base_grants("2027-28"), ref_base_grants("2027-28"), check_exact=True)


def _funds() -> list[Any]:
    out = []
    for name in DISTRICTS:
        district = load_district(name)
        for seed in SEEDS:
            for fy in ("2025-26", "2027-28"):
                fund = general_fund(district, seed, fy)
                out.append(fund)
        spans = {"tk_3": 1200.5, "g4_6": 800, "g7_8": 600.25, "g9_12": 1500}
        for fy in YEARS[3:]:
            result = lcff_entitlement(spans, district.unduplicated_pct, fy)
            out.append((result.by_span, result.base, result.supplemental, result.concentration, result.notes, result.total))
    return out


def test_entitlements_and_general_funds_match_those_built_on_the_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    new = _funds()
    monkeypatch.setattr(funding, "base_grants", ref_base_grants)
    ref = _funds()
    assert len(new) == len(ref)
    for a, b in zip(new, ref):
        if isinstance(b, tuple):
            pd.testing.assert_frame_equal(a[0], b[0], check_exact=True)
            assert a[1:] == b[1:]
        else:
            assert a == b
