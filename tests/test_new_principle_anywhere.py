"""A sixth technology principle needs its source, its package and its rubric, and nothing else.

The three files are written under a temporary folder named in
``CTO_WORKBOOK_PATH`` (docs/authoring.md, "A principle kept outside the
workbook"); no file of the workbook is touched. The principle is then listed by
``workbook curriculum``, its notebook generated, run against its rubric,
released, graded in the sandbox with warm kernels, and put in a portfolio.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import nbformat
import pytest

from notebook_runs import errors, execute, notebook_defaults, recorded_answers, rubric_mismatches
from workbook.cli import main
from workbook.grading.gradebook import Gradebook
from workbook.rubric import load_rubric
from workbook.sources import SOURCE_HEADER, differences

SOURCE = SOURCE_HEADER.format(principle="T5", title="Print Management") + textwrap.dedent('''
    # T5 · Print Management

    *Technology strand · printing; paper*

    ```{code-cell}
    :tags: [parameters]

    district: str = "sample-suburban"  # a sample id or the path of your district file
    candidate: str = "demo"  # your candidate id
    seed: int = 2026  # varies the synthetic numbers
    fiscal_year: str = "2026-27"  # California fiscal year, July to June
    pages_per_student: int = 400  # pages printed per student a year
    ```

    ```{code-cell}
    :tags: [hide-input]

    from workbook.notebook import answer, show_figure, start
    from workbook.principles.t5.charts import pages_chart
    from workbook.principles.t5.givens import pages_a_year

    wb = start("T5", district=district, candidate=candidate, seed=seed, fiscal_year=fiscal_year,
               pages_per_student=pages_per_student)
    ```

    # Exercise 1 · Pages a year

    Record the **pages the district prints in a year** (students times pages per student, plus the staff's share) as `t5-pages`.

    ```{code-cell}
    ---
    tags: [solution]
    workbook: {id: t5-pages, kind: exercise}
    ---
    answer("t5-pages", pages_a_year(wb.district, pages_per_student, seed))
    ```

    +++ {"tags": ["artifact"], "workbook": {"id": "t5-artifact-pages", "kind": "artifact", "title": "Pages a year"}}

    ### Artifact · Pages a year

    ```{code-cell}
    ---
    tags: [artifact, hide-input]
    workbook: {id: t5-artifact-pages-chart, kind: artifact, title: Pages a year}
    ---
    total = pages_a_year(wb.district, pages_per_student, seed)
    show_figure(pages_chart(total), f"Bar chart of the {total:,} pages the district prints in a year, students and staff together.")
    ```

    ### Reflection prompt

    Where could the district print less?

    +++ {"tags": ["reflection"], "workbook": {"id": "t5-reflect-paper", "kind": "reflection"}}

    *Write your reflection here.*
    ''')

GIVENS = '''"""T5 Print Management: the givens of its exercise."""


def pages_a_year(district, pages_per_student: int, seed: int) -> int:
    """Students times pages per student, plus a staff share that varies with the seed."""
    return int(district.enrollment.total * pages_per_student + (seed % 7 + 1) * 1000)
'''

CHARTS = '''"""T5 Print Management: its chart, in the shared style."""

from workbook.notebook.style import new_figure


def pages_chart(total: int):
    fig, ax = new_figure("Pages printed a year", "District", "Pages")
    ax.bar(["district"], [total])
    return fig
'''

RUBRIC = '''from workbook.principles.t5.givens import pages_a_year
from workbook.rubric import Check, Criterion, Exercise, Level, Reflection, Rubric

RUBRIC = Rubric(
    principle="T5",
    notebook="technology/T5-print-management.ipynb",
    exercises=(
        Exercise("t5-pages", "Pages a year", (
            Check("t5-pages", "pages a year", 2, lambda ctx: pages_a_year(ctx.district, ctx["pages_per_student"], ctx["seed"])),
        ), hint="Students times pages per student, plus the staff."),
    ),
    reflections=(
        Reflection("t5-reflect-paper", "Where could the district print less?", (
            Criterion("Evidence", "Uses the district's numbers.", (Level("beginning", 1, "none"), Level("proficient", 3, "some"))),
        )),
    ),
)
'''

HIDDEN = '''from workbook.principles.t5.givens import pages_a_year
from workbook.rubric import Check

HIDDEN = [Check("t5-pages", "to the page", 1, lambda ctx: pages_a_year(ctx.district, ctx["pages_per_student"], ctx["seed"]),
                rtol=0, visibility="hidden")]
'''


@pytest.fixture()
def cohort_root(tmp_path, monkeypatch):
    """The three things a principle is, in a folder outside the workbook."""
    root = tmp_path / "our-principles"
    files = {
        "notebooks/technology/T5-print-management.md": SOURCE,
        "principles/t5/__init__.py": '"""T5 Print Management."""\n',
        "principles/t5/givens.py": GIVENS,
        "principles/t5/charts.py": CHARTS,
        "exercises/T5.py": RUBRIC,
        "exercises/hidden/T5.py": HIDDEN,
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    monkeypatch.setenv("CTO_WORKBOOK_PATH", str(root))
    return root


def test_a_sixth_technology_principle_is_listed_released_graded_and_in_a_portfolio(cohort_root, tmp_path, capsys):
    source = cohort_root / "notebooks" / "technology" / "T5-print-management.md"

    # the curriculum finds it
    assert main(["curriculum", "--strand", "technology", "--json"]) == 0
    listed = {p["id"]: p for p in json.loads(capsys.readouterr().out)}
    assert list(listed) == ["T1", "T2", "T3", "T4", "T5"]
    assert listed["T5"]["title"] == "Print Management" and listed["T5"]["status"] == "available"

    # its notebook is generated from the source, and runs as the rubric expects
    assert main(["notebooks", "build", str(source)]) == 0
    assert differences(source) == []
    notebook = source.with_suffix(".ipynb")
    params = {**notebook_defaults(notebook), "district": "sample-rural", "seed": 11}
    (tmp_path / "run").mkdir()
    ran = execute(notebook, tmp_path / "run", **params)
    assert errors(ran) == []
    assert rubric_mismatches(ran, load_rubric("T5", hidden=True), params) == []

    # released beside the workbook's own principles, public rubric only
    assert main(["release", "--out", str(tmp_path / "rel")]) == 0
    released = tmp_path / "rel" / "notebooks" / "technology" / "T5-print-management.ipynb"
    assert released.is_file() and (tmp_path / "rel" / "notebooks" / "leadership" / "L6-fiscal-management.ipynb").is_file()
    assert (tmp_path / "rel" / "exercises" / "T5.py").is_file() and not (tmp_path / "rel" / "exercises" / "hidden").exists()

    # graded: a candidate who answers it gets full marks (sandboxed warm kernels, the default)
    submission = _graded(tmp_path, released, notebook, "warm")
    # and put in the candidate's portfolio: executed, with its page, artifact and reflection
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    completed = execute(submission, workspace, **{**params, "candidate": "ana"})
    assert recorded_answers(completed)["t5-pages"] > 0
    reflection = next(c for c in completed.cells if "reflection" in c.metadata.get("tags", []))
    reflection.source = "We print report cards twice; moving them to the parent portal would save about a third of our pages."
    nbformat.write(completed, workspace / released.name)
    assert main(["portfolio", "build", str(workspace), "-o", str(tmp_path / "site")]) == 0
    page = tmp_path / "site" / "T5-print-management.html"
    assert page.is_file()
    html = page.read_text(encoding="utf-8")
    assert "Print Management" in html and "parent portal" in html and "Bar chart of the" in html
    assert "T5" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def _graded(tmp_path: Path, released: Path, notebook: Path, kernel: str) -> Path:
    """Grade a correct submission of the released T5 with ``kernel``; return the submission."""
    candidate_nb = nbformat.read(released, as_version=4)
    instructor = {c.id: c for c in nbformat.read(notebook, as_version=4).cells}
    for cell in candidate_nb.cells:
        if "answer" in cell.metadata.get("tags", []):
            cell.source = instructor[cell.id].source
    submission = tmp_path / f"subs-{kernel}" / "ana" / released.name
    submission.parent.mkdir(parents=True)
    nbformat.write(candidate_nb, submission)
    gradebook = tmp_path / f"gb-{kernel}.sqlite"
    assert main(["grade", str(submission.parents[1]), "--gradebook", str(gradebook), "--only", "T5", "--workers", "1",
                 "--no-progress", "--no-roster", "--kernel", kernel]) == 0
    with Gradebook(gradebook) as gb:
        [result] = gb.results()
    assert (result["candidate"], result["principle"], result["status"]) == ("ana", "T5", "graded")
    assert result["score"] == result["possible"] == 3, result
    return submission


def test_a_plain_sandboxed_kernel_imports_the_extra_principles_package(cohort_root, tmp_path):
    source = cohort_root / "notebooks" / "technology" / "T5-print-management.md"
    assert main(["notebooks", "build", str(source)]) == 0
    assert main(["release", "--out", str(tmp_path / "rel")]) == 0
    released = tmp_path / "rel" / "notebooks" / "technology" / "T5-print-management.ipynb"
    _graded(tmp_path, released, source.with_suffix(".ipynb"), "python3")


def test_an_extra_principle_with_a_bad_header_is_a_clear_error(cohort_root, capsys):
    source = cohort_root / "notebooks" / "technology" / "T5-print-management.md"
    source.rename(source.with_name("T5-printing.md"))
    assert main(["curriculum"]) == 2
    err = capsys.readouterr().err
    assert "T5-printing.md" in err and "T5-print-management.md" in err
