"""The build report: what a portfolio build published, removed and fixed, and why."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["BuildReport"]


@dataclass
class BuildReport:
    """What one ``build_portfolio`` call did.

    Attributes
    ----------
    site
        The site folder (or the single ``portfolio.html``).
    pages
        Page file names written, relative to the site.
    removed
        One entry per removed cell, output or table: notebook, what, where, reason.
    alt_fallbacks
        Figures that had no alt text, with the text used instead and its source.
    notebooks
        Per principle found in the workspace: source path, status, counts.
    warnings
        Anything else the candidate should know (missing assets, duplicates, ...).

    Examples
    --------
    >>> r = BuildReport(site=Path("site"))
    >>> r.removed.append({"notebook": "L6", "what": "cell", "where": "cell 3", "reason": "tagged private"})
    >>> print(r.summary())  # doctest: +ELLIPSIS
    Portfolio built: site
      0 pages, 0 notebooks
      removed 1 item:
        L6 cell 3 (cell): tagged private
    ...
    """

    site: Path
    pages: list[str] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)
    alt_fallbacks: list[dict[str, str]] = field(default_factory=list)
    notebooks: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def index(self) -> Path:
        """The page to open: ``index.html`` of the site, or the single file."""
        return self.site if self.site.suffix == ".html" else self.site / "index.html"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (paths as text)."""
        data = asdict(self)
        data["site"] = str(self.site)
        return data

    def summary(self) -> str:
        """A short plain-text summary for the terminal and ``report.txt``."""
        lines = [f"Portfolio built: {self.site}", f"  {len(self.pages)} pages, {len(self.notebooks)} notebooks"]
        n = len(self.removed)
        lines.append(f"  removed {n} item{'' if n == 1 else 's'}" + (":" if n else ""))
        lines += [f"    {r['notebook']} {r['where']} ({r['what']}): {r['reason']}" for r in self.removed]
        n = len(self.alt_fallbacks)
        lines.append(f"  {n} figure{'' if n == 1 else 's'} without alt text" + (" (write one with show_figure(fig, alt=...)):" if n else ""))
        lines += [f"    {a['notebook']} {a['where']}: used the {a['source']}: {a['alt']!r}" for a in self.alt_fallbacks]
        lines += [f"  warning: {w}" for w in self.warnings]
        if self.seconds:
            lines.append(f"  {self.seconds:.1f} s")
        return "\n".join(lines)

    def write(self, folder: Path) -> None:
        """Write ``report.json`` and ``report.txt`` into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "report.json").write_text(json.dumps(self.to_dict(), indent=2, default=str), encoding="utf-8")
        (folder / "report.txt").write_text(self.summary() + "\n", encoding="utf-8")
