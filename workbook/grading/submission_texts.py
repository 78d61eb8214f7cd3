"""The candidate's own text in a submission: exercise code and reflections.

Each submission is read and rebuilt on the released template
(:mod:`workbook.grading.restore`), nothing executed. What the template already
held (the placeholder "*Write your reflection here.*", instructions) is not the
candidate's writing and is left out (:func:`own_text`). Reflection scoring,
feedback and the similarity report read texts through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.contract import cell_id
from workbook.errors import InputError
from workbook.grading.layout import DEFAULT_FORMAT, candidates_in, find_submission
from workbook.grading.reader import read_submission
from workbook.grading.release import instructor_notebooks, release_notebook
from workbook.grading.restore import editable_ids, restore_submission
from workbook.paths import exercises_dir, notebooks_dir

__all__ = ["CandidateNotebook", "own_text", "candidate_notebooks", "unreadable"]


@dataclass
class CandidateNotebook:
    """One candidate's submission of one notebook, rebuilt on the released template.

    ``owned`` maps each exercise and reflection id to the candidate's own text
    (template text removed); ``kinds`` to ``"exercise"`` or ``"reflection"``.
    """

    candidate: str
    notebook: str
    principle: str
    status: str  # ok, missing, invalid
    reason: str
    template: Any
    restored: Any = None
    owned: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    template_text: dict[str, str] = field(default_factory=dict)


def own_text(text: str, template_text: str = "") -> str:
    """The candidate's own writing: ``text`` without the lines the template already held.

    >>> own_text("*Write your reflection here.*\\nOur board asked for the TCO.", "*Write your reflection here.*")
    'Our board asked for the TCO.'
    >>> own_text("*Write your reflection here.*", "*Write your reflection here.*")
    ''
    """
    given = {line.strip() for line in template_text.splitlines() if line.strip()}
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    return "\n".join(line for line in text.splitlines() if line.strip() not in given).strip()


def _text(source: Any) -> str:
    return "".join(source) if isinstance(source, list) else str(source or "")


def candidate_notebooks(
    submissions: str | Path,
    *,
    notebooks: str | Path | None = None,
    exercises: str | Path | None = None,
    layout: str | None = None,
    candidates: Iterable[str] | None = None,
    only: Sequence[str] = (),
) -> list[CandidateNotebook]:
    """Every candidate's submission of every notebook that has a rubric, read but never run.

    Candidates default to the folders under ``submissions``. A missing or
    unreadable file is kept with its status, so the caller can say so.
    """
    import nbformat

    root = Path(submissions)
    if not root.is_dir():
        raise InputError("submissions", str(submissions), "an existing folder of submissions")
    layout = layout or DEFAULT_FORMAT
    ex_dir = Path(exercises) if exercises else exercises_dir()
    templates = {k: v for k, v in instructor_notebooks(Path(notebooks) if notebooks else notebooks_dir()).items()
                 if (ex_dir / f"{k}.py").is_file() and (not only or k in {o.upper() for o in only})}
    people = sorted(set(candidates)) if candidates is not None else candidates_in(root, layout)
    out: list[CandidateNotebook] = []
    for pid, path in sorted(templates.items()):
        template = release_notebook(nbformat.read(str(path), as_version=4))
        cells = editable_ids(template)
        kinds = {wid: ("reflection" if "reflection" in (c.metadata.get("tags") or []) else "exercise") for wid, c in cells.items()}
        given = {wid: _text(c.source) for wid, c in cells.items()}
        for who in people:
            read = read_submission(find_submission(root, who, path.stem, layout))
            item = CandidateNotebook(who, path.stem, pid, read.status, read.reason, template, kinds=kinds, template_text=given)
            if read.status == "ok":
                try:
                    item.restored = restore_submission(read.notebook, template).notebook
                    for cell in item.restored.cells:
                        wid = cell_id(cell)
                        if wid in cells and wid not in item.owned:
                            item.owned[wid] = own_text(_text(cell.source), given[wid])
                except Exception as exc:  # noqa: BLE001 - one odd file must not stop the cohort's review
                    item.status, item.restored, item.owned = "invalid", None, {}
                    item.reason = f"the notebook cannot be matched to the released one: {type(exc).__name__}: {str(exc)[:200]}"
            out.append(item)
    return out


def unreadable(items: Iterable[CandidateNotebook]) -> list[str]:
    """One line per submission that was found but could not be read, for the command's summary.

    >>> unreadable([CandidateNotebook("ana", "L6-x", "L6", "invalid", "the file is empty", None),
    ...             CandidateNotebook("ben", "L6-x", "L6", "missing", "no submission at ...", None)])
    ['ana/L6-x: the file is empty']
    """
    return [f"{i.candidate}/{i.notebook}: {i.reason}" for i in items if i.status == "invalid"]


# --------------------------------------------------------------------------- validation
