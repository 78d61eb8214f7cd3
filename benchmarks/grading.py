"""Grading throughput: warm forked kernels against a papermill loop, the papermill CLI and nbgrader.

Usage::

    .venv/bin/python benchmarks/grading.py            # 24 runs of L6 (a few minutes on 2 cores)
    .venv/bin/python benchmarks/grading.py --quick    # 8 runs
    .venv/bin/python benchmarks/grading.py --cohort   # 25 candidates x every principle, `workbook grade` end to end

Every mode executes the same real notebook, ``notebooks/leadership/L6-fiscal-management.ipynb``,
for the same list of (district, seed) parameters. Each mode first runs one
untimed notebook (per worker) so that imports in the measuring process are
not counted; the zygote's own start is reported separately. Results go to
``benchmarks/results/grading.json`` and ``grading.md``.

Modes
-----
a  ``papermill.execute_notebook`` in a loop in this warm process, plain ``python3`` kernel (the baseline);
   a2: the same with ``request_save_on_cell_execute=False`` (the notebook is written once, at the end)
b  the ``papermill`` command line in a loop (a new process per notebook)
c  warm forked kernels (``cto-workbook-warm``), 1, 2 and 4 workers in a process pool;
   c2: the same (2 and 4 workers) with ``request_save_on_cell_execute=False``
p  for comparison: plain kernels with 2 workers (parallelism alone)
g  the grading core's runner (restore, sandbox, execute, score) with 2 workers, plain vs warm
d  nbgrader's ``autograde`` on the same notebook, if ``--nbgrader-venv`` points to a venv with nbgrader
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "leadership" / "L6-fiscal-management.ipynb"
RESULTS = ROOT / "benchmarks" / "results"
DISTRICTS = ("sample-rural", "sample-suburban", "sample-urban")
WARM = "cto-workbook-warm"


def parameter_sets(runs: int) -> list[dict[str, Any]]:
    return [{"district": DISTRICTS[i % 3], "seed": 1000 + i, "candidate": f"c{i:02d}"} for i in range(runs)]


# --------------------------------------------------------------------------- one notebook


def run_one(job: tuple[Any, ...]) -> dict[str, Any]:
    """Execute L6 once with papermill; return seconds and how many cells raised.

    ``job`` is ``(params, kernel_name, out_dir[, save_each_cell])``; papermill's default
    saves the whole notebook at every cell's start and end (about 1 s of the grader's
    CPU for L6); ``save_each_cell=False`` writes it once at the end.
    """
    import logging

    import papermill as pm

    logging.getLogger("papermill").setLevel(logging.ERROR)
    params, kernel, out_dir = job[:3]
    save_each_cell = job[3] if len(job) > 3 else True
    target = Path(out_dir) / f"{params['candidate']}-{params['seed']}-{time.monotonic_ns()}.ipynb"
    start = time.perf_counter()
    nb = pm.execute_notebook(str(NOTEBOOK), str(target), parameters=params, kernel_name=kernel,
                             progress_bar=False, cwd=str(NOTEBOOK.parent),
                             request_save_on_cell_execute=save_each_cell)
    seconds = time.perf_counter() - start
    errors = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error")
    return {"seconds": seconds, "errors": errors}


def _mode(name: str, label: str, wall: float, per: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    n = len(per)
    return {
        "mode": name, "label": label, "notebooks": n, "wall_s": round(wall, 3),
        "notebooks_per_s": round(n / wall, 3), "s_per_notebook_median": round(statistics.median(p["seconds"] for p in per), 3),
        "errors": sum(p["errors"] for p in per), **extra,
    }


def mode_loop(params: list[dict[str, Any]], out: str, save_each_cell: bool = True) -> dict[str, Any]:
    run_one((params[0] | {"candidate": "warmup"}, "python3", out, save_each_cell))
    start = time.perf_counter()
    per = [run_one((p, "python3", out, save_each_cell)) for p in params]
    name, label = ("a", "papermill.execute_notebook loop, one warm process, python3 kernel") if save_each_cell else \
        ("a2", "same loop, request_save_on_cell_execute=False")
    return _mode(name, label, time.perf_counter() - start, per, workers=1, save_each_cell=save_each_cell)


def mode_cli(params: list[dict[str, Any]], out: str) -> dict[str, Any]:
    exe = str(Path(sys.executable).with_name("papermill"))
    per = []
    start = time.perf_counter()
    for p in params:
        t = time.perf_counter()
        cmd = [exe, str(NOTEBOOK), str(Path(out) / f"cli-{p['candidate']}.ipynb"), "-k", "python3", "--cwd", str(NOTEBOOK.parent), "--no-progress-bar"]
        for key, value in p.items():
            cmd += ["-p", key, str(value)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        per.append({"seconds": time.perf_counter() - t, "errors": int(done.returncode != 0)})
    return _mode("b", "papermill CLI loop (a new process per notebook)", time.perf_counter() - start, per, workers=1)


def _warm_pool(executor: ProcessPoolExecutor, workers: int, kernel: str, out: str, sample: dict[str, Any]) -> None:
    futures = [executor.submit(run_one, (sample | {"candidate": f"warmup{i}"}, kernel, out, False)) for i in range(workers)]
    for f in futures:
        f.result()


def mode_pool(name: str, label: str, params: list[dict[str, Any]], out: str, kernel: str, workers: int,
              save_each_cell: bool = True) -> dict[str, Any]:
    import multiprocessing

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as ex:
        _warm_pool(ex, workers, kernel, out, params[0])
        start = time.perf_counter()
        per = list(ex.map(run_one, [(p, kernel, out, save_each_cell) for p in params]))
        wall = time.perf_counter() - start
    return _mode(name, label, wall, per, workers=workers, save_each_cell=save_each_cell)


def mode_runner(params: list[dict[str, Any]], out: str, kernel: str, workers: int) -> dict[str, Any]:
    """The grading core's runner on a cohort of instructor-edition submissions (full marks expected)."""
    from workbook.grading.runner import grade_cohort, plan_jobs

    subs = Path(out) / f"cohort-{kernel}-{workers}"
    for p in params:
        (subs / p["candidate"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(NOTEBOOK, subs / p["candidate"] / NOTEBOOK.name)
    jobs, _ = plan_jobs(subs, only=["L6"], kernel_name=kernel)
    start = time.perf_counter()
    summary = grade_cohort(jobs, Path(out) / f"gradebook-{kernel}-{workers}.sqlite", workers=workers, progress=False)
    wall = time.perf_counter() - start
    per = [{"seconds": r.seconds, "errors": int(r.status != "graded")} for r in summary.results]
    scores = sorted({(r.score, r.possible) for r in summary.results})
    return _mode("g", f"grading runner (sandboxed, scored), {kernel} kernel", wall, per, workers=workers,
                 kernel=kernel, scores=[f"{s:g}/{p:g}" for s, p in scores], includes_pool_start=True)


# --------------------------------------------------------------------------- nbgrader


def mode_nbgrader(params: list[dict[str, Any]], out: str, venv: Path) -> dict[str, Any]:
    """``nbgrader autograde`` of one submission per candidate; the kernel is this venv's Python."""
    import nbformat

    course = Path(out) / "nbgrader-course"
    (course / "source" / "ps1").mkdir(parents=True)
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    nb.metadata["kernelspec"] = {"name": "workbook-venv", "display_name": "workbook venv", "language": "python"}
    nbformat.write(nb, str(course / "source" / "ps1" / "L6.ipynb"))
    kernels = course / "share" / "jupyter" / "kernels" / "workbook-venv"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "workbook venv", "language": "python"}))
    students = [p["candidate"] for p in params]
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        "c.CourseDirectory.course_id = 'bench'\n"
        f"c.CourseDirectory.db_assignments = [dict(name='ps1')]\n"
        f"c.CourseDirectory.db_students = {[dict(id=s) for s in students]!r}\n"
        "c.ExecutePreprocessor.timeout = 300\n"
    )
    env = dict(os.environ, JUPYTER_PATH=str(course / "share" / "jupyter"))
    nbg = str(venv / "bin" / "nbgrader")

    def call(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([nbg, *args], cwd=course, env=env, capture_output=True, text=True)

    step = call("db", "assignment", "add", "ps1")
    step = call("generate_assignment", "ps1", "--force")
    if step.returncode:
        return {"mode": "d", "label": "nbgrader autograde", "error": step.stderr[-1500:]}
    for s in students:
        (course / "submitted" / s / "ps1").mkdir(parents=True)
        shutil.copy(course / "release" / "ps1" / "L6.ipynb", course / "submitted" / s / "ps1" / "L6.ipynb")
        (course / "submitted" / s / "ps1" / "timestamp.txt").write_text("2026-01-01 00:00:00.000000 UTC")
    start = time.perf_counter()
    step = call("autograde", "ps1", "--force")
    wall = time.perf_counter() - start
    graded = len(list((course / "autograded").glob("*/ps1/L6.ipynb")))
    version = subprocess.run([str(venv / "bin" / "python"), "-c", "import nbgrader; print(nbgrader.__version__)"],
                             capture_output=True, text=True).stdout.strip()
    result = {"mode": "d", "label": f"nbgrader {version} autograde (sequential, one command)", "notebooks": graded, "wall_s": round(wall, 3),
              "notebooks_per_s": round(graded / wall, 3) if graded else 0.0, "workers": 1,
              "note": "same notebook; the district/seed parameters cannot be passed, so every run uses the defaults"}
    if step.returncode or graded != len(students):
        result["error"] = step.stderr[-1500:]
    return result


# --------------------------------------------------------------------------- start-up and rfc3987-syntax


def _time_cmd(cmd: list[str], env: dict[str, str] | None = None, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return round(statistics.median(times), 3)


def startup(repeat: int) -> dict[str, Any]:
    """``import papermill`` / ``import nbconvert`` with and without rfc3987-syntax, and who pulls it in."""
    import importlib.util

    installed = importlib.util.find_spec("rfc3987_syntax") is not None
    result: dict[str, Any] = {"rfc3987_syntax_installed_in_venv": installed, "pulled_in_by": reverse_chain("rfc3987-syntax")}
    extra = Path(tempfile.mkdtemp(prefix="rfc3987-"))
    try:
        pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(extra), "rfc3987-syntax"],
                             capture_output=True, text=True)
        with_env = dict(os.environ, PYTHONPATH=str(extra))
        without_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        for module in ("papermill", "nbconvert"):
            cmd = [sys.executable, "-c", f"import {module}"]
            result[f"import_{module}_s"] = {"without_rfc3987_syntax": _time_cmd(cmd, without_env, repeat)}
            if pip.returncode == 0 and not installed:
                result[f"import_{module}_s"]["with_rfc3987_syntax"] = _time_cmd(cmd, with_env, repeat)
        if pip.returncode != 0:
            result["with_error"] = pip.stderr[-500:]
    finally:
        shutil.rmtree(extra, ignore_errors=True)
    result["python_startup_s"] = _time_cmd([sys.executable, "-c", "pass"], repeat=repeat)
    return result


