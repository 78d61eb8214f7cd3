"""The CTO Mentor curriculum as data: three strands, sixteen principles.

Each :class:`Principle` carries the curriculum's own topic wording, the tools its
notebook is expected to exercise, the learning outcomes the workbook assesses, and
the notebook that holds it. Whether that notebook exists yet is derived from the
file system (:attr:`Principle.status`), never written down by hand.

Plain Python only: importing this module must stay cheap.

Besides the program's sixteen (:data:`PRINCIPLES`), a cohort may keep principles
of its own outside the workbook: each folder named in ``$CTO_WORKBOOK_PATH``
(:func:`workbook.paths.extra_roots`) may hold ``notebooks/<strand>/<ID>-<slug>.md``
sources whose header names a new id (``workbook: {principle: T5, title: ...}``,
optionally ``topics``, ``tools`` and ``outcomes`` lists). :func:`principles` and
:func:`principle` include them; a program principle whose source is in such a
folder is found there too.

Examples
--------
>>> len(PRINCIPLES), [s.name for s in STRANDS]
(16, ['Technology', 'Education', 'Leadership'])
>>> principle("l6").title
'Fiscal Management'
>>> principle("L6").notebook
'leadership/L6-fiscal-management.ipynb'
>>> [p.id for p in principles("Technology")]
['T1', 'T2', 'T3', 'T4']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbook import paths
from workbook.curriculum_program import PROGRAM
from workbook.errors import InputError

__all__ = [
    "Strand",
    "Principle",
    "STRANDS",
    "PRINCIPLES",
    "principle",
    "principles",
    "extra_principles",
    "curriculum_table",
    "program_summary",
]


@dataclass(frozen=True)
class Strand:
    """One of the three strands.

    >>> STRANDS[0]
    Strand(prefix='T', name='Technology')
    >>> STRANDS[0].folder
    'technology'
    """

    prefix: str
    name: str

    @property
    def folder(self) -> str:
        """The folder under ``notebooks/`` that holds this strand's notebooks."""
        return self.name.lower()


STRANDS: tuple[Strand, ...] = (
    Strand("T", "Technology"),
    Strand("E", "Education"),
    Strand("L", "Leadership"),
)
_STRAND_BY_PREFIX = {s.prefix: s for s in STRANDS}


def _slug(title: str) -> str:
    """Lower case, words joined by hyphens.

    >>> _slug("Vision and Technology Planning")
    'vision-and-technology-planning'
    >>> _slug("IT Knowledge")
    'it-knowledge'
    """
    return "-".join(re.findall(r"[a-z0-9]+", title.lower()))


@dataclass(frozen=True)
class Principle:
    """One principle of the curriculum, taught by one notebook.

    Attributes
    ----------
    id
        ``T1`` .. ``T4``, ``E1`` .. ``E5``, ``L1`` .. ``L7``.
    title
        The curriculum's name for the principle.
    topics
        The curriculum's topics, in its own words and order.
    tools
        The tools the principle's notebook is expected to exercise (at least).
    outcomes
        Measurable learning outcomes ("Candidates can ..."), covering every topic.

    Examples
    --------
    >>> p = principle("T3")
    >>> p.strand, p.topics[0]
    ('Technology', 'hardware and software currency')
    >>> p.notebook_path.is_absolute(), p.notebook_path.name
    (True, 'T3-technology-services.ipynb')
    >>> p.status in ("available", "planned")
    True
    """

    id: str
    title: str
    topics: tuple[str, ...]
    tools: tuple[str, ...]
    outcomes: tuple[str, ...]

    @property
    def strand(self) -> str:
        """The strand's name: ``Technology``, ``Education`` or ``Leadership``."""
        return _STRAND_BY_PREFIX[self.id[0]].name

    @property
    def slug(self) -> str:
        """The title in lower case with hyphens, as used in file names."""
        return _slug(self.title)

    @property
    def notebook(self) -> str:
        """The notebook's path relative to ``notebooks/``, with ``/`` separators."""
        return f"{_STRAND_BY_PREFIX[self.id[0]].folder}/{self.id}-{self.slug}.ipynb"

    @property
    def notebook_path(self) -> Path:
        """The notebook's absolute path in the instructor edition (beside its source)."""
        return _home(self.source).joinpath(*self.notebook.split("/")).resolve()

    @property
    def source(self) -> str:
        """The notebook's MyST Markdown source, relative to ``notebooks/``: the ``.ipynb`` is made from it.

        >>> principle("L6").source
        'leadership/L6-fiscal-management.md'
        """
        return self.notebook[: -len(".ipynb")] + ".md"

    @property
    def source_path(self) -> Path:
        """The absolute path of the notebook's source (in the workbook, or in the extra root that has it)."""
        return _home(self.source).joinpath(*self.source.split("/")).resolve()

    @property
    def package(self) -> str:
        """The principle's package (its givens, charts and widgets), by convention.

        >>> principle("T1").package
        'workbook.principles.t1'
        """
        return f"workbook.principles.{self.id.lower()}"

    @property
    def status(self) -> str:
        """``"available"`` when the notebook's source exists, else ``"planned"``.

        An installed wheel ships the candidate edition's ``.ipynb`` without the
        sources (they hold the solutions): there the notebook itself counts.
        """
        return "available" if self.source_path.is_file() or self.notebook_path.is_file() else "planned"

    def to_dict(self) -> dict[str, Any]:
        """Everything about the principle as JSON-ready data.

        >>> sorted(principle("L6").to_dict())
        ['id', 'notebook', 'outcomes', 'package', 'source', 'status', 'strand', 'title', 'tools', 'topics']
        """
        return {
            "id": self.id,
            "strand": self.strand,
            "title": self.title,
            "topics": list(self.topics),
            "tools": list(self.tools),
            "outcomes": list(self.outcomes),
            "notebook": self.notebook,
            "source": self.source,
            "package": self.package,
            "status": self.status,
        }


