"""The warm parent ("zygote"): imports the heavy libraries once, then forks one fresh kernel per request.

Run as ``python -m workbook.grading.warm.zygote --dir FOLDER``; clients start it
on demand (:func:`workbook.grading.warm.client.ensure_zygote`). It:

1. pins the BLAS/OpenMP thread pools to one thread, *then* imports ipykernel,
   IPython, numpy, pandas, matplotlib (pyplot, Agg), numpy-financial, pydantic,
   ipywidgets and the workbook's calculators (``workbook.tools``,
   ``workbook.districts``, ``workbook.principles``, ``workbook.notebook``) - never
   a rubric or anything under ``exercises/``: every kernel gets a copy of this
   process's memory;
2. warms caches (a DataFrame rendered, a PNG drawn with a bare Agg canvas),
   ``gc.freeze()``, and checks it is a single OS thread;
3. serves a unix socket in a private (0700) folder with one thread and a
   selector: ``hello`` (pid, fingerprint), ``spawn`` (fork a kernel),
   ``retire`` (unlink the socket, exit once the last kernel has ended).

A ``spawn`` connection stays open while its kernel lives: the parent reports
the exit code on it, and kills the kernel's process group if the client
hangs up first. Kernels' orphans are reaped too (child subreaper). The
parent exits after ``--idle-timeout`` seconds with no kernel and no request.

The forked child resets signals, ``setsid()``, asks for SIGKILL when the
parent dies, takes the passed stdio, enters the grading sandbox when asked
(:func:`workbook.grading.sandbox.enter_sandbox`: the child stays as the
kernel's monitor and its own child, in new namespaces and as a fresh uid,
goes on to become the kernel), replaces ``os.environ``,
changes directory, reseeds numpy's global random state, runs
``IPKernelApp.initialize`` + ``start`` and leaves with ``os._exit``.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")

import argparse  # noqa: E402
import ctypes  # noqa: E402
import selectors  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from workbook.grading.warm.protocol import SOCKET_NAME, fingerprint, private_dir, recv_message, send_message  # noqa: E402

from workbook.grading.warm.preload import WARM_PACKAGES, warm_up  # noqa: E402

__all__ = ["main", "warm_up", "WARM_PACKAGES"]

_PR_SET_PDEATHSIG = 1
_PR_SET_CHILD_SUBREAPER = 36

def _log(text: str) -> None:
    sys.stderr.write(f"[zygote {os.getpid()}] {text}\n")
    sys.stderr.flush()


def _threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        import threading

        return threading.active_count()


def _prctl(option: int, value: int) -> None:
    ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)


@dataclass
class _Kernel:
    pid: int
    pidfd: int
    conn: socket.socket
    status: int | None = None


@dataclass
class _Server:
    folder: Path
    idle_timeout: float
    fp: str
    pinned: bool = False
    listener: socket.socket | None = None
    selector: selectors.BaseSelector = field(default_factory=selectors.DefaultSelector)
    kernels: dict[int, _Kernel] = field(default_factory=dict)
    retired: bool = False
    stop_requested: bool = False
    last_activity: float = field(default_factory=time.monotonic)
    wake_r: socket.socket | None = None
    wake_w: socket.socket | None = None

    # ------------------------------------------------------------------ loop
    def serve(self) -> None:
        path = self.folder / SOCKET_NAME
        if path.exists():
            path.unlink()
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(str(path))
        os.chmod(path, 0o600)
        self.listener.listen(64)
        self.selector.register(self.listener, selectors.EVENT_READ, ("accept", None))
        self._wake_on_child_exit()
        _log(f"ready on {path} (fingerprint {self.fp})")
        while True:
            for key, _ in self.selector.select(timeout=1.0):
                kind, data = key.data
                if kind == "accept":
                    self._accept()
                elif kind == "wake":
                    self._drain_wake()
                elif kind == "exit":
                    self._finish(data)
                elif kind == "hangup":
                    self._hangup(data)
            self._reap()
            if self.stop_requested:
                self._retire()
            if not self.kernels and (self.retired or time.monotonic() - self.last_activity > self.idle_timeout):
                break
        self._retire()
        _log("exiting")

    def _wake_on_child_exit(self) -> None:
        """Wake the loop at every SIGCHLD, so an orphan handed to us is reaped at once.

        A sandboxed kernel is the child of its monitor; when both end, the kernel
        is reparented here (child subreaper). The grader waits until no process of
        the kernel's uid is left, zombies included, so reaping it at the next
        one-second tick would add up to a second to every submission.
        """
        self.wake_r, self.wake_w = socket.socketpair()
        for end in (self.wake_r, self.wake_w):
            end.setblocking(False)
        signal.signal(signal.SIGCHLD, lambda *_: None)  # a Python handler, so the wakeup fd is written
        signal.set_wakeup_fd(self.wake_w.fileno(), warn_on_full_buffer=False)
        self.selector.register(self.wake_r, selectors.EVENT_READ, ("wake", None))

    def _drain_wake(self) -> None:
        try:
            while self.wake_r.recv(4096):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def _accept(self) -> None:
        assert self.listener is not None
        conn, _ = self.listener.accept()
        self.last_activity = time.monotonic()
        conn.settimeout(10)
        try:
            request, fds = recv_message(conn, want_fds=3)
        except (OSError, ValueError, ConnectionError) as exc:
            _log(f"bad request: {exc}")
            conn.close()
            return
        op = request.get("op")
        try:
            if op == "hello":
                send_message(conn, {"pid": os.getpid(), "fingerprint": self.fp, "kernels": len(self.kernels),
                                    "retired": self.retired, "pinned": self.pinned})
            elif op == "retire":
                self._retire()
                send_message(conn, {"ok": True, "pid": os.getpid()})
            elif op == "spawn" and len(fds) == 3 and not self.retired:
                self._spawn(conn, request, fds)
                return
            else:
                send_message(conn, {"error": f"cannot {op!r} now" if self.retired else f"unknown request {op!r}"})
        except OSError as exc:
            _log(f"reply failed: {exc}")
        finally:
            for fd in fds:
                os.close(fd)
        conn.close()

    def _retire(self) -> None:
        if self.retired:
            return
        self.retired = True
        if self.listener is not None:
            self.selector.unregister(self.listener)
            self.listener.close()
            self.listener = None
            path = self.folder / SOCKET_NAME
            try:
                path.unlink()
            except OSError:
                pass

    def _spawn(self, conn: socket.socket, request: dict[str, Any], fds: list[int]) -> None:
        pid = os.fork()
        if pid == 0:
            _become_kernel(request, fds, self._closers(conn))
        pidfd = os.pidfd_open(pid)
        kernel = _Kernel(pid, pidfd, conn)
        self.kernels[pid] = kernel
        try:
            send_message(conn, {"pid": pid})
        except OSError:
            pass
        conn.setblocking(False)
        self.selector.register(pidfd, selectors.EVENT_READ, ("exit", kernel))
        self.selector.register(conn, selectors.EVENT_READ, ("hangup", kernel))

    def _closers(self, conn: socket.socket) -> list[Any]:
        items: list[Any] = [self.selector, conn, *(end for end in (self.wake_r, self.wake_w) if end is not None)]
        if self.listener is not None:
            items.append(self.listener)
        for k in self.kernels.values():
            items += [k.conn, k.pidfd]
        return items

    def _hangup(self, kernel: _Kernel) -> None:
        try:
            if kernel.conn.recv(4096):
                return  # clients send nothing after the request; ignore
        except BlockingIOError:
            return
        except OSError:
            pass
        # The client went away while its kernel lives: the kernel must not outlive it.
        for kill in (lambda: os.killpg(kernel.pid, signal.SIGKILL), lambda: signal.pidfd_send_signal(kernel.pidfd, signal.SIGKILL)):
            try:
                kill()
                break
            except OSError:
                continue
        self.selector.unregister(kernel.conn)

    def _finish(self, kernel: _Kernel) -> None:
        try:
            os.killpg(kernel.pid, signal.SIGKILL)  # what the kernel left behind in its session
        except OSError:
            pass
        if kernel.status is None:
            try:
                _, kernel.status = os.waitpid(kernel.pid, 0)
            except ChildProcessError:
                kernel.status = 255 << 8
        code = os.waitstatus_to_exitcode(kernel.status)
        self.selector.unregister(kernel.pidfd)
        os.close(kernel.pidfd)
        try:
            self.selector.unregister(kernel.conn)
        except (KeyError, ValueError):
            pass
        try:
            kernel.conn.setblocking(True)
            kernel.conn.settimeout(2)
            send_message(kernel.conn, {"exit": code})
        except OSError:
            pass
        kernel.conn.close()
        del self.kernels[kernel.pid]
        self.last_activity = time.monotonic()

    def _reap(self) -> None:
        """Reap orphans handed to us as subreaper; remember our kernels' statuses."""
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid in self.kernels:
                self.kernels[pid].status = status


