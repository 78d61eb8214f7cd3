"""Small pieces of HTML (status line, parameters table, withheld-table notice, link to a remote
image), rendered by the autoescaping macros in ``templates/site/fragments.html.j2``.

Every argument is escaped: a candidate's text can never become markup here.

Examples
--------
>>> status_line("in progress", 1, 2, 3, "45/50")
'<p class="wb-status-line"><span class="wb-badge wb-badge-in-progress">in progress</span> · 1 of 2 reflections written · 3 answers recorded · score 45/50</p>'
>>> withheld_notice(["<b>name</b>"])
'<p class="wb-withheld" role="note"><strong>Table withheld:</strong> it lists individual students (&lt;b&gt;name&lt;/b&gt;). ...'
>>> remote_image_link('https://x.example/a.png" onload="x', "<chart>")
'<a href="https://x.example/a.png&#34; onload=&#34;x">&lt;chart&gt; (image on another site)</a>'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from workbook.templating import environment

__all__ = ["status_line", "parameters_table", "withheld_notice", "remote_image_link", "SITE_TEMPLATES"]

#: The site's templates (pages, chrome, single file, slides, fragments).
SITE_TEMPLATES = Path(__file__).resolve().parent / "templates" / "site"


def _macros() -> Any:
    return environment(SITE_TEMPLATES).get_template("fragments.html.j2").module


def status_line(status: str, written: int, total: int, answers: int, score: Any = None) -> str:
    """A principle page's status badge, reflections written, answers recorded and score."""
    return str(_macros().status_line(status, written, total, answers, score))


def parameters_table(rows: Iterable[tuple[str, str, str]]) -> str:
    """An accessible table of ``(name, value, description)`` rows.

    >>> "<td>&lt;b&gt;x&lt;/b&gt;</td>" in parameters_table([("seed", "7", "<b>x</b>")])
    True
    """
    return str(_macros().parameters_table(list(rows)))


def withheld_notice(columns: Sequence[str]) -> str:
    """The note that replaces a table listing individual students."""
    return str(_macros().withheld(list(columns)))


def remote_image_link(src: str, label: str) -> str:
    """A link to an image on another site, shown instead of loading it."""
    return str(_macros().remote_image_link(src, label))
