"""Feedback pages: one static HTML page per candidate and notebook.

The page is the candidate's notebook, rebuilt on the released template (never
executed again), rendered by nbconvert's ``HTMLExporter`` with the
``feedback`` template (it extends the portfolio's, which extends ``lab``) and
the portfolio's preprocessors (markdown rendered and sanitized with nh3,
private and instructor cells removed, figures with alt text). As nbgrader's
``GetGrades`` does, the scores travel in ``resources["feedback"]``
(:func:`feedback_context`): per exercise its points, status, the reasons of
its public checks and the hint; per reflection the rubric's criteria with the
level chosen and the instructor's comment; the totals.

What never appears unless the instructor passes ``publish_answers``: an
expected value, and a hidden check's result beyond its name and points
(nbgrader's feedback leaks hidden tests, its issue #917). With
``publish_answers`` the expected values, computed by the rubric from the
candidate's own parameters, are shown beside each check.

The page carries no script and no external stylesheet: styles are inline, so
it works offline, from a USB stick or attached to an e-mail.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbook import __version__
from workbook.contract import cell_id
from workbook.errors import InputError, WorkbookError
from workbook.grading.gradebook import Gradebook
from workbook.grading.hidden import PUBLIC_ONLY
from workbook.grading.reflections import migrate, reflection_scores
from workbook.grading.runner import plan_jobs
from workbook.grading.score import notebook_defaults
from workbook.grading.submission_texts import candidate_notebooks
from workbook.portfolio.exporter import TEMPLATES as PORTFOLIO_TEMPLATES, make_exporter
from workbook.rubric import Context, load_rubric

__all__ = ["TEMPLATES", "feedback_context", "feedback_notebook", "make_feedback_exporter", "render_feedback",
           "write_feedback", "format_expected"]

TEMPLATES = Path(__file__).resolve().parent / "templates"


def format_expected(value: Any) -> str:
    """An expected value as escaped HTML (only ever shown with ``publish_answers``).

    >>> format_expected(123456.789), format_expected(0.12345), format_expected(None)
    ('123,456.79', '0.1235', 'any answer')
    >>> format_expected({"a": 1.5, "b<": 2})
    'a: 1.50; b&lt;: 2.00'
    """
    if value is None:
        return "any answer"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        v = float(value)
        return html.escape(f"{v:,.2f}" if abs(v) >= 1 else f"{v:.4g}")
    if type(value).__name__ == "DataFrame":
        return value.to_html(border=0, escape=True, float_format=lambda v: f"{v:,.2f}")
    if hasattr(value, "items") and callable(value.items):
        return "; ".join(f"{html.escape(str(k))}: {format_expected(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(format_expected(v) for v in value)
    return html.escape(str(value))


def _exercise_status(checks: list[dict[str, Any]], points: float, possible: float) -> str:
    if possible and points >= possible - 1e-9:
        return "correct"
    if points > 0:
        return "partial"
    for status in ("missing", "error", "incorrect"):
        if any(c["status"] == status for c in checks):
            return status
    return "incorrect"


def feedback_context(
    book: Any, rubric: Any, candidate: str, notebook: str, *,
    params: dict[str, Any] | None = None, publish_answers: bool = False,
) -> dict[str, Any]:
    """What the feedback template shows, from the gradebook and the rubric (``resources["feedback"]``).

    ``params`` (the candidate's notebook parameters) are needed only with
    ``publish_answers``, to compute the expected values.
    """

    row = book.conn.execute("SELECT * FROM results WHERE candidate = ? AND notebook = ?", (candidate, notebook)).fetchone()
    if row is None:
        raise InputError("candidate", candidate, f"a candidate with a result for {notebook} in the gradebook")
    result = dict(row)
    checks = {(c.exercise, c.name): c for c in rubric.checks(include_hidden=True)}
    context = Context(rubric.principle, dict(params or {}))
    by_id: dict[str, dict[str, Any]] = {}
    titles = {e.id: (e.title, e.hint) for e in rubric.exercises}
    for o in book.outcomes(candidate, notebook):
        title, hint = titles.get(o["exercise"], (o["exercise"], ""))
        ex = by_id.setdefault(o["exercise"], {"id": o["exercise"], "title": title, "hint": hint, "checks": [],
                                              "points": 0.0, "possible": 0.0})
        hidden = o["visibility"] == "hidden"
        item = {"name": o["check_name"], "points": o["points"], "possible": o["possible"], "hidden": hidden,
                "status": "" if hidden and not publish_answers else o["status"],
                "reason": "" if hidden and not publish_answers else o["reason"], "expected_html": ""}
        if publish_answers and (o["exercise"], o["check_name"]) in checks:
            try:
                item["expected_html"] = format_expected(checks[(o["exercise"], o["check_name"])].expected(context))
            except Exception as exc:  # noqa: BLE001 - a rubric that cannot compute shows why, the page still renders
                item["expected_html"] = html.escape(f"could not be computed ({type(exc).__name__})")
        ex["checks"].append(item)
        ex["points"] += o["points"]
        ex["possible"] += o["possible"]
    for ex in by_id.values():
        public = [c for c in ex["checks"] if c["status"]]
        ex["status"] = _exercise_status([c for c in ex["checks"] if c["status"]] or [{"status": "incorrect"}], ex["points"], ex["possible"])
        ex["reason"] = "; ".join(dict.fromkeys(c["reason"] for c in public if c["reason"]))
    order = [e.id for e in rubric.exercises] + sorted(set(by_id) - {e.id for e in rubric.exercises})
    exercises = [by_id[i] for i in order if i in by_id]

    stored = {(s.reflection, s.criterion): s for s in reflection_scores(book, candidate, notebook)}
    reflections, unscored = [], 0
    for refl in rubric.reflections:
        crits = []
        for crit in refl.criteria:
            s = stored.get((refl.id, crit.name))
            unscored += s is None
            crits.append({"name": crit.name, "description": crit.description, "possible": crit.points,
                          "levels": [{"name": lv.name, "points": lv.points, "description": lv.description} for lv in crit.levels],
                          "level": s.level if s else "", "points": s.points if s else 0.0,
                          "comment": s.comment if s else "", "grader": s.grader if s else ""})
        reflections.append({"id": refl.id, "prompt": refl.prompt, "criteria": crits, "possible": refl.points,
                            "points": sum(c["points"] for c in crits), "scored": sum(1 for c in crits if c["level"])})
    ex_total = (sum(e["points"] for e in exercises), sum(e["possible"] for e in exercises))
    re_total = (sum(r["points"] for r in reflections), sum(r["possible"] for r in reflections))
    return {
        "candidate": candidate, "notebook": notebook, "title": notebook, "status": result["status"],
        "reason": result["reason"], "graded_at": result["graded_at"], "warnings": _shown_warnings(result),
        "public_only": str(result.get("rubric_version", "")).endswith(PUBLIC_ONLY),
        "publish_answers": bool(publish_answers), "exercises": exercises, "by_exercise": by_id, "orphans": [],
        "reflections": reflections, "by_reflection": {r["id"]: r for r in reflections},
        "totals": {"exercises": ex_total, "reflections": re_total, "unscored": unscored,
                   "total": (ex_total[0] + re_total[0], ex_total[1] + re_total[1])},
        "version": __version__, "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _shown_warnings(result: dict[str, Any]) -> list[str]:
    import json

    raw = result.get("warnings") or "[]"
    items = json.loads(raw) if isinstance(raw, str) else list(raw)
    return [str(w) for w in items]


def feedback_notebook(item: Any, params: dict[str, Any] | None = None) -> Any:
    """The notebook the page shows: the restored submission (or the released template when none).

    Exercise cells are the candidate's (tag ``answer``, so the portfolio's
    preprocessors keep them); the candidate's parameters are shown in the
    parameters table.
    """
    import copy

    from nbformat.v4 import new_code_cell

    nb = copy.deepcopy(item.restored if item.restored is not None else item.template)
    for cell in nb.cells:
        tags = list(cell.metadata.get("tags") or [])
        if "solution" in tags:
            cell.metadata["tags"] = ["answer" if t == "solution" else t for t in tags]
        if cell.cell_type == "code":
            cell["outputs"], cell["execution_count"] = [], None
    if params:
        where = next((i for i, c in enumerate(nb.cells) if "parameters" in (c.metadata.get("tags") or [])), None)
        if where is not None:
            source = "\n".join(f"{k} = {v!r}" for k, v in params.items() if re.fullmatch(r"[A-Za-z_]\w*", str(k)))
            nb.cells.insert(where + 1, new_code_cell(source, metadata={"tags": ["injected-parameters"]}))
    title = next((c.source.lstrip("# ").splitlines()[0] for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("# ")), "")
    nb.metadata["title"] = title or item.notebook
    return nb


def make_feedback_exporter() -> Any:
    """An ``HTMLExporter`` with the ``feedback`` template and the portfolio's preprocessors; no script URLs.

    >>> e = make_feedback_exporter()
    >>> e.template_name, e.mathjax_url, e.require_js_url
    ('feedback', '', '')
    """

    return make_exporter(template_name="feedback", template_dirs=(TEMPLATES,))


def _css() -> str:
    # The code highlighting styles come inline from nbconvert's CSSHTMLHeaderPreprocessor.
    parts = [(PORTFOLIO_TEMPLATES / "site" / "static" / "site.css").read_text(encoding="utf-8"),
             (TEMPLATES / "feedback" / "static" / "feedback.css").read_text(encoding="utf-8")]
    return "\n".join(parts).replace("</", "<\\/")


def render_feedback(nb: Any, context: dict[str, Any], exporter: Any = None) -> str:
    """The page's HTML for a notebook and its :func:`feedback_context`."""
    exporter = exporter or make_feedback_exporter()
    context = dict(context, title=nb.metadata.get("title") or context["title"], css=_css())
    known = {cell_id(c) for c in nb.cells} - {""}
    context["orphans"] = [e for e in context["exercises"] if e["id"] not in known]
    resources = {"feedback": context, "portfolio": {"notebook": context["notebook"], "widgets": False, "mathjax": False},
                 "metadata": {"name": context["title"]}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def write_feedback(
    submissions: str | Path, out: str | Path, *, gradebook: str | Path | Any,
    roster: str | Path | None = None, cohort_secret: str | None = None,
    notebooks: str | Path | None = None, exercises: str | Path | None = None, layout: str | None = None,
    only: Sequence[str] = (), candidates: Sequence[str] = (), publish_answers: bool = False,
    items: Sequence[Any] | None = None,
) -> list[Path]:
    """Write ``out/<candidate>/<notebook>.html`` for every result in the gradebook; return the pages.

    Each page shows the parameters its result was graded with, as stored in
    the gradebook, never the notebook's defaults. Only a result from a
    gradebook written before parameters were stored falls back to the roster,
    as ``workbook grade`` would plan it. ``items`` are the submissions
    already read with :func:`~workbook.grading.submission_texts.candidate_notebooks`
    (read here when ``None``); one that cannot be read gets a page on the
    released notebook with the gradebook's reason.
    """

    book = gradebook if isinstance(gradebook, Gradebook) else Gradebook(gradebook)
    try:
        migrate(book)
        results = [r for r in book.results() if (not candidates or r["candidate"] in candidates)
                   and (not only or r["principle"] in {o.upper() for o in only})]
        if not results:
            raise WorkbookError(f"the gradebook {book.path} holds no results to give feedback on")
        principles = sorted({r["principle"] for r in results})
        kwargs = {"notebooks": notebooks, "exercises": exercises, "only": principles}
        params = {(r["candidate"], r["notebook"]): r["params"] for r in results if r["params"]}
        if len(params) < len(results):  # a gradebook written before parameters were stored
            # Only the parameters are needed here (the scores are in the gradebook), so a
            # rubric folder without hidden checks is fine: a result graded without them says so.
            jobs, _ = plan_jobs(submissions, roster=roster, cohort_secret=cohort_secret, public_only=True, **kwargs,
                                **({"layout": layout} if layout else {}))
            params = {(j.candidate, j.notebook): j.params for j in jobs} | params
        if items is None:
            items = candidate_notebooks(submissions, layout=layout, candidates={r["candidate"] for r in results}, **kwargs)
        by_key = {(i.candidate, i.notebook): i for i in items}
        rubrics = {pid: load_rubric(pid, folder=exercises, hidden=True) for pid in principles}
        exporter = make_feedback_exporter()
        written: list[Path] = []
        for r in results:
            item = by_key.get((r["candidate"], r["notebook"]))
            if item is None:
                continue
            mine = notebook_defaults(item.template) | params.get((r["candidate"], r["notebook"]), {"candidate": r["candidate"]})
            context = feedback_context(book, rubrics[r["principle"]], r["candidate"], r["notebook"],
                                       params=mine, publish_answers=publish_answers)
            page = Path(out) / r["candidate"] / f"{r['notebook']}.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            try:
                body = render_feedback(feedback_notebook(item, mine), context, exporter)
            except Exception as exc:  # noqa: BLE001 - one odd submission must not stop the cohort's feedback
                shown = dataclasses.replace(item, restored=None)  # the released notebook, with the scores
                context = dict(context, warnings=[*context.get("warnings", []),
                                                  f"the submission could not be shown on this page ({type(exc).__name__})"])
                body = render_feedback(feedback_notebook(shown, mine), context, exporter)
            page.write_text(body, encoding="utf-8")
            written.append(page)
        return written
    finally:
        if not isinstance(gradebook, Gradebook):
            book.close()
