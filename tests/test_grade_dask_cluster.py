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
