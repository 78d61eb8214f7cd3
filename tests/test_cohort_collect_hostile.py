"""Hostile workspaces at collection: a backdated notebook, 1,200 nested folders, sparse 49 MB
files by the dozen. Each is bounded and reported, and never stops the other candidates."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from workbook.cohort.collect import collect
from workbook.cohort.safefs import WalkLimits
from workbook.roster import parse_roster

ROSTER = (
    "candidate,name,email,district\n"
    "ana-deep,Ana,ana@example.org,sample-rural\n"
    "ben-sparse,Ben,ben@example.org,sample-rural\n"
    "cy-gone,Cy,cy@example.org,sample-rural\n"
    "dee-fine,Dee,dee@example.org,sample-rural\n"
)
NOTEBOOK = json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}).encode()
DUE = dt.datetime(2026, 12, 1, 17, 0, tzinfo=dt.timezone.utc)


def _nested(root: Path, levels: int) -> Path:
    """``root/d/d/.../d`` made with directory fds (no path grows past PATH_MAX)."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(levels):
            os.mkdir("d", dir_fd=fd)
            nxt = os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = nxt
        with os.fdopen(os.open("buried.ipynb", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "wb") as fh:
            fh.write(NOTEBOOK)
    finally:
        os.close(fd)
    return root


@pytest.fixture
def cohort(tmp_path):
    home = tmp_path / "home"
    for who in ("ana-deep", "ben-sparse", "dee-fine"):
        ws = home / who / "cto-workbook"
        ws.mkdir(parents=True)
        (ws / "00-start-here.ipynb").write_bytes(NOTEBOOK)
    _nested(home / "ana-deep" / "cto-workbook", 1200)
    for i in range(40):
        with (home / "ben-sparse" / "cto-workbook" / f"sparse-{i:02d}.ipynb").open("wb") as fh:
            fh.truncate(49 * 2**20)  # 49 MB apparent, almost nothing on disk
    (home / "cy-gone").mkdir()  # no workspace at all
    return {"entries": parse_roster(ROSTER), "homes": str(home / "{candidate}"), "home": home, "dest": tmp_path / "subs"}


def test_stock_walk_fails_on_the_nested_workspace(cohort):
    """Control: the recursive walk the collector used stops with RecursionError on this workspace."""
    with pytest.raises(RecursionError):
        for _ in os.fwalk(cohort["home"] / "ana-deep" / "cto-workbook"):
            pass


def test_collect_survives_hostile_workspaces_and_reports_limits(cohort):
    results = {c.candidate: c for c in collect(cohort["entries"], cohort["dest"], homes=cohort["homes"], due=DUE, now=DUE)}
    assert set(results) == {"ana-deep", "ben-sparse", "cy-gone", "dee-fine"}
    assert [f["path"] for f in results["dee-fine"].files] == ["00-start-here.ipynb"]

    ana = results["ana-deep"]
    assert [f["path"] for f in ana.files] == ["00-start-here.ipynb"]
    assert ana.skipped == ["d/d/d/d/d/d/d/d: folders nested deeper than 8 levels are not collected"]

    ben = results["ben-sparse"]
    limit = WalkLimits().total_bytes
    collected = sum(f["bytes"] for f in ben.files)
    assert collected <= limit and len(ben.files) == 1 + limit // (49 * 2**20)
    refused = [s for s in ben.skipped if "used up" in s]
    assert len(refused) == 40 - (len(ben.files) - 1)
    assert sum(p.stat().st_size for p in (cohort["dest"] / "ben-sparse").rglob("*.ipynb")) == collected

    assert results["cy-gone"].files == [] and results["cy-gone"].skipped[0].startswith("workspace:")
    for who, result in results.items():
        manifest = json.loads((cohort["dest"] / who / "collection.json").read_text())
        assert manifest["skipped"] == result.skipped and manifest["late"] is False


def test_collect_limits_are_per_candidate_and_configurable(cohort):
    limits = WalkLimits(depth=2000, folders=2000, entries=50_000, notebooks=10, total_bytes=2**20)
    results = {c.candidate: c for c in collect(cohort["entries"], cohort["dest"], homes=cohort["homes"], limits=limits)}
    ana = results["ana-deep"]
    assert sorted(f["path"] for f in ana.files)[0] == "00-start-here.ipynb"
    assert any(f["path"].endswith("/buried.ipynb") and f["path"].count("d/") == 1200 for f in ana.files)
    ben = results["ben-sparse"]
    assert [f["path"] for f in ben.files] == ["00-start-here.ipynb"]
    assert sum("over the" in s for s in ben.skipped) == 40  # each sparse file alone is over the 1 MB budget
    many = collect(cohort["entries"], cohort["dest"], homes=cohort["homes"], only=["ben-sparse"],
                   limits=WalkLimits(notebooks=3))[0]
    assert len(many.files) == 3 and "more than 3 notebooks; the rest are not collected" in many.skipped
