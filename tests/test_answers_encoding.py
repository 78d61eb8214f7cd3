"""Answers round-trip through their JSON payload, and bad values get a clear message."""

import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.notebook.answers import ANSWER_MIME, AnswerError, decode_answer, encode_answer
from workbook.notebook.recording import answer_bundle

scalars = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False), st.integers(-10**12, 10**12), st.text(max_size=30), st.booleans(), st.none()
)


@given(st.one_of(scalars, st.lists(scalars, max_size=5), st.dictionaries(st.text(max_size=5), scalars, max_size=5)))
def test_answer_round_trip_plain_values(value):
    payload = json.loads(json.dumps(encode_answer("x", value)))
    assert decode_answer(payload) == ("x", value)


def test_answer_round_trip_dataframe_and_series():
    df = pd.DataFrame({"year": [1, 2, 3], "cost": [1.5, 2.25, 1e9 / 3], "label": ["a", "b", "c"]}, index=[3, 4, 5])
    _, back = decode_answer(json.loads(json.dumps(encode_answer("t", df))))
    pd.testing.assert_frame_equal(back, df, check_dtype=False)
    s = pd.Series([0.1, 0.2], index=[3, 4], name="per_device_year")
    _, back = decode_answer(json.loads(json.dumps(encode_answer("s", s))))
    pd.testing.assert_series_equal(back, s, check_dtype=False, check_index_type=False)


def test_answer_numpy_and_special_floats():
    assert decode_answer(encode_answer("n", np.float64(2.5)))[1] == 2.5
    assert decode_answer(encode_answer("i", np.int64(7))) == ("i", 7)
    assert math.isnan(decode_answer(encode_answer("nan", float("nan")))[1])
    assert decode_answer(encode_answer("inf", float("-inf")))[1] == float("-inf")


def test_answer_unrecordable_value_is_reported_not_raised():
    bundle = answer_bundle("l6-tco-5yr", object())
    assert ANSWER_MIME not in bundle
    assert "Not recorded" in bundle["text/plain"] and "l6-tco-5yr" in bundle["text/plain"]


def test_answer_payload_with_unknown_schema_is_rejected():
    payload = encode_answer("x", 1.0) | {"schema_version": 99}
    with pytest.raises(AnswerError, match="schema_version = 99"):
        decode_answer(payload)


def test_answer_nan_inside_a_mapping_or_list_comes_back_as_a_float():
    payload = json.loads(json.dumps(encode_answer("m", {"p1": float("nan"), "p2": 3.5, "label": "NaN"})))
    _, back = decode_answer(payload)
    assert math.isnan(back["p1"]) and back["p2"] == 3.5 and back["label"] == "NaN"
    _, items = decode_answer(json.loads(json.dumps(encode_answer("l", [1.0, float("inf")]))))
    assert items == [1.0, float("inf")]
