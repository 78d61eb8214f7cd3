"""Student data privacy: the data inventory, vendor agreements and data flows.

Pure calculators for the E1 notebook, over plain Python, pandas and networkx
(what may leave the district, and how, is in :mod:`workbook.tools.disclosure`):

==============================  =====================================================
:func:`data_inventory`          system x data element x sensitivity x who may see x law
:func:`score_agreement`         one vendor agreement against the nine AB 1584 terms
:func:`dpa_tracker`             every vendor's agreement: terms present, missing, status
:func:`integration_map`         data flows between systems as a directed graph (networkx)
:func:`student_data_reach`      the systems student data reaches from its sources
:func:`unprotected_vendors`     vendors reached by student data without a covering agreement
==============================  =====================================================

The laws (FERPA, 34 CFR 99; COPPA; PPRA; CIPA; SOPIPA, Business and
Professions Code 22584; Education Code 49073.1 and 49073.6) are summarised in
the E1 readings; the element classification is the reference table
``student_data_elements`` (source and confidence on every row). Rules here
are the workbook's teaching model, not legal advice.

Examples
--------
>>> score_agreement("vendor contract", ["records_owned_by_lea", "security"]).missing[:2]
('pupil_generated_content', 'use_limited')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_choice, check_date, is_blank, text_list

__all__ = [
    "AB1584_TERMS",
    "AGREEMENT_KINDS",
    "SENSITIVITY_LEVELS",
    "element_rules",
    "data_inventory",
    "AgreementScore",
    "score_agreement",
    "dpa_tracker",
    "most_missing_term",
    "integration_map",
    "student_data_reach",
    "unprotected_vendors",
]

#: The nine terms Education Code 49073.1(b) requires in a contract for pupil records (key, in plain words), in the statute's order.
AB1584_TERMS: tuple[tuple[str, str], ...] = (
    ("records_owned_by_lea", "pupil records stay the property and under the control of the district"),
    ("pupil_generated_content", "how pupils keep possession and control of content they create"),
    ("use_limited", "no use of pupil records beyond what the contract requires or permits"),
    ("parent_review", "how parents, guardians and eligible pupils review and correct their information"),
    ("security", "how the vendor keeps records secure and confidential, with named and trained people"),
    ("breach_notification", "how affected families are told of an unauthorized disclosure"),
    ("deletion_at_end", "certification that records are not kept after the contract ends, and how it is enforced"),
    ("ferpa_compliance", "how the district and the vendor jointly ensure FERPA compliance"),
    ("no_targeted_ads", "no use of personally identifiable information for targeted advertising"),
)
_TERM_KEYS = tuple(k for k, _ in AB1584_TERMS)

#: What a vendor relationship can rest on. The signed California Student Data Privacy Agreement
#: (directly, or adopted through a vendor's General Offer of Privacy Terms) carries every term.
AGREEMENT_KINDS = ("CA-NDPA signed", "CA-NDPA general offer adopted", "vendor contract", "click-through terms", "none")
_FULL = ("CA-NDPA signed", "CA-NDPA general offer adopted")

#: Sensitivity levels, lowest first (the workbook's classification).
SENSITIVITY_LEVELS = ("directory", "internal", "confidential", "restricted")

def element_rules() -> Any:
    """The reference table ``student_data_elements``, indexed by element.

    >>> rules = element_rules()
    >>> rules.loc["meal eligibility", "sensitivity"], bool(rules.loc["photograph", "directory_eligible"])
    ('restricted', True)
    """
    from workbook.tools.reference import reference_table

    table = reference_table("student_data_elements")
    table["directory_eligible"] = table["directory_eligible"].astype(str).str.lower() == "true"
    return table.set_index("element")


def data_inventory(systems: Any) -> Any:
    """The student data inventory: one row per system and data element.

    Parameters
    ----------
    systems
        Rows with ``system``, ``department``, ``operator`` ("district" or the
        vendor's name), ``elements`` (a list, or text separated by ';', of
        elements from :func:`element_rules`) and ``under_13`` (True when
        children under 13 use the service directly).

    Returns
    -------
    DataFrame with ``system, department, operator, element, sensitivity,
    directory_eligible, who_may_see, laws``. A vendor-operated service adds
    SOPIPA and Education Code 49073.1 to every element; used by children
    under 13, COPPA too.

    Examples
    --------
    >>> inv = data_inventory([{"system": "Reading app", "department": "Instruction", "operator": "Acme",
    ...                        "elements": "student name; assessment scores", "under_13": True}])
    >>> inv.loc[1, "laws"]
    'FERPA; SOPIPA; Education Code 49073.1; COPPA'
    >>> data_inventory([{"system": "X", "department": "Y", "operator": "district", "elements": "shoe size", "under_13": False}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: elements = 'shoe size' is not allowed: expected an element of the student_data_elements table (student name, home address, ...)
    """
    import pandas as pd

    frame = as_table("systems", systems, ["system", "department", "operator", "elements", "under_13"], noun="system")
    rules = element_rules()
    rows = []
    for _, s in frame.iterrows():
        if not isinstance(s["under_13"], (bool,)) and str(s["under_13"]) not in ("True", "False"):
            raise InputError("under_13", s["under_13"], "True or False")
        vendor = str(s["operator"]).strip().lower() != "district"
        for element in text_list("elements", s["elements"]):
            if element not in rules.index:
                raise InputError("elements", element, "an element of the student_data_elements table (student name, home address, ...)")
            rule = rules.loc[element]
            laws = [law.strip() for law in str(rule["laws"]).split(";")]
            if vendor:
                laws += [law for law in ("SOPIPA", "Education Code 49073.1") if law not in laws]
                if str(s["under_13"]) == "True":
                    laws.append("COPPA")
            rows.append({"system": s["system"], "department": s["department"], "operator": s["operator"], "element": element,
                         "sensitivity": rule["sensitivity"], "directory_eligible": bool(rule["directory_eligible"]),
                         "who_may_see": rule["who_may_see"], "laws": "; ".join(laws)})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class AgreementScore:
    """How one agreement measures up to the nine terms of Education Code 49073.1."""

    kind: str
    present: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def score(self) -> float:
        """Share of the nine terms present (1.0 = all)."""
        return len(self.present) / len(_TERM_KEYS)

    @property
    def complete(self) -> bool:
        return not self.missing


def score_agreement(kind: str, terms: Any = ()) -> AgreementScore:
    """Score an agreement: which of the nine AB 1584 terms it carries.

    A signed California Student Data Privacy Agreement (or its General Offer
    adopted by the district) carries all nine; a vendor contract or
    click-through terms carry the ``terms`` listed; ``"none"`` carries none.

    >>> score_agreement("CA-NDPA signed").complete
    True
    >>> round(score_agreement("click-through terms", "security; no_targeted_ads").score, 3)
    0.222
    >>> score_agreement("vendor contract", ["security", "encryption"])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: terms = 'encryption' is not allowed: expected one of the AB 1584 term keys: records_owned_by_lea, pupil_generated_content, use_limited, parent_review, security, breach_notification, deletion_at_end, ferpa_compliance, no_targeted_ads
    """
    check_choice("kind", kind, AGREEMENT_KINDS)
    listed = [] if terms is None or (not isinstance(terms, str) and is_blank(terms)) else text_list("terms", terms)
    for term in listed:
        if term not in _TERM_KEYS:
            raise InputError("terms", term, "one of the AB 1584 term keys: " + ", ".join(_TERM_KEYS))
    if kind in _FULL:
        present = _TERM_KEYS
    elif kind == "none":
        present = ()
    else:
        present = tuple(k for k in _TERM_KEYS if k in listed)
    return AgreementScore(kind, present, tuple(k for k in _TERM_KEYS if k not in present))


def dpa_tracker(vendors: Any, as_of: date) -> Any:
    """The vendor data-privacy-agreement tracker.

    Parameters
    ----------
    vendors
        Rows with ``vendor``, ``product``, ``student_data`` (True if it
        receives student data), ``agreement`` (one of :data:`AGREEMENT_KINDS`),
        ``terms`` (the AB 1584 term keys a contract carries) and ``expires``
        (a date, or empty for no end date).
    as_of
        The day the tracker is read.

    Returns
    -------
    The rows plus ``terms_present`` (0-9), ``missing`` (term keys, ';') and
    ``status``: ``covered`` (all nine terms, in force), ``missing terms``,
    ``expired``, ``no agreement`` or ``no student data``.

    >>> t = dpa_tracker([{"vendor": "A", "product": "Quiz", "student_data": True, "agreement": "none", "terms": "", "expires": None},
    ...                  {"vendor": "B", "product": "Map", "student_data": True, "agreement": "CA-NDPA signed", "terms": "",
    ...                   "expires": date(2026, 6, 30)}], as_of=date(2026, 9, 1))
    >>> t["status"].tolist()
    ['no agreement', 'expired']
    """

    if not isinstance(as_of, date):
        raise InputError("as_of", as_of, "a date such as datetime.date(2026, 9, 1)")
    frame = as_table("vendors", vendors, ["vendor", "product", "student_data", "agreement", "terms", "expires"], noun="vendor")
    present, missing, status = [], [], []
    for _, row in frame.iterrows():
        if not isinstance(row["student_data"], (bool,)) and str(row["student_data"]) not in ("True", "False"):
            raise InputError("student_data", row["student_data"], "True or False")
        result = score_agreement(row["agreement"], row["terms"])
        ends = check_date("expires", row["expires"])
        expired = ends is not None and ends < as_of
        present.append(len(result.present))
        missing.append("; ".join(result.missing))
        if str(row["student_data"]) != "True":
            status.append("no student data")
        elif row["agreement"] == "none":
            status.append("no agreement")
        elif expired:
            status.append("expired")
        elif result.missing:
            status.append("missing terms")
        else:
            status.append("covered")
    return frame.assign(terms_present=present, missing=missing, status=status)


def most_missing_term(tracker: Any) -> str | None:
    """The AB 1584 term missing from the most agreements that carry some terms (ties: the statute's order).

    Only contracts and click-through terms count (an agreement of kind
    ``"none"`` is missing everything and says nothing about which term
    vendors resist). ``None`` when no such agreement misses a term.

    >>> most_missing_term([{"agreement": "vendor contract", "missing": "security; no_targeted_ads"},
    ...                    {"agreement": "vendor contract", "missing": "no_targeted_ads"}])
    'no_targeted_ads'
    """
    frame = as_table("tracker", tracker, ["agreement", "missing"])
    counts = {k: 0 for k in _TERM_KEYS}
    for _, row in frame[frame["agreement"].isin(["vendor contract", "click-through terms"])].iterrows():
        for term in text_list("missing", row["missing"]):
            counts[check_choice("missing", term, _TERM_KEYS)] += 1
    best = max(counts.values())
    return None if best == 0 else next(k for k in _TERM_KEYS if counts[k] == best)


def integration_map(flows: Any, systems: Sequence[str] = ()) -> Any:
    """Data flows between systems as a directed graph.

    Parameters
    ----------
    flows
        Rows with ``source``, ``target`` (system names), ``data`` (what moves,
        in words) and ``student_data`` (True when the flow carries student data).
    systems
        Systems to show even when no flow touches them (a survey students answer directly).

    Returns
    -------
    networkx.DiGraph with edge attributes ``data`` and ``student_data``.

    >>> g = integration_map([{"source": "SIS", "target": "LMS", "data": "rosters", "student_data": True}])
    >>> g.edges["SIS", "LMS"]["student_data"]
    True
    >>> sorted(integration_map([{"source": "SIS", "target": "LMS", "data": "rosters", "student_data": True}], ["Survey"]))
    ['LMS', 'SIS', 'Survey']
    >>> integration_map([{"source": "SIS", "target": "SIS", "data": "x", "student_data": True}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: target = 'SIS' is not allowed: expected a system other than the source (a flow goes somewhere)
    """
    import networkx as nx

    frame = as_table("flows", flows, ["source", "target", "data", "student_data"], noun="flow")
    graph = nx.DiGraph()
    graph.add_nodes_from(text_list("systems", list(systems)))
    for _, row in frame.iterrows():
        if row["source"] == row["target"]:
            raise InputError("target", row["target"], "a system other than the source (a flow goes somewhere)")
        if not isinstance(row["student_data"], bool):
            raise InputError("student_data", row["student_data"], "True or False")
        graph.add_edge(str(row["source"]), str(row["target"]), data=str(row["data"]), student_data=bool(row["student_data"]))
    return graph


def student_data_reach(graph: Any, origins: Sequence[str]) -> set[str]:
    """The systems that student data reaches from ``origins`` (themselves included), along student-data flows.

    An origin with no flows (a survey students answer directly) reaches only itself.

    >>> g = integration_map([{"source": "SIS", "target": "Hub", "data": "rosters", "student_data": True},
    ...                      {"source": "Hub", "target": "App", "data": "rosters", "student_data": True},
    ...                      {"source": "HR", "target": "Payroll", "data": "pay", "student_data": False}])
    >>> sorted(student_data_reach(g, ["SIS"]))
    ['App', 'Hub', 'SIS']
    """
    import networkx as nx

    origins = text_list("origins", origins)
    if not origins:
        raise InputError("origins", origins, "at least one system where student data starts")
    student = nx.DiGraph([(u, v) for u, v, d in graph.edges(data=True) if d["student_data"]])
    reached = set(origins)
    for o in origins:
        if o in student:
            reached |= nx.descendants(student, o)
    return reached


def unprotected_vendors(graph: Any, origins: Sequence[str], operators: dict[str, str], tracker: Any) -> list[str]:
    """Vendors that operate a system student data reaches, without a covering agreement, sorted.

    ``operators`` maps each system to ``"district"`` or its vendor; a vendor
    whose every tracker row that receives student data is ``covered`` is
    protected; a vendor missing from the tracker is not.

    >>> g = integration_map([{"source": "SIS", "target": "App", "data": "rosters", "student_data": True}])
    >>> unprotected_vendors(g, ["SIS"], {"SIS": "district", "App": "Acme"},
    ...                     [{"vendor": "Acme", "status": "missing terms"}])
    ['Acme']
    """
    frame = as_table("tracker", tracker, ["vendor", "status"])
    reached = student_data_reach(graph, origins)
    out = set()
    for system in reached:
        if system not in operators:
            raise InputError("operators", system, "a mapping that names every system's operator")
        vendor = operators[system]
        if vendor == "district":
            continue
        rows = frame[frame["vendor"] == vendor]
        if rows.empty or (rows["status"] != "covered").any():
            out.add(vendor)
    return sorted(out)
