"""For tests that pin a faster implementation against the previous one, kept verbatim in the test file."""

from __future__ import annotations

from typing import Any

import pandas as pd

from workbook.errors import InputError

#: What either implementation may raise for bad input: the outcome is then the error's type and message.
ERRORS = (InputError, TypeError, ValueError, KeyError, IndexError)


def outcome(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)``, or ``"ErrorType: message"`` when it raises one of :data:`ERRORS`."""
    try:
        return fn(*args, **kwargs)
    except ERRORS as exc:
        return f"{type(exc).__name__}: {exc}"


def agree(new: Any, ref: Any) -> None:
    """Both raised the same error, or both returned the same table exactly (values, dtypes, columns, index)."""
    if isinstance(ref, str):
        assert new == ref
    else:
        pd.testing.assert_frame_equal(new, ref, check_exact=True)
        assert list(new.columns) == list(ref.columns) and list(new.dtypes) == list(ref.dtypes)
