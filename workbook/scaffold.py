"""The skeleton of a new principle: its notebook source, its package and its rubric.

``workbook notebooks new E1`` writes, from the curriculum's own words:

- ``notebooks/<strand>/<ID>-<slug>.md``: the MyST source in the shape every
  principle notebook has (title, the shared how-to-use text, parameters, set-up,
  learning outcomes, one readings section per topic, one exercise, reflections,
  sources, the shared closing), with ``TODO`` where the author writes;
- ``workbook/principles/<id>/``: the package, with ``givens.py``;
- ``exercises/<ID>.py`` and ``exercises/hidden/<ID>.py``: the rubric for that
  exercise and reflections.

Nothing that exists is overwritten. See docs/authoring.md.

>>> text = source_text(principle("E1"))
>>> text.splitlines()[12:14], "# E1 · Student Centered Aspects" in text
(['  principle: E1', '  schema_version: 1'], True)
>>> "workbook: {id: e1-first-decision, kind: exercise}" in text
True
"""

from __future__ import annotations

from pathlib import Path

from workbook.curriculum import Principle, principle
from workbook.errors import WorkbookError
from workbook import paths
from workbook.sources import SOURCE_HEADER

__all__ = ["source_text", "package_files", "rubric_files", "new_principle"]

_CELL = "```{code-cell}\n"


def source_text(p: Principle) -> str:
    """The skeleton MyST source of ``p``."""
    lid = p.id.lower()
    topics = "\n\n+++\n\n".join(
        f"## {t[0].upper() + t[1:]}\n\nTODO: original prose on {t}, a ten-minute read at most, each fact with its source named in the text."
        for t in p.topics
    )
    outcomes = "\n".join(f"- {o}" for o in p.outcomes) or "- TODO: Candidates can ..."
    prompts = "\n\n+++\n\n".join(
        f"### Reflection prompt\n\nTODO: the question, in the candidate's own district.\n\n"
        f'+++ {{"tags": ["reflection"], "workbook": {{"id": "{lid}-reflect-{n}", "kind": "reflection"}}}}\n\n'
        "*Write your reflection here.*"
        for n in ("first", "second")
    )
    return SOURCE_HEADER.format(principle=p.id, title=p.title) + f"""
# {p.id} · {p.title}

*{p.strand} strand · {"; ".join(p.topics)}*

+++

<!-- shared: how-to-use -->

{_CELL}:tags: [parameters]

district: str = "sample-suburban"  # a sample id (sample-rural, sample-suburban, sample-urban) or the path of your district file
candidate: str = "demo"  # your candidate id (the instructor's roster sets it)
seed: int = 2026  # varies the synthetic numbers; the roster sets one per candidate
fiscal_year: str = "2026-27"  # California fiscal year, July to June
```

{_CELL}:tags: [hide-input]

from workbook.notebook import answer, show_figure, show_table, start
from workbook.principles.{lid}.givens import first_given

wb = start("{p.id}", district=district, candidate=candidate, seed=seed, fiscal_year=fiscal_year)
wb
```

## Learning outcomes

{outcomes}

+++

# Readings

TODO: how long the readings take, in how many parts. Sources are named in the text and listed at the end of the notebook.

+++

{topics}

+++

# Exercise 1 · TODO: the decision

TODO: the problem as a CTO meets it, its units, rounding and tie-breaks in plain words (never the call that yields the answer). Record it as `{lid}-first-decision`.

{_CELL}---
tags: [solution]
workbook: {{id: {lid}-first-decision, kind: exercise}}
---
answer("{lid}-first-decision", first_given(wb.district, seed))
```

+++

<!-- shared: reflections -->

+++

{prompts}

+++

## Sources

- TODO: publisher, title, year (at least seven).

+++

<!-- shared: next-steps -->
"""


