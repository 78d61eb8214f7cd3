"""Imported by the grading pool's fork server (:func:`workbook.grading.runner._executor`): what every worker needs.

Importing this module imports the grader (papermill, nbclient, jupyter_client,
the warm-kernel provisioner), pandas and numpy, and every calculator and
principle module the rubrics' checks call, so that each worker forked from the
server starts with them instead of importing them again. The grader is
trusted: rubrics and hidden checks are loaded in the workers, never in a
kernel (kernels are forked from the warm parent, not from here).
"""

from __future__ import annotations

import importlib
import pkgutil

__all__ = ["PACKAGES", "MODULES"]

#: Packages whose every module is imported.
PACKAGES = ("workbook.tools", "workbook.principles")
#: Single modules.
MODULES = (
    "numpy", "pandas", "papermill", "nbclient", "jupyter_client.manager", "workbook.rubric", "workbook.districts",
    "workbook.grading.runner", "workbook.grading.extract", "workbook.grading.restore", "workbook.grading.release",
    "workbook.grading.warm.provisioner",
)


def _preload() -> None:
    for name in MODULES:
        importlib.import_module(name)
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            importlib.import_module(info.name)


_preload()
