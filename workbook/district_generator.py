"""Synthetic district profiles, reproducible from a seed.

Three kinds, with magnitudes chosen to look like California districts of that
size; every figure is made up (no real district, student or employee):

- ``rural``: a small unified district, about 600-1,200 students in 2-4
  schools, E-rate locale rural, a high share of low-income students;
- ``suburban``: a mid-size unified district, about 9,000-14,000 students;
- ``urban``: a large unified district, about 45,000-70,000 students with a
  high unduplicated pupil share.

LCFF revenue is computed from the ADA with the 2024-25 base grants and the
supplemental and concentration formulas (see :func:`lcff_revenue`).

Examples
--------
>>> d = generate_district("rural", seed=7)
>>> 600 <= d.enrollment.total <= 1200 and d.locale == "rural"
True
>>> generate_district("rural", seed=7) == d
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np

from workbook.district_files import save_district
from workbook.districts import District, Enrollment, GradeSpans
from workbook.paths import data_dir
from workbook.tools._validate import check_choice, check_count, check_fraction
from workbook.tools.fiscal_year import check_fiscal_year

__all__ = ["KINDS", "SAMPLE_SEED", "LCFF_BASE_2024_25", "generate_district", "lcff_revenue", "write_samples"]

Kind = Literal["rural", "suburban", "urban"]
KINDS: tuple[str, ...] = ("rural", "suburban", "urban")
#: The seed of the committed sample files in data/districts/.
SAMPLE_SEED = 2026

# LCFF base grant per ADA by grade span, 2024-25, with the grade span adjustments
# (TK-3 +10.4% for class size, 9-12 +2.6% for career technical education).
# Source: CDE, "Funding Rates and Information, Fiscal Year 2024-25"
# (cde.ca.gov/fg/aa/pa/pa2425rates.asp), via a vendor summary; equal to the
# 2023-24 rates x 1.0107 COLA. Confidence M (workbook domain facts, section 4).
LCFF_BASE_2024_25: dict[str, float] = {
    "tk_3": 10_025 + 1_043,
    "g4_6": 10_177,
    "g7_8": 10_478,
    "g9_12": 12_144 + 316,
}
SUPPLEMENTAL_RATE = 0.20  # of the adjusted base, times the unduplicated pupil share
CONCENTRATION_RATE = 0.65  # of the adjusted base, times the share above 55% (since 2021-22)
CONCENTRATION_THRESHOLD = 0.55

_SPANS = ("tk_3", "g4_6", "g7_8", "g9_12")

# Per kind: (low, high) ranges the generator draws from uniformly.
_PROFILE: dict[str, dict[str, object]] = {
    "rural": {
        "name": "Sample Ridge Joint Unified School District (synthetic)",
        "counties": ("Tehama", "Siskiyou", "Modoc", "Plumas", "Trinity", "Lassen", "Mariposa", "Inyo"),
        "locale": "rural", "students": (600, 1200), "upp": (0.60, 0.82),
        "students_per_it": (320, 480), "cert_salary": (70_000, 80_000),
        "class_salary": (41_000, 48_000), "it_salary": (60_000, 70_000),
        "connectivity_per_student": (45, 75), "federal_share": (0.08, 0.12),
    },
    "suburban": {
        "name": "Sample Valley Unified School District (synthetic)",
        "counties": ("Placer", "Contra Costa", "San Joaquin", "Ventura", "Sonoma", "Stanislaus"),
        "locale": "urban", "students": (9000, 14000), "upp": (0.32, 0.50),
        "students_per_it": (800, 1100), "cert_salary": (92_000, 104_000),
        "class_salary": (52_000, 60_000), "it_salary": (82_000, 95_000),
        "connectivity_per_student": (12, 20), "federal_share": (0.05, 0.08),
    },
    "urban": {
        "name": "Sample City Unified School District (synthetic)",
        "counties": ("Los Angeles", "Fresno", "Sacramento", "San Diego", "Alameda", "Kern"),
        "locale": "urban", "students": (45000, 70000), "upp": (0.72, 0.90),
        "students_per_it": (1000, 1400), "cert_salary": (98_000, 112_000),
        "class_salary": (55_000, 64_000), "it_salary": (88_000, 104_000),
        "connectivity_per_student": (8, 14), "federal_share": (0.09, 0.13),
    },
}  # fmt: skip


def lcff_revenue(ada: GradeSpans, unduplicated_pct: float) -> float:
    """LCFF target entitlement in dollars: base + supplemental + concentration grants.

    Base = sum over spans of ADA x the 2024-25 base grant (with the TK-3 and 9-12
    adjustments); supplemental = base x 20% x UPP; concentration = base x 65% x
    max(0, UPP - 55%). Add-ons (transportation, TIIG, ...) are left out.

    >>> ada = GradeSpans(tk_3=100, g4_6=0, g7_8=0, g9_12=0)
    >>> lcff_revenue(ada, 0.0)
    1106800.0
    >>> round(lcff_revenue(ada, 0.75))  # 1,106,800 x (1 + 0.15 + 0.13)
    1416704
    """
    upp = check_fraction("unduplicated_pct", unduplicated_pct)
    base = sum(getattr(ada, span) * LCFF_BASE_2024_25[span] for span in _SPANS)
    supplemental = base * SUPPLEMENTAL_RATE * upp
    concentration = base * CONCENTRATION_RATE * max(0.0, upp - CONCENTRATION_THRESHOLD)
    return float(base + supplemental + concentration)


def _between(rng: np.random.Generator, bounds: object) -> float:
    low, high = bounds  # type: ignore[misc]
    return float(rng.uniform(low, high))


def _round(value: float, step: float) -> float:
    return float(round(value / step) * step)


def generate_district(kind: Kind, seed: int = SAMPLE_SEED, fiscal_year: str = "2026-27") -> District:
    """A synthetic district of the given kind, the same for the same seed.

    Parameters
    ----------
    kind
        ``"rural"``, ``"suburban"`` or ``"urban"``.
    seed
        Any whole number >= 0; the committed samples use 2026.
    fiscal_year
        The fiscal year the profile describes, like ``"2026-27"``.

    Examples
    --------
    >>> d = generate_district("urban", seed=1)
    >>> d.id, d.unduplicated_pct > 0.7, 45_000 <= d.enrollment.total <= 70_000
    ('synthetic-urban-1', True, True)
    >>> generate_district("city")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: kind = 'city' is not allowed: expected one of 'rural', 'suburban', 'urban'
    """
    check_choice("kind", kind, KINDS)
    if not (isinstance(seed, int) and not isinstance(seed, bool) and seed >= 0):
        seed = check_count("seed", seed)  # check_count goes through float: exact ints skip it
    fiscal_year = check_fiscal_year("fiscal_year", fiscal_year)
    p = _PROFILE[kind]
    rng = np.random.default_rng(seed)

    total = int(rng.integers(*p["students"], endpoint=True))  # type: ignore[misc]
    # Grade-span shares of a unified district (TK-3 is four grades plus TK).
    shares = rng.dirichlet(np.array([32.0, 22.0, 15.0, 31.0]) * 40)
    counts = np.floor(shares * total).astype(int)
    counts[0] += total - counts.sum()
    enrollment = Enrollment(**{s: int(c) for s, c in zip(_SPANS, counts)})
    attendance = rng.uniform(0.93, 0.96, size=4)
    ada = GradeSpans(**{s: round(float(c * a), 2) for s, c, a in zip(_SPANS, counts, attendance)})

    upp = round(_between(rng, p["upp"]), 3)
    nslp = round(upp * _between(rng, (0.86, 0.96)), 3)
    if kind == "rural":
        schools = int(rng.integers(2, 4, endpoint=True))
    else:
        schools = max(1, round(total / _between(rng, (560, 760))))
    classrooms = round(total / _between(rng, (22, 26)))

    certificated = round(total / _between(rng, (19, 23)))
    classified = round(certificated * _between(rng, (0.70, 0.95)))
    it = max(1, round(total / _between(rng, p["students_per_it"])))
    salaries = {
        "certificated": _round(_between(rng, p["cert_salary"]), 100),
        "classified": _round(_between(rng, p["class_salary"]), 100),
        "it": _round(_between(rng, p["it_salary"]), 100),
    }

    staff_devices = certificated + classified
    unit_cost = _round(_between(rng, (280, 380)), 5)
    lifespan = int(rng.choice([4, 5]))
    devices = {
        "student_devices": total,
        "staff_devices": staff_devices,
        "unit_cost": unit_cost,
        "lifespan_years": lifespan,
        "average_age_years": round(_between(rng, (1.5, 3.0)), 1),
    }

    it_salaries = it * salaries["it"]
    staff_unit_cost = _between(rng, (800, 1100))
    budget = {
        "it_salaries": it_salaries,
        "it_benefits": _round(it_salaries * _between(rng, (0.38, 0.45)), 100),
        "devices": _round((total * unit_cost + staff_devices * staff_unit_cost) / lifespan, 100),
        "software": _round(total * _between(rng, (35, 60)) + staff_devices * _between(rng, (80, 150)), 100),
        "connectivity": _round(max(30_000.0, total * _between(rng, p["connectivity_per_student"])), 100),
        "contracted_services": _round(total * _between(rng, (10, 25)), 100),
        "professional_development": _round(it * _between(rng, (1_500, 3_000)) + certificated * _between(rng, (20, 50)), 100),
        "capital_equipment": _round(total * _between(rng, (15, 40)), 100),
    }

    lcff = round(lcff_revenue(ada, upp))
    revenue = {
        "lcff": float(lcff),
        "federal": _round(lcff * _between(rng, p["federal_share"]), 1000),
        "other_state": _round(lcff * _between(rng, (0.10, 0.15)), 1000),
        "local": _round(lcff * _between(rng, (0.02, 0.06)), 1000),
    }

    counties: tuple[str, ...] = p["counties"]  # type: ignore[assignment]
    return District(
        id=f"sample-{kind}" if seed == SAMPLE_SEED else f"synthetic-{kind}-{seed}",
        name=str(p["name"]) if seed == SAMPLE_SEED else str(p["name"]).replace("(synthetic)", f"(synthetic, seed {seed})"),
        county=counties[int(rng.integers(len(counties)))],
        locale=p["locale"],  # type: ignore[arg-type]
        fiscal_year=fiscal_year,
        schools=schools,
        classrooms=classrooms,
        enrollment=enrollment,
        ada=ada,
        unduplicated_pct=upp,
        nslp_pct=nslp,
        staff={"certificated": certificated, "classified": classified, "it": it},
        salaries=salaries,
        devices=devices,
        budget=budget,
        revenue=revenue,
        source=f"synthetic: workbook.district_generator, kind={kind}, seed={seed}; "
        "LCFF from 2024-25 base grants (CDE, via domain facts, confidence M)",
    )


def write_samples(folder: str | Path | None = None) -> list[Path]:
    """Regenerate the three sample files (seed 2026) in ``folder`` (default data/districts/).

    >>> import tempfile
    >>> [p.name for p in write_samples(tempfile.mkdtemp())]
    ['sample-rural.yaml', 'sample-suburban.yaml', 'sample-urban.yaml']
    """

    target = Path(folder) if folder is not None else data_dir() / "districts"
    written = []
    for kind in KINDS:
        district = generate_district(kind, seed=SAMPLE_SEED)  # type: ignore[arg-type]
        written.append(save_district(district, target / f"{district.id}.yaml", overwrite=True))
    return written


if __name__ == "__main__":  # python -m workbook.district_generator
    for path in write_samples():
        print(f"wrote {path}")
