"""Write the hostile (and the correct and blank) Z9 submissions, and what each must get.

Each submission is the released Z9 notebook as a candidate might hand it in.
``expected.json`` maps each file to the status and score it must get (out of
4: z9-total 2 + its hidden check 1, z9-double 1) with the grader's limits
the tests use. Run ``python tests/notebooks/hostile/make_hostile.py`` after
changing the Z9 fixture; the files are committed.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell

from workbook.grading.release import release_notebook

HERE = Path(__file__).parent
TEMPLATE = HERE.parent / "grading" / "notebooks" / "technology" / "Z9-grading-fixture.ipynb"
TOTAL = 'total = base + seed % 7\nanswer("z9-total", total)'
DOUBLE = 'answer("z9-double", 2 * total)'


def released() -> object:
    return release_notebook(nbformat.read(TEMPLATE, as_version=4))


def cell(nb: object, cid: str) -> object:
    return next(c for c in nb.cells if c.get("id") == cid)


def index(nb: object, cid: str) -> int:
    return next(i for i, c in enumerate(nb.cells) if c.get("id") == cid)


def correct() -> object:
    nb = released()
    cell(nb, "z9-total").source = "# my work\n" + TOTAL
    cell(nb, "z9-double").source = DOUBLE
    cell(nb, "z9-reflect").source = "I would explain the total in plain words to the board and say why it matters."
    return nb


def with_extra(nb: object, after: str, source: str, cid: str) -> object:
    nb.cells.insert(index(nb, after) + 1, new_code_cell(source, id=cid))
    return nb


def build() -> dict[str, tuple[object | bytes, str, float]]:
    out: dict[str, tuple[object | bytes, str, float]] = {}
    out["correct"] = (correct(), "graded", 4)
    out["blank"] = (released(), "graded", 0)
    out["endless-loop"] = (with_extra(correct(), "z9-cell-03", "while True:\n    pass", "extra-loop"), "timeout", 4)
    out["uninterruptible-loop"] = (
        with_extra(correct(), "z9-total",
                   "import time\nwhile True:\n    try:\n        time.sleep(0.2)\n    except KeyboardInterrupt:\n        pass",
                   "extra-stubborn"),
        "timeout", 3)
    out["memory-bomb"] = (with_extra(correct(), "z9-cell-03", "hog = bytearray(16 * 2**30)", "extra-bomb"), "graded", 4)
    out["os-exit"] = (with_extra(correct(), "z9-total", "import os\nos._exit(1)", "extra-exit"), "crashed", 3)

    nb = correct()
    del nb.cells[index(nb, "z9-double")]
    out["deleted-exercise"] = (nb, "graded", 3)

    nb = correct()
    first = cell(nb, "z9-total")
    blank_copy = copy.deepcopy(cell(released(), "z9-total"))
    blank_copy["id"] = "copy-1"
    wrong_copy = copy.deepcopy(first)
    wrong_copy["id"] = "copy-2"
    wrong_copy.source = 'total = base + seed % 7\nanswer("z9-total", -1)'
    i = index(nb, "z9-total")
    nb.cells[i:i + 1] = [blank_copy, first, wrong_copy]
    out["duplicated-cell"] = (nb, "graded", 4)

    nb = correct()
    for cid in ("z9-reflect", "z9-cell-03"):
        c = cell(nb, cid)
        j = index(nb, cid)
        nb.cells[j] = new_code_cell(c.source, id=c["id"], metadata=c.metadata)
    out["markdown-retyped"] = (nb, "graded", 4)

    nb = correct()
    cell(nb, "z9-total").source = (
        "import os, pathlib, workbook\n"
        "targets = [pathlib.Path(os.environ.get('CTO_WORKBOOK_EXERCISES', '.')) / 'hidden' / 'Z9.py',\n"
        "           pathlib.Path(workbook.__file__).parents[1] / 'tests/notebooks/grading/exercises/hidden/Z9.py',\n"
        "           pathlib.Path(workbook.__file__).parents[1] / 'tests/notebooks/grading/notebooks/technology/Z9-grading-fixture.ipynb']\n"
        "leaks = []\n"
        "for t in targets:\n"
        "    try:\n"
        "        leaks.append(t.read_text()[:40])\n"
        "    except OSError:\n"
        "        pass\n"
        "print('leaked', len(leaks))\n"
        "total = base + seed % 7\n"
        "answer('z9-total', total if not leaks else -1.0)"
    )
    out["reads-rubric"] = (nb, "graded", 4)

    nb = correct()
    with_extra(nb, "z9-cell-03",
               "from IPython.display import display\n"
               "from workbook.notebook.answers import ANSWER_MIME, encode_answer\n"
               "import workbook.notebook.selfcheck as sc\n"
               "sc.self_check = lambda *a, **k: sc.SelfCheck('matches', 'matches')\n"
               "total = base + seed % 7\n"
               "display({ANSWER_MIME: encode_answer('z9-total', total), 'text/plain': 'forged'}, raw=True)",
               "extra-forge")
    cell(nb, "z9-total").source = (
        "display({ANSWER_MIME: encode_answer('z9-double', 2 * total)}, raw=True)  # answers another exercise: ignored\n"
        "answer('z9-total', 0)"
    )
    cell(nb, "z9-double").source = DOUBLE
    out["forged-answer"] = (nb, "graded", 1)

    nb = correct()
    with_extra(nb, "z9-cell-03", "for i in range(60):\n    print('x' * 100_000)", "extra-huge")
    out["huge-output"] = (nb, "graded", 4)

    text = nbformat.writes(correct()).encode()
    out["truncated-json"] = (text[: len(text) // 2], "invalid", 0)
    out["null-bytes"] = (text[:200] + b"\x00\x00\x00" + text[203:], "invalid", 0)

    # Valid JSON that no tool downstream can handle: 100,000 levels of nesting (json and
    # nbformat recurse), a lone surrogate (cannot be written back as UTF-8), a 5,000-digit
    # integer (Python refuses to parse it). Each must be `invalid`, never `crashed`.
    def planted(marker: str, replacement: str, where: str) -> bytes:
        nb = correct()
        if where == "metadata":
            cell(nb, "z9-total").metadata["planted"] = marker
        else:
            cell(nb, "z9-reflect").source = f"I would explain the total to the board. {marker}"
        return nbformat.writes(nb).replace(json.dumps(marker), replacement).replace(marker, replacement).encode()

    out["deep-nesting"] = (planted("@@deep@@", "[" * 100_000 + "]" * 100_000, "metadata"), "invalid", 0)
    out["lone-surrogate"] = (planted("@@surrogate@@", "\\ud800", "source"), "invalid", 0)
    out["huge-integer"] = (planted("@@integer@@", "9" * 5_000, "metadata"), "invalid", 0)
    return out


def main() -> None:
    expected = {}
    for name, (nb, status, score) in build().items():
        data = nb if isinstance(nb, bytes) else nbformat.writes(nb).encode() + b"\n"
        (HERE / f"{name}.ipynb").write_bytes(data)
        expected[name] = {"status": status, "score": score}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2) + "\n")


if __name__ == "__main__":
    main()
