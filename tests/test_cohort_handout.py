"""Hand-out and collection on the file system (no hub): parameters, never overwrite, late flags."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import nbformat
import pytest

from workbook.cohort.collect import collect
from workbook.cohort.handout import handout, source_notebooks
from workbook.roster import candidate_parameters, parse_roster

SOURCE = Path(__file__).parent / "hub" / "source"
SECRET = "test-cohort-secret-0123456789"
L6 = "leadership/L6-fiscal-management.ipynb"
ROSTER = (
    "candidate,name,email,district,seed,group\n"
    "ana-reyes,Ana Reyes,ana@example.org,sample-rural,,fall\n"
    "ben-okafor,Ben Okafor,ben@example.org,sample-urban,4711,fall\n"
)


@pytest.fixture
def cohort(tmp_path):
    homes = tmp_path / "home"
    for c in ("ana-reyes", "ben-okafor"):
        (homes / c).mkdir(parents=True)
    return {
        "entries": parse_roster(ROSTER),
        "homes": str(homes / "{candidate}"),
        "home": homes,
        "cohort_dir": tmp_path / "cohort",
        "dest": tmp_path / "submissions",
    }


def _handout(c, day=dt.date(2026, 11, 28)):
    return handout(c["entries"], SOURCE, SECRET, cohort_dir=c["cohort_dir"],
                   homes=c["homes"], today=day)


def _injected(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    [cell] = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    return cell.source


def test_cohort_handout_gives_each_candidate_their_own_parameters(cohort):
    results = _handout(cohort)
    assert {r.action for r in results} == {"new"}
    assert len(results) == 4
    for entry in cohort["entries"]:
        params = candidate_parameters(entry, SECRET)
        text = _injected(cohort["home"] / entry.candidate / "cto-workbook" / L6)
        assert f'candidate = "{entry.candidate}"' in text
        assert f'district = "{entry.district}"' in text
        assert f"seed = {params['seed']}" in text
    assert "seed = 4711" in _injected(cohort["home"] / "ben-okafor/cto-workbook" / L6)
    record = json.loads((cohort["cohort_dir"] / "handouts" / "ana-reyes.json").read_text())
    assert set(record) == set(source_notebooks(SOURCE))
    assert oct((cohort["cohort_dir"] / "handouts").stat().st_mode & 0o777) == "0o700"


def test_cohort_handout_twice_changes_nothing(cohort):
    _handout(cohort)
    assert {r.action for r in _handout(cohort)} == {"unchanged"}


def test_cohort_changed_notebook_survives_new_material_lands_beside(cohort, tmp_path):
    _handout(cohort)
    mine = cohort["home"] / "ana-reyes/cto-workbook" / L6
    nb = nbformat.read(mine, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("My reflection: our district ..."))
    nbformat.write(nb, mine)
    before = mine.read_bytes()

    # new material in the source: the candidate's own work must stay put
    source = tmp_path / "release"
    (source / "leadership").mkdir(parents=True)
    for rel in source_notebooks(SOURCE):
        nb2 = nbformat.read(SOURCE / rel, as_version=4)
        nb2.cells.append(nbformat.v4.new_markdown_cell("An erratum from the instructor."))
        nbformat.write(nb2, source / rel)
    results = handout(cohort["entries"], source, SECRET, cohort_dir=cohort["cohort_dir"],
                      homes=cohort["homes"], today=dt.date(2026, 11, 28))
    by = {(r.candidate, r.action) for r in results}
    assert ("ana-reyes", "beside") in by
    assert mine.read_bytes() == before
    beside = mine.with_name("L6-fiscal-management (updated 2026-11-28).ipynb")
    assert "An erratum" in beside.read_text()
    # unchanged notebooks are simply updated, for both candidates
    assert "An erratum" in (cohort["home"] / "ben-okafor/cto-workbook" / L6).read_text()
    assert "An erratum" in (cohort["home"] / "ana-reyes/cto-workbook/00-start-here.ipynb").read_text()
    # a third hand-out of the same material makes no second copy
    again = handout(cohort["entries"], source, SECRET, cohort_dir=cohort["cohort_dir"],
                    homes=cohort["homes"], today=dt.date(2026, 11, 29))
    assert ("ana-reyes", L6, "offered") in {(r.candidate, r.path, r.action) for r in again}
    assert sorted(p.name for p in mine.parent.iterdir()) == [
        "L6-fiscal-management (updated 2026-11-28).ipynb", "L6-fiscal-management.ipynb"]


def test_cohort_handout_refuses_a_planted_link(cohort, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    ws = cohort["home"] / "ana-reyes" / "cto-workbook"
    ws.mkdir()
    os.symlink(outside, ws / "leadership")
    results = _handout(cohort)
    assert ("ana-reyes", L6, "skipped") in {(r.candidate, r.path, r.action) for r in results}
    assert list(outside.iterdir()) == []


def test_cohort_handout_missing_home_skips_that_candidate_only(cohort):
    (cohort["home"] / "ben-okafor").rmdir()
    results = _handout(cohort)
    assert [r.action for r in results if r.candidate == "ben-okafor"] == ["skipped"]
    assert all(r.action == "new" for r in results if r.candidate == "ana-reyes")


def test_cohort_collect_copies_work_with_time_and_late_flag(cohort):
    _handout(cohort)
    due = dt.datetime(2026, 12, 1, 17, 0, tzinfo=dt.timezone.utc)
    (cohort["home"] / "ben-okafor/cto-workbook/.ipynb_checkpoints").mkdir()
    (cohort["home"] / "ben-okafor/cto-workbook/.ipynb_checkpoints/x.ipynb").write_text("{}")
    os.symlink("/etc/passwd", cohort["home"] / "ben-okafor/cto-workbook/stolen.ipynb")
    # The snapshot at the due time: everything handed out so far is on time.
    snapshot = collect(cohort["entries"], cohort["dest"], due=due, homes=cohort["homes"], now=due)
    assert not any(c.late for c in snapshot)

    # After the due date Ben changes L6 and backdates it; Ana changes nothing.
    ben_l6 = cohort["home"] / "ben-okafor/cto-workbook" / L6
    ben_l6.write_text(ben_l6.read_text().replace("Fiscal", "Fiscal (revised)", 1))
    before = due.timestamp() - 86400
    os.utime(ben_l6, (before, before))
    now = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.timezone.utc)
    results = collect(cohort["entries"], cohort["dest"], due="2026-12-01T17:00:00+00:00",
                      homes=cohort["homes"], now=now)
    ana, ben = results
    assert not ana.late and ben.late
    manifest = json.loads((cohort["dest"] / "ben-okafor" / "collection.json").read_text())
    assert manifest["collected_at"] == now.astimezone().isoformat()
    assert manifest["late"] is True
    files = {f["path"]: f for f in manifest["files"]}
    assert {p: f["late"] for p, f in files.items()} == {"00-start-here.ipynb": False, L6: True}
    assert files[L6]["first_seen"] == now.astimezone().isoformat()  # not the backdated file time
    assert dt.datetime.fromisoformat(files[L6]["modified_at"]) < due
    assert files["00-start-here.ipynb"]["first_seen"] == due.astimezone().isoformat()
    assert len(manifest["seen"]) == 3  # both notebooks as handed in, and the revised L6
    assert any("stolen.ipynb" in s for s in manifest["skipped"])
    assert (cohort["dest"] / "ben-okafor" / L6).read_bytes() == ben_l6.read_bytes()
    assert not (cohort["dest"] / "ben-okafor" / "stolen.ipynb").exists()
    assert oct(cohort["dest"].stat().st_mode & 0o777) == "0o700"

    # collecting again keeps the earlier collections, and what was seen when
    again = collect(cohort["entries"], cohort["dest"], due=due, homes=cohort["homes"])
    assert not again[0].late and again[1].late
    history = list((cohort["dest"] / "_history" / "ben-okafor").iterdir())
    assert len(history) == 2 and all((h / L6).is_file() for h in history)


def test_cohort_collect_first_collection_after_the_due_date_is_late(cohort):
    """Without a snapshot at the due time, nothing proves a notebook was there on time."""
    _handout(cohort)
    due = dt.datetime(2026, 12, 1, 17, 0, tzinfo=dt.timezone.utc)
    for path in (cohort["home"] / "ana-reyes/cto-workbook").rglob("*.ipynb"):
        os.utime(path, (due.timestamp() - 3600,) * 2)
    [ana] = collect(cohort["entries"], cohort["dest"], due=due, homes=cohort["homes"], only=["ana-reyes"],
                    now=due + dt.timedelta(minutes=1))
    assert ana.late and all(f["late"] for f in ana.files)


def test_cohort_collect_bad_due_date_is_refused(cohort):
    from workbook.errors import InputError

    with pytest.raises(InputError, match="due"):
        collect(cohort["entries"], cohort["dest"], due="Friday", homes=cohort["homes"])