def reverse_chain(target: str) -> list[str]:
    """Why ``target`` is installed: requirement edges from it up to packages installed without an extra.

    An edge that only holds for an extra (``jsonschema: rfc3987-syntax; extra == 'format-nongpl'``)
    is followed only to packages that ask for that extra (``jupyter-events: jsonschema[format-nongpl]``).
    """
    import re
    from importlib.metadata import distributions

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    edges = []
    for dist in distributions():
        for raw in dist.requires or []:
            req = Requirement(raw)
            found = re.search(r"extra == [\"']([^\"']+)[\"']", str(req.marker or ""))
            edges.append((dist.metadata["Name"], req, found.group(1) if found else None))
    lines: list[str] = []
    frontier: list[tuple[str, str | None]] = [(canonicalize_name(target), None)]
    seen: set[tuple[str, str | None]] = set()
    while frontier and len(lines) < 12:
        name, extra = frontier.pop(0)
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        for dependent, req, needs_extra in edges:
            if canonicalize_name(req.name) != name or (extra and extra not in req.extras):
                continue
            if needs_extra and not any(canonicalize_name(r.name) == canonicalize_name(dependent) and needs_extra in r.extras
                                       for _, r, _ in edges):
                continue  # only for an extra nobody installed here (test, docs)
            wanted = f"{req.name}[{','.join(sorted(req.extras))}]" if req.extras else req.name
            lines.append(f"{dependent} requires {wanted}" + (f" (for its extra {needs_extra})" if needs_extra else ""))
            frontier.append((canonicalize_name(dependent), needs_extra))
    return lines


