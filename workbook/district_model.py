"""The district profile model: fields, units, allowed values and cross-field rules.

The lowest layer of the district modules; it knows nothing of files:

=========================  ===================================================
``district_model``         this model (pydantic) and :func:`field_specs`
``district_writer``        YAML, CSV and Excel writing, templates
``district_files``         reading and checking files, one message per problem
``districts``              samples and :func:`~workbook.districts.load_district`;
                           re-exports the model (the public entry point)
=========================  ===================================================

Examples
--------
>>> from workbook.districts import load_district
>>> d = load_district("sample-rural")
>>> d.staff.it <= d.staff.classified
True
"""

from __future__ import annotations

import difflib
import functools
import re
import typing
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from workbook.tools.fiscal_year import check_fiscal_year

__all__ = [
    "CALIFORNIA_COUNTIES",
    "CrossFieldError",
    "District",
    "GradeSpans",
    "Enrollment",
    "Staff",
    "Salaries",
    "Devices",
    "TechBudget",
    "Revenue",
    "FieldSpec",
    "field_specs",
]

#: California's 58 counties (California State Association of Counties, county list).
CALIFORNIA_COUNTIES: tuple[str, ...] = (
    "Alameda", "Alpine", "Amador", "Butte", "Calaveras", "Colusa", "Contra Costa",
    "Del Norte", "El Dorado", "Fresno", "Glenn", "Humboldt", "Imperial", "Inyo", "Kern",
    "Kings", "Lake", "Lassen", "Los Angeles", "Madera", "Marin", "Mariposa", "Mendocino",
    "Merced", "Modoc", "Mono", "Monterey", "Napa", "Nevada", "Orange", "Placer", "Plumas",
    "Riverside", "Sacramento", "San Benito", "San Bernardino", "San Diego",
    "San Francisco", "San Joaquin", "San Luis Obispo", "San Mateo", "Santa Barbara",
    "Santa Clara", "Santa Cruz", "Shasta", "Sierra", "Siskiyou", "Solano", "Sonoma",
    "Stanislaus", "Sutter", "Tehama", "Trinity", "Tulare", "Tuolumne", "Ventura", "Yolo",
    "Yuba",
)  # fmt: skip

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SPANS = ("tk_3", "g4_6", "g7_8", "g9_12")


def _not_bool(value: Any) -> Any:
    # pydantic's lax mode reads True as 1; in a district file that is a typo, not a count.
    if isinstance(value, bool):
        raise ValueError("true/false is not a number")
    return value


_NumberIn = BeforeValidator(_not_bool)
Count = Annotated[int, _NumberIn, Field(ge=0)]
Amount = Annotated[float, _NumberIn, Field(ge=0, allow_inf_nan=False)]
Positive = Annotated[float, _NumberIn, Field(gt=0, allow_inf_nan=False)]
Fraction = Annotated[float, _NumberIn, Field(ge=0, le=1, allow_inf_nan=False)]

WHOLE = "a whole number >= 0"
AMOUNT = "a number >= 0"
DOLLARS = "a dollar amount >= 0 (no cents needed)"
POSITIVE_DOLLARS = "a dollar amount > 0"
FRACTION = "a fraction between 0 and 1 (write 45% as 0.45)"


def _f(description: str, unit: str, allowed: str, **kwargs: Any) -> Any:
    """A pydantic Field carrying its meaning, unit and allowed values for help and messages."""
    return Field(description=description, json_schema_extra={"unit": unit, "allowed": allowed}, **kwargs)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GradeSpans(_Model):
    """Four LCFF grade spans; used for average daily attendance (fractional)."""

    tk_3: Amount = _f("transitional kindergarten to grade 3", "students", AMOUNT)
    g4_6: Amount = _f("grades 4 to 6", "students", AMOUNT)
    g7_8: Amount = _f("grades 7 and 8", "students", AMOUNT)
    g9_12: Amount = _f("grades 9 to 12", "students", AMOUNT)

    @property
    def total(self) -> float:
        """The sum of the four spans."""
        return self.tk_3 + self.g4_6 + self.g7_8 + self.g9_12


class Enrollment(GradeSpans):
    """Students enrolled in each grade span (whole numbers).

    >>> Enrollment(tk_3=300, g4_6=200, g7_8=150, g9_12=310).total
    960
    """

    tk_3: Count = _f("transitional kindergarten to grade 3", "students", WHOLE)  # type: ignore[assignment]
    g4_6: Count = _f("grades 4 to 6", "students", WHOLE)  # type: ignore[assignment]
    g7_8: Count = _f("grades 7 and 8", "students", WHOLE)  # type: ignore[assignment]
    g9_12: Count = _f("grades 9 to 12", "students", WHOLE)  # type: ignore[assignment]

    @property
    def total(self) -> int:  # type: ignore[override]
        """The sum of the four spans."""
        return self.tk_3 + self.g4_6 + self.g7_8 + self.g9_12


