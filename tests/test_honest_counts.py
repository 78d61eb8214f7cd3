"""The start notebook, the README and the portfolio state counts from workbook.curriculum, never typed ones."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from workbook.curriculum import STRANDS, principles, program_summary
from workbook.kernels import run_notebook
from workbook.paths import notebooks_dir

ROOT = Path(__file__).resolve().parents[1]
NUMBER = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
TYPED_COUNT = re.compile(rf"\b{NUMBER}\s+(principles|strands|notebooks)\b", re.IGNORECASE)
COUNTS_BLOCK = re.compile(r"<!-- counts:[^>]*-->\n(.*?)\n<!-- /counts -->", re.S)


def _without_counts_block(text: str) -> str:
    return COUNTS_BLOCK.sub("", text)


def test_summary_counts_what_the_curriculum_holds() -> None:
    available = [p.id for p in principles() if p.status == "available"]
    text = program_summary()
    assert f"{len(principles())} principles in {len(STRANDS)} strands" in text
    if len(available) == len(principles()):  # the whole curriculum: no list to read through
        assert "every one has its notebook" in text
    else:
        assert f"{len(available)} of them have a notebook" in text and all(pid in text for pid in available)


@pytest.mark.parametrize("path", ["README.md", "notebooks/00-start-here.md", "notebooks/_shared",
                                  "workbook/portfolio/templates/site/index.html.j2"])
def test_no_count_is_typed_in_prose(path: str) -> None:
    target = ROOT / path
    files = sorted(target.rglob("*.md")) if target.is_dir() else [target]
    typed = [f"{f.relative_to(ROOT)}: {m.group(0)!r}" for f in files
             for m in TYPED_COUNT.finditer(_without_counts_block(f.read_text(encoding="utf-8")))]
    assert typed == []


def test_readme_counts_block_is_the_curriculum_summary() -> None:
    found = COUNTS_BLOCK.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert found, "README.md keeps its counts between <!-- counts: ... --> and <!-- /counts -->"
    assert found.group(1).startswith(program_summary()), (
        "README's counts are stale: put the output of `workbook curriculum --summary` between the counts markers")


def test_readme_names_only_notebook_folders_that_exist() -> None:
    layout = (ROOT / "README.md").read_text(encoding="utf-8").split("## Layout", 1)[1].split("```")[1]
    named = set(re.findall(r"\b(technology|education|leadership)/", layout))
    assert named and all((notebooks_dir() / name).is_dir() for name in named), named


def test_start_notebook_shows_the_summary(tmp_path: Path) -> None:
    source = notebooks_dir() / "00-start-here.ipynb"
    run_notebook(source, tmp_path / "start.ipynb", cwd=str(source.parent))
    shown = [o.get("data", {}).get("text/markdown", "") for c in nbformat.read(tmp_path / "start.ipynb", as_version=4).cells
             if c.cell_type == "code" for o in c.outputs]
    assert program_summary() in shown


def test_portfolio_index_shows_the_summary(tmp_path: Path) -> None:
    from workbook.portfolio import build_portfolio

    from workbook.curriculum import principle
    from workbook.grading.release import release_notebook

    workspace = tmp_path / "home"
    l6 = principle("L6")
    (workspace / l6.notebook).parent.mkdir(parents=True)
    nbformat.write(release_notebook(nbformat.read(l6.notebook_path, as_version=4)), workspace / l6.notebook)
    build_portfolio(workspace, tmp_path / "site", candidate="new-candidate")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert program_summary() in index
    assert not TYPED_COUNT.search(index.replace(program_summary(), ""))
