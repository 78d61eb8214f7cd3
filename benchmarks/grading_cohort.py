"""Grading at cohort scale: `workbook grade` end to end against a sequential papermill loop.

Usage::

    .venv/bin/python benchmarks/grading.py --cohort              # 25 candidates x every available principle
    .venv/bin/python benchmarks/grading.py --cohort --candidates 4

Each synthetic candidate hands in the instructor edition of every available
principle notebook (so every answer is right and every submission runs to
the end), with its own district (cycling the three samples) and the seed the
cohort's secret gives it. The same submissions with the same parameters are
run twice, side by side in one run:

l  ``papermill.execute_notebook`` in a loop, one plain ``python3`` kernel each (the baseline);
w  ``workbook grade SUBMISSIONS --cohort-dir ...`` as a command: roster, sandbox, warm kernels,
   execute, score, gradebook; then ``--regrade`` of one candidate;
d  the same command with ``--dask-scheduler`` against a local Dask scheduler with two worker
   processes, each keeping its own warm parent (``--no-dask`` leaves it out).

It reports notebooks per second, the ratio, the CPU seconds per notebook of
each (every process of the tree, kernels included), the peak memory (RSS) of
the grader and all its processes (workers, warm parent, kernels), sampled every
0.2 s, the time to regrade one candidate, and the load average before and after
(the machine is shared: compare ratios, not absolute rates). Results go to
``benchmarks/results/grading-cohort.json`` and ``.md``.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DISTRICTS = ("sample-rural", "sample-suburban", "sample-urban")


def _tree_rss(root: int) -> int:
    """The summed resident memory (bytes) of ``root`` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def _cpu_children() -> float:
    import resource

    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _cpu_self_and_children() -> float:
    import resource

    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime + _cpu_children()


CPUACCT = Path("/sys/fs/cgroup/cpuacct")


def _cpu_group() -> Path | None:
    """A fresh cgroup-v1 ``cpuacct`` group to count every process of a run in, or ``None`` where there is none.

    ``getrusage(RUSAGE_CHILDREN)`` counts only processes their parents waited
    for: the warm parent's kernels live in PID namespaces of their own and
    were missed (the grader's CPU per notebook looked about a third lower).
    """
    if not os.access(CPUACCT, os.W_OK):
        return None
    group = CPUACCT / f"cto-workbook-bench-{os.getpid()}-{time.monotonic_ns()}"
    try:
        group.mkdir()
    except OSError:
        return None
    return group


def _timed(cmd: list[str]) -> tuple[float, int, int, float]:
    """Run ``cmd``; return its wall time, its exit code, the peak RSS of its process tree and its CPU seconds.

    The CPU seconds are those of every process the command started (counted
    in a ``cpuacct`` cgroup when this machine lets the benchmark make one;
    otherwise of every process of the tree that was waited for).
    """
    peak = 0
    cpu = _cpu_children()
    group = _cpu_group()
    start = time.perf_counter()

    def join() -> None:  # in the child, before exec: it and everything it starts is counted
        if group is not None:
            (group / "cgroup.procs").write_text(str(os.getpid()))

    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=join)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    if proc.returncode:
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    if group is None:
        return wall, proc.returncode, peak, _cpu_children() - cpu
    used = int((group / "cpuacct.usage").read_text()) / 1e9
    try:
        group.rmdir()
    except OSError:  # a straggler still in it: leave the empty group behind
        pass
    return wall, proc.returncode, peak, used


