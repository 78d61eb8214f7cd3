"""One package per principle: what its notebook shows, beside nothing else's.

``workbook/principles/<id>/`` (the principle id in lower case: ``t1``, ``l6``)
holds what belongs to that principle alone:

=============  =================================================================
``givens.py``  what its exercises work on (quotes, registers, inventories),
               derived from the district and ``seed``; no Jupyter. The notebook
               shows the givens and the rubric recomputes its answers from them.
``charts.py``  its matplotlib figures, in the shared style of ``workbook.notebook.style``.
``widgets.py`` its ipywidgets explorers, on the shared live panel (``workbook.notebook.live``).
=============  =================================================================

A principle needs only the modules it uses. What several principles share
stays where it is: the calculators in ``workbook.tools`` (pure, no Jupyter), the
chart style, display helpers and the explorer panel in ``workbook.notebook``.
The notebook source is ``notebooks/<strand>/<ID>-<slug>.md`` and the rubric
``exercises/<ID>.py`` (``exercises/hidden/<ID>.py``): see docs/authoring.md.

Packages of principles kept outside the workbook (a cohort's own, or a test's)
are found the same way: each folder named in ``CTO_WORKBOOK_PATH`` may have a
``principles/`` folder whose ``<id>/`` packages join this one
(:func:`include_extra_roots`, run on import and before a rubric loads).

>>> import workbook.principles.t1, workbook.principles.l6
>>> workbook.principles.t1.__name__
'workbook.principles.t1'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from workbook.paths import extra_roots
from workbook.tools._validate import check_count

if TYPE_CHECKING:
    import numpy as np

__all__ = ["include_extra_roots", "salted_rng", "kept_table"]


def salted_rng(seed: int, salt: int) -> np.random.Generator:
    """The random generator of one table of a principle's givens: the candidate's ``seed`` and a salt per table.

    Every table gets its own stream, so adding a table never moves another's
    numbers; the rubric, calling the same givens, draws the same ones.

    >>> int(salted_rng(2026, 3).integers(0, 10**6)) == int(salted_rng(2026, 3).integers(0, 10**6))
    True
    >>> salted_rng(-1, 3)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: seed = -1 is not allowed: expected a whole number >= 0
    """
    import numpy as np

    check_count("seed", seed)
    return np.random.default_rng([int(seed), salt])


#: The last tables :func:`kept_table` made, oldest first.
_KEPT: dict[tuple[Any, ...], Any] = {}
_KEEP = 24


def kept_table(kind: str, district: Any, *args: Any, make: Callable[[], Any]) -> Any:
    """A ``.copy()`` of the table ``make()`` builds for ``(kind, district, *args)``, built once while it is among the last few.

    The notebook, its self-checks and the rubric ask for the same givens
    several times with the same district and seed; each gets its own copy,
    so no caller's change reaches another.

    >>> calls = []
    >>> first = kept_table("demo", "sample-rural", 1, make=lambda: calls.append(1) or [1, 2])
    >>> first.append(3)
    >>> kept_table("demo", "sample-rural", 1, make=lambda: calls.append(1) or [1, 2]), len(calls)
    ([1, 2], 1)
    """
    key = (kind, district.model_dump_json() if hasattr(district, "model_dump_json") else repr(district), *args)
    if key not in _KEPT:
        if len(_KEPT) >= _KEEP:
            _KEPT.pop(next(iter(_KEPT)))
        _KEPT[key] = make()
    return _KEPT[key].copy()


def include_extra_roots() -> list[str]:
    """Join the ``principles/`` folders of the extra roots named now in ``$CTO_WORKBOOK_PATH``; return the package's path.

    >>> include_extra_roots()[0].endswith("principles")
    True
    """
    for root in extra_roots():
        folder = root / "principles"
        if folder.is_dir() and str(folder) not in __path__:
            __path__.append(str(folder))
    return list(__path__)


include_extra_roots()
