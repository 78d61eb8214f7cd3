"""The seeded district generator and the committed sample files."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.district_generator import (
    KINDS,
    LCFF_BASE_2024_25,
    SAMPLE_SEED,
    generate_district,
    lcff_revenue,
    write_samples,
)
from workbook.districts import District, GradeSpans, district_yaml, load_district
from workbook.errors import InputError
from workbook.paths import data_dir


def test_districts_generator_is_deterministic_for_a_seed():
    for kind in KINDS:
        assert generate_district(kind, seed=11) == generate_district(kind, seed=11)
        assert district_yaml(generate_district(kind, seed=11)) == district_yaml(generate_district(kind, seed=11))


def test_districts_generator_differs_for_another_seed():
    for kind in KINDS:
        a, b = generate_district(kind, seed=11), generate_district(kind, seed=12)
        assert a != b
        assert a.enrollment != b.enrollment
        assert a.id != b.id


def test_districts_committed_samples_equal_what_the_generator_writes(tmp_path):
    written = write_samples(tmp_path)
    assert [p.name for p in written] == ["sample-rural.yaml", "sample-suburban.yaml", "sample-urban.yaml"]
    for path in written:
        committed = data_dir() / "districts" / path.name
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{committed} drifted from the generator: run python -m workbook.district_generator"
        )


def test_districts_samples_have_the_default_seed_and_synthetic_names():
    for kind in KINDS:
        d = load_district(f"sample-{kind}")
        assert d == generate_district(kind, seed=SAMPLE_SEED)
        assert d.name.endswith("(synthetic)")
        assert f"kind={kind}, seed={SAMPLE_SEED}" in d.source


@pytest.mark.parametrize(
    ("kind", "low", "high", "locale"),
    [("rural", 600, 1200, "rural"), ("suburban", 9000, 14000, "urban"), ("urban", 45000, 70000, "urban")],
)
def test_districts_generator_magnitudes_fit_the_kind(kind, low, high, locale):
    for seed in range(5):
        d = generate_district(kind, seed=seed)
        assert low <= d.enrollment.total <= high
        assert d.locale == locale
        assert 0.93 * d.enrollment.total - 1 <= d.ada.total <= 0.96 * d.enrollment.total + 1
        assert d.devices.student_devices == d.enrollment.total
        assert d.devices.staff_devices == d.staff.certificated + d.staff.classified
        assert d.budget.it_salaries == d.staff.it * d.salaries.it
        assert d.revenue.lcff == round(lcff_revenue(d.ada, d.unduplicated_pct))
        assert 0.01 < d.budget.total / d.revenue.total < 0.06
        if kind == "rural":
            assert 2 <= d.schools <= 4 and d.nslp_pct >= 0.5
        if kind == "urban":
            assert d.unduplicated_pct >= 0.7


def test_districts_lcff_rates_match_the_reference_table():
    from workbook.tools.reference import reference_table

    table = reference_table("lcff_base_grants")
    rows = table[table["fiscal_year"] == "2024-25"].set_index("grade_span")["adjusted_base"]
    spans = {"TK-3": "tk_3", "4-6": "g4_6", "7-8": "g7_8", "9-12": "g9_12"}
    assert {spans[k]: float(v) for k, v in rows.items()} == LCFF_BASE_2024_25


def test_districts_lcff_supplemental_and_concentration_by_hand():
    ada = GradeSpans(tk_3=0, g4_6=1000, g7_8=0, g9_12=0)
    base = 1000 * 10_177
    assert lcff_revenue(ada, 0.5) == pytest.approx(base * (1 + 0.2 * 0.5))
    assert lcff_revenue(ada, 0.8) == pytest.approx(base * (1 + 0.2 * 0.8 + 0.65 * 0.25))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"kind": "town"}, "kind"), ({"kind": "rural", "seed": -1}, "seed"),
     ({"kind": "rural", "seed": 1.5}, "seed"), ({"kind": "rural", "fiscal_year": "2026"}, "fiscal_year")],
)
def test_districts_generator_bad_input_names_the_argument(kwargs, field):
    with pytest.raises(InputError) as info:
        generate_district(**kwargs)
    assert info.value.field == field


@settings(max_examples=40, deadline=None)
@given(kind=st.sampled_from(KINDS), seed=st.integers(min_value=0, max_value=2**63))
def test_districts_any_generated_district_validates(kind, seed):
    d = generate_district(kind, seed=seed)
    assert District.model_validate(d.model_dump()) == d
    for span in ("tk_3", "g4_6", "g7_8", "g9_12"):
        assert getattr(d.ada, span) <= getattr(d.enrollment, span)
    assert d.ada.total <= d.enrollment.total
    assert d.staff.it <= d.staff.classified
