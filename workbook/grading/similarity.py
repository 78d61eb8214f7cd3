"""Similarity report: pairs of candidates whose reflections or code are unusually alike.

For each notebook and each item (a reflection, or all of a candidate's
exercise code) every pair of candidates is compared by the Jaccard index of
their word shingles (runs of ``n`` consecutive words or code tokens). What the
released template already held (the placeholder, the instructions, the
rubric's prompt) is removed first, so two blank submissions share nothing and
are never "similar"; passages too short to judge are skipped.

How alike is "unusually alike" depends on the item: short correct code is
naturally close across a cohort, independent essays share little. So a pair
is flagged relative to its cohort, by a robust z-score
``(s - median) / (1.4826 * MAD)`` over all pairs of the same item (with a
floor on the scale so that a cohort of identical code does not flag itself),
and only when its similarity also clears an absolute floor. Cohorts too small
to estimate a spread (fewer than ``min_pairs`` pairs) fall back to a high
absolute threshold.

The report (:func:`write_report`) is static HTML, no script, with each flagged
pair's passages side by side and the matching stretches marked (``<mark>``),
plus a CSV of every compared pair. A flag is a reason to read both passages,
never a finding by itself.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np

from workbook.errors import InputError
from workbook.templating import render

__all__ = ["Passage", "Pair", "tokens", "shingles", "own_tokens", "jaccard", "robust_z", "compare_passages", "collect_passages",
           "matching_stretches", "write_report"]

_WORD = re.compile(r"\w+")
_CODE = re.compile(r"\w+|[^\w\s]")
TEMPLATES = Path(__file__).resolve().parent / "templates" / "similarity"


@dataclass(frozen=True)
class Passage:
    """One candidate's text for one item of one notebook (template text already removed)."""

    candidate: str
    notebook: str
    item: str  # a reflection id, or "code"
    kind: str  # "reflection" or "code"
    text: str
    exclude: str = ""  # template text whose shingles never count (prompt, placeholder, instructions)


@dataclass(frozen=True)
class Pair:
    notebook: str
    item: str
    kind: str
    a: str
    b: str
    similarity: float
    z: float
    flagged: bool


def tokens(text: str, kind: str = "reflection") -> list[tuple[str, int, int]]:
    """Tokens with their character spans: lower-case words for prose, words and symbols for code.

    >>> [t for t, _, _ in tokens("The Board, the BUDGET.")]
    ['the', 'board', 'the', 'budget']
    >>> [t for t, _, _ in tokens("x = f(1)", "code")]
    ['x', '=', 'f', '(', '1', ')']
    """
    pattern = _CODE if kind == "code" else _WORD
    return [(m.group(0).lower(), m.start(), m.end()) for m in pattern.finditer(text)]


def shingles(words: Sequence[str], n: int) -> set[tuple[str, ...]]:
    """The set of runs of ``n`` consecutive tokens.

    >>> sorted(shingles(["a", "b", "c", "d"], 3))
    [('a', 'b', 'c'), ('b', 'c', 'd')]
    """
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def jaccard(a: set[Any], b: set[Any]) -> float:
    """Shared shingles over all shingles (0 when both are empty).

    >>> jaccard({1, 2, 3}, {2, 3, 4}), jaccard(set(), set())
    (0.5, 0.0)
    """
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def robust_z(values: Sequence[float], *, floor: float = 0.05) -> np.ndarray:
    """``(x - median) / max(1.4826 * MAD, floor)`` for each value.

    >>> robust_z([0.02, 0.03, 0.01, 0.02, 0.6]).round(1).tolist()
    [0.0, 0.2, -0.2, 0.0, 11.6]
    """
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        return x
    med = float(np.median(x))
    scale = max(1.4826 * float(np.median(np.abs(x - med))), floor)
    return (x - med) / scale


def own_tokens(words: Sequence[str], banned: set[tuple[str, ...]], n: int) -> list[str]:
    """``words`` without every token covered by a run of ``n`` that the template holds.

    >>> own_tokens("what would you tell the board we would fund it".split(), shingles("what would you tell the board".split(), 3), 3)
    ['we', 'would', 'fund', 'it']
    """
    keep = [True] * len(words)
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) in banned:
            keep[i : i + n] = [False] * n
    return [w for w, k in zip(words, keep) if k]


