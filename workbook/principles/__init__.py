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

from typing import TYPE_CHECKING

from workbook.paths import extra_roots
from workbook.tools._validate import check_count

if TYPE_CHECKING:
    import numpy as np

__all__ = ["include_extra_roots", "salted_rng"]


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
