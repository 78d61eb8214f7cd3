"""Withhold tables with student-level identifiers (FERPA).

A table whose header names a student identifier (student id, SSID, a
student's name, a birth date, a home address, ...) is student-level data and
is withheld from the portfolio; a table aggregated to schools, grades or
programs has no such column and stays. Checked: HTML tables in outputs and in
markdown, and plain-text DataFrame printouts. Each withheld table is replaced
by a short notice and listed in the build report.
"""

from __future__ import annotations

import re
from typing import Any

from nbconvert.preprocessors import Preprocessor

from workbook.portfolio.fragments import withheld_notice
from workbook.portfolio.preprocessors._common import cell_label, record_removal

__all__ = ["FerpaPreprocessor", "identifier_columns"]

_IDENTIFIER_PATTERNS = [
    r"(student|pupil|learner)( (id|number|no|identifier|key|name|email|address|phone))?",
    r"(ss|sis|local|statewide|state) ?(student )?id",
    r"ssid|ssn|social security( number)?|sid|stu id",
    r"((first|last|middle|given|family|full|legal|preferred|sur) ?)?name|firstname|lastname|surname",
    r"(birth ?date|date of birth|dob|birthday|birth day|born)",
    r"(home|street|mailing|student|residential) address",
    r"(parent|guardian)( name| email| e mail| phone| phone number)?",
    r"((home|cell|mobile|student|parent|guardian) )?phone number|(home|cell|mobile|student) phone",
    r"(student|parent|guardian) e ?mail( address)?|e ?mail address",
]
_IDENTIFIER = re.compile(r"^(?:" + "|".join(_IDENTIFIER_PATTERNS) + r")$")

def _normal(header: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", header).lower()))


def identifier_columns(headers: list[str]) -> list[str]:
    """The headers that name student-level identifiers.

    Examples
    --------
    >>> identifier_columns(["student_id", "First Name", "school", "birthDate", "enrolled"])
    ['student_id', 'First Name', 'birthDate']
    >>> identifier_columns(["school name", "grade", "students", "count"])
    []
    >>> identifier_columns(["Phone", "Email", "Address", "home phone", "Parent email"])  # a phone system is not a person
    ['home phone', 'Parent email']
    """
    return [h for h in headers if _IDENTIFIER.match(_normal(h))]


def _html_tables(markup: str) -> list[tuple[Any, list[str]]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    found = []
    for table in soup.find_all("table"):
        headers = [th.get_text(" ", strip=True) for th in table.find_all("th")]
        first_row = table.find("tr")
        if first_row is not None:
            headers += [td.get_text(" ", strip=True) for td in first_row.find_all("td")]
        found.append((table, identifier_columns([h for h in headers if h])))
    return found


def withhold_tables(markup: str) -> tuple[str, list[str]]:
    """Replace every student-level table in ``markup`` by the notice.

    >>> html, cols = withhold_tables("<table><tr><th>Student ID</th><th>score</th></tr></table>")
    >>> cols, "Table withheld" in html, "<table" in html
    (['Student ID'], True, False)
    """
    if "<table" not in markup.lower():
        return markup, []
    from bs4 import BeautifulSoup

    tables = _html_tables(markup)
    if not any(cols for _, cols in tables):
        return markup, []
    soup = BeautifulSoup(markup, "html.parser")
    withheld: list[str] = []
    for table, (_, cols) in zip(soup.find_all("table"), tables):
        if cols:
            notice = BeautifulSoup(withheld_notice(sorted(set(cols))), "html.parser")
            table.replace_with(notice)
            withheld += cols
    return str(soup), withheld


def _text_table_identifiers(text: str) -> list[str]:
    """Identifier columns in the header line of a printed DataFrame."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < 2:
        return []
    return identifier_columns(lines[0].split())


class FerpaPreprocessor(Preprocessor):
    """Withhold student-level tables in outputs and in markdown cells.

    Examples
    --------
    >>> import nbformat
    >>> out = nbformat.v4.new_output("execute_result", data={
    ...     "text/html": "<table><tr><th>name</th><th>dob</th></tr><tr><td>A</td><td>2015-01-01</td></tr></table>",
    ...     "text/plain": "  name  dob"}, execution_count=1)
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("df", outputs=[out])])
    >>> nb, res = FerpaPreprocessor().preprocess(nb, {})
    >>> "<table" in nb.cells[0].outputs[0].data["text/html"], res["portfolio"]["removed"][0]["what"]
    (False, 'table')
    """

    def preprocess_cell(self, cell: Any, resources: dict[str, Any], index: int) -> tuple[Any, dict[str, Any]]:
        where = cell_label(cell, index)
        meta = cell.get("metadata", {}).get("portfolio", {})
        if cell.cell_type == "markdown" and meta.get("html"):
            meta["html"], cols = withhold_tables(meta["html"])
            if cols:
                self._record(resources, where, cols)
        for output in cell.get("outputs", []):
            data = output.get("data") or {}
            cols: list[str] = []
            if "text/html" in data:
                data["text/html"], cols = withhold_tables(data["text/html"])
                if cols:
                    data.pop("text/plain", None)
            text = data.get("text/plain") if data else output.get("text")
            text_cols = _text_table_identifiers("".join(text) if isinstance(text, list) else text or "")
            if text_cols:
                notice = withheld_notice(text_cols)
                if output.get("output_type") == "stream":
                    output["text"] = "[Table withheld: it lists individual students. See the build report.]\n"
                else:
                    output["data"] = {"text/html": notice}
                cols += text_cols
            if cols:
                self._record(resources, where, cols)
        return cell, resources

    @staticmethod
    def _record(resources: dict[str, Any], where: str, cols: list[str]) -> None:
        reason = "student-level identifiers (" + ", ".join(sorted(set(cols))) + "): FERPA; only aggregated tables are published"
        record_removal(resources, "table", where, reason)
