"""What California asks of a district after a cyber incident: the state report and the breach notices.

* **Education Code 35266** (AB 2355, Statutes of 2022, chapter 498): a district
  reports a cyberattack that affects **more than 500** pupils or personnel to
  the California Cybersecurity Integration Center (Cal-CSIC). The section is
  repealed on **January 1, 2027** unless extended: it applies to attacks before
  that date (no extension was found as of late 2026).
* **Civil Code 1798.29**: a public agency notifies the California residents
  whose unencrypted personal information was, or is reasonably believed to
  have been, acquired by an unauthorized person. (Vendors answer to 1798.82.)

Examples
--------
>>> incident_duties(affected=1_200, personal_info_acquired=True, when="2026-10-05")
['breach notice to affected residents (Civil Code 1798.29)', 'report to Cal-CSIC (Education Code 35266)']
>>> incident_duties(affected=1_200, personal_info_acquired=False, when="2027-02-01")   # 35266 repealed by then
[]
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from workbook.errors import InputError
from workbook.tools._validate import check_count

__all__ = ["CAL_CSIC_THRESHOLD", "ED_CODE_35266_REPEAL", "CAL_CSIC_REPORT", "BREACH_NOTICE", "incident_duties"]

#: More than this many pupils or personnel affected triggers the Cal-CSIC report.
CAL_CSIC_THRESHOLD = 500
#: Education Code 35266 is repealed on this date unless extended.
ED_CODE_35266_REPEAL = dt.date(2027, 1, 1)
CAL_CSIC_REPORT = "report to Cal-CSIC (Education Code 35266)"
BREACH_NOTICE = "breach notice to affected residents (Civil Code 1798.29)"


def incident_duties(*, affected: int, personal_info_acquired: bool, when: Any) -> list[str]:
    """The California duties an incident triggers, sorted alphabetically (empty when none).

    Parameters
    ----------
    affected
        Pupils and personnel affected by the attack (whole number).
    personal_info_acquired
        True when unencrypted personal information was, or is reasonably
        believed to have been, acquired by an unauthorized person.
    when
        The date of the attack (``"2026-10-05"``).

    Examples
    --------
    >>> incident_duties(affected=500, personal_info_acquired=False, when="2026-10-05")   # not MORE than 500
    []
    >>> incident_duties(affected=10, personal_info_acquired="yes", when="2026-10-05")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: personal_info_acquired = 'yes' is not allowed: expected True or False
    """
    n = check_count("affected", affected)
    if not isinstance(personal_info_acquired, bool):
        raise InputError("personal_info_acquired", personal_info_acquired, "True or False")
    try:
        day = dt.date.fromisoformat(str(when)[:10])
    except ValueError:
        raise InputError("when", when, 'a date written as "2026-10-05"') from None
    duties = []
    if n > CAL_CSIC_THRESHOLD and day < ED_CODE_35266_REPEAL:
        duties.append(CAL_CSIC_REPORT)
    if personal_info_acquired:
        duties.append(BREACH_NOTICE)
    return sorted(duties)