class Staff(_Model):
    """Head counts of district employees."""

    certificated: Count = _f("certificated (credentialed) employees: teachers, counselors, administrators", "people", WHOLE)
    classified: Count = _f("classified employees, including IT staff", "people", WHOLE)
    it: Count = _f("IT staff (counted in classified too)", "people", WHOLE)


class Salaries(_Model):
    """Average annual salary, before benefits, in US dollars."""

    certificated: Positive = _f("average certificated salary", "$ per year", POSITIVE_DOLLARS)
    classified: Positive = _f("average classified salary", "$ per year", POSITIVE_DOLLARS)
    it: Positive = _f("average IT staff salary", "$ per year", POSITIVE_DOLLARS)


class Devices(_Model):
    """End-user computing devices in service."""

    student_devices: Count = _f("student devices in service (Chromebooks, laptops, tablets)", "devices", WHOLE)
    staff_devices: Count = _f("staff devices in service", "devices", WHOLE)
    unit_cost: Positive = _f("average purchase price of one student device", "$ per device", POSITIVE_DOLLARS)
    lifespan_years: Annotated[int, _NumberIn] = _f(
        "planned refresh cycle", "years", "a whole number of years from 1 to 10", ge=1, le=10
    )
    average_age_years: Amount = _f("average age of the devices in service", "years", "a number of years >= 0")


class TechBudget(_Model):
    """Annual technology department spending by SACS object, in US dollars."""

    it_salaries: Amount = _f("IT staff salaries (SACS object 2000)", "$ per year", DOLLARS)
    it_benefits: Amount = _f("IT staff benefits (SACS object 3000)", "$ per year", DOLLARS)
    devices: Amount = _f("non-capitalized equipment: devices (SACS object 4400)", "$ per year", DOLLARS)
    software: Amount = _f("software licences and subscriptions (SACS object 5800)", "$ per year", DOLLARS)
    connectivity: Amount = _f("communications: internet, WAN, phones (SACS object 5900)", "$ per year", DOLLARS)
    contracted_services: Amount = _f("contracted technology services (SACS object 5800)", "$ per year", DOLLARS)
    professional_development: Amount = _f("technology professional development (SACS object 5200)", "$ per year", DOLLARS)
    capital_equipment: Amount = _f("capitalized equipment: network, servers (SACS object 6400)", "$ per year", DOLLARS)

    @property
    def total(self) -> float:
        """All eight lines added up."""
        return float(sum(getattr(self, name) for name in type(self).model_fields))


class Revenue(_Model):
    """District general fund revenue by source, in US dollars per year."""

    lcff: Amount = _f("Local Control Funding Formula: base, supplemental and concentration grants", "$ per year", DOLLARS)
    federal: Amount = _f("federal revenue (Title I, IDEA, ...)", "$ per year", DOLLARS)
    other_state: Amount = _f("other state revenue (lottery, mandated costs, ...)", "$ per year", DOLLARS)
    local: Amount = _f("local revenue (interest, leases, parcel tax, ...)", "$ per year", DOLLARS)

    @property
    def total(self) -> float:
        """All four sources added up."""
        return self.lcff + self.federal + self.other_state + self.local


