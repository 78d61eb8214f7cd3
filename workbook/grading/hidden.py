"""Hidden checks are required: grading without them must be asked for, and shows.

An installed workbook never carries ``exercises/hidden/`` (candidates could read
it), so the grader looks for each principle's ``hidden/<ID>.py`` before it
starts and stops with :class:`HiddenChecksMissing` naming where it looked,
unless the instructor passes ``--public-only``; every such result's
``rubric_version`` then ends in :data:`PUBLIC_ONLY` and carries
:data:`PUBLIC_ONLY_NOTE`, in the gradebook and the feedback alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from workbook.errors import WorkbookError

__all__ = ["PUBLIC_ONLY", "PUBLIC_ONLY_NOTE", "HiddenChecksMissing", "missing_hidden_checks"]

PUBLIC_ONLY = "+public-only"
"""Suffix of ``rubric_version`` for a result graded without the hidden checks (``--public-only``)."""
PUBLIC_ONLY_NOTE = ("public checks only: graded without the hidden checks (--public-only); "
                    "this score may change when the hidden checks are run")


class HiddenChecksMissing(WorkbookError):
    """The hidden checks of a rubric cannot be found: grading would silently score less."""

    def __init__(self, folder: Path, principles: Sequence[str]) -> None:
        self.folder, self.principles = folder, list(principles)
        super().__init__(
            f"hidden checks not found for {', '.join(principles)}: looked for "
            + ", ".join(str(folder / "hidden" / f"{p}.py") for p in principles)
            + ". An installed workbook never carries them (candidates could read them): point --exercises "
            "at the instructor's rubric folder, the exercises/ folder of the source checkout "
            "(for example --exercises /opt/cto-workbook/src/exercises), or pass --public-only to grade "
            "with the public checks only (every result is then marked public-only)"
        )


def missing_hidden_checks(exercises: str | Path, principles: Iterable[str]) -> list[str]:
    """The principles whose ``<exercises>/hidden/<ID>.py`` is missing.

    >>> missing_hidden_checks("nowhere", ["L6", "T1"])
    ['L6', 'T1']
    """
    base = Path(exercises) / "hidden"
    return sorted(p for p in principles if not (base / f"{p.upper()}.py").is_file())
