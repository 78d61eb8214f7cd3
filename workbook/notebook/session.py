"""The notebook's session: which principle, which parameters, which district.

``start()`` is called once, in the set-up cell right after the parameters;
``answer()`` uses what it remembers to run the public self-check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbook.rubric import Context

__all__ = ["Session", "start", "current_session"]

_CURRENT: Session | None = None


@dataclass
class Session:
    """The parameters a notebook runs with and the district they name."""

    principle: str
    params: dict[str, Any]
    context: Context = field(init=False)

    def __post_init__(self) -> None:
        self.context = Context(self.principle, dict(self.params))

    @property
    def district(self) -> Any:
        """The loaded :class:`workbook.districts.District`."""
        return self.context.district

    def __repr__(self) -> str:
        return f"Session({self.principle}, district={self.params.get('district')!r}, candidate={self.params.get('candidate')!r})"

    def _repr_markdown_(self) -> str:
        d = self.district
        return (
            f"**{self.principle}** for **{d.name}** ({d.county} County, {d.locale}; "
            f"{d.enrollment.total:,} students, {d.schools} schools), fiscal year "
            f"{self.params.get('fiscal_year', d.fiscal_year)}. Candidate: `{self.params.get('candidate', '')}`."
        )


def start(principle: str, **params: Any) -> Session:
    """Begin a principle's notebook: load the district and remember the parameters.

    Parameters
    ----------
    principle
        The principle's id, for example ``"L6"``.
    **params
        The notebook's parameters (``district``, ``candidate``, ``seed``,
        ``fiscal_year`` and the principle's own).

    Examples
    --------
    >>> wb = start("L6", district="sample-rural", candidate="demo", seed=1, fiscal_year="2026-27")
    >>> wb.district.id
    'sample-rural'
    >>> current_session() is wb
    True
    """
    global _CURRENT
    from workbook.districts import load_district

    session = Session(principle.upper(), params)
    # Load now so a bad district file is reported at the set-up cell, not later.
    session.context.__dict__["district"] = load_district(params.get("district", "sample-suburban"))
    _CURRENT = session
    return session


def current_session() -> Session | None:
    """The session ``start()`` began, or ``None`` before the set-up cell has run."""
    return _CURRENT
