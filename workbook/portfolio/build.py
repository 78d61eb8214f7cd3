"""Render every page of a portfolio site (the work behind :func:`build_portfolio`)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from workbook import __version__
from workbook.curriculum import principles, program_summary
from workbook.portfolio.assets import copy_site_assets, require_assets
from workbook.portfolio.exporter import make_exporter, notebook_css
from workbook.portfolio.manifest import identity, manifest, now, sha256, strip_title
from workbook.portfolio.pages import Chrome, PageRef, copy_static, render_page, search_entry, write_search_index
from workbook.portfolio.report import BuildReport
from workbook.portfolio.scores import load_scores

__all__ = ["build_site"]


def _has_math(nb: Any) -> bool:
    return any(c.cell_type == "markdown" and ("$" in c.source or "\\(" in c.source) for c in nb.cells)


def _has_widgets(nb: Any) -> bool:
    state = (nb.metadata.get("widgets") or {}).get("application/vnd.jupyter.widget-state+json") or {}
    return bool(state.get("state"))


def _status_line(state: Any, score: Any) -> str:
    from workbook.portfolio.fragments import status_line

    return status_line(state.status, state.reflections_written, state.reflections_total, state.answers,
                       None if score is None else str(score))


def build_site(
    workspace: Path,
    site: Path,
    *,
    execute: bool = False,
    scores: Path | str | None = None,
    candidate: str | None = None,
    cohort: str | None = None,
) -> BuildReport:
    """Write the whole site into the (empty) folder ``site``; return the report."""
    import nbformat

    from workbook.portfolio.execute import candidate_parameters, execute_notebooks
    from workbook.portfolio.workspace import NotebookState, find_notebooks, notebook_state

    site.mkdir(parents=True, exist_ok=True)
    report = BuildReport(site=site)
    found, warnings = find_notebooks(workspace)
    report.warnings += warnings
    with tempfile.TemporaryDirectory(prefix="portfolio-run-") as tmp:
        sources = dict(found)
        if execute:
            executed, warnings = execute_notebooks(found, Path(tmp))
            sources.update(executed)
            report.warnings += warnings
        nbs = {pid: nbformat.read(path, as_version=4) for pid, path in sources.items()}

    widgets = any(_has_widgets(nb) for nb in nbs.values())
    math = any(_has_math(nb) for nb in nbs.values())
    # A page that needs MathJax or the widget manager is never written without it.
    require_assets(("mathjax",) * math + ("requirejs", "@jupyter-widgets/html-manager") * widgets)
    assets = copy_site_assets(site, math=math, widgets=widgets)
    exporter = make_exporter(assets)
    copy_static(site, notebook_css(exporter))

    first_params = candidate_parameters(next(iter(nbs.values()))) if nbs else {}
    name, cohort_name = identity(workspace, candidate, cohort, first_params)
    score_map = load_scores(scores, name) if scores else {}
    built = now()
    pages = {p.id: PageRef(f"{p.id}-{p.slug}.html", f"{p.id} · {p.title}") for p in principles()}
    order = [PageRef("index.html", "Curriculum summary"), *pages.values(),
             PageRef("artifacts.html", "Artifacts"), PageRef("reflections.html", "Reflections")]
    chrome = Chrome(name, cohort_name, built, __version__, order)

    rows, artifact_groups, reflection_groups, entries, manifest_nbs = [], [], [], [], []
    for p in principles():
        ref = pages[p.id]
        nb = nbs.get(p.id)
        state = notebook_state(nb) if nb is not None else NotebookState()
        score = score_map.get(p.id)
        if nb is None or state.status == "not started":
            body = render_page("principle.html.j2", chrome, ref.file, ref.title, p=p)
        else:
            resources = {
                "metadata": {"name": ref.title},
                "portfolio": {
                    "notebook": p.id,
                    "widgets": bool(widgets and assets.widget_renderer_url),
                    "mathjax": bool(assets.mathjax_url),
                    "header_html": chrome.header(ref.file),
                    "footer_html": chrome.footer(ref.file),
                    "page_title": ref.title,
                    "intro_html": _status_line(state, score),
                },
            }
            try:
                body, res = exporter.from_notebook_node(strip_title(nb, f"{ref.title} · Portfolio of {name}"), resources=resources)
            except Exception as exc:  # noqa: BLE001 - one odd notebook must not stop the portfolio
                report.warnings.append(f"{found[p.id].relative_to(workspace)}: could not be rendered "
                                       f"({type(exc).__name__}: {str(exc)[:200]}); its page lists the principle only")
                body, res, state = render_page("principle.html.j2", chrome, ref.file, ref.title, p=p), None, NotebookState()
            if res is not None:
                ctx = res["portfolio"]
                report.removed += ctx["removed"]
                report.alt_fallbacks += ctx["alt_fallbacks"]
                state.artifacts = len(ctx["artifacts"])
                if ctx["artifacts"]:
                    artifact_groups.append({"id": p.id, "title": p.title, "file": ref.file, "artifacts": ctx["artifacts"]})
                if ctx["reflections"]:
                    reflection_groups.append({"id": p.id, "title": p.title, "file": ref.file, "reflections": ctx["reflections"]})
                manifest_nbs.append({
                    "principle": p.id,
                    "source": found[p.id].relative_to(workspace).as_posix(),
                    "sha256": sha256(found[p.id]),
                    "status": state.status,
                    "parameters": ctx["parameters"],
                })
        (site / ref.file).write_text(body, encoding="utf-8")
        entries.append(search_entry(ref.file, ref.title, body))
        row = {"id": p.id, "title": p.title, "strand": p.strand, "file": ref.file, "status": state.status,
               "reflections_written": state.reflections_written, "reflections_total": state.reflections_total,
               "artifacts": state.artifacts, "score": str(score) if score is not None else ""}
        rows.append(row)
        if p.id in found:
            report.notebooks.append({**row, "source": found[p.id].relative_to(workspace).as_posix()})

    counts = {s: sum(r["status"] == s for r in rows) for s in ("completed", "in progress", "not started")}
    strands = [(s, [r for r in rows if r["strand"] == s]) for s in ("Technology", "Education", "Leadership")]
    own_pages = {
        "index.html": render_page("index.html.j2", chrome, "index.html", f"Portfolio of {name}",
                                  strands=strands, counts=counts, scored=bool(score_map), program=program_summary()),
        "artifacts.html": render_page("artifacts.html.j2", chrome, "artifacts.html", "Artifacts", groups=artifact_groups),
        "reflections.html": render_page("reflections.html.j2", chrome, "reflections.html", "Reflections", groups=reflection_groups),
        "search.html": render_page("search.html.j2", chrome, "search.html", "Search",
                                   scripts=("assets/search-index.js", "assets/site.js")),
    }
    for file, body in own_pages.items():
        (site / file).write_text(body, encoding="utf-8")
        if file != "search.html":
            entries.insert(0, search_entry(file, next(r.title for r in order if r.file == file), body))
    write_search_index(site, entries)
    data = manifest(name, cohort_name, built, execute, manifest_nbs, {
        "mathjax": assets.mathjax_url, "require_js": assets.require_js_url, "widget_renderer": assets.widget_renderer_url,
    })
    (site / "manifest.json").write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")
    report.pages = sorted(p.name for p in site.glob("*.html"))
    return report
