"""The papermill engine the grader runs notebooks with: nbclient's public interface only.

:func:`grading_engine` registers (once) and returns a papermill engine whose
client keeps going after errors, records cells stopped at their time limit
(nbclient's ``error_on_timeout`` reply, seen by the ``on_cell_executed``
hook), caps outputs (answers included) in ``output`` and ``process_message``,
and pins each answer to the cell that displays it (an answer's display id is
dropped, and updates that carry an answer are ignored). Its kernel manager
puts the sandbox launcher in front of a locally launched kernel.

Its kernel client's ``wait_for_ready`` returns as soon as the kernel has
answered and IOPub is connected, without jupyter_client's final 0.2 s of
listening for stray messages. No private method of nbclient, papermill or
jupyter_client is overridden.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

__all__ = ["ENGINE_NAME", "grading_engine"]

ENGINE_NAME = "workbook-grading"
_TIMEOUT_ENAME = "GraderCellTimeout"
#: How soon (ms) a kernel channel that found no kernel socket tries again (zmq's default: 100).
_RECONNECT_MS = 5


_ENGINE: type | None = None


def grading_engine() -> type:
    """Register (once) and return the papermill engine the grader uses."""
    global _ENGINE
    if _ENGINE is not None:
        return _ENGINE
    from queue import Empty

    from jupyter_client import AsyncKernelClient
    from jupyter_client.channels import major_protocol_version
    from jupyter_client.manager import AsyncKernelManager
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.utils import merge_kwargs, remove_args

    from workbook.notebook.answers import ANSWER_MIME

    class GradingClient(PapermillNotebookClient):
        """Keeps going after errors, records timeouts, caps outputs, pins answers to their cell.

        Only nbclient's public interface is used: ``process_message`` and
        ``output`` (overridden), the ``on_cell_executed`` hook and the
        ``error_on_timeout`` reply that marks a cell stopped at its time limit.
        """

        def __init__(self, nb_man: Any, km: Any = None, output_limit: int = 5 * 2**20, **kw: Any) -> None:
            kw["error_on_timeout"] = {"ename": _TIMEOUT_ENAME, "evalue": "the cell ran past its time limit", "traceback": []}
            # An interrupted cell that never goes idle (it ignores KeyboardInterrupt) must not end the
            # run: the next cells time out in turn, and the notebook's own deadline stops the kernel.
            kw["raise_on_iopub_timeout"] = False
            kw["store_widget_state"] = False  # no score reads widget state; it costs a JSON copy per comm message
            super().__init__(nb_man, km=km, **kw)
            self.output_limit = output_limit
            self.answer_reserve = output_limit // 5
            self.output_bytes = 0
            self.truncated_cells: set[int] = set()
            self.timed_out_cells: list[int] = []
            self.on_cell_executed = self._cell_executed

        def _cell_executed(self, cell: Any, cell_index: int, execute_reply: dict[str, Any] | None) -> None:
            if ((execute_reply or {}).get("content") or {}).get("ename") == _TIMEOUT_ENAME:
                self.timed_out_cells.append(cell_index)

        def _budget(self, outs: list[Any], content: Any, cell_index: int, is_answer: bool) -> bool:
            """Count an output against the cap; ``False`` (and a note, once per cell) when it is over.

            Answers count too; they alone may use the last fifth of the cap, so
            that printing cannot crowd them out.
            """
            size = len(json.dumps(content, default=str))
            limit = self.output_limit if is_answer else self.output_limit - self.answer_reserve
            if self.output_bytes + size > limit:
                if cell_index not in self.truncated_cells:
                    self.truncated_cells.add(cell_index)
                    from nbformat.v4 import new_output

                    outs.append(new_output("stream", name="stderr", text="[the grader dropped further output: over the output limit]\n"))
                return False
            self.output_bytes += size
            return True

        def process_message(self, msg: dict[str, Any], cell: Any, cell_index: int) -> Any:
            content = msg.get("content")
            data = content.get("data") if isinstance(content, dict) else None
            if isinstance(data, dict) and ANSWER_MIME in data:
                if msg.get("msg_type") == "update_display_data":
                    return None  # an answer is recorded by the cell that displays it, never by an update
                if (content.get("transient") or {}).get("display_id"):
                    # nor does it overwrite, or get overwritten by, another display
                    msg = {**msg, "content": {**content, "transient": {}}}
            elif msg.get("msg_type") == "update_display_data" and not self._budget(cell.outputs, content, cell_index, False):
                return None
            return super().process_message(msg, cell, cell_index)

        def output(self, outs: list[Any], msg: dict[str, Any], display_id: str | None, cell_index: int) -> Any:
            content = msg.get("content", {})
            is_answer = ANSWER_MIME in (content.get("data") or {})
            if not self._budget(outs, content, cell_index, is_answer):
                return None
            return super().output(outs, msg, display_id, cell_index)

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

    class ReadyClient(AsyncKernelClient):
        """``wait_for_ready`` without jupyter_client's fixed wait after the kernel answered.

        jupyter_client's version, once ``kernel_info`` is answered and IOPub is
        seen to be connected, goes on reading IOPub until it has been quiet for
        0.2 s, to drop stray messages. The grading client only takes IOPub
        messages whose parent is the request it sent, so none can land in a cell:
        the wait only delays every submission.
        """

        def start_channels(self, *args: Any, **kwargs: Any) -> None:
            """Connect with a short reconnect interval (zmq's default is 100 ms).

            The channels connect as soon as the kernel's process exists, before
            it has bound its sockets (a forked kernel binds them about 40 ms
            later); a socket that found nothing retries only after zmq's
            reconnect interval, so every submission waited up to 100 ms for
            nothing. Sockets created after this take the context's new default.
            """
            import zmq

            self.context.setsockopt(zmq.RECONNECT_IVL, _RECONNECT_MS)
            super().start_channels(*args, **kwargs)

        async def wait_for_ready(self, timeout: float | None = None) -> None:
            deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
            while True:
                self.kernel_info()
                try:
                    msg = await self.shell_channel.get_msg(timeout=1)
                except Empty:
                    pass
                else:
                    if msg["msg_type"] == "kernel_info_reply":
                        try:  # IOPub is connected once the reply's status message arrives
                            await self.iopub_channel.get_msg(timeout=0.2)
                        except Empty:
                            pass
                        else:
                            major = int(msg["content"]["protocol_version"].split(".")[0])
                            if major != major_protocol_version:
                                self.session.adapt_version = major
                            return
                if not await self.is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")

    class SandboxKernelManager(AsyncKernelManager):
        """Puts the sandbox launcher in front of a locally launched kernel; its clients skip a fixed wait."""

        sandbox_json: str = ""

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.client_factory = ReadyClient

        def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
            cmd = super().format_kernel_cmd(extra_arguments)
            if not self.sandbox_json or type(self.provisioner).__name__ != "LocalProvisioner":
                return cmd
            return [sys.executable, "-m", "workbook.grading.sandbox", "--config", self.sandbox_json, "--", *cmd]

    papermill_engines.register(ENGINE_NAME, GradingEngine)
    GradingEngine.kernel_manager_class = SandboxKernelManager
    GradingEngine.client_class = GradingClient
    _ENGINE = GradingEngine
    return _ENGINE
