"""Answers as data: encode a candidate's value into the payload ``answer()`` records.

The grader reads the value from the executed notebook's outputs under
:data:`ANSWER_MIME`; nothing else in the output is trusted. The encoding is
plain JSON with a schema version, lossless for numbers, text, lists,
mappings, Series and DataFrames of numbers, text and dates. The payload's
shape, its version and :func:`decode_answer` are the notebook contract's
(:mod:`workbook.contract`); they are importable from here too.
"""

from __future__ import annotations

import json
import math
import numbers
from collections.abc import Mapping
from typing import Any

from workbook.contract import ANSWER_MIME, AnswerError, AnswerPayload, decode_answer
from workbook.contract import ANSWER_SCHEMA_VERSION as SCHEMA_VERSION

__all__ = ["ANSWER_MIME", "SCHEMA_VERSION", "AnswerError", "encode_answer", "decode_answer"]

_SPECIAL = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def _plain(value: Any, where: str, nested: bool = False) -> Any:
    """Turn numpy scalars, tuples and nested values into JSON-ready Python.

    A non-finite float is written ``"NaN"`` / ``"Infinity"`` at the top level
    (the payload's ``kind`` says it is a number) and ``{"$float": "NaN"}``
    inside a list or mapping, where a plain string would be ambiguous.
    """
    if hasattr(value, "item") and type(value).__module__ == "numpy" and getattr(value, "shape", None) == ():
        value = value.item()
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        f = float(value)
        special = "NaN" if math.isnan(f) else ("Infinity" if f > 0 else "-Infinity") if math.isinf(f) else None
        if special is None:
            return f
        return {"$float": special} if nested else special
    if isinstance(value, (list, tuple)) or (type(value).__module__ == "numpy" and hasattr(value, "tolist")):
        items = value.tolist() if hasattr(value, "tolist") else value
        return [_plain(v, f"{where}[{i}]", True) for i, v in enumerate(items)]
    if isinstance(value, Mapping):
        return {str(k): _plain(v, f"{where}[{k!r}]", True) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise AnswerError(
        f"{where}: a {type(value).__name__} cannot be recorded as an answer; "
        "use a number, text, a list, a dict, a pandas Series or a DataFrame"
    )


def encode_answer(exercise_id: str, value: Any) -> dict[str, Any]:
    """The JSON payload recorded for ``answer(exercise_id, value)``.

    Examples
    --------
    >>> encode_answer("l6-npv", 1234.5)
    {'schema_version': 1, 'exercise': 'l6-npv', 'kind': 'number', 'value': 1234.5}
    >>> encode_answer("l6-payback", None)["kind"]
    'none'
    >>> import pandas as pd
    >>> payload = encode_answer("l6-table", pd.DataFrame({"year": [1, 2], "cost": [10.5, 11.0]}))
    >>> payload["kind"], payload["value"]["columns"]
    ('table', ['year', 'cost'])
    >>> encode_answer("l6-x", object())
    Traceback (most recent call last):
    ...
    workbook.contract.AnswerError: l6-x: a object cannot be recorded as an answer; use a number, text, a list, a dict, a pandas Series or a DataFrame
    """
    if not isinstance(exercise_id, str) or not exercise_id:
        raise AnswerError(f"exercise_id = {exercise_id!r}: expected the exercise's id as text, e.g. 'l6-tco-5yr'")
    kind, encoded = _encode_value(exercise_id, value)
    payload = {"schema_version": SCHEMA_VERSION, "exercise": exercise_id, "kind": kind, "value": encoded}
    try:
        AnswerPayload.model_validate(payload)  # the contract the grader reads it with
    except ValueError as exc:  # pydantic's ValidationError
        detail = exc.errors(include_url=False)[0] if hasattr(exc, "errors") else {"loc": (), "msg": str(exc)}
        field = ".".join(str(p) for p in detail["loc"]) or "the value"
        raise AnswerError(f"{exercise_id[:60]}: cannot be recorded: {field}: {detail['msg']}") from None
    return payload


def _encode_value(where: str, value: Any) -> tuple[str, Any]:
    module = type(value).__module__
    name = type(value).__name__
    if module.startswith("pandas") and name in {"DataFrame", "Series"}:
        split = json.loads(value.to_json(orient="split", date_format="iso", double_precision=15))
        if name == "Series":
            return "series", {"name": _plain(value.name, where), "index": split["index"], "data": split["data"]}
        return "table", {
            "columns": [_plain(c, where) for c in value.columns],
            "index": split["index"],
            "data": split["data"],
        }
    plain = _plain(value, where)
    if plain is None:
        return "none", None
    if isinstance(plain, bool):
        return "boolean", plain
    if isinstance(value, numbers.Integral) or (module == "numpy" and isinstance(plain, int)):
        return "integer", plain
    if isinstance(plain, float) or (isinstance(plain, str) and plain in _SPECIAL and _is_real(value)):
        return "number", plain
    if isinstance(plain, str):
        return "text", plain
    if isinstance(plain, list):
        return "list", plain
    return "mapping", plain


def _is_real(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)
