"""The assessment calculators, made faster, still give exactly what they gave.

Each ``ref_*`` function below is the implementation as it stood before the speed-up
(a Python tuple per result, a mask and a filtered frame per group), kept verbatim as
the reference: the library's result must equal it, values, dtypes, index, column and
row order, for every sample district, several seeds, both years and both subjects,
and for hand-made and generated edge cases (numbers read from a spreadsheet, blanks,
mixed columns, scores with decimals).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.e4.givens import CATEGORIES, FLAGS, benchmark_results, caaspp_results, sis_enrollment
from workbook.tools._validate import as_table, check_choice
from workbook.tools.assessment import (SCORE_RANGE, SUBJECTS, _cut_scores, _score, _ssids, _subject_grade, group_masks,
                                       match_on_ssid, results_by_group, score_levels)
from reference_match import outcome as _outcome

DISTRICTS = ("sample-rural", "sample-suburban", "sample-urban")
SEEDS = (1, 7, 2024)


def ref_score_levels(results: Any) -> pd.DataFrame:
    import pandas as pd

    table = as_table("results", results, ("subject", "grade", "scale_score"), noun="result")
    cuts = _cut_scores().reset_index()
    known = set(zip(cuts["subject"], cuts["grade"]))
    for subject, grade in set(zip(table["subject"], table["grade"])) - known:
        _subject_grade(subject, grade)  # raises, naming the argument and the value
    scores = pd.to_numeric(table["scale_score"], errors="coerce")
    bad = scores.isna() | (scores < SCORE_RANGE[0]) | (scores > SCORE_RANGE[1])
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        _score(f"results.scale_score[{i}]", table["scale_score"].iloc[i])
    keyed = table[["subject", "grade"]].astype({"grade": int}).merge(cuts, on=["subject", "grade"], how="left")
    mins = keyed[["level_2", "level_3", "level_4"]].to_numpy()
    values = scores.to_numpy(dtype=float)
    table["level"] = 1 + (values[:, None] >= mins).sum(axis=1)
    table["dfs"] = values - mins[:, 1]
    return table


def ref_group_masks(students: Any, flags: Sequence[str] = (), categories: Sequence[str] = ()) -> dict[str, Any]:
    import pandas as pd

    table = as_table("students", students, [*flags, *categories])
    masks: dict[str, Any] = {"All Students": pd.Series(True, index=table.index)}
    for column in flags:
        values = table[column]
        if values.dtype != bool and not values.map(lambda v: isinstance(v, (bool, np.bool_))).all():
            raise InputError(f"students.{column}", values.tolist()[:5], "True or False for every student")
        masks[column] = values.astype(bool)
    for column in categories:
        for value in pd.unique(table[column].dropna()):
            if str(value).strip():
                masks[str(value)] = table[column] == value
    return masks


def ref_results_by_group(results: Any, subject: str, flags: Sequence[str] = (), categories: Sequence[str] = ()) -> pd.DataFrame:
    subj = check_choice("subject", subject, SUBJECTS)
    table = as_table("results", results, ("subject", "grade", "scale_score"), noun="result")
    table = table[table["subject"] == subj]
    if table.empty:
        raise InputError("subject", subject, "a subject with results in the table")
    scored = ref_score_levels(table)
    rows = []
    for group, mask in ref_group_masks(scored, flags, categories).items():
        part = scored[mask.to_numpy()]
        if len(part):
            rows.append({"group": group, "students": len(part), "dfs": float(part["dfs"].mean()),
                         "met_or_exceeded": float((part["level"] >= 3).mean())})
    import pandas as pd

    return pd.DataFrame(rows).set_index("group")


def ref__ssids(values: Any) -> Any:
    import pandas as pd

    series = pd.Series(values)
    floats = series.map(lambda v: isinstance(v, float)) if series.dtype == object else pd.Series(series.dtype.kind == "f", index=series.index)
    text = series.astype(object).where(series.notna(), "").astype(str).str.strip()
    return text.where(~floats, text.str.replace(r"\.0$", "", regex=True))


def ref_match_on_ssid(records: Any, enrollment: Any, column: str = "ssid") -> tuple[pd.DataFrame, pd.DataFrame]:
    left = as_table("records", records, (column,))
    right = as_table("enrollment", enrollment, (column,), noun="student")
    left[column], right[column] = ref__ssids(left[column]).to_numpy(), ref__ssids(right[column]).to_numpy()
    dup = right[column].duplicated()
    if dup.any():
        raise InputError(f"enrollment.{column}", right.loc[dup, column].iloc[0], "each student enrolled once")
    reason = np.where(left[column] == "", "blank",
                      np.where(~left[column].str.fullmatch(r"\d{10}"), "not 10 digits",
                               np.where(left[column].isin(set(right[column])), "", "not enrolled")))
    matched = left[reason == ""].merge(right, on=column, how="left", suffixes=("", "_sis"))
    unmatched = left[reason != ""].assign(reason=reason[reason != ""]).reset_index(drop=True)
    return matched.reset_index(drop=True), unmatched


def _same_frame(new: Any, ref: Any) -> None:
    pd.testing.assert_frame_equal(new, ref, check_exact=True)
    assert list(new.columns) == list(ref.columns) and list(new.dtypes) == list(ref.dtypes)


def _same_masks(new: dict[str, Any], ref: dict[str, Any]) -> None:
    assert list(new) == list(ref)
    for key in ref:
        pd.testing.assert_series_equal(new[key], ref[key], check_exact=True)


def _agree(new: Any, ref: Any) -> None:
    """Both raised the same error, or both returned the same table(s)."""
    if isinstance(ref, str):
        assert new == ref
    elif isinstance(ref, tuple):
        assert isinstance(new, tuple) and len(new) == len(ref)
        for a, b in zip(new, ref):
            _same_frame(a, b)
    else:
        _same_frame(new, ref)


@pytest.mark.parametrize("name", DISTRICTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_results_by_group_and_the_ssid_join_match_the_reference(name: str, seed: int) -> None:
    district = load_district(name)
    for year in (0, -1):
        results = caaspp_results(district, seed, year)
        _same_frame(score_levels(results), ref_score_levels(results))
        _same_masks(group_masks(results, FLAGS, CATEGORIES), ref_group_masks(results, FLAGS, CATEGORIES))
        for subject in SUBJECTS:
            _same_frame(results_by_group(results, subject, FLAGS, CATEGORIES), ref_results_by_group(results, subject, FLAGS, CATEGORIES))
        _same_frame(results_by_group(results, "math", FLAGS[:2]), ref_results_by_group(results, "math", FLAGS[:2]))
    bench, enrolled = benchmark_results(district, seed), sis_enrollment(district, seed)
    for new, ref in zip(match_on_ssid(bench, enrolled), ref_match_on_ssid(bench, enrolled)):
        _same_frame(new, ref)
    pd.testing.assert_series_equal(_ssids(bench["ssid"]), ref__ssids(bench["ssid"]), check_exact=True)


SSIDS = [1234567890, 1234567890.0, "1234567890", " 2234567890 ", "2234567890.0", None, float("nan"), "", "223456789",
         np.int64(3234567890), np.float64(4234567890.0), "12345678901", "abcdefghij", "５234567890", "²234567890", "١٢٣٤٥٦٧٨٩٠", "123456789\n", "12345 67890", "1234567890" + "\u0301"]


@pytest.mark.parametrize("kind", ["object", "int", "float", "str", "mixed with blanks"])
def test_ssids_and_the_join_match_the_reference_for_spreadsheet_columns(kind: str) -> None:
    column = {"object": pd.Series(SSIDS, dtype=object),
              "int": pd.Series([1234567890, 2234567890, 223456789]),
              "float": pd.Series([1234567890.0, float("nan"), 2234567890.0]),
              "str": pd.Series(["1234567890", " 2234567890", None], dtype="str"),
              "mixed with blanks": pd.Series(["", None, 1234567890.0, "1234567890.0"], dtype=object)}[kind]
    pd.testing.assert_series_equal(_ssids(column), ref__ssids(column), check_exact=True)
    records = pd.DataFrame({"ssid": column, "score": range(len(column))})
    enrollment = [{"ssid": "1234567890", "school": "A"}, {"ssid": 2234567890, "school": "B"}, {"ssid": "4234567890", "school": "C"}]
    _agree(_outcome(match_on_ssid, records, enrollment), _outcome(ref_match_on_ssid, records, enrollment))
    assert _outcome(match_on_ssid, records, enrollment + enrollment[:1]) == _outcome(ref_match_on_ssid, records, enrollment + enrollment[:1])


def test_group_masks_match_the_reference_for_mixed_category_columns() -> None:
    table = pd.DataFrame({
        "EL": [True, False, True, False, True, False],
        "flag01": [1, 0, 1, 1, 0, 0],
        "race": ["Asian", None, " ", "White", "Asian", float("nan")],
        "mixed": pd.Series([1, 1.0, "1", "", None, 2], dtype=object),
        "cat": pd.Categorical(["b", "a", "b", None, "a", "c"]),
        "str": pd.Series(["x", "y", None, "x", "", "y"], dtype="str"),
    })
    _same_masks(group_masks(table, ["EL"], ["race", "mixed", "cat", "str"]), ref_group_masks(table, ["EL"], ["race", "mixed", "cat", "str"]))
    _same_masks(group_masks(table.iloc[[4, 2, 0]], ["EL"], ["race"]), ref_group_masks(table.iloc[[4, 2, 0]], ["EL"], ["race"]))
    assert _outcome(group_masks, table, ["flag01"]) == _outcome(ref_group_masks, table, ["flag01"])
    assert _outcome(group_masks, table, ["race"]) == _outcome(ref_group_masks, table, ["race"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([3, 4, 5, 6, 7, 8, 11]), st.floats(2000, 3000, allow_nan=False),
                          st.booleans(), st.sampled_from(["A", "B", " ", "C"])), min_size=1, max_size=60),
       st.sampled_from(SUBJECTS))
def test_results_by_group_matches_the_reference_for_scores_with_decimals(rows: list[Any], subject: str) -> None:
    table = pd.DataFrame([{"subject": subject, "grade": g, "scale_score": s, "EL": el, "race": r} for g, s, el, r in rows])
    _same_frame(score_levels(table), ref_score_levels(table))
    _same_frame(results_by_group(table, subject, ["EL"], ["race"]), ref_results_by_group(table, subject, ["EL"], ["race"]))


@pytest.mark.parametrize("bad", [{"grade": 9}, {"subject": "science"}, {"scale_score": 250}, {"scale_score": "2400"}])
def test_score_levels_rejects_what_the_reference_rejected(bad: dict[str, Any]) -> None:
    rows = [{"subject": "ela", "grade": 5, "scale_score": 2500}, {"subject": "ela", "grade": 5, "scale_score": 2400} | bad]
    _agree(_outcome(score_levels, rows), _outcome(ref_score_levels, rows))
    _agree(_outcome(results_by_group, rows, "ela"), _outcome(ref_results_by_group, rows, "ela"))


@pytest.mark.parametrize("case", ["float grades", "3 and 3.0", "two unknown pairs", "blank subject", "text grade",
                                  "numpy grades", "grade 9 then 10"])
def test_score_levels_pairs_match_the_reference(case: str) -> None:
    rows = [{"subject": s, "grade": g, "scale_score": 2400 + 7 * i}
            for i, (s, g) in enumerate([("ela", 3), ("math", 3), ("ela", 8), ("math", 11), ("ela", 3), ("math", 5)])]
    table = pd.DataFrame(rows)
    if case == "float grades":
        table["grade"] = table["grade"].astype(float)
    elif case == "3 and 3.0":
        table["grade"] = pd.Series([3, 3.0, 8, 11, 3.0, 5], dtype=object)
    elif case == "two unknown pairs":
        table.loc[2, "subject"], table.loc[4, "grade"] = "science", 10
    elif case == "blank subject":
        table.loc[1, "subject"] = None
    elif case == "text grade":
        table["grade"] = table["grade"].astype(object)
        table.loc[3, "grade"] = "11"
    elif case == "numpy grades":
        table["grade"] = table["grade"].astype(np.int16)
    elif case == "grade 9 then 10":
        table.loc[1, "grade"], table.loc[5, "grade"] = 9, 10
    _agree(_outcome(score_levels, table), _outcome(ref_score_levels, table))
    _agree(_outcome(results_by_group, table, "ela"), _outcome(ref_results_by_group, table, "ela"))
