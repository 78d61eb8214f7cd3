"""Run one submission with papermill in a scratch copy, inside the sandbox.

What the grader controls here (see :mod:`workbook.grading.sandbox` for the kernel side):

- **Scratch copy**: the restored notebook is written to a fresh folder; the
  submission itself is never opened for writing. The scratch folder is the
  grader's alone (0700); the kernel's working folder and home
  (``<scratch>/work``) is a private tmpfs in the kernel's own mounts, its
  ``/tmp`` another. The notebook goes to papermill and comes back in memory.
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
- **Outputs**: at most ``output_mb`` of output is kept, answers included (they
  alone may use the last fifth, so printing cannot crowd them out); the rest
  is dropped with a note.
- **Transport**: the kernel talks to the grader over unix sockets in
  ``<scratch>/ipc``, a folder owned by the kernel's own uid (mode 0700), so it
  can live in a network namespace with no network at all and no other kernel
  can reach it.
- **Identity**: each kernel gets a fresh uid (:mod:`workbook.grading.kernel_uids`).

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
from workbook.grading.engine import ENGINE_NAME, grading_engine
from workbook.grading.sandbox import SandboxConfig
from workbook.notebook.display import RENDER_ENV
from workbook.paths import PATH_VARIABLE, extra_roots

__all__ = ["Limits", "Execution", "execute_notebook", "ENGINE_NAME"]



@dataclass(frozen=True)
class Limits:
    """Time, memory, output, process and disk limits for one submission.

    ``processes`` caps the processes and threads of the kernel's uid
    (``RLIMIT_NPROC``; an ipykernel uses about ten); ``disk_mb`` is the size of
    the kernel's private work folder, and a quarter of it each of ``/tmp``,
    ``/var/tmp`` and ``/dev/shm`` (memory-backed, gone with the kernel).

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
    processes: int = 64
    disk_mb: float = 256.0

    def __post_init__(self) -> None:
        from workbook.tools._validate import check_number

        for name in ("cell_timeout", "notebook_timeout", "memory_mb", "output_mb", "startup_timeout", "disk_mb"):
            object.__setattr__(self, name, check_number(name, getattr(self, name), minimum=0, strict_minimum=True))
        if isinstance(self.processes, bool) or not isinstance(self.processes, int) or self.processes < 16:
            raise InputError("processes", self.processes, "a whole number of processes and threads per kernel, 16 or more")


@dataclass
class Execution:
    """What came of running a notebook: ``completed``, ``timeout`` or ``crashed``."""

    status: Literal["completed", "timeout", "crashed"]
    notebook: Any
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    timed_out_cells: list[int] = field(default_factory=list)