def compare_passages(
    passages: Iterable[Passage], *, n: int | None = None, z_threshold: float = 3.5, min_similarity: float = 0.25,
    small_cohort_similarity: float = 0.6, min_pairs: int = 6, min_tokens: int = 12,
) -> list[Pair]:
    """Every pair of candidates per notebook and item, with its similarity, z-score and flag.

    ``n`` is the shingle length (3 words for prose, 5 tokens for code by
    default). Tokens the template holds (runs of ``n`` found in the passage's
    ``exclude`` text) are dropped first; a passage with fewer than
    ``min_tokens`` tokens of its own left is not compared.
    """
    if not 0 < min_similarity <= 1:
        raise InputError("min_similarity", min_similarity, "a fraction between 0 and 1")
    groups: dict[tuple[str, str, str], list[Passage]] = {}
    for p in passages:
        groups.setdefault((p.notebook, p.item, p.kind), []).append(p)
    out: list[Pair] = []
    for (notebook, item, kind), members in sorted(groups.items()):
        size = n or (5 if kind == "code" else 3)
        sets: dict[str, set[tuple[str, ...]]] = {}
        for p in members:
            banned = shingles([t for t, _, _ in tokens(p.exclude, kind)], size)
            words = own_tokens([t for t, _, _ in tokens(p.text, kind)], banned, size)
            if len(words) >= min_tokens:
                sets[p.candidate] = shingles(words, size)
        names = sorted(sets)
        pairs = list(itertools.combinations(names, 2))
        sims = [jaccard(sets[a], sets[b]) for a, b in pairs]
        zs = robust_z(sims) if len(pairs) >= min_pairs else np.zeros(len(pairs))
        for (a, b), s, z in zip(pairs, sims, zs):
            if len(pairs) >= min_pairs:
                flag = bool(z >= z_threshold and s >= min_similarity)
            else:
                flag = s >= small_cohort_similarity
            out.append(Pair(notebook, item, kind, a, b, round(s, 4), round(float(z), 2), flag))
    return out


def collect_passages(items: Iterable[Any], rubrics: dict[str, Any] | None = None) -> list[Passage]:
    """Passages from :func:`workbook.grading.submission_texts.candidate_notebooks` items.

    Each reflection is one item (its rubric prompt is excluded too); a
    candidate's exercise cells of one notebook, joined, are the item ``code``.
    """
    out: list[Passage] = []
    for it in items:
        if it.status != "ok":
            continue
        rubric = (rubrics or {}).get(it.principle)
        prompts = {r.id: r.prompt for r in rubric.reflections} if rubric is not None else {}
        code, given = [], []
        for wid, text in it.owned.items():
            if it.kinds.get(wid) == "reflection":
                out.append(Passage(it.candidate, it.notebook, wid, "reflection", text,
                                   it.template_text.get(wid, "") + "\n" + prompts.get(wid, "")))
            else:
                code.append(text)
                given.append(it.template_text.get(wid, ""))
        out.append(Passage(it.candidate, it.notebook, "code", "code", "\n".join(code), "\n".join(given)))
    return out


def matching_stretches(a: str, b: str, kind: str = "reflection", min_len: int | None = None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans in ``a`` and in ``b`` of runs of at least ``min_len`` shared tokens.

    >>> sa, sb = matching_stretches("We phased the refresh over three budget years.", "Our plan phased the refresh over three budget years too.")
    >>> "We phased the refresh over three budget years."[sa[0][0]:sa[0][1]]
    'phased the refresh over three budget years'
    """
    ta, tb = tokens(a, kind), tokens(b, kind)
    size = min_len or (5 if kind == "code" else 4)
    matcher = SequenceMatcher(None, [t for t, _, _ in ta], [t for t, _, _ in tb], autojunk=False)
    spans_a, spans_b = [], []
    for i, j, k in matcher.get_matching_blocks():
        if k >= size:
            spans_a.append((ta[i][1], ta[i + k - 1][2]))
            spans_b.append((tb[j][1], tb[j + k - 1][2]))
    return spans_a, spans_b


def _segments(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut into ``(piece, shared)`` segments at ``spans``, for the template to mark.

    >>> _segments("ab<cd>ef", [(2, 6)])
    [('ab', False), ('<cd>', True), ('ef', False)]
    """
    parts, pos = [], 0
    for start, end in sorted(spans):
        parts += [(text[pos:start], False), (text[start:end], True)]
        pos = end
    parts.append((text[pos:], False))
    return [(t, shared) for t, shared in parts if t]


def write_report(pairs: Sequence[Pair], passages: Sequence[Passage], out: str | Path,
                 unreadable: Sequence[str] = ()) -> tuple[Path, Path]:
    """Write ``out/similarity.html`` (flagged pairs side by side) and ``out/similarity.csv`` (every pair).

    ``unreadable`` lists submissions that could not be read (see
    :func:`workbook.grading.submission_texts.unreadable`); the page names them as not compared.
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    text = {(p.candidate, p.notebook, p.item): p for p in passages}
    csv_path = folder / "similarity.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["notebook", "item", "kind", "candidate_a", "candidate_b", "similarity", "robust_z", "flagged"])
        for p in sorted(pairs, key=lambda p: (p.notebook, p.item, -p.similarity)):
            writer.writerow([p.notebook, p.item, p.kind, p.a, p.b, p.similarity, p.z, "yes" if p.flagged else "no"])
    flagged = []
    for p in sorted((p for p in pairs if p.flagged), key=lambda p: (-p.z, -p.similarity)):
        a, b = text[(p.a, p.notebook, p.item)], text[(p.b, p.notebook, p.item)]
        sa, sb = matching_stretches(a.text, b.text, p.kind)
        flagged.append({"pair": p, "a": _segments(a.text, sa), "b": _segments(b.text, sb)})
    page = render(TEMPLATES, "report.html.j2", compared=len(pairs), flagged=flagged,
                  unreadable=list(unreadable))
    html_path = folder / "similarity.html"
    html_path.write_text(page, encoding="utf-8")
    return html_path, csv_path
