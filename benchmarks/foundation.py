"""Notebook benchmarks: executing every available notebook with papermill, and what `import workbook` costs.

    .venv/bin/python benchmarks/foundation.py [--runs N]

Targets: each notebook under 4 s per sample district on a 2-core machine
(papermill, kernel start included); ``import workbook`` adds under 100 ms to
numpy + pandas. Results go to benchmarks/results/foundation.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def time_notebook(path: Path, runs: int) -> dict:
    """Median seconds to execute ``path`` with papermill, per sample district."""
    import papermill as pm

    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for district in ("sample-rural", "sample-suburban", "sample-urban"):
            for i in range(runs):
                began = time.perf_counter()
                pm.execute_notebook(str(path), f"{tmp}/out-{district}-{i}.ipynb", parameters={"district": district},
                                    progress_bar=False, cwd=str(path.parent))
                times.setdefault(district, []).append(time.perf_counter() - began)
    return {d: {"median_s": round(statistics.median(t), 2), "runs": len(t)} for d, t in times.items()}


def time_notebooks(runs: int) -> dict:
    from workbook.curriculum import principles

    return {p.id: time_notebook(p.notebook_path, runs) for p in principles() if p.status == "available"}


def _cumulative_us(code: str, module: str) -> int:
    """Cumulative import time of ``module`` (microseconds) from ``python -X importtime``."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True)
    for line in out.stderr.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == module:
            return int(parts[1])
    raise RuntimeError(f"{module} not found in -X importtime output")


def time_import(runs: int) -> dict:
    """What ``import workbook`` adds once numpy and pandas are loaded (import-time, median of runs)."""
    med = statistics.median
    after = "import numpy, pandas; "
    return {
        "numpy_plus_pandas_ms": round(med(_cumulative_us("import numpy, pandas", "pandas") + _cumulative_us("import numpy", "numpy") for _ in range(runs)) / 1000, 1),
        "workbook_after_numpy_pandas_ms": round(med(_cumulative_us(after + "import workbook", "workbook") for _ in range(runs)) / 1000, 1),
        "workbook_notebook_ms": round(med(_cumulative_us(after + "import workbook.notebook", "workbook.notebook") for _ in range(runs)) / 1000, 1),
        "workbook_tools_finance_ms": round(med(_cumulative_us(after + "import workbook.tools.finance", "workbook.tools.finance") for _ in range(runs)) / 1000, 1),
        "workbook_districts_ms": round(med(_cumulative_us(after + "import workbook.districts", "workbook.districts") for _ in range(runs)) / 1000, 1),
        "workbook_contract_ms": round(med(_cumulative_us(after + "import workbook.contract", "workbook.contract") for _ in range(runs)) / 1000, 1),
        "workbook_portfolio_ms": round(med(_cumulative_us(after + "import workbook.portfolio", "workbook.portfolio") for _ in range(runs)) / 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    result = {"papermill_seconds": time_notebooks(args.runs), "import": time_import(max(5, args.runs)), "python": sys.version.split()[0]}
    out = ROOT / "benchmarks" / "results" / "foundation.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