def _p(id: str, title: str, topics: str, tools: str, outcomes: tuple[str, ...]) -> Principle:
    """Build a principle from the curriculum's ';'-separated lists."""
    return Principle(
        id=id,
        title=title,
        topics=tuple(t.strip() for t in topics.split(";")),
        tools=tuple(t.strip() for t in tools.split(";")),
        outcomes=tuple(outcomes),
    )


#: The program's sixteen principles (workbook.curriculum_program), in curriculum order.
PRINCIPLES: tuple[Principle, ...] = tuple(_p(*row) for row in PROGRAM)
_BY_ID = {p.id: p for p in PRINCIPLES}


def _home(source: str) -> Path:
    """The notebooks folder holding ``source``: the workbook's, else the first extra root's that has it."""
    folders = paths.notebooks_dirs()
    for folder in folders:
        if folder.joinpath(*source.split("/")).is_file():
            return folder
    return folders[0]


def _source_header(path: Path) -> dict[str, Any]:
    """``metadata.workbook`` from a MyST source's YAML header (an empty dict when it has none)."""
    import yaml

    text = path.read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?)\n---\n", text, flags=re.S)
    header = yaml.safe_load(match.group(1)) if match else None
    meta = header.get("workbook") if isinstance(header, dict) else None
    return meta if isinstance(meta, dict) else {}


def _extra_principle(path: Path, strand: Strand) -> Principle | None:
    """The principle a source in an extra root declares, or None for a program principle."""
    meta = _source_header(path)
    pid = str(meta.get("principle", "")).strip().upper()
    if pid in _BY_ID:
        return None
    where = f"{path}: workbook.principle"
    if not re.fullmatch(rf"{strand.prefix}[1-9][0-9]?", pid):
        raise InputError(where, meta.get("principle"), f"an id of the {strand.name} strand such as {strand.prefix}9")
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise InputError(f"{path}: workbook.title", title, "the principle's title")
    lists = {k: meta.get(k) or [] for k in ("topics", "tools", "outcomes")}
    for key, value in lists.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(f"{path}: workbook.{key}", value, "a list of sentences")
    found = Principle(pid, title.strip(), tuple(lists["topics"]), tuple(lists["tools"]), tuple(lists["outcomes"]))
    if path.name != f"{pid}-{found.slug}.md":
        raise InputError(f"{path}: file name", path.name, f"{pid}-{found.slug}.md (the id and the title's slug)")
    return found