def _kernel_env(work: Path, exercises: Path | None, sandboxed: bool, render: bool) -> dict[str, str]:
    """The whole environment the kernel gets: nothing of the grader's."""
    env = {
        RENDER_ENV: "1" if render else "0",
        "PATH": os.pathsep.join([os.path.dirname(sys.executable), "/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": str(work),
        "USER": "candidate",
        "LOGNAME": "candidate",
        "TMPDIR": "/tmp" if sandboxed else str(work / "tmp"),
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
    }
    if not sandboxed:
        # ipykernel exits when this process goes away (in the sandbox, its monitor does this)
        env["JPY_PARENT_PID"] = str(os.getpid())
    if exercises is not None:
        env["CTO_WORKBOOK_EXERCISES"] = str(exercises)
    if extra_roots():  # a cohort's own principles: their packages (the sandbox shows only principles/)
        env[PATH_VARIABLE] = os.pathsep.join(str(r) for r in extra_roots())
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


def _release(client: Any, km: Any) -> None:
    """Close the client's channels and the kernel manager's sockets, context and files.

    nbclient leaves them open when it was handed the kernel manager; a worker
    grading a hundred submissions would otherwise run out of file descriptors
    (about twenty per submission).
    """
    from jupyter_core.utils import run_sync

    kc = getattr(client, "kc", None)
    try:
        if kc is not None:
            kc.stop_channels()
        run_sync(km.cleanup_resources)()
    except Exception as exc:  # noqa: BLE001 - the kernel is gone already; a failed clean-up must not fail the grade
        logging.getLogger(__name__).warning("kernel clean-up failed: %s", exc)


def _prepared(nb: Any, parameters: dict[str, Any], kernel_name: str) -> Any:
    """A copy of ``nb`` as papermill runs it: its metadata, and the parameters injected after the ``parameters`` cell.

    What ``papermill.execute_notebook`` does before it hands a notebook to its
    engine, without its JSON round trips (a node is written out, validated
    and read back in; the result is written and validated again at the end):
    three validations of every cell and output for each submission, of a
    notebook the grader built itself from the released template.
    """
    import copy

    from papermill import __version__
    from papermill.parameterize import parameterize_notebook

    node = copy.deepcopy(nb)
    node.metadata.setdefault("papermill", {"default_parameters": {}, "parameters": {}, "environment_variables": {}, "version": __version__})
    for cell in node.cells:
        cell.metadata.setdefault("tags", [])
        cell.metadata.setdefault("papermill", {})
    if not parameters:  # as papermill: nothing is injected
        return node
    return parameterize_notebook(node, parameters, kernel_name=kernel_name, language="python", engine_name=ENGINE_NAME)


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
    render: bool = False,
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
    render
        Draw figures (``False`` by default: a grading kernel skips what no
        score needs, see :mod:`workbook.notebook.display`).
    """
    from nbclient.exceptions import DeadKernelError
    from papermill.engines import papermill_engines

    if not isinstance(parameters, dict):
        raise InputError("parameters", parameters, "a dict of parameter names and values")
    if not isinstance(kernel_name, str) or not kernel_name:
        raise InputError("kernel_name", kernel_name, "a kernelspec name such as 'python3'")
    limits = limits or Limits()
    engine = grading_engine()
    logging.getLogger("papermill").setLevel(logging.ERROR)
    scratch = Path(tempfile.mkdtemp(prefix="wbg-", dir=scratch_root))
    warnings: list[str] = []
    try:
        # Only the grader (root) uses the scratch folder: the kernel sees its work folder as a
        # private tmpfs and the IPC folder, handed to its own uid, through its own mounts.
        os.chmod(scratch, 0o711)
        work, ipc, out, root = scratch / "work", scratch / "ipc", scratch / "out", scratch / "root"
        for d in (work, work / "tmp", ipc, root, out):
            d.mkdir(mode=0o700)
        report = out / "sandbox.json"

        km = engine.kernel_manager_class(kernel_name=kernel_name)
        km.transport = "ipc"
        km.ip = str(ipc / "k")
        km.cache_ports = False
        km.connection_file = str(ipc / "kernel.json")
        if hasattr(km, "transport_encryption"):
            km.transport_encryption = "disabled"
        if sandbox:
            from workbook.grading.kernel_uids import allocate_uid
            from workbook.grading.sandbox_fs import kernel_view

            exercises = Path(exercises_dir).resolve() if exercises_dir else None
            hidden = [str(Path(h).resolve()) for h in hide] + ([str(exercises / "hidden")] if exercises else [])
            config = SandboxConfig(
                workdir=str(work),
                root=str(root),
                ipc=str(ipc),
                expose=kernel_view(exercises),
                hide=tuple(hidden),
                memory_bytes=int(limits.memory_mb * 2**20),
                processes=limits.processes,
                work_bytes=int(limits.disk_mb * 2**20),
                tmp_bytes=int(limits.disk_mb * 2**20) // 4,
                network=network,
                env=_kernel_env(work, exercises, True, render),
                uid=allocate_uid(),
                report=str(report),
            )
            km.sandbox_json = config.to_json()
            kernel_uid = config.uid
        else:
            kernel_uid = None
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
        executed = None
        try:
            # In memory, both ways: papermill's engine runs a copy; no file is written or read back.
            executed = papermill_engines.execute_notebook_with_engine(
                ENGINE_NAME, _prepared(nb, parameters, kernel_name), kernel_name, output_path=None,
                progress_bar=False, start_timeout=int(limits.startup_timeout), execution_timeout=limits.cell_timeout,
                km=km, allow_errors=True, interrupt_on_timeout=True, client_holder=holder,
                output_limit=int(limits.output_mb * 2**20),
            )
        except DeadKernelError:
            status, reason = "crashed", "the kernel died (it exited, crashed or ran out of memory)"
        except Exception as exc:  # noqa: BLE001 - the kernel failed to start or the run broke: the grader goes on
            status, reason = "crashed", f"the run failed: {type(exc).__name__}: {exc}"
        finally:
            timer.cancel()
            if holder and holder[0].km is not None:
                _kill_group(_kernel_pid(holder[0].km))
            if kernel_uid is not None:  # nothing the kernel started is alive once the run returns
                from workbook.grading.kernel_uids import end_processes_of

                end_processes_of(kernel_uid)
            _release(holder[0] if holder else None, km)
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
        result_nb = executed if executed is not None else (client.nb if client is not None else None)
        return Execution(status, result_nb, reason, warnings, timed_out)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
