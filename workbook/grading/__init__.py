"""Grading: release the candidate edition, grade submissions in a sandbox, keep a gradebook.

One module per stage of the pipeline, each importable on its own:

=========================  ====================================================
``release``                the candidate edition of the notebooks and rubrics
``layout``                 where submissions live (``{candidate}/{notebook}.ipynb``)
``reader``                 read and validate a submission (``invalid`` with a reason)
``restore``                restore locked cells from the released template, match by id
``sandbox``                the kernel's sandbox: PID/mount/IPC/network namespaces, own uid, limits
``sandbox_fs``             the kernel's file system: a fresh root with only what it needs
``kernel_uids``            a fresh, never reused uid for every kernel
``execute``                papermill in a scratch copy with the candidate's parameters
``extract``                the recorded answers, only from their own exercise cells
``score``                  scoring in the grader's process, hidden checks included
``gradebook``              SQLite, one transaction per result, CSV and Excel export
``hidden``                 hidden checks required unless ``--public-only`` (marked)
``plan``                   one job per candidate and notebook; what kernels cannot see
``runner``                 a cohort on all cores or on a Dask cluster
=========================  ====================================================

Nothing heavy is imported here.
"""