def extra_principles() -> tuple[Principle, ...]:
    """Principles that sources in the extra roots (``$CTO_WORKBOOK_PATH``) add to the program.

    >>> extra_principles()  # none unless CTO_WORKBOOK_PATH names a folder with such sources
    ()
    """
    found: dict[str, Principle] = {}
    for root in paths.extra_roots():
        for strand in STRANDS:
            for path in sorted((root / "notebooks" / strand.folder).glob(f"{strand.prefix}*-*.md")):
                extra = _extra_principle(path, strand)
                if extra is not None:
                    found.setdefault(extra.id, extra)
    return tuple(found.values())


def principle(id: str) -> Principle:
    """The principle with this id, in any case.

    Examples
    --------
    >>> principle("e2").title
    'Staff Centered Aspects'
    >>> principle("L8")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: id = 'L8' is not allowed: expected one of T1, T2, T3, T4, E1, E2, E3, E4, E5, L1, L2, L3, L4, L5, L6, L7
    """
    wanted = id.strip().upper() if isinstance(id, str) else None
    found = _BY_ID.get(wanted) if wanted else None
    if found is None and wanted:
        found = next((p for p in extra_principles() if p.id == wanted), None)
    if found is None:
        raise InputError("id", id, "one of " + ", ".join(p.id for p in principles()))
    return found


def _strand(value: str) -> Strand:
    """A strand by name or prefix, in any case."""
    if isinstance(value, str):
        wanted = value.strip().lower()
        for s in STRANDS:
            if wanted in (s.name.lower(), s.prefix.lower()):
                return s
    allowed = ", ".join(s.name for s in STRANDS)
    raise InputError("strand", value, f"one of {allowed} (or T, E, L)")


def principles(strand: str | None = None) -> tuple[Principle, ...]:
    """The principles in curriculum order, optionally of one strand only.

    ``strand`` is a strand name or its letter, in any case. A strand's own
    principles from the extra roots (:func:`extra_principles`) follow the program's.

    Examples
    --------
    >>> len(principles()), len(principles("education")), len(principles("L"))
    (16, 5, 7)
    >>> principles("Finance")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: strand = 'Finance' is not allowed: expected one of Technology, Education, Leadership (or T, E, L)
    """
    chosen = STRANDS if strand is None else (_strand(strand),)
    extras = extra_principles()
    if not extras and strand is None:
        return PRINCIPLES
    out: list[Principle] = []
    for s in chosen:
        out += [p for p in PRINCIPLES if p.id[0] == s.prefix]
        out += sorted((p for p in extras if p.id[0] == s.prefix), key=lambda p: int(p.id[1:]))
    return tuple(out)


def curriculum_table(strand: str | None = None) -> list[dict[str, Any]]:
    """One row per principle, ready to print: id, strand, principle, topics, status, notebook.

    ``topics`` is the number of topics.

    Examples
    --------
    >>> row = curriculum_table("leadership")[5]
    >>> {k: row[k] for k in ("id", "strand", "principle", "topics", "notebook")}
    {'id': 'L6', 'strand': 'Leadership', 'principle': 'Fiscal Management', 'topics': 2, 'notebook': 'leadership/L6-fiscal-management.ipynb'}
    """
    return [
        {
            "id": p.id,
            "strand": p.strand,
            "principle": p.title,
            "topics": len(p.topics),
            "status": p.status,
            "notebook": p.notebook,
        }
        for p in principles(strand)
    ]


def program_summary() -> str:
    """One sentence of what the curriculum holds and what is available, counted, never typed.

    The start notebook, the README and the portfolio's index say this, so a new
    notebook changes all three at once (``tests/test_honest_counts.py``).

    Examples
    --------
    >>> text = program_summary()
    >>> f"{len(principles())} principles in {len(STRANDS)} strands" in text
    True
    >>> ready = [p.id for p in principles() if p.status == "available"]
    >>> "every one has its notebook" in text if len(ready) == len(principles()) else all(i in text for i in ready)
    True
    """
    everything = principles()
    available = [p.id for p in everything if p.status == "available"]
    strands = len({p.strand for p in everything})
    if not available:
        ready = "no notebook is available yet"
    elif len(available) == len(everything):
        ready = "every one has its notebook"
    else:
        listed = ", ".join(available[:-1]) + (" and " if len(available) > 1 else "") + available[-1]
        ready = (f"{len(available)} of them have a notebook so far ({listed}); "
                 f"the other {len(everything) - len(available)} are planned")
    return f"The curriculum has {len(everything)} principles in {strands} strands; {ready}."
