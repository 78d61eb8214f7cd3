"""A trends radar: where each emerging technology sits, and what evidence would move it.

Two lenses. The **Gartner Hype Cycle** (Gartner, 1995) says where a
technology's *expectations* are: Innovation Trigger, Peak of Inflated
Expectations, Trough of Disillusionment, Slope of Enlightenment, Plateau of
Productivity. A **radar** in the style of Thoughtworks' Technology Radar says
what the district *does* about it: adopt, trial, assess or hold.
:func:`radar` places each technology in a ring by a rule the planning
committee can read and argue with, and names the evidence that would move it
one ring closer to adoption.

The rule, in order:

* **hold** when no vendor will sign the district's student data privacy
  agreement: nothing else matters until one does;
* **adopt** with evidence of ESSA tier 1 or 2, a known total cost, at least
  three peer districts using it, and expectations past the trough (on the Slope
  of Enlightenment or the Plateau of Productivity);
* **trial** (a pilot with an evaluation) with evidence of tier 3 or better and a
  known total cost;
* **assess** (watch and gather evidence) otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_choice, check_count

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["HYPE_PHASES", "RINGS", "PEERS_TO_ADOPT", "radar"]

#: The Hype Cycle's five phases, in order (Gartner, 1995).
HYPE_PHASES = ("Innovation Trigger", "Peak of Inflated Expectations", "Trough of Disillusionment",
               "Slope of Enlightenment", "Plateau of Productivity")
#: The radar's rings, from in the plan to kept out of it.
RINGS = ("adopt", "trial", "assess", "hold")
#: Peer districts using a technology before the rule adopts it.
PEERS_TO_ADOPT = 3


def _flag(name: str, value: Any) -> bool:
    if isinstance(value, bool) or (hasattr(value, "dtype") and value.dtype == bool):
        return bool(value)
    raise InputError(name, value, "True or False")


def radar(trends: Any) -> pd.DataFrame:
    """Each technology's ring and the evidence that would move it one ring in.

    ``trends`` has columns ``technology``, ``phase`` (one of
    :data:`HYPE_PHASES`), ``evidence_tier`` (the best ESSA tier of evidence
    found, 1 strongest to 4, or 0 for none), ``privacy_agreement`` and
    ``cost_known`` (True or False) and ``peer_districts`` (how many districts
    like yours use it). Returns the rows sorted by ring, then technology, with
    ``ring`` and ``to_move_in`` (what is missing for the next ring in; empty
    for adopt).

    >>> rows = [{"technology": "Passkeys", "phase": "Slope of Enlightenment", "evidence_tier": 2, "privacy_agreement": True,
    ...          "cost_known": True, "peer_districts": 5},
    ...         {"technology": "AI tutor", "phase": "Peak of Inflated Expectations", "evidence_tier": 3, "privacy_agreement": True,
    ...          "cost_known": True, "peer_districts": 1},
    ...         {"technology": "VR headsets", "phase": "Trough of Disillusionment", "evidence_tier": 0, "privacy_agreement": True,
    ...          "cost_known": False, "peer_districts": 2},
    ...         {"technology": "Emotion AI", "phase": "Innovation Trigger", "evidence_tier": 4, "privacy_agreement": False,
    ...          "cost_known": True, "peer_districts": 0}]
    >>> radar(rows)[["technology", "ring", "to_move_in"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Passkeys', 'adopt', ''],
     ['AI tutor', 'trial', 'tier 1-2 evidence; 3 peer districts; past the trough'],
     ['VR headsets', 'assess', 'tier 1-3 evidence; a known total cost'],
     ['Emotion AI', 'hold', 'a signed student data privacy agreement']]
    """
    import pandas as pd

    frame = as_table("trends", trends, ["technology", "phase", "evidence_tier", "privacy_agreement", "cost_known", "peer_districts"],
                     noun="technology")
    rows = []
    for i, row in frame.iterrows():
        phase = check_choice(f"trends[{i}].phase", row["phase"], HYPE_PHASES)
        tier = check_count(f"trends[{i}].evidence_tier", row["evidence_tier"])
        if tier > 4:
            raise InputError(f"trends[{i}].evidence_tier", row["evidence_tier"], "an ESSA tier from 1 to 4, or 0 for no evidence")
        privacy = _flag(f"trends[{i}].privacy_agreement", row["privacy_agreement"])
        cost = _flag(f"trends[{i}].cost_known", row["cost_known"])
        peers = check_count(f"trends[{i}].peer_districts", row["peer_districts"])
        strong, some = 1 <= tier <= 2, 1 <= tier <= 3
        past_trough = HYPE_PHASES.index(phase) >= 3
        if not privacy:
            ring, missing = "hold", ["a signed student data privacy agreement"]
        elif strong and cost and peers >= PEERS_TO_ADOPT and past_trough:
            ring, missing = "adopt", []
        elif some and cost:
            ring = "trial"
            missing = [m for m, ok in (("tier 1-2 evidence", strong), (f"{PEERS_TO_ADOPT} peer districts", peers >= PEERS_TO_ADOPT),
                                       ("past the trough", past_trough)) if not ok]
        else:
            ring = "assess"
            missing = [m for m, ok in (("tier 1-3 evidence", some), ("a known total cost", cost)) if not ok]
        rows.append({"technology": str(row["technology"]), "phase": phase, "ring": ring, "to_move_in": "; ".join(missing)})
    out = pd.DataFrame(rows)
    out["_ring"] = out["ring"].map(RINGS.index)
    return out.sort_values(["_ring", "technology"], kind="mergesort").drop(columns="_ring").reset_index(drop=True)
