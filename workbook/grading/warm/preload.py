"""What the warm parent imports and warms before it forks kernels: never a rubric.

Imported by :mod:`workbook.grading.warm.zygote` after the BLAS/OpenMP thread
pools are pinned to one thread.
"""

from __future__ import annotations

import gc
import importlib
import os
import pkgutil
import sys
from collections.abc import Callable

__all__ = ["WARM_PACKAGES", "warm_up"]

#: Workbook packages whose every module the parent imports (calculators, principles' givens, charts
#: and widgets, notebook helpers; never a rubric).
WARM_PACKAGES = ("workbook.tools", "workbook.principles", "workbook.notebook")
_WARM_MODULES = (
    "numpy", "pandas", "matplotlib", "matplotlib.pyplot", "matplotlib.backends.backend_agg",
    "numpy_financial", "pydantic", "ipywidgets", "IPython", "IPython.display", "ipykernel.kernelapp",
    "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.comm", "comm", "jupyter_client.session",
    "sqlite3", "pdb", "debugpy", "workbook.districts", "workbook.district_files", "workbook.grading.sandbox", "workbook.grading.sandbox_fs",
    # What IPKernelApp.initialize would otherwise import in every kernel (measured with
    # benchmarks/grading_profile.py): the debugger alone (debugpy's pydevd) took 0.3 s a kernel.
    "ipykernel.debugger", "IPython.core.completerlib", "IPython.core.debugger", "IPython.core.oinspect",
    "IPython.extensions.storemagic", "IPython.utils.wildcard", "faulthandler", "tornado.platform.asyncio",
    "jinja2", "workbook.templating",
    # Imported lazily by calculators and pandas on first use (found by running every notebook in a
    # fork of the parent): scipy.optimize alone cost E3's kernels 0.39 s each. Never matplotlib_inline: it
    # hooks the running shell when imported, and the parent has none (inline figures would be lost).
    "scipy.optimize", "krippendorff", "matplotlib.dates", "pandas.core.methods.to_dict",
    "pandas.core.reshape.reshape",
)


def warm_up(log: Callable[[str], None] = print) -> list[str]:
    """Import and warm what kernels use; return the workbook modules imported.

    Never imports anything that reads ``exercises/``.
    """
    for name in _WARM_MODULES:
        try:
            importlib.import_module(name)
        except ImportError as exc:  # an optional piece (debugpy) may be missing
            log(f"not preloaded: {name} ({exc})")
    loaded: list[str] = []
    for package_name in WARM_PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            importlib.import_module(info.name)
            loaded.append(info.name)
    import io

    import pandas as pd
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from workbook.notebook.display import table_html
    from workbook.notebook.recording import answer_bundle

    from workbook.districts import load_district, sample_ids

    from workbook.tools.reference import reference_tables, shared_table

    for sample in sample_ids():  # public sample data, parsed once here rather than in every kernel (45 ms)
        load_district(sample)
    for name in reference_tables():  # the calculators' public reference tables (CSV), read once
        shared_table(name)
    frame = pd.DataFrame({"year": ["2026-27", "2027-28"], "cost": [1.5, 2.25]})
    frame.to_html()
    repr(frame)
    table_html(frame, "warm-up", money="all")  # Jinja and the fragments template, compiled once here
    answer_bundle("warm-up", ...)
    fig = Figure(figsize=(2, 2))
    FigureCanvasAgg(fig)
    fig.add_subplot().plot([0, 1], [1, 0])
    fig.savefig(io.BytesIO(), format="png")
    _check_no_secrets()
    gc.collect()
    gc.freeze()
    return loaded


def _check_no_secrets() -> None:
    from workbook.paths import exercises_dir

    secret = str(exercises_dir().resolve())
    for name, module in list(sys.modules.items()):
        where = getattr(module, "__file__", None) or ""
        if where and os.path.realpath(where).startswith(secret + os.sep):
            raise RuntimeError(f"the warm parent imported {name} from {secret}; it must hold no rubric")
    selfcheck = sys.modules.get("workbook.notebook.selfcheck")
    if selfcheck is not None and selfcheck._public_rubric.cache_info().currsize:
        raise RuntimeError("the warm parent loaded a rubric")