# --------------------------------------------------------------------------- report


def markdown(report: dict[str, Any]) -> str:
    base = next(m for m in report["modes"] if m["mode"] == "a")["notebooks_per_s"]
    rows = ["| mode | workers | notebooks | wall s | notebooks/s | median s per notebook | vs (a) |", "|---|---|---|---|---|---|---|"]
    for m in report["modes"]:
        if "error" in m and not m.get("notebooks"):
            rows.append(f"| {m['mode']}: {m['label']} | - | - | - | - | - | failed |")
            continue
        ratio = m["notebooks_per_s"] / base if base else 0
        rows.append(f"| {m['mode']}: {m['label']} | {m.get('workers', 1)} | {m['notebooks']} | {m['wall_s']:.1f} | "
                    f"{m['notebooks_per_s']:.2f} | {m.get('s_per_notebook_median', '-')} | {ratio:.2f}x |")
    s = report["startup"]
    lines = [f"Grading throughput on {report['machine']['cpus']} cores ({report['machine']['python']}, load average "
             f"{report['machine']['load_average_at_start'][0]} at start), `{NOTEBOOK.relative_to(ROOT)}` for {report['runs']} "
             f"(district, seed) pairs, {report['date']}.", "", *rows, "",
             f"Warm parent start (imports, once per run): {report['zygote_start_s']} s.", "",
             "(a) is the baseline of issue 4. Warm forked kernels: one fresh kernel process per notebook, forked from a parent "
             "that already imported ipykernel, pandas, matplotlib and the workbook's calculators. "
             "`request_save_on_cell_execute=False`: papermill writes the notebook once at the end instead of at every cell's "
             "start and end (about 1 s of the grader's CPU per L6 run). (g) runs the whole grading pipeline (restore, sandbox, "
             "execute, score) and includes starting its worker processes. (d) runs nbgrader in a throwaway venv with this venv's "
             "Python as the kernel, on the default parameters. The machine was shared with other work, so expect about 15% noise.", ""]
    for module in ("papermill", "nbconvert"):
        t = s.get(f"import_{module}_s", {})
        if t:
            lines.append(f"- `python -c \"import {module}\"`: {t.get('without_rfc3987_syntax')} s without `rfc3987-syntax`"
                         + (f", {t['with_rfc3987_syntax']} s with it" if "with_rfc3987_syntax" in t else ""))
    if s.get("pulled_in_by"):
        lines.append("- `rfc3987-syntax` comes in through: " + "; ".join(s["pulled_in_by"][:6])
                     + ". Nothing here validates RFC 3987 IRIs; the Makefile uninstalls it and `pip check` stays clean.")
    if report.get("nbgrader_note"):
        lines.append(f"- nbgrader: {report['nbgrader_note']}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="8 runs instead of 24, 4 CLI runs, 3 start-up repeats")
    parser.add_argument("--runs", type=int)
    parser.add_argument("--modes", default="abcpgd")
    parser.add_argument("--nbgrader-venv", type=Path, help="a throwaway venv with nbgrader installed")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--cohort", action="store_true", help="cohort scale: `workbook grade` end to end vs the loop (grading_cohort.py)")
    parser.add_argument("--candidates", type=int, default=25, help="with --cohort: synthetic candidates (default 25)")
    parser.add_argument("--no-dask", dest="dask", action="store_false", help="with --cohort: leave out the Dask run")
    args = parser.parse_args(argv)
    if args.cohort:
        import grading_cohort

        report = grading_cohort.run(args.candidates, args.out, dask=args.dask)
        print(grading_cohort.markdown(report))
        return
    runs = args.runs or (8 if args.quick else 24)
    params = parameter_sets(runs)
    cli_params = params[: 4 if args.quick else 8]
    scratch = tempfile.mkdtemp(prefix="bench-grading-")
    from workbook.grading.warm import WarmKernelPool

    report: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"), "runs": runs, "notebook": str(NOTEBOOK.relative_to(ROOT)),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "load_average_at_start": [round(x, 2) for x in os.getloadavg()]},
        "modes": [],
    }
    try:
        if "a" in args.modes:
            for save in (True, False):
                report["modes"].append(mode_loop(params, scratch, save))
                print(report["modes"][-1], flush=True)
        if "b" in args.modes:
            report["modes"].append(mode_cli(cli_params, scratch))
            print(report["modes"][-1], flush=True)
        if "p" in args.modes:
            report["modes"].append(mode_pool("p", "plain python3 kernels, process pool", params, scratch, "python3", 2))
            print(report["modes"][-1], flush=True)
        t = time.perf_counter()
        with WarmKernelPool(Path(scratch) / "zygote", idle_timeout=300) as pool:
            report["zygote_start_s"] = round(time.perf_counter() - t, 2)
            if "c" in args.modes:
                for workers in (1, 2, 4):
                    report["modes"].append(mode_pool("c", "warm forked kernels, process pool", params, scratch, pool.kernel_name, workers))
                    print(report["modes"][-1], flush=True)
                for workers in (2, 4):
                    report["modes"].append(mode_pool("c2", "warm forked kernels, process pool, request_save_on_cell_execute=False",
                                                     params, scratch, pool.kernel_name, workers, save_each_cell=False))
                    print(report["modes"][-1], flush=True)
            if "g" in args.modes:
                for kernel, workers in (("python3", 2), (pool.kernel_name, 2), (pool.kernel_name, 4)):
                    report["modes"].append(mode_runner(params, scratch, kernel, workers))
                    print(report["modes"][-1], flush=True)
        if "d" in args.modes:
            if args.nbgrader_venv and (args.nbgrader_venv / "bin" / "nbgrader").exists():
                report["modes"].append(mode_nbgrader(params, scratch, args.nbgrader_venv))
                print(report["modes"][-1], flush=True)
            else:
                report["nbgrader_note"] = "not measured: pass --nbgrader-venv with a venv where `pip install nbgrader` succeeded"
        report["startup"] = startup(3 if args.quick else 5)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    base = next((m for m in report["modes"] if m["mode"] == "a"), None)
    if base:
        for m in report["modes"]:
            if m.get("notebooks_per_s"):
                m["ratio_vs_a"] = round(m["notebooks_per_s"] / base["notebooks_per_s"], 2)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "grading.json").write_text(json.dumps(report, indent=1) + "\n")
    if base:
        (args.out / "grading.md").write_text(markdown(report))
        print(markdown(report))


if __name__ == "__main__":
    main()
