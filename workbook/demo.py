"""``make demo``: run L6 for a sample district, build the portfolio, say where the HTML is.

Run as ``python -m workbook.demo --district sample-suburban --out demo-output``.
The HTML is the portfolio's own page for L6, made by the portfolio's offline
exporter: MathJax and the widget manager are local copies, no page loads
anything from another host, and a missing asset stops the demo with a message.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from workbook.curriculum import principle
from workbook.errors import WorkbookError
from workbook.paths import notebooks_dir

L6 = Path("leadership") / "L6-fiscal-management.ipynb"


def execute_notebook(source: Path, target: Path, parameters: dict) -> Path:
    """Execute ``source`` with papermill into ``target`` and return ``target``."""
    from workbook.kernels import run_notebook

    target.parent.mkdir(parents=True, exist_ok=True)
    run_notebook(source, target, parameters, cwd=str(target.parent))
    return target


def sample_candidate_notebook(source: Path, target: Path) -> Path:
    """The notebook as a sample candidate completed it: the model answers in ``answer`` cells.

    In the candidate edition an exercise cell is tagged ``answer`` and holds the
    candidate's work; here it holds the instructor's solution, so the demo
    portfolio shows answered exercises (``solution`` cells never reach a portfolio).
    """
    import nbformat

    nb = nbformat.read(str(source), as_version=4)
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "solution" in tags:
            cell.metadata["tags"] = ["answer" if t == "solution" else t for t in tags]
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(target))
    return target


def run(district: str, out: Path) -> dict[str, Path]:
    from workbook.districts import load_district

    load_district(district)  # a bad district is reported before any kernel starts
    out.mkdir(parents=True, exist_ok=True)
    workspace = out / "workspace"
    completed = sample_candidate_notebook(notebooks_dir() / L6, out / "sample-candidate" / L6)
    executed = execute_notebook(
        completed,
        workspace / L6,
        {"district": district, "candidate": "demo-candidate"},
    )
    from workbook.portfolio import build_portfolio

    report = build_portfolio(workspace, out / "portfolio", candidate="demo-candidate")
    l6 = principle("L6")
    return {"notebook": executed, "html": report.site / f"{l6.id}-{l6.slug}.html", "portfolio": report.index}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbook.demo", description=__doc__)
    parser.add_argument("--district", default="sample-suburban", help="sample id or district file")
    parser.add_argument("--out", type=Path, default=Path("demo-output"), help="output folder")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    try:
        paths = run(args.district, args.out)
    except WorkbookError as exc:
        print(f"demo: {exc}", file=sys.stderr)
        return 2
    print(f"Executed L6 for {args.district} in {time.perf_counter() - began:.1f} s")
    for what, path in paths.items():
        print(f"  {what:9} {path.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
