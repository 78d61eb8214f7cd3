"""Run one submission with papermill in a scratch copy, inside the sandbox.

What the grader controls here (see :mod:`workbook.grading.sandbox` for the kernel side):

- **Scratch copy**: the restored notebook is written to a fresh folder; the
  submission itself is never opened for writing. The kernel's working folder,
  its home and its temporary folder are ``<scratch>/work``; the executed
  notebook is saved to ``<scratch>/out``, which only the grader can read or write.
- **Parameters**: papermill injects the candidate's parameters after the
  ``parameters`` cell.
- **Errors do not stop the run**: a cell that raises (an unfilled placeholder,
  a bug) is recorded and the next cell runs, so only the exercises that depend
  on it lose points.
- **Time limits**: a cell that runs longer than ``cell_timeout`` is interrupted
  and the run goes on; past ``notebook_timeout`` the kernel's process group is
  killed. Either makes the status ``timeout``.
- **Crashes**: a kernel that dies (``os._exit``, a segfault, the memory limit)
  makes the status ``crashed``; what ran before still counts.
- **Outputs**: at most ``output_mb`` of output is kept; the rest is dropped with a note.
- **Transport**: the kernel talks to the grader over unix sockets in
  ``<scratch>/ipc``, so it can live in a network namespace with no network at all.

The kernel name is a parameter (``kernel_name``, default ``python3``): any
kernelspec works. With the default local provisioner the sandbox launcher is
put in front of the kernel's command; a provisioner of another kind finds the
sandbox settings as JSON in its kernel manager's ``sandbox_json`` attribute
(``SandboxConfig.from_json``) and must call
:func:`workbook.grading.sandbox.enter_sandbox` in the kernel's process.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from workbook.errors import InputError
from workbook.grading.sandbox import SandboxConfig

__all__ = ["Limits", "Execution", "execute_notebook", "ENGINE_NAME"]

ENGINE_NAME = "workbook-grading"
_ANSWER_LIMIT = 2 * 2**20


@dataclass(frozen=True)
class Limits:
    """Time, memory and output limits for one submission.

    Examples
    --------
    >>> Limits(cell_timeout=5).cell_timeout
    5.0
    >>> Limits(memory_mb=0)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: memory_mb = 0 is not allowed: expected a number > 0
    """

    cell_timeout: float = 60.0
    notebook_timeout: float = 600.0
    memory_mb: float = 2048.0
    output_mb: float = 5.0
    startup_timeout: float = 60.0

    def __post_init__(self) -> None:
        from workbook.tools._validate import check_number

        for name in ("cell_timeout", "notebook_timeout", "memory_mb", "output_mb", "startup_timeout"):
            object.__setattr__(self, name, check_number(name, getattr(self, name), minimum=0, strict_minimum=True))


@dataclass
class Execution:
    """What came of running a notebook: ``completed``, ``timeout`` or ``crashed``."""

    status: Literal["completed", "timeout", "crashed"]
    notebook: Any
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    timed_out_cells: list[int] = field(default_factory=list)


def _engine() -> type:
    """Register (once) and return the papermill engine the grader uses."""
    global _ENGINE
    if _ENGINE is not None:
        return _ENGINE
    from jupyter_client.manager import AsyncKernelManager
    from nbclient.util import run_sync  # noqa: F401 - nbclient must be importable
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.utils import merge_kwargs, remove_args

    from workbook.notebook.answers import ANSWER_MIME

    class GradingClient(PapermillNotebookClient):
        """Keeps going after errors, records timeouts, caps outputs, pins answers to their cell."""

        def __init__(self, nb_man: Any, km: Any = None, output_limit: int = 5 * 2**20, **kw: Any) -> None:
            super().__init__(nb_man, km=km, **kw)
            self.output_limit = output_limit
            self.output_bytes = 0
            self.truncated_cells: set[int] = set()
            self.timed_out_cells: list[int] = []

        async def _async_handle_timeout(self, timeout: int, cell: Any = None) -> Any:
            index = next((i for i, c in enumerate(self.nb.cells) if c is cell), -1)
            self.timed_out_cells.append(index)
            return await super()._async_handle_timeout(timeout, cell)

        def output(self, outs: list[Any], msg: dict[str, Any], display_id: str | None, cell_index: int) -> Any:
            content = msg.get("content", {})
            size = len(json.dumps(content, default=str))
            is_answer = ANSWER_MIME in (content.get("data") or {})
            if not (is_answer and size <= _ANSWER_LIMIT) and self.output_bytes + size > self.output_limit:
                if cell_index not in self.truncated_cells:
                    self.truncated_cells.add(cell_index)
                    from nbformat.v4 import new_output

                    outs.append(new_output("stream", name="stderr", text="[the grader dropped further output: over the output limit]\n"))
                return None
            self.output_bytes += size
            return super().output(outs, msg, display_id, cell_index)

        def _update_display_id(self, display_id: str, msg: dict[str, Any]) -> None:
            # An answer is recorded by the cell that displays it, never by a later update.
            if ANSWER_MIME in (msg.get("content", {}).get("data") or {}):
                return
            super()._update_display_id(display_id, msg)

    class GradingEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(
            cls, nb_man: Any, kernel_name: str, log_output: bool = False, stdout_file: Any = None,
            stderr_file: Any = None, start_timeout: int = 60, execution_timeout: Any = None, **kwargs: Any,
        ) -> Any:
            holder = kwargs.pop("client_holder", None)
            kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
            final = merge_kwargs(
                kwargs, timeout=execution_timeout, startup_timeout=start_timeout, kernel_name=kernel_name,
                log=logging.getLogger("papermill"), log_output=log_output,
                stdout_file=stdout_file, stderr_file=stderr_file,
            )
            client = GradingClient(nb_man, **final)
            if holder is not None:
                holder.append(client)
            return client.execute()

    class SandboxKernelManager(AsyncKernelManager):
        """Puts the sandbox launcher in front of a locally launched kernel."""

        sandbox_json: str = ""

        def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
            cmd = super().format_kernel_cmd(extra_arguments)
            if not self.sandbox_json or type(self.provisioner).__name__ != "LocalProvisioner":
                return cmd
            return [sys.executable, "-m", "workbook.grading.sandbox", "--config", self.sandbox_json, "--", *cmd]

    papermill_engines.register(ENGINE_NAME, GradingEngine)
    GradingEngine.kernel_manager_class = SandboxKernelManager
    _ENGINE = GradingEngine
    return _ENGINE


_ENGINE: type | None = None


def _kernel_env(work: Path, exercises: Path | None) -> dict[str, str]:
    """The whole environment the kernel gets: nothing of the grader's."""
    env = {
        "PATH": os.pathsep.join([os.path.dirname(sys.executable), "/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": str(work),
        "TMPDIR": str(work / "tmp"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONNOUSERSITE": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "IPYTHONDIR": str(work / ".ipython"),
        "MPLCONFIGDIR": str(work / ".matplotlib"),
        "JUPYTER_RUNTIME_DIR": str(work / ".jupyter"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        # ipykernel exits when this process goes away (a killed batch leaves no kernels behind)
        "JPY_PARENT_PID": str(os.getpid()),
    }
    if exercises is not None:
        env["CTO_WORKBOOK_EXERCISES"] = str(exercises)
    return env


def _kernel_pid(km: Any) -> int | None:
    prov = getattr(km, "provisioner", None)
    pid = getattr(prov, "pid", None)
    if pid is None and getattr(prov, "process", None) is not None:
        pid = prov.process.pid
    return pid


def _kill_group(pid: int | None) -> None:
    if not pid:
        return
    for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            kill()
        except (ProcessLookupError, PermissionError):
            pass


def execute_notebook(
    nb: Any,
    parameters: dict[str, Any],
    *,
    limits: Limits | None = None,
    hide: tuple[str | Path, ...] = (),
    exercises_dir: str | Path | None = None,
    kernel_name: str = "python3",
    network: bool = False,
    sandbox: bool = True,
    scratch_root: str | Path | None = None,
) -> Execution:
    """Execute ``nb`` (a restored notebook node) in a sandboxed kernel; never raises for the notebook's faults.

    Parameters
    ----------
    nb
        The notebook to run (an ``nbformat`` node; it is not modified).
    parameters
        What papermill injects after the ``parameters`` cell.
    limits
        Time, memory and output limits (:class:`Limits`).
    hide
        Folders and files the kernel must not read (hidden checks, instructor
        edition, submissions, gradebook, roster).
    exercises_dir
        The public rubric folder the in-kernel self-check reads.
    kernel_name
        The kernelspec to start (``python3``, or a warm-fork provisioner's spec).
    sandbox
        ``False`` runs the kernel without the launcher (only for trusted notebooks).
    """
    import nbformat
    import papermill
    from nbclient.exceptions import DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    if not isinstance(parameters, dict):
        raise InputError("parameters", parameters, "a dict of parameter names and values")
    if not isinstance(kernel_name, str) or not kernel_name:
        raise InputError("kernel_name", kernel_name, "a kernelspec name such as 'python3'")
    limits = limits or Limits()
    engine = _engine()
    logging.getLogger("papermill").setLevel(logging.ERROR)
    scratch = Path(tempfile.mkdtemp(prefix="wbg-", dir=scratch_root))
    warnings: list[str] = []
    try:
        os.chmod(scratch, 0o711)
        work, ipc, out = scratch / "work", scratch / "ipc", scratch / "out"
        for d in (work, work / "tmp", ipc):
            d.mkdir(mode=0o755)
        out.mkdir(mode=0o700)
        source, executed, report = out / "input.ipynb", out / "executed.ipynb", out / "sandbox.json"
        nbformat.write(nb, str(source))

        km = engine.kernel_manager_class(kernel_name=kernel_name)
        km.transport = "ipc"
        km.ip = str(ipc / "k")
        km.cache_ports = False
        km.connection_file = str(ipc / "kernel.json")
        if hasattr(km, "transport_encryption"):
            km.transport_encryption = "disabled"
        config = SandboxConfig(
            workdir=str(work),
            hide=tuple(str(Path(h).resolve()) for h in hide),
            memory_bytes=int(limits.memory_mb * 2**20),
            network=network,
            env=_kernel_env(work, Path(exercises_dir).resolve() if exercises_dir else None),
            give=(str(work), str(ipc)),
            report=str(report),
        )
        if sandbox:
            km.sandbox_json = config.to_json()
        holder: list[Any] = []
        deadline_hit = threading.Event()

        def on_deadline() -> None:
            deadline_hit.set()
            if holder and holder[0].km is not None:
                _kill_group(_kernel_pid(holder[0].km))

        timer = threading.Timer(limits.notebook_timeout, on_deadline)
        timer.daemon = True
        status: Literal["completed", "timeout", "crashed"] = "completed"
        reason = ""
        timer.start()
        try:
            papermill.execute_notebook(
                str(source), str(executed), parameters=parameters, engine_name=ENGINE_NAME,
                kernel_name=kernel_name, progress_bar=False, request_save_on_cell_execute=False,
                start_timeout=int(limits.startup_timeout), execution_timeout=limits.cell_timeout,
                km=km, allow_errors=True, interrupt_on_timeout=True, client_holder=holder,
                output_limit=int(limits.output_mb * 2**20),
            )
        except PapermillExecutionError:
            pass  # a cell raised; allow_errors kept the run going, papermill only reports it at the end
        except DeadKernelError:
            status, reason = "crashed", "the kernel died (it exited, crashed or ran out of memory)"
        except Exception as exc:  # noqa: BLE001 - the kernel failed to start or the run broke: the grader goes on
            status, reason = "crashed", f"the run failed: {type(exc).__name__}: {exc}"
        finally:
            timer.cancel()
            if holder and holder[0].km is not None:
                _kill_group(_kernel_pid(holder[0].km))
        client = holder[0] if holder else None
        timed_out = list(client.timed_out_cells) if client else []
        if deadline_hit.is_set():
            status, reason = "timeout", f"the notebook ran past its time limit of {limits.notebook_timeout:g} s and was stopped"
        elif timed_out and status == "completed":
            status = "timeout"
            reason = f"{len(timed_out)} cell(s) ran past the time limit of {limits.cell_timeout:g} s and were interrupted"
        if client is not None and client.truncated_cells:
            warnings.append(f"output over {limits.output_mb:g} MB was dropped in {len(client.truncated_cells)} cell(s)")
        if report.is_file():
            try:
                warnings += json.loads(report.read_text()).get("warnings", [])
            except (OSError, ValueError):
                warnings.append("sandbox: the launcher's report could not be read")
        elif sandbox:
            warnings.append("sandbox: the kernel did not report its sandbox (it may not have started)")
        result_nb = None
        if executed.is_file():
            try:
                result_nb = nbformat.read(str(executed), as_version=4)
            except Exception as exc:  # noqa: BLE001
                warnings.append(f"the executed notebook could not be read back ({exc})")
        elif client is not None:
            result_nb = client.nb
        return Execution(status, result_nb, reason, warnings, timed_out)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
