"""T4 IT Knowledge: the givens of the exercises, per seed.

- :func:`decision_question` picks the district decision a candidate looks up
  in the standards crosswalk.
- :func:`sample_responses` makes a synthetic self-assessment response set (a
  made-up colleague's ratings, not the candidate's own) to score.
- :data:`PUBLISHED` holds the published counts an exercise asks about, each
  with its source and confidence mark, so the rubric and the readings quote
  one place.

Pure Python: no Jupyter.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import Any

import numpy as np

from workbook.principles import salted_rng as _rng

__all__ = ["PUBLISHED", "DECISION_CHOICES", "decision_question", "sample_responses", "standards_for", "overall_mean", "gap_list",
           "Incident", "incident_scenario"]

#: Published counts quoted by the T4 exercises: value, source, confidence.
PUBLISHED: dict[str, dict[str, Any]] = {
    "cis_ig1_safeguards": {
        "value": 56,
        "what": "safeguards in Implementation Group 1 of the CIS Critical Security Controls v8 (and v8.1)",
        "source": "Center for Internet Security, CIS Controls v8: Implementation Groups, cisecurity.org/controls/implementation-groups/ig1",
        "confidence": "H",
    },
    "cis_safeguards": {
        "value": 153,
        "what": "safeguards in the 18 CIS Critical Security Controls v8 (IG3, cumulative)",
        "source": "Center for Internet Security, CIS Controls v8",
        "confidence": "H",
    },
    "nist_csf_functions": {
        "value": 6,
        "what": "functions of the NIST Cybersecurity Framework 2.0 (Govern, Identify, Protect, Detect, Respond, Recover)",
        "source": "NIST CSWP 29, The NIST Cybersecurity Framework (CSF) 2.0, February 26, 2024",
        "confidence": "H",
    },
}

#: Decisions the crosswalk exercise draws from: each is governed by two or more standards.
DECISION_CHOICES = (
    "cybersecurity program",
    "contract with an online service that holds student data",
    "backup and recovery",
    "incident response",
    "device refresh and procurement",
)



def decision_question(seed: int) -> str:
    """The district decision this candidate looks up (one of :data:`DECISION_CHOICES`).

    >>> decision_question(2026) in DECISION_CHOICES
    True
    """
    return DECISION_CHOICES[int(_rng(seed, 4001).integers(0, len(DECISION_CHOICES)))]


def standards_for(decision: str) -> list[str]:
    """Sorted names of the standards and laws the crosswalk lists for ``decision``, once each.

    >>> standards_for("backup and recovery")
    ['CIS Controls v8', 'NIST SP 800-34 Rev. 1']
    """
    from workbook.tools.standards import crosswalk

    return sorted(set(crosswalk(decision=decision)["standard"]))


def sample_responses(seed: int) -> dict[str, int]:
    """A synthetic colleague's ratings (1-5) for every concept of the self-assessment.

    Each area gets a seeded level and each concept varies around it, so
    different seeds give different strengths and gaps.

    Examples
    --------
    >>> r = sample_responses(2026)
    >>> from workbook.tools.standards import concepts
    >>> sorted(r) == sorted(concepts()["concept_id"]), set(r.values()) <= {1, 2, 3, 4, 5}
    (True, True)
    >>> sample_responses(1) != sample_responses(2)
    True
    """
    from workbook.tools.standards import concepts

    rng = _rng(seed, 4002)
    table = concepts()
    areas = sorted(set(table["area"]))
    level = {a: float(rng.uniform(1.3, 4.7)) for a in areas}
    out: dict[str, int] = {}
    for cid, area in zip(table["concept_id"], table["area"]):
        out[str(cid)] = int(np.clip(round(level[area] + rng.normal(0, 0.8)), 1, 5))
    return out


def overall_mean(responses: dict[str, int]) -> float:
    """Mean rating over every rated concept, rounded to 2 decimals (validated by ``self_assessment``).

    >>> overall_mean({"net-wan": 5, "sec-backup": 2})
    3.5
    """
    from workbook.tools.standards import self_assessment

    detail = self_assessment(responses, detail=True)
    return round(float(detail["score"].dropna().mean()), 2)


def gap_list(responses: dict[str, int], gap: int = 2) -> list[str]:
    """Sorted names of the concepts rated at or below ``gap``.

    >>> gap_list({"net-wan": 5, "sec-backup": 2, "sec-identity": 1})
    ['Backup and recovery', 'Identity, single sign-on and MFA']
    """
    from workbook.tools.standards import self_assessment

    detail = self_assessment(responses, detail=True, gap=gap)
    return sorted(detail.loc[detail["status"] == "gap", "concept"])


@dataclass(frozen=True)
class Incident:
    """A ransomware incident at the district (synthetic): when, how many people, what was taken."""

    when: str
    pupils: int
    staff: int
    personal_info_acquired: bool

    @property
    def affected(self) -> int:
        return self.pupils + self.staff

    def table(self) -> Any:
        import pandas as pd

        rows = {
            "date of the attack": self.when,
            "pupils whose records were affected": self.pupils,
            "staff whose records were affected": self.staff,
            "unencrypted personal information copied out": "yes" if self.personal_info_acquired else "no evidence of it",
        }
        return pd.DataFrame({"value": pd.Series(list(rows.values()), dtype=object)}, index=pd.Index(list(rows), name="incident"))


def incident_scenario(seed: int, fiscal_year: str = "2026-27") -> Incident:
    """A ransomware incident in the fiscal year's autumn (synthetic, varied by seed).

    >>> i = incident_scenario(3)
    >>> i.when[:4], i.affected > 0
    ('2026', True)
    """
    from workbook.tools.fiscal_year import fiscal_year_start

    rng = _rng(seed, 4004)
    start = fiscal_year_start(fiscal_year)
    month, day = int(rng.integers(8, 13)), int(rng.integers(1, 29))
    return Incident(
        when=f"{start}-{month:02d}-{day:02d}",
        pupils=int(rng.choice([120, 380, 450, 900, 2_400])),
        staff=int(rng.integers(20, 160)),
        personal_info_acquired=bool(rng.random() < 0.6),
    )
