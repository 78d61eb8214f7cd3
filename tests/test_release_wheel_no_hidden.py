"""The wheel carries the public rubrics but never exercises/hidden/."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_release_wheel_has_public_rubrics_and_no_hidden_checks(tmp_path: Path) -> None:
    builders = pytest.importorskip("hatchling.builders.wheel")
    [wheel] = list(builders.WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"]))
    names = zipfile.ZipFile(wheel).namelist()
    public = sorted(p.name for p in (ROOT / "exercises").glob("*.py"))
    hidden = sorted((ROOT / "exercises" / "hidden").glob("*.py"))
    assert hidden, "the repository has hidden checks, so this test can fail"
    assert [n for n in names if "hidden" in n.split("/")] == []
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("workbook/_exercises/")) == public
    assert "workbook/grading/release.py" in names
    assert not [n for n in names if n.startswith("tests/")]
