"""Read a submission: bytes, hash, JSON, notebook format; never modify it.

A file that cannot be graded becomes :class:`ReadResult` with status ``invalid``
and a reason an instructor can act on; a missing one, status ``missing``.
Repairs that lose nothing of the candidate's work (duplicate nbformat cell ids,
a missing cell id, unknown metadata) are made in memory with a warning.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

__all__ = ["ReadResult", "read_submission", "parse_submission", "MAX_BYTES", "MAX_DEPTH"]

MAX_BYTES = 64 * 2**20
#: Deepest nesting of lists and objects a submission may have (Jupyter's own notebooks: about 10).
MAX_DEPTH = 100

# A lone surrogate can only come from a JSON escape (UTF-8 text cannot hold one): look closer only then.
_MAYBE_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _unencodable(raw: dict[str, Any], *, check_surrogates: bool = True) -> str:
    """Why ``raw`` (parsed JSON) cannot be handled as a notebook, or ``""``: too deep, or a lone surrogate.

    Walks iteratively, so depth itself cannot exhaust the stack.

    >>> _unencodable({"cells": [{"source": "fine"}, {"source": "bad \\ud800"}]})
    'cell 2 contains a lone surrogate character (\\\\ud800), which no UTF-8 file can hold: it was damaged or written by a tool other than Jupyter'
    >>> deep = []
    >>> for _ in range(150):
    ...     deep = [deep]
    >>> _unencodable({"cells": [], "metadata": {"x": deep}})
    "the notebook's metadata nests lists or objects more than 100 levels deep: it was not saved by Jupyter"
    """
    parts = [(f"cell {i + 1}", c) for i, c in enumerate(raw.get("cells") or [])]
    parts += [("the notebook's metadata" if k == "metadata" else f"the notebook's {k!r} entry", v)
              for k, v in raw.items() if k != "cells"]
    for where, value in parts:
        stack = [(value, 1)]
        while stack:
            item, depth = stack.pop()
            if depth > MAX_DEPTH:
                return f"{where} nests lists or objects more than {MAX_DEPTH} levels deep: it was not saved by Jupyter"
            if isinstance(item, dict):
                if check_surrogates:
                    stack.extend((k, depth) for k in item)
                stack.extend((v, depth + 1) for v in item.values())
            elif isinstance(item, list):
                stack.extend((v, depth + 1) for v in item)
            elif check_surrogates and isinstance(item, str) and (m := _SURROGATE.search(item)):
                return (f"{where} contains a lone surrogate character (\\u{ord(m.group()):04x}), which no UTF-8 file "
                        "can hold: it was damaged or written by a tool other than Jupyter")
    return ""


@dataclass
class ReadResult:
    status: Literal["ok", "invalid", "missing"]
    notebook: Any = None
    reason: str = ""
    sha256: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_submission(path: str | Path, *, max_bytes: int = MAX_BYTES) -> ReadResult:
    """Read and validate the submission at ``path`` (opened read-only, never written)."""
    p = Path(path)
    if not p.is_file():
        return ReadResult("missing", reason=f"no submission at {p}")
    size = p.stat().st_size
    if size > max_bytes:
        digest = hashlib.sha256()
        with p.open("rb") as fh:
            for block in iter(lambda: fh.read(2**20), b""):
                digest.update(block)
        return ReadResult("invalid", reason=f"the file is {size / 2**20:.0f} MB, over the {max_bytes / 2**20:.0f} MB limit", sha256=digest.hexdigest())
    return parse_submission(p.read_bytes())


def parse_submission(data: bytes) -> ReadResult:
    """Validate a submission's bytes.

    Examples
    --------
    >>> parse_submission(b'{"cells": [').reason
    'the file ends early (truncated at byte 11): it was probably not saved completely'
    >>> parse_submission(b'{"cells": []\\x00}').reason
    'the file contains a NUL byte at byte 12: it was damaged, probably while saving'
    >>> parse_submission(b'[1, 2]').reason
    'the file is JSON but not a notebook (no "cells" list)'
    >>> parse_submission(b'<!DOCTYPE html><html><body>L6</body></html>').reason
    "the file is HTML, not a notebook (a web page saved under the notebook's name?)"
    >>> parse_submission(b'My answers: 42').reason
    'the file is not JSON (plain text?), so it is not a notebook'
    """
    import nbformat

    sha = hashlib.sha256(data).hexdigest()

    def bad(reason: str) -> ReadResult:
        return ReadResult("invalid", reason=reason, sha256=sha)

    if not data.strip():
        return bad("the file is empty")
    nul = data.find(b"\x00")
    if nul >= 0:
        return bad(f"the file contains a NUL byte at byte {nul}: it was damaged, probably while saving")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return bad(f"the file is not UTF-8 text (byte {exc.start}): it is not a notebook or it was damaged")
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in head:
        return bad("the file is HTML, not a notebook (a web page saved under the notebook's name?)")
    if not head.startswith(("{", "[")):
        return bad("the file is not JSON (plain text?), so it is not a notebook")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or not text.rstrip().endswith("}"):
            return bad(f"the file ends early (truncated at byte {len(data)}): it was probably not saved completely")
        return bad(f"the file is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")
    except RecursionError:
        return bad(f"the file nests lists or objects thousands of levels deep (a notebook needs fewer than {MAX_DEPTH}): "
                   "it was not saved by Jupyter")
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return bad(f"the file holds a value that cannot be read: {str(exc).split(';')[0]}")
    if not isinstance(raw, dict) or not isinstance(raw.get("cells"), list):
        return bad('the file is JSON but not a notebook (no "cells" list)')
    problem = _unencodable(raw, check_surrogates=_MAYBE_SURROGATE.search(text) is not None)
    if problem:
        return bad(problem)
    for i, cell in enumerate(raw["cells"]):
        if not isinstance(cell, dict) or cell.get("cell_type") not in {"code", "markdown", "raw"}:
            return bad(f"cell {i + 1} is not a notebook cell (no valid cell_type)")
        src = cell.get("source", "")
        if not isinstance(src, (str, list)) or (isinstance(src, list) and not all(isinstance(s, str) for s in src)):
            return bad(f"cell {i + 1} has a malformed source")
    warnings: list[str] = []
    if raw.get("nbformat") != 4:
        return bad(f"nbformat {raw.get('nbformat')!r} is not supported: save it from JupyterLab (nbformat 4)")
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:  # noqa: BLE001 - any reader failure is the file's fault
        return bad(f"the notebook cannot be read: {type(exc).__name__}: {str(exc)[:200]}")
    seen: set[str] = set()
    for i, cell in enumerate(nb.cells):
        cid = cell.get("id")
        if not cid or cid in seen:
            cell["id"] = f"wb-repaired-{i}"
            if cid:
                warnings.append(f"cell {i + 1} repeats the cell id {cid!r}; given a new one")
        seen.add(cell["id"])
        for key in ("metadata",):
            if not isinstance(cell.get(key), dict):
                cell[key] = {}
                warnings.append(f"cell {i + 1} had malformed metadata; ignored")
    return ReadResult("ok", nb, "", sha, warnings)
