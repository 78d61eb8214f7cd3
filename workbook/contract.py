"""The notebook contract: what ``metadata.workbook`` may hold, and the answer payload, as versioned models.

One place says what the release, the grader (restore, extract), progress and
the portfolio may read from a notebook:

- **a cell's** ``metadata.workbook``: :class:`CellMeta` (``id``, ``kind``,
  ``title``, optional ``schema_version``); the kinds are :data:`KINDS`;
- **the notebook's** ``metadata.workbook``: :class:`NotebookMeta`
  (``schema_version``, ``principle``, ``title``, ``edition``);
- **an answer**, the output ``answer(id, value)`` displays under
  :data:`ANSWER_MIME`: :class:`AnswerPayload`.

Trust. An instructor's notebook must follow the contract: :func:`check_notebook`
lists every problem, and the release refuses a notebook that has one. A
candidate's file may hold anything: the readers here (:func:`cell_meta`,
:func:`cell_id`, :func:`cell_tags`, :func:`notebook_meta`,
:func:`decode_answer`) never raise on it with anything but a named
:class:`ContractError`; metadata that does not validate counts as absent,
so it earns nothing (the grader restores ids from the released template).

Versions. :data:`SCHEMA_VERSION` is the notebook metadata's version;
:func:`upgrade_notebook` brings an older notebook up to it one step at a
time (:data:`UPGRADES`, as nbgrader's ``nbgraderformat`` does) and refuses a
newer one. Version 0 is a notebook from before the metadata had a version:
its cells may lack ``kind``, which its tags then tell. The answer payload has
its own version, :data:`ANSWER_SCHEMA_VERSION`.

Examples
--------
>>> from nbformat.v4 import new_code_cell
>>> cell = new_code_cell("answer('l6-npv', npv)", metadata={"tags": ["solution"], "workbook": {"id": "l6-npv", "kind": "exercise"}})
>>> cell_meta(cell)
CellMeta(id='l6-npv', kind='exercise', title='', schema_version=None)
>>> cell_id(new_code_cell("x", metadata={"workbook": ["not", "a", "mapping"]}))
''
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from workbook.errors import ProblemsError, WorkbookError

__all__ = [
    "SCHEMA_VERSION", "ANSWER_SCHEMA_VERSION", "ANSWER_MIME", "KINDS", "UPGRADES",
    "ContractError", "NotebookContractError", "AnswerError", "CellMeta", "NotebookMeta", "AnswerPayload",
    "cell_meta", "cell_id", "cell_tags", "notebook_meta", "check_notebook", "upgrade_notebook", "decode_answer",
]  # fmt: skip

#: Version of ``metadata.workbook`` (notebook and cells) this workbook writes and reads.
SCHEMA_VERSION = 1
#: Version of the answer payload.
ANSWER_SCHEMA_VERSION = 1
#: The MIME type ``answer()`` records its payload under.
ANSWER_MIME = "application/vnd.ctoworkbook.answer+json"
#: What a cell with ``metadata.workbook`` can be.
KINDS: tuple[str, ...] = ("exercise", "reflection", "artifact")

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PRINCIPLE_PATTERN = r"^(?:START|[A-Z]{1,2}[0-9]{1,2})$"
_ALLOWED = {
    "id": "a lower-case id like 'l6-tco-5yr' (letters, digits and dashes, at most 64 characters)",
    "kind": "one of " + ", ".join(KINDS),
    "title": "text of at most 200 characters",
    "schema_version": f"a whole number from 0 to {SCHEMA_VERSION}",
    "principle": "a principle id like 'L6' or 'T1' (or 'START')",
    "edition": "'instructor' or 'candidate'",
}
#: Tags that told a version-0 cell's kind.
_KIND_BY_TAG = {"solution": "exercise", "answer": "exercise", "reflection": "reflection", "artifact": "artifact"}


class ContractError(WorkbookError):
    """Metadata or an answer payload that does not follow the contract; names the field, value and what is allowed."""


class NotebookContractError(ProblemsError):
    """An instructor notebook breaks the contract; ``problems`` lists every cell and field."""


class AnswerError(ContractError):
    """A value that has no faithful JSON form, or a malformed answer payload."""


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class CellMeta(_Strict):
    """A cell's ``metadata.workbook``: which exercise, reflection or artifact it is.

    >>> CellMeta(id="l6-reflect", kind="reflection").kind
    'reflection'
    """

    id: str = Field(pattern=ID_PATTERN, max_length=64)
    kind: Literal["exercise", "reflection", "artifact"]
    title: str = Field(default="", max_length=200)
    schema_version: int | None = Field(default=None, ge=0, le=SCHEMA_VERSION)


class NotebookMeta(_Strict):
    """The notebook's ``metadata.workbook``.

    >>> NotebookMeta(principle="L6").schema_version == SCHEMA_VERSION
    True
    """

    schema_version: int = Field(default=SCHEMA_VERSION, ge=0, le=SCHEMA_VERSION)
    principle: str | None = Field(default=None, pattern=PRINCIPLE_PATTERN)
    title: str = Field(default="", max_length=200)
    edition: Literal["instructor", "candidate"] | None = None


_SPECIAL = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
# Exact types for scalars (a bool is not an integer here); mappings may be nbformat's dict subclass.
_SHAPES: dict[str, Callable[[Any], bool]] = {
    "none": lambda v: v is None,
    "number": lambda v: type(v) in (int, float) or (type(v) is str and v in _SPECIAL),
    "integer": lambda v: type(v) is int,
    "boolean": lambda v: type(v) is bool,
    "text": lambda v: type(v) is str,
    "list": lambda v: isinstance(v, list),
    "mapping": lambda v: isinstance(v, dict),
    "series": lambda v: isinstance(v, dict) and all(isinstance(v.get(k), list) for k in ("index", "data")),
    "table": lambda v: isinstance(v, dict) and all(isinstance(v.get(k), list) for k in ("columns", "index", "data")),
}


class AnswerPayload(BaseModel):
    """What ``answer(exercise, value)`` records: the value as plain JSON, with its kind.

    >>> AnswerPayload(schema_version=1, exercise="l6-npv", kind="number", value=12.5).to_value()
    12.5
    """

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    schema_version: Literal[1]
    exercise: str = Field(min_length=1, max_length=200)
    kind: Literal["none", "number", "integer", "boolean", "text", "list", "mapping", "series", "table"]
    value: Any = None

    @model_validator(mode="after")
    def _value_fits_kind(self) -> AnswerPayload:
        if not _SHAPES[self.kind](self.value):
            shown = repr(self.value)
            raise ValueError(f"value = {shown[:60]} does not fit kind {self.kind!r}")
        return self

    def to_value(self) -> Any:
        """The recorded value as Python (a DataFrame or Series for tables)."""
        kind, raw = self.kind, self.value
        if kind == "number":
            return _SPECIAL[raw] if isinstance(raw, str) else float(raw)
        if kind in ("list", "mapping"):
            return _restore_floats(raw)
        if kind in ("table", "series"):
            import pandas as pd

            try:
                if kind == "series":
                    return pd.Series(raw["data"], index=raw["index"], name=raw.get("name"))
                return pd.DataFrame(raw["data"], index=raw["index"], columns=raw["columns"])
            except (TypeError, ValueError) as exc:
                raise AnswerError(f"answer payload for {self.exercise}: malformed {kind} ({exc})") from None
        return raw


def _restore_floats(value: Any) -> Any:
    """Undo the ``{"$float": ...}`` marks of non-finite floats inside lists and mappings."""
    if isinstance(value, list):
        return [_restore_floats(v) for v in value]
    if isinstance(value, dict):
        if set(value) == {"$float"} and value["$float"] in _SPECIAL:
            return _SPECIAL[value["$float"]]
        return {k: _restore_floats(v) for k, v in value.items()}
    return value


def decode_answer(payload: Any) -> tuple[str, Any]:
    """``(exercise_id, value)`` from a recorded payload; :class:`AnswerError` for anything malformed.

    Examples
    --------
    >>> decode_answer({"schema_version": 1, "exercise": "l6-npv", "kind": "number", "value": "NaN"})
    ('l6-npv', nan)
    >>> decode_answer({"exercise": "x"})
    Traceback (most recent call last):
    ...
    workbook.contract.AnswerError: answer payload: missing field(s) kind, schema_version, value
    >>> decode_answer({"schema_version": 1, "exercise": "x", "kind": "integer", "value": "7"})
    Traceback (most recent call last):
    ...
    workbook.contract.AnswerError: answer payload: value = '7' does not fit kind 'integer'
    """
    if not isinstance(payload, Mapping):
        raise AnswerError(f"answer payload: expected a JSON object, got {type(payload).__name__}")
    missing = sorted({"schema_version", "exercise", "kind", "value"} - set(payload))
    if missing:
        raise AnswerError(f"answer payload: missing field(s) {', '.join(missing)}")
    if payload["schema_version"] != ANSWER_SCHEMA_VERSION:
        shown = repr(payload["schema_version"])[:40]
        raise AnswerError(f"answer payload: schema_version = {shown}; this workbook reads {ANSWER_SCHEMA_VERSION}")
    try:
        model = AnswerPayload.model_validate(dict(payload))
    except ValidationError as exc:
        raise AnswerError("answer payload: " + _first_error(exc)) from None
    return model.exercise, model.to_value()


def _first_error(exc: ValidationError) -> str:
    err = exc.errors(include_url=False)[0]
    field = ".".join(str(p) for p in err["loc"])
    if err["type"] == "value_error":
        return str(err["ctx"]["error"])
    shown = repr(err.get("input"))[:60]
    return f"{field} = {shown}: {err['msg']}" if field else err["msg"]


# --------------------------------------------------------------------------- reading cells


def cell_tags(cell: Any) -> list[str]:
    """A cell's tags; only strings count (a candidate may write anything there).

    >>> cell_tags({"metadata": {"tags": ["solution", 3, None]}}), cell_tags({"metadata": {"tags": "solution"}})
    (['solution'], [])
    """
    meta = cell.get("metadata") if isinstance(cell, Mapping) else None
    tags = meta.get("tags") if isinstance(meta, Mapping) else None
    return [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []


def _raw_workbook(node: Any) -> Any:
    meta = node.get("metadata") if isinstance(node, Mapping) else None
    return meta.get("workbook") if isinstance(meta, Mapping) else None


def cell_meta(cell: Any) -> CellMeta | None:
    """The cell's ``metadata.workbook`` if it follows the contract, else ``None`` (never raises).

    >>> cell_meta({"metadata": {"workbook": {"id": "l6-npv", "kind": "exam"}}}) is None
    True
    """
    raw = _raw_workbook(cell)
    if not isinstance(raw, Mapping):
        return None
    try:
        return CellMeta.model_validate(dict(raw))
    except ValidationError:
        return None


def cell_id(cell: Any) -> str:
    """The cell's workbook id, or ``""`` when it has none that follows the contract.

    >>> cell_id({"metadata": {"workbook": {"id": "l6-npv", "kind": "exercise"}}})
    'l6-npv'
    >>> cell_id({"metadata": {"workbook": {"id": 7, "kind": "exercise"}}})
    ''
    """
    meta = cell_meta(cell)
    return meta.id if meta else ""


def notebook_meta(nb: Any) -> NotebookMeta | None:
    """The notebook's ``metadata.workbook`` if it follows the contract, else ``None`` (never raises).

    >>> notebook_meta({"metadata": {"workbook": {"schema_version": 1, "principle": "L6"}}}).principle
    'L6'
    >>> notebook_meta({"metadata": {"workbook": {"principle": ["L6"]}}}) is None
    True
    """
    raw = _raw_workbook(nb)
    if raw is None:
        return NotebookMeta(schema_version=0)
    if not isinstance(raw, Mapping):
        return None
    try:
        return NotebookMeta.model_validate(dict(raw))
    except ValidationError:
        return None


# --------------------------------------------------------------------------- checking and upgrading


def _problems(model: type[BaseModel], raw: Any, where: str) -> list[str]:
    if not isinstance(raw, Mapping):
        return [f"{where}metadata.workbook = {repr(raw)[:60]}: must be a mapping of {', '.join(model.model_fields)}"]
    try:
        model.model_validate(dict(raw))
    except ValidationError as exc:
        out = []
        for err in exc.errors(include_url=False):
            field = ".".join(str(p) for p in err["loc"])
            if err["type"] == "missing":
                out.append(f"{where}metadata.workbook.{field} is missing: add it, as {_ALLOWED.get(field, err['msg'])}")
            elif err["type"] == "extra_forbidden":
                out.append(f"{where}metadata.workbook.{field}: unknown field: remove it (allowed: {', '.join(model.model_fields)})")
            else:
                value = repr(err.get("input"))[:60]
                out.append(f"{where}metadata.workbook.{field} = {value}: must be {_ALLOWED.get(field, err['msg'])}")
        return out
    return []


def check_notebook(nb: Any) -> list[str]:
    """Every way a notebook's workbook metadata breaks the contract, one message each; ``[]`` if none.

    Ids must be unique. Meant for the instructor's notebooks (the release
    refuses one with problems); candidates' files are read leniently instead.

    >>> from nbformat.v4 import new_notebook, new_markdown_cell
    >>> nb = new_notebook(cells=[new_markdown_cell("x", metadata={"workbook": {"id": "L6 Reflect", "kind": "reflection"}})])
    >>> nb.metadata["workbook"] = {"schema_version": 1, "principle": "L6"}
    >>> check_notebook(nb)
    ["cell 1: metadata.workbook.id = 'L6 Reflect': must be a lower-case id like 'l6-tco-5yr' (letters, digits and dashes, at most 64 characters)"]
    """
    problems = []
    raw = _raw_workbook(nb)
    if raw is not None:
        problems += _problems(NotebookMeta, raw, "notebook: ")
    seen: dict[str, int] = {}
    for n, cell in enumerate(nb.get("cells", []) if isinstance(nb, Mapping) else [], start=1):
        raw = _raw_workbook(cell)
        if raw is None:
            continue
        problems += _problems(CellMeta, raw, f"cell {n}: ")
        wid = cell_id(cell)
        if wid and wid in seen:
            problems.append(f"cell {n}: metadata.workbook.id = {wid!r}: must be unique (cell {seen[wid]} has it already)")
        seen.setdefault(wid, n)
    return problems


def _v0_to_v1(nb: Any) -> None:
    """Version 0 had no version, and a cell's kind could be left to its tags."""
    for cell in nb.get("cells", []):
        raw = _raw_workbook(cell)
        if isinstance(raw, dict) and "kind" not in raw:
            kind = next((_KIND_BY_TAG[t] for t in cell_tags(cell) if t in _KIND_BY_TAG), None)
            if kind:
                raw["kind"] = kind


