"""What the warm parent and its clients share: the private folder, message framing, the fingerprint.

Messages are JSON objects, each preceded by its length as 4 big-endian bytes,
on a unix stream socket. A ``spawn`` request carries the caller's standard
input, output and error as file descriptors (``SCM_RIGHTS``).

Only the standard library is imported here: the parent imports this module
before anything else.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import stat
import struct
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = [
    "DIR_ENV",
    "SOCKET_NAME",
    "default_dir",
    "private_dir",
    "send_message",
    "recv_message",
    "fingerprint",
]

#: Environment variable naming the folder of the warm parent's socket (one parent per folder).
DIR_ENV = "CTO_WORKBOOK_ZYGOTE_DIR"
SOCKET_NAME = "zygote.sock"
LOG_NAME = "zygote.log"
LOCK_NAME = "zygote.lock"
#: Present in a folder whose parent a grading run owns: nobody else starts one there.
OWNED_NAME = "owned-by-run"
_HEADER = struct.Struct(">I")
_MAX_MESSAGE = 16 * 2**20


def default_dir() -> Path:
    """The folder of this user's warm parent: ``$CTO_WORKBOOK_ZYGOTE_DIR`` or a per-user folder in the temp folder.

    >>> default_dir().name.startswith("cto-workbook-zygote") or "CTO_WORKBOOK_ZYGOTE_DIR" in os.environ
    True
    """
    chosen = os.environ.get(DIR_ENV)
    if chosen:
        return Path(chosen)
    return Path(tempfile.gettempdir()) / f"cto-workbook-zygote-{os.getuid()}"


def private_dir(path: str | Path) -> Path:
    """Create ``path`` with mode 0700 if needed and check that only this user can use it.

    Raises
    ------
    workbook.errors.InputError
        If the folder belongs to another user or others may enter it.

    Examples
    --------
    >>> import tempfile
    >>> d = private_dir(Path(tempfile.mkdtemp()) / "z")
    >>> oct(d.stat().st_mode & 0o777)
    '0o700'
    """
    from workbook.errors import InputError

    folder = Path(path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode):
        raise InputError("zygote_dir", str(folder), "a folder (this is a symbolic link or a file)")
    if info.st_uid != os.getuid():
        raise InputError("zygote_dir", str(folder), f"a folder owned by this user (uid {os.getuid()})")
    if info.st_mode & 0o077:
        raise InputError("zygote_dir", str(folder), "a folder only its owner can enter (mode 0700)")
    return folder


def send_message(sock: socket.socket, message: dict[str, Any], fds: list[int] | None = None) -> None:
    """Send one framed JSON message, with ``fds`` attached if given."""
    body = json.dumps(message).encode()
    data = _HEADER.pack(len(body)) + body
    if fds:
        sent = socket.send_fds(sock, [data], fds)
        data = data[sent:]
    if data:
        sock.sendall(data)


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    chunks = bytearray()
    while len(chunks) < size:
        block = sock.recv(size - len(chunks))
        if not block:
            raise ConnectionError("the other side closed the connection")
        chunks += block
    return bytes(chunks)


def recv_message(sock: socket.socket, want_fds: int = 0) -> tuple[dict[str, Any], list[int]]:
    """Receive one framed JSON message and any file descriptors sent with it."""
    fds: list[int] = []
    if want_fds:
        first, fds, _flags, _addr = socket.recv_fds(sock, _HEADER.size, want_fds)
        if not first:
            raise ConnectionError("the other side closed the connection")
        head = first + _recv_exact(sock, _HEADER.size - len(first))
    else:
        head = _recv_exact(sock, _HEADER.size)
    (size,) = _HEADER.unpack(head)
    if size > _MAX_MESSAGE:
        for fd in fds:
            os.close(fd)
        raise ConnectionError(f"message of {size} bytes is too large")
    return json.loads(_recv_exact(sock, size)), fds


def _stamp(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path}:-"
    return f"{path}:{st.st_mtime_ns}:{st.st_size}"


def fingerprint() -> str:
    """A hash of what the warm parent has imported: the interpreter, the installed
    distributions and the workbook's own source files.

    When it changes (a package was upgraded, the workbook was edited) the
    parent is stale and a new one is started.

    >>> fingerprint() == fingerprint()
    True
    """
    import sysconfig

    parts = [sys.executable, sys.version]
    for key in ("purelib", "platlib"):
        site = Path(sysconfig.get_paths()[key])
        parts.append(_stamp(site))
        try:
            names = sorted(n for n in os.listdir(site) if n.endswith((".dist-info", ".egg-info", ".pth")))
        except OSError:
            names = []
        parts.extend(_stamp(site / n) for n in names)
    package = Path(__file__).resolve().parents[2]
    for source in sorted(package.rglob("*.py")):
        parts.append(_stamp(source))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]
