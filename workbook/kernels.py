"""How the workbook starts a kernel outside the grader: papermill runs, the demo, portfolios.

ipykernel 7.4 logs "Kernel is running over TCP without encryption" on every start
over TCP unless the kernel manager provisions CurveZMQ keys. jupyter_client's
``KernelManager.transport_encryption = "auto"`` does so whenever the kernelspec
declares ``supported_encryption: ["curve"]`` (ipykernel's own kernelspec does),
so the kernel is both encrypted and quiet. The grader uses IPC sockets in its
sandbox instead (:mod:`workbook.grading.execute`), where the warning never arises.

JupyterLab under ``make lab`` gets the same setting from the repository's
``jupyter/config/jupyter_server_config.json``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["kernel_config", "papermill_options", "run_notebook"]


def kernel_config() -> Any:
    """A traitlets ``Config`` for kernel managers: CurveZMQ transport encryption when available.

    Examples
    --------
    >>> kernel_config().KernelManager.transport_encryption in ("auto", "disabled")
    True
    """
    import zmq
    from traitlets.config import Config

    # "auto" needs a libzmq with CurveZMQ (pyzmq's wheels have it); without it the
    # kernel manager would refuse the setting, so keep jupyter_client's default.
    policy = "auto" if zmq.has("curve") else "disabled"
    return Config({"KernelManager": {"transport_encryption": policy}})


def papermill_options() -> dict[str, Any]:
    """Keyword arguments for :func:`papermill.execute_notebook` that every workbook run uses.

    >>> sorted(papermill_options())
    ['config', 'kernel_name', 'progress_bar']
    """
    return {"config": kernel_config(), "kernel_name": "python3", "progress_bar": False}


def run_notebook(source: Any, target: Any, parameters: dict[str, Any] | None = None, **options: Any) -> Any:
    """Execute ``source`` into ``target`` with papermill and :func:`papermill_options`; return the notebook.

    ``options`` are passed to :func:`papermill.execute_notebook` and win over the defaults.
    """
    import papermill as pm

    return pm.execute_notebook(str(source), str(target), parameters=parameters or {}, **{**papermill_options(), **options})