#: ``{version: step}``: each step upgrades a notebook in place from that version to the next.
UPGRADES: dict[int, Callable[[Any], None]] = {0: _v0_to_v1}


def upgrade_notebook(nb: Any) -> Any:
    """A copy of ``nb`` whose workbook metadata is at :data:`SCHEMA_VERSION` (``nb`` is unchanged).

    Examples
    --------
    >>> from nbformat.v4 import new_notebook, new_code_cell
    >>> old = new_notebook(cells=[new_code_cell("x", metadata={"tags": ["solution"], "workbook": {"id": "l6-x"}})])
    >>> new = upgrade_notebook(old)
    >>> new.metadata["workbook"]["schema_version"], new.cells[0].metadata["workbook"]["kind"]
    (1, 'exercise')
    >>> old.metadata.get("workbook") is None
    True
    >>> new.metadata["workbook"]["schema_version"] = 7
    >>> upgrade_notebook(new)
    Traceback (most recent call last):
    ...
    workbook.contract.ContractError: metadata.workbook.schema_version = 7: this workbook reads versions up to 1; upgrade the workbook
    """
    out = copy.deepcopy(nb)
    meta = out.setdefault("metadata", {})
    if meta.get("workbook") is None:
        meta["workbook"] = {}
    wb = meta["workbook"]
    if not isinstance(wb, dict):
        raise ContractError(f"metadata.workbook = {repr(wb)[:60]}: must be a mapping")
    version = wb.get("schema_version", 0)
    if type(version) is not int or version < 0:
        raise ContractError(f"metadata.workbook.schema_version = {repr(version)[:40]}: must be {_ALLOWED['schema_version']}")
    if version > SCHEMA_VERSION:
        raise ContractError(
            f"metadata.workbook.schema_version = {version}: this workbook reads versions up to {SCHEMA_VERSION}; upgrade the workbook"
        )
    while version < SCHEMA_VERSION:
        UPGRADES[version](out)
        version += 1
    wb["schema_version"] = version
    return out
