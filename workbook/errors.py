"""The library's own exceptions.

Every error a candidate or instructor can cause is a :class:`WorkbookError`,
a subclass of :class:`ValueError`, whose message names the field, the value
and what is allowed. Widgets and the command line show that message instead
of a traceback.
"""

from __future__ import annotations

__all__ = ["WorkbookError", "InputError", "ProblemsError", "DistrictFileError"]


class WorkbookError(ValueError):
    """Base class for every error the workbook raises on bad input."""


class InputError(WorkbookError):
    """A calculator argument is missing, of the wrong type or out of range.

    Parameters
    ----------
    field
        The argument's name as the caller wrote it.
    value
        The offending value.
    allowed
        What would have been accepted, in plain words.

    Examples
    --------
    >>> raise InputError("rate", -2, "a number greater than -1")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: rate = -2 is not allowed: expected a number greater than -1
    """

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(f"{field} = {shown} is not allowed: expected {allowed}")


class ProblemsError(WorkbookError):
    """A file has one or more problems, all reported at once; ``problems`` lists each one.

    Subclasses name the kind of file (a district, a roster, a scoring sheet).
    ``suffix`` is added to the first line (for example "nothing was stored").

    Examples
    --------
    >>> print(ProblemsError("f.csv", ["f.csv: row 2, column x = 'a': expected a number", "f.csv: row 3 is empty"]))
    f.csv: 2 problems
      f.csv: row 2, column x = 'a': expected a number
      f.csv: row 3 is empty
    """

    suffix = ""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = list(problems)
        n = len(self.problems)
        head = f"{source}: {n} problem" + ("" if n == 1 else "s") + (f", {self.suffix}" if self.suffix else "")
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


class DistrictFileError(ProblemsError):
    """A district file has one or more problems; ``problems`` lists each one.

    Examples
    --------
    >>> err = DistrictFileError("d.yaml", ["d.yaml: enrollment.tk_3 = -4: must be >= 0"])
    >>> print(err)
    d.yaml: 1 problem
      d.yaml: enrollment.tk_3 = -4: must be >= 0
    """
