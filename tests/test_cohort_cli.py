"""`workbook cohort` from the command line, without a hub: messages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from workbook.cli import main
from workbook.cohort.settings import ensure_secret

SOURCE = Path(__file__).parent / "hub" / "source"
ROSTER = ("candidate,name,email,district\n"
          "ana-reyes,Ana Reyes,ana@example.org,sample-rural\n")


def _setup(tmp_path):
    (tmp_path / "home" / "ana-reyes").mkdir(parents=True)
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER)
    ensure_secret(tmp_path / "cohort")
    return roster, str(tmp_path / "home" / "{candidate}")


def test_cohort_cli_handout_then_collect(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("WORKBOOK_COHORT_SECRET", raising=False)
    roster, homes = _setup(tmp_path)
    common = ["--roster", str(roster), "--cohort-dir", str(tmp_path / "cohort"), "--homes", homes]
    assert main(["cohort", "handout", "--source", str(SOURCE), *common]) == 0
    assert "ana-reyes: new" in capsys.readouterr().out
    assert main(["cohort", "collect", "--out", str(tmp_path / "subs"), "--due", "2999-01-01",
                 *common]) == 0
    assert "ana-reyes: 2 notebook(s), on time" in capsys.readouterr().out
    manifest = json.loads((tmp_path / "subs" / "ana-reyes" / "collection.json").read_text())
    assert manifest["late"] is False and len(manifest["files"]) == 2


def test_cohort_cli_bad_roster_prints_every_problem_and_exits_2(tmp_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_text("candidate,name,email,district\nAna!,Ana,nope,sample-rural\n")
    assert main(["cohort", "handout", "--roster", str(roster)]) == 2
    err = capsys.readouterr().err
    assert "row 2, column candidate = 'Ana!'" in err
    assert "row 2, column email = 'nope'" in err


def test_cohort_cli_handout_without_secret_says_how_to_make_one(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("WORKBOOK_COHORT_SECRET", raising=False)
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER)
    rc = main(["cohort", "handout", "--roster", str(roster), "--source", str(SOURCE),
               "--cohort-dir", str(tmp_path / "nothing-here")])
    assert rc == 2
    assert "roster import" in capsys.readouterr().err


def test_cohort_cli_roster_import_unreachable_hub_is_a_clear_error(tmp_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER)
    token = tmp_path / "token"
    token.write_text("x" * 32)
    rc = main(["cohort", "roster", "import", str(roster), "--hub-url", "http://127.0.0.1:9/hub/api",
               "--token-file", str(token), "--cohort-dir", str(tmp_path / "cohort")])
    assert rc == 2
    assert "the hub did not answer" in capsys.readouterr().err
    assert not (tmp_path / "cohort" / "secret").exists()
