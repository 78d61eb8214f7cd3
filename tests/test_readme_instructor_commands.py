"""Every command line of the README's instructor section works as shown, against a temporary cohort.

Each line of the section's ``sh`` block is parsed by the real ``workbook``
parser (an unknown option fails here, naming the line), then run in order in a
temporary folder with a roster of three candidates: no hub (``roster import``
is only parsed), candidates' homes under ``homes/`` (``--homes`` added), and
the small Z9 grading fixture instead of the sixteen principles for the
grading steps (``--notebooks``/``--exercises`` added), so the whole month runs
in about a minute. Options are only ever added, never changed or removed.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from workbook.cli import build_parser, main

HERE = Path(__file__).parent
README = HERE.parent / "README.md"
GRADING = HERE / "notebooks" / "grading"
CORRECT = HERE / "notebooks" / "hostile" / "correct.ipynb"
ROSTER = (
    "candidate,name,email,district,group,mentor\n"
    "ana-reyes,Ana Reyes,ana@example.org,sample-rural,fall,dr-lee\n"
    "ben-okafor,Ben Okafor,ben@example.org,sample-urban,fall,dr-lee\n"
    "cara-diaz,Cara Diaz,cara@example.org,sample-suburban,fall,\n"
)


def readme_instructor_commands() -> list[str]:
    """The ``workbook`` lines of the first ``sh`` block under "## For instructors", comments removed."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## For instructors", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the README's instructor section has no sh block"
    lines = [line.split(" #", 1)[0].strip() for line in block.group(1).splitlines()]
    return [line for line in lines if line.startswith("workbook ")]


COMMANDS = readme_instructor_commands()


def test_readme_instructor_section_lists_the_month() -> None:
    firsts = {" ".join(shlex.split(c)[1:3]) for c in COMMANDS}
    assert {"release --out", "cohort init", "grade submissions/", "gradebook export", "review dashboard"} <= firsts


@pytest.mark.parametrize("line", COMMANDS)
def test_readme_instructor_command_parses(line: str) -> None:
    argv = shlex.split(line)[1:]
    try:
        build_parser(argv[0]).parse_args(argv)
    except SystemExit as exc:
        pytest.fail(f"the README's line does not parse (unknown or bad option): {line} (exit {exc.code})")


def _extras(argv: list[str], tmp: Path) -> list[str]:
    homes = ["--homes", str(tmp / "homes" / "{candidate}")]
    fixture = ["--notebooks", str(GRADING / "notebooks"), "--exercises", str(GRADING / "exercises")]
    head = argv[:2] if argv[0] in ("cohort", "review", "gradebook") else argv[:1]
    if head == ["review", "reflections"]:
        head = argv[:3]
    return {
        ("cohort", "handout"): homes,
        ("cohort", "collect"): homes,
        ("grade",): [*fixture, "--no-progress", "--workers", "2", "--cell-timeout", "20", "--notebook-timeout", "90"],
        ("review", "reflections", "export"): fixture,
        ("review", "reflections", "import"): ["--exercises", str(GRADING / "exercises")],
        ("review", "feedback"): fixture,
        ("review", "similarity"): fixture,
        ("review", "dashboard"): ["--exercises", str(GRADING / "exercises")],
    }.get(tuple(head), [])


def test_readme_instructor_month_runs_as_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WORKBOOK_COHORT_SECRET", raising=False)
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    for who in ("ana-reyes", "ben-okafor", "cara-diaz"):
        (tmp_path / "homes" / who).mkdir(parents=True)
    ran = []
    for line in COMMANDS:
        argv = shlex.split(line)[1:]
        if argv[:3] == ["cohort", "roster", "import"]:
            continue  # needs a hub: parsed above, run in tests/test_hub_cohort.py
        if argv[0] == "grade":
            # Two candidates' work on the fixture, where `collect` put the rest (cara submits nothing).
            for who in ("ana-reyes", "ben-okafor"):
                target = tmp_path / "submissions" / who / "Z9-grading-fixture.ipynb"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(CORRECT, target)
        argv = [a.replace("~candidate/", str(tmp_path / "homes" / "ana-reyes") + "/") for a in argv]
        rc = main([*argv, *_extras(argv, tmp_path)])
        out = capsys.readouterr()
        assert rc == 0, f"`{line}` exited {rc}:\n{out.out[-2000:]}\n{out.err[-2000:]}"
        ran.append(argv[0])
    assert (tmp_path / "cohort" / "secret").is_file() and (tmp_path / "cohort" / "roster.csv").is_file()
    assert (tmp_path / "homes" / "ana-reyes" / "cto-workbook").is_dir()
    assert (tmp_path / "grades" / "gradebook.sqlite").is_file()
    assert (tmp_path / "dashboard" / "index.html").is_file() and (tmp_path / "dashboard-lee" / "index.html").is_file()
    assert (tmp_path / "grades.xlsx").is_file() and (tmp_path / "canvas.csv").is_file()
    assert (tmp_path / "site" / "index.html").is_file()
    assert "grade" in ran and "portfolio" in ran