def make_cohort(where: Path, candidates: int) -> tuple[list[Any], list[tuple[str, Path, dict[str, Any]]]]:
    """Write the roster, the cohort folder and the submissions; return the principles and the runs."""
    from workbook.curriculum import principles
    from workbook.paths import exercises_dir
    from workbook.roster import candidate_parameters, read_roster

    available = [p for p in principles() if p.status == "available" and p.notebook_path.is_file()
                 and (exercises_dir() / f"{p.id}.py").is_file()]
    lines = ["candidate,name,email,district,seed,group"]
    lines += [f"c{i:02d},Candidate {i},c{i:02d}@example.org,{DISTRICTS[i % 3]},," for i in range(candidates)]
    (where / "roster.csv").write_text("\n".join(lines) + "\n")
    subprocess.run([str(Path(sys.executable).with_name("workbook")), "cohort", "init", "--roster", str(where / "roster.csv"),
                    "--cohort-dir", str(where / "cohort")], check=True, capture_output=True)
    secret = (where / "cohort" / "secret").read_text().strip()
    runs = []
    for entry in read_roster(where / "roster.csv"):
        params = candidate_parameters(entry, secret)
        for p in available:
            target = where / "submissions" / entry.candidate / p.notebook_path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p.notebook_path, target)
            runs.append((p.id, target, params))
    return available, runs


def loop(runs: list[tuple[str, Path, dict[str, Any]]], out: Path) -> tuple[float, float]:
    """The baseline: return its wall time and CPU seconds (this process and its kernels)."""
    import papermill as pm

    logging.getLogger("papermill").setLevel(logging.ERROR)
    _, first, params = runs[0]
    pm.execute_notebook(str(first), str(out / "warmup.ipynb"), parameters=params, kernel_name="python3", progress_bar=False)
    cpu = _cpu_self_and_children()
    start = time.perf_counter()
    for i, (_, path, params) in enumerate(runs):
        pm.execute_notebook(str(path), str(out / f"{i}.ipynb"), parameters=params, kernel_name="python3",
                            progress_bar=False, request_save_on_cell_execute=False)
    return time.perf_counter() - start, _cpu_self_and_children() - cpu


def statuses(gradebook: Path) -> dict[str, int]:
    """How many results of each status the gradebook holds (every submission should be ``graded``)."""
    import sqlite3

    with sqlite3.connect(str(gradebook)) as db:
        return dict(db.execute("SELECT status, COUNT(*) FROM results GROUP BY status").fetchall())


def dask_grade(grade: list[str], gradebook: Path) -> tuple[float, int]:
    """``workbook grade --dask-scheduler`` against a local scheduler with two worker processes (two threads each).

    Each worker starts its own warm parent; the wall time includes those starts.
    """
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=2, processes=True, dashboard_address=None) as cluster:
        cmd = [*grade[: grade.index("--gradebook")], "--gradebook", str(gradebook), "--no-progress",
               "--dask-scheduler", cluster.scheduler_address]
        wall, code, _, _ = _timed(cmd)
    return wall, code