def package_files(p: Principle) -> dict[str, str]:
    """The package's files, relative to the workbook's folder."""
    lid = p.id.lower()
    return {
        f"workbook/principles/{lid}/__init__.py": f'"""{p.id} · {p.title}: the givens, charts and widgets of its notebook (see workbook.principles)."""\n',
        f"workbook/principles/{lid}/givens.py": f'''"""{p.id} · {p.title}: what its exercises work on, derived from the district and the seed (no Jupyter)."""

from __future__ import annotations

from typing import Any

__all__ = ["first_given"]


def first_given(district: Any, seed: int) -> int:
    """TODO: the given of the first exercise; the notebook shows it, the rubric recomputes from it.

    >>> from workbook.districts import load_district
    >>> first_given(load_district("sample-rural"), 1) > 0
    True
    """
    return int(district.enrollment.total) + seed % 7
''',
    }


def rubric_files(p: Principle) -> dict[str, str]:
    """The public and hidden rubric, relative to the rubrics folder."""
    lid = p.id.lower()
    criteria = '''(
                Criterion("TODO: criterion", "TODO: what it looks for.", (
                    Level("beginning", 1, "TODO"), Level("developing", 2, "TODO"),
                    Level("proficient", 3, "TODO"), Level("exemplary", 4, "TODO"),
                )),
            )'''
    public = f'''"""Rubric for {p.id} {p.title} (public checks and reflection criteria); hidden checks in hidden/{p.id}.py."""

from __future__ import annotations

from workbook.principles.{lid}.givens import first_given
from workbook.rubric import Check, Criterion, Exercise, Level, Reflection, Rubric


def first_decision(ctx):
    return first_given(ctx.district, ctx["seed"])


RUBRIC = Rubric(
    principle="{p.id}",
    notebook="{p.notebook}",
    exercises=(
        Exercise(
            "{lid}-first-decision",
            "TODO: the decision",
            (Check("{lid}-first-decision", "TODO: what is checked", 2, first_decision, rtol=0.001),),
            hint="TODO: a hint that teaches without giving the value.",
        ),
    ),
    reflections=(
        Reflection("{lid}-reflect-first", "TODO: the first prompt, in short.", {criteria}),
        Reflection("{lid}-reflect-second", "TODO: the second prompt, in short.", {criteria}),
    ),
)
'''
    hidden = f'''"""Hidden checks for {p.id}: only the grader, in its own process, loads this file."""

from __future__ import annotations

from workbook.principles.{lid}.givens import first_given
from workbook.rubric import Check

HIDDEN = [
    Check("{lid}-first-decision", "TODO: exactly", 1, lambda ctx: first_given(ctx.district, ctx["seed"]), rtol=0, visibility="hidden"),
]
'''
    return {f"{p.id}.py": public, f"hidden/{p.id}.py": hidden}


def new_principle(pid: str, root: str | Path | None = None) -> list[Path]:
    """Write the skeleton of principle ``pid``; return the files written.

    Into the workbook's own folders, or with ``root`` into a folder laid out as
    an extra root (``root/notebooks``, ``root/principles``, ``root/exercises``:
    name it in ``$CTO_WORKBOOK_PATH``). Refuses, writing nothing, when any file exists.
    """
    p = principle(pid)
    if root is None:
        nb_dir, pkg_dir, ex_dir = paths.notebooks_dir(), paths.repo_root(), paths.exercises_dir()
    else:
        nb_dir, pkg_dir, ex_dir = Path(root) / "notebooks", Path(root), Path(root) / "exercises"
    planned = {nb_dir / p.source: source_text(p)}
    planned |= {pkg_dir / (rel if root is None else rel.removeprefix("workbook/")): text for rel, text in package_files(p).items()}
    planned |= {ex_dir / rel: text for rel, text in rubric_files(p).items()}
    existing = [str(path) for path in planned if path.exists()]
    if existing:
        raise WorkbookError(f"{p.id} already has " + ", ".join(existing) + ": nothing was written")
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(planned)
