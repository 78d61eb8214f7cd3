"""Roster CSV: validation messages, seeds from the cohort secret, parameters."""

from __future__ import annotations

import pytest

from workbook.errors import InputError
from workbook.roster import (
    RosterError,
    candidate_parameters,
    derive_seed,
    groups_of,
    parse_roster,
    read_roster,
)

SECRET = "s3cret-for-the-fall-2026-cohort"
HEADER = "candidate,name,email,district,seed,group\n"


def test_roster_good_file_reads_every_row(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(
        "\ufeff" + HEADER + "ana-reyes,Ana Reyes,ana@example.org,sample-rural,,fall\n"
        "\n"
        "ben-okafor, Ben Okafor ,ben@example.org,sample-urban,4711,\n",
        encoding="utf-8",
    )
    rows = read_roster(path)
    assert [r.candidate for r in rows] == ["ana-reyes", "ben-okafor"]
    assert rows[1].name == "Ben Okafor"
    assert rows[0].seed is None and rows[1].seed == 4711
    assert groups_of(rows) == {"fall": ["ana-reyes"]}


def test_roster_every_bad_cell_is_reported_with_file_row_column_value():
    text = (
        HEADER
        + "ana-reyes,Ana,ana@example.org,sample-rural,-1,\n"
        + "Ben Okafor,Ben,ben@example,sample-urban,,\n"
        + "ana-reyes,Ana again,ana2@example.org,sample-rural,,\n"
        + "cara,Cara,cara@example.org,,,instructors\n"
    )
    with pytest.raises(RosterError) as info:
        parse_roster(text, source="fall.csv")
    problems = info.value.problems
    assert "fall.csv: row 2, column seed = '-1'" in problems[0]
    assert any("row 3, column candidate = 'Ben Okafor'" in p for p in problems)
    assert any("row 3, column email = 'ben@example'" in p for p in problems)
    assert any("row 4, column candidate = 'ana-reyes'" in p and "unique" in p for p in problems)
    assert any("row 5, column district = ''" in p for p in problems)
    assert any("row 5, column group = 'instructors'" in p for p in problems)
    assert len(problems) == 6
    assert str(info.value).startswith("fall.csv: 6 problems")


def test_roster_missing_and_unknown_columns_are_named():
    with pytest.raises(RosterError) as info:
        parse_roster("candidate,name,mail,district\n", source="r.csv")
    message = str(info.value)
    assert "missing column email" in message
    assert "unknown column mail" in message


def test_roster_header_only_is_an_error():
    with pytest.raises(RosterError, match="no candidates"):
        parse_roster("candidate,name,email,district\n", source="r.csv")


def test_roster_extra_cells_in_a_row_are_reported():
    with pytest.raises(RosterError, match="row 2 has more cells"):
        parse_roster("candidate,name,email,district\na1,A,a@example.org,sample-rural,9\n")


def test_roster_missing_file_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_roster(tmp_path / "nope.csv")


def test_roster_seed_derived_from_secret_differs_by_candidate_and_by_secret():
    a = derive_seed(SECRET, "ana-reyes")
    assert a == derive_seed(SECRET, "ana-reyes")
    assert a != derive_seed(SECRET, "ben-okafor")
    assert a != derive_seed(SECRET + "x", "ana-reyes")
    assert 0 <= a <= 2**31 - 1


def test_roster_parameters_use_roster_seed_or_derived_seed():
    rows = parse_roster(
        HEADER + "ana-reyes,Ana,ana@example.org,sample-rural,,\n"
        "ben-okafor,Ben,ben@example.org,data/my-district.yaml,7,\n"
    )
    ana, ben = (candidate_parameters(r, SECRET) for r in rows)
    assert ana == {"candidate": "ana-reyes", "district": "sample-rural",
                   "seed": derive_seed(SECRET, "ana-reyes")}
    assert ben == {"candidate": "ben-okafor", "district": "data/my-district.yaml", "seed": 7}


@pytest.mark.parametrize("secret", ["", "short", None, 12345])
def test_roster_weak_secret_is_refused(secret):
    [row] = parse_roster(HEADER + "ana-reyes,Ana,ana@example.org,sample-rural,,\n")
    with pytest.raises(InputError, match="cohort_secret"):
        candidate_parameters(row, secret)


def test_roster_parameters_refuse_something_that_is_not_an_entry():
    with pytest.raises(InputError, match="entry"):
        candidate_parameters({"candidate": "ana"}, SECRET)
