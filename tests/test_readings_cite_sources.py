"""Every fact with a number in a principle's readings names its source in the same paragraph.

A reader must be able to tell, for each percentage, dollar figure or rate in the
readings, who published it (or that it is the workbook's own synthetic or
illustrative example). The check works paragraph by paragraph on the readings
sections of each available principle's notebook source.
"""

from __future__ import annotations

import re

import pytest

from readings_text import readings_text, sections
from workbook.curriculum import PRINCIPLES

AVAILABLE = [p.id for p in PRINCIPLES if p.status == "available" and p.id != "START"]

# A figure that states a fact: a percentage, an amount of money, or a bandwidth.
FIGURE = re.compile(r"\d[\d,.]*\s*(%|percent|dollars|million|billion|Mbps|Gbps|per student)", re.I)
# Who published it: a named publisher, a law or regulation, or the workbook's own example.
SOURCES = re.compile(
    r"NIST|Center for Internet Security|\bCIS\b|CISA|Sophos|Emsisoft|K12 SIX|\bFCC\b|SETDA|USAC|\bCDE\b|California Department of Education|"
    r"\bLAO\b|Legislative Analyst|CalPERS|CalSTRS|\bIRS\b|\bEDD\b|Google|Microsoft|PIRG|CoSN|Gartner|Circular A-94|\bOMB\b|ESEA|"
    r"Education Code|Civil Code|Public Contract Code|\bCFR\b|IEEE|CDW-G|EducationSuperHighway|numpy-financial|CPUC|ITIL|ISTE|"
    r"Department of Education|SACS|Title IV|Kirwin|FFIEC|U\.S\. Code|U\.S\.C\.|Budget Act|Governor|"
    r"Rogers|Bass\b|\bCAST\b|What Works Clearinghouse|\bESSA\b|Smarter Balanced|\bETS\b|"
    r"Project Management Institute|\bPMI\b|PMBOK|Kotter|"
    r"illustrative|synthetic|example|by hand|arithmetic",
    re.I,
)
SKIP = {"Learning outcomes", "Reflection prompts", "Sources"}


def _paragraphs(pid: str) -> list[tuple[str, str]]:
    out = []
    for title, body in sections(readings_text(pid)).items():
        if title in SKIP:
            continue
        for para in re.split(r"\n\s*\n", body):
            text = " ".join(para.split())
            if text and not text.startswith("$$"):
                out.append((title, text))
    return out


@pytest.mark.parametrize("pid", AVAILABLE)
def test_readings_every_number_bearing_paragraph_names_a_source(pid):
    missing = [f"{title}: {text[:140]}" for title, text in _paragraphs(pid) if FIGURE.search(text) and not SOURCES.search(text)]
    assert missing == []


def test_readings_source_check_catches_an_unsourced_figure():
    assert FIGURE.search("Ransomware recovery costs 2.7 million dollars on average.")
    assert not SOURCES.search("Ransomware recovery costs 2.7 million dollars on average.")
    assert SOURCES.search("Sophos reported that recovery cost 2.7 million dollars.")
