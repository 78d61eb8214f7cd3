"""The ``cto-workbook-warm`` kernelspec: a normal ipykernel spec that names the warm-fork provisioner.

It is installed into this virtual environment (``sys.prefix/share/jupyter/kernels``),
which is on Jupyter's data path for every process of this environment and
touches nothing outside it. The provisioner is found through the package's
entry point (``pip install -e .`` registers it).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["KERNEL_NAME", "kernel_spec", "install_kernelspec", "find_kernelspec", "ensure_kernelspec"]

#: The kernel name to give papermill, nbclient or the grading executor.
KERNEL_NAME = "cto-workbook-warm"


def kernel_spec(python: str | None = None) -> dict[str, Any]:
    """The kernel.json content.

    >>> spec = kernel_spec("/usr/bin/python3")
    >>> spec["metadata"]["kernel_provisioner"]["provisioner_name"]
    'cto-workbook-warm-fork'
    >>> spec["argv"][:3]
    ['/usr/bin/python3', '-m', 'ipykernel_launcher']
    """
    from workbook.grading.warm.provisioner import PROVISIONER_NAME

    return {
        "argv": [python or sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (CTO Workbook, warm fork)",
        "language": "python",
        "interrupt_mode": "signal",
        # As ipykernel's own spec: a kernel manager with transport_encryption="auto" (workbook.kernels)
        # then provisions CurveZMQ keys, and the forked ipykernel never warns about plain TCP.
        "metadata": {"debugger": False, "supported_encryption": ["curve"],
                     "kernel_provisioner": {"provisioner_name": PROVISIONER_NAME, "config": {}}},
    }


def find_kernelspec() -> Path | None:
    """The folder of the installed ``cto-workbook-warm`` spec, or ``None``."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        return Path(KernelSpecManager().get_kernel_spec(KERNEL_NAME).resource_dir)
    except NoSuchKernel:
        return None


def install_kernelspec(prefix: str | None = None) -> Path:
    """Write the spec into ``prefix`` (default: this environment, ``sys.prefix``); return its folder."""
    from jupyter_client.kernelspec import KernelSpecManager

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "kernel.json").write_text(json.dumps(kernel_spec(), indent=1))
        where = KernelSpecManager().install_kernel_spec(tmp, KERNEL_NAME, prefix=prefix or sys.prefix, replace=True)
    return Path(where)


def ensure_kernelspec() -> str:
    """Install the spec if it is missing or points to another interpreter; return :data:`KERNEL_NAME`.

    Raises
    ------
    workbook.grading.warm.client.ZygoteError
        If the provisioner's entry point is not registered (run ``pip install -e .``).
    """
    from importlib.metadata import entry_points

    from workbook.grading.warm.client import ZygoteError
    from workbook.grading.warm.provisioner import PROVISIONER_NAME

    if not entry_points(group="jupyter_client.kernel_provisioners", name=PROVISIONER_NAME):
        raise ZygoteError(f"the kernel provisioner {PROVISIONER_NAME!r} is not registered: reinstall the workbook (pip install -e .)")
    found = find_kernelspec()
    if found is None or json.loads((found / "kernel.json").read_text()) != kernel_spec():
        install_kernelspec()
    return KERNEL_NAME
