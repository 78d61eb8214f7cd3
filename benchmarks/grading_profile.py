"""Where a warm grading kernel's time goes: start, ready, each cell, shutdown, and the grader around them.

Usage::

    .venv/bin/python benchmarks/grading_profile.py              # every available principle, 3 runs each
    .venv/bin/python benchmarks/grading_profile.py --only L6 --runs 5

Each principle's instructor edition is graded through the grading runner
(:func:`workbook.grading.runner.grade_one`: restore, sandbox, warm forked kernel,
execute, extract, score) one submission at a time, in this process, with the
run's own warm parent. The phases are timed by wrapping the public entry points
the grader calls (this script only; nothing is changed in the grader):

- ``spawn``: the kernel manager's ``start_kernel`` (the parent forks, the sandbox is entered);
- ``ready``: the client's ``wait_for_ready`` (ipykernel starts, ``kernel_info`` answered);
- ``cells``: every code cell from request to its last output (the kernel's work and the grader's
  message handling), and the kernel's CPU seconds over the whole run (from ``/proc``);
- ``grader``: the rest of ``grade_one`` (rubric, template, restore, papermill's own work, killing the
  kernel and waiting until none of its processes is left, extract, score), and its CPU seconds.

Results go to ``benchmarks/results/grading-profile.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TICK = os.sysconf("SC_CLK_TCK")


def _cpu_of_tree(pid: int) -> float:
    """CPU seconds (user + system) of ``pid`` and its live descendants."""
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICK
            todo += [int(c) for t in os.listdir(f"/proc/{p}/task")
                     for c in Path(f"/proc/{p}/task/{t}/children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


class Phases:
    """Wraps the grader's public entry points and records how long each phase of one run took."""

    def __init__(self) -> None:
        self.current: dict[str, Any] = {}

    def install(self) -> None:
        from workbook.grading.engine import grading_engine

        engine = grading_engine()
        km_cls, client_cls = engine.kernel_manager_class, engine.client_class
        rec = self

        ready_cls = km_cls().client_factory  # the grader's own client class, if it has one
        start_kernel, ready = km_cls.start_kernel, ready_cls.wait_for_ready
        execute_cell = client_cls.execute_cell  # papermill runs each cell through nbclient's synchronous wrapper

        async def timed_start(km: Any, *a: Any, **k: Any) -> Any:
            t = time.perf_counter()
            out = await start_kernel(km, *a, **k)
            rec.current["spawn"] = time.perf_counter() - t
            rec.current["pid"] = km.provisioner.pid
            return out

        async def timed_ready(kc: Any, *a: Any, **k: Any) -> Any:
            t = time.perf_counter()
            out = await ready(kc, *a, **k)
            rec.current["ready"] = time.perf_counter() - t
            return out

        def timed_cell(client: Any, cell: Any, index: int, *a: Any, **k: Any) -> Any:
            t = time.perf_counter()
            try:
                return execute_cell(client, cell, index, *a, **k)
            finally:
                if cell.cell_type == "code" and cell.source.strip():
                    rec.current.setdefault("cell_s", []).append(round(time.perf_counter() - t, 4))
                if rec.current.get("pid"):  # the grader kills the kernel after the last cell: read it now
                    rec.current["kernel_cpu"] = _cpu_of_tree(rec.current["pid"])

        km_cls.start_kernel = timed_start
        ready_cls.wait_for_ready = timed_ready
        client_cls.execute_cell = timed_cell


def profile(only: list[str], runs: int) -> dict[str, Any]:
    import shutil
    import tempfile

    from workbook.curriculum import principles
    from workbook.grading.plan import plan_jobs
    from workbook.grading.runner import grade_one
    from workbook.grading.warm import WarmKernelPool
    from workbook.paths import exercises_dir

    available = [p for p in principles() if p.status == "available" and p.notebook_path.is_file()
                 and (exercises_dir() / f"{p.id}.py").is_file() and (not only or p.id in only)]
    phases = Phases()
    phases.install()
    where = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    subs = where / "submissions"
    report: dict[str, Any] = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
                              "load_average_at_start": [round(x, 2) for x in os.getloadavg()], "principles": {}}
    try:
        for p in available:
            for i in range(runs + 1):  # the first run of each principle warms this process's caches
                (subs / f"c{i}").mkdir(parents=True, exist_ok=True)
                shutil.copyfile(p.notebook_path, subs / f"c{i}" / p.notebook_path.name)
        with WarmKernelPool(where / "zygote", idle_timeout=300) as pool:
            jobs, _ = plan_jobs(subs, only=[p.id for p in available], kernel_name=pool.kernel_name)
            by_principle: dict[str, list[Any]] = {}
            for job in sorted(jobs, key=lambda j: (j.principle, j.candidate)):
                by_principle.setdefault(job.principle, []).append(job)
            for principle, pjobs in by_principle.items():
                rows = []
                for n, job in enumerate(pjobs):
                    phases.current = {}
                    cpu0 = time.process_time()
                    t = time.perf_counter()
                    result = grade_one(job)
                    total = time.perf_counter() - t
                    c = phases.current
                    row = {"status": result.status, "score": f"{result.score:g}/{result.possible:g}", "total": total,
                           "spawn": c.get("spawn", 0.0), "ready": c.get("ready", 0.0), "cells": sum(c.get("cell_s", [])),
                           "code_cells": len(c.get("cell_s", [])), "slowest_cells": sorted(c.get("cell_s", []))[-3:],
                           "kernel_cpu": c.get("kernel_cpu", 0.0),
                           "grader_cpu": time.process_time() - cpu0}
                    row["grader"] = total - row["spawn"] - row["ready"] - row["cells"]
                    if n:
                        rows.append(row)
                med = {k: round(statistics.median(r[k] for r in rows), 3)
                       for k in ("total", "spawn", "ready", "cells", "grader", "kernel_cpu", "grader_cpu")}
                med |= {"runs": len(rows), "code_cells": rows[0]["code_cells"], "status": sorted({r["status"] for r in rows}),
                        "score": sorted({r["score"] for r in rows}), "slowest_cells_s": rows[0]["slowest_cells"]}
                report["principles"][principle] = med
                print(principle, json.dumps(med), flush=True)
    finally:
        shutil.rmtree(where, ignore_errors=True)
    report["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", default=[], metavar="ID")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args(argv)
    report = profile(args.only, args.runs)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "grading-profile.json").write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
