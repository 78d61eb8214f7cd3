"""Portfolio build speed: one in-process build of 16 notebooks against 16
``jupyter nbconvert --to html`` processes (what a hand-built site costs).

    .venv/bin/python benchmarks/portfolio.py [--notebook PATH] [--runs 1]

The sixteen notebooks are copies of one completed notebook (by default the
portfolio test fixture for L6, with figures, tables and reflections), renamed for
each principle. Prints both times and the ratio; the target is at least 20x.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FIXTURE = ROOT / "tests" / "notebooks" / "portfolio" / "workspace" / "L6-fiscal-management.ipynb"


def make_workspace(notebook: Path, folder: Path) -> list[Path]:
    import nbformat

    from workbook.curriculum import PRINCIPLES

    folder.mkdir(parents=True)
    made = []
    for p in PRINCIPLES:
        nb = nbformat.read(notebook, as_version=4)
        nb.metadata.setdefault("workbook", {})["principle"] = p.id
        target = folder / f"{p.id}-{p.slug}.ipynb"
        nbformat.write(nb, target)
        made.append(target)
    return made


def time_portfolio(workspace: Path, out: Path) -> float:
    from workbook.portfolio import build_portfolio

    began = time.perf_counter()
    build_portfolio(workspace, out)
    return time.perf_counter() - began


def time_nbconvert(notebooks: list[Path], out: Path) -> float:
    jupyter = Path(sys.executable).with_name("jupyter")
    out.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    for nb in notebooks:
        subprocess.run([str(jupyter), "nbconvert", "--to", "html", "--output-dir", str(out), str(nb)],
                       check=True, capture_output=True)
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notebook", type=Path, default=FIXTURE, help="the completed notebook to copy 16 times")
    parser.add_argument("--runs", type=int, default=1, help="repetitions (the median is reported)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-portfolio-") as tmp:
        tmp_path = Path(tmp)
        notebooks = make_workspace(args.notebook, tmp_path / "ws")
        ours, theirs = [], []
        for i in range(args.runs):
            ours.append(time_portfolio(tmp_path / "ws", tmp_path / f"site{i}"))
            theirs.append(time_nbconvert(notebooks, tmp_path / f"nbconvert{i}"))
            shutil.rmtree(tmp_path / f"nbconvert{i}")
        a, b = statistics.median(ours), statistics.median(theirs)
    print(f"portfolio build, 16 notebooks, one process: {a:6.2f} s (whole site: 20 pages, search, assets)")
    print(f"16 x jupyter nbconvert --to html:          {b:6.2f} s ({b / 16:.2f} s a notebook)")
    print(f"ratio: {b / a:.1f}x (target >= 20x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
