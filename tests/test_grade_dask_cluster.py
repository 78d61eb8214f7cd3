"""The same grading work on a local Dask cluster."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbook.grading.execute import Limits
from workbook.grading.gradebook import Gradebook
from workbook.grading.runner import grade_cohort, plan_jobs

distributed = pytest.importorskip("distributed")

HERE = Path(__file__).parent
GRADING = HERE / "notebooks" / "grading"
HOSTILE = HERE / "notebooks" / "hostile"


def test_grade_dask_local_cluster_matches_expected(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    for candidate, kind in {"ana": "correct", "ben": "blank", "cy": "os-exit"}.items():
        (subs / candidate).mkdir(parents=True)
        shutil.copyfile(HOSTILE / f"{kind}.ipynb", subs / candidate / "Z9-grading-fixture.ipynb")
    jobs, _ = plan_jobs(subs, notebooks=GRADING / "notebooks", exercises=GRADING / "exercises",
                        limits=Limits(cell_timeout=10, notebook_timeout=60))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        summary = grade_cohort(jobs, tmp_path / "gb.sqlite", dask_scheduler=cluster.scheduler_address, progress=False)
        assert client.run(lambda: 1)  # the workers are alive after the batch
    got = {r.candidate: (r.status, r.score) for r in summary.results}
    assert got == {"ana": ("graded", 4.0), "ben": ("graded", 0.0), "cy": ("crashed", 3.0)}
    with Gradebook(tmp_path / "gb.sqlite") as gb:
        assert len(gb.results()) == 3


def _warm_parent() -> tuple[int, int, int]:
    """On a worker: its own pid, its warm parent's pid and that parent's parent."""
    import os

    from workbook.grading.warm import zygote_status
    from workbook.grading.warm.protocol import DIR_ENV

    status = zygote_status(os.environ[DIR_ENV])
    assert status is not None and status["pinned"], status
    stat = Path(f"/proc/{status['pid']}/stat").read_text().rsplit(")", 1)[1].split()
    return os.getpid(), int(status["pid"]), int(stat[1])


def test_grade_dask_workers_keep_their_own_warm_parent(tmp_path: Path) -> None:
    """Warm kernels on a cluster: each worker process starts, owns and keeps one warm parent."""
    from workbook.grading.warm import KERNEL_NAME
    from workbook.grading.warm.kernelspec import ensure_kernelspec
    from workbook.grading.warm.protocol import DIR_ENV

    ensure_kernelspec()
    subs = tmp_path / "subs"
    kinds = {"ana": "correct", "ben": "blank", "cy": "os-exit", "dee": "correct"}
    for candidate, kind in kinds.items():
        (subs / candidate).mkdir(parents=True)
        shutil.copyfile(HOSTILE / f"{kind}.ipynb", subs / candidate / "Z9-grading-fixture.ipynb")
    jobs, _ = plan_jobs(subs, notebooks=GRADING / "notebooks", exercises=GRADING / "exercises", kernel_name=KERNEL_NAME,
                        limits=Limits(cell_timeout=10, notebook_timeout=60))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        first = grade_cohort(jobs, tmp_path / "gb.sqlite", dask_scheduler=cluster.scheduler_address, progress=False)
        parents = client.run(_warm_parent)
        again = grade_cohort(jobs, tmp_path / "gb.sqlite", dask_scheduler=cluster.scheduler_address, progress=False, resume=False)
        assert client.run(_warm_parent) == parents, "a second run keeps each worker's parent"
    assert DIR_ENV not in __import__("os").environ, "no warm parent is started on the client's machine"
    assert len(parents) == 2
    for worker_pid, parent_pid, parents_parent in parents.values():
        assert parents_parent == worker_pid, "each warm parent is the child of the worker that owns it"
    assert len({p for _, p, _ in parents.values()}) == 2
    for summary in (first, again):
        got = {r.candidate: (r.status, r.score) for r in summary.results}
        assert got == {"ana": ("graded", 4.0), "ben": ("graded", 0.0), "cy": ("crashed", 3.0), "dee": ("graded", 4.0)}
        assert not any("python3" in w for r in summary.results for w in r.warnings)
