"""Kernel isolation against a determined candidate (issue 11, attacks 1-6), graded as `workbook grade` does.

Attackers (tests/notebooks/hostile/make_kernel_attacks.py) and victims (the
correct submission, three times) are graded in one batch with warm forked
kernels and two workers, so attackers run beside their victims. Every
attacker answers correctly, then attacks: it must keep 4/4, every victim
4/4, and nothing any kernel started may be alive once grading returns. The
kernels' uids come from a range reserved for this test (its own uid state
file), so kernels of other graders on the machine are not counted.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import stat
import time
from pathlib import Path

import pytest

from workbook.grading.execute import Limits
from workbook.grading.gradebook import Gradebook
from workbook.grading.kernel_uids import FIRST_UID, STATE_ENV
from workbook.grading.runner import grade_cohort, plan_jobs
from workbook.grading.warm import WarmKernelPool

HERE = Path(__file__).parent
HOSTILE = HERE / "notebooks" / "hostile"
GRADING = HERE / "notebooks" / "grading"
ATTACKS = json.loads((HOSTILE / "kernel-attacks.json").read_text())
VICTIMS = ("victim-a", "victim-b", "victim-c")
LIMITS = Limits(cell_timeout=15, notebook_timeout=45, memory_mb=1536, output_mb=2, startup_timeout=30)
ESCAPED = "cto-workbook-escaped-child"


def processes_with_uid_in(first: int, last: int) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            uid = int(next(line for line in (entry / "status").read_text().splitlines() if line.startswith("Uid:")).split()[1])
            if first <= uid < last:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")[:120]
                found.append(f"{entry.name} uid {uid}: {command!r}")
        except (OSError, StopIteration):
            continue
    return found


def processes_marked(marker: str) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "cmdline").read_bytes():
                found.append(entry.name)
        except OSError:
            continue
    return found


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict:
    if os.geteuid() != 0:
        pytest.fail("kernel isolation needs the grader to run as root (as in CI)")
    root = tmp_path_factory.mktemp("attacks")
    subs = root / "submissions"
    for name in list(ATTACKS) + list(VICTIMS):
        (subs / name).mkdir(parents=True)
        source = HOSTILE / ("correct.ipynb" if name in VICTIMS else f"{name}.ipynb")
        shutil.copyfile(source, subs / name / "Z9-grading-fixture.ipynb")
    offset = 100_000_000 + secrets.randbelow(90_000_000)
    state = root / "uids" / "state"
    state.parent.mkdir(mode=0o700)
    state.write_text(f"{offset}\n")
    state.chmod(0o600)
    saved = os.environ.get(STATE_ENV)
    os.environ[STATE_ENV] = str(state)
    book_path = root / "grades" / "gradebook.sqlite"
    try:
        with WarmKernelPool(idle_timeout=120) as pool:
            jobs, _ = plan_jobs(subs, notebooks=GRADING / "notebooks", exercises=GRADING / "exercises",
                                limits=LIMITS, kernel_name=pool.kernel_name)
            summary = grade_cohort(jobs, book_path, workers=2, progress=False)
            used = int(state.read_text()) - offset
            first, last = FIRST_UID + offset, FIRST_UID + offset + used
            deadline = time.monotonic() + 30  # exits as soon as none is left; a loaded CI machine reaps slowly
            while (alive := processes_with_uid_in(first, last) + processes_marked(ESCAPED)) and time.monotonic() < deadline:
                time.sleep(0.1)
    finally:
        if saved is None:
            os.environ.pop(STATE_ENV, None)
        else:
            os.environ[STATE_ENV] = saved
        for pid in processes_marked(ESCAPED):  # never leave an escaped attacker running
            os.kill(int(pid), 9)
    with Gradebook(book_path) as book:
        rows = {r["candidate"]: r for r in book.results()}
    return {"rows": rows, "summary": summary, "alive": alive, "used": used, "book": book_path}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_grade_kernel_attacks_attacker_keeps_its_own_score(batch: dict, name: str) -> None:
    row = batch["rows"][name]
    assert (row["status"], row["score"]) == (ATTACKS[name]["status"], ATTACKS[name]["score"]), row


def test_grade_kernel_attacks_victims_scores_unchanged(batch: dict) -> None:
    for victim in VICTIMS:
        row = batch["rows"][victim]
        assert (row["status"], row["score"], row["reason"]) == ("graded", 4, ""), row


def test_grade_kernel_attacks_nothing_a_kernel_started_is_alive(batch: dict) -> None:
    assert batch["used"] == len(ATTACKS) + len(VICTIMS), "each kernel gets a uid of its own"
    assert batch["alive"] == []


def test_grade_kernel_attacks_no_files_left_in_shared_memory_or_tmp() -> None:
    for folder in ("/dev/shm", "/tmp", "/var/tmp"):
        assert not (Path(folder) / "cto-workbook-filler").exists(), folder


def test_grade_kernel_attacks_answer_flood_is_capped(batch: dict) -> None:
    warnings = batch["rows"]["answer-flood"]["warnings"]
    assert any("output over 2 MB was dropped" in w for w in warnings), warnings


def test_grade_kernel_attacks_gradebook_private(batch: dict) -> None:
    book: Path = batch["book"]
    assert stat.S_IMODE(book.parent.stat().st_mode) == 0o700
    for item in (book, Path(f"{book}-wal"), Path(f"{book}-shm")):
        if item.exists():
            assert stat.S_IMODE(item.stat().st_mode) == 0o600, item
