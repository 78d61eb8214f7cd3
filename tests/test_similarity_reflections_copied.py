"""Similarity report on a Z9 cohort: a copied reflection with light edits is flagged;
independent reflections, blank submissions and identical correct code are not."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import nbformat
import pytest

from workbook.cli import main
from workbook.grading.submission_texts import candidate_notebooks
from workbook.grading.similarity import Passage, collect_passages, compare_passages, matching_stretches
from workbook.rubric import load_rubric

HERE = Path(__file__).parent
GRADING = HERE / "notebooks" / "grading"
HOSTILE = HERE / "notebooks" / "hostile"
TEXTS = json.loads((HERE / "notebooks" / "feedback" / "reflections.json").read_text(encoding="utf-8"))
NAME = "Z9-grading-fixture.ipynb"


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> Path:
    subs = tmp_path_factory.mktemp("similarity") / "submissions"
    for candidate, text in TEXTS.items():
        nb = nbformat.read(HOSTILE / "correct.ipynb", as_version=4)
        for cell in nb.cells:
            if (cell.metadata.get("workbook") or {}).get("id") == "z9-reflect" or "reflection" in (cell.metadata.get("tags") or []):
                cell.source = text
        (subs / candidate).mkdir(parents=True)
        nbformat.write(nb, subs / candidate / NAME)
    return subs


def _opts() -> list[str]:
    return ["--notebooks", str(GRADING / "notebooks"), "--exercises", str(GRADING / "exercises")]


def test_similarity_flags_the_copied_pair_only(cohort: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report"
    assert main(["review", "similarity", str(cohort), "-o", str(out), *_opts()]) == 0
    assert "1 flagged" in capsys.readouterr().out
    with (out / "similarity.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    flagged = {(r["item"], r["candidate_a"], r["candidate_b"]) for r in rows if r["flagged"] == "yes"}
    assert flagged == {("z9-reflect", "cara", "dev")}
    reflection_pairs = [r for r in rows if r["item"] == "z9-reflect"]
    compared = {r["candidate_a"] for r in reflection_pairs} | {r["candidate_b"] for r in reflection_pairs}
    assert compared == {"ana", "ben", "cara", "dev", "eli", "fay"}  # the two blanks are not compared at all
    independent = [float(r["similarity"]) for r in reflection_pairs if {r["candidate_a"], r["candidate_b"]} != {"cara", "dev"}]
    assert max(independent) < 0.1
    # Every candidate's correct code is the same: alike, but not unusually so for this cohort.
    assert all(r["flagged"] == "no" for r in rows if r["item"] == "code")

    page = (out / "similarity.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower() and not re.search(r"""(src|href)=["']https?:""", page)
    section = page[page.index('id="pair-1"'):]
    assert "cara" in section and "dev" in section
    assert len(re.findall(r"<mark>[^<]*insurance and staff training add up[^<]*</mark>", section)) == 2  # both sides
    assert section.count("<mark>") >= 4  # several shared stretches, marked on both sides


def test_similarity_blank_and_prompt_only_passages_share_nothing(cohort: Path) -> None:
    items = candidate_notebooks(cohort, notebooks=GRADING / "notebooks", exercises=GRADING / "exercises")
    rubric = load_rubric("Z9", folder=GRADING / "exercises")
    passages = {(p.candidate, p.item): p for p in collect_passages(items, {"Z9": rubric})}
    assert passages[("gus", "z9-reflect")].text == "" and passages[("hal", "z9-reflect")].text == ""
    # Two candidates who only pasted the prompt and the template sentence, twice over, are not "similar".
    filler = (rubric.reflections[0].prompt + " I would tell the board that the total is small. ") * 4
    pasted = [Passage(c, "Z9-grading-fixture", "z9-reflect", "reflection", filler, passages[("gus", "z9-reflect")].exclude + "\n" + rubric.reflections[0].prompt)
              for c in ("x1", "x2")]
    assert compare_passages(pasted) == []


def test_matching_stretches_survive_light_edits() -> None:
    a, b = TEXTS["cara"], TEXTS["dev"]
    spans_a, spans_b = matching_stretches(a, b)
    assert len(spans_a) == len(spans_b) >= 3
    assert any("insurance and staff training add up" in a[s:e] for s, e in spans_a)
    assert any("insurance and staff training add up" in b[s:e] for s, e in spans_b)