def _become_kernel(request: dict[str, Any], fds: list[int], closers: list[Any]) -> None:
    """In the forked child: become a fresh ipykernel. Never returns."""
    code = 1
    try:
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD, signal.SIGUSR1, signal.SIGUSR2, signal.SIGALRM):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.set_wakeup_fd(-1)  # before the parent's wake-up socket is closed below
        for item in closers:
            if isinstance(item, int):
                os.close(item)
            else:
                item.close()
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        parent = os.getppid()
        os.setsid()
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:
            os._exit(1)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        env = dict(request.get("env") or {})
        argv = [*request["argv"], f"--IPKernelApp.parent_handle={parent}"]
        if request.get("sandbox"):
            from workbook.grading.sandbox import SandboxConfig, enter_sandbox

            config = SandboxConfig.from_json(request["sandbox"])
            # From here on this process is the kernel's monitor; its child (process 1 of a new
            # PID namespace, in its own mounts, as its own uid) returns and becomes the kernel.
            enter_sandbox(config)
            env = dict(config.env)
            cwd = config.workdir
            argv = list(request["argv"])  # its parent, the monitor, is outside its PID namespace
        else:
            cwd = request.get("cwd") or os.getcwd()
            os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        _fresh_process_state(env, cwd)
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize(argv)
        app.start()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - report and leave: this is a child process
        import traceback

        traceback.print_exc()
    finally:
        try:
            import atexit

            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _fresh_process_state(env: dict[str, str], cwd: str) -> None:
    """Undo what the child inherited from the parent that a new interpreter would not have."""
    if sys.path and os.path.realpath(sys.path[0] or ".") == os.path.realpath(_PARENT_CWD):
        del sys.path[0]  # ipykernel's InteractiveShellApp puts '' back, as ipykernel_launcher does
    for extra in reversed([p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]):
        if extra not in sys.path:
            sys.path.insert(0, extra)
    import matplotlib
    import numpy as np

    np.random.seed()
    for key, value in _IMPORT_ENV.items():
        os.environ.setdefault(key, value)
    backend = env.get("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    matplotlib.rcParams["backend"] = backend
    if "MPLBACKEND" not in env:
        os.environ["MPLBACKEND"] = backend
    if "TZ" in env:
        time.tzset()


_PARENT_CWD = os.getcwd()
#: Environment variables the warm-up's imports set (filled in by :func:`main`).
_IMPORT_ENV: dict[str, str] = {}


def main(argv: list[str] | None = None) -> None:
    """``python -m workbook.grading.warm.zygote --dir FOLDER [--idle-timeout SECONDS]``."""
    parser = argparse.ArgumentParser(prog="python -m workbook.grading.warm.zygote")
    parser.add_argument("--dir", required=True)
    parser.add_argument("--idle-timeout", type=float, default=600.0)
    parser.add_argument("--pinned", action="store_true", help="held by a grading run: clients keep it even when stale")
    parser.add_argument("--die-with", type=int, default=0, metavar="PID", help="exit (SIGKILL) when this parent process dies")
    args = parser.parse_args(argv)
    if args.die_with:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != args.die_with:
            raise SystemExit("the run that owns this warm parent has already ended")
    folder = private_dir(args.dir)
    fp = fingerprint()
    started = time.perf_counter()
    before = dict(os.environ)
    warm_up(_log)
    # What the preloaded modules put in the environment at import (pydevd: PYDEVD_USE_FRAME_EVAL);
    # a kernel that imported them itself would have it too, unless its environment already said.
    _IMPORT_ENV.update({k: v for k, v in os.environ.items() if k not in before})
    threads = _threads()
    if threads != 1:
        raise SystemExit(f"the warm parent has {threads} OS threads after warm-up; forking would be unsafe")
    _prctl(_PR_SET_CHILD_SUBREAPER, 1)
    server = _Server(folder, args.idle_timeout, fp, pinned=args.pinned)
    signal.signal(signal.SIGTERM, lambda *_: setattr(server, "stop_requested", True))
    _log(f"warmed up in {time.perf_counter() - started:.2f} s")
    server.serve()


if __name__ == "__main__":  # pragma: no cover - the parent process itself
    main()