def run(candidates: int, out_dir: Path, dask: bool = True) -> dict[str, Any]:
    where = Path(tempfile.mkdtemp(prefix="bench-cohort-"))
    try:
        available, runs = make_cohort(where, candidates)
        n = len(runs)
        workbook = str(Path(sys.executable).with_name("workbook"))
        grade = [workbook, "grade", str(where / "submissions"), "--cohort-dir", str(where / "cohort"),
                 "--gradebook", str(where / "grades" / "gradebook.sqlite"), "--no-progress"]
        load_start = [round(x, 2) for x in os.getloadavg()]
        wall_grade, code, peak, cpu_grade = _timed(grade)
        wall_regrade, code2, _, _ = _timed([*grade, "--regrade", "c00"])
        wall_dask, code3 = dask_grade(grade, where / "grades-dask" / "gradebook.sqlite") if dask else (0.0, -1)
        (where / "loop").mkdir()
        wall_loop, cpu_loop = loop(runs, where / "loop")
        report = {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "candidates": candidates,
            "principles": [p.id for p in available], "submissions": n,
            "cpu_counted": "every process of the run (a cpuacct cgroup)" if os.access(CPUACCT, os.W_OK)
                           else "processes their parents waited for (getrusage)",
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                        "load_average_at_start": load_start, "load_average_at_end": [round(x, 2) for x in os.getloadavg()]},
            "loop": {"wall_s": round(wall_loop, 2), "notebooks_per_s": round(n / wall_loop, 3),
                     "cpu_s_per_notebook": round(cpu_loop / n, 3)},
            "workbook_grade": {"wall_s": round(wall_grade, 2), "notebooks_per_s": round(n / wall_grade, 3), "exit_code": code,
                               "peak_rss_mb": round(peak / 2**20), "cpu_s_per_notebook": round(cpu_grade / n, 3),
                               "includes": "start-up, roster, warm parent, workers",
                               "statuses": statuses(where / "grades" / "gradebook.sqlite")},
            "regrade_one_candidate_s": round(wall_regrade, 2), "regrade_exit_code": code2,
        }
        if dask:
            report["dask_two_workers"] = {"wall_s": round(wall_dask, 2), "notebooks_per_s": round(n / wall_dask, 3),
                                          "exit_code": code3, "ratio": round(wall_loop / wall_dask, 2),
                                          "vs_local_pool": round(wall_grade / wall_dask, 2),
                                          "statuses": statuses(where / "grades-dask" / "gradebook.sqlite"),
                                          "includes": "each worker's warm parent start; local scheduler, 2 worker processes x 2 threads"}
        report["ratio"] = round(report["workbook_grade"]["notebooks_per_s"] / report["loop"]["notebooks_per_s"], 2)
        # What the ratio would be on a machine of its own: the loop keeps about one core busy, the
        # grader every core, so the bound is the loop's CPU per notebook (one core) over the
        # grader's (spread over all cores).
        report["cpu_ratio"] = round(cpu_loop / max(cpu_grade, 1e-9), 2)
    finally:
        shutil.rmtree(where, ignore_errors=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "grading-cohort.json").write_text(json.dumps(report, indent=1) + "\n")
    (out_dir / "grading-cohort.md").write_text(markdown(report))
    return report


def markdown(r: dict[str, Any]) -> str:
    m = r["machine"]
    return "\n".join([
        f"Cohort grading on {m['cpus']} cores ({m['python']}, load average {m['load_average_at_start'][0]} at the start, "
        f"{m['load_average_at_end'][0]} at the end), {r['date']}: {r['candidates']} candidates x "
        f"{len(r['principles'])} principles ({', '.join(r['principles'])}) = {r['submissions']} submissions.", "",
        "| mode | wall s | notebooks/s | CPU s per notebook | vs the loop |", "|---|---|---|---|---|",
        f"| `papermill.execute_notebook` loop, plain kernel | {r['loop']['wall_s']} | {r['loop']['notebooks_per_s']} | "
        f"{r['loop']['cpu_s_per_notebook']} | 1.00x |",
        f"| `workbook grade` end to end (peak RSS {r['workbook_grade']['peak_rss_mb']} MB) | {r['workbook_grade']['wall_s']} | "
        f"{r['workbook_grade']['notebooks_per_s']} | {r['workbook_grade']['cpu_s_per_notebook']} | **{r['ratio']}x** |",
        *([f"| `workbook grade --dask-scheduler`, local scheduler, 2 worker processes | {r['dask_two_workers']['wall_s']} | "
           f"{r['dask_two_workers']['notebooks_per_s']} | - | {r['dask_two_workers']['ratio']}x |"] if "dask_two_workers" in r else []),
        "",
        f"Results: {r['workbook_grade']['statuses']}"
        + (f" (Dask: {r['dask_two_workers']['statuses']}; Dask's rate over the local pool's: "
           f"{r['dask_two_workers'].get('vs_local_pool', '-')}x)" if "dask_two_workers" in r else "") + ". "
        f"Regrading one candidate (`--regrade c00`, {len(r['principles'])} notebooks): {r['regrade_one_candidate_s']} s. "
        f"CPU seconds per notebook, loop over grader: {r['cpu_ratio']}x (the loop keeps one core busy, the grader all "
        f"{m['cpus']}; CPU counted for {r.get('cpu_counted', 'waited-for processes')}).", "",
    ])
