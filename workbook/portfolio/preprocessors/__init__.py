"""The portfolio's preprocessors, one transform each, in the order they run.

Before them (and before nbconvert's own), the portfolio exporter runs
:class:`UntrustedInputPreprocessor`: keys the pipeline marks its own work with are
removed from the input, and fields nbconvert prints are brought to nbformat's shapes.

1. :class:`ParametersTablePreprocessor`: the parameters cell becomes a short table.
2. :class:`RemoveCellsPreprocessor`: solution, instructor, private and injected-parameters cells go.
3. :class:`AnswerOutputsPreprocessor`: answer outputs show their self-check text only.
4. :class:`SanitizePreprocessor`: markdown and HTML are rendered and cleaned; scripts go.
5. :class:`WidgetStatePreprocessor`: saved widget state keeps standard widgets with clean text only.
6. :class:`HeadingsPreprocessor`: one ``h1`` per page; notebook headings move down a level.
7. :class:`FerpaPreprocessor`: tables with student-level identifiers are withheld.
8. :class:`ReflectionsPreprocessor`: reflections are marked as the candidate's words.
9. :class:`AltTextPreprocessor`: every figure gets alt text.
10. :class:`ArtifactsPreprocessor`: artifacts are collected for the gallery.
"""

from __future__ import annotations

from workbook.portfolio.preprocessors.alt_text import AltTextPreprocessor
from workbook.portfolio.preprocessors.answers import AnswerOutputsPreprocessor
from workbook.portfolio.preprocessors.artifacts import ArtifactsPreprocessor
from workbook.portfolio.preprocessors.ferpa import FerpaPreprocessor
from workbook.portfolio.preprocessors.headings import HeadingsPreprocessor
from workbook.portfolio.preprocessors.parameters import ParametersTablePreprocessor
from workbook.portfolio.preprocessors.reflections import ReflectionsPreprocessor
from workbook.portfolio.preprocessors.remove_cells import RemoveCellsPreprocessor
from workbook.portfolio.preprocessors.sanitize import SanitizePreprocessor
from workbook.portfolio.preprocessors.widgets import WidgetStatePreprocessor

__all__ = ["PIPELINE", "pipeline"]

PIPELINE = (
    ParametersTablePreprocessor,
    RemoveCellsPreprocessor,
    AnswerOutputsPreprocessor,
    SanitizePreprocessor,
    WidgetStatePreprocessor,
    HeadingsPreprocessor,
    FerpaPreprocessor,
    ReflectionsPreprocessor,
    AltTextPreprocessor,
    ArtifactsPreprocessor,
)


def pipeline() -> list:
    """Fresh instances of every portfolio preprocessor, in order.

    >>> [type(p).__name__ for p in pipeline()][:2]
    ['ParametersTablePreprocessor', 'RemoveCellsPreprocessor']
    """
    return [cls() for cls in PIPELINE]