class CrossFieldError(ValueError):
    """Problems that involve two fields; ``problems`` holds (field, value, allowed).

    Raised inside :meth:`District.model_validate`; pydantic wraps it in a
    ``ValidationError`` whose error context carries it, so a file reader can
    report each pair of fields (:mod:`workbook.district_files`).
    """

    def __init__(self, problems: list[tuple[str, object, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{f} = {v!r}: must be {a}" for f, v, a in problems))


class District(_Model):
    """One school district's profile (see the module docstring).

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> d = load_district("sample-rural")
    >>> d.staff.it <= d.staff.classified
    True
    >>> sorted(d.to_flat())[:3]
    ['ada.g4_6', 'ada.g7_8', 'ada.g9_12']
    """

    id: str = _f("short id: lower case letters, digits and dashes", "", "a lower-case slug like 'my-district'", pattern=_SLUG, max_length=64)
    name: str = _f("the district's name", "", "a non-empty name", min_length=1)
    county: str = _f("California county the district is in", "", "one of California's 58 counties, e.g. 'Fresno'")
    locale: Literal["urban", "rural"] = _f("E-rate locale classification (urban or rural)", "", "'urban' or 'rural'")
    fiscal_year: str = _f("California fiscal year, July to June", "", "a fiscal year like '2026-27' (the second year follows the first)")
    schools: Annotated[int, _NumberIn] = _f("number of schools", "", "a whole number >= 1", ge=1)
    classrooms: Count = _f("teaching rooms (for access-point counts)", "rooms", WHOLE)
    enrollment: Enrollment = _f("students enrolled (census day)", "students", WHOLE)
    ada: GradeSpans = _f("average daily attendance (ADA)", "students", AMOUNT)
    unduplicated_pct: Fraction = _f("LCFF unduplicated pupil share (low income, English learner, foster youth)", "fraction", FRACTION)
    nslp_pct: Fraction = _f("share of students eligible for free or reduced-price meals (NSLP), for E-rate", "fraction", FRACTION)
    staff: Staff = _f("staff head counts", "people", WHOLE)
    salaries: Salaries = _f("average annual salaries", "$ per year", POSITIVE_DOLLARS)
    devices: Devices = _f("end-user devices", "", "")
    budget: TechBudget = _f("annual technology spending", "$ per year", DOLLARS)
    revenue: Revenue = _f("general fund revenue", "$ per year", DOLLARS)
    source: str = _f("where these figures come from", "", "a short note on the source", min_length=1)

    @field_validator("county", mode="before")
    @classmethod
    def _county(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        cleaned = re.sub(r"\s+county$", "", value.strip(), flags=re.IGNORECASE)
        lookup = {c.lower(): c for c in CALIFORNIA_COUNTIES}
        if cleaned.lower() in lookup:
            return lookup[cleaned.lower()]
        close = difflib.get_close_matches(cleaned.title(), CALIFORNIA_COUNTIES, n=1)
        raise ValueError(f"did you mean {close[0]!r}?" if close else "not a California county")

    @field_validator("fiscal_year")
    @classmethod
    def _fiscal_year(cls, value: str) -> str:
        return check_fiscal_year("fiscal_year", value)

    @model_validator(mode="after")
    def _cross_fields(self) -> District:
        problems: list[tuple[str, object, str]] = []
        for span in _SPANS:
            attending, enrolled = getattr(self.ada, span), getattr(self.enrollment, span)
            if attending > enrolled:
                problems.append((f"ada.{span}", attending, f"<= enrollment.{span} ({enrolled})"))
        if self.staff.it > self.staff.classified:
            problems.append(("staff.it", self.staff.it, f"<= staff.classified ({self.staff.classified}): IT staff are classified staff"))
        if problems:
            raise CrossFieldError(problems)
        return self

    def to_flat(self, *, include_totals: bool = False) -> dict[str, object]:
        """The profile as ``{dotted field: value}``, the form of CSV and Excel files.

        >>> from workbook.districts import load_district
        >>> flat = load_district("sample-urban").to_flat(include_totals=True)
        >>> flat["enrollment.total"] == flat["enrollment.tk_3"] + flat["enrollment.g4_6"] + flat["enrollment.g7_8"] + flat["enrollment.g9_12"]
        True
        """
        flat: dict[str, object] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, BaseModel):
                for sub in type(value).model_fields:
                    flat[f"{name}.{sub}"] = getattr(value, sub)
                if include_totals and hasattr(value, "total"):
                    flat[f"{name}.total"] = value.total
            else:
                flat[name] = value
        return flat


class FieldSpec(BaseModel):
    """What one dotted field means, its unit, and what values are allowed."""

    model_config = ConfigDict(frozen=True)
    field: str
    kind: Literal["text", "choice", "integer", "number"]
    description: str
    unit: str
    allowed: str


def _leaf_kind(annotation: Any) -> Literal["text", "choice", "integer", "number"]:
    # pydantic unwraps Annotated[...] aliases: the annotation is the bare type.
    if typing.get_origin(annotation) is Literal:
        return "choice"
    if annotation is int:
        return "integer"
    if annotation is float:
        return "number"
    return "text"


def _walk(model: type[BaseModel], prefix: str = "", group: str = "") -> Iterator[FieldSpec]:
    for name, info in model.model_fields.items():
        annotation = info.annotation
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _walk(annotation, f"{prefix}{name}.", info.description or "")
            continue
        kind = _leaf_kind(annotation)
        description = f"{group}: {info.description}" if group else (info.description or "")
        yield FieldSpec(
            field=prefix + name,
            kind=kind,
            description=description,
            unit=str(extra.get("unit", "")),
            allowed=str(extra.get("allowed", "")),
        )


@functools.cache
def field_specs() -> dict[str, FieldSpec]:
    """Every field of a district file, in file order, keyed by dotted name.

    >>> specs = field_specs()
    >>> specs["enrollment.tk_3"].allowed, specs["enrollment.tk_3"].kind
    ('a whole number >= 0', 'integer')
    >>> specs["ada.tk_3"].kind, specs["county"].kind, specs["locale"].kind
    ('number', 'text', 'choice')
    >>> len(CALIFORNIA_COUNTIES)
    58
    """
    return {spec.field: spec for spec in _walk(District)}
